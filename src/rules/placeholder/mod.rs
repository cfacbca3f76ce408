//! Placeholder rules: slots a writer meant to fill (X次, 20XX年, ○○县, 某某局,
//! 【待补充】, ____ …), and the checklist built from their findings.

use crate::diagnostic::{Category, Diagnostic};
use crate::model::Document;
use crate::offsets::{OffsetMap, Position, Unit};
use crate::registry::RuleMeta;
use serde::Serialize;

pub mod blank;
pub mod bracket_slot;
pub mod circle_slot;
pub mod masked_char;
pub mod mouxx;
pub mod todo_word;
pub mod x_slot;

pub static RULES: &[&RuleMeta] = &[
    &x_slot::X_SLOT,
    &circle_slot::CIRCLE_SLOT,
    &mouxx::MOUXX,
    &bracket_slot::BRACKET_SLOT,
    &todo_word::TODO_WORD,
    &blank::BLANK,
    &masked_char::MASKED_CHAR,
];

/// One unfilled slot of the checklist ("8 处待填"). Offsets are bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder {
    pub start: usize,
    pub end: usize,
    /// 1-based line number.
    pub line: usize,
    /// The slot as written (`XX`, `○○`, `【待补充】`).
    pub text: String,
    /// Up to `CONTEXT` characters before and after the slot in its paragraph,
    /// so a list entry reads "组织专题学习会 [XX] 次，要求全体".
    pub before: String,
    pub after: String,
    /// The rule that found it.
    pub rule: &'static str,
}

/// Characters of context shown on each side of a slot.
const CONTEXT: usize = 8;

/// Every placeholder finding as a checklist entry, in document order.
pub fn checklist(doc: &Document, diags: &[Diagnostic]) -> Vec<Placeholder> {
    let mut out: Vec<Placeholder> = diags
        .iter()
        .filter(|d| d.rule.category == Category::Placeholder)
        .map(|d| {
            let line = doc.lines.partition_point(|l| l.start <= d.start).max(1);
            let l = doc.lines[line - 1];
            let before: String = {
                // The last CONTEXT characters, found from the end (a long line
                // with many slots must not be rescanned from its start).
                let head = &doc.text[l.start..d.start];
                let from = head
                    .char_indices()
                    .rev()
                    .nth(CONTEXT - 1)
                    .map_or(0, |(j, _)| j);
                head[from..].to_string()
            };
            let after: String = doc.text[d.end..l.end.max(d.end)]
                .chars()
                .take(CONTEXT)
                .collect();
            Placeholder {
                start: d.start,
                end: d.end,
                line,
                text: doc.text[d.start..d.end].to_string(),
                before: before.trim().to_string(),
                after: after.trim().to_string(),
                rule: d.rule.id,
            }
        })
        .collect();
    // One entry per slot: a finding inside another one's span (two rules
    // reporting the same slot) is dropped.
    out.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
    let mut kept: Vec<Placeholder> = Vec::with_capacity(out.len());
    for p in out {
        if kept.last().is_some_and(|k| p.end <= k.end) {
            continue;
        }
        kept.push(p);
    }
    kept
}

/// A checklist entry as front ends receive it: offsets in the requested unit.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PlaceholderOut {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub before: String,
    pub after: String,
    pub rule: &'static str,
}

/// Converts checklist entries to front-end offsets (chars or UTF-16), in one pass.
pub fn to_out(text: &str, list: &[Placeholder], unit: Unit) -> Vec<PlaceholderOut> {
    let wanted = list.iter().flat_map(|p| [p.start, p.end]).collect();
    let map = OffsetMap::new(text, wanted, unit);
    to_out_at(list, |b| map.get(b))
}

/// [`to_out`] with each offset converted by `pos` (e.g. a `LineIndex`).
pub fn to_out_at(list: &[Placeholder], pos: impl Fn(usize) -> Position) -> Vec<PlaceholderOut> {
    list.iter()
        .map(|p| {
            let s = pos(p.start);
            PlaceholderOut {
                start: s.offset,
                end: pos(p.end).offset,
                line: s.line,
                column: s.column,
                text: p.text.clone(),
                before: p.before.clone(),
                after: p.after.clone(),
                rule: p.rule,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Config};

    #[test]
    fn checklist_lists_every_slot_in_order_with_context() {
        let text = "标题\n组织专题学习会 XX 次，收集○○县【待补充】意见。\n20XX年X月X日";
        let a = analyze(text, &Config::default());
        let got: Vec<(&str, usize)> = a
            .placeholders
            .iter()
            .map(|p| (p.text.as_str(), p.line))
            .collect();
        assert_eq!(
            got,
            [
                ("XX", 2),
                ("○○", 2),
                ("【待补充】", 2),
                ("XX", 3),
                ("X", 3),
                ("X", 3)
            ]
        );
        assert_eq!(a.placeholders[0].before, "组织专题学习会");
        assert_eq!(a.placeholders[0].after, "次，收集○○县");
        assert_eq!(a.placeholders[3].before, "20");
        let out = to_out(text, &a.placeholders, Unit::Utf16);
        assert_eq!(out[0].line, 2);
        assert_eq!(out[0].column, 9);
        assert_eq!(&text[a.placeholders[1].start..a.placeholders[1].end], "○○");
    }

    #[test]
    fn a_slot_inside_another_is_listed_once() {
        let text = "完成（XX）项";
        let doc = Document::parse(text);
        let d = |rule: &'static RuleMeta, s: &str| {
            let start = text.find(s).unwrap();
            Diagnostic {
                rule,
                severity: crate::Severity::Warning,
                start,
                end: start + s.len(),
                message: String::new(),
                fixes: Vec::new(),
            }
        };
        let list = checklist(
            &doc,
            &[
                d(&x_slot::X_SLOT, "XX"),
                d(&bracket_slot::BRACKET_SLOT, "（XX）"),
            ],
        );
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].text, "（XX）");
    }

    #[test]
    fn checklist_follows_the_config() {
        let c = Config::from_json(r#"{"rules":{"placeholder/x-slot":"off"}}"#).unwrap();
        let a = analyze("专题调研X次，○○县", &c);
        assert_eq!(a.placeholders.len(), 1);
        assert_eq!(a.placeholders[0].text, "○○");
    }
}
