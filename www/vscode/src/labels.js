// @ts-check
// Wording shared by the extensions' fix buttons (the same as the page's).

/** @param {{replacement: string}} fix */
export function fixLabel(fix) {
  return fix.replacement === '' ? '删除' : `改为“${fix.replacement}”`;
}
