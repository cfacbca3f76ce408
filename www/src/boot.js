// The page's first script, inline at the top of index.html's head (dist/boot.js
// is the same code): it runs while the HTML is still being parsed, before any
// other file has arrived. It starts the checker (the worker fetches and
// compiles the wasm itself) and sends it the text to check, so the wasm
// download, its compile and the first check run in the worker while the main
// thread loads and builds the rest of the page (app.js = main.js: editor,
// panel, toolbar). main.js takes over from `window.gwlintBoot` (or is called
// when it is set, if it came first). Start-up marks ('gwlint:*', read by
// bench/page.mjs): 'boot' here, 'worker-*' from the worker (checker.js),
// 'page-built', 'checker-ready' and 'first-result' in main.js.
import { Checker } from './checker.js';
import { currentDraft, newDraft } from './storage.js';
import { loadSettings, checkerConfig } from './settings.js';
import { checkedPart } from './limits.js';
import { SAMPLE } from './sample.js';

performance.mark('gwlint:boot');
const draft = currentDraft() ?? { ...newDraft(SAMPLE), pristine: true };
const settings = loadSettings();
const { text } = checkedPart(draft.text);
const config = checkerConfig(settings, null, null);
// The dictionary waits until the page has drawn the first underlines (main.js).
const checker = new Checker({ first: { text, config }, deferDictionary: true });
const first = { text, config, result: checker.firstResult };
// Handled by the page once it is built; if it is in by then (`value`), the
// editor is built with its underlines.
first.result.then((value) => (first.value = value), () => {});
window.gwlintBoot = { Checker, checker, draft, settings, first };
window.gwlintBootReady?.(window.gwlintBoot);
