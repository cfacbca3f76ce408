// Small DOM helpers. Every piece of user or document text reaches the DOM
// through textContent (here or at the call site), never as HTML.

/** Creates an element with an optional class and text (set as textContent). */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

/** A button with a label; `onClick` gets the event. */
export function button(label, onClick, className) {
  const b = el('button', className, label);
  b.type = 'button';
  if (onClick) b.addEventListener('click', onClick);
  return b;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Severity icons differ in shape (circle / triangle / square), not only colour. */
const SHAPES = {
  error: [['circle', { cx: 8, cy: 8, r: 7 }], ['path', { d: 'M5 5l6 6M11 5l-6 6', class: 'mark' }]],
  warning: [['path', { d: 'M8 1.2L15 14.5H1z' }], ['path', { d: 'M8 6v4M8 11.6v1.2', class: 'mark' }]],
  info: [['rect', { x: 1.5, y: 1.5, width: 13, height: 13, rx: 2 }], ['path', { d: 'M8 7v5M8 4.2v1.2', class: 'mark' }]],
};

export function severityIcon(severity) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', `sev-icon ${severity}`);
  svg.setAttribute('aria-hidden', 'true');
  for (const [tag, attrs] of SHAPES[severity] ?? SHAPES.info) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    svg.append(node);
  }
  return svg;
}

/** Offers a Blob as a download named `filename` (no network involved). */
export function download(filename, blob) {
  const url = URL.createObjectURL(blob);
  const a = el('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A modal <dialog> with a title, a body and buttons; resolves with the value of the button pressed. */
export function modal({ title, body, buttons, className }) {
  const dlg = el('dialog', `modal ${className ?? ''}`);
  const form = el('div', 'modal-body');
  form.append(el('h2', null, title));
  if (body) form.append(body);
  const row = el('div', 'modal-buttons');
  form.append(row);
  dlg.append(form);
  document.body.append(dlg);
  return new Promise((resolve) => {
    for (const b of buttons) {
      row.append(button(b.label, () => dlg.close(b.value), b.primary ? 'primary' : ''));
    }
    dlg.addEventListener('close', () => { dlg.remove(); resolve(dlg.returnValue || null); });
    dlg.showModal();
  });
}
