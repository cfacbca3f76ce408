// Word's automatic numbering as text: the labels (一、 （一） 1. （1）) that Word
// draws in front of paragraphs numbered through word/numbering.xml, which
// mammoth (our paragraph text reader) does not produce: its model only says
// "numbered, level n". No maintained JS library renders these labels as text
// (see ARCHITECTURE.md, "The page"), so this is the smallest reader that does:
// JSZip (mammoth's own zip library) and the browser's DOMParser read the
// numbering definitions, the styles' numbering and each body paragraph's
// w:numPr; counters follow Word's rules (ECMA-376 §17.9, with Word's practice
// of one running count per w:abstractNum).
//
// Never a wrong number: whatever this reader is not sure of (a number format
// it does not know, a label that refers to a level not yet used, a paragraph
// sequence that does not line up with mammoth's) makes the whole import go
// without labels, and the caller tells the user so.
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Thrown for anything the reader cannot number for certain. */
export class Unsure extends Error {}

// ---------------------------------------------------------------------------
// Number formats (w:numFmt). Each returns null where Word's rendering is not
// known for certain here; the caller then gives up rather than guess.

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const STEMS = '甲乙丙丁戊己庚辛壬癸';

/** 1..99 with 十: 一 … 十 十一 … 二十 二十一 … 九十九. */
function chineseTens(n) {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens > 1 ? CN_DIGITS[tens] : '') + (tens ? '十' : '') + (ones ? CN_DIGITS[ones] : '');
}

/** chineseCountingThousand: 一百 一百〇一 一百一十 一千〇一 …, up to 9999. */
function chineseThousands(n) {
  if (n < 100) return chineseTens(n);
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor(n / 100) % 10;
  const rest = n % 100;
  let s = thousands ? `${CN_DIGITS[thousands]}千` : '';
  if (hundreds) s += `${CN_DIGITS[hundreds]}百`;
  else if (thousands && rest) s += '〇';
  if (rest) {
    if (hundreds && rest < 10) s += '〇';
    // 一百一十 (not 一百十): the tens digit is spoken once hundreds come before it.
    s += rest >= 10 && rest < 20 ? `一${chineseTens(rest)}` : chineseTens(rest);
  }
  return s;
}

function letters(n, a) {
  // A … Z, AA … ZZ, AAA …: Word repeats the letter.
  return String.fromCharCode(a + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n) {
  const table = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of table) for (; n >= v; n -= v) s += r;
  return s;
}

/** The text of `n` in number format `fmt`, or null when it is not known for certain. */
export function formatNumber(n, fmt) {
  if (!Number.isInteger(n) || n < 0) return null;
  switch (fmt) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
      // 一 … 九十九, then digit by digit (一〇〇), as Word writes it.
      if (n >= 1 && n <= 99) return chineseTens(n);
      if (n >= 100 && n <= 9999) return [...String(n)].map((d) => (d === '0' ? '○' : CN_DIGITS[d])).join('');
      return null;
    case 'chineseCountingThousand':
      return n >= 1 && n <= 9999 ? chineseThousands(n) : null;
    case 'japaneseCounting':
      return n >= 1 && n <= 99 ? chineseTens(n) : null;
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1] : null;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? CIRCLED[n - 1] : null;
    case 'upperLetter':
      return n >= 1 ? letters(n, 65) : null;
    case 'lowerLetter':
      return n >= 1 ? letters(n, 97) : null;
    case 'upperRoman':
      return n >= 1 && n < 4000 ? roman(n) : null;
    case 'lowerRoman':
      return n >= 1 && n < 4000 ? roman(n).toLowerCase() : null;
    case 'none':
      return '';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------
// Counting. `defs` is plain data (see readDefinitions):
//   nums: {numId: {abstractNumId, levels: {ilvl: level}, starts: {ilvl: n}}}
//   abstractNums: {id: {levels: {ilvl: level}, numStyleLink}}
//   styles: {styleId: {basedOn, numId, ilvl}}, defaultStyle
//   level: {start, fmt, text, restart, isLgl, suff, pStyle}
// `paragraphs`: [{styleId, numId, ilvl}] in document order (numId/ilvl from
// the paragraph's own w:numPr, undefined when absent).

const MAX_LEVELS = 9;

