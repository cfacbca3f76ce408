// Helpers shared by the page tests (tests/js/page*.test.mjs): a fresh browser
// context per test (so localStorage starts empty unless a test reuses one),
// the editor's state, downloads. The editor lives in a shadow root; Playwright's
// CSS selectors pierce it, document.querySelector does not.
import { readFile } from 'node:fs/promises';
import { serveDist, launch, DIST } from './browser.mjs';

export { serveDist, launch, DIST };

/**
 * Opens `url` in a new page of `context` and records page errors, console
 * errors, CSP violations and every request.
 */
export async function openPage(context, url) {
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await settled(page);
  return { page, log };
}

/** Waits until the shown results belong to the current text. */
export async function settled(page) {
  // Results are final once fresh, no longer waiting for the segmentation dictionary, and listed in the panel.
  await page.waitForFunction(() => window.gwlint?.scheduler?.fresh === true && !window.gwlint.segmentationPending && !window.gwlint.startupPending, null, { timeout: 30000 });
}

/** Replaces the whole text (a programmatic edit, one undo step) and waits for results. */
export async function setText(page, text) {
  await page.evaluate((t) => {
    const v = window.gwlint.view;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: t } });
  }, text);
  await settled(page);
}

export const docText = (page) => page.evaluate(() => window.gwlint.view.state.doc.toString());

/** The underlined texts in document order, with their severity: [[text, severity]]. */
export async function underlines(page) {
  return page.$$eval('.cm-lintRange', (els) => els.map((e) => [e.textContent, [...e.classList].find((c) => /^cm-lintRange-(error|warning|info)$/.test(c)).slice(13)]));
}

/** Clicks `selector` and returns the downloaded file: {name, text}. */
export async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: dl.suggestedFilename(), text: await readFile(await dl.path(), 'utf8') };
}

/** CSP violations seen by the page so far. */
export const cspViolations = (page) => page.evaluate(() => window.__cspViolations);
