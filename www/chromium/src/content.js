// @ts-check
// The content script: finds the textarea or contenteditable field the user
// writes in, sends its text to the extension's service worker for checking,
// and draws the findings as underlines in an overlay (a shadow root above the
// page) that follows scrolling and resizing. Hovering an underline shows the
// message and fix buttons. No checking logic here, and no network: text goes
// only to the extension's own worker via chrome.runtime.sendMessage.
import { SEVERITY_ICON, SEVERITY_LABEL, withDefaults } from './settings.js';
import { fixLabel } from '../../vscode/src/labels.js';

/**
 * @typedef {import('../../vscode/src/core.js').Finding} Finding
 * @typedef {import('../../vscode/src/core.js').Fix} Fix
 * @typedef {{left: number, top: number, right: number, bottom: number}} Box
 * @typedef {{el: HTMLElement, kind: 'textarea' | 'editable', text: string, findings: Finding[],
 *   box: HTMLElement, marks: {finding: Finding, rects: Box[]}[], timer: number, seq: number}} Field
 */

const DEBOUNCE_MS = 300;
const HOST_TAG = 'gwlint-overlay';

/** @type {Map<HTMLElement, Field>} */
const fields = new Map();
let enabled = false;

// ---------------------------------------------------------------- overlay DOM

const host = document.createElement(HOST_TAG);
host.style.cssText = 'all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0; z-index: 2147483647; pointer-events: none;';
const root = host.attachShadow({ mode: 'open' });
root.innerHTML = `<style>
  .box { position: fixed; overflow: hidden; pointer-events: none; }
  .mark { position: absolute; height: 2px; pointer-events: none; background: var(--c); opacity: .85; }
  .mark.error { --c: #c62828; } .mark.warning { --c: #d08000; } .mark.info { --c: #1565c0; }
  .mirror { position: absolute; left: -99999px; top: 0; visibility: hidden; overflow: hidden;
    white-space: pre-wrap; overflow-wrap: break-word; box-sizing: border-box; border: 0; }
  .tip { position: fixed; max-width: 26rem; pointer-events: auto; background: #fff; color: #222;
    border: 1px solid #bbb; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.2); padding: 6px 8px;
    font: 14px/1.5 "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
  .tip .head { font-weight: bold; } .tip .head.error { color: #c62828; } .tip .head.warning { color: #b26a00; } .tip .head.info { color: #1565c0; }
  .tip .msg { margin: 2px 0 4px; }
  .tip button { font: inherit; margin: 2px 6px 2px 0; padding: 1px 8px; cursor: pointer; border: 1px solid #8b1a1a;
    border-radius: 3px; background: #fff; color: #8b1a1a; }
  .tip button:hover { background: #8b1a1a; color: #fff; }
  .tip .src { font-size: 12px; opacity: .7; }
</style>`;
const mirror = document.createElement('div');
mirror.className = 'mirror';
root.append(mirror);

function attachHost() {
  if (!host.isConnected) document.documentElement.append(host);
}

// ---------------------------------------------------------- fields and text

/** The editable field an event target belongs to, if any. @param {EventTarget | null} t */
function fieldOf(t) {
  if (!(t instanceof HTMLElement)) return null;
  if (t instanceof HTMLTextAreaElement) return t.readOnly || t.disabled ? null : t;
  if (!t.isContentEditable) return null;
  let el = t;
  while (el.parentElement && el.parentElement.isContentEditable) el = el.parentElement;
  return el;
}

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL']);

/**
 * The text of a contenteditable host as the checker sees it: text nodes in
 * order, a line break for <br> and between blocks. `segments` maps text
 * offsets (UTF-16) back to text nodes.
 * @param {HTMLElement} el
 */
function editableText(el) {
  let text = '';
  /** @type {{node: Text, start: number}[]} */
  const segments = [];
  /** @param {Node} node */
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        segments.push({ node: /** @type {Text} */ (child), start: text.length });
        text += /** @type {Text} */ (child).data;
      } else if (child instanceof HTMLElement) {
        if (child.tagName === 'BR') {
          text += '\n';
          continue;
        }
        if (child.tagName === 'SCRIPT' || child.tagName === 'STYLE') continue;
        const block = BLOCK.has(child.tagName);
        if (block && text !== '' && !text.endsWith('\n')) text += '\n';
        walk(child);
        if (block && text !== '' && !text.endsWith('\n')) text += '\n';
      }
    }
  };
  walk(el);
  return { text, segments };
}

