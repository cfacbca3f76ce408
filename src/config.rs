//! User configuration (JSON). The same keys are used by the CLI's `--config`
//! file, the page's settings and the editor extensions.
//!
//! ```json
//! {
//!   "rules": { "placeholder/x-slot": "error", "consistency": "off" },
//!   "allow": ["县县通", "张家家"],
//!   "customTerms": [{ "term": "县电视台", "replacement": "县融媒体中心", "note": "2019年已更名" }],
//!   "anonymized": false
//! }
//! ```
//! - `rules`: a rule id or a whole category → `off`, `info`, `warning`, `error`;
//!   a rule id wins over its category.
//! - `allow`: words and names that must never be flagged; a finding that lies
//!   inside an occurrence of one of them is dropped.
//! - `customTerms`: the office's own terms to flag, with their correction
//!   (reported by `formulation/custom-term`).
//! - `anonymized`: `true` when names like 张某某 are deliberate (a 通报), so
//!   `placeholder/mouxx` does not report them.
//! - `documentType`: the document's type (述责述廉报告, 述职报告, 工作总结,
//!   工作报告, 请示, 通知, 讲话, or a unit's own); read from the title if absent.
//! - `documentTemplates`: the unit's own types, shaped like `data/doctypes.json`
//!   (`name`, `titles`, `wenzhong`, `kind`, `parts: [{part, any}]`, `closing`).

