//! User configuration (JSON). The same keys are used by the CLI's `--config`
//! file, the page's settings and the editor extensions.
//!
//! ```json
//! { "rules": { "placeholder/x-slot": "error", "consistency": "off" } }
//! ```
//! A key in `rules` is a rule id or a whole category; a rule id wins over its
//! category. Values: `off`, `info`, `warning`, `error`.

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
        let cfg: Config = serde_json::from_str(s).map_err(|e| ConfigError(format!("配置文件无效：{e}")))?;
        cfg.validate()?;
        Ok(cfg)
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        for key in self.rules.keys() {
            let is_category = crate::diagnostic::Category::ALL.iter().any(|c| c.as_str() == key);
            if !is_category && registry::find(key).is_none() {
                return Err(ConfigError(format!("配置项 rules 中的“{key}”不是已知的规则编号或类别")));
            }
        }
        Ok(())
    }

    /// The effective severity of a rule, or `None` when it is off.
    pub fn severity_of(&self, rule: &RuleMeta) -> Option<Severity> {
        let level = self.rules.get(rule.id).or_else(|| self.rules.get(rule.category.as_str()));
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
        let c = Config::from_json(r#"{"rules":{"placeholder":"off","placeholder/x-slot":"error"}}"#).unwrap();
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
    }
}
