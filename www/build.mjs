// Builds the static site into dist/: the bundled page, its styles and the wasm.
// Run after wasm-bindgen has written pkg/ (the Makefile does both).
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(root, 'www/src/main.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  outfile: join(out, 'app.js'),
  logLevel: 'warning',
});
for (const f of ['index.html', 'style.css']) await copyFile(join(root, 'www', f), join(out, f));
await copyFile(join(root, 'pkg/gwlint_bg.wasm'), join(out, 'gwlint_bg.wasm'));
console.log('dist/ ready');
