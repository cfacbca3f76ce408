// The VS Code extension's diagnostics and code actions, produced by the real
// wasm (pkg/) in Node and mapped to VS Code's API shapes through a small shim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { initSync, rules, loadDictionary } from '../../pkg/gwlint.js';
import * as vscode from './ext-vscode-shim.mjs';
import {
  toConfig, languagesOf, runCheck, toDiagnostics, quickFixes, fixAllEdit, fixAllAction, safeFixes,
  statusText, placeholderItems, SOURCE,
} from '../../www/vscode/src/core.js';

initSync({ module: readFileSync(new URL('../../pkg/gwlint_bg.wasm', import.meta.url)) });
loadDictionary(readFileSync(new URL('../../data/jieba-dict.bin', import.meta.url)));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const none = vscode.settings({});

function diagnose(text, values = {}) {
  const doc = vscode.openDocument(text);
  const result = runCheck(text, toConfig(vscode.settings(values)));
  return { doc, result, diags: toDiagnostics(vscode, doc, result.findings) };
}

test('diagnostics carry the rule id, severity and Chinese message at UTF-16 positions past astral characters', () => {
  // 𠀀 and 😀 are outside the BMP: two UTF-16 code units each, as VS Code counts.
  const text = '𠀀😀调研X次。\n𠀁《县县本级办法》，《县县本级办法》';
  const { doc, diags } = diagnose(text);
  assert.deepEqual(diags.map((d) => [d.code, doc.getText(d.range)]), [
    ['placeholder/x-slot', 'X'],
    ['consistency/doubled-char', '县县'],
    ['consistency/doubled-char', '县县'],
  ]);
  const [x, first, last] = diags;
  assert.deepEqual([first.range.start.line, first.range.start.character, first.range.end.character], [1, 3, 5]);
  assert.deepEqual([x.range.start.line, x.range.start.character, x.range.end.character], [0, 6, 7]);
  assert.deepEqual([last.range.start.line, last.range.start.character], [1, 12]);
  for (const d of diags) {
    assert.equal(d.source, SOURCE);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /[\u4e00-\u9fff]/);
  }
});

test('settings map to the checker config: severity, rules off, allow-list', () => {
  const text = '调研X次。\n《县县本级办法》';
  let { diags } = diagnose(text, { rules: { 'placeholder/x-slot': 'error' } });
  assert.equal(diags.find((d) => d.code === 'placeholder/x-slot').severity, vscode.DiagnosticSeverity.Error);
  ({ diags } = diagnose(text, { rules: { consistency: 'info' } }));
  assert.equal(diags.find((d) => d.code === 'consistency/doubled-char').severity, vscode.DiagnosticSeverity.Information);
  ({ diags } = diagnose(text, { rules: { placeholder: 'off' } }));
  assert.deepEqual(diags.map((d) => d.code), ['consistency/doubled-char']);
  ({ diags } = diagnose(text, { allow: ['县县本级办法', '  '] }));
  assert.deepEqual(diags.map((d) => d.code), ['placeholder/x-slot']);
  ({ diags } = diagnose('县电视台报道', { customTerms: [{ term: '县电视台', replacement: '县融媒体中心' }] }));
  assert.deepEqual(diags.map((d) => d.code), ['formulation/custom-term']);
  ({ diags } = diagnose('请张某某同志参会。', {}));
  assert.deepEqual(diags.map((d) => d.code), ['placeholder/mouxx']);
  ({ diags } = diagnose('请张某某同志参会。', { anonymized: true }));
  assert.deepEqual(diags, []);
  assert.deepEqual(toConfig(none), {});
  assert.deepEqual(toConfig(vscode.settings({ documentType: 'auto', rules: {}, allow: [] })), {});
  assert.deepEqual(languagesOf(none), ['plaintext', 'markdown']);
  assert.deepEqual(languagesOf(vscode.settings({ languages: ['plaintext', 'html'] })), ['plaintext', 'html']);
});

test('a wrong rule id or document type in the settings is reported by the checker, naming the key, and checking goes on', () => {
  const result = runCheck('调研X次。', toConfig(vscode.settings({ rules: { 'placeholder/nope': 'off' } })));
  assert.equal(result.configErrors.length, 1);
  assert.match(result.configErrors[0], /placeholder\/nope/);
  assert.equal(result.findings.length, 1);
  assert.deepEqual(toConfig(vscode.settings({ documentType: '请示' })), { documentType: '请示' });
  assert.deepEqual(runCheck('关于购置设备的请示\n调研X次。', toConfig(vscode.settings({ documentType: '请示' }))).configErrors, []);
  const bad = runCheck('调研X次。', toConfig(vscode.settings({ documentType: '公告2' })));
  assert.match(bad.configErrors.join(), /documentType/);
  assert.equal(bad.findings.length, 1);
});

