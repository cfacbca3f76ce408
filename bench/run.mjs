// `make bench`: builds what it needs, measures gwlint natively, in Node and in
// headless Chromium (each with warm-up runs, then several counted runs; min
// and median), runs AutoCorrect's wasm lintFor on the same texts in the same
// process for the ratio, and writes BENCHMARKS.md. Texts are cut from
// ../shared/corpus/clean at run time (10k, 100k and 1M characters).
//
//   node bench/run.mjs [--runs N] [--no-build] [--no-rt] [--out FILE]
//     --no-rt: measure at normal priority (by default, after the build, the
//     measurements run at real-time priority where allowed: bench/env.mjs)
//     --page-rt: the page's timings (first underline, typing) at real-time
//     priority too (by default its Chromium runs at normal priority, as a
//     user's does: at equal real-time priority its threads wait for each other)
//   node bench/run.mjs --page-only [--runs N] [--no-build]
//     only the page's timings (first underline, typing into the 100k report),
//     printed as JSON; BENCHMARKS.md is not written.
//   node bench/run.mjs --wasm-only [--runs N] [--no-build] [--texts 100k,1m] [--pkg DIR]
//     only the wasm full check (and keystroke) of gwlint vs AutoCorrect in
//     Node and Chromium (default: the 100k text), printed as JSON.
//   node bench/run.mjs --keystroke-only [--runs N] [--no-build]
//     only one keystroke through the Checker (100k and 1M texts) in Node and
//     Chromium, printed as JSON (keystroke: `edit`, as the page; keystrokeText:
//     the same keystrokes through `analyze(wholeText)`); BENCHMARKS.md is not written.
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { join, extname, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { measureTexts, measureDictionary, loadAutocorrect, stats } from './measure.mjs';
import { exposeGc, realtime, setRealtime } from './env.mjs';
import { firstUnderline, typing, spread, PHASES } from './page.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i < 0 ? def : args[i + 1];
};
const RUNS = Number(opt('--runs', 21));
const PAGE_ONLY = args.includes('--page-only');
const PAGE_RT = args.includes('--page-rt');
const KEYSTROKE_ONLY = args.includes('--keystroke-only');
const WASM_ONLY = args.includes('--wasm-only');
// --pkg DIR: measure another wasm-bindgen build (e.g. a copy of pkg/ from an older commit); with --no-build.
const PKG = resolve(opt('--pkg', join(ROOT, 'pkg')));
// Typed into the middle of the 100k report, one character per key, 100 ms apart (a fast typist).
const TYPED = '全年开展专项检查X次，走访群众X户，解决实际问题X个，推动各项工作落实见效，群众满意度明显提升。';
const TYPING_DELAY = 100;
const OUT = opt('--out', join(ROOT, 'BENCHMARKS.md'));
const TEXT_DIR = join(ROOT, 'target/bench');
const CORPUS = join(ROOT, '../shared/corpus/clean');
const SIZES = [['10k', 10_000], ['100k', 100_000], ['1m', 1_000_000]];
const log = (...a) => console.error('[bench]', ...a);
const run = (cmd, argv) => execFileSync(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

// 1. Build.
if (!args.includes('--no-build')) {
  log('building: native (release), wasm and the page');
  if (!PAGE_ONLY && !KEYSTROKE_ONLY && !WASM_ONLY) run('cargo', ['build', '--release', '--bin', 'gwlint', '--example', 'native']);
  run('make', ['wasm', 'site']);
}
// Measurements from here on: real-time priority (inherited by Chromium and
// the native example) where allowed, a forced GC before every wasm sample.
const RT = realtime(args);
log(RT ? 'measuring at real-time priority (SCHED_RR 1)' : 'measuring at normal priority');
const gc = exposeGc();
const loadStart = loadavg();

// 2. Texts: the corpus in file-name order, cut at a line end.
const corpusFiles = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(CORPUS, f));
const all = corpusFiles.map((f) => readFileSync(f, 'utf8')).join('\n');
mkdirSync(TEXT_DIR, { recursive: true });
const texts = SIZES.map(([name, n]) => {
  const chars = [...all].slice(0, n).join('');
  const text = chars.slice(0, chars.lastIndexOf('\n') + 1);
  writeFileSync(join(TEXT_DIR, `${name}.txt`), text);
  return { name, text };
});
// The 100k text ten times: 1M characters of the same content, so that its
// ratio to the 100k text isolates size from content (the 1M text holds other
// documents, with more of what some rules look for). Native only.
const REPEATED = '100kx10';
writeFileSync(join(TEXT_DIR, `${REPEATED}.txt`), texts.find((t) => t.name === '100k').text.repeat(10));

