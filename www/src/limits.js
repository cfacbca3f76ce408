// How much of a text the page sends to the checker.

/**
 * At most MAX_CHECKED code units (about a million characters, far beyond any
 * report), so a pasted 10 MB file keeps the page responsive; the status line
 * says that only the first part is checked. `{text, truncated}`.
 */
export const MAX_CHECKED = 1_000_000;
export function checkedPart(text) {
  if (text.length <= MAX_CHECKED) return { text, truncated: false };
  // Never cut a surrogate pair in two.
  const end = (text.charCodeAt(MAX_CHECKED - 1) & 0xfc00) === 0xd800 ? MAX_CHECKED - 1 : MAX_CHECKED;
  return { text: text.slice(0, end), truncated: true };
}
