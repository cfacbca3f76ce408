// End to end: how the page starts. boot.js (inline in index.html) starts the
// worker, which fetches and compiles the wasm itself and checks the sample
// before the editor is even built; the page must show the sample's underlines
// from any static host (also one that sends the wasm with a generic content
// type, so it cannot be compiled as it streams) and from the single file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { serveDist, launch, openPage, underlines, cspViolations, DIST } from './page-helpers.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** The sample's underlines, its status line and the start-up marks, in the order they were set. */
async function startUp(url) {
  const context = await browser.newContext();
  const { page, log } = await openPage(context, url);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('gwlint:')).sort((a, b) => a.startTime - b.startTime).map((m) => m.name));
  // When the page's scripts other than app.js were fetched, relative to the first results being shown.
  const chunksAfterFirst = await page.evaluate(() => {
    const first = performance.getEntriesByName('gwlint:first-result')[0].startTime;
    return performance.getEntriesByType('resource').filter((e) => /\/chunk-[\w-]+\.js$/.test(e.name)).map((e) => e.startTime - first);
  });
  const result = {
    engine: await page.getAttribute('html', 'data-engine'),
    underlined: (await underlines(page)).map(([t]) => t),
    status: await page.textContent('#status'),
    marks,
    csp: await cspViolations(page),
    errors: log.errors,
    requests: log.requests,
    chunksAfterFirst,
  };
  await context.close();
  return result;
}

function assertSample(r) {
  assert.equal(r.engine, 'worker');
  for (const want of ['X', '的的', '（三）']) assert.ok(r.underlined.includes(want), r.underlined.join('|'));
  assert.match(r.status, /共 \d+ 处问题/);
  assert.deepEqual(r.errors, []);
}

// The worker's own steps come one after another (bench/page.mjs reads them);
// served from a site it fetches the wasm and checks without waiting for the
// page's init message (which brings only the dictionary's source then).
const WORKER_STEPS = ['gwlint:worker-script', 'gwlint:worker-compiled', 'gwlint:worker-wasm', 'gwlint:worker-checked'];
const inOrder = (marks, names) => names.map((n) => marks.indexOf(n)).every((i, k, all) => i >= 0 && (k === 0 || i > all[k - 1]));

test('from a static host: boot runs first, the worker compiles the wasm as it streams in and checks the sample', async () => {
  const server = await serveDist();
  try {
    const r = await startUp(server.url);
    assertSample(r);
    assert.deepEqual(r.csp, []);
    assert.equal(r.marks[0], 'gwlint:boot', r.marks.join(' '));
    assert.ok(inOrder(r.marks, [WORKER_STEPS[0], 'gwlint:worker-response', ...WORKER_STEPS.slice(1)]), r.marks.join(' '));
    assert.ok(r.marks.includes('gwlint:worker-init'), r.marks.join(' '));
    assert.ok(inOrder(r.marks, ['gwlint:boot', 'gwlint:page-built', 'gwlint:first-result']), r.marks.join(' '));
    // Once per load, whichever of the worker and the page is first.
    assert.equal(r.marks.filter((m) => m === 'gwlint:first-result').length, 1, r.marks.join(' '));
    // The wasm is fetched once, by the worker (no preload the worker could not
    // use); the worker's code is in the page (blob:), not fetched.
    assert.equal(r.requests.filter((u) => u.endsWith('/gwlint_bg.wasm')).length, 1, r.requests.join('\n'));
    assert.equal(r.requests.filter((u) => u.endsWith('/worker.js')).length, 0, r.requests.join('\n'));
    assert.ok(r.requests.some((u) => u.startsWith('blob:')), r.requests.join('\n'));
    // Before the first results, app.js is the page's only script request: the
    // editor's rest (keymaps, search) is fetched once they are shown.
    assert.ok(r.chunksAfterFirst.length > 0 && r.chunksAfterFirst.every((t) => t > 0), r.chunksAfterFirst.join(' '));
  } finally {
    await server.close();
  }
});

test('from a static host that sends the wasm as application/octet-stream: compiled from its bytes, same underlines', async () => {
  const server = await serveDist({ types: { '.wasm': 'application/octet-stream' } });
  try {
    const r = await startUp(server.url);
    assertSample(r);
    assert.ok(inOrder(r.marks, WORKER_STEPS), r.marks.join(' '));
  } finally {
    await server.close();
  }
});

