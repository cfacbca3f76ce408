//! The document model, built once per check: lines, paragraphs, headings.
//! Rules read this model; none re-splits the text on its own.
//! All spans are byte offsets into `Document::text`.

use crate::segment::Segmenter;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One line of the text, without its line break (`\n` or `\r\n`).
#[derive(Clone, Copy, Debug)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

/// A paragraph is a non-blank line (official documents put one paragraph per
/// line). `start..end` excludes leading indentation and trailing whitespace.
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub index: usize,
    /// 0-based index into `Document::lines`.
    pub line: usize,
    pub start: usize,
    pub end: usize,
    /// Index into `Document::headings` when this paragraph starts with a heading ordinal.
    pub heading: Option<usize>,
    /// Starts a unit that numbers its own children: 第三条, 第二章, 2.1.1, 附件.
    pub section_break: bool,
}

/// The ordinal styles of GB/T 9704-2012 §7.3.3 (一、 （一） 1. （1）).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrdinalStyle {
    /// 一、
    ChineseComma,
    /// （一）
    ParenChinese,
    /// 1. or 1．
    ArabicDot,
    /// （1）
    ParenArabic,
}

impl OrdinalStyle {
    /// The level GB/T 9704 assigns to this style (1 = highest).
    pub fn level(self) -> u8 {
        match self {
            OrdinalStyle::ChineseComma => 1,
            OrdinalStyle::ParenChinese => 2,
            OrdinalStyle::ArabicDot => 3,
            OrdinalStyle::ParenArabic => 4,
        }
    }

    /// Writes ordinal `n` in this style, e.g. `（三）`.
    pub fn render(self, n: u32) -> String {
        match self {
            OrdinalStyle::ChineseComma => format!("{}、", chinese_numeral(n)),
            OrdinalStyle::ParenChinese => format!("（{}）", chinese_numeral(n)),
            OrdinalStyle::ArabicDot => format!("{n}."),
            OrdinalStyle::ParenArabic => format!("（{n}）"),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Heading {
    pub paragraph: usize,
    pub level: u8,
    pub style: OrdinalStyle,
    /// The ordinal's value: 3 for 三、 and for （3）.
    pub value: u32,
    /// The ordinal including its brackets and mark, e.g. `（三）` or `3.`.
    pub ordinal: Span,
    /// Just the number inside the ordinal: `三` of `（三）`.
    pub number: Span,
    /// The heading text after the ordinal, up to the end of the paragraph.
    pub text: Span,
}

pub struct Document<'a> {
    pub text: &'a str,
    pub lines: Vec<Line>,
    pub paragraphs: Vec<Paragraph>,
    pub headings: Vec<Heading>,
    segmenter: Segmenter,
}

impl<'a> Document<'a> {
    pub fn parse(text: &'a str) -> Self {
        let mut lines = Vec::new();
        let mut pos = 0;
        for raw in text.split_inclusive('\n') {
            let body = raw.strip_suffix('\n').unwrap_or(raw);
            let body = body.strip_suffix('\r').unwrap_or(body);
            lines.push(Line {
                start: pos,
                end: pos + body.len(),
            });
            pos += raw.len();
        }
        if text.is_empty() || text.ends_with('\n') {
            lines.push(Line {
                start: pos,
                end: pos,
            });
        }

        let mut paragraphs = Vec::new();
        let mut headings = Vec::new();
        for (li, line) in lines.iter().enumerate() {
            let s = &text[line.start..line.end];
            let trimmed_start = s.trim_start_matches(is_indent);
            let trimmed = trimmed_start.trim_end_matches(is_indent);
            if trimmed.is_empty() {
                continue;
            }
            let start = line.start + (s.len() - trimmed_start.len());
            let end = start + trimmed.len();
            let index = paragraphs.len();
            let heading = parse_ordinal(trimmed).map(|(style, value, len)| {
                let (pre, post) = match style {
                    OrdinalStyle::ChineseComma => (0, '、'.len_utf8()),
                    OrdinalStyle::ParenChinese | OrdinalStyle::ParenArabic => {
                        ('（'.len_utf8(), '）'.len_utf8())
                    }
                    OrdinalStyle::ArabicDot => (
                        0,
                        trimmed[..len].chars().next_back().map_or(1, char::len_utf8),
                    ),
                };
                headings.push(Heading {
                    number: Span {
                        start: start + pre,
                        end: start + len - post,
                    },
                    paragraph: index,
                    level: style.level(),
                    style,
                    value,
                    ordinal: Span {
                        start,
                        end: start + len,
                    },
                    text: Span {
                        start: start + len,
                        end,
                    },
                });
                headings.len() - 1
            });
            let section_break = heading.is_none() && is_section_break(trimmed);
            paragraphs.push(Paragraph {
                index,
                line: li,
                start,
                end,
                heading,
                section_break,
            });
        }
        Document {
            text,
            lines,
            paragraphs,
            headings,
            segmenter: Segmenter,
        }
    }

    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.text[start..end]
    }

    pub fn para_text(&self, p: &Paragraph) -> &'a str {
        &self.text[p.start..p.end]
    }

