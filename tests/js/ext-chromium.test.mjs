// The Chromium extension (www/chromium/out, built by `make ext`), unpacked in
// Debian's Chromium (new headless mode, which runs extensions), on a local page
// with a textarea and a contenteditable: underlines where the findings are,
// following scroll and resize; the tooltip's fix changes the field; the popup's
// settings apply to the page; and nothing is sent anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXT, REPORT, launchWithExtension, serveTestPage } from './ext-chromium-harness.mjs';
const manifest = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));

let server, ctx, page, sw, profile;
const requests = [];

before(async () => {
  server = await serveTestPage(requests);
  ({ context: ctx, worker: sw, dir: profile } = await launchWithExtension());
  page = await ctx.newPage();
  await page.goto(server.url);
});

after(async () => {
  await ctx?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** The underlines drawn for one field: rule, finding start and client rect. */
const marks = (field) => page.evaluate((sel) => {
  const f = document.querySelector(sel).getBoundingClientRect();
  const root = document.querySelector('gwlint-overlay').shadowRoot;
  return [...root.querySelectorAll('.mark')].map((m) => ({ rule: m.dataset.rule, start: Number(m.dataset.start), r: m.getBoundingClientRect().toJSON() }))
    .filter((m) => m.r.top >= f.top - 2 && m.r.bottom <= f.bottom + 2 && m.r.left >= f.left - 2 && m.r.right <= f.right + 2);
}, field);

const waitMarks = (field, n) => page.waitForFunction(([sel, want]) => {
  const f = document.querySelector(sel).getBoundingClientRect();
  const root = document.querySelector('gwlint-overlay')?.shadowRoot;
  if (!root) return false;
  const got = [...root.querySelectorAll('.mark')].filter((m) => {
    const r = m.getBoundingClientRect();
    return r.top >= f.top - 2 && r.bottom <= f.bottom + 2 && r.width > 0;
  });
  return got.length === want;
}, [field, n], { timeout: 15000 });

/** Clicking just above the middle of a textarea underline puts the caret at its finding. */
async function caretAt(mark) {
  await page.mouse.click(mark.r.left + mark.r.width / 2, mark.r.top - 10);
  return page.evaluate(() => document.getElementById('ta').selectionStart);
}

test('the manifest asks for storage only: no host permissions, no network, wasm allowed in extension pages only', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions, ['storage']);
  for (const k of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'externally_connectable', 'web_accessible_resources']) {
    assert.equal(manifest[k], undefined, k);
  }
  const [cs] = manifest.content_scripts;
  assert.deepEqual(cs.matches, ['http://*/*', 'https://*/*']);
  const csp = manifest.content_security_policy.extension_pages;
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(csp, /connect-src 'self'(;|$)/);
  assert.equal(manifest.background.service_worker, 'background.js');
  // The content script carries no checker and no network calls.
  const content = readFileSync(join(EXT, 'content.js'), 'utf8');
  for (const word of ['WebAssembly', 'fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource']) assert.ok(!content.includes(word), word);
});

test('typing a report in a textarea underlines the slot and the skipped heading, at their characters', async () => {
  await page.click('#ta');
  await page.keyboard.type(REPORT);
  await waitMarks('#ta', 2);
  const got = await marks('#ta');
  assert.deepEqual(got.map((m) => [m.rule, REPORT.slice(m.start, m.start + 2)]), [
    ['placeholder/x-slot', 'X次'],
    ['structure/heading-sequence', '三、'],
  ]);
  // Independent of the overlay's own measuring: the caret lands on the character under the underline.
  const x = REPORT.indexOf('X');
  assert.ok([x, x + 1].includes(await caretAt(got[0])), 'caret at X');
  const h = REPORT.indexOf('三');
  assert.ok([h, h + 1, h + 2].includes(await caretAt(got[1])), 'caret at 三、');
  assert.equal(await page.getAttribute('#ta', 'data-gwlint-count'), '2');
});

test('the tooltip shows the message and its fix changes the textarea', async () => {
  const [, heading] = await marks('#ta');
  await page.mouse.move(heading.r.left + heading.r.width / 2, heading.r.top - 1);
  const tip = page.locator('gwlint-overlay .tip');
  await tip.waitFor({ timeout: 10000 });
  assert.match(await tip.textContent(), /标题序号不连续/);
  assert.match(await tip.textContent(), /structure\/heading-sequence/);
  await tip.locator('button', { hasText: '改为“二、”' }).click();
  await page.waitForFunction(() => document.getElementById('ta').value.includes('二、下一步打算'), null, { timeout: 10000 });
  await waitMarks('#ta', 1);
  assert.equal(await page.inputValue('#ta'), REPORT.replace('三、', '二、'));
});

