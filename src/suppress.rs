//! Inline suppression: markers a writer leaves in the text, applied to the
//! findings of every front end (CLI, page, editor extensions) in
//! [`crate::check_document`]. Markers are HTML comments, invisible in rendered
//! Markdown and easy to spot in plain text:
//!
//! ```text
//! <!-- gwlint-disable placeholder/x-slot -->     from here on (to a matching enable or the end)
//! <!-- gwlint-enable placeholder/x-slot -->      ends it (no ids: ends every disable)
//! <!-- gwlint-disable-next-line consistency -->  the next non-blank line only
//! 正文…… <!-- gwlint-disable-line -->            the line the marker is on
//! ```
//!
//! Ids are rule ids or whole categories, separated by spaces or commas; none
//! means every rule. Anything after ` -- ` is a note for the reader. A finding
//! is suppressed when its start lies in a region whose selector matches its
//! rule; findings inside a marker itself are always dropped (markers are not
//! document content). Unknown ids match nothing.

use crate::model::Document;
use crate::Diagnostic;

const OPEN: &str = "<!--";
const CLOSE: &str = "-->";

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Disable,
    Enable,
    DisableLine,
    DisableNextLine,
}

/// One parsed marker: its span in the text, its kind and its selectors.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Marker<'a> {
    start: usize,
    end: usize,
    kind: Kind,
    /// Rule ids or categories; empty means every rule.
    ids: Vec<&'a str>,
}

/// A byte range where findings of the selected rules are dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Region<'a> {
    start: usize,
    end: usize,
    ids: Vec<&'a str>,
}

fn parse_markers(text: &str) -> Vec<Marker<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(OPEN) {
        let start = from + i;
        let body_start = start + OPEN.len();
        let Some(j) = text[body_start..].find(CLOSE) else {
            break;
        };
        let body_end = body_start + j;
        let end = body_end + CLOSE.len();
        from = end;
        let body = text[body_start..body_end].trim();
        // `-- note` ends the ids.
        let body = body.split(" -- ").next().unwrap_or("");
        let (word, rest) = body
            .split_once(|c: char| c.is_whitespace())
            .unwrap_or((body, ""));
        let kind = match word {
            "gwlint-disable" => Kind::Disable,
            "gwlint-enable" => Kind::Enable,
            "gwlint-disable-line" => Kind::DisableLine,
            "gwlint-disable-next-line" => Kind::DisableNextLine,
            _ => continue,
        };
        let ids = rest
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、'))
            .filter(|s| !s.is_empty())
            .collect();
        out.push(Marker {
            start,
            end,
            kind,
            ids,
        });
    }
    out
}