// 3. Native: in-process timings, then the CLI over the whole corpus.
if (PAGE_ONLY) {
  console.log(JSON.stringify(await pageTimings(), null, 1));
  process.exit(0);
}
if (WASM_ONLY) {
  const names = opt('--texts', '100k').split(',');
  const wTexts = texts.filter((t) => names.includes(t.name));
  const gww = await import(join(PKG, 'gwlint.js'));
  gww.initSync({ module: readFileSync(join(PKG, 'gwlint_bg.wasm')) });
  gww.loadDictionary(new Uint8Array(readFileSync(join(ROOT, 'data/jieba-dict.bin'))));
  const ACD = join(ROOT, 'node_modules/@huacnlee/autocorrect');
  const acw = await loadAutocorrect(await import(join(ACD, 'autocorrect_bg.js')), readFileSync(join(ACD, 'autocorrect_bg.wasm')));
  log('node: full check and keystroke');
  const node = measureTexts({ gw: gww, ac: acw, texts: wTexts, runs: RUNS, gc });
  log('chromium: full check and keystroke');
  const { chrome, chromeVersion } = await pageTimings({ wasmOnly: true, names });
  console.log(JSON.stringify({ rt: RT, node, chromium: chrome.rows, gc: { node: true, chromium: chrome.gc }, nodeVersion: process.version, chromeVersion }, null, 1));
  process.exit(0);
}
if (KEYSTROKE_ONLY) {
  const keyTexts = texts.filter((t) => t.name !== '10k');
  const gwk = await import(join(PKG, 'gwlint.js'));
  gwk.initSync({ module: readFileSync(join(PKG, 'gwlint_bg.wasm')) });
  gwk.loadDictionary(new Uint8Array(readFileSync(join(ROOT, 'data/jieba-dict.bin'))));
  log('node: keystroke');
  const rows = (r) => r.map(({ name, chars, keystroke, keystrokeText }) => ({ name, chars, keystroke, keystrokeText }));
  const node = rows(measureTexts({ gw: gwk, texts: keyTexts, runs: RUNS, keystrokeOnly: true, gc }));
  log('chromium: keystroke');
  const { chrome, chromeVersion } = await pageTimings({ keystrokeOnly: true, names: keyTexts.map((t) => t.name) });
  console.log(JSON.stringify({ node, chromium: rows(chrome.rows), nodeVersion: process.version, chromeVersion }, null, 1));
  process.exit(0);
}
log('native');
const nativeOut = run('cargo', ['run', '--quiet', '--release', '--example', 'native', '--', String(RUNS), ...[...SIZES.map(([n]) => n), REPEATED].map((n) => join(TEXT_DIR, `${n}.txt`))]);
const native = JSON.parse(nativeOut.trim().split('\n').pop());
const cliMs = [];
for (let i = 0; i < RUNS + 1; i++) {
  const t = performance.now();
  const r = spawnSync(join(ROOT, 'target/release/gwlint'), ['check', '--format', 'json', ...corpusFiles], { stdio: ['ignore', 'ignore', 'ignore'] });
  const ms = performance.now() - t;
  if (r.status === null || r.status > 1) throw new Error(`gwlint check exited with ${r.status}`);
  if (i > 0) cliMs.push(ms);
}
const cli = stats(cliMs);

