// End to end: the built page (dist/) in headless Chromium with the real wasm.
// Checking, underlines and the finding card.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, settled, setText, docText, underlines, cspViolations } from './page-helpers.mjs';

let server, browser, context, page, log;

before(async () => {
  server = await serveDist();
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  ({ page, log } = await openPage(context, server.url));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the sample report loads in the worker and its problems are underlined and listed', async () => {
  assert.equal(await page.getAttribute('html', 'data-engine'), 'worker');
  const marks = (await underlines(page)).map(([t]) => t);
  for (const want of ['X', '的的', '（三）']) assert.ok(marks.includes(want), marks.join('|'));
  assert.equal(await page.locator('#findings li.finding').count(), marks.length);
  assert.match(await page.textContent('#status'), /共 \d+ 处问题/);
});

test('typing a report underlines exactly the slot and the skipped heading, and lists them', async () => {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('一、总体情况\n全年开展专项检查X次，层层压实责任。\n三、下一步打算\n');
  await settled(page);
  assert.deepEqual(await underlines(page), [['X', 'warning'], ['三、', 'warning']]);
  await page.selectOption('#sort', 'position');
  const listed = await page.$$eval('#findings li.finding', (els) => els.map((e) => [e.querySelector('.excerpt').textContent, e.querySelector('.where').textContent, e.querySelector('.msg').textContent]));
  assert.deepEqual(listed.map((l) => l.slice(0, 2)), [['X', '第2行'], ['三、', '第3行']]);
  assert.match(listed[0][2], /占位符/);
  assert.match(listed[1][2], /应为“二、”/);
  await page.selectOption('#sort', 'category');
});

test('underlines move with an edit before fresh results arrive', async () => {
  await setText(page, '调研X次。');
  const moved = await page.evaluate(() => {
    const { view } = window.gwlint;
    view.dispatch({ changes: { from: 0, insert: '年初' } });
    // Same tick: no new result can have arrived yet.
    const els = [...view.dom.querySelectorAll('.cm-lintRange')].map((e) => [e.textContent, view.posAtDOM(e)]);
    return { els, fresh: window.gwlint.scheduler.fresh };
  });
  assert.equal(moved.fresh, false);
  assert.deepEqual(moved.els, [['X', 4]]);
  await settled(page);
  assert.deepEqual(await underlines(page), [['X', 'warning']]);
});

test('one request in flight at a time while typing fast', async () => {
  await setText(page, '');
  await page.evaluate(() => {
    const c = window.gwlint.checker;
    const orig = c.analyze.bind(c);
    window.__flight = { now: 0, max: 0, calls: 0 };
    c.analyze = async (...args) => {
      const f = window.__flight;
      f.now++; f.calls++; f.max = Math.max(f.max, f.now);
      try { return await orig(...args); } finally { f.now--; }
    };
    window.gwlint.scheduler.delay = 0; // no debounce: every keystroke asks for a check
  });
  await page.click('.cm-content');
  await page.keyboard.type('全年开展专项检查X次，县县本级召开会议X次。', { delay: 5 });
  await settled(page);
  const flight = await page.evaluate(() => { window.gwlint.scheduler.delay = 250; return window.__flight; });
  assert.equal(flight.max, 1);
  assert.ok(flight.calls >= 1);
  assert.deepEqual((await underlines(page)).map(([t]) => t), ['X', '县县', 'X']);
});

test('typing into a long report sends the worker only the change; underlines, outline and checklist follow', async () => {
  const para = '全年开展专项检查，层层压实责任，推动各项工作落实见效。\n';
  const parts = [];
  for (let i = 1; i <= 9; i++) parts.push(`${'一二三四五六七八九'[i - 1]}、第${i}部分\n`, para.repeat(40), `请于20XX年前报送第${i}部分材料。\n`);
  await setText(page, parts.join(''));
  await page.evaluate(() => {
    const w = window.gwlint.checker.worker;
    window.__posted = [];
    const post = w.postMessage.bind(w);
    w.postMessage = (m, ...rest) => {
      window.__posted.push({ type: m.type, text: typeof m.text === 'string' ? m.text.length : null, insert: m.edit?.insert });
      return post(m, ...rest);
    };
  });
  const lines = () => page.$$eval('#outline a.heading .where', (els) => els.map((e) => e.textContent));
  const slots = () => page.$$eval('#placeholders li .where', (els) => els.map((e) => e.textContent));
  const outlineBefore = await lines();
  const slotsBefore = await slots();
  assert.equal(outlineBefore.length, 9);
  assert.equal(slotsBefore.length, 9);
  // Type X次 at the end of a paragraph in the middle: its underline appears.
  const { at, line } = await page.evaluate(() => {
    const doc = window.gwlint.view.state.doc;
    const line = Math.floor(doc.lines / 2);
    return { at: doc.line(line).to, line };
  });
  await page.evaluate((pos) => window.gwlint.view.dispatch({ selection: { anchor: pos } }), at);
  await page.focus('.cm-content');
  await page.keyboard.type('X次');
  await settled(page);
  const mid = await page.evaluate(() => {
    const { view } = window.gwlint;
    return [...view.dom.querySelectorAll('.cm-lintRange')].map((e) => [e.textContent, view.posAtDOM(e)]);
  });
  assert.ok(mid.some(([t, pos]) => t === 'X' && pos === at), JSON.stringify(mid));
  // A new line above the middle: outline and checklist line numbers below it move.
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await settled(page);
  const moved = (list) => list.map((l) => Number(l.replace(/\D/g, ''))).map((n) => String(n < line ? n : n + 1));
  assert.deepEqual(await lines(), moved(outlineBefore));
  // The checklist also lists the X typed in (its line moved down too).
  const withX = [...moved(slotsBefore), String(line + 1)].sort((a, b) => a - b);
  assert.deepEqual((await slots()).map((l) => l.replace(/\D/g, '')), withX);
  // Delete both again: the underline goes, the lists are as before.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await settled(page);
  assert.ok(!(await underlines(page)).some(([t]) => t === 'X'));
  assert.deepEqual(await lines(), outlineBefore);
  assert.deepEqual(await slots(), slotsBefore);
  assert.equal(await docText(page), parts.join(''));
  const posted = await page.evaluate(() => window.__posted);
  assert.ok(posted.length >= 3, JSON.stringify(posted));
  assert.ok(posted.every((m) => m.type === 'edit' && m.text === null), JSON.stringify(posted));
  // The panel agrees with a fresh check of the whole text.
  const fresh = await page.evaluate(async (text) => (await window.gwlint.checker.analyze(text, window.gwlint.scheduler.getConfig())).findings.length, parts.join(''));
  assert.equal(await page.locator('#findings li.finding').count(), fresh);
});

