// The page: wires the editor, the checker (Web Worker), the side panel,
// settings, drafts, files and exports together. Each concern lives in its own
// module; this file only connects them. All user text reaches the DOM through
// textContent. boot.js, the page's first script, has already started the
// checker and sent it the first text; the settings dialog and the exports are
// loaded when first used.
import { Scheduler } from './scheduler.js';
import { createEditor, setDocument, showEntries, removeEntries, currentEntries, jumpTo, loadEditorExtras } from './editor.js';
import { Panel } from './panel.js';
import { saveSettings, checkerConfig, unknownRules } from './settings.js';
import { saveDraft, newDraft, listDrafts, loadDraft, titleOf, deleteDraft } from './storage.js';
import { readFile, enableDrop, saveText } from './files.js';
import { el, button, modal } from './dom.js';
import { ignoreKey, safeFixChanges, countBySeverity } from './findings.js';
import { checkedPart } from './limits.js';
import { ChangeSet } from '@codemirror/state';

const $ = (id) => document.getElementById(id);
const statusEl = $('status');

function setStatus(text, failed = false) {
  statusEl.textContent = text;
  statusEl.classList.toggle('failed', failed);
}

/** A notice that stays beside the results summary until the next edit. */
function notify(text) {
  app.notice = text;
  setStatus(text);
}

const app = {
  settings: null,
  registry: null, // the checker's rules and the config keys it supports, once it has told (info())
  supports: null,
  configError: null, // the checker rejected the settings: check with defaults until they change
  draft: null,
  last: { text: '', findings: [] }, // latest results, offsets into last.text
  tracked: [], // panel items whose positions follow edits
  notice: '', // shown beside the results summary until the next edit
};

// ---- drafts -------------------------------------------------------------
let saveTimer = null;
function saveNow() {
  clearTimeout(saveTimer);
  saveTimer = null;
  if (app.draft.pristine) return;
  app.draft.text = app.view.state.doc.toString();
  if (!saveDraft(app.draft)) setStatus('浏览器存储空间已满，草稿未能自动保存，请用“保存文本”另存一份。', true);
}
function saveSoon() {
  delete app.draft.pristine;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 400);
}
addEventListener('pagehide', saveNow);
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') saveNow(); });

function docName() {
  return app.draft.name || titleOf(app.view.state.doc.toString());
}

function openDraft(draft) {
  saveNow();
  app.draft = draft;
  setDocument(app.view, draft.text);
  app.tracked = [];
  app.lists = null;
  app.scheduler.docReplaced();
  if (!draft.pristine) saveDraft(draft);
}

// ---- results ------------------------------------------------------------
function isIgnored(key) {
  return app.draft.ignored?.includes(key);
}

function mapItem(changes, item, text) {
  const from = changes.mapPos(item.start, 1);
  const to = Math.max(from, changes.mapPos(item.end, -1));
  return { ...item, from, to, excerpt: text.slice(item.start, item.end) };
}

/** The placeholder checklist ("N 处待填"): `[{start, end, line, text, before, after}]` from the checker. */
function placeholderItems(result) {
  return result.placeholders ?? [];
}

/** Characters as people count them (a surrogate pair is one). */
function charCount(text) {
  let n = text.length;
  for (let i = 0; i < text.length; i++) if ((text.charCodeAt(i) & 0xfc00) === 0xd800) n--;
  return n;
}

/** A result's findings (less those ignored) and their editor entries ({from, to, finding}), mapped through the edits made since. */
function resultEntries(result, req) {
  const text = req.text;
  const findings = [];
  for (const f of result.findings) {
    f.key = ignoreKey(text, f.rule, f.start, f.end);
    if (!isIgnored(f.key)) findings.push(f);
  }
  const ch = req.changes;
  const entries = findings.map((f) => ({ ...mapItem(ch, f, text), finding: f })).filter((e) => ch.empty || e.to > e.from);
  return { findings, entries };
}

