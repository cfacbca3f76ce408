//! Run-in enumeration markers (一是/二是, 一要/二要, 第一，/第二，) found in the
//! paragraphs, shared by `enumeration-sequence` and `enumeration-count`.

use crate::incremental::{Fact, Facts};
use crate::model::{leading_chinese_number, Document, Paragraph};

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

/// Fact keys of [`collect`]: a paragraph that starts a scope (a heading or a
/// section break; value: the heading's level, plus [`FIRST`] when it is
/// numbered one), and a marker (value: family and number, see [`item_value`]).
pub const SCOPE: &str = "scope";
pub const ITEM: &str = "item";
/// In a `SCOPE` value: a heading numbered one. In an `ITEM` value: the marker
/// opens its paragraph.
pub const FIRST: u32 = 1 << 31;

fn item_value(it: &Item, opens: bool) -> u32 {
    let family = match it.family {
        Family::Shi => 0,
        Family::Yao => 1,
        Family::Di => 2,
    };
    family | it.value.min(1 << 20) << 2 | if opens { FIRST } else { 0 }
}

/// Notes the paragraph's scope start and its markers (the per-paragraph half
/// of [`all_items`], for fact rules).
pub fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
    if let Some(h) = p.heading {
        let h = &doc.headings[h];
        let first = if h.value == 1 { FIRST } else { 0 };
        facts.note(SCOPE, p.start, p.start, u32::from(h.level) | first);
    } else if p.section_break {
        facts.note(SCOPE, p.start, p.start, 0);
    }
    if !doc.para_text(p).contains(['是', '要', '第']) {
        return;
    }
    for it in items_in(doc, p.index) {
        facts.note(ITEM, it.start, it.end, item_value(&it, it.start == p.start));
    }
}

/// [`all_items`] from the facts of [`collect`]; each item with whether it
/// opens its paragraph.
pub fn items_from_facts(facts: &[Fact]) -> Vec<(usize, Item, bool)> {
    let mut scope = 0usize;
    let mut out = Vec::new();
    for f in facts {
        match f.key {
            SCOPE => scope += 1,
            ITEM => {
                let family = match f.value & 3 {
                    0 => Family::Shi,
                    1 => Family::Yao,
                    _ => Family::Di,
                };
                let item = Item {
                    family,
                    value: (f.value & !FIRST) >> 2,
                    start: f.start,
                    end: f.end,
                    paragraph: f.paragraph,
                };
                out.push((scope, item, f.value & FIRST != 0));
            }
            _ => {}
        }
    }
    out
}
