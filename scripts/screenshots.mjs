// Regenerates the README's screenshots (docs/screenshots/*.png) from the built
// page (dist/) with the built-in sample report, in headless Chromium.
// Run `make screenshots` (it builds first; `scripts/setup.sh --test` installs
// Chromium and the fonts-wqy-microhei CJK font).
import { mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveDist, launch } from '../tests/js/browser.mjs';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
await mkdir(out, { recursive: true });
try {
  if (!/WenQuanYi|Noto Sans CJK/i.test(execFileSync('fc-list', { encoding: 'utf8' }))) throw new Error('no CJK font');
} catch {
  console.error('screenshots: no CJK font found; run scripts/setup.sh --test first (fonts-wqy-microhei)');
  process.exit(1);
}

const server = await serveDist();
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.gwlint?.scheduler?.fresh === true && !window.gwlint.startupPending, null, { timeout: 30000 });
  const shot = async (name, opts = {}) => {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${out}${name}.png`, ...opts });
    console.log(`docs/screenshots/${name}.png`);
  };

  await shot('page');

  // The finding card on the skipped heading number.
  await page.hover('.cm-lintRange >> text=（三）');
  const card = page.locator('.cm-tooltip-hover .gw-card');
  await card.waitFor();
  const box = await card.boundingBox();
  await page.screenshot({ path: `${out}card.png`, clip: { x: Math.max(0, box.x - 40), y: Math.max(0, box.y - 20), width: Math.min(620, box.width + 80), height: box.height + 90 } });
  console.log('docs/screenshots/card.png');

  await page.click('#tab-placeholders');
  await shot('placeholders', { clip: { x: 860, y: 40, width: 420, height: 420 } });
  if (await page.isVisible('#tab-outline')) {
    await page.click('#tab-outline');
    await shot('outline', { clip: { x: 860, y: 40, width: 420, height: 420 } });
  }
  await page.click('#tab-findings');

  await page.click('#btn-settings');
  await page.locator('dialog.settings-dialog').waitFor();
  await shot('settings');
} finally {
  await browser.close();
  await server.close();
}
