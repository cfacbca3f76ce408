//! Run-in enumeration markers (一是/二是, 一要/二要, 第一，/第二，) found in the
//! paragraphs, shared by `enumeration-sequence` and `enumeration-count`.

use crate::model::{leading_chinese_number, Document};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// 一是 二是
    Shi,
    /// 一要 二要
    Yao,
    /// 第一， 第二，
    Di,
}

impl Family {
    pub fn render(self, n: u32) -> String {
        let num = crate::model::chinese_numeral(n);
        match self {
            Family::Shi => format!("{num}是"),
            Family::Yao => format!("{num}要"),
            Family::Di => format!("第{num}"),
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Item {
    pub family: Family,
    pub value: u32,
    /// The marker (`三是`, `第三`), byte offsets in the text.
    pub start: usize,
    pub end: usize,
    /// Index into `doc.paragraphs`.
    pub paragraph: usize,
}

/// Characters after which a run-in marker may start a clause.
fn opens_clause(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | '、' | '（' | '(' | ' ' | '\u{3000}' | '\t'
    )
}

/// Every marker in paragraph `pi`, in order.
pub fn items_in(doc: &Document, pi: usize) -> Vec<Item> {
    let p = &doc.paragraphs[pi];
    let text = doc.para_text(p);
    let mut out = Vec::new();
    // Skip a heading ordinal: "（一）加强学习。一是……" starts its list after it.
    let skip = p
        .heading
        .map_or(0, |h| doc.headings[h].text.start - p.start);
    let mut prev: Option<char> = if skip > 0 { Some('：') } else { None };
    let mut i = skip;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap();
        let at_clause = prev.is_none_or(opens_clause);
        if at_clause {
            if let Some(item) = marker_at(text, i) {
                out.push(Item {
                    paragraph: pi,
                    start: p.start + i,
                    end: p.start + item.2,
                    family: item.0,
                    value: item.1,
                });
                prev = text[..item.2].chars().next_back();
                i = item.2;
                continue;
            }
        }
        prev = Some(c);
        i += c.len_utf8();
    }
    out
}

/// (family, value, end) of a marker starting at byte `i` of `text`.
fn marker_at(text: &str, i: usize) -> Option<(Family, u32, usize)> {
    let s = &text[i..];
    if let Some(rest) = s.strip_prefix('第') {
        let (n, len) = leading_chinese_number(rest)?;
        let after = &rest[len..];
        // 第一，/第一：; not 第一时间, 第一、第二产业, 第一书记.
        if after.starts_with(['，', '：']) {
            return Some((Family::Di, n, i + '第'.len_utf8() + len));
        }
        return None;
    }
    let (n, len) = leading_chinese_number(s)?;
    let after = &s[len..];
    let family = match after.chars().next()? {
        '是' => Family::Shi,
        '要' => Family::Yao,
        _ => return None,
    };
    let rest = &after['是'.len_utf8()..];
    // 一是一，二是二 is an idiom, not a list (but 二是一以贯之 is item two).
    if let Some(r) = rest.strip_prefix(&s[..len]) {
        if r.is_empty() || r.starts_with(['，', '、', '；', '。']) {
            return None;
        }
    }
    Some((family, n, i + len + '是'.len_utf8()))
}

/// Markers of the whole document, each with the scope it belongs to: a new
/// scope starts at every heading and section break.
pub fn all_items(doc: &Document) -> Vec<(usize, Item)> {
    let mut scope = 0usize;
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        if p.heading.is_some() || p.section_break {
            scope += 1;
        }
        // Cheap test first: most paragraphs carry no marker.
        let t = doc.para_text(p);
        if !t.contains(['是', '要', '第']) {
            continue;
        }
        for it in items_in(doc, p.index) {
            out.push((scope, it));
        }
    }
    out
}
