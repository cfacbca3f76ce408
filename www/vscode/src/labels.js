// @ts-check
// Wording shared by the extensions' fix buttons, the same as the page's: the
// flagged text as it will read after the fix (改为“二、”), or what is deleted.

/**
 * @param {{start: number, end: number, replacement: string}} fix
 * @param {{start: number, end: number}} finding
 * @param {string} text the finding's text (text.slice(finding.start, finding.end))
 */
export function fixLabel(fix, finding, text) {
  const inside = fix.start >= finding.start && fix.end <= finding.end && text.length === finding.end - finding.start;
  if (!inside) return fix.replacement === '' ? '删除' : `改为“${fix.replacement}”`;
  const after = text.slice(0, fix.start - finding.start) + fix.replacement + text.slice(fix.end - finding.start);
  if (after === '') return `删除“${text}”`;
  return `改为“${after}”`;
}
