//! Findings: what a rule reports. Spans are byte offsets into the checked text;
//! front ends convert them once (see `offsets`) to chars or UTF-16 code units.

use serde::{Deserialize, Serialize};

/// The seven rule families. Every rule id starts with the family name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Structure,
    Placeholder,
    Consistency,
    Punctuation,
    Number,
    Formulation,
    Typo,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Structure,
        Category::Placeholder,
        Category::Consistency,
        Category::Punctuation,
        Category::Number,
        Category::Formulation,
        Category::Typo,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Structure => "structure",
            Category::Placeholder => "placeholder",
            Category::Consistency => "consistency",
            Category::Punctuation => "punctuation",
            Category::Number => "number",
            Category::Formulation => "formulation",
            Category::Typo => "typo",
        }
    }

    /// Chinese name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Category::Structure => "结构",
            Category::Placeholder => "占位符",
            Category::Consistency => "一致性",
            Category::Punctuation => "标点",
            Category::Number => "数字",
            Category::Formulation => "规范提法",
            Category::Typo => "错别字",
        }
    }
}

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Whether a fix may be applied without a human looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Mechanical and meaning-preserving (width conversion, padding): can be applied in bulk.
    Safe,
    /// Changes wording or guesses intent: offer it, but the writer decides.
    Review,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Review => "review",
        }
    }
}

/// One replacement edit. `start..end` are byte offsets into the checked text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    pub applicability: Applicability,
}

/// One finding. `rule` is the registry entry that produced it; `severity` is the
/// effective severity after configuration.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub rule: &'static crate::registry::RuleMeta,
    pub severity: Severity,
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn category(&self) -> Category {
        self.rule.category
    }
}
