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
//! // on every later change, the change only (UTF-16 offsets of the text it
//! // holds, as CodeMirror reports them): the text never crosses again
//! a = checker.edit(from, to, inserted);          // outline/placeholders left out when unchanged
//! // or the whole new text: checker.analyze(newText) (compared with the old one)
//! // on a settings change: checker.setConfig(newConfig) (keeps the text)
//! ```
//!
//! Load the dictionary once per worker, after the first result is shown (it
//! takes 0.2-0.4 s); `analyze` results before that lack only the findings of
//! rules that need segmentation, and say so.

use crate::offsets::{to_findings_at, Finding};
use crate::rules::placeholder::{self, PlaceholderOut};
use crate::rules::structure::outline::{self, OutlineOut};
use crate::wasm::{parse_config, to_js_via_json};
use serde::Serialize;
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
        self.result(&a, true)
    }

    /// `edit(from, to, inserted)`: replaces UTF-16 code units `from..to` of
    /// the text it holds (that of the last `analyze` or `edit`) with
    /// `inserted` and checks, re-reading only the changed paragraphs → the
    /// object `analyze` returns, except that `outline` and `placeholders`
    /// are left out when they are the previous result's moved with the edit
    /// (entries after it start on a later line, so only their offsets and
    /// line numbers moved, as an editor maps them). Throws when `from..to`
    /// is not a range of the text (past its end, or inside a surrogate pair).
    pub fn edit(&mut self, from: usize, to: usize, inserted: &str) -> Result<JsValue, JsValue> {
        let bytes = self
            .inner
            .byte_of_utf16(from)
            .zip(self.inner.byte_of_utf16(to))
            .filter(|(f, t)| f <= t);
        let Some((from, to)) = bytes else {
            return Err(JsValue::from_str(&format!(
                "gwlint: edit {from}..{to} is not a range of the checked text"
            )));
        };
        let a = self.inner.edit(from, to, inserted);
        self.result(&a, false)
    }

    /// Length of the text it holds, in UTF-16 code units.
    #[wasm_bindgen(getter, js_name = textLength)]
    pub fn text_length(&self) -> usize {
        self.inner.position(self.inner.text().len()).offset
    }

    fn result(&self, a: &crate::Analysis, whole: bool) -> Result<JsValue, JsValue> {
        let pos = |b| self.inner.position(b);
        let changed = self.inner.changed();
        to_js_via_json(&UpdateOut {
            findings: to_findings_at(&a.diagnostics, true, pos),
            placeholders: (whole || changed.placeholders)
                .then(|| placeholder::to_out_at(&a.placeholders, pos)),
            outline: (whole || changed.outline).then(|| outline::to_out_at(&a.outline, pos)),
            segmentation_pending: a.segmentation_pending,
            config_errors: &self.config_errors,
        })
    }

    /// Number of paragraphs whose results are cached.
    #[wasm_bindgen(getter)]
    pub fn cached(&self) -> usize {
        self.inner.cached()
    }
}

/// A `Checker` result: `analyze`'s object, with `outline` and `placeholders`
/// left out when an edit did not change them.
#[derive(Serialize)]
struct UpdateOut<'a> {
    findings: Vec<Finding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    placeholders: Option<Vec<PlaceholderOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outline: Option<Vec<OutlineOut>>,
    #[serde(rename = "segmentationPending")]
    segmentation_pending: bool,
    #[serde(rename = "configErrors")]
    config_errors: &'a [String],
}
