// The editor: CodeMirror 6 in a shadow root (so CodeMirror's own styles go into
// a constructed stylesheet and the page's CSP needs no 'unsafe-inline'), with
// the checker's findings as @codemirror/lint diagnostics. The lint extension
// keeps underlines mapped through edits until fresh results replace them; the
// card shown on hover or when the cursor sits on an underline is ours.
import { EditorView, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, dropCursor, hoverTooltip, showTooltip } from '@codemirror/view';
import { EditorState, StateField, Compartment } from '@codemirror/state';
import { linter, lintGutter, setDiagnostics, setDiagnosticsEffect, forEachDiagnostic } from '@codemirror/lint';
import { el, button, severityIcon } from './dom.js';
import { CATEGORIES, SEVERITY_LABEL, categoryLabel, clauseOf, fixLabel } from './findings.js';
import editorCss from '../editor.css';

// Undo history, the keymaps (cursor by word, select all, search, lint
// navigation) and the selection-match highlight come from editor-extras.js,
// loaded once the first underlines are on screen (loadEditorExtras): with
// @codemirror/language and @codemirror/search they are a quarter of the
// page's code, none of it needed to show the first findings. (Typing works
// without them; undo starts when they are in, a moment after the page opens.)
const extrasSlot = new Compartment();
let extras = [];
let extrasLoading = null;

/** Loads the editor's remaining keymaps and highlight into `view` (once; later documents get them too). */
export function loadEditorExtras(view) {
  extrasLoading ??= import('./editor-extras.js').then((m) => {
    extras = m.extras;
    return extras;
  });
  return extrasLoading.then((x) => view.dispatch({ effects: extrasSlot.reconfigure(x) }));
}

/** Diagnostics currently in the editor, with their mapped positions: [{d, finding, from, to}]. */
export function currentEntries(state) {
  const out = [];
  forEachDiagnostic(state, (d, from, to) => out.push({ d, finding: d.finding, from, to }));
  return out;
}

function entriesAt(state, pos) {
  return currentEntries(state).filter((e) => e.from <= pos && pos <= e.to);
}

function diagnosticsOf(entries) {
  return entries.map(({ finding, from, to }) => ({
    from,
    to,
    severity: finding.severity,
    message: finding.message,
    markClass: `gw-cat-${finding.category}`,
    finding,
  }));
}

/** Replaces the editor's diagnostics by `entries` ({finding, from, to}). */
export function showEntries(view, entries) {
  view.dispatch(setDiagnostics(view.state, diagnosticsOf(entries)));
}

/** Drops diagnostics matching `pred` without waiting for a re-check. */
export function removeEntries(view, pred) {
  showEntries(view, currentEntries(view.state).filter((e) => !pred(e.finding)));
}

/** Category badge: colour plus a character, and the label for screen readers and print. */
export function categoryBadge(category) {
  const b = el('span', `cat-badge cat-${category}`, CATEGORIES[category]?.badge ?? '?');
  b.title = categoryLabel(category);
  return b;
}

export function severityTag(severity) {
  const s = el('span', `sev ${severity}`);
  s.append(severityIcon(severity), el('span', null, SEVERITY_LABEL[severity] ?? severity));
  return s;
}

/**
 * The editor. `actions` = {applyFix(entry, fix), ignore(entry), ruleOff(rule)};
 * `ruleInfo(id)` → {title, doc} from the registry; `entries` are underlines to
 * show from the start (as for showEntries).
 */
export function createEditor({ host, doc, entries = [], onUpdate, actions, ruleInfo }) {
  function card(view, entries) {
    const dom = el('div', 'gw-card');
    for (const entry of entries) {
      const f = entry.finding;
      const info = ruleInfo(f.rule) ?? {};
      const item = el('div', `gw-card-item ${f.severity}`);
      const head = el('div', 'gw-card-head');
      head.append(severityTag(f.severity), categoryBadge(f.category), el('span', 'cat-label', categoryLabel(f.category)), el('strong', 'gw-title', f.title ?? info.title ?? f.rule));
      item.append(head, el('p', 'gw-message', f.message));
      const clause = clauseOf(info.doc);
      if (clause) item.append(el('p', 'gw-clause', `依据：${clause}`));
      const buttons = el('div', 'gw-actions');
      for (const fix of f.fixes ?? []) {
        const b = button(fixLabel(fix, f, view.state.sliceDoc(entry.from, entry.to)), () => actions.applyFix(entry, fix), `gw-fix ${fix.applicability}`);
        b.title = fix.applicability === 'safe' ? '安全修改' : '请确认后修改';
        buttons.append(b);
      }
      buttons.append(
        button('忽略此处', () => actions.ignore(entry), 'gw-ignore'),
        button('关闭此规则', () => actions.ruleOff(f.rule), 'gw-rule-off'),
      );
      item.append(buttons, el('p', 'gw-rule-id', f.rule));
      dom.append(item);
    }
    const wrap = el('div', 'gw-tooltip');
    wrap.append(dom);
    return { dom: wrap };
  }

  function tooltipFor(view, entries) {
    if (!entries.length) return null;
    return {
      pos: Math.min(...entries.map((e) => e.from)),
      end: Math.max(...entries.map((e) => e.to)),
      above: true,
      create: (v) => card(v, entries),
    };
  }

  // The card for the underline under the cursor (keyboard users).
  const cursorCard = StateField.define({
    create: () => null,
    update(tip, tr) {
      if (!tr.docChanged && !tr.selection && !tr.effects.some((e) => e.is(setDiagnosticsEffect))) return tip;
      const sel = tr.state.selection.main;
      if (!sel.empty) return null;
      const entries = entriesAt(tr.state, sel.head);
      if (!entries.length) return null;
      return { ...tooltipFor(null, entries), create: (v) => card(v, entriesAt(v.state, sel.head)) };
    },
    provide: (f) => showTooltip.from(f),
  });

  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(editorCss);
  shadow.adoptedStyleSheets = [sheet];

  const extensions = [
        lineNumbers(),
        highlightActiveLineGutter(),
        drawSelection(),
        dropCursor(),
        highlightActiveLine(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': '公文正文', spellcheck: 'false', lang: 'zh-CN' }),
        linter(null, { tooltipFilter: () => [] }),
        lintGutter(),
        hoverTooltip((v, pos) => tooltipFor(v, entriesAt(v.state, pos)), { hideOnChange: true }),
        cursorCard,
        EditorView.updateListener.of(onUpdate),
  ];
  let state = EditorState.create({ doc, extensions: [extensions, extrasSlot.of(extras)] });
  if (entries.length) state = state.update(setDiagnostics(state, diagnosticsOf(entries))).state;
  const view = new EditorView({ root: shadow, parent: shadow, state });
  view.gwExtensions = extensions;
  return view;
}

/** Loads another document: a fresh state, so undo does not cross documents. */
export function setDocument(view, text) {
  view.setState(EditorState.create({ doc: text, extensions: [view.gwExtensions, extrasSlot.of(extras)] }));
}

/** Moves the cursor to a range and shows it. */
export function jumpTo(view, from, to) {
  view.dispatch({ selection: { anchor: from, head: to ?? from }, effects: EditorView.scrollIntoView(from, { y: 'center' }) });
  view.focus();
}
