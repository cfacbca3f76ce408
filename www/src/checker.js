// The page's handle on the checker: starts the Web Worker and offers
// `analyze(text, config) → Promise<result>`. Scheduling (debounce, one request
// in flight) lives in scheduler.js.
//
// Start-up is on the first-underline path: the worker is created and the
// wasm download starts at once, and requests may be sent before the checker
// has loaded (the worker answers them in order once the wasm is in). Where
// the wasm comes from:
//   - site (http/https): the worker fetches dist/gwlint_bg.wasm and compiles
//     it as it streams in. Not the page: its main thread is busy building the
//     editor meanwhile, and a streaming compile started there needs
//     main-thread tasks to take in the bytes and to finish, so the module
//     would wait for the editor;
//   - single file (file://): the wasm is embedded in the page as a base64
//     block (#gw-wasm), sent to the worker, which decodes it.
// The worker's code is embedded in the page too (#gw-worker, base64; both
// builds): it starts from a blob: URL, with no request to wait for, and with
// its start-up parameters in front of its code (`self.gwlintStart`: the
// wasm's URL and the first check), so it needs no message from the page to
// begin. (Chromium hands a new worker the messages posted to it only once the
// page's main thread, busy building the editor, has heard its script ran.)
// Without the block (an older page) it starts from worker.js.
// If no worker can be started (or it fails to load), the checker runs on the
// main thread instead, and requests already sent are answered there: slower
// on very long texts, but it still works. `mode` tells which ('worker' or
// 'main').
import { decodeBase64 } from './base64.js';

function embedded(id) {
  return document.getElementById(id)?.textContent.trim() || null;
}

/** Where the wasm and the segmentation dictionary come from: {base64} or {url}. */
function source(id, file) {
  const base64 = embedded(id);
  return base64 ? { base64 } : { url: new URL(file, document.baseURI).href };
}

/** The worker's script: the embedded code behind its start-up parameters (`inline`), or worker.js. */
function workerScript(start) {
  const b64 = embedded('gw-worker');
  if (b64) {
    const code = `self.gwlintStart = ${JSON.stringify(start)};\n${new TextDecoder().decode(decodeBase64(b64))}`;
    return { url: URL.createObjectURL(new Blob([code], { type: 'text/javascript' })), inline: true };
  }
  return { url: new URL('worker.js', document.baseURI).href, inline: false };
}

class WorkerChecker {
  constructor(worker, wasm, dict, hooks, deferDictionary) {
    this.mode = 'worker';
    this.worker = worker;
    this.hooks = hooks;
    this.nextId = 1;
    this.waiting = new Map();
    this.ready = new Promise((resolve, reject) => {
      worker.onerror = (e) => {
        e.preventDefault?.();
        const err = new Error(e.message || '检查线程意外退出');
        if (!this.started) return reject(err);
        // The worker died after starting (a wasm trap, out of memory): fail
        // what is waiting and tell the page, which starts a new worker.
        this.failAll(err);
        this.hooks.onfailure?.(err);
      };
      worker.onmessage = (e) => {
        const m = e.data;
        // 'ready' may come on the first result (worker.js): resolved before it.
        if (m.type === 'ready' || m.ready) {
          this.started = true;
          resolve();
        }
        if (m.type === 'dictionary') this.hooks.dictionaryLoaded();
        else if (m.type === 'marks') {
          for (const [name, at] of Object.entries(m.marks)) performance.mark(`gwlint:worker-${name}`, { startTime: at - performance.timeOrigin });
        }
        else if (m.type === 'failed') reject(new Error(m.message));
        else if (m.type === 'result' || m.type === 'error') {
          const w = this.waiting.get(m.id);
          this.waiting.delete(m.id);
          if (!w) return;
          if (m.type === 'result') w.resolve(m.result);
          else w.reject(new Error(m.message));
        }
      };
    });
    // Requests go after init, in order (the worker takes them once its script has run).
    worker.postMessage({ type: 'init', wasm, dict, deferDictionary });
  }

  /**
   * `message`: what is posted (default: the payload); `payload` is kept to
   * replay the request on the main thread. `sent`: the worker has the request
   * already (the first check, in `self.gwlintStart`).
   */
  request(type, payload, message = payload, sent = false) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, type, payload });
      if (!sent) this.worker.postMessage({ id, ...message });
    });
  }

  analyze(text, config, edit) {
    const message = edit ? { type: 'edit', edit, config } : { type: 'analyze', text, config };
    return this.request('analyze', { text, config }, message);
  }

  info() {
    return this.request('info', {}, { type: 'info' });
  }

  allowDictionary() {
    this.worker.postMessage({ type: 'allow-dictionary' });
  }

  failAll(err) {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  /** Stops the worker; returns the requests it had not answered. */
  takeOver() {
    this.worker.terminate();
    const left = [...this.waiting.values()];
    this.waiting.clear();
    return left;
  }

  stop() {
    this.worker.terminate();
    this.failAll(new Error('检查线程已停止'));
  }
}

class MainThreadChecker {
  constructor(wasm, dict, hooks, deferDictionary) {
    this.mode = 'main';
    this.hooks = hooks;
    this.dictionary = { allowed: !deferDictionary, wanted: false, started: false };
    this.ready = (async () => {
      this.engine = await import('./engine.js');
      await this.engine.loadEngine(wasm, dict);
    })();
  }

