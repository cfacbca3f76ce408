// End to end: a checker failure is visible and recovered from, and a huge
// paste is checked only in its first part (the page stays usable).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, settled, setText, docText, underlines } from './page-helpers.mjs';

let server, browser, context, page, log;

before(async () => {
  server = await serveDist();
  browser = await launch();
  context = await browser.newContext();
  ({ page, log } = await openPage(context, server.url));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('when the checker worker dies, the page says so, keeps the text and starts a new worker', async () => {
  await setText(page, '全年检查X次。\n');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.engine), 'worker');
  // A wasm trap or an out-of-memory kills the worker: it fires "error" and never answers.
  await page.evaluate(() => {
    const w = window.gwlint.checker.worker;
    w.terminate();
    w.dispatchEvent(new ErrorEvent('error', { message: 'RuntimeError: unreachable' }));
  });
  const status = page.locator('#status');
  await page.waitForFunction(() => /检查出错/.test(document.getElementById('status').textContent));
  assert.match(await status.textContent(), /unreachable/);
  assert.doesNotMatch(await status.textContent(), /未发现问题/);
  assert.equal(await docText(page), '全年检查X次。\n');
  await page.waitForFunction(() => window.gwlint.restarts === 1);
  // The next edit is checked by the new worker.
  await page.click('.cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('走访X户。');
  await settled(page);
  assert.deepEqual((await underlines(page)).map(([t]) => t), ['X', 'X']);
  assert.doesNotMatch(await status.textContent(), /检查出错/);
  assert.deepEqual(log.errors, []);
});

test('a 10 MB paste: only the first million characters are checked, and the page says so', async () => {
  const para = '全年开展专项检查X次，层层压实责任，推动工作落实见效。\n';
  const big = para.repeat(Math.ceil((10 << 20) / 3 / para.length));
  await page.evaluate((t) => {
    const v = window.gwlint.view;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: t } });
  }, big);
  await settled(page);
  assert.match(await page.locator('#status').textContent(), /只检查了前 100 万字/);
  assert.equal((await docText(page)).length, big.length);
  // The editor still takes input.
  await page.click('.cm-content');
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('标题');
  assert.ok((await docText(page)).startsWith('标题'));
});
