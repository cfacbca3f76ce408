// End to end: the editor looks as www/editor.css says (CodeMirror's own theme
// rules must not win over it): the body text in the 仿宋-first CJK font list at
// line height 1.9, the content padding, the gutter colours, info findings
// dotted rather than wavy, and the text drawn in one font of that list (no
// per-character fallback to fonts outside it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launch, openPage } from './page-helpers.mjs';

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

/** The font-family list of `selector` in www/editor.css, as the browser reports it. */
async function cssFamilies(selector) {
  const css = await readFile(new URL('../../www/editor.css', import.meta.url), 'utf8');
  const rule = css.split('\n').find((l) => l.startsWith(`${selector} {`));
  return rule.match(/font-family: ([^;]+);/)[1].split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

const style = (selector, props) => page.$eval(selector, (e, ps) => {
  const s = getComputedStyle(e);
  return Object.fromEntries(ps.map((p) => [p, s.getPropertyValue(p)]));
}, props);

test('the editor text is set in the 仿宋-first CJK font list, 16px at line height 1.9, padded', async () => {
  const want = await cssFamilies('.cm-editor .cm-scroller');
  assert.equal(want[0], 'FangSong');
  assert.equal(want.at(-1), 'serif');
  const s = await style('.cm-content', ['font-family', 'font-size', 'line-height', 'padding-top', 'padding-left']);
  const got = s['font-family'].split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
  assert.deepEqual(got, want, s['font-family']);
  assert.equal(s['font-size'], '16px');
  assert.equal(s['line-height'], `${16 * 1.9}px`);
  assert.equal(s['padding-top'], '16px');
  assert.equal(s['padding-left'], '24px');
  // What is drawn: a line of the sample is 30.4px high, not CodeMirror's 1.4.
  const h = await page.$eval('.cm-line', (e) => e.getBoundingClientRect().height);
  assert.ok(Math.abs(h - 16 * 1.9) < 1, `line height ${h}`);
});

test('the gutter has the page\'s colours and info findings are dotted, not wavy', async () => {
  const g = await style('.cm-gutters', ['background-color', 'color', 'border-right-color']);
  assert.deepEqual(g, { 'background-color': 'rgb(250, 249, 246)', color: 'rgb(153, 153, 153)', 'border-right-color': 'rgb(238, 238, 238)' });
  await page.evaluate(() => {
    const v = window.gwlint.view;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: '关于加强学习的报告\n我们坚持以人民为中心，切实提高工作质量和服务水平\n' } });
  });
  // punctuation/missing-end (info) underlines the paragraph's last character.
  await page.waitForSelector('.cm-lintRange-info');
  const info = await style('.cm-lintRange-info', ['background-image', 'text-decoration-style', 'text-decoration-line']);
  assert.deepEqual(info, { 'background-image': 'none', 'text-decoration-style': 'dotted', 'text-decoration-line': 'underline' });
});

test('the editor text is drawn in one font of its list (no per-character fallback)', async () => {
  const want = await cssFamilies('.cm-editor .cm-scroller');
  await page.evaluate(() => {
    const v = window.gwlint.view;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: '关于进一步加强安全生产工作的通知\n各区人民政府，市政府各委、办、局：2024年第3季度。\n' } });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const fonts = [];
  for (const i of [0, 1]) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `window.gwlint.view.contentDOM.querySelectorAll('.cm-line')[${i}]` });
    const { nodeId } = await cdp.send('DOM.requestNode', { objectId: result.objectId });
    fonts.push(...(await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts);
  }
  assert.ok(fonts.length > 0);
  const families = [...new Set(fonts.map((f) => f.familyName))];
  assert.equal(families.length, 1, JSON.stringify(fonts));
  assert.ok(want.slice(0, -1).includes(families[0]), `${families[0]} is not one of ${want.join(', ')}`);
});
