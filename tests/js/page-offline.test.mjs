// End to end: offline and private. The page asks nothing of any other origin,
// checking makes no request at all, the CSP blocks injected inline script, and
// the single-file build works from file:// with no server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { serveDist, launch, openPage, settled, underlines, cspViolations, DIST } from './page-helpers.mjs';

let server, browser;

before(async () => {
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function typeAndCheck(page) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('一、总体情况\n全年检查X次，县县本级。\n三、下一步\n');
  await settled(page);
  assert.deepEqual((await underlines(page)).map(([t]) => t), ['X', '县县', '三、']);
}

test('after load no request leaves the page\'s origin, and checking makes none at all', async () => {
  const context = await browser.newContext();
  const { page, log } = await openPage(context, server.url);
  const origin = new URL(server.url).origin;
  assert.ok(log.requests.length > 0);
  for (const u of log.requests) assert.equal(new URL(u).origin, origin, u);
  const seen = log.requests.length;
  await typeAndCheck(page);
  assert.deepEqual(log.requests.slice(seen), []);
  // Open a card and the settings too: at most the page's own code for the
  // dialog (loaded on first use) is fetched, from the page's origin.
  await page.hover('.cm-lintRange >> text=X');
  await page.locator('.cm-tooltip-hover .gw-card').waitFor();
  await page.click('#btn-settings');
  await page.locator('dialog.settings-dialog button.primary').click();
  for (const u of log.requests.slice(seen)) assert.match(u, new RegExp(`^${origin}/chunk-[\\w-]+\\.js$`));
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the CSP blocks an inline script injected into the page', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context, server.url);
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    const img = document.createElement('img');
    img.src = 'https://example.invalid/beacon.png';
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 100));
    return window.__inlineRan === true;
  });
  assert.equal(ran, false);
  const v = await cspViolations(page);
  assert.ok(v.some((x) => x.startsWith('script-src')), v.join('\n'));
  assert.ok(v.some((x) => x.startsWith('img-src')), v.join('\n'));
  await context.close();
});

test('the single HTML file works from file:// with no server: underlines, worker, no requests', async () => {
  const context = await browser.newContext();
  const url = pathToFileURL(join(DIST, 'gwlint-offline.html')).href;
  const { page, log } = await openPage(context, url);
  assert.match(await page.textContent('#status'), /共 \d+ 处问题/);
  assert.ok((await underlines(page)).length > 0);
  assert.equal(await page.getAttribute('html', 'data-engine'), 'worker');
  await typeAndCheck(page);
  assert.deepEqual(log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  // Its CSP (script and styles allowed by hash only) blocks injected inline script too.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return window.__inlineRan === true;
  });
  assert.equal(ran, false);
  assert.ok((await cspViolations(page)).every((x) => x.startsWith('script-src')), (await cspViolations(page)).join('\n'));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('where no worker can start, the page checks on the main thread instead', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.Worker = class { constructor() { throw new DOMException('blocked by policy', 'SecurityError'); } };
  });
  const url = pathToFileURL(join(DIST, 'gwlint-offline.html')).href;
  const { page, log } = await openPage(context, url);
  assert.equal(await page.getAttribute('html', 'data-engine'), 'main');
  await typeAndCheck(page);
  assert.deepEqual(log.errors, []);
  await context.close();
});