/** @param {Field} f */
function textOf(f) {
  return f.kind === 'textarea' ? /** @type {HTMLTextAreaElement} */ (f.el).value : editableText(f.el).text;
}

/** A DOM range over text offsets of a contenteditable host. @param {HTMLElement} el @param {number} start @param {number} end */
function editableRange(el, start, end) {
  const { segments } = editableText(el);
  /** @param {number} off @param {boolean} isEnd */
  const locate = (off, isEnd) => {
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      const len = s.node.data.length;
      if (off < s.start) return { node: s.node, offset: 0 };
      if (off < s.start + len || (off === s.start + len && (isEnd || i === segments.length - 1))) return { node: s.node, offset: off - s.start };
    }
    const last = segments.at(-1);
    return last ? { node: last.node, offset: last.node.data.length } : null;
  };
  const a = locate(start, false);
  const b = locate(end, true);
  if (!a || !b) return null;
  const r = document.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset);
  return r;
}

// ----------------------------------------------------------------- checking

/** @param {HTMLElement} el */
function track(el) {
  let f = fields.get(el);
  if (!f) {
    attachHost();
    const box = document.createElement('div');
    box.className = 'box';
    root.append(box);
    f = { el, kind: el instanceof HTMLTextAreaElement ? 'textarea' : 'editable', text: '', findings: [], box, marks: [], timer: 0, seq: 0 };
    fields.set(el, f);
    resizeObserver.observe(el);
  }
  return f;
}

/** @param {Field} f */
async function check(f) {
  clearTimeout(f.timer);
  const text = textOf(f);
  const seq = ++f.seq;
  /** @type {any} */
  let res;
  try {
    res = await chrome.runtime.sendMessage({ type: 'check', text });
  } catch {
    return; // the extension was reloaded or removed: this script is orphaned
  }
  if (seq !== f.seq || !enabled) return;
  f.text = text;
  f.findings = res?.ok ? res.findings : [];
  f.el.dataset.gwlintCount = String(f.findings.length);
  layout(f);
}

/** @param {Field} f */
function schedule(f) {
  clearTimeout(f.timer);
  f.seq++; // a result for older text is dropped
  f.marks = [];
  f.box.replaceChildren();
  f.timer = window.setTimeout(() => check(f), DEBOUNCE_MS);
}

// ------------------------------------------------------------------- layout

const MIRRORED = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'fontKerning', 'fontFeatureSettings',
  'letterSpacing', 'wordSpacing', 'lineHeight', 'textIndent', 'textTransform', 'tabSize', 'direction', 'writingMode',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'whiteSpace', 'wordBreak', 'overflowWrap', 'lineBreak'];

/**
 * Client rects of each finding, in the coordinates of the field's padding box
 * (before scrolling for textareas, which the caller subtracts).
 * @param {Field} f
 */
function measure(f) {
  if (f.kind === 'editable') {
    const origin = f.el.getBoundingClientRect();
    return f.findings.map((finding) => {
      const r = editableRange(f.el, finding.start, finding.end);
      const rects = r ? [...r.getClientRects()] : [];
      return { finding, rects: rects.map((c) => ({ left: c.left - origin.left - f.el.clientLeft, top: c.top - origin.top - f.el.clientTop, right: c.right - origin.left - f.el.clientLeft, bottom: c.bottom - origin.top - f.el.clientTop })) };
    });
  }
  // A textarea's text has no DOM: lay it out again in a mirror div with the
  // same font, padding and width, and measure ranges there.
  const ta = /** @type {HTMLTextAreaElement} */ (f.el);
  const cs = getComputedStyle(ta);
  for (const p of MIRRORED) /** @type {any} */ (mirror.style)[p] = /** @type {any} */ (cs)[p];
  if (cs.whiteSpace === 'normal' || cs.whiteSpace === '') mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.width = `${ta.clientWidth}px`;
  mirror.textContent = f.text + '\u200b';
  const node = /** @type {Text} */ (mirror.firstChild);
  const origin = mirror.getBoundingClientRect();
  return f.findings.map((finding) => {
    const r = document.createRange();
    r.setStart(node, Math.min(finding.start, f.text.length));
    r.setEnd(node, Math.min(finding.end, f.text.length));
    return { finding, rects: [...r.getClientRects()].map((c) => ({ left: c.left - origin.left, top: c.top - origin.top, right: c.right - origin.left, bottom: c.bottom - origin.top })) };
  });
}

