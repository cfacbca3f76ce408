// End to end: nothing lost. The draft autosaves and comes back after a reload
// or a closed tab; "new document" asks first; recent drafts reopen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, settled, docText, underlines } from './page-helpers.mjs';

let server, browser, context, page;

before(async () => {
  server = await serveDist();
  browser = await launch();
  context = await browser.newContext();
  ({ page } = await openPage(context, server.url));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function typeFresh(text) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  await settled(page);
}

test('the first visit shows the sample report', async () => {
  assert.match(await docText(page), /述责述廉报告/);
});

test('the draft survives a reload, and a closed tab, with its ignored findings', async () => {
  await typeFresh('关于全县安全生产工作的报告\n全年检查企业X家，走访X户。\n');
  // Ignore the second slot, then reload straight away.
  await page.hover('.cm-lintRange >> nth=1');
  await page.locator('.cm-tooltip-hover button.gw-ignore').click();
  await page.reload();
  await settled(page);
  assert.equal(await docText(page), '关于全县安全生产工作的报告\n全年检查企业X家，走访X户。\n');
  assert.equal((await underlines(page)).length, 1);
  // Type, close the tab without any goodbye, open a new one.
  await page.click('.cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('下一步，继续加强监管。');
  await page.close({ runBeforeUnload: false });
  ({ page } = await openPage(context, server.url));
  assert.match(await docText(page), /下一步，继续加强监管。$/);
});

test('the draft survives a crashed tab: it is saved while typing', async () => {
  await page.click('.cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('（完）');
  // Autosave needs no goodbye from the page: wait until storage has the text, then crash the renderer.
  await page.waitForFunction(() => localStorage.getItem(`gwlint.draft.${JSON.parse(localStorage.getItem('gwlint.current.v1'))}`)?.includes('（完）'));
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  cdp.send('Page.crash').catch(() => {});
  await crashed;
  ({ page } = await openPage(context, server.url));
  assert.match(await docText(page), /（完）$/);
});

test('"new document" asks first; cancelling keeps the text', async () => {
  const before = await docText(page);
  await page.click('#btn-new');
  const dlg = page.locator('dialog.confirm-new');
  await dlg.waitFor();
  assert.match(await dlg.textContent(), /最近草稿/);
  await dlg.locator('button', { hasText: '取消' }).click();
  assert.equal(await docText(page), before);
  await page.click('#btn-new');
  await page.locator('dialog.confirm-new button', { hasText: '新建' }).click();
  // The dialog's close event (and so the new document) comes a moment after the click.
  await page.waitForFunction(() => window.gwlint.view.state.doc.length === 0);
  await settled(page);
  assert.equal(await docText(page), '');
  await typeFresh('第二份草稿：县县本级工作要点\n');
});

test('recent drafts list the last documents and reopen them', async () => {
  await page.click('#btn-recent');
  const dlg = page.locator('dialog.recent');
  await dlg.waitFor();
  const titles = await dlg.locator('button.open-draft').allTextContents();
  assert.deepEqual(titles, ['第二份草稿：县县本级工作要点', '关于全县安全生产工作的报告']);
  await dlg.locator('button.open-draft', { hasText: '关于全县安全生产工作的报告' }).click();
  await settled(page);
  assert.match(await docText(page), /^关于全县安全生产工作的报告\n/);
  // The undo history does not reach into the other draft.
  await page.click('.cm-content');
  await page.keyboard.press('Control+z');
  assert.match(await docText(page), /^关于全县安全生产工作的报告\n/);
  await page.reload();
  await settled(page);
  assert.match(await docText(page), /^关于全县安全生产工作的报告\n/, 'the reopened draft is the current one after a reload');
});
