// Builds the static site into dist/ (run after wasm-bindgen has written pkg/;
// the Makefile does both):
//   dist/index.html (boot.js inline in its head: the first script, it starts
//   the checker and its first check while the page is still being parsed;
//   allowed by its sha256 hash in the CSP), style.css, app.js (the page: main.js, CodeMirror) + chunks
//   loaded on first use (the .docx reader, exports, the settings dialog),
//   worker.js (the checker's Web Worker), gwlint_bg.wasm (fetched and compiled
//   by the worker)
//   dist/gwlint-offline.html: the same page as ONE self-contained file for
//   file:// (USB sticks, shared folders): script and styles inline (allowed by
//   their sha256 hashes in its CSP), the worker's code and the wasm embedded as
//   base64 data blocks; the page starts the worker from a blob: URL and the wasm
//   with initSync (see www/src/checker.js).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
const out = join(root, 'dist');
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const common = {
  bundle: true,
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
  loader: { '.css': 'text' },
  // The wasm-bindgen glue's default wasm URL uses import.meta.url; we always
  // pass the wasm explicitly, so an empty import.meta in the worker is fine.
  logOverride: { 'empty-import-meta': 'silent' },
};

// The worker: a classic script (iife), so it also runs from a blob: URL.
const worker = await build({ ...common, entryPoints: [join(www, 'src/worker.js')], format: 'iife', write: false, outfile: 'worker.js' });
const workerJs = worker.outputFiles[0].text;
await writeFile(join(out, 'worker.js'), workerJs);

// boot.js: a classic script with nothing to import, inline at the top of the
// head (before the stylesheet, which would hold it back), so the worker starts
// while the HTML is parsed, before any other file has arrived. dist/boot.js is
// the same code, for size reports.
const boot = await build({ ...common, entryPoints: [join(www, 'src/boot.js')], format: 'iife', write: false, outfile: 'boot.js' });
const bootJs = boot.outputFiles[0].text;
await writeFile(join(out, 'boot.js'), bootJs);
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

// The site: ES modules, what is loaded on first use split off.
const site = await build({
  ...common,
  entryPoints: { app: join(www, 'src/main.js') },
  format: 'esm',
  splitting: true,
  sourcemap: true,
  outdir: out,
  chunkNames: 'chunk-[hash]',
  metafile: true,
});
const html = await readFile(join(www, 'index.html'), 'utf8');
const marker = (name) => new RegExp(`<!-- ${name} -->[\\s\\S]*?<!-- /${name} -->`);
const appMeta = Object.entries(site.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith('src/main.js'))[1];
// The chunks app.js imports statically (code it shares with the lazy chunks)
// are merged into app.js, so the page needs one request, not four, before the
// first underline (HTTP/1.1's 6 connections per host otherwise hold back the
// worker's wasm download). esbuild has no manualChunks, so a second pass
// bundles app.js with them and re-exports their exports under prefixed
// names; each merged chunk's file becomes a one-line shim re-exporting those
// names from app.js, for the lazy chunks that import it (same module instance:
// one CodeMirror).
const merged = appMeta.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path.split('/').pop());
if (merged.length > 10) throw new Error('app.js: more than 10 static chunks to merge');
if (merged.length) {
  const exportsOf = (f) => site.metafile.outputs[Object.keys(site.metafile.outputs).find((p) => p.endsWith('/' + f))].exports;
  const entry = ["import './app.js';", ...merged.map((f, n) => `export { ${exportsOf(f).map((e) => `${e} as $${n}${e}`).join(', ')} } from './${f}';`)].join('\n');
  const pass2 = await build({
    ...common,
    stdin: { contents: entry, resolveDir: out, sourcefile: 'app-merged.js' },
    format: 'esm',
    sourcemap: true,
    write: false,
    outfile: join(out, 'app.js'),
    plugins: [{ name: 'lazy-chunks-external', setup(b) {
      b.onResolve({ filter: /^\.\/chunk-[\w-]+\.js$/ }, (a) => (merged.includes(a.path.slice(2)) ? undefined : { path: a.path, external: true }));
    } }],
  });
  for (const f of pass2.outputFiles) await writeFile(f.path, f.text);
  for (const [n, f] of merged.entries()) {
    await writeFile(join(out, f), `export{${exportsOf(f).map((e) => `$${n}${e} as ${e}`).join(',')}}from"./app.js";\n`);
    await rm(join(out, f + '.map'), { force: true });
  }
}
// V8 compiles a function lazily, on the main thread, when it is first called,
// unless told otherwise: nearly all of app.js runs before the first underline
// (CodeMirror's set-up, the editor, the page), so this comment on its first
// line (Chromium 136+, "explicit compile hints") has V8 compile every function
// while it parses the file off the main thread as it downloads (traces: ~20 ms
// less main-thread time before the first underline; bench/HISTORY.md). The
// source map's lines move down by one.
const HINT = '//# allFunctionsCalledOnLoad\n';
const appFile = join(out, 'app.js');
await writeFile(appFile, HINT + (await readFile(appFile, 'utf8')));
const appMap = JSON.parse(await readFile(appFile + '.map', 'utf8'));
appMap.mappings = ';' + appMap.mappings;
await writeFile(appFile + '.map', JSON.stringify(appMap));
// The editor's rest (editor-extras.js and its chunks) is not preloaded: it is
// imported right after the first underlines, and fetching and parsing its
// ~85 KB during start-up competed with app.js and the worker for the two
// cores (bench/HISTORY.md).
if (/<\/script/i.test(bootJs)) throw new Error('boot.js contains </script');
// The worker's code is embedded too (base64, as in the single file): boot.js
// starts it from a blob: URL with no request to wait for (see checker.js).
const workerBlock = `<script type="application/octet-stream" id="gw-worker">${Buffer.from(workerJs).toString('base64')}</script>`;
const siteHtml = html
  .replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self')/, (m) => `${m} ${sha(bootJs)}`)
  .replace("worker-src 'self'", "worker-src 'self' blob:")
  .replace('<link rel="stylesheet" href="style.css">', () => [workerBlock, `<script>${bootJs}</script>`, '<link rel="stylesheet" href="style.css">'].join('\n'));
