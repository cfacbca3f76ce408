// The page's own timings in headless Chromium (driven by bench/run.mjs through
// playwright-core, against the built dist/ served on loopback):
//   - firstUnderline: navigation → first underline painted, on a fresh profile
//     (a new context; navigated once the browser is idle, see browserIdle)
//     (the frame after the underline is in the DOM: a requestAnimationFrame
//     callback, then a user-blocking task queued from it, which runs once that
//     frame is handed to the compositor, as for typing below), with the
//     insertion time and the start-up marks the page sets on the way;
//   - typing: real keyboard input into the middle of a long report, per
//     keystroke: input event → next frame, long tasks on the main thread, and
//     the last keystroke → underlines updated.
// Times are milliseconds from navigation start (performance.now()).

import { readdirSync, readFileSync } from 'node:fs';

/** Values sorted: {min, median, p95, max, n}. */
export function spread(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { min: s[0], median: s[Math.floor(s.length / 2)], p95: at(0.95), max: s[s.length - 1], n: s.length };
}

/**
 * Records, in the page, when the first underline is inserted into the DOM and
 * when the frame that shows it has been made (underlines may sit in shadow roots).
 */
function watchUnderlines() {
  // The task after the frame: queued at the highest priority, so that it runs
  // once the frame is done and not after the tasks the page itself queues from
  // that frame (the panel, filled one frame after the first underlines, ~30 ms).
  const afterFrame = (f) => (window.scheduler?.postTask ? scheduler.postTask(f, { priority: 'user-blocking' }) : setTimeout(f));
  const painted = (key, then) => requestAnimationFrame(() => afterFrame(() => {
    window[key] = performance.now();
    then?.();
  }));
  const seen = () => {
    const roots = [document, ...window.__roots];
    const ranges = roots.flatMap((r) => [...r.querySelectorAll('.cm-lintRange')]);
    if (ranges.length && window.__inserted === undefined) {
      window.__inserted = performance.now();
      painted('__first');
    }
    if (window.__completeInserted === undefined && ranges.some((e) => e.textContent === '的的')) {
      window.__completeInserted = performance.now();
      // The harness waits for this message (a console event: nothing is run in the page for it).
      painted('__complete', () => console.debug(DONE));
    }
  };
  window.__roots = [];
  const obs = new MutationObserver(seen);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    window.__roots.push(root);
    obs.observe(root, { subtree: true, childList: true, characterData: true });
    return root;
  };
  obs.observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * CPU time (ms) of each process below this one (the browser and its
 * renderers), from Linux's /proc; null where there is none.
 */
function descendantsCpu() {
  let entries;
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const parent = new Map();
  const cpu = new Map();
  for (const d of entries) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      cpu.set(Number(d), (Number(f[11]) + Number(f[12])) * 10); // clock ticks of 10 ms
    } catch {
      // the process has ended
    }
  }
  const mine = new Map();
  for (const [pid, ms] of cpu) {
    let p = pid;
    for (let hops = 0; p > 1 && p !== process.pid && hops < 20; hops++) p = parent.get(p) ?? 1;
    if (p === process.pid && pid !== process.pid) mine.set(pid, ms);
  }
  return mine;
}

/**
 * Waits until the browser is idle (its processes used under 10 % of a core
 * over 300 ms; at most 5 s). A new context opens a new window, and Chromium
 * starts that window's own pages with it (a "top-chrome WebUI" renderer: ~0.8-1 s
 * of CPU in its first second); navigating at once measured that work on one
 * of the machine's two cores along with the page. A user's window is open
 * before they go to the page.
 */
async function browserIdle() {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const end = Date.now() + 5000;
  let last = descendantsCpu();
  if (!last) return sleep(1500);
  while (Date.now() < end) {
    await sleep(300);
    const now = descendantsCpu();
    let used = 0;
    for (const [pid, ms] of now) used += ms - (last.get(pid) ?? ms);
    last = now;
    if (used < 30) return;
  }
}

/** Logged by the page once the first underline that needs the dictionary is painted. */
const DONE = 'gwlint-bench:complete';

/** Where the start-up time goes: the page's marks (see www/src/boot.js), in order. */
export const PHASES = [
  ['html', 'HTML received (navigation responseEnd)'],
  ['boot', 'boot.js runs: worker created, first check sent (`gwlint:boot`)'],
  ['wScript', 'worker: its script has run (`gwlint:worker-script`)'],
  ['wInit', 'worker: the page\'s init message taken, wasm fetch started (`gwlint:worker-init`)'],
  ['wResponse', 'worker: wasm response headers in, compiling as it streams (`gwlint:worker-response`)'],
  ['wCompiled', 'worker: wasm compiled (`gwlint:worker-compiled`)'],
  ['wWasm', 'worker: wasm instantiated (`gwlint:worker-wasm`)'],
  ['wChecked', 'worker: first check done, result posted (`gwlint:worker-checked`)'],
  ['ready', 'the page hears the checker is ready (`gwlint:checker-ready`)'],
  ['built', 'app.js evaluated, editor and panel built (`gwlint:page-built`)'],
  ['result', 'first result handled on the page (`gwlint:first-result`)'],
  ['inserted', 'first underline inserted into the DOM (painted in the frame after: the first-underline figure)'],
];

/**
 * A fresh context (empty cache and storage) per run; the first run is a
 * warm-up. Returns {first, complete, phases: {name: [ms]}} where `first` is
 * the first underline painted (`phases.inserted`: in the DOM) and `complete`
 * the first underline that needs the dictionary (the sample's 的的), painted.
 */