test('the card under the mouse shows title, message, severity and category by icon, and buttons', async () => {
  await setText(page, '一、总体情况\n三、下一步打算\n');
  await page.hover('.cm-lintRange >> text=三、');
  const card = page.locator('.cm-tooltip-hover .gw-card');
  await card.waitFor();
  assert.match(await card.locator('.gw-title').textContent(), /标题序号/);
  assert.match(await card.locator('.gw-message').textContent(), /应为“二、”/);
  assert.equal(await card.locator('.gw-clause').textContent(), '依据：GB/T 9704-2012 §7.3.3');
  assert.equal(await card.locator('.sev.warning svg.sev-icon').count(), 1);
  assert.equal(await card.locator('.sev.warning').textContent(), '警告');
  assert.equal(await card.locator('.cat-badge.cat-structure').textContent(), '构');
  assert.equal(await card.locator('.cat-label').textContent(), '结构');
  assert.deepEqual(await card.locator('.gw-actions button').allTextContents(), ['改为“二、”', '忽略此处', '关闭此规则']);
  await card.locator('button.gw-fix').click();
  await settled(page);
  assert.equal(await docText(page), '一、总体情况\n二、下一步打算\n');
  assert.deepEqual(await underlines(page), []);
});

test('the card also opens where the cursor stands; "ignore this one" hides just that finding', async () => {
  await setText(page, '全年调研X次，走访X户。\n');
  await page.evaluate(() => {
    const v = window.gwlint.view;
    v.focus();
    v.dispatch({ selection: { anchor: v.state.doc.toString().indexOf('X户') } });
  });
  const card = page.locator('.cm-tooltip .gw-card');
  await card.waitFor();
  assert.match(await card.textContent(), /未填写/);
  await card.locator('button.gw-ignore').click();
  assert.deepEqual((await underlines(page)).map(([t]) => t), ['X']);
  await setText(page, '全年调研X次，走访X户。\n另有X人。\n');
  assert.deepEqual((await underlines(page)).map(([t]) => t), ['X', 'X'], 'the ignored one stays hidden after a re-check');
});

test('"turn this rule off" removes the rule everywhere', async () => {
  await setText(page, '县县本级召开会议X次。\n');
  await page.hover('.cm-lintRange >> text=县县');
  await page.locator('.cm-tooltip-hover button.gw-rule-off').click();
  await settled(page);
  assert.deepEqual((await underlines(page)).map(([t]) => t), ['X']);
  assert.match(await page.textContent('#status'), /已关闭规则/);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('gwlint.settings.v1')));
  assert.equal(stored.rules['consistency/doubled-char'], 'off');
  await page.evaluate(() => { localStorage.removeItem('gwlint.settings.v1'); window.gwlint.settings = { rules: {}, allow: [], customTerms: [] }; window.gwlint.scheduler.now(); });
  await settled(page);
});

test('pasted HTML and script text is shown as text and never runs', async () => {
  const evil = '<img src=x onerror="window.__pwned=1">X次<script>window.__pwned=2</script>';
  await page.evaluate(() => { delete window.__pwned; });
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.evaluate(async (t) => {
    // A real paste event with text/plain and text/html on the clipboard.
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    dt.setData('text/html', t);
    window.gwlint.view.contentDOM.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, evil);
  await settled(page);
  assert.equal(await docText(page), evil);
  // The panel shows the finding with its context as text.
  await page.hover('.cm-lintRange >> text=X');
  await page.locator('.cm-tooltip-hover .gw-card').waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('#editor script, #panel script').count(), 0);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(log.errors, []);
});
