// Takes the README's screenshot of the VS Code extension in code-server
// (`make ext-screenshots`, after www/vscode/install-code-server.sh): a report
// with its problems listed and the quick-fix menu open.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from '../../tests/js/browser.mjs';
import { CODE_SERVER, startCodeServer, openReport } from '../../tests/js/ext-vscode-e2e-harness.mjs';

if (!existsSync(CODE_SERVER)) {
  console.log('code-server is not installed: run `bash www/vscode/install-code-server.sh` first');
  process.exit(1);
}
const text = '关于2024年度工作情况的报告\n\n一、总体情况\n全年开展专项检查X次，收集意见建议XX条，层层压实责任。\n三、下一步打算\n（一）加强学习\n';
const cs = await startCodeServer({ file: '工作报告.txt', text });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 620 } });
  await openReport(page, cs.url, '工作报告.txt');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 20000 });
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 20000 });
  await page.keyboard.type('5:1');
  await page.keyboard.press('Enter');
  await page.locator('.statusbar', { hasText: 'Ln 5, Col 1' }).waitFor({ timeout: 20000 });
  await page.keyboard.press('Control+.');
  await page.getByText('改为“二、”（标题序号不连续）').waitFor({ timeout: 20000 });
  await page.screenshot({ path: fileURLToPath(new URL('screenshots/vscode.png', import.meta.url)) });
  console.log('www/vscode/screenshots/vscode.png updated');
} finally {
  await browser.close();
  await cs.stop();
}
