// Word's automatic numbering as text (www/src/docx-numbering.js), in Node:
// number formats, Word's counting rules and the line-up with mammoth's
// paragraphs. Reading the XML parts is covered end to end in Chromium
// (page-docx-numbering.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, numberParagraphs, alignLabels, styleMayNumber, Unsure } from '../../www/src/docx-numbering.js';

test('number formats: Chinese counting, circled, letters, Roman, full width; unknown ones are not guessed', () => {
  const cn = (fmt, ns) => ns.map((n) => formatNumber(n, fmt));
  assert.deepEqual(cn('chineseCounting', [1, 9, 10, 11, 19, 20, 21, 99, 100, 105]), ['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一○○', '一○五']);
  assert.deepEqual(cn('chineseCountingThousand', [10, 15, 100, 101, 110, 115, 999, 1000, 1001, 1010, 1100]), ['十', '十五', '一百', '一百〇一', '一百一十', '一百一十五', '九百九十九', '一千', '一千〇一', '一千〇一十', '一千一百']);
  assert.deepEqual(cn('japaneseCounting', [3, 12]), ['三', '十二']);
  assert.deepEqual(cn('ideographTraditional', [1, 10]), ['甲', '癸']);
  assert.deepEqual(cn('decimalEnclosedCircleChinese', [1, 20]), ['①', '⑳']);
  assert.deepEqual(cn('decimalEnclosedCircle', [3]), ['③']);
  assert.deepEqual(cn('upperLetter', [1, 26, 27, 53]), ['A', 'Z', 'AA', 'AAA']);
  assert.deepEqual(cn('lowerLetter', [2, 28]), ['b', 'bb']);
  assert.deepEqual(cn('upperRoman', [4, 9, 14, 1994]), ['IV', 'IX', 'XIV', 'MCMXCIV']);
  assert.deepEqual(cn('lowerRoman', [3]), ['iii']);
  assert.deepEqual(cn('decimalFullWidth', [7, 12]), ['７', '１２']);
  assert.deepEqual(cn('decimal', [0, 12]), ['0', '12']);
  assert.deepEqual(cn('decimalZero', [3, 12]), ['03', '12']);
  assert.equal(formatNumber(5, 'none'), '');
  // Where Word's rendering is not known here: null, and the caller gives up.
  for (const [n, fmt] of [[21, 'decimalEnclosedCircle'], [11, 'ideographTraditional'], [100, 'japaneseCounting'], [3, 'ordinalText'], [3, 'cardinalText'], [0, 'chineseCounting'], [10000, 'chineseCountingThousand']]) {
    assert.equal(formatNumber(n, fmt), null, `${fmt} ${n}`);
  }
});

const level = (fmt, text, extra = {}) => ({ start: 1, fmt, text, restart: null, isLgl: false, suff: 'tab', pStyle: null, ...extra });
const GONGWEN = {
  0: level('chineseCounting', '%1、', { pStyle: 'h1' }),
  1: level('chineseCounting', '（%2）', { pStyle: 'h2' }),
  2: level('decimal', '%3.'),
  3: level('decimal', '（%4）'),
};
const defs = (extra = {}) => ({
  nums: { 1: { abstractNumId: '0', levels: {}, starts: {} }, 2: { abstractNumId: '1', levels: {}, starts: {} }, ...extra.nums },
  abstractNums: { 0: { levels: GONGWEN, numStyleLink: null }, 1: { levels: { 0: level('bullet', '') }, numStyleLink: null }, ...extra.abstractNums },
  styles: { h1: { basedOn: 'a', numId: '1' }, h2: { basedOn: 'a', numId: '1', ilvl: '1' }, h3: { basedOn: 'h2', ilvl: '2' }, a: {}, ...extra.styles },
  defaultStyle: 'a',
});
const p = (styleId, numId, ilvl) => ({ styleId, numId, ilvl });
const labels = (d, ps) => numberParagraphs(d, ps).map((n) => n?.label ?? null);

test('counting: styles and w:numPr, deeper levels restart, bullets and plain paragraphs leave the count alone', () => {
  assert.deepEqual(labels(defs(), [
    p(null),
    p('h1'), // the style's list; no w:ilvl: the level naming the style
    p('h2'),
    p(null, '1', '2'),
    p(null, '1', '3'),
    p(null, '1', '3'),
    p(null, '1', '2'),
    p(null, '1', '3'), // （1） again under the new 2.
    p('h3'), // based on h2: list 1 from h2, level 2 of its own
    p(null, '2', '0'), // a bullet: no label
    p(null),
    p('h1'),
    p('h2'), // restarts under 二、
    p(null, '1', '2'),
    p('h2', '0'), // w:numId 0 takes the style's numbering off
  ]), [null, '一、', '（一）', '1.', '（1）', '（2）', '2.', '（1）', '3.', '', null, '二、', '（一）', '1.', null]);
});

