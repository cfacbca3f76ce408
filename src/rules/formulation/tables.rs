//! The formulation tables (`data/slogans.tsv`, `data/formulation.tsv`),
//! parsed once and shared by the rules that read them.

use super::literals::LiteralSet;
use crate::diagnostic::Severity;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

pub(crate) const SLOGANS_TSV: &str = include_str!("../../../data/slogans.tsv");
pub(crate) const WRONG_FORMS_TSV: &str = include_str!("../../../data/formulation.tsv");

pub(crate) struct Slogan {
    pub name: &'static str,
    /// Severity of an unquoted name.
    pub quote: Severity,
    /// Marks an expansion that must match word for word (两个确立: 确立).
    pub trigger: Option<&'static str>,
    /// The standard expansion(s): each a list of elements in order.
    pub versions: Vec<Vec<&'static str>>,
}

pub(crate) struct Slogans {
    pub list: Vec<Slogan>,
    /// Finds every name (id: the slogan's index).
    pub names: LiteralSet,
    /// Finds every element of every version (each string once);
    /// `element_owners[pattern]` lists the slogan of each version it is in.
    /// A cheap prefilter for the expansion checks.
    pub elements: LiteralSet,
    pub element_owners: Vec<Vec<usize>>,
    /// Finds each pattern of `elements` (by pattern id), and the pattern
    /// ids of every element by slogan and version (for searching a clause
    /// without building a searcher per call).
    pub element_finders: Vec<memchr::memmem::Finder<'static>>,
    pub version_elements: Vec<Vec<Vec<usize>>>,
    /// Finds the names of slogans with a `trigger`.
    pub trigger_names: Vec<memchr::memmem::Finder<'static>>,
}

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

pub(crate) static SLOGANS: LazyLock<Slogans> = LazyLock::new(|| {
    let list: Vec<Slogan> = rows(SLOGANS_TSV)
        .map(|f| Slogan {
            name: f[0],
            quote: match f.get(1).copied() {
                Some("info") => Severity::Info,
                _ => Severity::Warning,
            },
            trigger: f.get(2).filter(|t| !t.is_empty()).copied(),
            versions: f
                .get(3)
                .filter(|v| !v.is_empty())
                .map(|v| v.split('|').map(|x| x.split('；').collect()).collect())
                .unwrap_or_default(),
        })
        .collect();
    let names = LiteralSet::new(list.iter().map(|s| s.name));
    let mut element_owners: Vec<Vec<usize>> = Vec::new();
    let mut patterns: Vec<&str> = Vec::new();
    for (i, s) in list.iter().enumerate() {
        for e in s.versions.iter().flatten() {
            match patterns.iter().position(|p| p == e) {
                Some(k) => element_owners[k].push(i),
                None => {
                    patterns.push(e);
                    element_owners.push(vec![i]);
                }
            }
        }
    }
    let elements = LiteralSet::new(patterns.iter().copied());
    let element_finders = (patterns.iter())
        .map(|p| memchr::memmem::Finder::new(p.as_bytes()).into_owned())
        .collect();
    let version_elements = (list.iter())
        .map(|s| {
            (s.versions.iter())
                .map(|v| {
                    v.iter()
                        .map(|e| patterns.iter().position(|p| p == e).unwrap())
                        .collect()
                })
                .collect()
        })
        .collect();
    let trigger_names = list
        .iter()
        .filter(|s| s.trigger.is_some())
        .map(|s| memchr::memmem::Finder::new(s.name))
        .collect();
    Slogans {
        list,
        names,
        elements,
        element_owners,
        element_finders,
        version_elements,
        trigger_names,
    }
});

pub(crate) struct WrongForm {
    pub wrong: &'static str,
    pub right: &'static str,
    pub guards: Vec<&'static str>,
    pub note: &'static str,
}

pub(crate) struct WrongForms {
    pub list: Vec<WrongForm>,
    pub matcher: AhoCorasick,
}

pub(crate) static WRONG_FORMS: LazyLock<WrongForms> = LazyLock::new(|| {
    let list: Vec<WrongForm> = rows(WRONG_FORMS_TSV)
        .map(|f| WrongForm {
            wrong: f[0],
            right: f[1],
            guards: f
                .get(2)
                .map(|g| g.split('|').filter(|x| !x.is_empty()).collect())
                .unwrap_or_default(),
            note: f.get(3).copied().unwrap_or(""),
        })
        .collect();
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(list.iter().map(|w| w.wrong))
        .unwrap();
    WrongForms { list, matcher }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_well_formed() {
        for f in rows(SLOGANS_TSV) {
            assert_eq!(f.len(), 4, "slogans.tsv: {f:?}");
            assert!(["warning", "info"].contains(&f[1]), "slogans.tsv: {f:?}");
        }
        for s in &SLOGANS.list {
            for v in &s.versions {
                assert!(
                    v.len() >= 2 && v.iter().all(|e| !e.is_empty()),
                    "{}",
                    s.name
                );
            }
            if let Some(t) = s.trigger {
                assert!(s.versions[0].iter().all(|e| e.contains(t)), "{}", s.name);
            }
        }
        assert!(SLOGANS.list.len() >= 20);
        for f in rows(WRONG_FORMS_TSV) {
            assert!(
                (2..=4).contains(&f.len()) && f[0] != f[1],
                "formulation.tsv: {f:?}"
            );
        }
        for w in &WRONG_FORMS.list {
            for g in &w.guards {
                assert!(g.contains(w.wrong), "guard {g} lacks {}", w.wrong);
            }
        }
    }
}