fn regions<'a>(doc: &Document<'a>, markers: &[Marker<'a>]) -> Vec<Region<'a>> {
    let text = doc.text;
    let line_of = |pos: usize| {
        doc.lines
            .partition_point(|l| l.end < pos)
            .min(doc.lines.len() - 1)
    };
    let mut out = Vec::new();
    // Open `disable` regions: (start, ids).
    let mut open: Vec<(usize, Vec<&'a str>)> = Vec::new();
    for m in markers {
        match m.kind {
            Kind::Disable => open.push((m.end, m.ids.clone())),
            Kind::Enable => {
                let (closed, still): (Vec<_>, Vec<_>) = open
                    .drain(..)
                    .partition(|(_, ids)| m.ids.is_empty() || ids == &m.ids);
                open = still;
                for (start, ids) in closed {
                    out.push(Region {
                        start,
                        end: m.start,
                        ids,
                    });
                }
            }
            Kind::DisableLine => {
                let l = doc.lines[line_of(m.start)];
                out.push(Region {
                    start: l.start,
                    end: l.end,
                    ids: m.ids.clone(),
                });
            }
            Kind::DisableNextLine => {
                let next = doc.lines[line_of(m.start) + 1..]
                    .iter()
                    .find(|l| !text[l.start..l.end].trim().is_empty());
                if let Some(l) = next {
                    out.push(Region {
                        start: l.start,
                        end: l.end,
                        ids: m.ids.clone(),
                    });
                }
            }
        }
    }
    for (start, ids) in open {
        out.push(Region {
            start,
            end: text.len(),
            ids,
        });
    }
    out
}

fn selects(ids: &[&str], d: &Diagnostic) -> bool {
    ids.is_empty()
        || ids
            .iter()
            .any(|&id| id == d.rule.id || id == d.rule.category.as_str())
}

/// Drops the findings that the text's markers suppress.
pub fn apply(doc: &Document, diags: &mut Vec<Diagnostic>) {
    // memmem, not `str::contains`: in wasm the latter is a Two-Way search
    // with no SIMD (1 % of a 100k check in Node), memmem skips on a rare byte.
    if diags.is_empty() || memchr::memmem::find(doc.text.as_bytes(), b"gwlint-").is_none() {
        return;
    }
    let markers = parse_markers(doc.text);
    if markers.is_empty() {
        return;
    }
    let regions = regions(doc, &markers);
    diags.retain(|d| {
        let in_marker = markers.iter().any(|m| d.start < m.end && d.end > m.start);
        let suppressed = regions
            .iter()
            .any(|r| r.start <= d.start && d.start <= r.end && selects(&r.ids, d));
        !in_marker && !suppressed
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, Config};

    fn rules_found(text: &str) -> Vec<(&'static str, usize)> {
        let doc = Document::parse(text);
        check(text, &Config::default())
            .iter()
            .map(|d| {
                let line = doc.lines.partition_point(|l| l.end < d.start) + 1;
                (d.rule.id, line)
            })
            .collect()
    }

    const X: &str = "placeholder/x-slot";
    const D: &str = "consistency/doubled-char";

    #[test]
    fn parses_kinds_ids_and_notes() {
        let m = parse_markers(
            "<!-- gwlint-disable a/b, c -->x<!--gwlint-enable-->\
             <!-- gwlint-disable-next-line a/b -- 原文如此 --><!-- 普通注释 --><!-- gwlint-disable-line -->",
        );
        let got: Vec<(Kind, Vec<&str>)> = m.into_iter().map(|m| (m.kind, m.ids)).collect();
        assert_eq!(
            got,
            vec![
                (Kind::Disable, vec!["a/b", "c"]),
                (Kind::Enable, vec![]),
                (Kind::DisableNextLine, vec!["a/b"]),
                (Kind::DisableLine, vec![]),
            ]
        );
        assert!(parse_markers("<!-- gwlint-disable 未闭合").is_empty());
        assert!(parse_markers("<!-- gwlint-disabled x -->").is_empty());
    }

    #[test]
    fn disable_enable_region_by_rule_and_category() {
        let text = "调研X次。\n<!-- gwlint-disable placeholder/x-slot -->\n调研X次，县县本级。\n<!-- gwlint-enable placeholder/x-slot -->\n调研X次。\n";
        assert_eq!(rules_found(text), vec![(X, 1), (D, 3), (X, 5)]);
        let by_category = text
            .replace("disable placeholder/x-slot", "disable placeholder")
            .replace("enable placeholder/x-slot", "enable placeholder");
        assert_eq!(rules_found(&by_category), vec![(X, 1), (D, 3), (X, 5)]);
    }

    #[test]
    fn disable_without_ids_silences_everything_to_the_end() {
        let text = "调研X次。\n<!-- gwlint-disable -->\n调研X次，县县本级。\n\n调研X次。\n";
        assert_eq!(rules_found(text), vec![(X, 1)]);
        let text = "<!-- gwlint-disable consistency -->\n调研X次，县县本级。<!-- gwlint-enable -->县县本级\n";
        assert_eq!(rules_found(text), vec![(X, 2), (D, 2)]);
    }

    #[test]
    fn next_line_skips_blank_lines_and_covers_one_line_only() {
        let text = "<!-- gwlint-disable-next-line placeholder/x-slot -->\n\n调研X次，县县本级。\n调研X次。\n";
        assert_eq!(rules_found(text), vec![(D, 3), (X, 4)]);
        let text = "调研X次。<!-- gwlint-disable-line -->\n调研X次。\n";
        assert_eq!(rules_found(text), vec![(X, 2)]);
    }

    #[test]
    fn unknown_ids_and_other_comments_suppress_nothing() {
        let text = "<!-- gwlint-disable placeholder/nope -->\n<!-- 说明 -->\n调研X次。\n";
        assert_eq!(rules_found(text), vec![(X, 3)]);
    }

    #[test]
    fn findings_inside_a_marker_are_dropped() {
        // A rule id inside a marker must never be reported as text.
        assert_eq!(rules_found("县县本级 -->\n"), vec![(D, 1)]);
        let text = "<!-- gwlint-disable-next-line 县县本级 -->\n县县本级\n";
        assert_eq!(rules_found(text), vec![(D, 2)]);
    }
}