/** The numbering a paragraph gets from its style (and the styles it is based on). */
function styleNumbering(defs, styleId) {
  let numId;
  let ilvl;
  const seen = new Set();
  for (let id = styleId ?? defs.defaultStyle; id != null && !seen.has(id); id = defs.styles[id]?.basedOn) {
    seen.add(id);
    const s = defs.styles[id];
    if (!s) break;
    numId ??= s.numId;
    ilvl ??= s.ilvl;
  }
  return { numId, ilvl };
}

/** The abstract definition behind a num, following w:numStyleLink (a list style). */
function abstractOf(defs, numId) {
  const seen = new Set();
  for (let id = numId; id != null && !seen.has(id);) {
    seen.add(id);
    const num = defs.nums[id];
    const abs = num && defs.abstractNums[num.abstractNumId];
    if (!abs) return null;
    if (abs.numStyleLink == null) return { key: num.abstractNumId, abs };
    id = defs.styles[abs.numStyleLink]?.numId;
  }
  return null;
}

/**
 * Numbers `paragraphs` as Word does. Returns one entry per paragraph:
 * null (not numbered) or {level, ordered, label, fromStyle} where label is the
 * text Word shows ('' for a bullet). Throws Unsure where it cannot be certain.
 */
export function numberParagraphs(defs, paragraphs) {
  const counters = new Map(); // abstract key -> [9] running values (undefined: not started)
  const overridden = new Set(); // `${numId}:${ilvl}` whose startOverride has been applied
  return paragraphs.map((p) => {
    const style = styleNumbering(defs, p.styleId);
    const numId = p.numId ?? style.numId;
    if (numId == null || numId === '0') return null; // numId 0 removes numbering
    const num = defs.nums[numId];
    const target = abstractOf(defs, numId);
    if (!num || !target) return null; // Word ignores a reference to a missing list
    const level = (i) => num.levels[i] ?? target.abs.levels[i];
    let ilvl = p.ilvl ?? (p.numId == null ? style.ilvl : undefined);
    if (ilvl == null) {
      // A list linked to a heading style names the style on its level (w:pStyle).
      const linked = Object.entries(target.abs.levels).find(([, l]) => l.pStyle != null && l.pStyle === (p.styleId ?? defs.defaultStyle));
      ilvl = linked ? linked[0] : '0';
    }
    const i = Number(ilvl);
    const lvl = level(i);
    if (!Number.isInteger(i) || i < 0 || i >= MAX_LEVELS || !lvl) throw new Unsure(`level ${ilvl} of list ${numId}`);

    let values = counters.get(target.key);
    if (!values) counters.set(target.key, (values = new Array(MAX_LEVELS).fill(undefined)));
    const key = `${numId}:${i}`;
    if (num.starts[i] != null && !overridden.has(key)) {
      overridden.add(key);
      values[i] = num.starts[i];
    } else {
      values[i] = values[i] === undefined ? lvl.start : values[i] + 1;
    }
    // Deeper levels start again, unless their w:lvlRestart says otherwise
    // (0: never; n: only after one of the levels 1..n, one-based).
    for (let m = i + 1; m < MAX_LEVELS; m++) {
      const r = level(m)?.restart;
      if (r === 0) continue;
      if (r == null || r > m || i < r) values[m] = undefined;
    }

    const ordered = lvl.fmt !== 'bullet';
    const base = { level: i, ordered, fromStyle: p.numId == null };
    if (!ordered) return { ...base, label: '' };
    const label = lvl.text.replace(/%([1-9])/g, (_, k) => {
      const at = Number(k) - 1;
      const v = values[at];
      if (v === undefined || at > i) throw new Unsure(`%${k} in "${lvl.text}" before level ${k} is used`);
      const text = formatNumber(v, lvl.isLgl ? 'decimal' : level(at)?.fmt);
      if (text == null) throw new Unsure(`number format ${level(at)?.fmt} for ${v}`);
      return text;
    });
    return { ...base, label: label + separator(label, lvl.suff) };
  });
}

/**
 * What stands for Word's tab or space after the number: nothing after a
 * punctuation mark (一、 （一） 1.), else one space (a full-width one after
 * Chinese, as in 第一条　总则).
 */
function separator(label, suff) {
  if (!label || suff === 'nothing' || /[\p{P}]$/u.test(label)) return '';
  return /[\u3400-\u9fff]$/u.test(label) ? '\u3000' : ' ';
}

// ---------------------------------------------------------------------------
// Reading the parts (DOM; DOMParser in the browser).