if (!siteHtml.includes(sha(bootJs)) || !siteHtml.includes("worker-src 'self' blob:")) throw new Error('index.html: its CSP lacks script-src or worker-src');
await writeFile(join(out, 'index.html'), siteHtml);
await copyFile(join(www, 'style.css'), join(out, 'style.css'));
const wasm = await readFile(join(root, 'pkg/gwlint_bg.wasm'));
await writeFile(join(out, 'gwlint_bg.wasm'), wasm);
// Word segmentation's dictionary, loaded by the worker after the first check.
const dict = await readFile(join(root, 'data/jieba-dict.bin'));
await writeFile(join(out, 'gwlint-dict.bin'), dict);

// The single file.
const single = await build({
  ...common,
  entryPoints: [join(www, 'src/main.js')],
  format: 'iife',
  write: false,
  outfile: 'app.js',
  supported: { 'inline-script': false },
});
const appJs = single.outputFiles[0].text;
if (/<\/script/i.test(appJs + bootJs)) throw new Error('an inline script contains </script');
const css = await readFile(join(www, 'style.css'), 'utf8');
const csp = [
  "default-src 'none'",
  `script-src ${sha(bootJs)} ${sha(appJs)} 'wasm-unsafe-eval'`,
  `style-src ${sha(css)}`,
  'worker-src blob:',
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
let one = html
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace('<link rel="stylesheet" href="style.css">', () => `<style>${css}</style>`)
  .replace(marker('script'), () => [
    `<script type="application/octet-stream" id="gw-wasm">${wasm.toString('base64')}</script>`,
    `<script type="application/octet-stream" id="gw-dict">${dict.toString('base64')}</script>`,
    `<script type="application/octet-stream" id="gw-worker">${Buffer.from(workerJs).toString('base64')}</script>`,
    `<script>${bootJs}</script>`,
    `<script>${appJs}</script>`,
  ].join('\n'));
if (!one.includes('id="gw-wasm"') || !one.includes('<style>')) throw new Error('index.html lacks the markers the single file needs');
await writeFile(join(out, 'gwlint-offline.html'), one);
console.log(`dist/ ready (gwlint-offline.html: ${(one.length / 1e6).toFixed(1)} MB)`);
