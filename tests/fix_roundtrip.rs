//! Fixes hold: over every published document in ../shared/corpus/clean, the
//! test injects errors of the number, formulation and typo families, applies
//! the fixes, and checks again.
//! - safe fixes (applied in bulk by users) leave no finding of their rules;
//! - applying every offered fix of those families leaves no more findings
//!   than the untouched document had.

mod common;

use gwlint::{check, Applicability, Category, Config, Diagnostic};
use std::collections::BTreeMap;

const FAMILIES: [Category; 3] = [Category::Number, Category::Formulation, Category::Typo];

/// Errors with a safe fix, appended as a paragraph and injected into the text.
const SAFE_PARAGRAPH: &str = "二零二四年工作要点于2024年03月05日印发，全年增长5 %，占比3％。";
/// Errors whose fixes need review.
const REVIEW_PARAGRAPH: &str = "截止目前，从二个方面学习党的20大精神，深刻领悟两个确立，\
再接再励，参加人员大约50人左右，24年3月完成4千人培训，臺灣同胞，落实主题责任，\
学习习近平新时代特色社会主义思想。";

/// Applies the first fix of each finding that `pick` selects, skipping fixes
/// that overlap one already applied.
fn apply(text: &str, diags: &[Diagnostic], pick: impl Fn(&Diagnostic) -> bool) -> String {
    let mut fixes: Vec<_> = diags
        .iter()
        .filter(|d| pick(d))
        .filter_map(|d| d.fixes.first())
        .collect();
    fixes.sort_by_key(|f| (std::cmp::Reverse(f.start), std::cmp::Reverse(f.end)));
    let mut out = text.to_string();
    let mut floor = usize::MAX;
    for f in fixes {
        if f.end > floor {
            continue;
        }
        out.replace_range(f.start..f.end, &f.replacement);
        floor = f.start;
    }
    out
}

fn ours(d: &Diagnostic) -> bool {
    FAMILIES.contains(&d.category())
}

fn count(diags: &[Diagnostic]) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for d in diags.iter().filter(|d| ours(d)) {
        *m.entry(d.rule.id).or_default() += 1;
    }
    m
}

/// Injects errors into the text itself: a padded month, a 零 year, a full-width
/// percent sign (where the document has such things), plus `extra` at the end.
fn inject(text: &str, extra: &str) -> String {
    let mut t = text
        .replacen("年3月", "年03月", 1)
        .replacen("二〇", "二零", 1);
    if let Some(i) = t.find("%，") {
        t.replace_range(i..i + 1, "％");
    }
    format!("{t}\n{extra}\n")
}

#[test]
fn fixes_remove_the_findings_they_fix() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let files = common::clean_files(&shared);
    assert_eq!(files.len(), 86);
    let cfg = Config::default();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy();
        let text = std::fs::read_to_string(f).unwrap();

        // Safe fixes: nothing of their rules remains.
        let broken = inject(&text, SAFE_PARAGRAPH);
        let before = check(&broken, &cfg);
        let safe_rules: Vec<&str> = before
            .iter()
            .filter(|d| {
                ours(d)
                    && d.fixes
                        .iter()
                        .any(|x| x.applicability == Applicability::Safe)
            })
            .map(|d| d.rule.id)
            .collect();
        for r in [
            "number/year-zero",
            "number/zero-padded-date",
            "number/percent-sign",
        ] {
            assert!(safe_rules.contains(&r), "{name}: injected {r} not found");
        }
        let fixed = apply(&broken, &before, |d| {
            d.fixes
                .first()
                .is_some_and(|x| x.applicability == Applicability::Safe)
        });
        let left: Vec<String> = check(&fixed, &cfg)
            .iter()
            .filter(|d| safe_rules.contains(&d.rule.id))
            .map(|d| format!("{} «{}»", d.rule.id, &fixed[d.start..d.end]))
            .collect();
        assert!(left.is_empty(), "{name}: after safe fixes: {left:?}");

        // Every fix of our families: no more findings than the original had.
        let baseline = count(&check(&text, &cfg));
        let broken = inject(&text, REVIEW_PARAGRAPH);
        let before = check(&broken, &cfg);
        let injected = count(&before);
        for r in [
            "number/jiezhi",
            "number/er-liang",
            "number/formal-name-numeral",
            "number/redundant-approximation",
            "number/short-year",
            "number/mixed-numeral",
            "typo/lexicon",
            "typo/traditional",
            "formulation/slogan-quotes",
            "formulation/wrong-form",
            "formulation/thought-name",
        ] {
            assert!(
                injected.get(r).copied().unwrap_or(0) > baseline.get(r).copied().unwrap_or(0),
                "{name}: injected {r} not found"
            );
        }
        let fixed = apply(&broken, &before, ours);
        let after = count(&check(&fixed, &cfg));
        for (r, n) in &after {
            assert!(
                *n <= baseline.get(r).copied().unwrap_or(0),
                "{name}: {r} still reports {n} after all fixes (the document had {:?})",
                baseline.get(r)
            );
        }
    }
}
