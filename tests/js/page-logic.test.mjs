// The page's plain-data logic in Node (no browser): bulk fixes, the "ignore
// this one" key, clause extraction, settings validation, CSV, text decoding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeFixChanges, ignoreKey, clauseOf, fixLabel, groupByCategory } from '../../www/src/findings.js';
import { normalizeSettings, checkerConfig } from '../../www/src/settings.js';
import { findingsCsv } from '../../www/src/exports.js';
import { decodeText } from '../../www/src/files.js';

const finding = (start, end, fixes, extra = {}) => ({ rule: 'x/y', category: 'structure', severity: 'warning', start, end, line: 1, column: start + 1, message: 'm', title: 't', fixes, ...extra });
const safe = (start, end, replacement) => ({ start, end, replacement, applicability: 'safe' });

test('bulk fixes: offsets follow the mapped finding, review fixes and overlaps are left out', () => {
  const a = finding(0, 2, [safe(0, 2, '（一）')]);
  const b = finding(1, 3, [safe(1, 3, 'x')]); // overlaps a
  const c = finding(10, 12, [{ ...safe(10, 12, 'z'), applicability: 'review' }]);
  const d = finding(20, 24, [safe(21, 22, '、')]);
  // The document grew by 5 characters before everything: entries carry mapped positions.
  const entries = [a, b, c, d].map((f) => ({ finding: f, from: f.start + 5, to: f.end + 5 }));
  assert.deepEqual(safeFixChanges(entries, 100), [
    { from: 5, to: 7, insert: '（一）' },
    { from: 26, to: 27, insert: '、' },
  ]);
  assert.deepEqual(safeFixChanges(entries, 20), [{ from: 5, to: 7, insert: '（一）' }], 'nothing past the end of the text');
});

test('the ignore key only looks at the same line', () => {
  const t1 = '全年调研X次，走访X户。\n';
  const t2 = '前言\n全年调研X次，走访X户。\n另有X人。';
  const k1 = ignoreKey(t1, 'placeholder/x-slot', t1.indexOf('X户'), t1.indexOf('X户') + 1);
  const k2 = ignoreKey(t2, 'placeholder/x-slot', t2.indexOf('X户'), t2.indexOf('X户') + 1);
  assert.equal(k1, k2);
  assert.notEqual(k1, ignoreKey(t1, 'placeholder/x-slot', t1.indexOf('X次'), t1.indexOf('X次') + 1));
});

test('clauses are found in rule docs', () => {
  assert.equal(clauseOf('parent heading (GB/T 9704-2012 §7.3.3).'), 'GB/T 9704-2012 §7.3.3');
  assert.equal(clauseOf('see GB/T 15835-2011 4.1.1 for years'), 'GB/T 15835-2011 4.1.1');
  assert.equal(clauseOf('《党政机关公文处理工作条例》第九条 says'), '《党政机关公文处理工作条例》第九条');
  assert.equal(clauseOf('No standard here.'), '');
});

test('fix labels show the flagged text as it will read', () => {
  const f = finding(5, 7, []);
  assert.equal(fixLabel({ start: 5, end: 6, replacement: '二' }, f, '三、'), '改为“二、”');
  assert.equal(fixLabel({ start: 5, end: 7, replacement: '' }, f, '的的'), '删除“的的”');
  assert.equal(fixLabel({ start: 9, end: 10, replacement: '。' }, f, '三、'), '改为“。”');
});

test('groups follow the registry order of categories', () => {
  const e = (category, start) => ({ finding: finding(start, start + 1, [], { category }), from: start, to: start + 1 });
  assert.deepEqual(groupByCategory([e('typo', 1), e('structure', 9), e('placeholder', 3), e('structure', 2)]).map(([c, l]) => [c, l.map((x) => x.from)]), [
    ['structure', [2, 9]],
    ['placeholder', [3]],
    ['typo', [1]],
  ]);
});

test('settings: imported files are checked, and the checker gets only what it knows', () => {
  assert.throws(() => normalizeSettings([]), /JSON 对象/);
  assert.throws(() => normalizeSettings({ rulez: {} }), /rulez/);
  assert.throws(() => normalizeSettings({ rules: { 'placeholder/x-slot': 'loud' } }), /loud/);
  assert.throws(() => normalizeSettings({ customTerms: [{ term: ' ' }] }), /customTerms 第 1 项/);
  const s = normalizeSettings({ rules: { consistency: 'off', 'gone/rule': 'error' }, allow: [' 县县通 ', ''], customTerms: [{ term: '县电视台', replacement: '县融媒体中心' }], documentType: '通知', anonymized: true });
  assert.deepEqual(s.allow, ['县县通']);
  const registry = [{ id: 'placeholder/x-slot', category: 'placeholder' }];
  assert.deepEqual(checkerConfig(s, registry, { anonymized: true }), {
    rules: { consistency: 'off' },
    allow: ['县县通'],
    customTerms: [{ term: '县电视台', replacement: '县融媒体中心', note: '' }],
    anonymized: true,
  });
  assert.equal(checkerConfig(s, registry, { documentType: true, anonymized: true }).documentType, '通知');
});

test('CSV: quoted where needed, formulas neutralised, context within the line', () => {
  const text = '第一行\n=SUM(A1)，"引号"X次\n';
  const start = text.indexOf('X');
  const csv = findingsCsv(text, [finding(start, start + 1, [], { line: 2, column: 13, message: '=HYPERLINK("x")' })]);
  const [head, row] = csv.replace(/^\ufeff/, '').trim().split('\r\n');
  assert.equal(head.split(',').length, 10);
  assert.match(row, /,"'=HYPERLINK\(""x""\)",/);
  assert.match(row, /,"'=SUM\(A1\)，""引号""【X】次",/);
  assert.doesNotMatch(row, /第一行/);
});

test('text files: BOMs, strict UTF-8, then GB18030', () => {
  assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0x80])), '一');
  assert.equal(decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0x4e])), '一');
  assert.equal(decodeText(new Uint8Array([0xfe, 0xff, 0x4e, 0x00])), '一');
  assert.equal(decodeText(new Uint8Array([0xe4, 0xb8, 0x80])), '一');
  assert.equal(decodeText(new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2])), '一、');
  assert.equal(decodeText(new Uint8Array([0x95, 0x32, 0x82, 0x36])), '𠀀', 'GB18030 four-byte characters');
});