function onResult(result, req) {
  const first = !app.shown;
  if (first) performance.mark('gwlint:first-result');
  app.shown = true;
  app.configError = null;
  // True until the worker has loaded word segmentation and checked again.
  app.segmentationPending = result.segmentationPending === true;
  const text = req.text;
  const { findings, entries } = resultEntries(result, req);
  app.last = { text, findings };
  const ch = req.changes;
  // The editor may have been built with this result's underlines already (startPage).
  if (result !== app.builtWith || !ch.empty) showEntries(app.view, entries);
  // Left out of a result when an edit did not change them: the items shown
  // (positions kept up to date with the edits) stay, with their line numbers.
  const kept = (items) => items.map((item) => Object.assign(item, { line: app.view.state.doc.lineAt(item.from).number }));
  const placeholders = 'placeholders' in result || !app.lists ? placeholderItems(result).map((p) => mapItem(ch, p, text)) : kept(app.lists.placeholders);
  // The outline: a flat pre-order list [{kind, level, depth, number, text, start, end, line}].
  const outline = !('outline' in result) && app.lists ? app.lists.outline && kept(app.lists.outline) : result.outline ? result.outline.map((h) => mapItem(ch, h, text)) : null;
  app.lists = { placeholders, outline };
  app.tracked = [...entries, ...placeholders, ...(outline ?? [])];
  const panel = { entries, placeholders, outline, chars: charCount(app.view.state.doc.toString()) };
  // The first results: the panel is filled (unless newer results came
  // meanwhile) and the editor's remaining keymaps are loaded once the
  // underlines are on screen. `startupPending` until then.
  const token = (app.panelToken = (app.panelToken ?? 0) + 1);
  if (!first) app.panel.render(panel);
  else {
    app.startupPending = true;
    requestAnimationFrame(() => setTimeout(async () => {
      if (token === app.panelToken) app.panel.render(panel);
      const info = loadInfo();
      app.checker.allowDictionary();
      await loadEditorExtras(app.view).catch(() => {});
      await info;
      app.startupPending = false;
    }));
  }
  const n = countBySeverity(findings);
  const summary = findings.length ? `共 ${findings.length} 处问题：错误 ${n.error}，警告 ${n.warning}，提示 ${n.info}` : '未发现问题';
  // The checker ignores a bad settings key (and checks with its default): name it.
  const bad = result.configErrors ?? [];
  if (bad.length) setStatus(`${summary}。设置中有无效项，已按默认处理：${bad.join('；')}`, true);
  else if (app.truncated) setStatus(`${summary}。文本超过 100 万字，只检查了前 100 万字。`, true);
  else setStatus(app.notice ? `${summary}。${app.notice}` : summary);
}

/** The text sent to the checker (see limits.js). */
function checkedText() {
  const { text, truncated } = checkedPart(app.view.state.doc.toString());
  app.truncated = truncated;
  return text;
}

function currentConfig() {
  return app.configError ? {} : checkerConfig(app.settings, app.registry, app.supports);
}

function onError(error, req) {
  // A checker that could not load at all is reported once (see startPage).
  app.checker.ready.then(() => checkError(error, req), () => {});
}

function checkError(error, req) {
  const msg = String(error?.message ?? error);
  if (!app.configError && req.config && Object.keys(req.config).length && /配置|设置|config/i.test(msg)) {
    // The settings are not valid for this checker: say so and check with the defaults.
    app.configError = msg;
    setStatus(`设置无效：${msg}。已按默认设置检查，请在“设置”中修改。`, true);
    app.scheduler.now();
    return;
  }
  setStatus(`检查出错：${msg}。您的文字仍保留在编辑器中，结果暂不可用；已重新启动检查程序，继续编辑后将重新检查。`, true);
  restartChecker();
}

/**
 * Replaces a checker that failed (it threw, or the wasm trapped and its worker
 * died) with a fresh one. It checks again only after the next edit, so a text
 * that makes the checker fail every time cannot loop.
 */
async function restartChecker() {
  if (app.restarting) return;
  app.restarting = true;
  try {
    app.checker.stop();
    const checker = new window.gwlintBoot.Checker();
    await checker.ready;
    useChecker(checker);
    app.restarts = (app.restarts ?? 0) + 1;
  } catch (e) {
    setStatus(`检查程序无法重新启动：${e?.message ?? e}。您的文字仍保留在编辑器中，请保存后刷新页面。`, true);
  } finally {
    app.restarting = false;
  }
}

function useChecker(checker) {
  app.checker = checker;
  app.checker.ondictionary = () => app.scheduler.now();
  app.checker.onfailure = (e) => onError(e, {});
  document.documentElement.dataset.engine = checker.mode;
}

// ---- actions from the card and the panel --------------------------------
function afterSettingsChange(settings) {
  app.settings = settings;
  saveSettings(settings);
  app.configError = null;
  app.scheduler.now();
}

function removeFromPanel(pred) {
  app.tracked = app.tracked.filter((t) => !t.finding || !pred(t.finding));
  app.panel.entries = app.panel.entries.filter((e) => !pred(e.finding));
  app.panel.renderFindings();
}