const kids = (el, name, ns = W) => (el ? [...el.childNodes].filter((n) => n.nodeType === 1 && n.localName === name && n.namespaceURI === ns) : []);
const kid = (el, name, ns) => kids(el, name, ns)[0] ?? null;
const val = (el) => (el ? el.getAttributeNS(W, 'val') : null);
const attr = (el, name) => (el ? el.getAttributeNS(W, name) : null);

/** An on/off property such as w:isLgl: present and not "false"/"0"/"off". */
const flag = (el) => !!el && !['false', '0', 'off'].includes(val(el));

/**
 * A level's number format. Word 2010+ writes a custom format (w:format="001,
 * 002, 003, ...") inside mc:AlternateContent, with a standard one as the
 * fallback for older readers; we do not guess what a custom one draws.
 */
function numberFormat(el) {
  const direct = kid(el, 'numFmt');
  if (direct) return val(direct) ?? 'decimal';
  const choice = kid(kid(kid(el, 'AlternateContent', MC), 'Choice', MC), 'numFmt');
  if (choice) return val(choice) === 'custom' ? `custom ${attr(choice, 'format')}` : val(choice);
  return 'decimal';
}

function readLevel(el) {
  const restart = val(kid(el, 'lvlRestart'));
  return {
    start: Number(val(kid(el, 'start')) ?? 0),
    fmt: numberFormat(el),
    text: val(kid(el, 'lvlText')) ?? '',
    restart: restart == null ? null : Number(restart),
    isLgl: flag(kid(el, 'isLgl')),
    suff: val(kid(el, 'suff')) ?? 'tab',
    pStyle: val(kid(el, 'pStyle')),
  };
}

function readNumPr(pPr) {
  const numPr = kid(pPr, 'numPr');
  return { numId: val(kid(numPr, 'numId')) ?? undefined, ilvl: val(kid(numPr, 'ilvl')) ?? undefined };
}

/** Plain data from word/numbering.xml and word/styles.xml (either may be null). */
export function readDefinitions(numberingDoc, stylesDoc) {
  const defs = { nums: {}, abstractNums: {}, styles: {}, defaultStyle: null };
  const root = numberingDoc?.documentElement;
  for (const a of kids(root, 'abstractNum')) {
    const levels = {};
    for (const l of kids(a, 'lvl')) levels[attr(l, 'ilvl') ?? '0'] = readLevel(l);
    defs.abstractNums[attr(a, 'abstractNumId')] = { levels, numStyleLink: val(kid(a, 'numStyleLink')) };
  }
  for (const n of kids(root, 'num')) {
    const num = { abstractNumId: val(kid(n, 'abstractNumId')), levels: {}, starts: {} };
    for (const o of kids(n, 'lvlOverride')) {
      const i = Number(attr(o, 'ilvl') ?? 0);
      const start = val(kid(o, 'startOverride'));
      if (start != null) num.starts[i] = Number(start);
      const lvl = kid(o, 'lvl');
      if (lvl) num.levels[i] = readLevel(lvl);
    }
    defs.nums[attr(n, 'numId')] = num;
  }
  for (const s of kids(stylesDoc?.documentElement, 'style')) {
    const id = attr(s, 'styleId');
    const type = attr(s, 'type');
    if (type !== 'paragraph' && type !== 'numbering') continue;
    const { numId, ilvl } = readNumPr(kid(s, 'pPr'));
    defs.styles[id] = { basedOn: val(kid(s, 'basedOn')), numId, ilvl };
    if (type === 'paragraph' && ['1', 'true', 'on'].includes(attr(s, 'default'))) defs.defaultStyle = id;
  }
  return defs;
}

/**
 * Body paragraphs in the order mammoth reads them: w:p anywhere in w:body,
 * without mc:Choice (mammoth reads mc:Fallback), w:drawing (mammoth reads
 * only images there) and paragraphs whose mark is deleted (mammoth merges
 * them into the next one).
 */
export function bodyParagraphs(documentDoc) {
  const body = kid(documentDoc.documentElement, 'body');
  const out = [];
  const walk = (el) => {
    for (const n of el.childNodes) {
      if (n.nodeType !== 1) continue;
      if (n.namespaceURI === MC && n.localName === 'Choice') continue;
      if (n.namespaceURI === W && n.localName === 'drawing') continue;
      if (n.namespaceURI === W && n.localName === 'p') {
        const pPr = kid(n, 'pPr');
        if (!kid(kid(pPr, 'rPr'), 'del')) out.push({ styleId: val(kid(pPr, 'pStyle')), ...readNumPr(pPr) });
      }
      walk(n);
    }
  };
  if (body) walk(body);
  return out;
}

