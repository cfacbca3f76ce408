// End to end: the built page (dist/) in headless Chromium with the real wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch } from './browser.mjs';

let server, browser, page;
const errors = [];

before(async () => {
  server = await serveDist();
  browser = await launch();
  page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the sample report loads and its problems are underlined and listed', async () => {
  await page.waitForSelector('.cm-lintRange-warning', { timeout: 20000 });
  const underlined = await page.$$eval('.cm-lintRange-warning', (els) => els.map((e) => e.textContent));
  assert.ok(underlined.includes('X'), underlined.join('|'));
  assert.ok(underlined.includes('的的'), underlined.join('|'));
  assert.ok(underlined.includes('（三）'), underlined.join('|'));
  const items = await page.$$eval('#findings li.finding', (els) => els.length);
  assert.equal(items, underlined.length);
  assert.match(await page.textContent('#status'), /共 \d+ 处问题/);
});

test('typing a report underlines exactly the slot and lists it', async () => {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('一、总体情况\n全年开展专项检查X次，层层压实责任。\n三、下一步打算\n');
  await page.waitForFunction(() => document.querySelectorAll('.cm-lintRange-warning').length === 2, null, { timeout: 10000 });
  const underlined = await page.$$eval('.cm-lintRange-warning', (els) => els.map((e) => e.textContent));
  assert.deepEqual(underlined, ['X', '三、']);
  const listed = await page.$$eval('#findings li.finding', (els) => els.map((e) => ({
    excerpt: e.querySelector('.excerpt').textContent,
    where: e.querySelector('.where').textContent,
    msg: e.querySelector('.msg').textContent,
  })));
  assert.deepEqual(listed.map((l) => l.excerpt), ['X', '三、']);
  assert.equal(listed[0].where, '第2行第9列');
  assert.match(listed[0].msg, /占位符/);
  assert.match(listed[1].msg, /应为“二、”/);
  // 层层 is a real word: no underline there.
  assert.ok(!underlined.some((u) => u.includes('层')));
});

test('hovering an underline shows the message, and its fix changes the text', async () => {
  await page.hover('.cm-lintRange-warning >> text=三、');
  const tooltip = page.locator('.cm-tooltip-lint');
  await tooltip.waitFor({ timeout: 10000 });
  assert.match(await tooltip.textContent(), /标题序号不连续/);
  await tooltip.locator('.cm-diagnosticAction').first().click();
  await page.waitForFunction(() => window.gwlintView.state.doc.toString().includes('二、下一步打算'), null, { timeout: 10000 });
  await page.waitForFunction(() => document.querySelectorAll('.cm-lintRange-warning').length === 1, null, { timeout: 10000 });
  assert.deepEqual(errors, []);
});