export async function firstUnderline(browser, url, runs) {
  const first = [];
  const complete = [];
  const phases = Object.fromEntries(PHASES.map(([k]) => [k, []]));
  for (let i = 0; i < runs + 1; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await browserIdle();
    await page.addInitScript(`const DONE = ${JSON.stringify(DONE)}; (${watchUnderlines})()`);
    // Not `waitForFunction`: Playwright would evaluate its injected script (and
    // poll every frame) on the page's main thread while it starts up (traces:
    // 11-40 ms between the underline's insertion and its frame). The page says
    // when it is done instead.
    const done = page.waitForEvent('console', { predicate: (m) => m.text() === DONE, timeout: 30000 });
    await page.goto(url);
    await done;
    const r = await page.evaluate(() => {
      const mark = (n) => performance.getEntriesByName(n)[0]?.startTime;
      return {
        first: window.__first,
        inserted: window.__inserted,
        complete: window.__complete,
        html: performance.getEntriesByType('navigation')[0].responseEnd,
        boot: mark('gwlint:boot'),
        ready: mark('gwlint:checker-ready'),
        built: mark('gwlint:page-built'),
        result: mark('gwlint:first-result'),
        wScript: mark('gwlint:worker-script'),
        wInit: mark('gwlint:worker-init'),
        wResponse: mark('gwlint:worker-response'),
        wCompiled: mark('gwlint:worker-compiled'),
        wWasm: mark('gwlint:worker-wasm'),
        wChecked: mark('gwlint:worker-checked'),
      };
    });
    if (i > 0) {
      first.push(r.first);
      complete.push(r.complete);
      for (const [k] of PHASES) if (r[k] !== undefined) phases[k].push(r[k]);
    }
    await ctx.close();
  }
  return { first, complete, phases };
}

/** Installed in the page before typing: records input events, frames after them, long tasks and results. */
function instrumentTyping() {
  const t = (window.__typing = { inputs: [], longtasks: [], events: [], results: [] });
  // Input event → the next frame: the rAF callback runs when the frame that
  // shows the keystroke is being made; a task queued from it runs after that
  // frame is handed to the compositor.
  const onInput = (e) => {
    const rec = { at: e.timeStamp, handled: performance.now() };
    t.inputs.push(rec);
    requestAnimationFrame(() => setTimeout(() => { rec.frame = performance.now(); }));
  };
  window.addEventListener('input', onInput, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) t.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  // Event Timing: every keyboard/input event slower than 16 ms (the smallest threshold) to its next paint.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) t.events.push({ name: e.name, start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16 });
  const s = window.gwlint.scheduler;
  const onResult = s.onResult;
  s.onResult = (result, req) => {
    onResult(result, req);
    const rec = { version: req.version, shown: performance.now() };
    t.results.push(rec);
    requestAnimationFrame(() => setTimeout(() => { rec.frame = performance.now(); }));
  };
}

const settled = (page) => page.waitForFunction(() => window.gwlint?.scheduler?.fresh === true && !window.gwlint.segmentationPending && !window.gwlint.startupPending, null, { timeout: 120000 });

/**
 * Loads the page, puts `text` in the editor, waits for its results, then
 * types `typed` (one character per key, `delay` ms apart, as
 * `keyboard.type` does: key events for ASCII, text input for the rest) at
 * the end of the paragraph nearest the middle. `runs` rounds, each in the
 * same page (the first is a warm-up). Returns per-keystroke latencies,
 * long tasks and the last keystroke → underlines updated.
 */
export async function typing(browser, url, text, { typed, delay = 100, runs = 3 }) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url);
  await settled(page);
  await page.evaluate((t) => {
    const v = window.gwlint.view;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: t } });
  }, text);
  await settled(page);
  const latency = [];
  const handler = [];
  const longtasks = [];
  const slowEvents = [];
  const toUnderlines = [];
  let typedFindings = 0;
  for (let round = 0; round < runs + 1; round++) {
    await page.evaluate(() => {
      const v = window.gwlint.view;
      const text = v.state.doc.toString();
      let at = text.indexOf('\n', Math.floor(text.length / 2));
      if (at < 0) at = text.length;
      v.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      v.focus();
    });
    await page.waitForTimeout(300);
    await page.evaluate(instrumentTyping);
    await page.keyboard.type(typed, { delay });
    await settled(page);
    await page.waitForTimeout(100); // the frame after the last result
    const r = await page.evaluate(() => {
      const t = window.__typing;
      window.__typing = null;
      const s = window.gwlint.scheduler;
      return { ...t, version: s.version, findings: window.gwlint.last.findings.length };
    });
    // Undo the round's typing so every round types into the same text.
    await page.evaluate((n) => {
      const v = window.gwlint.view;
      const head = v.state.selection.main.head;
      v.dispatch({ changes: { from: head - n, to: head } });
    }, typed.length);
    await settled(page);
    if (round === 0) continue;
    for (const i of r.inputs) {
      latency.push(i.frame - i.at);
      handler.push(i.handled - i.at);
    }
    const from = r.inputs[0].at;
    const last = r.inputs[r.inputs.length - 1].at;
    longtasks.push(...r.longtasks.filter((l) => l.start + l.duration >= from).map((l) => l.duration));
    slowEvents.push(...r.events.filter((e) => e.start >= from).map((e) => e.duration));
    const fresh = r.results.find((x) => x.version === r.version);
    toUnderlines.push(fresh.frame - last);
    typedFindings = r.findings;
  }
  await ctx.close();
  return { keystrokes: latency.length, latency, handler, longtasks, slowEvents, toUnderlines, findings: typedFindings };
}
