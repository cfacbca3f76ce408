// End to end: checking never hands document text to a network API. fetch,
// XMLHttpRequest, WebSocket, EventSource and sendBeacon are wrapped in the
// page and in the checker's worker while a text is typed and checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, settled, setText } from './page-helpers.mjs';

let server, browser;

before(async () => {
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Installed in each global (page, worker): records every network call with its arguments. */
function wrapNetwork() {
  const calls = (globalThis.__netCalls = []);
  const show = (a) => {
    try {
      return typeof a === 'string' ? a : a instanceof URL ? a.href : JSON.stringify(a) ?? String(a);
    } catch {
      return String(a);
    }
  };
  const wrap = (obj, name) => {
    const orig = obj[name];
    if (typeof orig !== 'function') return;
    obj[name] = function (...args) {
      calls.push(`${name}(${args.map(show).join(', ')})`);
      return orig.apply(this, args);
    };
  };
  wrap(globalThis, 'fetch');
  if (globalThis.navigator) wrap(globalThis.navigator, 'sendBeacon');
  if (globalThis.XMLHttpRequest) {
    wrap(XMLHttpRequest.prototype, 'open');
    wrap(XMLHttpRequest.prototype, 'send');
  }
  for (const C of ['WebSocket', 'EventSource']) {
    const Orig = globalThis[C];
    if (!Orig) continue;
    globalThis[C] = function (...args) {
      calls.push(`${C}(${args.map(show).join(', ')})`);
      return new Orig(...args);
    };
  }
}

test('typing and checking a report calls no network API with its text', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context, server.url);
  const workers = page.workers();
  assert.ok(workers.length >= 1, 'the checker runs in a worker');
  await page.evaluate(wrapNetwork);
  for (const w of workers) await w.evaluate(wrapNetwork);

  const secret = '关于机密事项甲乙丙的报告';
  await setText(page, `${secret}\n一、总体情况\n全年检查X次，《县县本级办法》层层压实。\n三、下一步\n`);
  await page.click('.cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('走访X户。');
  await settled(page);

  const calls = [await page.evaluate(() => globalThis.__netCalls)];
  for (const w of workers) calls.push(await w.evaluate(() => globalThis.__netCalls));
  assert.ok(calls.every(Array.isArray), 'the wrappers are installed in the page and every worker');
  const all = calls.flat();
  // The only network call allowed is the worker fetching its own dictionary file, once.
  for (const c of all) {
    assert.ok(!c.includes('机密') && !c.includes('走访'), `document text passed to ${c}`);
    assert.match(c, /^fetch\(http:\/\/127\.0\.0\.1:\d+\/[\w.-]+\)$/, c);
  }
  assert.ok(!all.some((c) => /^(WebSocket|EventSource|sendBeacon|open|send)\(/.test(c)), all.join('\n'));
  await context.close();
});
