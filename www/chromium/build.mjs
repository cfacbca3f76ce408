// Builds the unpacked Chromium extension into www/chromium/out/: the manifest,
// the service worker (which runs the wasm), the content script, the popup and
// the wasm. Load out/ with chrome://extensions → 开发者模式 → 加载已解压的扩展程序.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const out = join(here, 'out');
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const common = { bundle: true, target: 'chrome110', minify: true, logLevel: 'warning', legalComments: 'none' };
await build({ ...common, entryPoints: [join(here, 'src/background.js')], format: 'esm', outfile: join(out, 'background.js') });
await build({ ...common, entryPoints: [join(here, 'src/content.js')], format: 'iife', outfile: join(out, 'content.js') });
await build({ ...common, entryPoints: [join(here, 'src/popup.js')], format: 'esm', outfile: join(out, 'popup.js') });
for (const f of ['manifest.json', 'popup.html', 'popup.css']) await copyFile(join(here, f), join(out, f));
await copyFile(join(root, 'pkg/gwlint_bg.wasm'), join(out, 'gwlint_bg.wasm'));
await copyFile(join(root, 'data/jieba-dict.bin'), join(out, 'gwlint-dict.bin'));
console.log('www/chromium/out/ ready');
