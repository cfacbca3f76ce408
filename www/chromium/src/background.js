// @ts-check
// The service worker: the only place the wasm runs. Content scripts and the
// popup send it text or requests through chrome.runtime messaging; nothing
// leaves the browser (the extension's CSP allows connections to itself only).
// Why here and not in the content script: a page's CSP can forbid
// WebAssembly compilation in content scripts; extension pages and the worker
// run under the extension's own CSP, which allows 'wasm-unsafe-eval'.
import init, { analyze, rules, loadDictionary } from '../../../pkg/gwlint.js';
import { toConfig } from '../../vscode/src/core.js';
import { withDefaults } from './settings.js';

/** @type {Promise<unknown> | null} */
let ready = null;
// The wasm, then word segmentation's dictionary (shipped beside it).
const load = () => (ready ??= (async () => {
  await init({ module_or_path: chrome.runtime.getURL('gwlint_bg.wasm') });
  const res = await fetch(chrome.runtime.getURL('gwlint-dict.bin'));
  loadDictionary(new Uint8Array(await res.arrayBuffer()));
})());

/** @type {object | null} */
let config = null;
async function currentConfig() {
  if (!config) {
    const s = withDefaults(await chrome.storage.local.get(null));
    config = toConfig({ get: (/** @type {string} */ k) => s[k] });
  }
  return config;
}
chrome.storage.onChanged.addListener((_changes, area) => {
  if (area === 'local') config = null;
});

/** @param {any} msg */
async function handle(msg) {
  await load();
  switch (msg?.type) {
    case 'check': {
      const cfg = await currentConfig();
      try {
        return { ok: true, findings: analyze(String(msg.text), cfg).findings };
      } catch (e) {
        return { ok: false, error: String(e) };
      }
    }
    case 'rules':
      return { ok: true, rules: rules() };
    default:
      return { ok: false, error: `unknown message ${msg?.type}` };
  }
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // Only this extension's own content scripts and pages talk to it.
  if (sender.id !== chrome.runtime.id) return false;
  handle(msg).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e) }));
  return true;
});

load();
