// The real wasm (pkg/, built by `make wasm`) in Node: UTF-16 offsets, the
// registry, config errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, check, rules, analyze, loadDictionary, dictionaryLoaded, Checker } from '../../pkg/gwlint.js';

initSync({ module: readFileSync(new URL('../../pkg/gwlint_bg.wasm', import.meta.url)) });
const DICT = readFileSync(new URL('../../data/jieba-dict.bin', import.meta.url));

// First, before the dictionary: segmentation-free rules work, the others are pending.
test('before loadDictionary, findings that need segmentation are pending, not wrong', () => {
  assert.equal(dictionaryLoaded(), false);
  const text = '调研X次。\n《县县本级办法》';
  const a = analyze(text, undefined);
  assert.equal(a.segmentationPending, true);
  assert.deepEqual(a.findings.map((f) => f.rule), ['placeholder/x-slot']);
  const c = new Checker(undefined);
  assert.equal(c.analyze(text).segmentationPending, true);
  assert.throws(() => loadDictionary(new Uint8Array([1, 2, 3])), /词典/);
  loadDictionary(new Uint8Array(DICT));
  assert.equal(dictionaryLoaded(), true);
  const b = c.analyze(text);
  assert.equal(b.segmentationPending, false);
  assert.deepEqual(b.findings.map((f) => f.rule), ['placeholder/x-slot', 'consistency/doubled-char']);
  assert.deepEqual(b, analyze(text, undefined));
});

test('Checker: edits re-check changed paragraphs, results equal a full check', () => {
  const c = new Checker({ rules: { structure: 'error' } });
  let text = '一、甲\n调研X次。\n三、丙\n';
  assert.deepEqual(c.analyze(text), analyze(text, { rules: { structure: 'error' } }));
  text = text.replace('调研X次。', '调研X次，的的。');
  const a = c.analyze(text);
  assert.deepEqual(a, analyze(text, { rules: { structure: 'error' } }));
  assert.deepEqual(a.findings.map((f) => text.slice(f.start, f.end)), ['X', '的的', '三、']);
  assert.ok(c.cached >= 3);
  c.setConfig({ rules: { consistency: 'off' } });
  assert.deepEqual(c.analyze(text).findings.map((f) => f.rule), ['placeholder/x-slot', 'structure/heading-sequence']);
  // A bad key is named in configErrors and ignored; checking goes on.
  c.setConfig({ rules: { nope: 'off', consistency: 'off' } });
  const bad = c.analyze(text);
  assert.match(bad.configErrors.join(), /nope/);
  assert.deepEqual(bad.findings.map((f) => f.rule), ['placeholder/x-slot', 'structure/heading-sequence']);
  assert.match(new Checker('{"rulez":1}').analyze(text).configErrors.join(), /rulez/);
});

test('Checker.edit: only the change goes in; results equal a fresh analysis of the edited text', () => {
  const c = new Checker(undefined);
  let text = '关于工作的报告\n一、总体情况\n😀调研𠀀工作。\n（一）主要做法\n全年开展检查。\n二、下一步\n';
  const first = c.analyze(text);
  assert.deepEqual(first, analyze(text, undefined));
  assert.equal(c.textLength, text.length);
  // [from, to, insert] in UTF-16, as CodeMirror reports them: typing, a
  // deletion, a new line, a slot, a new heading, after characters outside the BMP.
  const at = (s, k = 0) => {
    const i = text.indexOf(s);
    assert.ok(i >= 0, s);
    return i + k;
  };
  const edits = [
    () => [at('工作。'), at('工作。'), 'X次'],
    () => [at('全年', 2), at('全年', 2), '的的'],
    () => [0, 0, '𠀀'],
    () => [at('检查'), at('检查', 2), ''],
    () => [text.length, text.length, '三、附则\n'],
    () => [at('\n（一）'), at('\n（一）'), '\n新增一段XX。'],
    () => [at('附则'), at('附则'), '其他'],
  ];
  const omitted = { outline: 0, placeholders: 0 };
  let shown = first;
  for (const edit of edits) {
    const [a, b, insert] = edit();
    text = text.slice(0, a) + insert + text.slice(b);
    const got = c.edit(a, b, insert);
    const fresh = analyze(text, undefined);
    assert.deepEqual(got.findings, fresh.findings, `after ${insert}`);
    for (const key of ['outline', 'placeholders']) {
      if (key in got) assert.deepEqual(got[key], fresh[key]);
      else {
        // Unchanged: what was shown, moved with the edit, is the fresh list.
        omitted[key]++;
        const by = insert.length - (b - a);
        const lines = insert.split('\n').length - 1;
        const moved = shown[key].map((o) => (o.end <= a ? o : { ...o, start: o.start + by, end: o.end + by, line: o.line + lines }));
        assert.deepEqual(moved, fresh[key], `${key} after ${insert}`);
      }
    }
    shown = fresh;
    assert.equal(c.textLength, text.length);
  }
  assert.ok(omitted.outline >= 3 && omitted.placeholders >= 3, JSON.stringify(omitted));
  // The X typed in is underlined where it is; deleting it takes the underline away.
  const x = text.indexOf('X次');
  assert.ok(c.edit(x, x, '').findings.some((f) => f.rule === 'placeholder/x-slot' && f.start > text.indexOf('😀')));
  // Offsets that are not a range of the text throw (the page then sends the whole text).
  assert.throws(() => c.edit(text.length + 5, text.length + 5, 'a'), /not a range/);
  assert.throws(() => c.edit(1, 1, 'a'), /not a range/); // inside 𠀀
});

