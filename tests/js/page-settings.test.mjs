// End to end: settings (rules on/off and severity, document type, allow-list,
// custom terms, anonymisation) persist across reloads and travel as a JSON file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, openPage, settled, setText, underlines, download } from './page-helpers.mjs';

let server, browser, context, page;
const TEXT = '县县本级召开会议X次，县电视台作了报道。张某某同志参加。\n';

before(async () => {
  server = await serveDist();
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  ({ page } = await openPage(context, server.url));
  await setText(page, TEXT);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const dialog = () => page.locator('dialog.settings-dialog');

test('settings change the checking at once and survive a reload', async () => {
  const start = (await underlines(page)).map(([t]) => t);
  assert.ok(start.includes('县县'), start.join('|'));
  assert.ok(start.includes('某某') || start.includes('张某某'), start.join('|'));
  await page.click('#btn-settings');
  await dialog().waitFor();
  await dialog().locator('select[data-rule="placeholder/x-slot"]').selectOption('error');
  await dialog().locator('#set-allow').fill('县县本级\n');
  await dialog().locator('button.add-term').click();
  await dialog().locator('input.term-term').fill('县电视台');
  await dialog().locator('input.term-replacement').fill('县融媒体中心');
  await dialog().locator('input.term-note').fill('2019年已更名');
  await dialog().locator('#set-document-type').selectOption('述职报告');
  await dialog().locator('#set-anonymized').check();
  await dialog().locator('button.primary').click();
  await settled(page);
  const marks = await underlines(page);
  assert.deepEqual(marks, [['X', 'error'], ['县电视台', 'warning']]);
  await page.hover('.cm-lintRange >> text=县电视台');
  assert.match(await page.locator('.cm-tooltip-hover .gw-card button.gw-fix').textContent(), /县融媒体中心/);

  await page.reload();
  await settled(page);
  assert.deepEqual(await underlines(page), marks);
  await page.click('#btn-settings');
  assert.equal(await dialog().locator('select[data-rule="placeholder/x-slot"]').inputValue(), 'error');
  assert.equal(await dialog().locator('#set-allow').inputValue(), '县县本级');
  assert.equal(await dialog().locator('input.term-replacement').inputValue(), '县融媒体中心');
  assert.equal(await dialog().locator('#set-document-type').inputValue(), '述职报告');
  assert.equal(await dialog().locator('#set-anonymized').isChecked(), true);
  await dialog().locator('button.primary').click();
});

test('settings export as the checker config JSON and import back; a bad file changes nothing', async () => {
  await page.click('#btn-settings');
  const file = await download(page, 'dialog.settings-dialog button.export-settings');
  assert.equal(file.name, '公文体检设置.json');
  const exported = JSON.parse(file.text);
  assert.deepEqual(exported, {
    rules: { 'placeholder/x-slot': 'error' },
    allow: ['县县本级'],
    customTerms: [{ term: '县电视台', replacement: '县融媒体中心', note: '2019年已更名' }],
    documentType: '述职报告',
    anonymized: true,
  });
  // The exported file is a config the checker itself accepts (minus keys it does not know yet).
  const accepted = await page.evaluate(async (cfg) => {
    const { supports } = window.gwlint;
    for (const k of ['documentType', 'anonymized']) if (!supports[k]) delete cfg[k];
    return (await window.gwlint.checker.analyze('县电视台', cfg)).findings.map((f) => f.rule);
  }, exported);
  assert.deepEqual(accepted, ['formulation/custom-term']);

  await dialog().locator('button.reset-settings').click();
  await settled(page);
  assert.ok((await underlines(page)).some(([t]) => t === '县县'));

  const dir = await mkdtemp(join(tmpdir(), 'gwlint-settings-'));
  const bad = join(dir, 'bad.json');
  await writeFile(bad, JSON.stringify({ rules: { 'placeholder/x-slot': 'loud' } }));
  await page.click('#btn-settings');
  await dialog().locator('#set-import-file').setInputFiles(bad);
  await dialog().locator('p.error').filter({ hasText: '未能导入' }).waitFor();
  assert.match(await dialog().locator('p.error').textContent(), /loud/);
  const unknown = join(dir, 'unknown.json');
  await writeFile(unknown, JSON.stringify({ rules: { 'placeholder/nope': 'off' } }));
  await dialog().locator('#set-import-file').setInputFiles(unknown);
  await page.waitForFunction(() => /placeholder\/nope/.test(document.querySelector('dialog.settings-dialog p.error').textContent));
  assert.deepEqual(await page.evaluate(() => window.gwlint.settings), { rules: {}, allow: [], customTerms: [] });

  const good = join(dir, 'good.json');
  await writeFile(good, file.text);
  await dialog().locator('#set-import-file').setInputFiles(good);
  await dialog().waitFor({ state: 'detached' });
  await settled(page);
  assert.deepEqual((await underlines(page)).map(([t, s]) => [t, s]), [['X', 'error'], ['县电视台', 'warning']]);
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('gwlint.settings.v1'))), exported);
});
