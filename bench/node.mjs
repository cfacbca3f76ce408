// The Node part of `make bench` alone, for iterating on speed: the built
// wasm (pkg/, `make wasm`) and AutoCorrect's lintFor on target/bench/*.txt
// (written by bench/run.mjs), same measurements as BENCHMARKS.md's Node rows.
//
//   node bench/node.mjs [--runs N] [--pkg DIR] [10k 100k 1m]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureTexts, loadAutocorrect } from './measure.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const i = args.indexOf('--runs');
const runs = i < 0 ? 7 : Number(args.splice(i, 2)[1]);
const j = args.indexOf('--pkg');
const PKG = j < 0 ? join(ROOT, 'pkg') : args.splice(j, 2)[1];
const names = args.length ? args : ['10k', '100k', '1m'];
const texts = names.map((name) => ({ name, text: readFileSync(join(ROOT, 'target/bench', `${name}.txt`), 'utf8') }));

const gw = await import(join(PKG, 'gwlint.js'));
gw.initSync({ module: readFileSync(join(PKG, 'gwlint_bg.wasm')) });
const AC_DIR = join(ROOT, 'node_modules/@huacnlee/autocorrect');
const ac = await loadAutocorrect(await import(join(AC_DIR, 'autocorrect_bg.js')), readFileSync(join(AC_DIR, 'autocorrect_bg.wasm')));
const f = (s) => `${s.min.toFixed(2)} / ${s.median.toFixed(2)}`;
console.log('| text | chars | findings | gwlint full | AutoCorrect lintFor | ratio (medians) | one keystroke |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of measureTexts({ gw, ac, texts, runs })) {
  const ratio = r.autocorrect.median / r.gwlint.median;
  console.log(`| ${r.name} | ${r.chars} | ${r.findings} | ${f(r.gwlint)} | ${f(r.autocorrect)} | ${ratio.toFixed(1)}x | ${f(r.keystroke)} |`);
}
