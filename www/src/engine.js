// The checker itself (the wasm), wrapped for whichever thread runs it: the Web
// Worker (worker.js) normally, the page's main thread as a fallback.
// Protocol of the worker (same shapes as these functions); it answers in order:
//   → {type:'init', wasm, dict}              ← {type:'ready'} | {type:'failed', message}; with a first
//                                              check in `self.gwlintStart` no separate 'ready': its
//                                              result (or error) carries `ready: true` (worker.js)
//   → {type:'analyze', id, text, config}     ← {type:'result', id, result} | {type:'error', id, message}
//   → {type:'edit', id, edit, config}        ← the same; edit: {base, from, to, insert} (UTF-16) of the text of
//                                              the request before (same config): only the change is
//                                              posted; `outline`/`placeholders` are left out of the
//                                              result when the edit did not change them
//   → {type:'info', id}                      ← {type:'result', id, result: {rules, supports}}
//                                            ← {type:'dictionary'} once word segmentation is loaded:
//                                              results before it lacked the rules that need it
//                                              (result.segmentationPending); check again.
// `wasm` is `{url}` (fetched and compiled here, as it streams in) or `{base64}`
// (the single file); `dict` is `{url}` or `{base64}`. The worker may have the
// wasm's URL and the first analyze (id 1) before any message, in
// `self.gwlintStart` (worker.js): then init brings only the dictionary's
// source. The page asks for info after the first check: it never waits for
// the rule list or the config probe. The dictionary is
// loaded after the first result that needs it, so it never delays the first
// underlines.
import { initSync, analyze, rules, loadDictionary, Checker } from '../../pkg/gwlint.js';
import { decodeBase64 } from './base64.js';

let dictSource = null;
let dictLoading = null;

/**
 * Fetches the wasm and compiles it as it streams in (from its bytes if the
 * server sends it with another content type). `step('response')` when the
 * headers are in, `step('compiled')`: start-up marks for the benchmark.
 */
export async function compileWasm(url, step = () => {}) {
  const response = await fetch(url, { priority: 'high' });
  if (!response.ok) throw new Error(`无法下载检查程序（${response.status} ${response.statusText}）：${url}`);
  step('response');
  // Streaming needs the right MIME type; some static servers send another.
  const module = await (/^application\/wasm\b/.test(response.headers.get('content-type') ?? '')
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer()));
  step('compiled');
  return module;
}

/**
 * Loads the wasm: `{base64}`, `{url}`, or `{compiled}` (a promise of the
 * module from compileWasm). `step` as for compileWasm.
 */
export async function loadEngine(wasm, dict, step = () => {}) {
  let module;
  if (wasm.base64) {
    module = await WebAssembly.compile(decodeBase64(wasm.base64));
    step('compiled');
  } else module = await (wasm.compiled ?? compileWasm(wasm.url, step));
  initSync({ module });
  if (dict) setDictionarySource(dict);
}

/** Where loadDictionaryOnce gets the dictionary: `{url}` or `{base64}`. */
export function setDictionarySource(dict) {
  dictSource = dict ?? null;
}

/** The rule list and the optional config keys this build accepts. */
export function engineInfo() {
  return { rules: rules(), supports: probeConfigKeys() };
}

/** Loads the dictionary once (0.2-0.4 s); resolves when it is in. */
export function loadDictionaryOnce() {
  dictLoading ??= (async () => {
    if (!dictSource) throw new Error('no dictionary');
    const bytes = dictSource.base64 ? decodeBase64(dictSource.base64) : new Uint8Array(await (await fetch(dictSource.url)).arrayBuffer());
    loadDictionary(bytes);
  })();
  return dictLoading;
}

/**
 * Which optional config keys this build of the checker accepts (the settings
 * page hides the controls of keys it does not know yet).
 */
function probeConfigKeys() {
  const supports = {};
  for (const [key, value] of [['documentType', ''], ['anonymized', false], ['documentTemplates', []]]) {
    // The checker ignores a key it does not know and names it in configErrors.
    const { configErrors = [] } = analyze('', { [key]: value });
    supports[key] = !configErrors.some((e) => e.includes(key) && /unknown field/.test(e));
  }
  return supports;
}

// The incremental checker keeps each paragraph's results: a keystroke re-checks
// one paragraph. A new config (compared as JSON) empties its cache.
let checker = null;
let checkerConfig = null;

/** One check: `{findings, outline, placeholders, segmentationPending, configErrors}` (a bad config key is named in configErrors and ignored). */
export function runAnalyze(text, config) {
  const key = JSON.stringify(config ?? null);
  if (!checker) checker = new Checker(config ?? undefined);
  else if (key !== checkerConfig) checker.setConfig(config ?? undefined);
  checkerConfig = key;
  return checker.analyze(text);
}

/**
 * An edit of the text of the last check (same config): `{base, from, to, insert}`,
 * UTF-16 offsets as CodeMirror reports them. The text never crosses again;
 * the result is `runAnalyze`'s, without `outline`/`placeholders` when the
 * edit did not change them.
 */
export function runEdit(edit, config) {
  // `base`: the length of the text it applies to (a mismatch is a bug, never a wrong result).
  if (!checker || JSON.stringify(config ?? null) !== checkerConfig || checker.textLength !== edit.base) {
    throw new Error('gwlint: edit without the text it changes');
  }
  return checker.edit(edit.from, edit.to, edit.insert);
}
