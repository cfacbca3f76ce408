//! Run-in enumeration markers (一是/二是, 一要/二要, 第一，/第二，) found in the
//! paragraphs, shared by `enumeration-sequence` and `enumeration-count`.

use crate::incremental::{Fact, Facts};
use crate::model::{leading_chinese_number, Document, Paragraph};
use crate::rules::charset::CharSet;

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
///
/// A marker starts where a clause may open (the paragraph's start, right
/// after a heading ordinal, or after [`opens_clause`]) and is `第`, a
/// numeral and `，/：`, or a numeral and `是/要`; its characters never open a
/// clause, so markers do not overlap and each is found on its own: from
/// every `第`, `是` and `要` (a byte search; the numeral before 是/要 is at
/// most three characters).
/// 第 E7 AC AC, 是 E6 98 AF, 要 E8 A6 81 (a UTF-8 code of `char_starts`).
fn marker(w: u32) -> bool {
    (w == 0xe7acac) | (w == 0xe698af) | (w == 0xe8a681)
}

/// 第, 是 and 要, found sixteen bytes at a time in wasm.
static MARKERS: CharSet = CharSet::new(&['第', '是', '要']);

pub fn items_in(doc: &Document, pi: usize) -> Vec<Item> {
    let p = &doc.paragraphs[pi];
    let text = doc.para_text(p);
    let mut out = Vec::new();
    // Skip a heading ordinal: "（一）加强学习。一是……" starts its list after it.
    let skip = p
        .heading
        .map_or(0, |h| doc.headings[h].text.start - p.start);
    let bytes = text.as_bytes();
    let at_clause = |i: usize| i == skip || text[..i].chars().next_back().is_some_and(opens_clause);
    let mut try_at = |i: usize, want_end: Option<usize>| {
        if i < skip || !at_clause(i) {
            return false;
        }
        let Some(item) = marker_at(text, i) else {
            return false;
        };
        if want_end.is_some_and(|e| e != item.2) {
            return false;
        }
        out.push(Item {
            paragraph: pi,
            start: p.start + i,
            end: p.start + item.2,
            family: item.0,
            value: item.1,
        });
        true
    };
    for j in MARKERS.starts(&text[skip..], marker).map(|j| j + skip) {
        match (bytes[j], bytes[j + 1], bytes[j + 2]) {
            (0xE7, 0xAC, 0xAC) => {
                try_at(j, None);
            }
            (0xE6, 0x98, 0xAF) | (0xE8, 0xA6, 0x81) => {
                // The numeral before it: from its farthest possible start.
                let mut k = j;
                while k >= skip + 3
                    && j - k < 9
                    && text.is_char_boundary(k - 3)
                    && is_numeral(&text[k - 3..k])
                {
                    k -= 3;
                }
                while k < j && !try_at(k, Some(j + 3)) {
                    k += 3;
                }
            }
            _ => {}
        }
    }
    out
}

/// A numeral of `leading_chinese_number` (一…九, 十).
fn is_numeral(s: &str) -> bool {
    s.starts_with(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'])
}

/// The characters a marker's numeral is written with.
const NUMERALS: &str = "一二三四五六七八九十";

/// Triggers of the markers: a numeral before 是/要, or 第 before a numeral.
pub fn triggers(t: &mut crate::registry::Triggers) {
    let literals: Vec<String> = NUMERALS
        .chars()
        .flat_map(|d| [format!("{d}是"), format!("{d}要"), format!("第{d}")])
        .collect();
    t.literals(literals.iter().map(String::as_str));
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
/// of [`all_items`], for fact rules). The markers' [`triggers`] must be the
/// first alternative of the calling rule's triggers.
pub fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
    if let Some(h) = p.heading {
        let h = &doc.headings[h];
        let first = if h.value == 1 { FIRST } else { 0 };
        facts.note(SCOPE, p.start, p.start, u32::from(h.level) | first);
    } else if p.section_break {
        facts.note(SCOPE, p.start, p.start, 0);
    }
    if !facts.triggered_by(0) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_the_characters_marker_picks() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let w = crate::rules::utf8_code(c);
            assert_eq!(MARKERS.contains(w), marker(w), "{c:?}");
        }
    }

    /// The scan `items_in` replaced: every position, in order.
    fn items_by_scan(doc: &Document, pi: usize) -> Vec<(usize, usize, u32)> {
        let p = &doc.paragraphs[pi];
        let text = doc.para_text(p);
        let mut out = Vec::new();
        let skip = p
            .heading
            .map_or(0, |h| doc.headings[h].text.start - p.start);
        let mut prev: Option<char> = if skip > 0 { Some('：') } else { None };
        let mut i = skip;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap();
            if prev.is_none_or(opens_clause) {
                if let Some(item) = marker_at(text, i) {
                    out.push((p.start + i, p.start + item.2, item.1));
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

    fn same_as_scan(text: &str) {
        let doc = Document::parse(text);
        for pi in 0..doc.paragraphs.len() {
            let got: Vec<_> = items_in(&doc, pi)
                .iter()
                .map(|it| (it.start, it.end, it.value))
                .collect();
            assert_eq!(got, items_by_scan(&doc, pi), "{text:?}");
        }
    }

    #[test]
    fn items_are_those_of_a_scan_of_every_position() {
        for t in [
            "一是加强学习，二是改进作风，四是强化监督。",
            "（一）加强学习。一是落实，十一是督查；二十三要推进",
            "第一，甲；第二，乙：第十，丙。第一时间，第一、第二产业",
            "一是一，二是二。统一是前提。十十是，一二是，是是一是",
            "一、一是加强\n1.二是改进（三要）",
        ] {
            same_as_scan(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn items_match_the_scan_on_any_text(
            s in proptest::collection::vec(
                proptest::sample::select("一二三十是要第，：。、（( 　甲1.".chars().collect::<Vec<_>>()),
                0..40,
            )
        ) {
            same_as_scan(&s.into_iter().collect::<String>());
        }
    }
}
