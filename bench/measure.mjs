// The wasm measurements, shared by Node (bench/run.mjs, bench/node.mjs) and
// Chromium (bench/page.html): gwlint's full check, one keystroke through its
// incremental Checker (the change in, as the page's worker gets it), and
// AutoCorrect's lintFor on the same text, in the same process, with warm-up
// runs first. Times are milliseconds.
//
// Full check, both sides treated alike: the same warm-up and number of
// counted runs, in rounds that run both (so a load spike from other
// processes hits both), and before every sample a full garbage collection
// when the runtime offers one (`gc`: Node via v8.setFlagsFromString,
// Chromium with --js-flags=--expose-gc), so no sample pays for collecting an
// earlier sample's (or the other side's) garbage. A sample is the one call:
// the text passed in, the check, the result built as JS objects (and any
// collection that happens inside it).
//
// In each round a side is called twice in a row (`timePaired`): the first
// call comes right after the other engine's, the second right after its own.
// The two are reported apart, "warm" (the second) and "after the other
// engine" (the first): on a shared machine a call whose code and data were
// not used a moment ago is much slower (gwlint's 100k check ~4.5 ms warm,
// 6-7.5 ms right after an AutoCorrect call, 11-14 ms after 100 ms asleep;
// see bench/HISTORY.md), and a median over samples that alternate between
// the two states (as the plain interleaving did) is neither figure.

export function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], runs: s.length };
}

/**
 * Times each of `fns` ({name: fn}) `runs` times after `warmup` calls each,
 * interleaved: every round calls each once, in alternating order. `gc` (or
 * null) runs before every sample. Returns {name: stats}.
 */
export function timeInterleaved(fns, { runs, warmup, gc = null }) {
  const names = Object.keys(fns);
  for (let i = 0; i < warmup; i++) for (const n of names) fns[n]();
  const ms = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < runs; r++) {
    for (const n of r % 2 ? [...names].reverse() : names) {
      gc?.();
      const t = performance.now();
      fns[n]();
      ms[n].push(performance.now() - t);
    }
  }
  return Object.fromEntries(names.map((n) => [n, stats(ms[n])]));
}

/**
 * Times each of `fns` ({name: fn}) in `runs` rounds after `warmup` calls
 * each. A round calls the sides in a fixed order, each twice in a row: the
 * first call follows the other side's calls ("cold": after the other engine),
 * the second its own ("warm"). `gc` (or null) runs before every timed call.
 * Returns {name: {warm: stats, cold: stats}}.
 */
export function timePaired(fns, { runs, warmup, gc = null }) {
  const names = Object.keys(fns);
  for (let i = 0; i < warmup; i++) for (const n of names) fns[n]();
  const ms = Object.fromEntries(names.map((n) => [n, { warm: [], cold: [] }]));
  for (let r = 0; r < runs; r++) {
    for (const n of names) {
      for (const kind of ['cold', 'warm']) {
        gc?.();
        const t = performance.now();
        fns[n]();
        ms[n][kind].push(performance.now() - t);
      }
    }
  }
  return Object.fromEntries(names.map((n) => [n, { warm: stats(ms[n].warm), cold: stats(ms[n].cold) }]));
}

function timeRuns(fn, runs, warmup, gc) {
  return timeInterleaved({ fn }, { runs, warmup, gc }).fn;
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
 * keystroke figure (ac may be missing). gc: a function that collects garbage
 * (run before every sample), or null.
 */
export function measureTexts({ gw, ac, texts, runs = 21, warmup = 5, keystrokeOnly = false, gc = null }) {
  const rows = [];
  for (const { name, text } of texts) {
    const row = { name, chars: [...text].length };
    if (!keystrokeOnly) {
      row.findings = gw.analyze(text, undefined).findings.length;
      const full = timePaired(
        { gwlint: () => gw.analyze(text, undefined), autocorrect: () => ac.lintFor(text, 'text') },
        { runs, warmup, gc },
      );
      // gwlint, autocorrect: warm; *AfterOther: right after the other engine's call.
      Object.assign(row, {
        gwlint: full.gwlint.warm, autocorrect: full.autocorrect.warm,
        gwlintAfterOther: full.gwlint.cold, autocorrectAfterOther: full.autocorrect.cold,
      });
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
    }, runs, 2, gc);
    row.keystroke = { min: key.min / batch, median: key.median / batch, runs: key.runs * batch };
    // The same keystrokes with the whole text passed in (`analyze`: the API
    // for callers that hold no changes; the text is copied in and compared).
    const typed = typedInMiddle(text);
    const whole = timeRuns(() => {
      for (let i = 0; i < batch; i++) {
        flip = !flip;
        checker.analyze(flip ? typed : text);
      }
    }, runs, 2, gc);
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