test('underlines follow scrolling of the field and the page, and resizing', async (t) => {
  t.after(() => page.evaluate(() => { window.scrollTo(0, 0); document.getElementById('ta').style.width = ''; }));
  const line = '全面落实各项工作要求，推动工作取得实效。\n';
  const long = '一、总体情况\n' + line.repeat(4) + '全年开展专项检查X次。\n' + line.repeat(6);
  await page.fill('#ta', long);
  await page.evaluate(() => { document.getElementById('ta').scrollTop = 100; });
  await page.dispatchEvent('#ta', 'input');
  await waitMarks('#ta', 1);
  const [before] = await marks('#ta');
  const x = long.indexOf('X');
  assert.ok([x, x + 1].includes(await caretAt(before)), 'caret at X in the scrolled textarea');
  await page.evaluate(() => { document.getElementById('ta').scrollTop = 60; });
  await page.waitForFunction((top) => {
    const m = document.querySelector('gwlint-overlay').shadowRoot.querySelector('.mark');
    return m && Math.abs(m.getBoundingClientRect().top - (top + 40)) < 1.5;
  }, before.r.top, { timeout: 5000 });
  const [scrolled] = await marks('#ta');
  assert.ok([x, x + 1].includes(await caretAt(scrolled)), 'caret at X after scrolling the textarea');

  await page.evaluate(() => window.scrollBy(0, 40));
  await page.waitForFunction((top) => {
    const m = document.querySelector('gwlint-overlay').shadowRoot.querySelector('.mark');
    return m && Math.abs(m.getBoundingClientRect().top - (top - 40)) < 1.5;
  }, scrolled.r.top, { timeout: 5000 });

  // Narrowing the field rewraps the line: the slot moves to the next visual line.
  await page.evaluate(() => window.scrollTo(0, 0));
  const short = '全年开展专项检查X次。';
  await page.fill('#ta', short);
  await page.dispatchEvent('#ta', 'input');
  await waitMarks('#ta', 1);
  const [wide] = await marks('#ta');
  await page.evaluate(() => { document.getElementById('ta').style.width = '130px'; });
  await page.waitForFunction(({ left, top }) => {
    const m = document.querySelector('gwlint-overlay').shadowRoot.querySelector('.mark');
    const r = m?.getBoundingClientRect();
    return r && r.left < left - 20 && r.top > top + 10;
  }, wide.r, { timeout: 5000 });
  const [resized] = await marks('#ta');
  assert.ok([8, 9].includes(await caretAt(resized)), 'caret at X after resizing');
});

test('a contenteditable field: underlines at the words, and a fix from the tooltip edits it', async () => {
  await page.click('#ce');
  await page.keyboard.type('一、总体情况');
  await page.keyboard.press('Enter');
  await page.keyboard.type('《县县本级办法》已印发，组织学习X次。');
  await waitMarks('#ce', 2);
  const got = await marks('#ce');
  assert.deepEqual(got.map((m) => m.rule), ['consistency/doubled-char', 'placeholder/x-slot']);
  const under = await page.evaluate((ms) => ms.map((m) => {
    const r = document.caretRangeFromPoint(m.r.left + 2, m.r.top - 8);
    return r.startContainer.data.slice(r.startOffset, r.startOffset + 1);
  }), got);
  assert.deepEqual(under, ['县', 'X']);
  await page.mouse.move(got[0].r.left + got[0].r.width / 2, got[0].r.top - 1);
  const tip = page.locator('gwlint-overlay .tip');
  await tip.waitFor({ timeout: 10000 });
  assert.match(await tip.textContent(), /重复/);
  await tip.locator('button.fix').first().click();
  await page.waitForFunction(() => document.getElementById('ce').innerText.includes('《县本级办法》'), null, { timeout: 10000 });
  await waitMarks('#ce', 1);
  assert.match(await page.innerText('#ce'), /^一、总体情况\n《县本级办法》已印发，组织学习X次。/);
});

test('the popup turns a rule off and the site off, and the page follows', async () => {
  // Opened as a background tab, the popup sees the test page as the active tab.
  const opened = ctx.waitForEvent('page');
  await sw.evaluate(() => chrome.tabs.create({ url: chrome.runtime.getURL('popup.html'), active: false }));
  const popup = await opened;
  await popup.waitForSelector('select[data-rule="placeholder/x-slot"]');
  assert.match(await popup.textContent('#site-label'), /127\.0\.0\.1/);
  assert.match(await popup.textContent('#site-status'), /本页发现 \d+ 处问题/);

  await popup.selectOption('select[data-rule="placeholder/x-slot"]', 'off');
  await waitMarks('#ce', 0);
  await popup.selectOption('select[data-rule="placeholder/x-slot"]', '');
  await waitMarks('#ce', 1);

  await popup.fill('#allow', '组织学习X次');
  await popup.dispatchEvent('#allow', 'change');
  await waitMarks('#ce', 0);
  await popup.fill('#allow', '');
  await popup.dispatchEvent('#allow', 'change');
  await waitMarks('#ce', 1);

  await popup.uncheck('#site-on');
  await page.waitForFunction(() => document.querySelector('gwlint-overlay').shadowRoot.querySelectorAll('.mark').length === 0, null, { timeout: 10000 });
  assert.deepEqual(await sw.evaluate(() => chrome.storage.local.get('disabledSites')), { disabledSites: ['127.0.0.1'] });
  await popup.check('#site-on');
  await page.click('#ce');
  await waitMarks('#ce', 1);
  await popup.close();
});

test('nothing is sent: the worker cannot reach the network, and the page server saw only the page', async () => {
  const blocked = await sw.evaluate((url) => fetch(url + 'leak').then(() => 'sent', (e) => `blocked: ${e}`), server.url);
  assert.match(blocked, /^blocked/);
  assert.deepEqual(requests.filter((r) => r !== 'GET /' && r !== 'GET /favicon.ico'), []);
});
