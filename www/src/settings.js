// Settings: the object IS the checker's config JSON (src/config.rs):
//   {rules: {"<rule id or category>": "off|info|warning|error"},
//    allow: ["本县地名", …], customTerms: [{term, replacement, note}],
//    documentType: "通知", anonymized: true, documentTemplates: [...]}
// kept in localStorage, editable in a dialog, exported/imported as a file.
import { el, button, modal, download } from './dom.js';
import { CATEGORY_ORDER, categoryLabel, SEVERITY_LABEL } from './findings.js';
import { store } from './storage.js';

const KEY = 'gwlint.settings.v1';
const LEVELS = ['off', 'info', 'warning', 'error'];
const LEVEL_LABEL = { off: '关闭', ...SEVERITY_LABEL };
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
 */
export function checkerConfig(s, registry, supports) {
  const known = new Set([...registry.map((r) => r.id), ...CATEGORY_ORDER]);
  const cfg = { rules: Object.fromEntries(Object.entries(s.rules).filter(([k]) => known.has(k))), allow: s.allow, customTerms: s.customTerms };
  if (supports.documentType && s.documentType) cfg.documentType = s.documentType;
  if (supports.anonymized && s.anonymized !== undefined) cfg.anonymized = s.anonymized;
  if (supports.documentTemplates && s.documentTemplates?.length) cfg.documentTemplates = s.documentTemplates;
  return cfg;
}

/** Rule keys in `s` that are neither a rule of this checker nor a category. */
export function unknownRules(s, registry) {
  const known = new Set([...registry.map((r) => r.id), ...CATEGORY_ORDER]);
  return Object.keys(s.rules).filter((k) => !known.has(k));
}

export function exportSettings(s) {
  download('公文体检设置.json', new Blob([JSON.stringify(s, null, 2) + '\n'], { type: 'application/json' }));
}

/** Parses an imported settings file; throws a Chinese message when it is not valid. */
export async function readSettingsFile(file) {
  let raw;
  try {
    raw = JSON.parse(await file.text());
  } catch (e) {
    throw new Error(`设置文件不是有效的 JSON：${e.message}`);
  }
  return normalizeSettings(raw);
}

/**
 * The settings dialog. Every change is applied at once through `onChange(settings)`.
 * `validate(settings)` → Promise<string|null> asks the checker whether it accepts them.
 */