test('the single file from file://: the worker compiles the embedded wasm, same underlines', async () => {
  const r = await startUp(pathToFileURL(join(DIST, 'gwlint-offline.html')).href);
  assertSample(r);
  assert.equal(r.marks[0], 'gwlint:boot', r.marks.join(' '));
  assert.ok(inOrder(r.marks, [WORKER_STEPS[0], 'gwlint:worker-init', ...WORKER_STEPS.slice(1)]), r.marks.join(' '));
  assert.ok(!r.marks.includes('gwlint:worker-response'), r.marks.join(' '));
});

/**
 * Loads the page from `url` holding `file` back until `ready` (evaluated in
 * the page) is true: either app.js until the worker's first result is in, or
 * the worker's script until the page is built. Returns what startUp returns.
 */
async function startUpHolding(url, file, ready) {
  const context = await browser.newContext();
  let page;
  const requests = [];
  let requestedWhileHeld = null;
  await context.route(`**/${file}`, async (route) => {
    for (let i = 0; i < 600 && !(await page.evaluate(ready).catch(() => false)); i++) await new Promise((r) => setTimeout(r, 50));
    // Half a second more with the page still unbuilt: what did it ask for meanwhile?
    await new Promise((r) => setTimeout(r, 500));
    requestedWhileHeld = [...requests];
    await route.continue();
  });
  page = await context.newPage();
  // Whether the editor was built by the time the page was parsed (main.js builds it while app.js runs).
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    window.__editorAtContentLoaded = Boolean(document.getElementById('editor')?.shadowRoot?.querySelector('.cm-content'));
  }));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForFunction(() => window.gwlint?.scheduler?.fresh === true && !window.gwlint.segmentationPending && !window.gwlint.startupPending, null, { timeout: 30000 });
  const r = {
    engine: await page.getAttribute('html', 'data-engine'),
    underlined: (await underlines(page)).map(([t]) => t),
    listed: await page.locator('#findings li.finding').count(),
    status: await page.textContent('#status'),
    builtWithFirst: await page.evaluate(() => window.gwlint.builtWith !== undefined),
    editorAtContentLoaded: await page.evaluate(() => window.__editorAtContentLoaded),
    requestedWhileHeld,
    requests,
    errors,
  };
  await context.close();
  return r;
}

test('whichever comes first, the first result or the editor, the page shows the same underlines and list', async () => {
  const server = await serveDist();
  try {
    // The worker's result first: the editor is built with its underlines.
    const early = await startUpHolding(server.url, 'app.js', () => window.gwlintBoot?.first.value !== undefined);
    assertSample(early);
    assert.equal(early.builtWithFirst, true);
    // The dictionary waits for the first underlines: not asked for while the
    // page was unbuilt (though the first result wanted it), asked for after.
    const isDict = (u) => u.endsWith('/gwlint-dict.bin');
    assert.equal(early.requestedWhileHeld.filter(isDict).length, 0, early.requestedWhileHeld.join('\n'));
    assert.equal(early.requests.filter(isDict).length, 1, early.requests.join('\n'));
    // The editor first (the wasm held back): the result is drawn into it when it comes.
    const late = await startUpHolding(server.url, 'gwlint_bg.wasm', () => window.gwlint?.view !== undefined);
    assertSample(late);
    assert.equal(late.builtWithFirst, false);
    // Built while app.js ran, before parsing ended: in the page's first layout, not a task later.
    assert.equal(late.editorAtContentLoaded, true);
    assert.equal(early.editorAtContentLoaded, true);
    assert.deepEqual(early.underlined, late.underlined);
    assert.equal(early.listed, late.listed);
    assert.equal(early.listed, early.underlined.length);
  } finally {
    await server.close();
  }
});

test('app.js asks V8 to compile all its functions while it streams in (explicit compile hint on its first line)', async () => {
  const { readFile } = await import('node:fs/promises');
  const app = await readFile(join(DIST, 'app.js'), 'utf8');
  assert.ok(app.startsWith('//# allFunctionsCalledOnLoad\n'), app.slice(0, 80));
  // The source map skips that line: generated line 2 is the bundle's first.
  const map = JSON.parse(await readFile(join(DIST, 'app.js.map'), 'utf8'));
  assert.ok(map.mappings.startsWith(';') && !map.mappings.startsWith(';;'), map.mappings.slice(0, 20));
});
