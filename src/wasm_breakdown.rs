//! Where the time of a wasm `analyze` call goes (`node bench/breakdown.mjs`,
//! which builds the wasm with `--features breakdown`; never in the page's
//! build). Each export does one more step of `analyze` than the one before
//! and returns a number, so that the differences between their times are
//! the cost of each step; the last steps are `analyze` itself, and the
//! alternatives for building the JS result.
use crate::config::Config;
use crate::wasm::{analysis_out, to_js, to_js_via_json};
use wasm_bindgen::prelude::*;

/// The text copied into the wasm, nothing else.
#[wasm_bindgen]
pub fn bd_text_in(text: &str) -> usize {
    text.len()
}

/// + the document model.
#[wasm_bindgen]
pub fn bd_parse(text: &str) -> usize {
    crate::model::Document::parse(text).paragraphs.len()
}

/// + every rule (`check`).
#[wasm_bindgen]
pub fn bd_check(text: &str) -> usize {
    crate::check(text, &Config::default()).len()
}

/// + the checklist and the outline (`crate::analyze`).
#[wasm_bindgen]
pub fn bd_analyze(text: &str) -> usize {
    let a = crate::analyze(text, &Config::default());
    a.diagnostics.len() + a.outline.len() + a.placeholders.len()
}

/// + offsets converted to UTF-16 (the result as Rust values).
#[wasm_bindgen]
pub fn bd_offsets(text: &str) -> usize {
    let a = crate::analyze(text, &Config::default());
    let out = analysis_out(text, &a, &[]);
    out.findings.len() + out.outline.len()
}

/// + the JSON string (not passed to JS).
#[wasm_bindgen]
pub fn bd_json(text: &str) -> usize {
    let a = crate::analyze(text, &Config::default());
    serde_json::to_string(&analysis_out(text, &a, &[]))
        .map(|s| s.len())
        .unwrap_or(0)
}

/// The result built by serde-wasm-bindgen (a call into JS per field)
/// instead of one JSON string.
#[wasm_bindgen]
pub fn bd_result_swb(text: &str) -> Result<JsValue, JsValue> {
    let a = crate::analyze(text, &Config::default());
    to_js(&analysis_out(text, &a, &[]))
}

thread_local! {
    static KEPT: std::cell::RefCell<Option<(String, crate::Analysis)>> = const { std::cell::RefCell::new(None) };
}

/// Checks `text` and keeps the analysis for the `bd_kept_*` exports, which
/// time only the building of the JS result.
#[wasm_bindgen]
pub fn bd_keep(text: &str) {
    let a = crate::analyze(text, &Config::default());
    KEPT.with(|k| *k.borrow_mut() = Some((text.to_string(), a)));
}

fn kept<R>(f: impl FnOnce(&str, &crate::Analysis) -> R) -> R {
    KEPT.with(|k| {
        let k = k.borrow();
        let (text, a) = k.as_ref().expect("bd_keep first");
        f(text, a)
    })
}

/// The kept analysis: offsets to UTF-16 only.
#[wasm_bindgen]
pub fn bd_kept_offsets() -> usize {
    kept(|t, a| analysis_out(t, a, &[]).findings.len())
}

/// The kept analysis: offsets, the JSON string (not passed to JS).
#[wasm_bindgen]
pub fn bd_kept_json() -> usize {
    kept(|t, a| serde_json::to_string(&analysis_out(t, a, &[])).map_or(0, |s| s.len()))
}

/// The kept analysis as `analyze` returns it (one JSON string, JSON.parse).
#[wasm_bindgen]
pub fn bd_kept_js() -> Result<JsValue, JsValue> {
    kept(|t, a| to_js_via_json(&analysis_out(t, a, &[])))
}

/// The kept analysis by serde-wasm-bindgen.
#[wasm_bindgen]
pub fn bd_kept_swb() -> Result<JsValue, JsValue> {
    kept(|t, a| to_js(&analysis_out(t, a, &[])))
}

/// The kept analysis: offsets converted as `analyze` did before (one pass
/// over the text each for findings, checklist and outline).
#[wasm_bindgen]
pub fn bd_kept_offsets_3pass() -> usize {
    use crate::offsets::{to_findings, Unit};
    use crate::rules::{placeholder, structure::outline};
    kept(|t, a| {
        to_findings(t, &a.diagnostics, Unit::Utf16, true).len()
            + placeholder::to_out(t, &a.placeholders, Unit::Utf16).len()
            + outline::to_out(t, &a.outline, Unit::Utf16).len()
    })
}
