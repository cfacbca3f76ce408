// The checker's Web Worker: runs the wasm off the main thread so typing never
// waits for a check. Messages are handled one after another, in order (the
// page sends its first check right behind init); see engine.js.
import { compileWasm, loadEngine, setDictionarySource, engineInfo, runAnalyze, runEdit, loadDictionaryOnce } from './engine.js';

// Start-up marks, sent to the page after the first result (absolute times:
// the page turns them into its own performance marks, 'gwlint:worker-*').
const now = () => performance.timeOrigin + performance.now();
const marks = { script: now() };
const step = (name) => (marks[name] = now());

// Start-up parameters the page put in front of this script (checker.js): the
// wasm's URL and the first check, so the worker begins without waiting for a
// message. Started from worker.js instead, the wasm sits next to this script.
const start = self.gwlintStart ?? {};
const url = start.wasm?.url ?? (/^https?:$/.test(self.location.protocol) ? new URL('gwlint_bg.wasm', self.location.href).href : null);
let wasmGiven;
const wasmSource = url ? Promise.resolve({ compiled: compileWasm(url, step) }) : new Promise((r) => (wasmGiven = r));
let dictionaryGiven;
const dictionarySource = new Promise((r) => (dictionaryGiven = r));
// The dictionary is loaded (0.2-0.4 s of this thread) once a result needed it
// and the page allows it: at start-up the page allows it only once its first
// underlines are drawn, so loading it never competes with building the page.
const dictionary = { allowed: start.deferDictionary !== true, wanted: false, started: false };
function maybeLoadDictionary() {
  if (!dictionary.allowed || !dictionary.wanted || dictionary.started) return;
  dictionary.started = true;
  dictionarySource.then(loadDictionaryOnce).then(() => self.postMessage({ type: 'dictionary' }), () => {});
}

// 'ready' goes out with the first check's result when there is one (`ready:
// true` on that message): one message, which the page handles in its first
// task after app.js has run, before its next frame, so the first underlines
// are in the frame that first shows the editor. (Posted on its own, 'ready'
// was handled first and the frame came before the result's message.)
let readyUnsaid = true;
const post = (message) => {
  if (readyUnsaid) {
    readyUnsaid = false;
    message.ready = true;
  }
  self.postMessage(message);
};
const loaded = wasmSource
  .then((wasm) => loadEngine(wasm, null, step))
  .then(
    () => {
      marks.wasm = now();
      if (!start.first) post({ type: 'ready' });
    },
    (err) => {
      self.postMessage({ type: 'failed', message: String(err?.message ?? err) });
      throw err;
    },
  );

function handle(m) {
  try {
    if (m.type === 'info') post({ type: 'result', id: m.id, result: engineInfo() });
    else if (m.type === 'analyze' || m.type === 'edit') {
      const result = m.type === 'edit' ? runEdit(m.edit, m.config) : runAnalyze(m.text, m.config);
      post({ type: 'result', id: m.id, result });
      if (!marks.checked) {
        marks.checked = now();
        self.postMessage({ type: 'marks', marks });
      }
      if (result.segmentationPending) {
        // Its source comes with init (the first check may be done before).
        dictionary.wanted = true;
        maybeLoadDictionary();
      }
    }
  } catch (err) {
    post({ type: 'error', id: m.id, message: String(err?.message ?? err) });
  }
}

// Requests wait for the wasm and are answered in order; the first check from
// the start-up parameters comes before any message.
let queue = Promise.resolve();
const enqueue = (m) => (queue = queue.then(() => loaded).then(() => handle(m), () => {}));
if (start.first) enqueue({ type: 'analyze', ...start.first });
self.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'init') {
    marks.init = now();
    // A fast first check may be done before init comes: its mark goes after the others.
    if (marks.checked) self.postMessage({ type: 'marks', marks: { init: marks.init } });
    if (m.deferDictionary && !dictionary.allowedByPage) dictionary.allowed = false;
    setDictionarySource(m.dict);
    dictionaryGiven();
    wasmGiven?.(m.wasm);
  } else if (m.type === 'allow-dictionary') {
    dictionary.allowed = dictionary.allowedByPage = true;
    maybeLoadDictionary();
  } else enqueue(m);
};
