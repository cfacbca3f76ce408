// @ts-check
// Settings as the Chromium extension stores them (chrome.storage.local, never
// sync: allow-lists hold names), and labels. No checker code: the content
// script imports this.

export const DEFAULTS = Object.freeze({
  /** Rule id or category → off/info/warning/error. */
  rules: {},
  /** Words never to flag. */
  allow: [],
  /** auto or a document type. */
  documentType: 'auto',
  /** The text is anonymised on purpose (张某某 allowed). */
  anonymized: false,
  /** Host names where the extension does nothing. */
  disabledSites: [],
});

/** @param {Record<string, any>} stored */
export function withDefaults(stored) {
  return { ...DEFAULTS, ...stored };
}


export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_ICON = { error: '⛔', warning: '⚠', info: 'ℹ' };