  async analyze(text, config, edit) {
    await this.ready;
    const result = edit ? this.engine.runEdit(edit, config) : this.engine.runAnalyze(text, config);
    if (result.segmentationPending) {
      this.dictionary.wanted = true;
      this.maybeLoadDictionary();
    }
    return result;
  }

  allowDictionary() {
    this.dictionary.allowed = true;
    this.maybeLoadDictionary();
  }

  maybeLoadDictionary() {
    const d = this.dictionary;
    if (!d.allowed || !d.wanted || d.started) return;
    d.started = true;
    // After this result is shown: building the dictionary takes a moment.
    setTimeout(() => this.ready.then(() => this.engine.loadDictionaryOnce()).then(() => this.hooks.dictionaryLoaded(), () => {}));
  }

  async info() {
    await this.ready;
    return this.engine.engineInfo();
  }

  stop() {}
}

/**
 * The checker, usable at once: `analyze(text, config)` and `info()` (→
 * `{rules, supports}`) may be called before it has loaded; `first` ({text,
 * config}) is checked first, its result is `firstResult`; for
 * `deferDictionary` see allowDictionary(). `ready` resolves
 * once it has (rejects if it cannot load at all); `mode` is 'worker' or
 * 'main'; `ondictionary` is called once word segmentation is loaded (check
 * again: earlier results lacked its rules; `hasDictionary` tells whether
 * that has happened already); `onfailure(error)` when a
 * started worker dies.
 */
export class Checker {
  constructor({ first, deferDictionary = false } = {}) {
    this.deferDictionary = deferDictionary;
    const wasm = source('gw-wasm', 'gwlint_bg.wasm');
    const dict = source('gw-dict', 'gwlint-dict.bin');
    let worker = null;
    let sent = false;
    if (typeof Worker === 'function') {
      try {
        // Request ids start at 1: the first check is 1.
        const script = workerScript({ wasm: wasm.url ? { url: wasm.url } : null, first: first ? { id: 1, ...first } : null, deferDictionary });
        sent = script.inline;
        worker = new WorkerChecker(new Worker(script.url), wasm, dict, this, deferDictionary);
      } catch (e) {
        console.warn('gwlint: no worker, checking on the main thread:', e);
      }
    }
    this.impl = worker ?? new MainThreadChecker(wasm, dict, this, deferDictionary);
    if (first) {
      // As analyze(): the worker holds the first text afterwards, so the next check can be an edit of it.
      const held = (this.held = { key: JSON.stringify(first.config ?? null), length: first.text.length });
      this.firstResult = worker ? worker.request('analyze', first, { type: 'analyze', ...first }, sent) : this.impl.analyze(first.text, first.config);
      this.firstResult.catch(() => {
        if (this.held === held) this.held = null;
      });
    }
    this.ready = this.impl.ready.catch(async (e) => {
      if (this.impl.mode !== 'worker') throw e;
      // The worker failed to load: check on the main thread, including what was already asked.
      console.warn('gwlint: no worker, checking on the main thread:', e);
      const left = this.impl.takeOver();
      this.impl = new MainThreadChecker(wasm, dict, this, this.deferDictionary);
      for (const w of left) this.impl[w.type](w.payload.text, w.payload.config).then(w.resolve, w.reject);
      await this.impl.ready;
    });
  }

  /**
   * With `deferDictionary`, word segmentation's dictionary (0.2-0.4 s to
   * build) is loaded only after this call: the page makes it once its first
   * underlines are drawn.
   */
  allowDictionary() {
    this.deferDictionary = false;
    this.impl.allowDictionary();
  }

  /** Word segmentation is in: results before it lacked some rules. */
  dictionaryLoaded() {
    this.hasDictionary = true;
    this.ondictionary?.();
  }

  get mode() {
    return this.impl.mode;
  }

  /** The Web Worker (tests reach it to simulate a crash); undefined on the main thread. */
  get worker() {
    return this.impl.worker;
  }

  /**
   * Checks `text`. `edit` (optional): how `text` came from the text of the
   * previous call, `{base, from, to, insert}` (base: that text's length;
   * UTF-16 offsets into it): then only the change is posted to the worker,
   * if the checker holds that text with this config; otherwise the whole
   * text. Results of an edit leave out `outline`/`placeholders` when they
   * are the previous result's moved with the edit.
   */
  analyze(text, config, edit) {
    const key = JSON.stringify(config ?? null);
    const held = this.held;
    const fits = edit && held && held.key === key && held.length === edit.base &&
      text.length === edit.base - (edit.to - edit.from) + edit.insert.length;
    const sent = (this.held = { key, length: text.length });
    const result = this.impl.analyze(text, config, fits ? { base: edit.base, from: edit.from, to: edit.to, insert: edit.insert } : null);
    // After a failure the worker's text is unknown: send the whole text next.
    result.catch(() => {
      if (this.held === sent) this.held = null;
    });
    return result;
  }

  info() {
    return this.impl.info();
  }

  stop() {
    this.impl.stop();
  }
}