/** Draws the field's underlines at their current place. @param {Field} f */
function layout(f) {
  if (!f.el.isConnected) {
    forget(f);
    return;
  }
  const rect = f.el.getBoundingClientRect();
  const left = rect.left + f.el.clientLeft;
  const top = rect.top + f.el.clientTop;
  Object.assign(f.box.style, { left: `${left}px`, top: `${top}px`, width: `${f.el.clientWidth}px`, height: `${f.el.clientHeight}px` });
  const measured = f.text === textOf(f) ? measure(f) : [];
  const sx = f.kind === 'textarea' ? f.el.scrollLeft : 0;
  const sy = f.kind === 'textarea' ? f.el.scrollTop : 0;
  f.marks = [];
  const nodes = [];
  for (const { finding, rects } of measured) {
    /** @type {Box[]} */
    const client = [];
    for (const r of rects) {
      if (r.right - r.left < 1 && finding.end > finding.start) continue;
      const x = r.left - sx;
      const y = r.bottom - sy;
      const mark = document.createElement('div');
      mark.className = `mark ${finding.severity}`;
      mark.dataset.rule = finding.rule;
      mark.dataset.start = String(finding.start);
      mark.style.left = `${x}px`;
      mark.style.top = `${y - 2}px`;
      mark.style.width = `${Math.max(4, r.right - r.left)}px`;
      nodes.push(mark);
      client.push({ left: left + x, right: left + x + Math.max(4, r.right - r.left), top: top + r.top - sy, bottom: top + y + 2 });
    }
    f.marks.push({ finding, rects: client });
  }
  f.box.replaceChildren(...nodes);
}

let frame = 0;
function relayoutSoon() {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    for (const f of fields.values()) if (f.findings.length) layout(f);
    if (tipFor) placeTip();
  });
}
const resizeObserver = new ResizeObserver(relayoutSoon);

/** @param {Field} f */
function forget(f) {
  clearTimeout(f.timer);
  resizeObserver.unobserve(f.el);
  f.box.remove();
  fields.delete(f.el);
}

// ------------------------------------------------------------------ tooltip

const tip = document.createElement('div');
tip.className = 'tip';
tip.setAttribute('role', 'tooltip');
/** @type {{field: Field, finding: Finding} | null} */
let tipFor = null;
let hideTimer = 0;

/** @param {Field} field @param {Finding} finding */
function showTip(field, finding) {
  clearTimeout(hideTimer);
  if (tipFor && tipFor.field === field && tipFor.finding === finding) return;
  tipFor = { field, finding };
  const el = (/** @type {string} */ tag, /** @type {string} */ cls, /** @type {string} */ text) => {
    const e = document.createElement(tag);
    e.className = cls;
    e.textContent = text;
    return e;
  };
  tip.replaceChildren(
    el('div', `head ${finding.severity}`, `${SEVERITY_ICON[finding.severity]} ${SEVERITY_LABEL[finding.severity]}　${finding.title ?? ''}`),
    el('div', 'msg', finding.message),
  );
  for (const fix of finding.fixes) {
    const b = /** @type {HTMLButtonElement} */ (el('button', 'fix', fixLabel(fix, finding, field.text.slice(finding.start, finding.end))));
    b.type = 'button';
    b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the caret in the field
    b.addEventListener('click', () => applyFix(field, fix));
    tip.append(b);
  }
  tip.append(el('div', 'src', `${finding.title ?? ''} · ${finding.rule}`));
  root.append(tip);
  placeTip();
}

function placeTip() {
  if (!tipFor) return;
  const m = tipFor.field.marks.find((x) => x.finding === tipFor?.finding);
  const r = m?.rects[0];
  if (!r) {
    hideTip();
    return;
  }
  const h = tip.offsetHeight;
  const below = r.bottom + 4 + h < innerHeight;
  tip.style.left = `${Math.max(4, Math.min(r.left, innerWidth - tip.offsetWidth - 4))}px`;
  tip.style.top = `${below ? r.bottom + 4 : Math.max(4, r.top - h - 4)}px`;
}

