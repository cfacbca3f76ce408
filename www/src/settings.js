// Settings: the object IS the checker's config JSON (src/config.rs):
//   {rules: {"<rule id or category>": "off|info|warning|error"},
//    allow: ["本县地名", …], customTerms: [{term, replacement, note}],
//    documentType: "通知", anonymized: true, documentTemplates: [...]}
// kept in localStorage, editable in a dialog (settings-dialog.js, loaded when
// first opened), exported/imported as a file.
import { CATEGORY_ORDER, SEVERITY_LABEL } from './findings.js';
import { store } from './storage.js';

const KEY = 'gwlint.settings.v1';
export const LEVELS = ['off', 'info', 'warning', 'error'];
export const LEVEL_LABEL = { off: '关闭', ...SEVERITY_LABEL };
/** Document types offered until the checker publishes its own list. */
export const DOCUMENT_TYPES = ['述责述廉报告', '述职报告', '工作总结', '工作报告', '请示', '通知', '讲话'];

export function emptySettings() {
  return { rules: {}, allow: [], customTerms: [] };
}

/** Checks the shape of a settings object (from storage or an imported file); returns a clean copy or throws a Chinese message. */
export function normalizeSettings(raw) {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('设置文件应为一个 JSON 对象');
  const s = emptySettings();
  for (const key of Object.keys(raw)) {
    if (!['rules', 'allow', 'customTerms', 'documentType', 'anonymized', 'documentTemplates'].includes(key)) throw new Error(`设置文件中的“${key}”不是已知的设置项`);
  }
  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || Array.isArray(raw.rules) || raw.rules === null) throw new Error('设置项 rules 应为对象');
    for (const [k, v] of Object.entries(raw.rules)) {
      if (!LEVELS.includes(v)) throw new Error(`规则“${k}”的级别“${v}”无效，应为 off、info、warning 或 error`);
      s.rules[k] = v;
    }
  }
  if (raw.allow !== undefined) {
    if (!Array.isArray(raw.allow) || raw.allow.some((w) => typeof w !== 'string')) throw new Error('设置项 allow 应为字符串列表');
    s.allow = raw.allow.map((w) => w.trim()).filter(Boolean);
  }
  if (raw.customTerms !== undefined) {
    if (!Array.isArray(raw.customTerms)) throw new Error('设置项 customTerms 应为列表');
    s.customTerms = raw.customTerms.map((t, i) => {
      if (!t || typeof t.term !== 'string' || !t.term.trim()) throw new Error(`设置项 customTerms 第 ${i + 1} 项缺少 term`);
      return { term: t.term.trim(), replacement: String(t.replacement ?? '').trim(), note: String(t.note ?? '').trim() };
    });
  }
  if (raw.documentType !== undefined && raw.documentType !== '') s.documentType = String(raw.documentType);
  if (raw.anonymized !== undefined) s.anonymized = Boolean(raw.anonymized);
  // A unit's own document types: no editor here; kept as they are and checked by the checker on import.
  if (raw.documentTemplates !== undefined) {
    if (!Array.isArray(raw.documentTemplates)) throw new Error('设置项 documentTemplates 应为列表');
    s.documentTemplates = raw.documentTemplates;
  }
  return s;
}

export function loadSettings() {
  try {
    const raw = store.get(KEY);
    return raw ? normalizeSettings(raw) : emptySettings();
  } catch {
    return emptySettings();
  }
}

export function saveSettings(s) {
  store.set(KEY, s);
}

/**
 * The config sent to the checker: the settings minus what this build of the
 * checker does not know (`supports`) and minus rule ids it no longer has.
 * Before the checker has told (`registry`, `supports` null: the first check
 * at start-up), the settings go as they are; the checker names what it does
 * not know in `configErrors`.
 */
export function checkerConfig(s, registry, supports) {
  const known = registry && new Set([...registry.map((r) => r.id), ...CATEGORY_ORDER]);
  const cfg = { rules: Object.fromEntries(Object.entries(s.rules).filter(([k]) => !known || known.has(k))), allow: s.allow, customTerms: s.customTerms };
  if ((!supports || supports.documentType) && s.documentType) cfg.documentType = s.documentType;
  if ((!supports || supports.anonymized) && s.anonymized !== undefined) cfg.anonymized = s.anonymized;
  if ((!supports || supports.documentTemplates) && s.documentTemplates?.length) cfg.documentTemplates = s.documentTemplates;
  return cfg;
}

/** Rule keys in `s` that are neither a rule of this checker nor a category. */
export function unknownRules(s, registry) {
  const known = new Set([...registry.map((r) => r.id), ...CATEGORY_ORDER]);
  return Object.keys(s.rules).filter((k) => !known.has(k));
}