// 4. Node: the wasm and AutoCorrect in this process.
log('node');
const gw = await import(join(PKG, 'gwlint.js'));
gw.initSync({ module: readFileSync(join(PKG, 'gwlint_bg.wasm')) });
const AC_DIR = join(ROOT, 'node_modules/@huacnlee/autocorrect');
const acPkg = JSON.parse(readFileSync(join(AC_DIR, 'package.json'), 'utf8'));
const ac = await loadAutocorrect(await import(join(AC_DIR, 'autocorrect_bg.js')), readFileSync(join(AC_DIR, 'autocorrect_bg.wasm')));
const DICT = readFileSync(join(ROOT, 'data/jieba-dict.bin'));
const nodeDict = measureDictionary(gw, new Uint8Array(DICT));
const nodeRows = measureTexts({ gw, ac, texts, runs: RUNS, gc });

// 5. Chromium: the page (first underline, typing), then the wasm timings in a page.
log('chromium');
const { page: pageRes, chrome, chromeVersion } = await pageTimings({ wasm: true });
const { first, complete, phases, typed } = pageRes;
const loadEnd = loadavg();

// 6. Sizes.
const wasm = readFileSync(join(PKG, 'gwlint_bg.wasm'));
const gz = (b) => gzipSync(b, { level: 9 }).length;
const sizes = {
  wasm: wasm.length, wasmGz: gz(wasm),
  dict: DICT.length,
  appJs: statSync(join(ROOT, 'dist/app.js')).size, appJsGz: gz(readFileSync(join(ROOT, 'dist/app.js'))),
  bootJs: statSync(join(ROOT, 'dist/boot.js')).size, bootJsGz: gz(readFileSync(join(ROOT, 'dist/boot.js'))),
  firstPath: firstPathJs(),
  workerJs: statSync(join(ROOT, 'dist/worker.js')).size, workerJsGz: gz(readFileSync(join(ROOT, 'dist/worker.js'))),
};
// Typing is smooth when 95% of keystrokes reach the screen within 50 ms and no
// task blocks the main thread for 50 ms or more (the Long Tasks threshold).
const SMOOTH_MS = 50;
const lat = spread(typed.latency);
const smooth = lat.p95 < SMOOTH_MS && typed.longtasks.length === 0;