function hideTip() {
  clearTimeout(hideTimer);
  tipFor = null;
  tip.remove();
}

tip.addEventListener('mouseenter', () => clearTimeout(hideTimer));
tip.addEventListener('mouseleave', () => {
  hideTimer = window.setTimeout(hideTip, 300);
});

/** @param {MouseEvent} e */
function onMouseMove(e) {
  if (e.composedPath().includes(tip)) return;
  for (const f of fields.values()) {
    for (const m of f.marks) {
      if (m.rects.some((r) => e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top - 1 && e.clientY <= r.bottom + 2)) {
        showTip(f, m.finding);
        return;
      }
    }
  }
  if (tipFor && !hideTimer) hideTimer = window.setTimeout(() => { hideTimer = 0; hideTip(); }, 300);
}

/**
 * Applies a fix through the editing pipeline (execCommand insertText), so that
 * the page's own editor sees an ordinary input event and undo works.
 * @param {Field} f @param {Fix} fix
 */
function applyFix(f, fix) {
  hideTip();
  if (textOf(f) !== f.text) {
    check(f); // the text changed since it was checked: offsets are stale
    return;
  }
  f.el.focus();
  let done = false;
  if (f.kind === 'textarea') {
    const ta = /** @type {HTMLTextAreaElement} */ (f.el);
    ta.setSelectionRange(fix.start, fix.end);
    done = fix.replacement === '' ? document.execCommand('delete') : document.execCommand('insertText', false, fix.replacement);
    if (!done || ta.value === f.text) {
      ta.setRangeText(fix.replacement, fix.start, fix.end, 'end');
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: fix.replacement }));
    }
  } else {
    const r = editableRange(f.el, fix.start, fix.end);
    if (!r) return;
    const sel = getSelection();
    sel?.removeAllRanges();
    sel?.addRange(r);
    done = fix.replacement === '' ? document.execCommand('delete') : document.execCommand('insertText', false, fix.replacement);
    if (!done || textOf(f) === f.text) {
      r.deleteContents();
      if (fix.replacement) r.insertNode(document.createTextNode(fix.replacement));
      f.el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: fix.replacement }));
    }
  }
  check(f);
}

// ------------------------------------------------------------ events, state

/** @param {Event} e */
function onInput(e) {
  const el = fieldOf(/** @type {Element} */ (e.composedPath()[0] ?? e.target));
  if (el) schedule(track(el));
}

/** @param {FocusEvent} e */
function onFocus(e) {
  const el = fieldOf(/** @type {Element} */ (e.composedPath()[0] ?? e.target));
  if (el && !fields.has(el)) check(track(el));
}

function start() {
  if (enabled) return;
  enabled = true;
  document.addEventListener('input', onInput, true);
  document.addEventListener('focusin', onFocus, true);
  document.addEventListener('mousemove', onMouseMove, { capture: true, passive: true });
  addEventListener('scroll', relayoutSoon, { capture: true, passive: true });
  addEventListener('resize', relayoutSoon, { passive: true });
  const active = fieldOf(document.activeElement);
  if (active) check(track(active));
}

function stop() {
  enabled = false;
  document.removeEventListener('input', onInput, true);
  document.removeEventListener('focusin', onFocus, true);
  document.removeEventListener('mousemove', onMouseMove, true);
  removeEventListener('scroll', relayoutSoon, true);
  removeEventListener('resize', relayoutSoon);
  hideTip();
  for (const f of [...fields.values()]) {
    delete f.el.dataset.gwlintCount;
    forget(f);
  }
}

async function applySettings() {
  const s = withDefaults(await chrome.storage.local.get(null));
  const on = !s.disabledSites.includes(location.hostname);
  if (on && !enabled) start();
  else if (!on && enabled) stop();
  else if (on) for (const f of fields.values()) check(f); // rules or allow-list changed
}

chrome.storage.onChanged.addListener((_c, area) => {
  if (area === 'local') applySettings();
});

// The popup asks the page which site it is and how many problems it shows.
chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  if (msg?.type !== 'status' || window !== window.top) return false;
  let count = 0;
  for (const f of fields.values()) count += f.findings.length;
  sendResponse({ host: location.hostname, enabled, count });
  return false;
});

applySettings();