test('counting: one running count per abstract list, startOverride on first use, lvlRestart, multi-level text, isLgl', () => {
  const d = defs({ nums: { 3: { abstractNumId: '0', levels: {}, starts: { 0: 4 } } } });
  // A second w:num of the same list restarted at 4; going back to the first w:num continues at 5.
  assert.deepEqual(labels(d, [p('h1'), p('h1', '3', '0'), p('h2'), p('h1'), p('h1', '3', '0')]), ['一、', '四、', '（一）', '五、', '六、']);

  // Level 3 restarts only after level 1 (one-based 1, i.e. ilvl 0); 0 = never.
  const chapters = { 0: level('decimal', '第%1章'), 1: level('decimal', '%1.%2'), 2: level('decimal', '（%3）', { restart: 1 }), 3: level('decimal', '[%4]', { restart: 0 }) };
  const d2 = defs({ abstractNums: { 5: { levels: chapters, numStyleLink: null } }, nums: { 9: { abstractNumId: '5', levels: {}, starts: {} } } });
  const n = (ilvl) => p(null, '9', String(ilvl));
  assert.deepEqual(labels(d2, [n(0), n(1), n(2), n(3), n(1), n(2), n(3), n(0), n(2), n(3)]), ['第1章\u3000', '1.1 ', '（1）', '[1]', '1.2 ', '（2）', '[2]', '第2章\u3000', '（1）', '[3]']);

  // Legal numbering shows every level in decimal.
  const legal = { 0: level('chineseCounting', '%1、'), 1: level('decimal', '%1.%2', { isLgl: true, suff: 'space' }) };
  const d3 = defs({ abstractNums: { 6: { levels: legal, numStyleLink: null } }, nums: { 8: { abstractNumId: '6', levels: {}, starts: {} } } });
  assert.deepEqual(labels(d3, [p(null, '8', '0'), p(null, '8', '0'), p(null, '8', '1')]), ['一、', '二、', '2.1 ']);

  // A level overridden in the w:num; a list style (numStyleLink) leads to the list that has the levels.
  const d4 = defs({
    nums: { 4: { abstractNumId: '0', levels: { 0: level('upperRoman', '%1.') }, starts: {} }, 7: { abstractNumId: '7', levels: {}, starts: {} } },
    abstractNums: { 7: { levels: {}, numStyleLink: 'listStyle' } },
    styles: { listStyle: { numId: '1' } },
  });
  assert.deepEqual(labels(d4, [p(null, '4', '0'), p(null, '7', '0'), p(null, '7', '1')]), ['I.', '二、', '（一）']);
});

test('counting: what it cannot be sure of throws Unsure instead of guessing', () => {
  // %1 before level 1 was ever used (Word would show a zero or the start value).
  const twoLevels = { 0: level('decimal', '%1.'), 1: level('decimal', '%1.%2.') };
  const d = defs({ abstractNums: { 5: { levels: twoLevels, numStyleLink: null } }, nums: { 9: { abstractNumId: '5', levels: {}, starts: {} } } });
  assert.throws(() => numberParagraphs(d, [p(null, '9', '1')]), Unsure);
  assert.throws(() => numberParagraphs(defs(), [p(null, '1', '7')]), Unsure); // a level the list does not define
  const english = defs({ abstractNums: { 0: { levels: { 0: level('ordinalText', '%1') }, numStyleLink: null } } });
  assert.throws(() => numberParagraphs(english, [p(null, '1', '0')]), Unsure);
  // A reference to a list that does not exist: Word shows no number, nor do we.
  assert.deepEqual(labels(defs(), [p(null, '42', '0')]), [null]);
});

test('line-up with mammoth: labels where both agree, null where they do not', () => {
  const d = defs();
  const ours = (ps) => {
    const nums = numberParagraphs(d, ps);
    const mayNumber = (s) => styleMayNumber(d, s);
    return { paragraphs: ps.map((x, k) => ({ styleId: x.styleId, num: nums[k] })).filter((x) => x.num || mayNumber(x.styleId)), mayNumber };
  };
  const doc = [p(null), p('h1'), p('h2'), p(null, '1', '2'), p('h3'), p(null)];
  // mammoth: numbered through w:numPr or a level naming the style; h3 has neither (its list is in styles.xml).
  const m = (styleId, level) => ({ styleId, numbering: level == null ? null : { level: String(level), isOrdered: true } });
  const mammoth = [m(null), m('h1', 0), m('h2', 1), m(null, 2), m('h3'), m(null)];
  assert.deepEqual(alignLabels(mammoth, ours(doc)), ['', '一、', '（一）', '1.', '2.', '']);
  // mammoth has an extra unstyled paragraph (a merged table cell, say): those are not lined up, so it does not matter.
  assert.deepEqual(alignLabels([m(null), ...mammoth], ours(doc)), ['', '', '一、', '（一）', '1.', '2.', '']);
  // Disagreements: another level, a numbered paragraph the reader missed, another style, another count.
  assert.equal(alignLabels([m(null), m('h1', 0), m('h2', 2), m(null, 2), m('h3'), m(null)], ours(doc)), null);
  assert.equal(alignLabels([m(null), m('h1', 0), m('h2', 1), m(null, 2), m('h3'), m(null, 0)], ours(doc)), null);
  assert.equal(alignLabels([m(null), m('h2', 0), m('h2', 1), m(null, 2), m('h3'), m(null)], ours(doc)), null);
  assert.equal(alignLabels([m(null), m('h1', 0), m('h2', 1), m(null, 2), m(null)], ours(doc)), null);
});
