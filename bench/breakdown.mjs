// Where the time of one wasm `analyze(text)` goes, in Node: builds the wasm
// with `--features breakdown` (src/wasm_breakdown.rs: exports that each do
// one more step of analyze) into target/breakdown and target/pkg-breakdown
// (the page's build is not touched), then times them interleaved like the
// full check in measure.mjs (forced GC before every sample, real-time
// priority where allowed) and prints each step's cost as the difference of
// mins and of medians.
//
//   node bench/breakdown.mjs [--runs N] [--no-build] [--no-rt] [100k]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeInterleaved } from './measure.mjs';
import { exposeGc, realtime } from './env.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const i = args.indexOf('--runs');
const runs = i < 0 ? 21 : Number(args.splice(i, 2)[1]);
const name = args.find((a) => !a.startsWith('--')) ?? '100k';
const TARGET = join(ROOT, 'target/breakdown');
const PKG = join(ROOT, 'target/pkg-breakdown');
if (!args.includes('--no-build')) {
  const run = (cmd, argv, env = {}) => execFileSync(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib', '--features', 'breakdown'], { CARGO_TARGET_DIR: TARGET });
  mkdirSync(join(TARGET, 'prewarmed'), { recursive: true });
  run('node', ['scripts/prewarm-wasm.mjs', join(TARGET, 'wasm32-unknown-unknown/release/gwlint.wasm'), join(TARGET, 'prewarmed/gwlint.wasm')]);
  run('wasm-bindgen', ['--target', 'web', '--out-dir', PKG, '--remove-name-section', '--remove-producers-section', join(TARGET, 'prewarmed/gwlint.wasm')]);
}
const rt = realtime(args);
const gc = exposeGc();
const gw = await import(join(PKG, 'gwlint.js'));
gw.initSync({ module: readFileSync(join(PKG, 'gwlint_bg.wasm')) });
gw.loadDictionary(new Uint8Array(readFileSync(join(ROOT, 'data/jieba-dict.bin'))));
const text = readFileSync(join(ROOT, 'target/bench', `${name}.txt`), 'utf8');
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const full = gw.analyze(text);
if (!same(full, gw.bd_result_swb(text))) {
  throw new Error('the result variants differ from analyze');
}
const json = JSON.stringify(full);
// [label, function, what it adds to the step before]
const steps = [
  ['text in', () => gw.bd_text_in(text), 'the text copied into the wasm (UTF-16 → UTF-8)'],
  ['parse', () => gw.bd_parse(text), 'the document model'],
  ['check', () => gw.bd_check(text), 'every rule'],
  ['analyze (Rust)', () => gw.bd_analyze(text), 'checklist and outline'],
  ['offsets', () => gw.bd_offsets(text), 'offsets to UTF-16 (one pass), result as Rust values'],
  ['json', () => gw.bd_json(text), 'the JSON string in the wasm'],
  ['analyze', () => gw.analyze(text), 'the string to JS and JSON.parse: the API call'],
];
const alternatives = [
  ['serde-wasm-bindgen', () => gw.bd_result_swb(text), 'the result built field by field by serde-wasm-bindgen'],
  ['JSON.parse alone', () => JSON.parse(json), `JSON.parse of the result's JSON (${json.length} UTF-16 units) in JS`],
];
// The JS result alone, from an analysis kept in the wasm (smaller figures,
// so less exposed to noise than the differences above).
gw.bd_keep(text);
if (!same(full, gw.bd_kept_js()) || !same(full, gw.bd_kept_swb())) throw new Error('kept results differ');
const result = [
  ['offsets', () => gw.bd_kept_offsets(), 'offsets to UTF-16 (one pass over the text)'],
  ['offsets, three passes', () => gw.bd_kept_offsets_3pass(), 'as before: a pass each for findings, checklist, outline'],
  ['+ JSON string', () => gw.bd_kept_json(), 'and the JSON string, in the wasm'],
  ['+ to JS, JSON.parse', () => gw.bd_kept_js(), 'what `analyze` does (`to_js_via_json`)'],
  ['serde-wasm-bindgen', () => gw.bd_kept_swb(), 'offsets, then the JS objects built field by field'],
];
const rk = timeInterleaved(Object.fromEntries(result.map(([k, fn]) => [k, fn])), { runs: runs * 3, warmup: 10, gc });
const r = timeInterleaved(Object.fromEntries([...steps, ...alternatives].map(([k, f]) => [k, f])), { runs, warmup: 5, gc });
const f = (x) => x.toFixed(3);
console.log(`${name}: ${full.findings.length} findings, ${full.outline.length} outline entries, ${full.placeholders.length} slots; ${runs} interleaved runs, forced GC, ${rt ? 'real-time priority' : 'normal priority'}`);
console.log('| step | min / median ms | step adds (mins / medians) | what |');
console.log('|---|---:|---:|---|');
let prev = null;
for (const [k, , what] of steps) {
  const s = r[k];
  const add = prev ? `${f(s.min - prev.min)} / ${f(s.median - prev.median)}` : '–';
  console.log(`| ${k} | ${f(s.min)} / ${f(s.median)} | ${add} | ${what} |`);
  prev = s;
}
for (const [k, , what] of alternatives) console.log(`| (${k}) | ${f(r[k].min)} / ${f(r[k].median)} | | ${what} |`);
console.log();
console.log('| the JS result of a kept analysis | min / median ms | what |');
console.log('|---|---:|---|');
for (const [k, , what] of result) console.log(`| ${k} | ${f(rk[k].min)} / ${f(rk[k].median)} | ${what} |`);