use crate::diagnostic::Severity;
use crate::registry::{self, RuleMeta};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct Config {
    /// Rule id or category → level.
    pub rules: BTreeMap<String, Level>,
    /// Words and names never to flag.
    pub allow: Vec<String>,
    /// Terms to flag, with their correction.
    pub custom_terms: Vec<CustomTerm>,
    /// The document is anonymised on purpose (a 通报 naming 张某某, 某县):
    /// `placeholder/mouxx` then leaves such names alone.
    pub anonymized: bool,
    /// The document's type (a template name: 述责述廉报告, 请示 …); read from
    /// the title when absent.
    pub document_type: Option<String>,
    /// The unit's own document templates (same shape as `data/doctypes.json`);
    /// one with a built-in name replaces it.
    pub document_templates: Vec<crate::rules::structure::doctype::DocTemplate>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomTerm {
    pub term: String,
    #[serde(default)]
    pub replacement: String,
    /// Why, shown after the message (optional).
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Parses and validates a JSON config. Errors name the offending key.
    pub fn from_json(s: &str) -> Result<Config, ConfigError> {
        if s.trim().is_empty() {
            return Ok(Config::default());
        }
        let cfg: Config =
            serde_json::from_str(s).map_err(|e| ConfigError(format!("配置文件无效：{e}")))?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Parses and validates a TOML config (`gwlint.toml`, CLI only): the same
    /// keys as the JSON, e.g. `allow = ["县县通"]` and a `[rules]` table.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_toml(s: &str) -> Result<Config, ConfigError> {
        let cfg: Config =
            toml::from_str(s).map_err(|e| ConfigError(format!("配置文件无效：{e}")))?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Parses a config leniently, for front ends that must keep checking: every
    /// top-level key (and every entry of `rules`) that is valid is kept; each
    /// invalid one is reported, naming the key, and left at its default.
    pub fn from_json_lenient(s: &str) -> (Config, Vec<ConfigError>) {
        match Config::from_json(s) {
            Ok(c) => return (c, Vec::new()),
            Err(_) if s.trim().is_empty() => return (Config::default(), Vec::new()),
            Err(_) => {}
        }
        let value: serde_json::Value = match serde_json::from_str(s) {
            Ok(v) => v,
            Err(e) => {
                return (
                    Config::default(),
                    vec![ConfigError(format!(
                        "配置不是有效的 JSON（{e}），已改用默认设置"
                    ))],
                )
            }
        };
        Config::from_value_lenient(value)
    }

    /// Like [`Config::from_json_lenient`], for an already parsed JSON value.
    pub fn from_value_lenient(value: serde_json::Value) -> (Config, Vec<ConfigError>) {
        use serde_json::{Map, Value};
        fn try_value(v: Value) -> Result<Config, String> {
            let c: Config = serde_json::from_value(v).map_err(|e| e.to_string())?;
            c.validate().map_err(|e| e.0)?;
            Ok(c)
        }
        let Value::Object(obj) = value else {
            return (
                Config::default(),
                vec![ConfigError("配置必须是 JSON 对象，已改用默认设置".into())],
            );
        };
        let mut kept = Map::new();
        let mut errors = Vec::new();
        for (key, v) in obj {
            if let (Some(entries), true) = (v.as_object(), key == "rules") {
                let mut rules = Map::new();
                for (rk, rv) in entries {
                    let one = Value::Object(Map::from_iter([(
                        key.clone(),
                        Value::Object(Map::from_iter([(rk.clone(), rv.clone())])),
                    )]));
                    match try_value(one) {
                        Ok(_) => {
                            rules.insert(rk.clone(), rv.clone());
                        }
                        Err(e) => errors
                            .push(ConfigError(format!("配置项 rules.“{rk}”无效，已忽略：{e}"))),
                    }
                }
                kept.insert(key, Value::Object(rules));
                continue;
            }
            match try_value(Value::Object(Map::from_iter([(key.clone(), v.clone())]))) {
                Ok(_) => {
                    kept.insert(key, v);
                }
                Err(e) => errors.push(ConfigError(format!("配置项“{key}”无效，已忽略：{e}"))),
            }
        }
        // Each kept key is valid alone; keys that only fail together fall back as a whole.
        match try_value(Value::Object(kept)) {
            Ok(c) => (c, errors),
            Err(e) => {
                errors.push(ConfigError(format!("配置无效，已改用默认设置：{e}")));
                (Config::default(), errors)
            }
        }
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        for key in self.rules.keys() {
            let is_category = crate::diagnostic::Category::ALL
                .iter()
                .any(|c| c.as_str() == key);
            if !is_category && registry::find(key).is_none() {
                return Err(ConfigError(format!(
                    "配置项 rules 中的“{key}”不是已知的规则编号或类别"
                )));
            }
        }
        for t in &self.document_templates {
            t.validate()
                .map_err(|e| ConfigError(format!("配置项 documentTemplates 有误：{e}")))?;
        }
        if let Some(name) = &self.document_type {
            if crate::rules::structure::doctype::find(self, name).is_none() {
                return Err(ConfigError(format!(
                    "配置项 documentType 中的“{name}”不是已知的文种；可用 documentTemplates 添加"
                )));
            }
        }
        for (i, t) in self.custom_terms.iter().enumerate() {
            if t.term.trim().is_empty() {
                return Err(ConfigError(format!(
                    "配置项 customTerms 第 {} 项的 term 为空",
                    i + 1
                )));
            }
        }
        Ok(())
    }

    /// Removes findings that lie inside an occurrence of an allowed word.
    pub fn drop_allowed(&self, text: &str, diags: &mut Vec<crate::Diagnostic>) {
        if self.allow.is_empty() || diags.is_empty() {
            return;
        }
        let mut spans: Vec<(usize, usize)> = self
            .allow
            .iter()
            .filter(|w| !w.is_empty())
            .flat_map(|w| {
                text.match_indices(w.as_str())
                    .map(|(i, m)| (i, i + m.len()))
            })
            .collect();
        spans.sort_unstable();
        diags.retain(|d| {
            // Spans are sorted by start: look at those starting at or before d.start.
            let upto = spans.partition_point(|&(s, _)| s <= d.start);
            !spans[..upto]
                .iter()
                .rev()
                .take(64)
                .any(|&(_, e)| d.end <= e)
        });
    }

    /// The effective severity of a rule, or `None` when it is off.
    pub fn severity_of(&self, rule: &RuleMeta) -> Option<Severity> {
        let level = self
            .rules
            .get(rule.id)
            .or_else(|| self.rules.get(rule.category.as_str()));
        match level {
            None => Some(rule.default_severity),
            Some(Level::Off) => None,
            Some(Level::Info) => Some(Severity::Info),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_beats_category() {
        let c =
            Config::from_json(r#"{"rules":{"placeholder":"off","placeholder/x-slot":"error"}}"#)
                .unwrap();
        let r = registry::find("placeholder/x-slot").unwrap();
        assert_eq!(c.severity_of(r), Some(Severity::Error));
        let c = Config::from_json(r#"{"rules":{"placeholder":"off"}}"#).unwrap();
        assert_eq!(c.severity_of(r), None);
    }

    #[test]
    fn errors_name_the_key() {
        let e = Config::from_json(r#"{"rules":{"placeholder/nope":"off"}}"#).unwrap_err();
        assert!(e.0.contains("placeholder/nope"), "{e}");
        let e = Config::from_json(r#"{"rulez":{}}"#).unwrap_err();
        assert!(e.0.contains("rulez"), "{e}");
        let e = Config::from_json(r#"{"rules":{"placeholder":"loud"}}"#).unwrap_err();
        assert!(e.0.contains("loud"), "{e}");
        assert!(Config::from_json("").is_ok());
        let e = Config::from_json(r#"{"customTerms":[{"term":""}]}"#).unwrap_err();
        assert!(e.0.contains("customTerms"), "{e}");
        let e = Config::from_json(r#"{"documentType":"公告2"}"#).unwrap_err();
        assert!(e.0.contains("documentType") && e.0.contains("公告2"), "{e}");
        let e = Config::from_json(
            r#"{"documentTemplates":[{"name":"x","parts":[{"part":"甲","any":[]}]}]}"#,
        )
        .unwrap_err();
        assert!(e.0.contains("documentTemplates"), "{e}");
        assert!(Config::from_json(r#"{"documentType":"述责述廉报告"}"#).is_ok());
    }

    #[test]
    fn toml_has_the_same_keys_as_json() {
        let t = Config::from_toml(
            "allow = [\"县县通\"]\n[rules]\n\"placeholder/x-slot\" = \"error\"\nconsistency = \"off\"\n\
             [[customTerms]]\nterm = \"县电视台\"\nreplacement = \"县融媒体中心\"\n",
        )
        .unwrap();
        let j = Config::from_json(
            r#"{"allow":["县县通"],"rules":{"placeholder/x-slot":"error","consistency":"off"},
                "customTerms":[{"term":"县电视台","replacement":"县融媒体中心"}]}"#,
        )
        .unwrap();
        assert_eq!(format!("{t:?}"), format!("{j:?}"));
        let e = Config::from_toml("[rules]\n\"placeholder/nope\" = \"off\"\n").unwrap_err();
        assert!(e.0.contains("placeholder/nope"), "{e}");
        assert!(Config::from_toml("rulez = 1")
            .unwrap_err()
            .0
            .contains("rulez"));
    }

    #[test]
    fn lenient_keeps_the_good_parts_and_names_the_bad_ones() {
        let (c, errs) = Config::from_json_lenient(
            r#"{"rules":{"placeholder/x-slot":"error","placeholder/nope":"off","consistency":"loud"},"rulez":1,"allow":["县县通"]}"#,
        );
        let r = registry::find("placeholder/x-slot").unwrap();
        assert_eq!(c.severity_of(r), Some(Severity::Error));
        assert_eq!(c.allow, ["县县通"]);
        let all: String = errs
            .iter()
            .map(|e| e.0.clone())
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(errs.len(), 3, "{all}");
        for key in ["placeholder/nope", "consistency", "rulez"] {
            assert!(all.contains(key), "{key} not named in {all}");
        }
        for bad in ["{", "[1,2]", "null", "\"x\""] {
            let (c, errs) = Config::from_json_lenient(bad);
            assert!(c.rules.is_empty() && errs.len() == 1, "{bad}");
        }
        assert!(Config::from_json_lenient("  ").1.is_empty());
    }

    #[test]
    fn allow_list_drops_findings_inside_allowed_words() {
        let text = "《县县本级办法》和“县县本级”";
        assert_eq!(crate::check(text, &Config::default()).len(), 1);
        let c = Config::from_json(r#"{"allow":["县县本级办法"]}"#).unwrap();
        assert!(crate::check(text, &c).is_empty());
        let c = Config::from_json(r#"{"allow":["县本级"]}"#).unwrap();
        assert_eq!(
            crate::check(text, &c).len(),
            1,
            "an allowed word inside the finding does not hide it"
        );
    }
}
