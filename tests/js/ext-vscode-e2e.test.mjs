// End to end in a real editor: code-server (VS Code for the web, from npm) with
// the packaged .vsix installed, driven in Debian's Chromium. Opens a report,
// sees the diagnostics (also after a character outside the BMP), applies a
// quick fix, and checks the web-worker entry too. code-server is large and
// builds native modules on install, so `make test-vscode` installs it into
// .cache/code-server and runs this file; elsewhere it is skipped with a notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { launch } from './browser.mjs';
import { CODE_SERVER, VSIX, REPORT, startCodeServer, openReport } from './ext-vscode-e2e-harness.mjs';

const missing = !existsSync(CODE_SERVER) ? `code-server not installed (run \`make test-vscode\`)` : !existsSync(VSIX) ? 'no .vsix (run `make vsix`)' : false;
if (missing) console.log(`# ext-vscode-e2e skipped: ${missing}`);

async function problems(page) {
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 20000 });
  return page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.textContent));
}

/** Puts the caret at the start of `line` (Go to Line) and applies the quick fix titled `title`. */
async function quickFix(page, line, title) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 20000 });
  await page.keyboard.type(`${line}:1`);
  await page.keyboard.press('Enter');
  await page.locator('.statusbar', { hasText: `Ln ${line}, Col 1` }).waitFor({ timeout: 20000 });
  // On a busy machine the first Ctrl+. can come before the code actions are computed: ask again.
  const item = page.getByText(title);
  for (let i = 0; ; i++) {
    await page.keyboard.press('Control+.');
    try {
      await item.waitFor({ timeout: 8000 });
      break;
    } catch (e) {
      if (i === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter'); // the only fix there, and the focused item
}

for (const web of [false, true]) {
  test(`code-server (${web ? 'web-worker entry' : 'Node extension host'}): diagnostics on open, and a quick fix changes the text`, { skip: missing, timeout: 240000 }, async () => {
    const cs = await startCodeServer({ web });
    const browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
    const fetched = [];
    page.context().on('request', (r) => { if (/gwlint/.test(r.url())) fetched.push(r.url()); });
    try {
      await openReport(page, cs.url);
      // Which entry ran: the web-worker host fetches dist/web.js into the browser; the Node host does not.
      assert.equal(fetched.some((u) => u.includes('dist%2Fweb.js') || u.includes('dist/web.js')), web, fetched.join('\n'));
      const rows = await problems(page);
      const text = rows.join('\n');
      assert.match(text, /placeholder\/x-slot/, text);
      assert.match(text, /structure\/heading-sequence/, text);
      assert.match(text, /公文体检/, text);
      // The column after three astral characters (six UTF-16 code units): VS Code shows Ln 2, Col 15.
      assert.match(text, /\[Ln 2, Col 15\]/, text);
      // Quick fix on 三、: put the caret there through Go to Line, then Ctrl+. and pick 改为“二、”.
      await quickFix(page, 3, '改为“二、”（标题序号不连续）');
      await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines').textContent.includes('二、下一步打算'), null, { timeout: 20000 });
    } catch (e) {
      console.log(cs.log());
      if (process.env.GWLINT_DEBUG) await page.screenshot({ path: `${process.env.GWLINT_DEBUG}-${web ? 'web' : 'node'}.png` });
      throw e;
    } finally {
      await browser.close();
      await cs.stop();
    }
  });
}
