//! False positives on published text: every rule, run over the 86 published
//! documents in ../shared/corpus/clean, must report nothing at warning or
//! above. (Real errors in that corpus, once a rule finds them, are listed in
//! KNOWN_REAL with the reason a reviewer agreed.)

mod common;

use gwlint::{check, Config, Severity};

/// (file, excerpt) pairs of findings a reviewer confirmed as real errors.
const KNOWN_REAL: &[(&str, &str)] = &[
    // number/percent-sign: one full-width ％ among 19 half-width % in the same document.
    ("gzbg2026_prov_chongqing.txt", "排名前1％"),
    // number/percent-sign: three full-width ％ among 14 half-width % in the same document.
    ("gzbg_national_2021.txt", "增长2.3％"),
    ("gzbg_national_2021.txt", "降到5.2％"),
    ("gzbg_national_2021.txt", "上涨2.5％"),
    // typo/traditional: traditional characters in the simplified text of this copy.
    ("cpc_congress_report_16.txt", "改革開放"),
    ("cpc_congress_report_16.txt", "我們要"),
];

#[test]
fn clean_corpus_has_no_warnings() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let dir = shared.join("corpus/clean");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 86);
    let mut unexpected = Vec::new();
    let mut chars = 0usize;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        chars += text.chars().count();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        for d in check(&text, &Config::default()) {
            if d.severity < Severity::Warning {
                continue;
            }
            let lo = text.floor_char_boundary(d.start.saturating_sub(9));
            let hi = text.ceil_char_boundary((d.end + 9).min(text.len()));
            let excerpt = text[lo..hi].replace('\n', "⏎");
            if !KNOWN_REAL
                .iter()
                .any(|(n, e)| *n == name && excerpt.contains(e))
            {
                unexpected.push(format!("{name}: {} «{excerpt}» {}", d.rule.id, d.message));
            }
        }
    }
    assert!(chars > 1_000_000);
    assert!(
        unexpected.is_empty(),
        "{} findings on published text:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
}
