// Inline suppression markers (src/suppress.rs) in the real wasm: the page and
// the editor extensions get the same filtered findings as the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, check, analyze } from '../../pkg/gwlint.js';

initSync({ module: readFileSync(new URL('../../pkg/gwlint_bg.wasm', import.meta.url)) });

const X = 'placeholder/x-slot';

test('markers silence the named rules where they apply, and nowhere else', () => {
  const text = [
    '𠀀调研X次。',
    '<!-- gwlint-disable-next-line placeholder/x-slot -- 原文如此 -->',
    '',
    '走访X户。',
    '<!-- gwlint-disable placeholder -->',
    '座谈X场。',
    '<!-- gwlint-enable placeholder -->',
    '调研X次。<!-- gwlint-disable-line -->',
    '检查X处。',
  ].join('\n');
  const found = check(text, undefined).filter((f) => f.rule === X);
  assert.deepEqual(found.map((f) => [f.line, text.slice(f.start, f.end)]), [
    [1, 'X'],
    [9, 'X'],
  ]);
  assert.equal(found[0].column, 5, 'UTF-16 columns: 𠀀 is two units');
  // The "N 处待填" checklist follows the findings.
  const slots = analyze(text, undefined).placeholders.map((p) => p.line);
  assert.deepEqual(slots, [1, 9]);
});

test('without markers every slot is reported', () => {
  const text = '调研X次。\n<!-- 普通注释 -->\n走访X户。';
  assert.equal(check(text, undefined).filter((f) => f.rule === X).length, 2);
});
