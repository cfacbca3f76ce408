//! The per-paragraph cache on real text: for every published document in
//! ../shared/corpus/clean (and one with slips typed into it) the incremental
//! checker, which checks each paragraph on its own and reuses unchanged ones,
//! reports exactly what a full check reports.

mod common;

use gwlint::{check, Checker, Config};

#[test]
fn incremental_checker_agrees_with_full_check_on_the_corpus() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(shared.join("corpus/clean"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let config = Config::default();
    let mut checker = Checker::new(config.clone());
    for f in &files {
        let mut text = std::fs::read_to_string(f).unwrap();
        let name = f.display();
        let full = check(&text, &config);
        assert_eq!(
            format!("{:?}", checker.check(&text)),
            format!("{full:?}"),
            "{name}: a Paragraph rule depends on more than its paragraph (see src/incremental.rs)"
        );
        // Typing slips into the middle: only that paragraph changes.
        let mid = text.floor_char_boundary(text.len() / 2);
        text.insert_str(mid, "X的的");
        assert_eq!(
            format!("{:?}", checker.check(&text)),
            format!("{:?}", check(&text, &config)),
            "{name} after an edit"
        );
    }
}

/// A character boundary near `at` (at or after it).
fn boundary(text: &str, at: usize) -> usize {
    text.ceil_char_boundary(at.min(text.len()))
}

/// Edits as an editor makes them, one after the other, each followed by a
/// check through the same `Checker`: typing and deleting inside a paragraph,
/// across a line break (joining and splitting paragraphs), at both ends, in a
/// heading, in a cited title, and pasting text that the document-level (fact)
/// rules report: a title spelt two ways, another unit's 本区, a miscounted
/// list, a gap in 一是/二是, a meeting name with 工作 left out.
fn edits(original: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut t = original.to_string();
    let mid = boundary(&t, t.len() / 2);
    t.insert_str(mid, "X的的");
    out.push(t.clone());
    t.replace_range(mid..mid + "X的的".len(), "");
    out.push(t.clone());
    // Join two paragraphs in the middle, then split one.
    if let Some(nl) = t[mid..].find('\n').map(|i| mid + i) {
        let from = t[..nl]
            .rfind(|c: char| c != '\n')
            .map_or(nl, |i| boundary(&t, i));
        t.replace_range(from..nl + 1, "");
        out.push(t.clone());
        let at = boundary(&t, from.saturating_sub(7));
        t.insert(at, '\n');
        out.push(t.clone());
    }
    // Both ends.
    t.insert(0, '县');
    out.push(t.clone());
    t.push_str("\n本区要求");
    out.push(t.clone());
    t.truncate(t.len() - "\n本区要求".len());
    t.replace_range(0.."县".len(), "");
    out.push(t.clone());
    // A heading: renumber it, then take its ordinal away.
    for ordinal in ["一、", "（一）"] {
        if let Some(h) = t.find(&format!("\n{ordinal}")).map(|i| i + 1) {
            let renumbered = ordinal.replace('一', "三");
            t.replace_range(h..h + ordinal.len(), &renumbered);
            out.push(t.clone());
            t.replace_range(h..h + renumbered.len(), "");
            out.push(t.clone());
        }
    }
    // A cited title: a second spelling elsewhere, then a character typed in it.
    if let Some(open) = t.find('《') {
        if let Some(len) = t[open..].find('》') {
            let title = t[open..open + len + "》".len()].to_string();
            let mut chars: Vec<char> = title.chars().collect();
            if chars.len() > 4 {
                let k = chars.len() - 3;
                chars[k] = if chars[k] == '法' { '规' } else { '法' };
            }
            let other: String = chars.into_iter().collect();
            let at = boundary(&t, t.len() * 3 / 4);
            let at = t[at..].find('\n').map_or(t.len(), |i| at + i);
            t.insert_str(at, &format!("\n落实{other}和{title}。"));
            out.push(t.clone());
            t.insert(open + "《".len(), '县');
            out.push(t.clone());
        }
    }
    // Paragraphs the fact rules report, pasted in the middle.
    let at = boundary(&t, t.len() / 3);
    let at = t[at..].find('\n').map_or(t.len(), |i| at + i);
    t.insert_str(
        at,
        "\n主要有三个方面：一是加强学习，二是改进作风。\n一是甲，三是乙。\n本县、本区、本区和区委。\n学习中央经济工作会议精神和中央经济会议精神。",
    );
    out.push(t.clone());
    // Slips for the other fact rules: brackets and quotes left open, signs
    // and forms mixed, a paragraph without its full stop, a defined name.
    let at = boundary(&t, t.len() * 2 / 3);
    let at = t[at..].find('\n').map_or(t.len(), |i| at + i);
    t.insert_str(
        at,
        "\n“继续推进（甲乙，增长5％和3%，提高百分之五，2024年、2025年和二〇二三年。\n这是没有句号的一段文字，长度足够长的一句话，而且没有结尾标点\n国家中长期科技发展规划（以下简称“科技规划”）印发。要落实科技发展规划的要求。",
    );
    out.push(t.clone());
    // Typing in the pasted list changes its count.
    let k = t.find("二是改进").unwrap();
    t.insert_str(k, "三是强化监督，");
    out.push(t.clone());
    out.push(original.to_string());
    out
}

#[test]
fn incremental_checker_agrees_with_full_check_through_a_sequence_of_edits() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(shared.join("corpus/clean"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let config = Config::default();
    let mut fired = std::collections::BTreeSet::new();
    // Every seventh document keeps the test short in debug builds.
    for f in files.iter().step_by(7) {
        let text = std::fs::read_to_string(f).unwrap();
        let mut checker = Checker::new(config.clone());
        checker.check(&text);
        for (i, t) in edits(&text).iter().enumerate() {
            let full = check(t, &config);
            assert_eq!(
                format!("{:?}", checker.check(t)),
                format!("{full:?}"),
                "{}: edit {i}",
                f.display()
            );
            fired.extend(full.iter().map(|d| d.rule.id));
        }
    }
    // The edits reach the fact rules (else this test would prove little).
    for id in [
        "consistency/cited-name",
        "consistency/admin-level",
        "structure/enumeration-count",
        "structure/enumeration-sequence",
        "number/percent-sign",
        "consistency/percent-form",
        "consistency/year-form",
        "consistency/abbreviation",
        "punctuation/unpaired-bracket",
        "punctuation/unpaired-quote",
        "punctuation/missing-end",
    ] {
        assert!(fired.contains(id), "no edit made {id} fire");
    }
}