// 7. BENCHMARKS.md.
const f = (x, d = 2) => (x >= 100 ? x.toFixed(0) : x.toFixed(d));
const mm = (s) => `${f(s.min)} / ${f(s.median)}`;
const mmp = (s) => `${f(s.min)} / ${f(s.median)} / ${f(s.p95)}`;
const longTasks = (l) => (l.length ? `${l.length}, longest ${f(Math.max(...l))} ms` : 'none');
const MB = (b) => `${(b / 1e6).toFixed(2)} MB`;
const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
const sha = run('git', ['rev-parse', '--short', 'HEAD']).trim();
const cliChars = all.length;
const byName = (rows, n) => rows.find((r) => r.name === n);
const ratio = (rows, n, k = 'median') => byName(rows, n).autocorrect[k] / byName(rows, n).gwlint[k];
const lines = [];
const L = (s = '') => lines.push(s);
L('# Benchmarks');
L();
L('Written by `make bench` (bench/run.mjs); rerun it to refresh this file. Texts are the');
L('first 10k, 100k and 1M characters of ../shared/corpus/clean (86 published documents,');
L('file-name order, cut at a line end). Times in milliseconds as **min / median** over');
L(`${RUNS} counted runs after warm-up runs (full check: 5 of each side).`);
L();
L('Full check: "gwlint" is the whole wasm call a page makes, `analyze(text)`: the text');
L('copied into the wasm, the check (every rule, the dictionary loaded), offsets converted');
L('to UTF-16, the outline and checklist, the result built as JS objects. AutoCorrect is');
L(`\`lintFor(text, "text")\` of npm \`@huacnlee/autocorrect\` ${acPkg.version}, in the same process on the`);
L('same text. Both get the same treatment: the same warm-up and number of samples, in');
L('rounds that run both (a load spike hits both), each side called twice in a row per');
L('round: the second call is the "warm" figure (right after a call of the same side), the');
L('first is listed apart as "after the other engine" (right after the other one\'s call: on');
L('this shared machine a call whose code and data were not used a moment ago is slower,');
L('see bench/HISTORY.md); before every sample');
L(`${gc && chrome.gc ? 'a forced full garbage collection (Node: `v8.setFlagsFromString(\'--expose-gc\')`; Chromium: `--js-flags=--expose-gc`),' : 'no forced garbage collection (not available),'}`);
L('so no sample pays for collecting an earlier sample\'s garbage; a collection that');
L('happens inside a call (of its own allocations) is in its sample. A sample is one call,');
L('timed with `performance.now()` (Chromium: a cross-origin-isolated page, 5 µs timers).');
L(RT
  ? `The measurements ran at real-time priority (\`chrt --rr 1\`, inherited by Chromium and the native example), so other jobs on the shared machine did not preempt a sample; without it, medians on a loaded machine are mostly preemption (a 6 ms call took 6 or 10-12 ms).${PAGE_RT ? ' The page\'s timings too.' : ' Not the page\'s timings (first underline, typing): its Chromium ran at normal priority, as a user\'s does (at equal real-time priority its threads, e.g. the renderer asking the browser process for fonts, wait for each other).'}`
  : 'The measurements ran at normal priority (real-time priority was not available): on a loaded machine, medians include preemption by other jobs.');
L();
L('First underline: from navigation start (fresh profile, loopback) to the frame that');
L('shows the page\'s first underline: a `requestAnimationFrame` callback after the underline');
L('is inserted into the DOM, then a user-blocking task (`scheduler.postTask`) queued from it,');
L('which runs once that frame is handed to the compositor and before the tasks the page');
L('queues from it. The insertion time is listed with the start-up phases. Each run opens a');
L('new context (fresh profile: empty cache and storage), then waits until the browser is idle');
L('before navigating: a new window starts Chromium\'s own pages for it (a "top-chrome WebUI"');
L('renderer, ~0.8-1 s of CPU), which a user\'s open window has done long before.');
L();
L(`- Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${release()};`);
L(`  load average ${loadStart.map((x) => x.toFixed(1)).join(' ')} at the start, ${loadEnd.map((x) => x.toFixed(1)).join(' ')} at the end`);
L('  (the machine was shared with other jobs: the min is the better estimate of the cost).');
L(`- Node ${process.version}, Chromium ${chromeVersion} (headless), gwlint ${sha}.`);
L();
L('## Targets');
L();
L('| target | measured | holds |');
L('|---|---|---|');
const t100n = byName(nodeRows, '100k'), t100c = byName(chrome.rows, '100k');
const ratioAfter = (rows, n, k = 'median') => byName(rows, n).autocorrectAfterOther[k] / byName(rows, n).gwlintAfterOther[k];
L(`| full check of 100k chars in wasm ≥ 5x faster than AutoCorrect (warm) | Node ${ratio(nodeRows, '100k').toFixed(1)}x, Chromium ${ratio(chrome.rows, '100k').toFixed(1)}x (medians; mins: ${ratio(nodeRows, '100k', 'min').toFixed(1)}x, ${ratio(chrome.rows, '100k', 'min').toFixed(1)}x); each call right after the other engine's: Node ${ratioAfter(nodeRows, '100k').toFixed(1)}x, Chromium ${ratioAfter(chrome.rows, '100k').toFixed(1)}x (medians) | ${ratio(nodeRows, '100k') >= 5 && ratio(chrome.rows, '100k') >= 5 ? 'yes' : 'no'} |`);
L(`| one keystroke in a 100k report < 1 ms of wasm time | Node ${mm(t100n.keystroke)}, Chromium ${mm(t100c.keystroke)} | ${t100n.keystroke.median < 1 && t100c.keystroke.median < 1 ? 'yes' : 'no'} |`);
L(`| first underline < 300 ms (loopback) | ${mm(stats(first))} | ${stats(first).median < 300 ? 'yes' : 'no'} |`);
L(`| typing into a 100k report stays smooth (95% of keystrokes on screen < ${SMOOTH_MS} ms, no long task) | input → next frame p95 ${f(lat.p95)} ms; long tasks: ${longTasks(typed.longtasks)} | ${smooth ? 'yes' : 'no'} |`);
L(`| wasm ≤ 1.5 MB gzipped | ${MB(sizes.wasmGz)} | ${sizes.wasmGz <= 1.5e6 ? 'yes' : 'no'} |`);
L(`| CLI over the corpus < 0.5 s wall | ${mm(cli)} | ${cli.median < 500 ? 'yes' : 'no'} |`);
const nativeRows = SIZES.map(([name]) => ({ name, ...native[`${name}.txt`] }));
const lin = (rows, get, big = '1m') => get(byName(rows, big)) / get(byName(rows, '100k')) / (byName(rows, big).chars / byName(rows, '100k').chars);
const repeated = [{ name: REPEATED, ...native[`${REPEATED}.txt`] }, byName(nativeRows, '100k')];
L(`| linear scaling (1M vs 100k, per character) | native ${lin(nativeRows, (r) => r.full.min).toFixed(2)}, Node ${lin(nodeRows, (r) => r.gwlint.min).toFixed(2)}, Chromium ${lin(chrome.rows, (r) => r.gwlint.min).toFixed(2)} (1.00 = linear); same content (the 100k text ×10 vs 100k), native: full check ${lin(repeated, (r) => r.full.min, REPEATED).toFixed(2)}, keystroke ${lin(repeated, (r) => r.keystroke.min, REPEATED).toFixed(2)} | see table |`);
L();
L('## Full check and one keystroke');
L();
L('| where | text | chars | findings | gwlint full | AutoCorrect lintFor | ratio (mins / medians) | after the other engine: gwlint / AutoCorrect, ratio of medians | one keystroke (Checker) |');
L('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of [...nativeRows, repeated[0]]) {
  L(`| native | ${r.name} | ${r.chars} | ${r.findings} | ${mm(r.full)} | – | – | – | ${mm(r.keystroke)} |`);
}
for (const [where, rows] of [['Node', nodeRows], ['Chromium', chrome.rows]]) {
  for (const r of rows) {
    L(`| ${where} | ${r.name} | ${r.chars} | ${r.findings} | ${mm(r.gwlint)} | ${mm(r.autocorrect)} | ${(r.autocorrect.min / r.gwlint.min).toFixed(1)}x / ${(r.autocorrect.median / r.gwlint.median).toFixed(1)}x | ${mm(r.gwlintAfterOther)} / ${mm(r.autocorrectAfterOther)}, ${(r.autocorrectAfterOther.median / r.gwlintAfterOther.median).toFixed(1)}x | ${mm(r.keystroke)} |`);
  }
}
L();
L('One keystroke: the `Checker` holds the text; a character is typed at the end of the');
L('paragraph nearest the middle and deleted again, each an `edit` call as the page\'s worker');
L('makes it (the change in, UTF-16 offsets; findings out, outline and checklist only when they');
L('changed) that re-runs the paragraph rules on the changed paragraph only. Natively: `Checker::edit`.');
L('Typing in the page (below): the 100k report in the editor, then');
L(`${[...TYPED].length} characters typed with playwright \`keyboard.type\` (${TYPING_DELAY} ms apart) at the end of`);
L('the paragraph nearest the middle, in 3 rounds after a warm-up round; "next frame" is a task');
L('queued from the first animation frame after the input event.');
L();
L('## Where the time goes (native, 100k chars, each rule alone, min of 3)');
L();
L('| rule | ms |');
L('|---|---:|');
for (const [id, ms] of native.perRule100k.slice(0, 12)) L(`| ${id} | ${f(ms)} |`);
L(`| (${native.perRule100k.length - 12} more rules) | ${f(native.perRule100k.slice(12).reduce((a, [, ms]) => a + ms, 0))} together |`);
L();
L('## Loading and the page');
L();
L('| what | min / median |');
L('|---|---:|');
L(`| page: navigation → first underline painted (fresh profile, loopback) | ${mm(stats(first))} |`);
for (const [k, what] of PHASES) if (phases[k].length) L(`| page start-up: ${what} | ${mm(stats(phases[k]))} |`);
L(`| page: navigation → first underline that needs the dictionary (的的), painted | ${mm(stats(complete))} |`);
L(`| page: typing into the middle of the 100k report, input event → next frame (${typed.keystrokes} keystrokes, min / median / p95) | ${mmp(lat)} |`);
L(`| page: same, input event → its handlers done (queueing behind other work) | ${mmp(spread(typed.handler))} |`);
L(`| page: same, long tasks (≥ 50 ms) on the main thread while typing | ${longTasks(typed.longtasks)} |`);
L(`| page: same, events slower than 16 ms to their next paint (Event Timing) | ${typed.slowEvents.length ? `${typed.slowEvents.length}, longest ${f(Math.max(...typed.slowEvents))} ms` : 'none'} |`);
L(`| page: same, last keystroke → underlines updated (after the 250 ms pause the page waits for) | ${mm(spread(typed.toUnderlines))} |`);
L(`| dictionary load (\`loadDictionary\`, once per process): native / Node / Chromium | ${f(native.dictionaryLoad)} / ${f(nodeDict)} / ${f(chrome.dictionaryLoad)} |`);
L(`| CLI: \`gwlint check --format json\` over all ${corpusFiles.length} corpus files (${cliChars} chars), wall | ${mm(cli)} |`);
L();
L('## Sizes');
L();
L('| file | bytes | gzip -9 |');
L('|---|---:|---:|');
L(`| gwlint_bg.wasm | ${sizes.wasm} | ${sizes.wasmGz} |`);
L(`| gwlint-dict.bin (deflated already; loaded after the first check) | ${sizes.dict} | – |`);
L(`| boot.js (page, first script: starts the checker) | ${sizes.bootJs} | ${sizes.bootJsGz} |`);
L(`| app.js (page: editor, panel; without its chunks) | ${sizes.appJs} | ${sizes.appJsGz} |`);
L(`| page JavaScript before the first underline (boot.js, app.js and its static chunks: ${sizes.firstPath.files} files) | ${sizes.firstPath.bytes} | ${sizes.firstPath.gzip} |`);
L(`| worker.js (the checker's Web Worker, without the wasm) | ${sizes.workerJs} | ${sizes.workerJsGz} |`);
L();
// The hand-kept log of optimisations with their before/after figures.
lines.push(readFileSync(join(ROOT, 'bench/HISTORY.md'), 'utf8'));
writeFileSync(OUT, lines.join('\n'));
log(`wrote ${OUT}`);

/**
 * The page's JavaScript needed before the first underline: boot.js, app.js
 * and the chunks app.js imports statically (not those loaded on first use or
 * right after the first underline). {files, bytes, gzip}.
 */
function firstPathJs() {
  const files = ['boot.js'];
  const visit = (f) => {
    if (files.includes(f)) return;
    files.push(f);
    const code = readFileSync(join(ROOT, 'dist', f), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)) visit(m[1]);
  };
  visit('app.js');
  const bytes = files.map((f) => readFileSync(join(ROOT, 'dist', f)));
  return { files: files.length, bytes: bytes.reduce((a, b) => a + b.length, 0), gzip: bytes.reduce((a, b) => a + gz(b), 0) };
}

