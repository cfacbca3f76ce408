//! Every slot that ../shared/corpus/SOURCES.md lists for a draft (its
//! "placeholder forms" column) must appear in the placeholder checklist that
//! `analyze` returns for that draft. The column is parsed at run time, so the
//! test follows the corpus, not a copy of it.

mod common;

use gwlint::{analyze, Config};

/// Characters that make a listed form a slot (the rest is context: 次, 年, 县…).
fn is_marker(c: char) -> bool {
    matches!(
        c,
        'x' | 'X' | 'ｘ' | 'Ｘ' | '×' | '*' | '＊' | '○' | '〇' | '某' | '.'
    )
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The forms listed in one "placeholder forms" cell, e.g.
/// `xxx / xx / “xx五”; partially masked numbers xx0.9%, xx.51亿元` →
/// `xxx`, `xx`, `“xx五”`, `xx0.9%`, `xx.51亿元`. Parenthesised notes are
/// dropped; English words are not forms.
fn forms(cell: &str) -> Vec<String> {
    let mut s = String::new();
    let mut depth = 0;
    for c in cell.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => s.push(c),
            _ => {}
        }
    }
    s.split(|c: char| c.is_whitespace() || matches!(c, '/' | ';' | ','))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .filter(|t| {
            t.chars()
                .all(|c| !c.is_ascii_alphabetic() || c == 'x' || c == 'X')
                && t.chars().any(|c| is_marker(c) && c != '.')
                || t.contains('.')
                    && t.chars().any(is_han)
                    && !t.chars().any(|c| c.is_ascii_digit())
        })
        .map(str::to_string)
        .collect()
}

/// Byte offsets of the marker characters of `form` that are slots, relative
/// to the form: a `.` only between two Han characters (以.为统领), not in x.x%.
fn marker_offsets(form: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = form.char_indices().collect();
    let mut out = Vec::new();
    for (k, &(b, c)) in chars.iter().enumerate() {
        if !is_marker(c) {
            continue;
        }
        if c == '.' {
            let han = |i: Option<&(usize, char)>| i.is_some_and(|&(_, d)| is_han(d));
            if !(k > 0 && han(chars.get(k - 1)) && han(chars.get(k + 1))) {
                continue;
            }
        }
        out.push((b, b + c.len_utf8()));
    }
    out
}

#[test]
fn forms_are_parsed_from_the_cell() {
    assert_eq!(
        forms("xxx / “xx五”; partially masked numbers xx0.9%, xx.51亿元, xx458元"),
        ["xxx", "“xx五”", "xx0.9%", "xx.51亿元", "xx458元"]
    );
    assert_eq!(
        forms("XX县区 (masking that produced “市委、市政府XX县区委”)"),
        ["XX县区"]
    );
    assert_eq!(
        forms("“以.为统领” (deleted term replaced by a dot); 某乡"),
        ["“以.为统领”", "某乡"]
    );
    assert_eq!(forms("(none)"), Vec::<String>::new());
    assert_eq!(marker_offsets("x.x%"), [(0, 1), (2, 3)]);
    assert_eq!(marker_offsets("以.为"), [(3, 4)]);
}

#[test]
fn every_listed_slot_is_in_the_checklist() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let corpus = shared.join("corpus");
    let sources = std::fs::read_to_string(corpus.join("SOURCES.md")).unwrap();
    let mut rows = 0;
    let mut checked = 0;
    let mut missing = Vec::new();
    for line in sources.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | `drafts/pages_….txt` | address | genre | placeholder forms | …
        let Some(file) = cells
            .get(1)
            .and_then(|c| c.strip_prefix("`drafts/"))
            .and_then(|c| c.strip_suffix('`'))
        else {
            continue;
        };
        rows += 1;
        let text = std::fs::read_to_string(corpus.join("drafts").join(file)).unwrap();
        let analysis = analyze(&text, &Config::default());
        let covered = |b: usize, e: usize| {
            analysis
                .placeholders
                .iter()
                .any(|p| p.start <= b && e <= p.end)
        };
        for form in forms(cells[4]) {
            // “…” in the cell may quote the form rather than be part of it.
            let form = if text.contains(&form) {
                form
            } else {
                form.trim_start_matches('“')
                    .trim_end_matches('”')
                    .to_string()
            };
            let found: Vec<usize> = text.match_indices(&form).map(|(i, _)| i).collect();
            assert!(
                !found.is_empty(),
                "{file}: listed form {form:?} does not occur in the text"
            );
            for at in found {
                for (b, e) in marker_offsets(&form) {
                    checked += 1;
                    if !covered(at + b, at + e) {
                        let lo = text.floor_char_boundary(at.saturating_sub(12));
                        let hi = text.ceil_char_boundary((at + form.len() + 12).min(text.len()));
                        missing.push(format!("{file}: {form:?} in «{}»", &text[lo..hi]));
                    }
                }
            }
        }
    }
    assert_eq!(rows, 23, "SOURCES.md should list 23 drafts");
    assert!(checked > 100, "only {checked} slot characters checked");
    assert!(
        missing.is_empty(),
        "{} listed slots not in the checklist:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// The other half of the placeholder contract: on the 86 published documents
/// the placeholder rules report nothing at all, not even at info.
#[test]
fn placeholder_rules_report_nothing_on_clean() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut found = Vec::new();
    let mut files = 0;
    for e in std::fs::read_dir(shared.join("corpus/clean")).unwrap() {
        let path = e.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        files += 1;
        let a = analyze(&text, &Config::default());
        for p in &a.placeholders {
            found.push(format!(
                "{}: {} «{}[{}]{}»",
                path.file_name().unwrap().to_string_lossy(),
                p.rule,
                p.before,
                p.text,
                p.after
            ));
        }
    }
    assert_eq!(files, 86);
    assert!(
        found.is_empty(),
        "placeholders on published text:\n{}",
        found.join("\n")
    );
}

/// Every file under corpus/drafts (all subfolders, including the raw
/// versions that keep half-width punctuation) is checked without a
/// panic; a release build aborts on one, which would crash the CLI and the page.
#[test]
fn every_draft_file_checks_without_panic() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut stack = vec![shared.join("corpus/drafts")];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                let config = Config::default();
                let full = analyze(&text, &config).diagnostics;
                // The page's path: the incremental checker on the same text.
                let mut checker = gwlint::Checker::new(config);
                assert_eq!(checker.check(&text).len(), full.len(), "{}", path.display());
                files += 1;
            }
        }
    }
    assert!(files > 20, "only {files} draft files found");
}
