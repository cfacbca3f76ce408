// The checker itself (the wasm), wrapped for whichever thread runs it: the Web
// Worker (worker.js) normally, the page's main thread as a fallback.
// Protocol of the worker (same shapes as these functions):
//   → {type:'init', wasm:{module}|{bytes}|{url}}      ← {type:'ready', rules, supports} | {type:'failed', message}
//   → {type:'analyze', id, text, config}     ← {type:'result', id, result} | {type:'error', id, message}
import init, { initSync, analyze, rules } from '../../pkg/gwlint.js';

/** Loads the wasm: a compiled module or bytes (sync), or a URL. */
export async function loadEngine(wasm) {
  if (wasm.module || wasm.bytes) initSync({ module: wasm.module ?? wasm.bytes });
  else await init({ module_or_path: wasm.url });
  return { rules: rules(), supports: probeConfigKeys() };
}

/**
 * Which optional config keys this build of the checker accepts (the settings
 * page hides the controls of keys it does not know yet).
 */
function probeConfigKeys() {
  const supports = {};
  for (const [key, value] of [['documentType', ''], ['anonymized', false], ['documentTemplates', []]]) {
    try {
      analyze('', { [key]: value });
      supports[key] = true;
    } catch (e) {
      supports[key] = !/unknown field/.test(String(e));
    }
  }
  return supports;
}

/** One check: `{findings, outline?, placeholders?}`; throws a message string on a bad config. */
export function runAnalyze(text, config) {
  return analyze(text, config ?? undefined);
}
