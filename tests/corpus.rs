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
    // punctuation: full-width digit zero ０ (U+FF10) written for 〇 in year numerals (GB/T 15835 §4.2).
    ("cpc_congress_report_16.txt", "二００一"),
    ("cpc_congress_report_16.txt", "二０一０"),
    ("cpc_congress_report_16.txt", "二０二０"),
    ("cpc_congress_report_16.txt", "二０００"),
    ("cpc_congress_report_16.txt", "二００八"),
    // punctuation: a full-width digit in running text.
    ("guowuyuan_guoling706.txt", "实习满１年"),
    // punctuation: half-width marks between Chinese characters (GB/T 15834 §4.4, §4.6, §4.9).
    ("gzbg2026_prov_jiangxi.txt", "序节奏,推动"),
    ("gzbg2026_prov_jiangxi.txt", "发机构,增强"),
    ("gzbg2026_prov_jiangxi.txt", "经验”,深化"),
    ("gzbg2026_prov_beijing.txt", "增长点;推动"),
    ("guowuyuan_guoling707.txt", "所得税;在中国"),
    ("guowuyuan_guobanfa_2018_128.txt", "(国家发展改革委、"),
    ("guowuyuan_guobanfa_2018_128.txt", "(生态环境部指导)"),
    ("guowuyuan_guobanhan_2005_57.txt", "国家级(Ⅰ级)"),
    ("guowuyuan_guobanhan_2005_57.txt", "省级(Ⅱ级)"),
    // punctuation: （…) closed with a half-width bracket.
    ("guowuyuan_guofa_2018_41.txt", "教育)、高"),
    // punctuation: U+2022 bullet used as the 间隔号 · in a company name.
    ("guowuyuan_guobanhan_2004_57.txt", "重工•起重"),
    // punctuation: stray spaces in running text (before a quote, between two quoted
    // names, around a number, after the newspaper's page-continuation note).
    ("gzbg2026_prov_jiangxi.txt", "计划” “2030"),
    ("gzbg2026_prov_jiangxi.txt", "有企业 “争"),
    ("gzbg2026_prov_jiangxi.txt", "全省 100 个县"),
    ("gzbg2026_prov_xizang.txt", "一版） 我们"),
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
