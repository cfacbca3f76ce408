// When to check: after a pause in typing (debounced), with at most one request
// in flight. Edits made while a request is out are recorded (as a CodeMirror
// ChangeSet), so its result can be mapped onto the current text when it comes
// back; a newer request follows at once if the text changed meanwhile.
// Edits since the last request are recorded too: the next request carries
// them as one change (`edit`), so the checker gets the change instead of the
// whole text.
import { ChangeSet } from '@codemirror/state';

const isHigh = (c) => (c & 0xfc00) === 0xd800;
const isLow = (c) => (c & 0xfc00) === 0xdc00;

/**
 * The changes `changes` (from the last request's text to `text`) as one edit
 * `{base, from, to, insert}` of that text (UTF-16), or null when they do not
 * describe `text` (a cut text) or split a surrogate pair.
 */
export function editOf(changes, text) {
  if (!changes || changes.newLength !== text.length) return null;
  let from = -1;
  let to = 0;
  let end = 0;
  changes.iterChangedRanges((fromA, toA, fromB, toB) => {
    if (from < 0) from = fromA;
    to = toA;
    end = toB;
  });
  if (from < 0) return { base: changes.length, from: 0, to: 0, insert: '' };
  if (isHigh(text.charCodeAt(from - 1)) || isLow(text.charCodeAt(end))) return null;
  return { base: changes.length, from, to, insert: text.slice(from, end) };
}

export class Scheduler {
  /**
   * @param {object} o
   * @param {() => string} o.getText current document text
   * @param {() => object} o.getConfig checker config
   * @param {(text, config, edit) => Promise<object>} o.analyze edit: see editOf
   * @param {(result, request) => void} o.onResult request: {text, changes}
   * @param {(error, request) => void} o.onError
   * @param {number} [o.delay] debounce in ms
   */
  constructor(o) {
    Object.assign(this, o);
    this.delay ??= 250;
    this.timer = null;
    this.inFlight = null;
    this.dirty = false;
    this.version = 0; // bumped on every document change
    this.freshVersion = -1; // version whose result is shown
    this.waiters = [];
  }

  /** The document changed (CodeMirror transaction changes). */
  docChanged(changes) {
    this.version++;
    if (this.inFlight) this.inFlight.changes = this.inFlight.changes.compose(changes);
    try {
      this.sinceSent = this.sinceSent?.compose(changes) ?? null;
    } catch {
      this.sinceSent = null; // the text sent was cut (limits.js): send the whole text
    }
    this.schedule();
  }

  /** The whole document was replaced (another draft or file): results of the old one are dropped. */
  docReplaced() {
    this.version++;
    if (this.inFlight) this.inFlight.discard = true;
    this.sinceSent = null;
    this.now();
  }

  /** Re-check after the debounce delay. */
  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.now(), this.delay);
  }

  /** Re-check as soon as possible (settings changed, file opened). */
  now() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    this.send();
  }

  send() {
    this.dirty = false;
    const text = this.getText();
    const config = this.getConfig();
    const edit = editOf(this.sinceSent, text);
    this.track(text, config, this.analyze(text, config, edit));
  }

  /**
   * Takes a request already sent (`promise` of the result for `text` with
   * `config`) as the one in flight: the first check, sent at start-up before
   * the editor existed. The text must be the document's current text.
   */
  adopt(text, config, promise) {
    clearTimeout(this.timer);
    this.timer = null;
    this.track(text, config, promise);
  }

  track(text, config, promise) {
    const req = { text, config, version: this.version, changes: ChangeSet.empty(text.length) };
    this.inFlight = req;
    this.sinceSent = ChangeSet.empty(text.length);
    promise.then(
      (result) => this.finish(req, () => this.onResult(result, req)),
      (error) => this.finish(req, () => this.onError(error, req)),
    );
  }

  finish(req, report) {
    this.inFlight = null;
    try {
      if (!req.discard) report();
    } finally {
      if (this.dirty || req.version !== this.version) {
        if (!this.timer) this.send();
      } else {
        this.freshVersion = req.version;
        for (const w of this.waiters.splice(0)) w();
      }
    }
  }

  /** True when the shown results belong to the current text. */
  get fresh() {
    return this.freshVersion === this.version && !this.inFlight && !this.timer;
  }

  /** Resolves once the shown results belong to the current text. */
  whenFresh() {
    if (this.fresh) return Promise.resolve();
    if (!this.inFlight && !this.timer) this.now();
    return new Promise((r) => this.waiters.push(r));
  }
}
