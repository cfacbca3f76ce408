// @ts-check
// The VS Code extension's mapping layer: gwlint findings → VS Code diagnostics,
// code actions and edits, and VS Code settings → the checker's config JSON.
// It takes the `vscode` module as a parameter so that Node tests can run it
// with a small shim of the same shapes; the checker is always the real wasm.
// No checking logic lives here.
import { analyze } from '../../../pkg/gwlint.js';
import { fixLabel } from './labels.js';

/** @typedef {typeof import('vscode')} Vscode */
/** @typedef {import('vscode').TextDocument} TextDocument */
/**
 * @typedef {{start: number, end: number, replacement: string, applicability: 'safe' | 'review'}} Fix
 * @typedef {{rule: string, category: string, severity: 'error' | 'warning' | 'info', title?: string,
 *   start: number, end: number, line: number, column: number, message: string, fixes: Fix[]}} Finding
 * @typedef {{start: number, end: number, line: number, column: number, text: string, context: string, rule: string}} Placeholder
 * @typedef {{findings: Finding[], placeholders: Placeholder[], configErrors: string[]}} Result
 */

export const SOURCE = '公文体检';
export const LEVELS = ['off', 'info', 'warning', 'error'];
export const DEFAULT_LANGUAGES = ['plaintext', 'markdown'];

/**
 * The `gwlint.*` settings as VS Code hands them over (a WorkspaceConfiguration
 * or a plain object) → the checker's config object (src/config.rs).
 * Values are passed on as the user wrote them: the checker validates them and
 * its error message (Chinese, naming the key) is what the user sees.
 * @param {{get(key: string): any}} settings
 */
export function toConfig(settings) {
  /** @type {Record<string, any>} */
  const config = {};
  const rules = settings.get('rules');
  if (rules && typeof rules === 'object' && Object.keys(rules).length) config.rules = { ...rules };
  const allow = (settings.get('allow') ?? []).filter((/** @type {unknown} */ w) => typeof w === 'string' && w.trim() !== '');
  if (allow.length) config.allow = allow;
  const terms = settings.get('customTerms') ?? [];
  if (Array.isArray(terms) && terms.length) config.customTerms = terms;
  if (settings.get('anonymized') === true) config.anonymized = true;
  const type = settings.get('documentType');
  if (typeof type === 'string' && type !== '' && type !== 'auto') config.documentType = type;
  return config;
}

/** @param {{get(key: string): any}} settings */
export function languagesOf(settings) {
  const langs = settings.get('languages');
  return Array.isArray(langs) ? langs.filter((l) => typeof l === 'string') : DEFAULT_LANGUAGES;
}

/**
 * Runs the real checker: findings, and the placeholder checklist
 * (`analyze().placeholders`, with the words before and after each slot).
 * @param {string} text
 * @param {object} config
 * @returns {Result}
 */
export function runCheck(text, config) {
  const out = analyze(text, config);
  /** @type {Finding[]} */
  const findings = out.findings;
  /** @type {Placeholder[]} */
  const placeholders = out.placeholders.map((/** @type {any} */ p) => ({
    start: p.start,
    end: p.end,
    line: p.line,
    column: p.column,
    text: p.text,
    context: `${p.before}【${p.text}】${p.after}`,
    rule: p.rule,
  }));
  /** @type {string[]} Config keys the checker ignored (it checked with defaults for them). */
  const configErrors = out.configErrors ?? [];
  return { findings, placeholders, configErrors };
}