const actions = {
  applyFix(entry, fix) {
    const f = entry.finding;
    const from = entry.from + (fix.start - f.start);
    const to = entry.from + (fix.end - f.start);
    app.view.dispatch({ changes: { from, to, insert: fix.replacement }, userEvent: 'input.fix' });
    removeEntries(app.view, (x) => x === f);
    app.view.focus();
  },
  ignore(entry) {
    const f = entry.finding;
    delete app.draft.pristine;
    app.draft.ignored = [...(app.draft.ignored ?? []), f.key];
    saveNow();
    removeEntries(app.view, (x) => x === f);
    removeFromPanel((x) => x === f);
    notify('已忽略此处（仅对本文档有效）');
  },
  ruleOff(rule) {
    const info = app.registry?.find((r) => r.id === rule);
    afterSettingsChange({ ...app.settings, rules: { ...app.settings.rules, [rule]: 'off' } });
    removeEntries(app.view, (x) => x.rule === rule);
    removeFromPanel((x) => x.rule === rule);
    notify(`已关闭规则“${info?.title ?? rule}”，可在“设置”中重新打开`);
  },
};

function applySafeFixes(filter) {
  const entries = currentEntries(app.view.state).filter((e) => filter(e.finding));
  const changes = safeFixChanges(entries, app.view.state.doc.length);
  if (!changes.length) return;
  // One transaction: one undo step.
  app.view.dispatch({ changes, userEvent: 'input.fix' });
  notify(`已应用 ${changes.length} 处安全修改（Ctrl+Z 可一次撤销）`);
}

// ---- toolbar ------------------------------------------------------------
async function confirmNew() {
  const choice = await modal({
    title: '新建文档',
    body: el('p', null, '当前文档将关闭（它已自动保存，可在“最近草稿”中重新打开）。确定新建空白文档吗？'),
    buttons: [{ label: '新建', value: 'new', primary: true }, { label: '取消', value: 'cancel' }],
    className: 'confirm-new',
  });
  if (choice === 'new') openDraft(newDraft(''));
}

async function showRecent() {
  saveNow();
  const list = el('ol', 'recent-list');
  const render = () => {
    list.replaceChildren();
    const all = listDrafts();
    if (!all.length) list.append(el('li', 'empty', '还没有保存的草稿'));
    for (const d of all) {
      const li = el('li', d.id === app.draft.id ? 'current' : '');
      const open = button(d.name || d.title, () => {
        li.closest('dialog').close('opened');
        const draft = d.id !== app.draft.id && loadDraft(d.id);
        if (draft) openDraft(draft);
      }, 'open-draft');
      const when = new Date(d.updated);
      li.append(open, el('span', 'meta', `${when.toLocaleString('zh-CN')} · ${d.chars} 字${d.id === app.draft.id ? ' · 正在编辑' : ''}`));
      if (d.id !== app.draft.id) li.append(button('删除', () => { deleteDraft(d.id); render(); }, 'delete-draft'));
      list.append(li);
    }
  };
  render();
  await modal({ title: '最近草稿', body: list, className: 'recent', buttons: [{ label: '关闭', value: 'close' }] });
}

async function openFile(file) {
  try {
    const { name, text, notice } = await readFile(file);
    openDraft({ ...newDraft(text, name) });
    saveNow();
    notify(`已打开“${file.name}”${notice ? `。${notice}` : ''}`);
  } catch (e) {
    setStatus(e.message, true);
  }
}

async function freshResults() {
  await app.scheduler.whenFresh();
  return app.last;
}

function wireToolbar() {
  $('btn-new').addEventListener('click', confirmNew);
  $('btn-open').addEventListener('click', () => $('file-open').click());
  $('file-open').addEventListener('change', (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) openFile(file);
  });
  $('btn-recent').addEventListener('click', showRecent);
  $('btn-save-text').addEventListener('click', () => saveText(docName(), app.view.state.doc.toString()));
  $('btn-export-csv').addEventListener('click', async () => {
    const [{ exportCsv }, { text, findings }] = await Promise.all([import('./exports.js'), freshResults()]);
    exportCsv(docName(), text, findings);
  });
  $('btn-export-report').addEventListener('click', async () => {
    const [{ exportReport }, { text, findings }] = await Promise.all([import('./exports.js'), freshResults()]);
    exportReport(docName(), text, findings);
  });
  $('btn-settings').addEventListener('click', async () => {
    const [{ openSettingsDialog }] = await Promise.all([import('./settings-dialog.js'), loadInfo()]);
    openSettingsDialog({
      settings: app.settings,
      registry: app.registry ?? [],
      supports: app.supports ?? {},
      onChange: afterSettingsChange,
      validate: async (s) => {
        const unknown = app.registry ? unknownRules(s, app.registry) : [];
        if (unknown.length) return `设置项 rules 中的“${unknown.join('”“')}”不是已知的规则编号或类别`;
        try {
          const { configErrors = [] } = await app.checker.analyze('', checkerConfig(s, app.registry, app.supports));
          return configErrors.length ? configErrors.join('；') : null;
        } catch (e) {
          return String(e?.message ?? e);
        }
      },
    });
  });
  enableDrop(document.body, $('drop-hint'), openFile);
}

