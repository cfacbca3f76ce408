// The settings dialog and the settings file (export, import). Loaded when the
// dialog is first opened: nothing here is on the first-underline path.
import { el, button, modal, download } from './dom.js';
import { CATEGORY_ORDER, categoryLabel } from './findings.js';
import { emptySettings, normalizeSettings, DOCUMENT_TYPES, LEVELS, LEVEL_LABEL } from './settings.js';

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