    /// Word segmentation, built on first use (only rules that need it pay for it).
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }
}

/// Indentation and trailing blanks: ASCII whitespace, U+3000 and NBSP.
pub fn is_indent(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{a0}' || c == '\r'
}

/// 第三条 / 第二章 / 第一节 / 第一部分 / 第一编, decimal numbering (2.1, 2.1.1)
/// and 附件: units under which （一）, 1. and （1） start again.
pub fn is_section_break(s: &str) -> bool {
    if s.starts_with("附件") {
        return true;
    }
    if let Some(rest) = s.strip_prefix('第') {
        let n = rest
            .chars()
            .take_while(|c| "〇零一二三四五六七八九十百千0123456789".contains(*c))
            .count();
        let rest: String = rest.chars().skip(n).take(2).collect();
        return n > 0
            && ["章", "节", "条", "编", "部分"]
                .iter()
                .any(|u| rest.starts_with(u));
    }
    // 2.1 / 2.1.1 followed by a space or text, not 1.5亿.
    let b = s.as_bytes();
    let d1 = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if d1 == 0 || d1 > 2 || b.get(d1) != Some(&b'.') {
        return false;
    }
    let d2 = b[d1 + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    d2 > 0 && d2 <= 2 && matches!(b.get(d1 + 1 + d2), Some(b'.' | b' '))
}

/// Recognises a heading ordinal at the start of a paragraph and returns its
/// style, value and byte length (including the mark after it).
pub fn parse_ordinal(s: &str) -> Option<(OrdinalStyle, u32, usize)> {
    if let Some(rest) = s.strip_prefix('（') {
        let (n, len) = leading_chinese_number(rest)
            .map(|(n, l)| (n, l, true))
            .or_else(|| leading_arabic(rest).map(|(n, l)| (n, l, false)))
            .map(|(n, l, zh)| ((n, zh), l))?;
        let after = &rest[len..];
        if after.starts_with('）') {
            let total = '（'.len_utf8() + len + '）'.len_utf8();
            let style = if n.1 {
                OrdinalStyle::ParenChinese
            } else {
                OrdinalStyle::ParenArabic
            };
            return Some((style, n.0, total));
        }
        return None;
    }
    if let Some((n, len)) = leading_chinese_number(s) {
        if s[len..].starts_with('、') {
            return Some((OrdinalStyle::ChineseComma, n, len + '、'.len_utf8()));
        }
        return None;
    }
    if let Some((n, len)) = leading_arabic(s) {
        let after = &s[len..];
        for mark in ['.', '．'] {
            if let Some(rest) = after.strip_prefix(mark) {
                // "1.5亿元" is a number, not a heading; "20.2026年……" is heading 20.
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let year = digits == 4 && rest[4..].starts_with('年');
                if (digits > 0 && !year) || rest.starts_with('%') {
                    return None;
                }
                return Some((OrdinalStyle::ArabicDot, n, len + mark.len_utf8()));
            }
        }
    }
    None
}

fn leading_arabic(s: &str) -> Option<(u32, usize)> {
    let len = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    if len == 0 || len > 3 {
        return None;
    }
    Some((s[..len].parse().ok()?, len))
}

/// Parses 一 … 九十九 at the start of `s`.
pub fn leading_chinese_number(s: &str) -> Option<(u32, usize)> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|d| d as u32)
    };
    let chars: Vec<(usize, char)> = s.char_indices().take(4).collect();
    let mut value = 0u32;
    let mut used = 0usize;
    let mut i = 0;
    // [d]十[d] | d
    if let Some(&(_, c)) = chars.get(i) {
        if let Some(d) = digit(c).filter(|&d| d > 0) {
            value = d;
            i += 1;
            used = i;
        }
    }
    if let Some(&(_, '十')) = chars.get(i) {
        value = if used == 0 { 10 } else { value * 10 };
        i += 1;
        used = i;
        if let Some(&(_, c)) = chars.get(i) {
            if let Some(d) = digit(c).filter(|&d| d > 0) {
                value += d;
                used = i + 1;
            }
        }
    }
    if used == 0 || value == 0 {
        return None;
    }
    let bytes = chars.get(used).map(|&(b, _)| b).unwrap_or(s.len());
    Some((value, bytes))
}

