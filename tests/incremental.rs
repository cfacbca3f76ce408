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
    let files = common::clean_files(&shared);
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
    let files = common::clean_files(&shared);
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

/// The edit that turns `old` into `new`, as an editor reports it: UTF-16
/// offsets `from..to` of `old` replaced by the text inserted.
fn utf16_edit(old: &str, new: &str) -> (usize, usize, String) {
    let mut pre = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(pre) || !new.is_char_boundary(pre) {
        pre -= 1;
    }
    let max = old.len().min(new.len()) - pre;
    let mut suf = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take_while(|(a, b)| a == b)
        .count()
        .min(max);
    while !old.is_char_boundary(old.len() - suf) || !new.is_char_boundary(new.len() - suf) {
        suf -= 1;
    }
    let u16 = |s: &str| s.encode_utf16().count();
    (
        u16(&old[..pre]),
        u16(&old[..old.len() - suf]),
        new[pre..new.len() - suf].to_string(),
    )
}

/// What a front end holds of an outline entry or a checklist slot: UTF-16
/// offsets and the 1-based line.
type Place = (usize, usize, usize);

/// `old` moved through a UTF-16 edit as an editor maps positions, with the
/// line breaks the edit added.
fn moved((from, to, ins): (usize, usize, &str), breaks: isize, old: Place) -> Place {
    let by = ins.encode_utf16().count() as isize - (to - from) as isize;
    if old.1 <= from {
        old
    } else {
        (
            old.0.wrapping_add_signed(by),
            old.1.wrapping_add_signed(by),
            old.2.wrapping_add_signed(breaks),
        )
    }
}

/// `Checker::edit` (the page's path: only the change goes in) reports what a
/// fresh analysis of the whole text reports: findings, outline, checklist,
/// and every offset in UTF-16 (counted from the line, not the whole text);
/// when it says the outline or the checklist did not change, the previous
/// one moved with the edit is the fresh one.
#[test]
fn edits_through_the_checker_agree_with_a_fresh_analysis() {
    use gwlint::offsets::{to_findings, to_findings_at, Unit};
    use gwlint::rules::{placeholder, structure::outline};
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let files = common::clean_files(&shared);
    let config = Config::default();
    let (mut kept_outline, mut kept_slots) = (0, 0);
    for f in files.iter().skip(3).step_by(7) {
        let text = std::fs::read_to_string(f).unwrap();
        let mut checker = Checker::new(config.clone());
        let a = checker.analyze(&text);
        let mut old = text.clone();
        let places = |o: &[outline::OutlineOut]| {
            o.iter()
                .map(|n| (n.start, n.end, n.line))
                .collect::<Vec<Place>>()
        };
        let mut old_outline = outline::to_out(&text, &a.outline, Unit::Utf16);
        let mut old_slots = placeholder::to_out(&text, &a.placeholders, Unit::Utf16);
        // Some slots, so that the checklist has entries to keep or change.
        let mut steps = edits(&text);
        let mid = boundary(&text, text.len() / 4);
        let mid = text[mid..].find('\n').map_or(text.len(), |i| mid + i);
        steps.insert(
            0,
            format!("{}\n调研XX次，走访○○县。{}", &text[..mid], &text[mid..]),
        );
        steps.insert(
            1,
            format!("{}\n调研XX次，走访○○县。新{}", &text[..mid], &text[mid..]),
        );
        for (i, t) in steps.iter().enumerate() {
            let (from, to, ins) = utf16_edit(&old, t);
            let (bf, bt) = (
                checker.byte_of_utf16(from).unwrap(),
                checker.byte_of_utf16(to).unwrap(),
            );
            let removed = old[bf..bt].matches('\n').count() as isize;
            let breaks = ins.matches('\n').count() as isize - removed;
            let got = checker.edit(bf, bt, &ins);
            let fresh = gwlint::analyze(t, &config);
            let name = format!("{}: edit {i}", f.display());
            assert_eq!(checker.text(), t, "{name}");
            assert_eq!(
                format!("{:?}", got.diagnostics),
                format!("{:?}", fresh.diagnostics),
                "{name}"
            );
            assert_eq!(got.outline, fresh.outline, "{name}");
            assert_eq!(got.placeholders, fresh.placeholders, "{name}");
            assert_eq!(
                to_findings_at(&got.diagnostics, true, |b| checker.position(b)),
                to_findings(t, &fresh.diagnostics, Unit::Utf16, true),
                "{name}"
            );
            let new_outline = outline::to_out_at(&got.outline, |b| checker.position(b));
            assert_eq!(
                new_outline,
                outline::to_out(t, &fresh.outline, Unit::Utf16),
                "{name}"
            );
            let new_slots = placeholder::to_out_at(&got.placeholders, |b| checker.position(b));
            assert_eq!(
                new_slots,
                placeholder::to_out(t, &fresh.placeholders, Unit::Utf16),
                "{name}"
            );
            let changed = checker.changed();
            let edit = (from, to, ins.as_str());
            if !changed.outline {
                kept_outline += 1;
                let was: Vec<Place> = places(&old_outline)
                    .into_iter()
                    .map(|p| moved(edit, breaks, p))
                    .collect();
                assert_eq!(was, places(&new_outline), "{name}: outline kept");
                let texts = |o: &[outline::OutlineOut]| {
                    o.iter()
                        .map(|n| (n.number.clone(), n.text.clone(), n.depth, n.parent))
                        .collect::<Vec<_>>()
                };
                assert_eq!(texts(&old_outline), texts(&new_outline), "{name}");
            }
            if !changed.placeholders {
                kept_slots += 1;
                assert_eq!(old_slots.len(), new_slots.len(), "{name}");
                for (o, n) in old_slots.iter().zip(&new_slots) {
                    assert_eq!(
                        moved(edit, breaks, (o.start, o.end, o.line)),
                        (n.start, n.end, n.line),
                        "{name}"
                    );
                    assert_eq!(
                        (o.column, &o.before, &o.after, &o.text),
                        (n.column, &n.before, &n.after, &n.text),
                        "{name}"
                    );
                }
            }
            (old, old_outline, old_slots) = (t.clone(), new_outline, new_slots);
        }
    }
    // The edits keep the outline and the checklist often enough to test that.
    assert!(
        kept_outline > 20 && kept_slots > 20,
        "{kept_outline} {kept_slots}"
    );
}
