// The page: a CodeMirror 6 editor whose linter calls the gwlint wasm on every
// change, and a findings list beside it. All user text goes into the DOM via
// textContent, never as HTML.
import { EditorView, basicSetup } from 'codemirror';
import { linter, lintGutter } from '@codemirror/lint';
import init, { check } from '../../pkg/gwlint.js';
import { SAMPLE } from './sample.js';

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_ICON = { error: '⛔', warning: '⚠', info: 'ℹ' };

const statusEl = document.getElementById('status');
const listEl = document.getElementById('findings');
const countEl = document.getElementById('count');

function setStatus(text, failed = false) {
  statusEl.textContent = text;
  statusEl.classList.toggle('failed', failed);
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderPanel(view, text, findings) {
  listEl.replaceChildren();
  countEl.textContent = findings.length ? `（${findings.length}）` : '';
  if (findings.length === 0) {
    listEl.append(el('li', 'empty', '未发现问题'));
    return;
  }
  for (const f of findings) {
    const li = el('li', `finding ${f.severity}`);
    li.tabIndex = 0;
    li.dataset.rule = f.rule;
    const head = el('div', 'head');
    head.append(
      el('span', `sev ${f.severity}`, `${SEVERITY_ICON[f.severity]} ${SEVERITY_LABEL[f.severity]}`),
      el('span', 'title', f.title),
      el('span', 'excerpt', text.slice(f.start, f.end)),
      el('span', 'where', `第${f.line}行第${f.column}列`),
    );
    li.append(head, el('div', 'msg', f.message));
    const go = () => {
      view.dispatch({ selection: { anchor: f.start, head: f.end }, scrollIntoView: true });
      view.focus();
    };
    li.addEventListener('click', go);
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); });
    listEl.append(li);
  }
}

function toDiagnostic(f) {
  return {
    from: f.start,
    to: f.end,
    severity: f.severity,
    message: f.message,
    source: `${f.title} · ${f.rule}`,
    actions: f.fixes.map((fix) => ({
      name: fix.replacement === '' ? '删除' : `改为“${fix.replacement}”`,
      // Fix offsets are taken relative to the finding, whose range the editor
      // keeps mapped through later edits.
      apply(view, from) {
        view.dispatch({ changes: { from: from + (fix.start - f.start), to: from + (fix.end - f.start), insert: fix.replacement } });
      },
    })),
  };
}

function lintSource(view) {
  const text = view.state.doc.toString();
  let findings;
  try {
    findings = check(text, undefined);
  } catch (e) {
    setStatus(`检查出错：${e}。您的文字仍保留在编辑器中。`, true);
    listEl.replaceChildren(el('li', 'empty', '检查出错，结果不可用'));
    return [];
  }
  const serious = findings.filter((f) => f.severity !== 'info').length;
  setStatus(findings.length ? `共 ${findings.length} 处问题，其中警告及以上 ${serious} 处` : '未发现问题');
  renderPanel(view, text, findings);
  return findings.map(toDiagnostic);
}

async function main() {
  try {
    await init({ module_or_path: new URL('gwlint_bg.wasm', document.baseURI) });
  } catch (e) {
    setStatus(`检查程序加载失败：${e}`, true);
    return;
  }
  setStatus('正在检查……');
  const view = new EditorView({
    doc: SAMPLE,
    parent: document.getElementById('editor'),
    extensions: [basicSetup, EditorView.lineWrapping, lintGutter(), linter(lintSource, { delay: 300 })],
  });
  window.gwlintView = view;
}

main();
