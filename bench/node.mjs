// The Node part of `make bench` alone, for iterating on speed: the built
// wasm (pkg/, `make wasm`) and AutoCorrect's lintFor on target/bench/*.txt
// (written by bench/run.mjs), same measurements as BENCHMARKS.md's Node rows.
//
//   node bench/node.mjs [--runs N] [--pkg DIR] [--no-rt] [--no-dict] [10k 100k 1m]
//
// Like bench/run.mjs: real-time priority when allowed (--no-rt: not), a
// forced GC before every sample, the dictionary loaded (--no-dict: not).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureTexts, loadAutocorrect } from './measure.mjs';
import { exposeGc, realtime } from './env.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const i = args.indexOf('--runs');
const runs = i < 0 ? 21 : Number(args.splice(i, 2)[1]);
const j = args.indexOf('--pkg');
const PKG = j < 0 ? join(ROOT, 'pkg') : resolve(args.splice(j, 2)[1]);
const rt = realtime(args);
const noDict = args.includes('--no-dict');
const names = args.filter((a) => !a.startsWith('--'));
if (!names.length) names.push('10k', '100k', '1m');
const texts = names.map((name) => ({ name, text: readFileSync(join(ROOT, 'target/bench', `${name}.txt`), 'utf8') }));

const gw = await import(join(PKG, 'gwlint.js'));
gw.initSync({ module: readFileSync(join(PKG, 'gwlint_bg.wasm')) });
if (!noDict) gw.loadDictionary(new Uint8Array(readFileSync(join(ROOT, 'data/jieba-dict.bin'))));
const AC_DIR = join(ROOT, 'node_modules/@huacnlee/autocorrect');
const ac = await loadAutocorrect(await import(join(AC_DIR, 'autocorrect_bg.js')), readFileSync(join(AC_DIR, 'autocorrect_bg.wasm')));
const gc = exposeGc();
console.log(`${runs} rounds (each side twice in a row per round), forced GC before each sample, ${rt ? 'real-time priority' : 'normal priority'}, dictionary ${noDict ? 'not loaded' : 'loaded'}`);
const f = (s) => `${s.min.toFixed(2)} / ${s.median.toFixed(2)}`;
console.log('gwlint and AutoCorrect: warm (right after a call of the same side) | right after the other engine\'s call');
console.log('| text | chars | findings | gwlint full | AutoCorrect lintFor | ratio (mins / medians) | after the other: gwlint | AutoCorrect | ratio | one keystroke |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of measureTexts({ gw, ac, texts, runs, gc })) {
  const ratio = (a, g, k) => (a[k] / g[k]).toFixed(1);
  const both = (a, g) => `${ratio(a, g, 'min')}x / ${ratio(a, g, 'median')}x`;
  console.log(`| ${r.name} | ${r.chars} | ${r.findings} | ${f(r.gwlint)} | ${f(r.autocorrect)} | ${both(r.autocorrect, r.gwlint)} | ${f(r.gwlintAfterOther)} | ${f(r.autocorrectAfterOther)} | ${both(r.autocorrectAfterOther, r.gwlintAfterOther)} | ${f(r.keystroke)} |`);
}
