// The checker's Web Worker: runs the wasm off the main thread so typing never
// waits for a check. One message in, one message out; see engine.js.
import { loadEngine, runAnalyze, loadDictionaryOnce } from './engine.js';

self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'init') {
    try {
      const info = await loadEngine(m.wasm, m.dict);
      self.postMessage({ type: 'ready', ...info });
    } catch (err) {
      self.postMessage({ type: 'failed', message: String(err?.message ?? err) });
    }
  } else if (m.type === 'analyze') {
    try {
      const result = runAnalyze(m.text, m.config);
      self.postMessage({ type: 'result', id: m.id, result });
      if (result.segmentationPending) {
        loadDictionaryOnce().then(() => self.postMessage({ type: 'dictionary' }), () => {});
      }
    } catch (err) {
      self.postMessage({ type: 'error', id: m.id, message: String(err?.message ?? err) });
    }
  }
};
