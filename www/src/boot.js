// The page's first script (dist/boot.js, a small classic script loaded `async`
// from the head, so it runs as soon as it has arrived): starts the checker and sends it the text to check
// before the rest of the page (app.js = main.js: editor, panel, toolbar) is
// loaded and built, so the wasm download, its compile and the first check run
// in the worker while the main thread builds the editor. main.js takes over
// from `window.gwlintBoot` (or is called when it is set, if it came first). Start-up marks: 'gwlint:checker-ready' (the wasm
// is in), 'gwlint:first-result' (the first findings are on the page).
import { Checker } from './checker.js';
import { currentDraft, newDraft } from './storage.js';
import { loadSettings, checkerConfig } from './settings.js';
import { checkedPart } from './limits.js';
import { SAMPLE } from './sample.js';

performance.mark('gwlint:boot');
const checker = new Checker();
const draft = currentDraft() ?? { ...newDraft(SAMPLE), pristine: true };
const settings = loadSettings();
const { text } = checkedPart(draft.text);
const config = checkerConfig(settings, null, null);
const first = { text, config, result: checker.analyze(text, config) };
first.result.catch(() => {}); // handled by the page once it is built
window.gwlintBoot = { Checker, checker, draft, settings, first };
window.gwlintBootReady?.(window.gwlintBoot);
