//! The pre-filter (`registry::Triggers`) is sound: a rule skipped on a
//! paragraph because its triggers do not occur there would have found nothing.
//! Over the published documents, the drafts, the error sentences and the
//! example report, every rule's findings with the pre-filter equal its
//! findings without it.

mod common;

use gwlint::{check, registry, Config};
use std::collections::BTreeMap;

fn texts(shared: &std::path::Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in [
        "corpus/clean",
        "corpus/drafts",
        "corpus/sentences",
        "examples",
    ] {
        let mut files: Vec<_> = std::fs::read_dir(shared.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            out.push((
                f.display().to_string(),
                std::fs::read_to_string(&f).unwrap(),
            ));
        }
    }
    assert!(
        out.len() > 100,
        "expected the corpus, got {} files",
        out.len()
    );
    out
}

/// `text` with slips typed into every line (pseudo-random, reproducible):
/// characters from a pool of marks, digits and traditional characters
/// inserted, a character doubled, or one deleted.
fn with_slips(text: &str, seed: u64) -> String {
    let mut pool: Vec<char> = ",.;:?!()\"'_＿ 　…·•・‧。，、；：？！—-~～0123456789０１二两〇零○XxＸ某□待TODOBFIXME年月日%％（）【】〔〕《》〈〉「」“”‘’/\t"
        .chars()
        .collect();
    let trad = include_str!("../data/traditional.tsv");
    pool.extend(
        trad.lines()
            .filter(|l| !l.starts_with('#'))
            .step_by(40)
            .filter_map(|l| l.chars().next()),
    );
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % n.max(1)
    };
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        let mut chars: Vec<char> = line.chars().collect();
        for _ in 0..1 + next(3) {
            let body = chars.len() - usize::from(line.ends_with('\n'));
            let at = next(body + 1);
            match next(4) {
                0 | 1 => chars.insert(at, pool[next(pool.len())]),
                2 if at < body => chars.insert(at, chars[at]),
                _ if at < body && body > 1 => {
                    chars.remove(at);
                }
                _ => {}
            }
        }
        out.extend(chars);
    }
    out
}

/// Findings per rule id, as (span, message, fixes) lines.
fn by_rule(text: &str, config: &Config) -> BTreeMap<&'static str, Vec<String>> {
    let mut m: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for d in check(text, config) {
        m.entry(d.rule.id).or_default().push(format!(
            "{}..{} {:?} {} {:?}",
            d.start,
            d.end,
            &text[d.start..d.end],
            d.message,
            d.fixes
        ));
    }
    m
}

/// `scan` finds every condition `scan_reference` does, and no more (but for
/// characters above U+FFFF, which set every condition that mentions one).
fn same_scan(line: &str, name: &str) {
    let p = registry::prefilter();
    let (fast, slow) = (p.scan(line), p.scan_reference(line));
    if line.chars().any(|c| c > '\u{ffff}') {
        assert!(
            fast.covers(slow),
            "{name}: the scan misses a condition in {line:?}"
        );
    } else {
        assert_eq!(fast, slow, "{name}: the scan differs on {line:?}");
    }
}

/// The single pass over a paragraph (`Prefilter::scan`, written for speed)
/// finds the same conditions as testing each condition on its own, line by
/// line over the texts and their slipped copies.
#[test]
fn the_fast_scan_finds_what_each_condition_says() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut lines = 0;
    for (i, (name, text)) in texts(&shared).into_iter().enumerate() {
        let slipped = with_slips(&text, i as u64 + 1000);
        for line in text.lines().chain(slipped.lines()) {
            same_scan(line, &name);
            lines += 1;
        }
    }
    // Characters above U+FFFF, doubled and repeated, at the very start and end.
    for line in [
        "\u{20001}\u{20001}",
        "𠀁文𠀁文",
        "研究研究",
        "的的",
        "X",
        "某某",
        "，，",
        "\u{F0001}",
    ] {
        same_scan(line, "");
    }
    assert!(lines > 10_000, "only {lines} lines");
}

#[test]
fn findings_with_and_without_the_prefilter_are_the_same_rule_by_rule() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let config = Config::default();
    let mut findings = 0;
    let mut all_texts = texts(&shared);
    let slipped: Vec<_> = all_texts
        .iter()
        .enumerate()
        .map(|(i, (name, text))| (format!("{name} (with slips)"), with_slips(text, i as u64)))
        .collect();
    all_texts.extend(slipped);
    for (name, text) in all_texts {
        registry::set_prefilter(true);
        let filtered = by_rule(&text, &config);
        registry::set_prefilter(false);
        let all = by_rule(&text, &config);
        registry::set_prefilter(true);
        for rule in registry::all() {
            let (a, b) = (all.get(rule.id), filtered.get(rule.id));
            assert_eq!(
                a, b,
                "{name}: {} finds other things with the pre-filter; its triggers miss a case",
                rule.id
            );
            findings += a.map_or(0, Vec::len);
        }
    }
    eprintln!("{findings} findings compared");
    // The comparison means something only if the rules find things here.
    assert!(findings > 1000, "only {findings} findings in the texts");
}

/// `text` with characters that fact rules look for typed into every line
/// (markers, numerals, levels, quotes, brackets, percent signs).
fn with_fact_slips(text: &str, seed: u64) -> String {
    let pool: Vec<char> =
        "是要第一二三十两个方点项条件县区乡镇省市本我全来驻委政人党会议《》“”‘’〝〞〟（）()[]［］【】〔〕〈〉%％百分之年〇○零0123，。：；"
            .chars()
            .collect();
    let mut state = seed
        .wrapping_mul(2862933555777941757)
        .wrapping_add(3037000493);
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(2862933555777941757)
            .wrapping_add(3037000493);
        ((state >> 33) as usize) % n.max(1)
    };
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for line in text.split_inclusive('\n') {
        let mut chars: Vec<char> = line.chars().collect();
        for _ in 0..1 + next(4) {
            let body = chars.len() - usize::from(line.ends_with('\n'));
            chars.insert(next(body + 1), pool[next(pool.len())]);
        }
        out.extend(chars);
    }
    out
}

/// Fact rules' `collect` skips a paragraph whose text holds none of its
/// triggers (`incremental::Facts::triggered`): the facts are the same as
/// without the pre-filter.
#[test]
fn facts_with_and_without_the_prefilter_are_the_same() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut all_texts = texts(&shared);
    let slipped: Vec<_> = all_texts
        .iter()
        .enumerate()
        .flat_map(|(i, (name, text))| {
            [
                (format!("{name} (with slips)"), with_slips(text, i as u64)),
                (
                    format!("{name} (with fact slips)"),
                    with_fact_slips(text, i as u64),
                ),
            ]
        })
        .collect();
    all_texts.extend(slipped);
    let mut facts = 0;
    for (name, text) in all_texts {
        registry::set_prefilter(true);
        let filtered = gwlint::incremental::facts_of(&text);
        registry::set_prefilter(false);
        let all = gwlint::incremental::facts_of(&text);
        registry::set_prefilter(true);
        for ((rule, a), (_, b)) in all.iter().zip(&filtered) {
            assert_eq!(
                a, b,
                "{name}: {rule} notes other facts with the pre-filter; its triggers miss a case"
            );
            facts += a.len();
        }
    }
    eprintln!("{facts} facts compared");
    assert!(facts > 10_000, "only {facts} facts in the texts");
}
