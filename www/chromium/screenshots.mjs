// Takes the README's screenshots of the Chromium extension (`make ext-screenshots`):
// a form page with the report typed into its textarea, underlines and an open
// tooltip; and the popup. Uses the same harness as the extension's test.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, serveTestPage } from '../../tests/js/ext-chromium-harness.mjs';

const out = (name) => fileURLToPath(new URL(`screenshots/${name}`, import.meta.url));
const server = await serveTestPage();
const { context, worker, dir } = await launchWithExtension();
try {
  const page = await context.newPage();
  await page.setViewportSize({ width: 760, height: 520 });
  await page.goto(server.url);
  await page.click('#ta');
  await page.keyboard.type('一、总体情况\n全年开展专项检查X次，收集意见建议XX条。\n三、下一步打算\n');
  await page.click('#ce');
  await page.keyboard.type('《县县本级办法》已印发，组织学习○○次。');
  const marks = () => page.evaluate(() => [...document.querySelector('gwlint-overlay').shadowRoot.querySelectorAll('.mark')]
    .map((m) => ({ rule: m.dataset.rule, r: m.getBoundingClientRect().toJSON() })));
  await page.waitForFunction(() => document.querySelector('gwlint-overlay')?.shadowRoot.querySelectorAll('.mark').length >= 5, null, { timeout: 15000 });
  const heading = (await marks()).find((m) => m.rule === 'structure/heading-sequence');
  await page.mouse.move(heading.r.left + heading.r.width / 2, heading.r.top - 1);
  await page.locator('gwlint-overlay .tip').waitFor();
  await page.screenshot({ path: out('chromium-page.png') });

  const opened = context.waitForEvent('page');
  await worker.evaluate(() => chrome.tabs.create({ url: chrome.runtime.getURL('popup.html'), active: false }));
  const popup = await opened;
  await popup.setViewportSize({ width: 400, height: 560 });
  await popup.waitForSelector('select[data-rule]');
  await popup.waitForFunction(() => /本页发现/.test(document.getElementById('site-status').textContent));
  await popup.locator('body').screenshot({ path: out('chromium-popup.png') });
  console.log('www/chromium/screenshots/ updated');
} finally {
  await context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