test('every fix becomes a quick fix whose edit changes exactly the finding', () => {
  const text = '一、总体情况\n𠀀全年检查的的X次。\n三、下一步打算\n';
  const { doc, result, diags } = diagnose(text);
  const actions = quickFixes(vscode, doc, diags, result.findings);
  const withFixes = result.findings.filter((f) => f.fixes.length);
  assert.equal(actions.length, withFixes.reduce((n, f) => n + f.fixes.length, 0));
  assert.ok(actions.length >= 2);
  const heading = actions.find((a) => a.title.startsWith('改为“二、”'));
  assert.ok(heading, actions.map((a) => a.title).join('|'));
  assert.equal(heading.kind, vscode.CodeActionKind.QuickFix);
  assert.equal(heading.diagnostics[0].code, 'structure/heading-sequence');
  assert.equal(doc.applied(heading.edit), '一、总体情况\n𠀀全年检查的的X次。\n二、下一步打算\n');
  const doubled = actions.find((a) => a.diagnostics[0].code === 'consistency/doubled-char');
  assert.equal(doubled.title, '改为“的”（重复的字）'); // the flagged text as it will read, as on the page
  assert.equal(doc.applied(doubled.edit), '一、总体情况\n𠀀全年检查的X次。\n三、下一步打算\n');
  // Diagnostics from another extension get no actions from this one.
  const foreign = Object.assign(new vscode.Diagnostic(diags[0].range, 'x'), { source: 'cSpell', code: diags[0].code });
  assert.deepEqual(quickFixes(vscode, doc, [foreign], result.findings), []);
});

test('fix-all applies every safe fix in one edit, and never the ones that need review', () => {
  const text = '一.总体情况\n全年检查的的X次。\n（一）、主要做法\n三、下一步打算\n';
  const { doc, result } = diagnose(text);
  const safe = result.findings.flatMap((f) => f.fixes).filter((x) => x.applicability === 'safe');
  assert.ok(safe.length >= 2, JSON.stringify(result.findings.map((f) => f.rule)));
  const action = fixAllAction(vscode, doc, result.findings, vscode.CodeActionKind.SourceFixAll.append('gwlint'));
  assert.equal(action.title, `修正本文件中所有可安全修正的问题（${safe.length} 处）`);
  const fixed = doc.applied(action.edit);
  assert.match(fixed, /^一、总体情况\n/);
  assert.match(fixed, /\n（一）主要做法\n/);
  // Review fixes (the doubled 的, the heading number) are left alone.
  assert.ok(fixed.includes('的的') && fixed.includes('三、下一步'), fixed);
  const left = runCheck(fixed, {}).findings.flatMap((f) => f.fixes).filter((x) => x.applicability === 'safe');
  assert.deepEqual(left, []);
  // Nothing safe to fix: no edit and no action.
  const clean = diagnose('全年检查的的X次。');
  assert.equal(fixAllEdit(vscode, clean.doc, clean.result.findings), null);
  assert.equal(fixAllAction(vscode, clean.doc, clean.result.findings, vscode.CodeActionKind.QuickFix), null);
});

test('safe fixes are applied in order without overlaps', () => {
  // The selection logic itself, on fix records of the shape the wasm returns.
  const f = (start, end, replacement, applicability = 'safe') => ({ start, end, replacement, applicability });
  const findings = [
    { fixes: [f(10, 12, 'b'), f(10, 12, 'c')] },
    { fixes: [f(0, 2, 'a'), f(1, 3, 'x')] },
    { fixes: [f(5, 6, 'r', 'review')] },
    { fixes: [f(12, 12, '。')] },
  ];
  assert.deepEqual(safeFixes(findings).map((x) => x.replacement), ['a', 'b', '。']);
});

test('placeholders are listed with line, column and context; the status bar counts findings', () => {
  const text = '全年开展专项检查X次，\n办结XX件，20XX年。\n县县本级';
  const { result } = diagnose(text);
  const items = placeholderItems(result.placeholders);
  assert.ok(items.length >= 3, JSON.stringify(items));
  assert.equal(items[0].label, '第1行第9列　X');
  assert.match(items[0].description, /检查【X】次/);
  assert.ok(items.every((i) => text.slice(i.start, i.end).length > 0));
  const s = statusText(result);
  assert.equal(s.text, `$(warning) 公文体检 ${result.findings.length}`);
  assert.match(s.tooltip, new RegExp(`待填占位符 ${result.placeholders.length} 处`));
  assert.equal(statusText(runCheck('本段没有问题。', {})).text, '$(check) 公文体检 0');
});

test('the built manifest declares both entries, the commands and every rule as a setting', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../www/vscode/out/package.json', import.meta.url), 'utf8'));
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.browser, './dist/web.js');
  for (const f of ['dist/extension.js', 'dist/web.js', 'dist/gwlint_bg.wasm', 'README.md']) {
    assert.ok(existsSync(new URL(`../../www/vscode/out/${f}`, import.meta.url)), f);
  }
  assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), ['gwlint.fixAll', 'gwlint.listPlaceholders']);
  const ruleProps = manifest.contributes.configuration.properties['gwlint.rules'].properties;
  for (const r of rules()) {
    assert.ok(ruleProps[r.id], r.id);
    assert.ok(ruleProps[r.category], r.category);
  }
  assert.ok(manifest.activationEvents.includes('onLanguage:plaintext'));
  assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
});

test('the .vsix from `make vsix` holds the bundles, the wasm and the manifest', { skip: !existsSync(`${ROOT}dist-ext/gwlint-0.1.0.vsix`) && 'run `make vsix` first' }, () => {
  const listing = execFileSync('unzip', ['-l', `${ROOT}dist-ext/gwlint-0.1.0.vsix`], { encoding: 'utf8' });
  for (const f of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/web.js', 'extension/dist/gwlint_bg.wasm', 'extension/dist/gwlint-dict.bin', 'extension.vsixmanifest']) {
    assert.ok(listing.includes(f), f);
  }
});

test('the extension source type-checks against @types/vscode', () => {
  execFileSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${ROOT}www/vscode/tsconfig.json`], { encoding: 'utf8', stdio: 'pipe' });
});
