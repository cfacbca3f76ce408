//! The WASM API (wasm-bindgen, `--target web`). One call per check returning a
//! flat array of plain objects; offsets are UTF-16 code units, as JS editors count.

use crate::config::Config;
use crate::offsets::{diagnostic_offsets, to_findings, to_findings_at, OffsetMap, Unit};
use crate::registry;
use crate::rules::{placeholder, structure::outline};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Run once at build time, not in the browser: `make wasm` evaluates it with
/// binaryen's `wasm-ctor-eval` and stores the memory it leaves behind in the
/// wasm, so the rule tables every check needs (the pre-filter and the phrase
/// tables its triggers read) are already built when the page loads. Pure Rust,
/// no call into JS (ctor-eval stops at the first one); the export is removed.
#[no_mangle]
pub extern "C" fn gwlint_prewarm() {
    let _ = registry::prefilter();
}

pub(crate) fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> JsValue;
}

/// The same value as [`to_js`], built by the engine's `JSON.parse` from one
/// string: much faster than a call into JS per field when there are
/// hundreds of objects (findings, outline) on every keystroke. (Measured
/// with `node bench/breakdown.mjs`: for 46 findings and 289 outline entries
/// it is as fast as serde-wasm-bindgen, and passing the string as UTF-16
/// instead of UTF-8 saved only 0.03 ms of 0.58.)
pub(crate) fn to_js_via_json<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    thread_local! {
        /// The JSON of the previous result, kept for its capacity (no buffer
        /// grown from empty per call).
        static JSON: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    JSON.with(|json| {
        let mut json = json.borrow_mut();
        json.clear();
        serde_json::to_writer(&mut *json, v).map_err(|e| JsValue::from_str(&e.to_string()))?;
        // SAFETY: serde_json writes UTF-8 (its `to_string` relies on it too).
        Ok(json_parse(unsafe { std::str::from_utf8_unchecked(&json) }))
    })
}

/// Reads the config leniently: a bad key is reported (and logged to the
/// console) and left at its default; checking never stops because of settings.
pub(crate) fn parse_config(config: JsValue) -> (Config, Vec<String>) {
    if config.is_undefined() || config.is_null() {
        return (Config::default(), Vec::new());
    }
    let (cfg, errors) = if let Some(s) = config.as_string() {
        Config::from_json_lenient(&s)
    } else {
        match serde_wasm_bindgen::from_value::<serde_json::Value>(config) {
            Ok(v) => Config::from_value_lenient(v),
            Err(e) => (
                Config::default(),
                vec![crate::config::ConfigError(format!(
                    "配置无效，已改用默认设置：{e}"
                ))],
            ),
        }
    };
    let errors: Vec<String> = errors.into_iter().map(|e| e.0).collect();
    for e in &errors {
        web_sys::console::warn_1(&JsValue::from_str(&format!("gwlint: {e}")));
    }
    (cfg, errors)
}

/// `check(text, config?)` → `[{rule, category, severity, title, start, end, line, column, message, fixes}]`.
/// `start`, `end` and `column` are UTF-16 code units; `config` is an object, a JSON string, or undefined.
/// An invalid config key is logged and left at its default (`analyze` names it in `configErrors`).
#[wasm_bindgen]
pub fn check(text: &str, config: JsValue) -> Result<JsValue, JsValue> {
    let (config, _) = parse_config(config);
    let diags = crate::check(text, &config);
    to_js(&to_findings(text, &diags, Unit::Utf16, true))
}

#[derive(Serialize)]
pub(crate) struct AnalysisOut {
    pub(crate) findings: Vec<crate::offsets::Finding>,
    placeholders: Vec<placeholder::PlaceholderOut>,
    pub(crate) outline: Vec<outline::OutlineOut>,
    /// Findings that need word segmentation are missing: call
    /// `loadDictionary` and check again.
    #[serde(rename = "segmentationPending")]
    segmentation_pending: bool,
    /// Problems in the config, each naming its key (the bad keys were ignored).
    #[serde(rename = "configErrors")]
    config_errors: Vec<String>,
}

/// The JS object for an analysis (also returned by `Checker.analyze`).
pub(crate) fn analysis_to_js(
    text: &str,
    a: &crate::Analysis,
    config_errors: &[String],
) -> Result<JsValue, JsValue> {
    to_js_via_json(&analysis_out(text, a, config_errors))
}

/// An analysis with UTF-16 offsets, ready to serialise.
pub(crate) fn analysis_out(
    text: &str,
    a: &crate::Analysis,
    config_errors: &[String],
) -> AnalysisOut {
    // Every offset of the result converted in one pass over the text.
    let mut wanted = diagnostic_offsets(&a.diagnostics);
    wanted.extend(a.placeholders.iter().flat_map(|p| [p.start, p.end]));
    wanted.extend(a.outline.iter().flat_map(|n| [n.start, n.end]));
    let map = OffsetMap::new(text, wanted, Unit::Utf16);
    let pos = |b| map.get(b);
    AnalysisOut {
        findings: to_findings_at(&a.diagnostics, true, pos),
        placeholders: placeholder::to_out_at(&a.placeholders, pos),
        outline: outline::to_out_at(&a.outline, pos),
        segmentation_pending: a.segmentation_pending,
        config_errors: config_errors.to_vec(),
    }
}

/// `analyze(text, config?)` → `{findings, placeholders, outline,
/// segmentationPending, configErrors}`: what `check` returns, plus the side panel's data.
/// `placeholders` is the "N 处待填" checklist:
/// `[{start, end, line, column, text, before, after, rule}]` in document order
/// (UTF-16 offsets). `outline` is the heading tree, pre-order:
/// `[{kind, level, depth, parent?, number, text, start, end, line}]` (UTF-16).
/// `segmentationPending`: findings that need the dictionary are missing.
/// `configErrors`: each config key that was ignored, named (checking goes on).
#[wasm_bindgen]
pub fn analyze(text: &str, config: JsValue) -> Result<JsValue, JsValue> {
    let (config, errors) = parse_config(config);
    analysis_to_js(text, &crate::analyze(text, &config), &errors)
}

#[derive(Serialize)]
struct RuleInfo {
    id: &'static str,
    category: &'static str,
    #[serde(rename = "categoryLabel")]
    category_label: &'static str,
    severity: &'static str,
    title: &'static str,
    doc: &'static str,
}

/// `rules()` → every rule in the registry: `{id, category, categoryLabel, severity, title, doc}`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsValue> {
    let list: Vec<RuleInfo> = registry::all()
        .map(|r| RuleInfo {
            id: r.id,
            category: r.category.as_str(),
            category_label: r.category.label(),
            severity: r.default_severity.as_str(),
            title: r.title,
            doc: r.doc,
        })
        .collect();
    to_js(&list)
}
