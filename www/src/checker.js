// The page's handle on the checker: starts the Web Worker and offers
// `analyze(text, config) → Promise<result>`. Scheduling (debounce, one request
// in flight) lives in scheduler.js.
//
// Where the worker comes from:
//   - site (http/https): dist/worker.js, which fetches dist/gwlint_bg.wasm;
//   - single file (file://): the worker's code and the wasm are embedded in the
//     page as base64 blocks (#gw-worker, #gw-wasm); the worker starts from a
//     blob: URL and receives the wasm bytes (initSync).
// If no worker can be started (or it fails to load), the checker runs on the
// main thread instead: slower on very long texts, but it still works.
// `mode` tells which ('worker' or 'main').

function embedded(id) {
  return document.getElementById(id)?.textContent.trim() || null;
}

function decodeBase64(b64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function dictSource() {
  const b64 = embedded('gw-dict');
  if (b64) return { bytes: decodeBase64(b64) };
  return { url: new URL('gwlint-dict.bin', document.baseURI).href };
}

/**
 * Where the wasm comes from. On a site the page starts downloading and
 * compiling it at once, while the worker's script loads; the worker then gets
 * the compiled module (or, if that failed, the URL).
 */
function wasmSource() {
  const b64 = embedded('gw-wasm');
  if (b64) return { bytes: decodeBase64(b64) };
  const url = new URL('gwlint_bg.wasm', document.baseURI).href;
  const compiled = (async () => {
    const response = fetch(url);
    try {
      return await WebAssembly.compileStreaming(response);
    } catch {
      // A server that does not send application/wasm: compile from the bytes.
      return WebAssembly.compile(await (await response).arrayBuffer());
    }
  })();
  compiled.catch(() => {}); // reported when the worker reports failing to load
  return { url, compiled };
}

/** What is posted to the engine: {module} | {bytes} | {url}. */
async function engineInput(wasm) {
  if (wasm.bytes) return { bytes: wasm.bytes };
  try {
    return { module: await wasm.compiled };
  } catch {
    return { url: wasm.url };
  }
}

function workerUrl() {
  const b64 = embedded('gw-worker');
  if (b64) {
    const code = new TextDecoder().decode(decodeBase64(b64));
    return URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  }
  return new URL('worker.js', document.baseURI).href;
}

class WorkerChecker {
  constructor(worker) {
    this.mode = 'worker';
    this.worker = worker;
    this.nextId = 1;
    this.waiting = new Map();
  }

  async start(wasm) {
    const input = await engineInput(wasm);
    return new Promise((resolve, reject) => {
      this.worker.onerror = (e) => {
        e.preventDefault?.();
        const err = new Error(e.message || '检查线程意外退出');
        if (!this.ready) return reject(err);
        // The worker died after starting (a wasm trap, out of memory): fail
        // what is waiting and tell the page, which starts a new worker.
        for (const w of this.waiting.values()) w.reject(err);
        this.waiting.clear();
        this.onfailure?.(err);
      };
      this.worker.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'ready') {
          this.ready = true;
          resolve(m);
        }
        else if (m.type === 'dictionary') this.ondictionary?.();
        else if (m.type === 'failed') reject(new Error(m.message));
        else if (m.type === 'result' || m.type === 'error') {
          const w = this.waiting.get(m.id);
          this.waiting.delete(m.id);
          if (!w) return;
          if (m.type === 'result') w.resolve(m.result);
          else w.reject(new Error(m.message));
        }
      };
      // Bytes are copied (the main thread keeps them for its fallback); a module is shared.
      const bytes = input.bytes ? input.bytes.slice() : undefined;
      const dict = dictSource();
      const transfer = [bytes?.buffer, dict.bytes?.buffer].filter(Boolean);
      this.worker.postMessage({ type: 'init', wasm: bytes ? { bytes } : input, dict }, transfer);
    });
  }

  analyze(text, config) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'analyze', id, text, config });
    });
  }

  stop() {
    this.worker.terminate();
    for (const w of this.waiting.values()) w.reject(new Error('检查线程已停止'));
    this.waiting.clear();
  }
}

class MainThreadChecker {
  constructor() {
    this.mode = 'main';
  }

  async start(wasm) {
    this.engine = await import('./engine.js');
    return this.engine.loadEngine(await engineInput(wasm), dictSource());
  }

  async analyze(text, config) {
    const result = this.engine.runAnalyze(text, config);
    if (result.segmentationPending) {
      this.engine.loadDictionaryOnce().then(() => this.ondictionary?.(), () => {});
    }
    return result;
  }

  stop() {}
}

/**
 * Starts the checker; resolves with `{checker, rules, supports}`.
 * `checker.mode` is 'worker' or 'main'; `checker.ondictionary` is called once
 * word segmentation is loaded (check again: earlier results lacked its rules).
 */
export async function startChecker() {
  const wasm = wasmSource();
  let workerError = null;
  if (typeof Worker === 'function') {
    try {
      const checker = new WorkerChecker(new Worker(workerUrl()));
      try {
        const info = await checker.start(wasm);
        return { checker, ...info };
      } catch (e) {
        checker.stop();
        workerError = e;
      }
    } catch (e) {
      workerError = e;
    }
  }
  if (workerError) console.warn('gwlint: no worker, checking on the main thread:', workerError);
  const checker = new MainThreadChecker();
  const info = await checker.start(wasm);
  return { checker, ...info };
}
