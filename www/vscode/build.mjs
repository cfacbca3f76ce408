// Builds the VS Code extension into www/vscode/out/: the manifest (package.json
// with the rule list filled in from the wasm's registry), both bundles
// (Node extension host and VS Code for the web), the wasm and the README.
// `node www/vscode/build.mjs --vsix` then packages out/ with @vscode/vsce.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initSync, rules } from '../../pkg/gwlint.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const out = join(here, 'out');
const wasm = await readFile(join(root, 'pkg/gwlint_bg.wasm'));
initSync({ module: wasm });

await rm(out, { recursive: true, force: true });
await mkdir(join(out, 'dist'), { recursive: true });

const common = {
  entryPoints: [join(here, 'src/extension.js')],
  bundle: true,
  format: 'cjs',
  external: ['vscode'],
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
  // The glue's default wasm URL (import.meta.url) is never used: the
  // extension passes the wasm bytes it read through workspace.fs.
  define: { 'import.meta.url': '"file:///gwlint/"' },
};
await build({ ...common, platform: 'node', target: 'node18', outfile: join(out, 'dist/extension.js') });
await build({ ...common, platform: 'browser', target: 'es2022', outfile: join(out, 'dist/web.js') });
await copyFile(join(root, 'pkg/gwlint_bg.wasm'), join(out, 'dist/gwlint_bg.wasm'));
await copyFile(join(root, 'data/jieba-dict.bin'), join(out, 'dist/gwlint-dict.bin'));

// The manifest: every rule and category becomes a documented key of gwlint.rules.
const manifest = JSON.parse(await readFile(join(here, 'package.json'), 'utf8'));
delete manifest.private;
delete manifest.type; // the bundles are CommonJS
const levels = { type: 'string', enum: ['off', 'info', 'warning', 'error'], enumDescriptions: ['关闭', '提示', '警告', '错误'] };
const props = {};
const list = rules();
for (const r of list) {
  if (!props[r.category]) props[r.category] = { ...levels, description: `整个类别：${r.categoryLabel}` };
}
for (const r of list) props[r.id] = { ...levels, description: `${r.title}（默认：${{ error: '错误', warning: '警告', info: '提示' }[r.severity]}）` };
manifest.contributes.configuration.properties['gwlint.rules'].properties = props;
await writeFile(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
await copyFile(join(here, 'README.md'), join(out, 'README.md'));
await writeFile(join(out, '.vscodeignore'), '**/*.map\n');
console.log('www/vscode/out/ ready');

if (process.argv.includes('--vsix')) {
  const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
  const file = join(root, 'dist-ext', `gwlint-${manifest.version}.vsix`);
  await mkdir(dirname(file), { recursive: true });
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', file], { cwd: out, stdio: 'inherit' });
  console.log(`VSIX: ${file}`);
}
