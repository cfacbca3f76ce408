// One rule's cost in a wasm `analyze` call, cold (right after an AutoCorrect
// `lintFor`, as half of bench/node.mjs's samples are) and warm (right after the
// same call), for several builds in one process, interleaved:
//   [RULE=consistency/doubled-char] [TEXT=100k] [N=60] node bench/rule-cost.mjs PKG_DIR...
// (PKG_DIR: wasm-bindgen output, e.g. pkg/ after `make wasm`). The cost is the
// call with every category off but RULE, minus the call with all off; printed
// as min / 25th percentile / median of the differences of those statistics.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exposeGc, realtime } from './env.mjs';
import { loadAutocorrect } from './measure.mjs';
import { fileURLToPath } from 'node:url';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RULE = process.env.RULE || 'consistency/doubled-char';
const TEXT = process.env.TEXT || '100k';
const rt = realtime([]);
const gc = exposeGc();
const pkgs = [];
for (const dir of process.argv.slice(2)) {
  // a fresh module instance per package: import with a query string
  const gw = await import(join(dir, 'gwlint.js') + '?' + dir);
  gw.initSync({ module: readFileSync(join(dir, 'gwlint_bg.wasm')) });
  gw.loadDictionary(new Uint8Array(readFileSync(join(ROOT, 'data/jieba-dict.bin'))));
  pkgs.push({ dir, gw });
}
const AC_DIR = join(ROOT, 'node_modules/@huacnlee/autocorrect');
const ac = await loadAutocorrect(await import(join(AC_DIR, 'autocorrect_bg.js')), readFileSync(join(AC_DIR, 'autocorrect_bg.wasm')));
const text = readFileSync(join(ROOT, 'target/bench', `${TEXT}.txt`), 'utf8');
const cats = [...new Set(pkgs[0].gw.rules().map((r) => r.category))];
const off = { rules: Object.fromEntries(cats.map((c) => [c, 'off'])) };
const dc = { rules: { ...off.rules, [RULE]: 'warning' } };
for (const p of pkgs) {
  const a = JSON.stringify(p.gw.analyze(text, dc)), b = JSON.stringify(pkgs[0].gw.analyze(text, dc));
  if (a !== b) throw new Error('the builds disagree on the result');
}
const N = +(process.env.N || 60);
const S = {};
for (const p of pkgs) for (const k of ['coldDC', 'coldOff', 'warmDC', 'warmOff']) S[p.dir + ' ' + k] = [];
for (let i = 0; i < 20; i++) for (const p of pkgs) { p.gw.analyze(text, dc); ac.lintFor(text, 'text'); }
for (let r = 0; r < N; r++) {
  const order = r % 2 ? [...pkgs].reverse() : pkgs;
  for (const p of order) for (const [k, cfg] of [['DC', dc], ['Off', off]]) {
    gc(); ac.lintFor(text, 'text');
    let t = performance.now(); p.gw.analyze(text, cfg); S[p.dir + ' cold' + k].push(performance.now() - t);
    gc(); t = performance.now(); p.gw.analyze(text, cfg); S[p.dir + ' warm' + k].push(performance.now() - t);
  }
}
const st = (a) => { const s = [...a].sort((x, y) => x - y); return [s[0], s[s.length >> 2], s[s.length >> 1]]; };
console.log(`${RULE} on ${TEXT}, real-time priority: ${rt}, N=${N}`);
for (const p of pkgs) {
  const f = (k) => st(S[p.dir + ' ' + k]);
  const [cd, co, wd, wo] = ['coldDC', 'coldOff', 'warmDC', 'warmOff'].map(f);
  const d = (a, b) => a.map((x, i) => (x - b[i]).toFixed(3)).join(' / ');
  console.log(`${p.dir.padEnd(28)} cold rule cost min/p25/med ${d(cd, co)}  | warm ${d(wd, wo)}  | cold with rule ${cd.map((x) => x.toFixed(2)).join('/')}, all off ${co.map((x) => x.toFixed(2)).join('/')}`);
}
