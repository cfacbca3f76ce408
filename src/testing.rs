//! Test helpers that state intent: `assert_fires`, `assert_quiet`, `assert_fix`.
//! A `⟦…⟧` pair in the text marks where the finding must be.

use crate::{check, Config, Diagnostic};

fn run(rule: &str, text: &str) -> Vec<Diagnostic> {
    assert!(crate::registry::find(rule).is_some(), "unknown rule {rule}");
    let all = check(text, &Config::default());
    // Every rule test also checks the contract of the per-paragraph cache: the
    // incremental checker (paragraphs checked on their own) must agree.
    let incremental = crate::Checker::new(Config::default()).check(text);
    assert_eq!(
        format!("{incremental:?}"),
        format!("{all:?}"),
        "the cached per-paragraph check differs from the full check on {text:?}: \
         a Paragraph rule may only look at its own paragraph (see src/incremental.rs)"
    );
    // And the pre-filter (`registry::Triggers`): without it, the same findings.
    crate::registry::set_prefilter(false);
    let unfiltered = check(text, &Config::default());
    crate::registry::set_prefilter(true);
    assert_eq!(
        format!("{unfiltered:?}"),
        format!("{all:?}"),
        "with the pre-filter, findings are missing on {text:?}: a rule's `triggers` \
         do not cover everything it reports (see registry::Triggers)"
    );
    // Without the dictionary, the same paragraphs wait for it either way.
    crate::segment::hide_dictionary(true);
    let pending = crate::analyze(text, &Config::default()).segmentation_pending;
    crate::registry::set_prefilter(false);
    let pending_unfiltered = crate::analyze(text, &Config::default()).segmentation_pending;
    crate::registry::set_prefilter(true);
    crate::segment::hide_dictionary(false);
    assert_eq!(
        pending, pending_unfiltered,
        "the pre-filter skips a rule that asks for segmentation on {text:?}"
    );
    all.into_iter().filter(|d| d.rule.id == rule).collect()
}

/// Asserts that `rule` fires exactly over each `⟦…⟧` span of `marked`, and nowhere else.
#[track_caller]
pub fn assert_fires(rule: &str, marked: &str) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open = None;
    for c in marked.chars() {
        match c {
            '⟦' => open = Some(text.len()),
            '⟧' => spans.push((open.take().expect("unbalanced ⟦⟧"), text.len())),
            _ => text.push(c),
        }
    }
    let got: Vec<(usize, usize)> = run(rule, &text).iter().map(|d| (d.start, d.end)).collect();
    if spans.is_empty() {
        assert!(!got.is_empty(), "{rule} should fire on {text:?}");
    } else {
        let show = |v: &[(usize, usize)]| {
            v.iter()
                .map(|&(s, e)| text[s..e].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(show(&got), show(&spans), "{rule} on {text:?}");
        assert_eq!(got, spans, "{rule} on {text:?}");
    }
}

/// Asserts that `rule` reports nothing on `text`.
#[track_caller]
pub fn assert_quiet(rule: &str, text: &str) {
    let got = run(rule, text);
    assert!(
        got.is_empty(),
        "{rule} should stay quiet on {text:?}, got {:?}",
        got.iter()
            .map(|d| (&text[d.start..d.end], &d.message))
            .collect::<Vec<_>>()
    );
}

/// Asserts that applying the first fix of every finding of `rule` turns `before` into `after`.
#[track_caller]
pub fn assert_fix(rule: &str, before: &str, after: &str) {
    let diags = run(rule, before);
    assert!(!diags.is_empty(), "{rule} should fire on {before:?}");
    let mut edits: Vec<_> = diags.iter().filter_map(|d| d.fixes.first()).collect();
    edits.sort_by_key(|f| std::cmp::Reverse(f.start));
    let mut s = before.to_string();
    for f in edits {
        s.replace_range(f.start..f.end, &f.replacement);
    }
    assert_eq!(s, after);
}

/// ../shared/corpus for the unit tests that read the published documents:
/// `None` (with a notice) when it is missing, a failure under CI=true
/// (the integration tests do the same in tests/common/mod.rs).
pub fn shared_corpus() -> Option<std::path::PathBuf> {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if shared.join("clean").is_dir() {
        return Some(shared);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "../shared is missing"
    );
    eprintln!("NOTICE: ../shared is missing; skipping");
    None
}
