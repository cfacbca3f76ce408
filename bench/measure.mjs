// The wasm measurements, shared by Node (bench/run.mjs) and Chromium
// (bench/page.html): gwlint's full check, one keystroke through its
// incremental Checker (the change in, as the page's worker gets it), and AutoCorrect's lintFor on the same text, in the
// same process, with warm-up runs first. Times are milliseconds.

export function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], runs: s.length };
}

function timeRuns(fn, runs, warmup) {
  for (let i = 0; i < warmup; i++) fn();
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return stats(ms);
}

/** Where a character is typed: the end of the paragraph nearest the middle (UTF-16). */
export function typedAt(text) {
  const at = text.indexOf('\n', Math.floor(text.length / 2));
  return at < 0 ? text.length : at;
}

/** `text` with one character typed at the end of the paragraph nearest the middle. */
export function typedInMiddle(text) {
  const at = typedAt(text);
  return text.slice(0, at) + '的' + text.slice(at);
}

/**
 * gw: the gwlint module, initialised; ac: AutoCorrect's module, initialised.
 * texts: [{name, text}]. Returns one row per text. keystrokeOnly: only the
 * keystroke figure (ac may be missing).
 */
export function measureTexts({ gw, ac, texts, runs = 7, warmup = 3, keystrokeOnly = false }) {
  const rows = [];
  for (const { name, text } of texts) {
    const row = { name, chars: [...text].length };
    if (!keystrokeOnly) {
      row.findings = gw.analyze(text, undefined).findings.length;
      row.gwlint = timeRuns(() => gw.analyze(text, undefined), runs, warmup);
      row.autocorrect = timeRuns(() => ac.lintFor(text, 'text'), Math.min(runs, 5), 1);
    }
    // One keystroke as the page makes it: the Checker holds the text; the
    // change goes in (`edit`, UTF-16 offsets), the result comes out. A
    // character is typed, then deleted again, each a re-check. Batches of 10
    // keystrokes per sample keep coarse browser timers out of the figure.
    const checker = new gw.Checker(undefined);
    checker.analyze(text);
    const at = typedAt(text);
    const batch = 10;
    let flip = false;
    const key = timeRuns(() => {
      for (let i = 0; i < batch; i++) {
        flip = !flip;
        if (flip) checker.edit(at, at, '的');
        else checker.edit(at, at + 1, '');
      }
    }, runs, 2);
    row.keystroke = { min: key.min / batch, median: key.median / batch, runs: key.runs * batch };
    // The same keystrokes with the whole text passed in (`analyze`: the API
    // for callers that hold no changes; the text is copied in and compared).
    const typed = typedInMiddle(text);
    const whole = timeRuns(() => {
      for (let i = 0; i < batch; i++) {
        flip = !flip;
        checker.analyze(flip ? typed : text);
      }
    }, runs, 2);
    row.keystrokeText = { min: whole.min / batch, median: whole.median / batch, runs: whole.runs * batch };
    checker.free();
    rows.push(row);
  }
  return rows;
}

/** Times loadDictionary (once per process: the first call builds it). */
export function measureDictionary(gw, bytes) {
  const t = performance.now();
  gw.loadDictionary(bytes);
  return performance.now() - t;
}

/** Instantiates AutoCorrect's wasm-bindgen "bundler" build without a bundler. */
export async function loadAutocorrect(bgModule, wasmBytes) {
  const { instance } = await WebAssembly.instantiate(wasmBytes, { './autocorrect_bg.js': bgModule });
  bgModule.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bgModule;
}