/** @param {Vscode} vscode @param {Finding['severity']} s */
export function severityOf(vscode, s) {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/** @param {Vscode} vscode @param {TextDocument} doc @param {number} start @param {number} end */
export function rangeOf(vscode, doc, start, end) {
  return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}

/**
 * Findings → diagnostics. Offsets are UTF-16 code units on both sides, so
 * `positionAt` maps them exactly, also after characters outside the BMP.
 * @param {Vscode} vscode @param {TextDocument} doc @param {Finding[]} findings
 */
export function toDiagnostics(vscode, doc, findings) {
  return findings.map((f) => {
    const d = new vscode.Diagnostic(rangeOf(vscode, doc, f.start, f.end), f.message, severityOf(vscode, f.severity));
    d.code = f.rule;
    d.source = SOURCE;
    return d;
  });
}

export { fixLabel };

/** @param {import('vscode').Diagnostic} d */
function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

/**
 * Quick fixes for the gwlint diagnostics in `context`, one per fix, taken from
 * the findings of the document's current text.
 * @param {Vscode} vscode @param {TextDocument} doc @param {readonly import('vscode').Diagnostic[]} diagnostics @param {Finding[]} findings
 */
export function quickFixes(vscode, doc, diagnostics, findings) {
  /** @type {import('vscode').CodeAction[]} */
  const actions = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const start = doc.offsetAt(d.range.start);
    const end = doc.offsetAt(d.range.end);
    const f = findings.find((x) => x.rule === codeOf(d) && x.start === start && x.end === end);
    if (!f) continue;
    f.fixes.forEach((fix, i) => {
      const label = fixLabel(fix, f, doc.getText(rangeOf(vscode, doc, f.start, f.end)));
      const a = new vscode.CodeAction(`${label}（${f.title ?? f.rule}）`, vscode.CodeActionKind.QuickFix);
      a.diagnostics = [d];
      a.edit = new vscode.WorkspaceEdit();
      a.edit.replace(doc.uri, rangeOf(vscode, doc, fix.start, fix.end), fix.replacement);
      a.isPreferred = i === 0 && f.fixes.length === 1 && fix.applicability === 'safe';
      actions.push(a);
    });
  }
  return actions;
}

/**
 * Every safe fix of the findings, in order, dropping any that overlaps one
 * before it. Review fixes are never applied in bulk.
 * @param {Finding[]} findings
 */
export function safeFixes(findings) {
  const fixes = findings.flatMap((f) => f.fixes.filter((x) => x.applicability === 'safe'));
  fixes.sort((a, b) => a.start - b.start || a.end - b.end);
  /** @type {Fix[]} */
  const out = [];
  let last = -1;
  for (const fix of fixes) {
    const prev = out.at(-1);
    if (fix.start < last || (prev && prev.start === fix.start && prev.end === fix.end)) continue;
    out.push(fix);
    last = fix.end;
  }
  return out;
}

/**
 * "Fix all safe problems in this file" as one WorkspaceEdit (or null when
 * there is nothing safe to fix).
 * @param {Vscode} vscode @param {TextDocument} doc @param {Finding[]} findings
 */
export function fixAllEdit(vscode, doc, findings) {
  const fixes = safeFixes(findings);
  if (!fixes.length) return null;
  const edit = new vscode.WorkspaceEdit();
  for (const fix of fixes) edit.replace(doc.uri, rangeOf(vscode, doc, fix.start, fix.end), fix.replacement);
  return edit;
}

export const FIX_ALL_TITLE = '修正本文件中所有可安全修正的问题';

/**
 * The fix-all code action (kind source.fixAll.gwlint, also offered as a quick
 * fix when the file has safe fixes).
 * @param {Vscode} vscode @param {TextDocument} doc @param {Finding[]} findings @param {import('vscode').CodeActionKind} kind
 */
export function fixAllAction(vscode, doc, findings, kind) {
  const edit = fixAllEdit(vscode, doc, findings);
  if (!edit) return null;
  const a = new vscode.CodeAction(`${FIX_ALL_TITLE}（${safeFixes(findings).length} 处）`, kind);
  a.edit = edit;
  return a;
}

/** Status-bar text and tooltip for a result. @param {Result | null} r */
export function statusText(r) {
  if (!r) return { text: '$(check) 公文体检', tooltip: '公文体检：打开纯文本或 Markdown 文件即开始检查' };
  const n = r.findings.length;
  const serious = r.findings.filter((f) => f.severity !== 'info').length;
  const slots = r.placeholders.length;
  return {
    text: n ? `$(warning) 公文体检 ${n}` : '$(check) 公文体检 0',
    tooltip: n ? `共 ${n} 处问题，其中警告及以上 ${serious} 处；待填占位符 ${slots} 处。点击列出待填占位符。` : '未发现问题',
  };
}

/**
 * Quick-pick items for the placeholder list.
 * @param {Placeholder[]} placeholders
 */
export function placeholderItems(placeholders) {
  return placeholders.map((p) => ({
    label: `第${p.line}行第${p.column}列　${p.text}`,
    description: p.context,
    start: p.start,
    end: p.end,
  }));
}
