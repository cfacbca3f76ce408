//! The document outline: numbered headings (一、 （一） 1. （1） ①) and the
//! units that number their own children (第X编/部分/章/节, 2.1 decimal
//! sections, 附件), as a flat pre-order list with depth and parent, so a
//! front end can draw a navigation pane. Articles (第X条) are body text and
//! not listed.

use crate::model::Document;
use crate::offsets::{OffsetMap, Position, Unit};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OutlineKind {
    /// A numbered heading (一、 （一） 1. （1） ①).
    Heading,
    /// 第X编 / 第X部分 / 第X章 / 第X节.
    Chapter,
    /// Decimal numbering: 2.1, 2.1.1.
    Section,
    /// 附件, 附件1: a new document inside the text.
    Attachment,
}

/// One outline entry. Offsets are bytes into the checked text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineNode {
    pub kind: OutlineKind,
    /// GB/T 9704 level of a heading (1 = 一、 … 4 = （1）, 5 = ①); 0 for the other kinds.
    pub level: u8,
    /// Nesting depth in the tree, 0 for top-level entries.
    pub depth: usize,
    /// Index of the parent entry in the list.
    pub parent: Option<usize>,
    /// The number as written: `（三）`, `第二章`, `2.1`, `附件1`.
    pub number: String,
    /// The heading's text; for a run-in heading only its first sentence.
    pub text: String,
    /// The paragraph's span.
    pub start: usize,
    pub end: usize,
    /// 1-based line.
    pub line: usize,
}

/// Longest heading text shown, in characters.
const MAX_TEXT: usize = 40;

fn short(s: &str) -> String {
    let s = s.trim();
    let cut = s.find(['。', '！', '？']).map_or(s, |i| &s[..i]);
    if cut.chars().count() > MAX_TEXT {
        let mut t: String = cut.chars().take(MAX_TEXT).collect();
        t.push('…');
        t
    } else {
        cut.to_string()
    }
}

/// Splits a section-break paragraph into (kind, rank, number, text), or None for 第X条.
fn unit(t: &str) -> Option<(OutlineKind, u8, String, String)> {
    if let Some(rest) = t.strip_prefix("附件") {
        let n: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        let text = rest[n.len()..].trim_start_matches([' ', '\u{3000}', '：', ':']);
        // "附件：1.名单" is the 附件说明 line, not the start of an attachment.
        if rest.starts_with(['：', ':']) {
            return None;
        }
        return Some((OutlineKind::Attachment, 0, format!("附件{n}"), short(text)));
    }
    if let Some(rest) = t.strip_prefix('第') {
        let n = rest
            .char_indices()
            .find(|(_, c)| !"〇零一二三四五六七八九十百千0123456789".contains(*c))
            .map_or(rest.len(), |(i, _)| i);
        let after = &rest[n..];
        let (u, rank) = [("部分", 1), ("编", 1), ("章", 2), ("节", 3)]
            .into_iter()
            .find(|(u, _)| after.starts_with(u))?;
        let number = format!("第{}{u}", &rest[..n]);
        return Some((
            OutlineKind::Chapter,
            rank,
            number,
            short(after[u.len()..].trim_start_matches([' ', '\u{3000}'])),
        ));
    }
    // 2.1 / 2.1.1
    let n = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(t.len(), |(i, _)| i);
    let number = t[..n].trim_end_matches('.');
    let parts = number.split('.').count() as u8;
    (parts >= 2).then(|| {
        (
            OutlineKind::Section,
            3 + parts,
            number.to_string(),
            short(t[n..].trim_start_matches([' ', '\u{3000}'])),
        )
    })
}