test('UTF-16 offsets stay right after a character outside the BMP', () => {
  const text = '𠀀𠀁😀调研X次。\n《县县本级办法》';
  const found = check(text, undefined);
  assert.deepEqual(found.map((f) => [f.rule, text.slice(f.start, f.end)]), [
    ['placeholder/x-slot', 'X'],
    ['consistency/doubled-char', '县县'],
  ]);
  const x = found[0];
  assert.equal(x.start, 8); // three astral characters are six code units, then 调研
  assert.equal(x.line, 1);
  assert.equal(x.column, 9);
  assert.equal(x.title, '未填写的X占位符');
  const d = found[1];
  assert.equal(d.line, 2);
  assert.equal(text.slice(d.fixes[0].start, d.fixes[0].end), '县县');
  assert.equal(d.fixes[0].replacement, '县');
  assert.equal(d.fixes[0].applicability, 'review');
  assert.match(d.message, /县县/);
});

test('config as object or JSON string; bad keys are named', () => {
  const text = '调研X次。';
  assert.equal(check(text, { rules: { 'placeholder/x-slot': 'off' } }).length, 0);
  assert.equal(check(text, '{"rules":{"placeholder":"error"}}')[0].severity, 'error');
  // A bad key never stops checking: it is ignored, named in configErrors, and the rest applies.
  const a = analyze(text, { rules: { 'placeholder/nope': 'off', 'placeholder/x-slot': 'error' } });
  assert.equal(a.findings[0].severity, 'error');
  assert.equal(a.configErrors.length, 1);
  assert.match(a.configErrors[0], /placeholder\/nope/);
  assert.equal(check(text, '{not json').length, 1);
  assert.match(analyze(text, '{not json').configErrors[0], /JSON/);
});

test('rules() lists the registry with Chinese titles and docs', () => {
  const list = rules();
  const ids = list.map((r) => r.id);
  for (const id of ['structure/heading-sequence', 'placeholder/x-slot', 'consistency/doubled-char']) assert.ok(ids.includes(id), id);
  for (const r of list) {
    assert.match(r.title, /[\u4e00-\u9fff]/);
    assert.ok(r.doc.length > 20);
    assert.ok(['error', 'warning', 'info'].includes(r.severity));
  }
});

test('analyze() returns the same findings as check()', async () => {
  const text = '一、甲\n三、丙\n调研X次。';
  const a = analyze(text, undefined);
  assert.deepEqual(a.findings, check(text, undefined));
  assert.equal(a.segmentationPending, false);
  assert.equal(a.findings.length, 2);
});

test('analyze() lists every placeholder in document order (UTF-16 offsets)', async () => {
  const { analyze } = await import('../../pkg/gwlint.js');
  const text = '𠀀调研X次\n○○县【待补充】，某某局';
  const a = analyze(text, undefined);
  assert.deepEqual(a.placeholders.map((p) => [p.text, p.line]), [['X', 1], ['○○', 2], ['【待补充】', 2], ['某某', 2]]);
  for (const p of a.placeholders) assert.equal(text.slice(p.start, p.end), p.text);
  assert.equal(a.placeholders[0].before, '𠀀调研');
  assert.equal(a.placeholders[0].after, '次');
  assert.equal(analyze(text, { rules: { placeholder: 'off' } }).placeholders.length, 0);
});

test('analyze() returns the outline with UTF-16 offsets', async () => {
  const { analyze } = await import('../../pkg/gwlint.js');
  const text = '𠀀关于加强学习的报告\n一、主要做法\n（一）加强学习。全年学习12次。\n1.集中学习\n二、存在问题';
  const a = analyze(text, undefined);
  assert.deepEqual(
    a.outline.map((n) => [n.number, n.text, n.level, n.depth, n.line, n.kind]),
    [
      ['一、', '主要做法', 1, 0, 2, 'heading'],
      ['（一）', '加强学习', 2, 1, 3, 'heading'],
      ['1.', '集中学习', 3, 2, 4, 'heading'],
      ['二、', '存在问题', 1, 0, 5, 'heading'],
    ],
  );
  assert.equal(a.outline[2].parent, 1);
  for (const n of a.outline) assert.ok(text.slice(n.start, n.end).startsWith(n.number));
});