export function openSettingsDialog({ settings, registry, supports, onChange, validate }) {
  let s = structuredClone(settings);
  const commit = () => onChange(structuredClone(s));
  const body = el('div', 'settings');

  // Document type and anonymisation.
  const general = el('section', 'settings-general');
  general.append(el('h3', null, '文种与匿名化'));
  const typeLabel = el('label', null, '文种 ');
  const typeSel = el('select');
  typeSel.id = 'set-document-type';
  typeSel.append(new Option('自动识别（根据标题）', ''));
  for (const t of DOCUMENT_TYPES) typeSel.append(new Option(t, t));
  typeSel.value = s.documentType ?? '';
  typeSel.addEventListener('change', () => {
    if (typeSel.value) s.documentType = typeSel.value;
    else delete s.documentType;
    commit();
  });
  typeLabel.append(typeSel);
  const anonLabel = el('label');
  const anon = el('input');
  anon.type = 'checkbox';
  anon.id = 'set-anonymized';
  anon.checked = Boolean(s.anonymized);
  anon.addEventListener('change', () => { s.anonymized = anon.checked; commit(); });
  anonLabel.append(anon, ' 本文已匿名化（允许“张某某”“李某”这类写法）');
  general.append(typeLabel, anonLabel);
  if (s.documentTemplates?.length) general.append(el('p', 'note', `本单位自定义文种 ${s.documentTemplates.length} 个（来自导入的设置文件）。`));
  if (!supports.documentType || !supports.anonymized) {
    general.append(el('p', 'note', '当前检查程序尚不支持的设置会先保存，升级后生效。'));
  }

  // Allow-list.
  const allow = el('section');
  allow.append(el('h3', null, '允许词（不报告这些词中的问题，每行一个，例如本地地名、人名）'));
  const allowText = el('textarea');
  allowText.id = 'set-allow';
  allowText.rows = 4;
  allowText.value = s.allow.join('\n');
  allowText.addEventListener('change', () => {
    s.allow = allowText.value.split('\n').map((w) => w.trim()).filter(Boolean);
    commit();
  });
  allow.append(allowText);

  // Custom terms.
  const terms = el('section');
  terms.append(el('h3', null, '自定义提法（遇到左边的词时提示改为右边的写法）'));
  const table = el('table', 'terms');
  const head = el('tr');
  head.append(el('th', null, '要提示的词'), el('th', null, '应改为'), el('th', null, '说明'), el('th'));
  table.append(head);
  const renderTerms = () => {
    table.replaceChildren(head);
    s.customTerms.forEach((t, i) => {
      const tr = el('tr');
      for (const field of ['term', 'replacement', 'note']) {
        const td = el('td');
        const input = el('input');
        input.value = t[field];
        input.className = `term-${field}`;
        input.addEventListener('change', () => {
          t[field] = input.value.trim();
          if (s.customTerms.every((x) => x.term)) commit();
        });
        td.append(input);
        tr.append(td);
      }
      const td = el('td');
      td.append(button('删除', () => { s.customTerms.splice(i, 1); renderTerms(); commit(); }));
      tr.append(td);
      table.append(tr);
    });
  };
  renderTerms();
  terms.append(table, button('添加一行', () => { s.customTerms.push({ term: '', replacement: '', note: '' }); renderTerms(); table.querySelector('tr:last-child input')?.focus(); }, 'add-term'));

  // Rules.
  const rules = el('section');
  rules.append(el('h3', null, '规则'));
  for (const cat of CATEGORY_ORDER) {
    const list = registry.filter((r) => r.category === cat);
    if (!list.length) continue;
    const group = el('fieldset', 'rule-group');
    group.append(el('legend', null, categoryLabel(cat)));
    for (const r of list) {
      const row = el('div', 'rule-row');
      const sel = el('select');
      sel.dataset.rule = r.id;
      sel.append(new Option(`默认（${LEVEL_LABEL[r.severity]}）`, ''));
      for (const l of LEVELS) sel.append(new Option(LEVEL_LABEL[l], l));
      sel.value = s.rules[r.id] ?? '';
      sel.addEventListener('change', () => {
        if (sel.value) s.rules[r.id] = sel.value;
        else delete s.rules[r.id];
        commit();
      });
      const about = el('details');
      about.append(el('summary', null, r.title), el('pre', 'rule-doc', r.doc));
      row.append(sel, about, el('code', null, r.id));
      group.append(row);
    }
    rules.append(group);
  }

  // File exchange.
  const files = el('section', 'settings-files');
  const error = el('p', 'error');
  error.setAttribute('role', 'alert');
  const input = el('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.hidden = true;
  input.id = 'set-import-file';
  input.addEventListener('change', async () => {
    const file = input.files[0];
    input.value = '';
    if (!file) return;
    try {
      const imported = await readSettingsFile(file);
      const problem = await validate(imported);
      if (problem) throw new Error(problem);
      onChange(imported);
      error.textContent = '';
      dialogClose('imported');
    } catch (e) {
      error.textContent = `未能导入：${e.message}（原有设置未改变）`;
    }
  });
  files.append(
    button('导出设置…', () => exportSettings(s), 'export-settings'),
    button('导入设置…', () => input.click(), 'import-settings'),
    button('恢复默认', () => { onChange(emptySettings()); dialogClose('reset'); }, 'reset-settings'),
    input,
    error,
  );

  body.append(general, files, allow, terms, rules);
  let dialogClose = () => {};
  const done = modal({ title: '设置', body, className: 'settings-dialog', buttons: [{ label: '完成', value: 'done', primary: true }] });
  const dlg = body.closest('dialog');
  dialogClose = (v) => dlg.close(v);
  return done;
}
