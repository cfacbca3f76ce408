// Plain-data helpers over the checker's findings: labels, grouping, sorting,
// the per-document "ignore this one" key and bulk fixes. No DOM here.

export const SEVERITIES = ['error', 'warning', 'info'];
export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' };

/** Category order, label and one-character badge (shown beside the colour). */
export const CATEGORIES = {
  structure: { label: '结构', badge: '构' },
  placeholder: { label: '占位符', badge: '填' },
  consistency: { label: '一致性', badge: '同' },
  punctuation: { label: '标点', badge: '点' },
  number: { label: '数字', badge: '数' },
  formulation: { label: '规范提法', badge: '提' },
  typo: { label: '错别字', badge: '字' },
};
export const CATEGORY_ORDER = Object.keys(CATEGORIES);

export function categoryLabel(cat) {
  return CATEGORIES[cat]?.label ?? cat;
}

/** The standard's clause cited in a rule's doc comment, if any (e.g. "GB/T 9704-2012 7.3.3"). */
export function clauseOf(doc) {
  if (!doc) return '';
  const m = doc.match(/(?:GB(?:\/T)?|GB\/Z)\s?\d+(?:\.\d+)?[-—–]\d{4}(?:[^\S\n]*(?:§\s*|第\s*)?\d+(?:\.\d+)+(?:\s*条)?)?|《[^》\n]{2,30}(?:条例|规定|办法|标准|规范)》(?:\s*第[一二三四五六七八九十百零〇\d]+条)?/);
  return m ? m[0].replace(/\s+/g, ' ') : '';
}

/**
 * The key under which "ignore this one" remembers a finding: the rule, the
 * flagged text and up to 4 characters either side on the same line, so it
 * survives edits elsewhere in the document.
 */
export function ignoreKey(text, rule, start, end) {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl;
  return [rule, text.slice(Math.max(lineStart, start - 4), start), text.slice(start, end), text.slice(end, Math.min(lineEnd, end + 4))].join('\u241f');
}

export function byPosition(a, b) {
  return a.from - b.from || a.to - b.to || (a.finding.rule < b.finding.rule ? -1 : 1);
}

export function bySeverity(a, b) {
  return SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity) || byPosition(a, b);
}

/** Groups entries ({finding, from, to}) by category, in the registry's category order. */
export function groupByCategory(entries) {
  const groups = new Map();
  for (const e of [...entries].sort(byPosition)) {
    const c = e.finding.category;
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c).push(e);
  }
  const rank = (c) => (CATEGORY_ORDER.includes(c) ? CATEGORY_ORDER.indexOf(c) : 99);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** Counts by severity: {error, warning, info}. */
export function countBySeverity(findings) {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity] = (n[f.severity] ?? 0) + 1;
  return n;
}

/** The first fix of a finding marked safe, if any. */
export function safeFix(finding) {
  return finding.fixes?.find((x) => x.applicability === 'safe') ?? null;
}

/**
 * Editor changes for the safe fixes of `entries` ({finding, from}), with fix
 * offsets taken relative to the finding's current (mapped) start. Overlapping
 * fixes are skipped (the next check offers them again).
 */
export function safeFixChanges(entries, docLength) {
  const changes = [];
  for (const e of [...entries].sort(byPosition)) {
    const fix = safeFix(e.finding);
    if (!fix) continue;
    const from = e.from + (fix.start - e.finding.start);
    const to = e.from + (fix.end - e.finding.start);
    if (from < 0 || to > docLength || from > to) continue;
    const last = changes[changes.length - 1];
    if (last && from < last.to) continue;
    changes.push({ from, to, insert: fix.replacement });
  }
  return changes;
}

/**
 * How a fix is labelled on its button: the flagged text as it will read after
 * the fix (改为“二、”), or what is deleted.
 */
export function fixLabel(fix, finding, text) {
  const inside = fix.start >= finding.start && fix.end <= finding.end && text.length === finding.end - finding.start;
  if (!inside) return fix.replacement === '' ? '删除' : `改为“${fix.replacement}”`;
  const after = text.slice(0, fix.start - finding.start) + fix.replacement + text.slice(fix.end - finding.start);
  if (after === '') return `删除“${text}”`;
  return `改为“${after}”`;
}
