// Shared by the Chromium extension's test and its screenshot script: the
// unpacked extension (www/chromium/out) in Debian's Chromium, and a local page
// with a textarea and a contenteditable, like an OA system's form.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const EXT = fileURLToPath(new URL('../../www/chromium/out/', import.meta.url));

export const TEST_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>某单位办公系统</title>
<style>
  body { font: 16px/1.6 "WenQuanYi Micro Hei", sans-serif; margin: 24px; background: #f4f6f9; }
  label { display: block; margin: 12px 0 4px; font-weight: bold; }
  textarea, #ce { width: 560px; box-sizing: border-box; padding: 8px; border: 1px solid #99a; background: #fff; font: 16px/1.8 "WenQuanYi Micro Hei", sans-serif; }
  textarea { height: 150px; }
  #ce { min-height: 120px; }
  .spacer { height: 1500px; }
</style></head>
<body>
<h1>工作总结填报</h1>
<label for="ta">正文（文本框）</label>
<textarea id="ta"></textarea>
<label>正文（在线编辑器）</label>
<div id="ce" contenteditable="true"></div>
<div class="spacer"></div>
</body></html>`;

export const REPORT = '一、总体情况\n全年开展专项检查X次，层层压实责任。\n三、下一步打算\n';

/** Launches Chromium with the unpacked extension; returns the context, its worker and a page on the test site. */
export async function launchWithExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'gwlint-ext-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: false, // Playwright's headless flag picks the old mode; pass the new one, which runs extensions
    viewport: { width: 900, height: 700 },
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20000 }));
  return { context, worker, dir };
}

export async function serveTestPage(log = []) {
  const s = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    if (req.url !== '/') {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(TEST_PAGE);
  });
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${s.address().port}/`, close: () => new Promise((r) => s.close(r)) };
}
