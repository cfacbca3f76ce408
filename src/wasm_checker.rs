//! The wasm API for editors (the page's Web Worker): an incremental `Checker`
//! and the dictionary loader. How a worker uses it:
//!
//! ```js
//! import init, { Checker, loadDictionary } from './gwlint.js';
//! await init();                                   // ~0.3 MB gzipped, no dictionary inside
//! const checker = new Checker(config);            // a bad config key is named in configErrors
//! let a = checker.analyze(text);                  // {findings, segmentationPending}: post it at once
//! if (a.segmentationPending) {                    // rules that need word segmentation are missing
//!   loadDictionary(new Uint8Array(await (await fetch('gwlint-dict.bin')).arrayBuffer()));
//!   a = checker.analyze(text);                    // now complete
//! }
//! // on every later change: checker.analyze(newText) re-checks only the changed paragraphs
//! // on a settings change: checker.setConfig(newConfig)
//! ```
//!
//! Load the dictionary once per worker, after the first result is shown (it
//! takes 0.2-0.4 s); `analyze` results before that lack only the findings of
//! rules that need segmentation, and say so.

use crate::wasm::{analysis_to_js, parse_config};
use wasm_bindgen::prelude::*;

/// `loadDictionary(bytes)`: builds word segmentation from `gwlint-dict.bin`
/// (the page serves it beside the wasm). Throws a Chinese message when the
/// bytes are not a dictionary. Loading it again does nothing.
#[wasm_bindgen(js_name = loadDictionary)]
pub fn load_dictionary(bytes: &[u8]) -> Result<(), JsValue> {
    crate::segment::load_dictionary(bytes).map_err(|e| JsValue::from_str(&e))
}

/// `dictionaryLoaded()` → whether `loadDictionary` has succeeded.
#[wasm_bindgen(js_name = dictionaryLoaded)]
pub fn dictionary_loaded() -> bool {
    crate::segment::dictionary_loaded()
}

/// An incremental checker: keeps each paragraph's results, keyed on its text
/// and the config, so a keystroke re-checks one paragraph.
#[wasm_bindgen(js_name = Checker)]
pub struct JsChecker {
    inner: crate::Checker,
    /// The config keys that were ignored, reported with every analysis.
    config_errors: Vec<String>,
}

#[wasm_bindgen(js_class = Checker)]
impl JsChecker {
    /// `new Checker(config?)`: config as object, JSON string or undefined.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<JsChecker, JsValue> {
        let (config, config_errors) = parse_config(config);
        Ok(JsChecker {
            inner: crate::Checker::new(config),
            config_errors,
        })
    }

    /// Replaces the config (and empties the cache).
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&mut self, config: JsValue) -> Result<(), JsValue> {
        let (config, errors) = parse_config(config);
        self.inner.set_config(config);
        self.config_errors = errors;
        Ok(())
    }

    /// `analyze(text)` → the same object as the module's `analyze(text, config)`.
    pub fn analyze(&mut self, text: &str) -> Result<JsValue, JsValue> {
        let a = self.inner.analyze(text);
        analysis_to_js(text, &a, &self.config_errors)
    }

    /// Number of paragraphs whose results are cached.
    #[wasm_bindgen(getter)]
    pub fn cached(&self) -> usize {
        self.inner.cached()
    }
}
