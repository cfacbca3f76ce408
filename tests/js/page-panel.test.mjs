// End to end: the side panel (groups, sorting, jumping, summary, placeholder
// checklist, outline) and bulk safe fixes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, settled, setText, docText, underlines } from './page-helpers.mjs';

let server, browser, page;
const TEXT = '一、总体情况\n全年开展专项检查X次，县县本级召开会议XX次。\n三、下一步打算\n';

before(async () => {
  server = await serveDist();
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  ({ page } = await openPage(context, server.url));
  await setText(page, TEXT);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const cursor = () => page.evaluate(() => window.gwlint.view.state.selection.main.head);

test('findings are grouped by category with counts, and the summary line counts by severity', async () => {
  const groups = await page.$$eval('#findings section.group', (els) => els.map((g) => [g.dataset.category, g.querySelector('.group-label').textContent, g.querySelector('.group-count').textContent, g.querySelectorAll('li.finding').length]));
  assert.deepEqual(groups, [
    ['structure', '结构', '1', 1],
    ['placeholder', '占位符', '2', 2],
    ['consistency', '一致性', '1', 1],
  ]);
  const summary = await page.textContent('#summary');
  assert.match(summary, new RegExp(`全文 ${[...TEXT].length} 字`));
  assert.match(summary, /错误 0/);
  assert.match(summary, /警告 4/);
  assert.match(await page.textContent('#tab-findings'), /问题（4）/);
});

test('sorting by position lists the findings in document order', async () => {
  await page.selectOption('#sort', 'position');
  assert.deepEqual(await page.$$eval('#findings li.finding .excerpt', (els) => els.map((e) => e.textContent)), ['X', '县县', 'XX', '三、']);
  await page.selectOption('#sort', 'category');
  assert.deepEqual(await page.$$eval('#findings li.finding .excerpt', (els) => els.map((e) => e.textContent)), ['三、', 'X', 'XX', '县县']);
});

test('clicking a finding moves the cursor to it, even after an edit above it', async () => {
  await page.evaluate(() => window.gwlint.view.dispatch({ changes: { from: 0, insert: '附：' } }));
  // The panel still shows the previous results; its entries follow the edit.
  await page.click('#findings li.finding >> text=县县');
  const text = await docText(page);
  assert.equal(await cursor(), text.indexOf('县县'));
  await settled(page);
  await page.evaluate(() => window.gwlint.view.dispatch({ changes: { from: 0, to: 2 } }));
  await settled(page);
});

test('the placeholder checklist says "N 处待填" and jumps to each slot', async () => {
  await page.click('#tab-placeholders');
  assert.equal(await page.textContent('#placeholders-head'), '2 处待填');
  assert.equal(await page.textContent('#tab-placeholders'), '待填（2）');
  const items = await page.$$eval('#placeholders li', (els) => els.map((e) => [e.querySelector('.where').textContent, e.querySelector('mark').textContent, e.querySelector('.context').textContent]));
  assert.deepEqual(items.map((i) => i.slice(0, 2)), [['第2行', 'X'], ['第2行', 'XX']]);
  assert.match(items[1][2], /召开会议XX次/);
  await page.click('#placeholders li >> nth=1');
  assert.equal(await cursor(), TEXT.indexOf('XX'));
  await page.click('#tab-findings');
});

test('the outline pane lists the headings and jumps to them', async () => {
  await page.click('#tab-outline');
  const headings = await page.$$eval('#outline a.heading', (els) => els.map((e) => [e.querySelector('.where').textContent, e.querySelector('.label').textContent]));
  assert.deepEqual(headings, [['1', '一、总体情况'], ['3', '三、下一步打算']]);
  await page.click('#outline a.heading >> nth=1');
  assert.equal(await cursor(), TEXT.indexOf('三、'));
  await page.click('#tab-findings');
});

const safeByCategory = (text) => page.evaluate(async (t) => {
  const n = {};
  for (const f of (await window.gwlint.checker.analyze(t, {})).findings) {
    if (f.fixes.some((x) => x.applicability === 'safe')) n[f.category] = (n[f.category] ?? 0) + 1;
  }
  return n;
}, text);

test('"apply all safe fixes" applies them in one undo step; per category only that category', async () => {
  // Half-width brackets in ordinals are a safe fix; the doubled 县 only a reviewed one.
  const text = '一、总体情况\n(一)主要做法：全年检查X次，县县本级。\n(二)存在问题\n二、下一步\n增长5％。\n';
  await setText(page, text);
  const safe = await safeByCategory(text);
  const total = Object.values(safe).reduce((a, b) => a + b, 0);
  assert.ok(safe.structure >= 2, JSON.stringify(safe));
  assert.equal(await page.textContent('#btn-fix-all'), `全部安全修改（${total}）`);
  await page.click('#btn-fix-all');
  await settled(page);
  const fixed = await docText(page);
  assert.match(fixed, /^一、总体情况\n（一）主要做法：全年检查X次，县县本级。\n（二）存在问题\n/);
  assert.deepEqual(await safeByCategory(fixed), {});
  assert.equal(await page.textContent('#btn-fix-all'), '全部安全修改（0）');
  assert.ok((await underlines(page)).some(([t]) => t === '县县'), 'review-only findings are left alone');
  // One undo step brings the whole text back.
  await page.click('.cm-content');
  await page.keyboard.press('Control+z');
  assert.equal(await docText(page), text);
  await settled(page);
  // Per category: the structure group's button fixes only structure findings.
  await page.click('#findings section.group[data-category="structure"] button.fix-category');
  await settled(page);
  const after = await safeByCategory(await docText(page));
  assert.equal(after.structure, undefined);
  assert.deepEqual(after, Object.fromEntries(Object.entries(safe).filter(([c]) => c !== 'structure')));
  await setText(page, TEXT);
});

test('a long list shows its first 300 items and says how many more there are; counts stay exact', async () => {
  await setText(page, '全年开展专项检查X次，层层压实责任。\n'.repeat(320));
  const group = await page.$eval('#findings section.group[data-category="placeholder"]', (g) => [g.querySelector('.group-count').textContent, g.querySelectorAll('li.finding').length, g.querySelector('li.more')?.textContent]);
  assert.deepEqual(group, ['320', 300, '另有 20 处未列出（先处理上面的问题，或按位置排列查看）']);
  assert.equal(await page.$$eval('#placeholders li.placeholder', (els) => els.length), 300);
  assert.match(await page.textContent('#placeholders'), /另有 20 处未列出/);
  assert.match(await page.textContent('#placeholders-head'), /320 处待填/);
  await setText(page, TEXT);
});
