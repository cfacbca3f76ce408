// Shared by the VS Code end-to-end test and the README screenshot script:
// code-server with the packaged .vsix installed, and opening a file in it.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CODE_SERVER = process.env.CODE_SERVER ?? join(ROOT, '.cache/code-server/node_modules/.bin/code-server');
export const VSIX = join(ROOT, 'dist-ext/gwlint-0.1.0.vsix');

export const REPORT = '一、总体情况\n𠀀𠀁😀全年开展专项检查X次，层层压实责任。\n三、下一步打算\n';

const freePort = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

/** Starts code-server with the .vsix installed; `web` forces the web-worker entry. */
export async function startCodeServer({ web = false, file = 'report.txt', text = REPORT } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gwlint-cs-'));
  const [data, exts, ws] = ['data', 'exts', 'ws'].map((d) => join(dir, d));
  for (const d of [data, exts, ws]) mkdirSync(d, { recursive: true });
  writeFileSync(join(ws, file), text);
  const settings = { 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'editor.hover.delay': 100, 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false };
  if (web) settings['remote.extensionKind'] = { 'gwlint.gwlint': ['web'] };
  mkdirSync(join(data, 'User'), { recursive: true });
  writeFileSync(join(data, 'User/settings.json'), JSON.stringify(settings));
  writeFileSync(join(dir, 'config.yaml'), 'auth: none\n');
  const common = ['--config', join(dir, 'config.yaml'), '--user-data-dir', data, '--extensions-dir', exts];
  execFileSync(CODE_SERVER, [...common, '--install-extension', VSIX], { stdio: 'pipe', timeout: 120000 });
  const port = await freePort();
  const proc = spawn(CODE_SERVER, [...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ws], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  for (let i = 0; i < 600 && !/HTTP server listening/.test(log); i++) await new Promise((r) => setTimeout(r, 100));
  if (!/HTTP server listening/.test(log)) throw new Error(`code-server did not start:\n${log}`);
  return {
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`,
    log: () => log,
    stop: async () => {
      proc.kill();
      await new Promise((r) => proc.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens report.txt in the workbench and waits for gwlint's squiggles. */
export async function openReport(page, url, file = 'report.txt') {
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.locator('.monaco-list-row', { hasText: file }).first().click({ timeout: 60000 });
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
  await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60000 });
}