/**
 * The Chromium measurements: the page's first underline (fresh profile) and
 * typing into the 100k report; with `wasm`, also bench/page.html (the wasm
 * timings in a page). Serves dist/ and the bench files on loopback.
 */
async function pageTimings({ wasm = false, keystrokeOnly = false, wasmOnly = false, names = [] } = {}) {
  const { chromium } = await import('playwright-core');
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8' };
  const AC_DIR = join(ROOT, 'node_modules/@huacnlee/autocorrect');
  const ROUTES = [['/pkg/', PKG], ['/ac/', AC_DIR], ['/texts/', TEXT_DIR], ['/bench/', join(ROOT, 'bench')], ['/dict.bin', join(ROOT, 'data/jieba-dict.bin')], ['/', join(ROOT, 'dist')]];
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const [prefix, dir] = ROUTES.find(([p]) => path.startsWith(p));
    let file = prefix.endsWith('/') ? join(dir, path.slice(prefix.length)) : dir;
    if (file.endsWith('/') || path === '/') file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      // Cross-origin isolation gives the bench page 5 µs timers (100 µs otherwise).
      if (path.startsWith('/bench/')) Object.assign(headers, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const launch = () => chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // --expose-gc: bench/page.html collects garbage before every sample, as Node does.
    args: ['--js-flags=--expose-gc', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // The page's timings: Chromium at normal priority unless --page-rt (see the header).
  const pageNormal = RT && !PAGE_RT && !keystrokeOnly && !wasmOnly;
  if (pageNormal) setRealtime(false);
  let browser = await launch();
  const chromeVersion = browser.version();
  try {
    if (keystrokeOnly || wasmOnly) {
      const tab = await browser.newPage();
      await tab.goto(`${base}/bench/page.html?runs=${RUNS}${keystrokeOnly ? '&keystroke=1' : ''}&texts=${names.join(',')}`);
      await tab.waitForFunction(() => window.result !== undefined, null, { timeout: 600000 });
      const chrome = await tab.evaluate(() => window.result);
      if (chrome.error) throw new Error(`bench page: ${chrome.error}`);
      return { chromeVersion, chrome };
    }
    // First underline: a fresh context (empty cache) per run; from navigation
    // start to the first underline drawn, and to the first underline that
    // needs the dictionary (the sample's 的的).
    log('chromium: first underline');
    const page = await firstUnderline(browser, `${base}/`, RUNS);
    log('chromium: typing into the 100k report');
    const text100k = readFileSync(join(TEXT_DIR, '100k.txt'), 'utf8');
    page.typed = await typing(browser, `${base}/`, text100k, { typed: TYPED, delay: TYPING_DELAY, runs: 3 });
    if (!wasm) return { chromeVersion, page: summarizePage(page) };
    log('chromium: wasm timings');
    if (pageNormal) {
      setRealtime(true);
      await browser.close();
      browser = await launch();
    }
    const tab = await browser.newPage();
    await tab.goto(`${base}/bench/page.html?runs=${RUNS}&texts=${SIZES.map(([n]) => n).join(',')}`);
    await tab.waitForFunction(() => window.result !== undefined, null, { timeout: 600000 });
    const chrome = await tab.evaluate(() => window.result);
    if (chrome.error) throw new Error(`bench page: ${chrome.error}`);
    return { chromeVersion, page, chrome };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The page figures as min / median (/ p95) for printing. */
function summarizePage(p) {
  const r = (x) => Math.round(x * 10) / 10;
  const sp = (v) => (v.length ? Object.fromEntries(Object.entries(spread(v)).map(([k, x]) => [k, r(x)])) : null);
  return {
    firstUnderline: sp(p.first),
    withDictionary: sp(p.complete),
    phases: Object.fromEntries(PHASES.map(([k]) => [k, sp(p.phases[k])])),
    typing: {
      keystrokes: p.typed.keystrokes,
      inputToFrame: sp(p.typed.latency),
      inputToHandled: sp(p.typed.handler),
      longTasks: p.typed.longtasks.map(r),
      eventsOver16ms: p.typed.slowEvents.length ? spread(p.typed.slowEvents) : null,
      lastKeyToUnderlines: sp(p.typed.toUnderlines),
    },
  };
}
