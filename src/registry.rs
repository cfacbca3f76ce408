//! The one table of rules. Each family module (`rules::<family>`) exports a
//! `RULES` slice of `&RuleMeta`; `all()` chains the families in a fixed order.
//! Rules are declared with [`declare_rule!`], which keeps the rule's doc comment
//! as its user-facing documentation (`gwlint explain`, the page's tooltips).

use crate::diagnostic::{Category, Severity};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

/// What a rule looks at. Paragraph rules see one paragraph at a time and must
/// depend on nothing else (their results are cached per paragraph, see
/// `crate::incremental`); document rules see the whole model; fact rules note
/// facts per paragraph (cached) and judge the document from them.
pub enum Check {
    Paragraph(fn(&Document, &Paragraph, &mut Sink<'_>)),
    Document(fn(&Document, &mut Sink<'_>)),
    Facts(crate::incremental::FactRule),
}

pub struct RuleMeta {
    /// Stable id, `category/name`.
    pub id: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    /// Short Chinese title shown in lists and tooltips.
    pub title: &'static str,
    /// The rule's doc comment (English for developers; first line is the summary).
    pub doc: &'static str,
    pub check: Check,
}

impl std::fmt::Debug for RuleMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleMeta").field("id", &self.id).finish()
    }
}

/// Declares a rule: `declare_rule! { /// docs... pub static NAME = { id: .., category: .., severity: .., title: .., check: .. }; }`
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:expr])*
        pub static $name:ident = {
            id: $id:expr,
            category: $cat:ident,
            severity: $sev:ident,
            title: $title:expr,
            check: $kind:ident($f:expr) $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        pub static $name: $crate::registry::RuleMeta = $crate::registry::RuleMeta {
            id: $id,
            category: $crate::diagnostic::Category::$cat,
            default_severity: $crate::diagnostic::Severity::$sev,
            title: $title,
            doc: concat!($($doc, "\n"),*),
            check: $crate::registry::Check::$kind($f),
        };
    };
}

/// Every rule, in a stable order (family by family).
pub fn all() -> impl Iterator<Item = &'static RuleMeta> {
    crate::rules::FAMILIES
        .iter()
        .flat_map(|family| family.iter().copied())
}

pub fn find(id: &str) -> Option<&'static RuleMeta> {
    all().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_match_their_category() {
        let mut seen = HashSet::new();
        for r in all() {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            let (cat, name) = r.id.split_once('/').expect("id is category/name");
            assert_eq!(cat, r.category.as_str(), "{}", r.id);
            assert!(
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                r.id
            );
            assert!(!r.title.is_empty(), "{} has no title", r.id);
            assert!(r.doc.trim().len() > 20, "{} has no doc comment", r.id);
        }
        assert!(seen.len() >= 3);
    }
}