// ---- start --------------------------------------------------------------
/**
 * Builds the page. From boot.js: the checker (already loading), the draft and
 * settings it read, and the first check it sent (`first`: {text, config,
 * result}), whose result is shown like any other.
 */
async function startPage({ checker, draft, settings, first }) {
  app.draft = draft;
  app.settings = settings;
  app.panel = new Panel({
    jump: (item) => jumpTo(app.view, item.from),
    fixAll: () => applySafeFixes(() => true),
    fixCategory: (cat) => applySafeFixes((f) => f.category === cat),
  });
  // The editor is built now, while app.js is evaluated, not a task later:
  // Blink lays the page out when parsing ends, right after this module runs,
  // so the editor goes into the page's first layout and first frame (a turn
  // of the event loop here let a layout and a frame of the page without the
  // editor come first, then laid it out again: the page was built ~40 ms
  // later; tests/js/page-startup.test.mjs checks the order).
  // The worker was faster than the page: the editor is built with the first
  // underlines (one layout instead of two); onResult does the rest.
  let entries = [];
  if (first.value) {
    // 'gwlint:first-result' is marked by onResult (via scheduler.adopt below),
    // after 'gwlint:page-built', once per load.
    app.builtWith = first.value;
    entries = resultEntries(first.value, { text: first.text, changes: ChangeSet.empty(first.text.length) }).entries;
  }
  app.view = createEditor({
    host: $('editor'),
    doc: app.draft.text,
    entries,
    actions,
    ruleInfo: (id) => app.registry?.find((r) => r.id === id),
    onUpdate(update) {
      if (!update.docChanged) return;
      for (const t of app.tracked) {
        t.from = update.changes.mapPos(t.from, 1);
        t.to = Math.max(t.from, update.changes.mapPos(t.to, -1));
      }
      if (!update.transactions.some((tr) => tr.isUserEvent('input.fix'))) app.notice = '';
      app.scheduler.docChanged(update.changes);
      saveSoon();
    },
  });
  wireToolbar();
  performance.mark('gwlint:page-built');
  window.gwlint = app; // for the end-to-end tests and the console
  window.gwlintView = app.view;
  useChecker(checker);
  app.scheduler = new Scheduler({
    getText: checkedText,
    getConfig: currentConfig,
    analyze: (text, config, edit) => app.checker.analyze(text, config, edit),
    onResult,
    onError,
  });
  checkedText(); // sets app.truncated for the first result
  app.scheduler.adopt(first.text, first.config, first.result);
  if (checker.hasDictionary) app.scheduler.now(); // it came in before the page was built
  setStatus('正在检查……');
  checker.ready.then(() => performance.mark('gwlint:checker-ready'), (e) => {
    setStatus(`检查程序加载失败：${e?.message ?? e}。您仍可编辑文字，但无法检查。`, true);
    loadEditorExtras(app.view); // no first results to wait for
  });
  app.firstConfig = first.config;
}

/**
 * The rule list and the config keys the checker knows (`app.registry`,
 * `app.supports`), asked once: after the first underlines are drawn (its
 * probe checks and the rule list would otherwise keep the worker busy and
 * cross to the page while the page draws them), or when the settings open.
 */
function loadInfo() {
  app.info ??= app.checker.info().then(({ rules, supports }) => {
    app.registry = rules;
    app.supports = supports;
    // The first check had the settings unfiltered: check again if that differs.
    if (JSON.stringify(currentConfig()) !== JSON.stringify(app.firstConfig)) app.scheduler.now();
  }, () => {});
  return app.info;
}

if (window.gwlintBoot) startPage(window.gwlintBoot);
else window.gwlintBootReady = startPage; // boot.js (async) has not run yet