/** Resolves a relationship target against the part that holds it (zip paths have no leading slash). */
function resolveTarget(fromPart, target) {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

async function readXml(zip, path) {
  const file = path && zip.file(path);
  if (!file) return null;
  const doc = new DOMParser().parseFromString(await file.async('string'), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Unsure(`${path} is not well-formed`);
  return doc;
}

/**
 * The part a relationship of `type` from `part` points to, as mammoth finds
 * it: the first target that exists in the zip, else `fallback`.
 */
async function relatedPart(zip, part, type, fallback) {
  const slash = part.lastIndexOf('/');
  const rels = await readXml(zip, `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
  for (const r of rels ? rels.getElementsByTagNameNS(PKG_REL, 'Relationship') : []) {
    if (r.getAttribute('Type') !== `${REL}/${type}` || r.getAttribute('TargetMode') === 'External') continue;
    const target = resolveTarget(part, r.getAttribute('Target'));
    if (zip.file(target)) return target;
  }
  return fallback;
}

/**
 * Whether a paragraph of this style may be numbered by either reader: its
 * style (or one it is based on) has a w:numPr, or a list level names it
 * (w:pStyle, which is how mammoth finds style numbering).
 */
export function styleMayNumber(defs, styleId) {
  if (styleNumbering(defs, styleId).numId != null) return true;
  return styleId != null && Object.values(defs.abstractNums).some((a) => Object.values(a.levels).some((l) => l.pStyle === styleId));
}

/**
 * Reads a .docx. Returns null when it has no numbering part, else
 * {paragraphs, mayNumber}: the body paragraphs (see bodyParagraphs) that are
 * numbered or have a style that may be, as {styleId, num: null | {level,
 * ordered, label, fromStyle}} in document order, and `mayNumber(styleId)`
 * (styleMayNumber). Throws Unsure where it cannot be certain.
 */
export async function readNumbering(arrayBuffer) {
  const zip = await JSZip.loadAsync(arrayBuffer);
  const main = await relatedPart(zip, '', 'officeDocument', 'word/document.xml');
  const [numberingPath, stylesPath] = await Promise.all([relatedPart(zip, main, 'numbering', 'word/numbering.xml'), relatedPart(zip, main, 'styles', 'word/styles.xml')]);
  if (!zip.file(numberingPath)) return null;
  const [doc, numbering, styles] = await Promise.all([readXml(zip, main), readXml(zip, numberingPath), readXml(zip, stylesPath)]);
  if (!doc) throw new Unsure(`no ${main}`);
  const defs = readDefinitions(numbering, styles);
  const all = bodyParagraphs(doc);
  const nums = numberParagraphs(defs, all);
  const mayNumber = (styleId) => styleMayNumber(defs, styleId);
  const paragraphs = all.map((p, k) => ({ styleId: p.styleId, num: nums[k] })).filter((p) => p.num || mayNumber(p.styleId));
  return { paragraphs, mayNumber };
}

/**
 * Lines mammoth's paragraphs ({styleId, numbering: {level, isOrdered} |
 * null}, in document order) up with the reader's (see readNumbering). Both
 * sides keep the paragraphs that are numbered or have a style that may be;
 * these must agree one to one: same count, same style, and where mammoth sees
 * a number, the reader has one at the same level. A paragraph numbered only
 * through its style's w:numPr is one mammoth may not see as numbered: that is
 * allowed. Returns a label for each of mammoth's paragraphs ('' for none), or
 * null when the two do not agree.
 */
export function alignLabels(mammothParagraphs, reader) {
  const candidates = [];
  mammothParagraphs.forEach((p, k) => {
    if (p.numbering || reader.mayNumber(p.styleId ?? null)) candidates.push(k);
  });
  if (candidates.length !== reader.paragraphs.length) return null;
  const labels = mammothParagraphs.map(() => '');
  for (let c = 0; c < candidates.length; c++) {
    const m = mammothParagraphs[candidates[c]];
    const { styleId, num } = reader.paragraphs[c];
    if ((m.styleId ?? null) !== (styleId ?? null)) return null;
    if (m.numbering) {
      if (!num || String(num.level) !== String(m.numbering.level) || num.ordered !== m.numbering.isOrdered) return null;
    } else if (num && !num.fromStyle) {
      return null;
    }
    labels[candidates[c]] = num?.label ?? '';
  }
  return labels;
}