/// 1 → 一, 12 → 十二, 20 → 二十 (up to 99).
pub fn chinese_numeral(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[(n % 10) as usize] }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(
            parse_ordinal("一、加强"),
            Some((OrdinalStyle::ChineseComma, 1, 6))
        );
        assert_eq!(parse_ordinal("十二、加强").map(|x| x.1), Some(12));
        assert_eq!(parse_ordinal("二十、加强").map(|x| x.1), Some(20));
        assert_eq!(
            parse_ordinal("二十一、加强").map(|x| (x.1, x.2)),
            Some((21, 12))
        );
        assert_eq!(parse_ordinal("（三十一）加强").map(|x| x.1), Some(31));
        assert_eq!(
            parse_ordinal("（三）加强").map(|x| (x.0, x.1)),
            Some((OrdinalStyle::ParenChinese, 3))
        );
        assert_eq!(
            parse_ordinal("（12）加强").map(|x| (x.0, x.1)),
            Some((OrdinalStyle::ParenArabic, 12))
        );
        assert_eq!(
            parse_ordinal("3.加强").map(|x| (x.0, x.1, x.2)),
            Some((OrdinalStyle::ArabicDot, 3, 2))
        );
        assert_eq!(parse_ordinal("3．加强").map(|x| x.1), Some(3));
        assert_eq!(parse_ordinal("1.5亿元"), None);
        assert_eq!(parse_ordinal("20.2026年民生实事").map(|x| x.1), Some(20));
        for s in [
            "第二十一条 纳税人",
            "第七章 赡养老人",
            "第一部分",
            "2.1.1 国家粮食",
            "2.1 职责",
            "附件：1.名单",
        ] {
            assert!(is_section_break(s), "{s}");
        }
        for s in ["第一时间", "1.5亿元", "2.1亿", "第二个"] {
            assert!(!is_section_break(s), "{s}");
        }
        assert_eq!(parse_ordinal("一是加强"), None);
        assert_eq!(parse_ordinal("（以下简称）"), None);
        assert_eq!(parse_ordinal("2024年"), None);
    }

    #[test]
    fn numerals_round_trip() {
        for n in 1..100 {
            let s = chinese_numeral(n);
            assert_eq!(leading_chinese_number(&s), Some((n, s.len())), "{n}");
        }
    }

    #[test]
    fn lines_and_paragraphs() {
        let d = Document::parse("标题\r\n\r\n　　一、总体要求\n正文。\n");
        assert_eq!(d.lines.len(), 5);
        assert_eq!(d.paragraphs.len(), 3);
        assert_eq!(d.para_text(&d.paragraphs[1]), "一、总体要求");
        assert_eq!(d.headings.len(), 1);
        assert_eq!(d.headings[0].paragraph, 1);
        assert_eq!(d.paragraphs[1].line, 2);
    }
}
