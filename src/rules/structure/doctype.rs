//! Document types and their templates. The built-in templates live in
//! `data/doctypes.json` (compiled in); a unit adds or replaces templates with
//! the config key `documentTemplates` and fixes the type with `documentType`.
//! Without `documentType` the type is read from the title: the type whose
//! title word ends latest in the title (`…意见报告的通知` is a 通知).

use crate::config::Config;
use crate::model::Document;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("../../../data/doctypes.json");

/// What kind of 文种 a template is, for the rules that depend on it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// 报告 and its relatives: must not carry a request (请批示).
    Report,
    /// 请示: ends with a closing such as 妥否，请批示.
    Request,
    #[default]
    Other,
}

/// A required part of a document, found when any of its words occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Name shown in the message: 存在问题或不足.
    pub part: String,
    /// Words and synonyms, any of which marks the part as present.
    pub any: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocTemplate {
    /// The type's name, used as `documentType`: 述责述廉报告.
    pub name: String,
    /// Words in a title that select this type.
    #[serde(default)]
    pub titles: Vec<String>,
    /// The 文种 words one of which the title must contain.
    #[serde(default)]
    pub wenzhong: Vec<String>,
    #[serde(default)]
    pub kind: Kind,
    /// Required parts.
    #[serde(default)]
    pub parts: Vec<Part>,
    /// For a 请示: closing phrases, one of which must end the text.
    #[serde(default)]
    pub closing: Vec<String>,
}

impl DocTemplate {
    /// Checks a template from data or config; errors are Chinese and name the template.
    pub fn validate(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("模板缺少 name".into());
        }
        let n = &self.name;
        let blank = |v: &[String]| v.iter().any(|w| w.trim().is_empty());
        if blank(&self.titles) || blank(&self.wenzhong) || blank(&self.closing) {
            return Err(format!("模板“{n}”含有空的词语"));
        }
        for p in &self.parts {
            if p.part.trim().is_empty() || p.any.is_empty() || blank(&p.any) {
                return Err(format!("模板“{n}”的部分“{}”缺少名称或同义词", p.part));
            }
        }
        Ok(())
    }
}

/// The built-in templates, parsed once.
pub fn builtin() -> &'static [DocTemplate] {
    static T: OnceLock<Vec<DocTemplate>> = OnceLock::new();
    T.get_or_init(|| serde_json::from_str(BUILTIN).expect("data/doctypes.json is well formed"))
}

/// The template called `name`: the config's own first, then the built-in ones.
pub fn find<'c>(config: &'c Config, name: &str) -> Option<&'c DocTemplate> {
    config
        .document_templates
        .iter()
        .find(|t| t.name == name)
        .or_else(|| builtin().iter().find(|t| t.name == name))
}

/// How the type was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Config,
    Title,
}

/// The document's type: from `documentType`, or from the title.
pub fn detect<'c>(doc: &Document, config: &'c Config) -> Option<(&'c DocTemplate, Source)> {
    if let Some(name) = &config.document_type {
        return find(config, name).map(|t| (t, Source::Config));
    }
    let title = super::elements::title(doc)?;
    let t = doc.para_text(&doc.paragraphs[title]);
    let mut best: Option<(usize, &DocTemplate)> = None;
    let all = config.document_templates.iter().chain(builtin());
    for tpl in all {
        for w in &tpl.titles {
            if let Some(i) = t.rfind(w.as_str()) {
                let end = i + w.len();
                if best.is_none_or(|(e, _)| end > e) {
                    best = Some((end, tpl));
                }
            }
        }
    }
    best.map(|(_, t)| (t, Source::Title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_are_well_formed() {
        let all = builtin();
        assert!(all.len() >= 7);
        let mut names = std::collections::HashSet::new();
        for t in all {
            t.validate().unwrap();
            assert!(names.insert(t.name.as_str()), "duplicate {}", t.name);
            assert!(!t.titles.is_empty() && !t.wenzhong.is_empty(), "{}", t.name);
            assert_eq!(t.kind == Kind::Request, !t.closing.is_empty(), "{}", t.name);
        }
        // The type named in the issue each resolve.
        for n in [
            "述责述廉报告",
            "述职报告",
            "工作总结",
            "工作报告",
            "请示",
            "通知",
            "讲话",
        ] {
            assert!(names.contains(n), "{n}");
        }
    }

    #[test]
    fn detects_the_type_from_the_title() {
        let c = Config::default();
        let name = |t: &str| detect(&Document::parse(t), &c).map(|(t, _)| t.name.clone());
        assert_eq!(
            name("2023年度述责述廉报告\n正文。\n").as_deref(),
            Some("述责述廉报告")
        );
        assert_eq!(
            name("张三同志述职述廉报告\n正文。\n").as_deref(),
            Some("述责述廉报告")
        );
        assert_eq!(
            name("关于2023年工作情况的报告\n正文。\n").as_deref(),
            Some("工作报告")
        );
        assert_eq!(
            name("关于拨付经费的请示\n正文。\n").as_deref(),
            Some("请示")
        );
        assert_eq!(
            name("国务院办公厅转发某部关于加强管理意见报告的通知\n正文。\n").as_deref(),
            Some("通知")
        );
        assert_eq!(
            name("区委书记在全区领导干部大会上的讲话\n同志们：\n").as_deref(),
            Some("讲话")
        );
        assert_eq!(
            name("2021年上半年乡政府工作总结\n正文。\n").as_deref(),
            Some("工作总结")
        );
        assert_eq!(name("同志们：\n今天开会。\n"), None);
    }

    #[test]
    fn config_names_or_adds_a_type() {
        let c = Config::from_json(r#"{"documentType":"请示"}"#).unwrap();
        let d = Document::parse("关于某事的报告\n正文。\n");
        assert_eq!(
            detect(&d, &c).map(|(t, s)| (t.name.as_str(), s)),
            Some(("请示", Source::Config))
        );
        let c = Config::from_json(
            r#"{"documentTemplates":[{"name":"调研报告","titles":["调研报告"],"wenzhong":["报告"],"kind":"report","parts":[{"part":"对策建议","any":["建议","对策"]}]}]}"#,
        )
        .unwrap();
        let d = Document::parse("关于农村养老的调研报告\n正文。\n");
        assert_eq!(
            detect(&d, &c).map(|(t, _)| t.name.as_str()),
            Some("调研报告")
        );
    }
}
