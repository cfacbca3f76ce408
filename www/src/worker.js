// The checker's Web Worker: runs the wasm off the main thread so typing never
// waits for a check. Messages are handled one after another, in order (the
// page sends its first check right behind init); see engine.js.
import { compileWasm, loadEngine, engineInfo, runAnalyze, runEdit, loadDictionaryOnce } from './engine.js';

let loaded = null;

// Start-up marks, sent to the page after the first result (absolute times:
// the page turns them into its own performance marks, 'gwlint:worker-*').
const now = () => performance.timeOrigin + performance.now();
const marks = { script: now() };
const step = (name) => (marks[name] = now());

// Served from a site, the wasm sits next to this script: fetch and compile it
// at once. The page's init message (which names it) only arrives once the
// page's main thread has heard that this script ran, and that thread is busy
// building the editor. (A blob: worker, the single file, gets it with init.)
const early = /^https?:$/.test(self.location.protocol) ? { url: new URL('gwlint_bg.wasm', self.location.href).href } : null;
if (early) {
  early.compiled = compileWasm(early.url, step);
  early.compiled.catch(() => {}); // reported when init awaits it
}

function handle(m) {
  if (m.type === 'init') {
    marks.init = now();
    const wasm = early && m.wasm.url === early.url ? early : m.wasm;
    loaded = loadEngine(wasm, m.dict, step).then(
      () => {
        marks.wasm = now();
        self.postMessage({ type: 'ready' });
      },
      (err) => {
        self.postMessage({ type: 'failed', message: String(err?.message ?? err) });
        throw err;
      },
    );
    return loaded;
  }
  try {
    if (m.type === 'info') self.postMessage({ type: 'result', id: m.id, result: engineInfo() });
    else if (m.type === 'analyze' || m.type === 'edit') {
      const result = m.type === 'edit' ? runEdit(m.edit, m.config) : runAnalyze(m.text, m.config);
      self.postMessage({ type: 'result', id: m.id, result });
      if (!marks.checked) {
        marks.checked = now();
        self.postMessage({ type: 'marks', marks });
      }
      if (result.segmentationPending) {
        loadDictionaryOnce().then(() => self.postMessage({ type: 'dictionary' }), () => {});
      }
    }
  } catch (err) {
    self.postMessage({ type: 'error', id: m.id, message: String(err?.message ?? err) });
  }
}

// Requests that arrive while the wasm loads wait for it.
let queue = Promise.resolve();
self.onmessage = (e) => {
  const m = e.data;
  if (!loaded || m.type === 'init') handle(m);
  else queue = queue.then(() => loaded).then(() => handle(m), () => {});
};