/// The outline of `doc`, in document order.
pub fn outline(doc: &Document) -> Vec<OutlineNode> {
    let mut out: Vec<OutlineNode> = Vec::new();
    // Open entries: (rank, index into out).
    let mut stack: Vec<(u8, usize)> = Vec::new();
    for p in &doc.paragraphs {
        let t = doc.para_text(p);
        let (kind, rank, level, number, text) = if let Some(hi) = p.heading {
            let h = &doc.headings[hi];
            (
                OutlineKind::Heading,
                10 + h.level,
                h.level,
                doc.slice(h.ordinal.start, h.ordinal.end).to_string(),
                short(doc.slice(h.text.start, h.text.end)),
            )
        } else if p.section_break {
            let Some((kind, rank, number, text)) = unit(t) else {
                continue;
            };
            (kind, rank, 0, number, text)
        } else {
            continue;
        };
        if kind == OutlineKind::Attachment {
            stack.clear();
        }
        while stack.last().is_some_and(|&(r, _)| r >= rank) {
            stack.pop();
        }
        let parent = stack.last().map(|&(_, i)| i);
        out.push(OutlineNode {
            kind,
            level,
            depth: stack.len(),
            parent,
            number,
            text,
            start: p.start,
            end: p.end,
            line: p.line + 1,
        });
        stack.push((rank, out.len() - 1));
    }
    out
}

/// An outline entry as front ends receive it: offsets in chars (CLI) or
/// UTF-16 code units (wasm).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct OutlineOut {
    pub kind: OutlineKind,
    pub level: u8,
    pub depth: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    pub number: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

/// Converts outline entries to front-end offsets, in one pass over the text.
pub fn to_out(text: &str, list: &[OutlineNode], unit: Unit) -> Vec<OutlineOut> {
    let wanted = list.iter().flat_map(|n| [n.start, n.end]).collect();
    let map = OffsetMap::new(text, wanted, unit);
    to_out_at(list, |b| map.get(b))
}

/// [`to_out`] with each offset converted by `pos` (e.g. a `LineIndex`).
pub fn to_out_at(list: &[OutlineNode], pos: impl Fn(usize) -> Position) -> Vec<OutlineOut> {
    list.iter()
        .map(|n| OutlineOut {
            kind: n.kind,
            level: n.level,
            depth: n.depth,
            parent: n.parent,
            number: n.number.clone(),
            text: n.text.clone(),
            start: pos(n.start).offset,
            end: pos(n.end).offset,
            line: n.line,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<(usize, String, String, Option<usize>)> {
        outline(&Document::parse(text))
            .into_iter()
            .map(|n| (n.depth, n.number, n.text, n.parent))
            .collect()
    }

    #[test]
    fn builds_the_heading_tree() {
        let text = "关于加强学习的报告\n一、主要做法\n（一）加强学习。全年学习12次。\n1.集中学习\n（二）改进作风\n二、存在问题\n正文。\n";
        assert_eq!(
            show(text),
            vec![
                (0, "一、".into(), "主要做法".into(), None),
                (1, "（一）".into(), "加强学习".into(), Some(0)),
                (2, "1.".into(), "集中学习".into(), Some(1)),
                (1, "（二）".into(), "改进作风".into(), Some(0)),
                (0, "二、".into(), "存在问题".into(), None),
            ]
        );
        let o = outline(&Document::parse(text));
        assert_eq!(o[1].line, 3);
        assert_eq!(o[1].level, 2);
        assert_eq!(&text[o[0].start..o[0].end], "一、主要做法");
    }

    #[test]
    fn chapters_sections_and_attachments() {
        let text = "第一章 总则\n第一条 为了……\n一、甲\n第二章 职责\n2.1 办公室\n（1）子\n附件1\n名单\n一、乙\n附件：1.名单\n";
        assert_eq!(
            show(text),
            vec![
                (0, "第一章".into(), "总则".into(), None),
                (1, "一、".into(), "甲".into(), Some(0)),
                (0, "第二章".into(), "职责".into(), None),
                (1, "2.1".into(), "办公室".into(), Some(2)),
                (2, "（1）".into(), "子".into(), Some(3)),
                (0, "附件1".into(), "".into(), None),
                (1, "一、".into(), "乙".into(), Some(5)),
            ]
        );
    }

    #[test]
    fn offsets_convert_to_utf16() {
        let text = "𠀀\n一、甲\n";
        let o = outline(&Document::parse(text));
        let out = to_out(text, &o, Unit::Utf16);
        assert_eq!((out[0].start, out[0].end, out[0].line), (3, 6, 2));
        let out = to_out(text, &o, Unit::Chars);
        assert_eq!(out[0].start, 2);
    }
}
