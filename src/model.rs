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

/// The ordinal styles of GB/T 9704-2012 §7.3.3 (一、 （一） 1. （1）), plus the
/// circled ① that drafts use below （1）.
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
    /// ① (not a GB/T 9704 level: a fifth level, or a stand-in for （1）)
    Circled,
}

impl OrdinalStyle {
    /// The level GB/T 9704 assigns to this style (1 = highest); ① is 5.
    pub fn level(self) -> u8 {
        match self {
            OrdinalStyle::ChineseComma => 1,
            OrdinalStyle::ParenChinese => 2,
            OrdinalStyle::ArabicDot => 3,
            OrdinalStyle::ParenArabic => 4,
            OrdinalStyle::Circled => 5,
        }
    }

    /// Writes ordinal `n` in this style's standard form, e.g. `（三）`.
    pub fn render(self, n: u32) -> String {
        match self {
            OrdinalStyle::ChineseComma => format!("{}、", chinese_numeral(n)),
            OrdinalStyle::ParenChinese => format!("（{}）", chinese_numeral(n)),
            OrdinalStyle::ArabicDot => format!("{n}."),
            OrdinalStyle::ParenArabic => format!("（{n}）"),
            OrdinalStyle::Circled => circled(n).map_or_else(|| format!("（{n}）"), String::from),
        }
    }

    /// Writes just the number of ordinal `n` (三 or 3).
    pub fn render_number(self, n: u32) -> String {
        match self {
            OrdinalStyle::ChineseComma | OrdinalStyle::ParenChinese => chinese_numeral(n),
            _ => n.to_string(),
        }
    }
}

/// How an ordinal is written: GB/T 9704's form for its style, or a slip.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrdinalForm {
    /// 一、 （一） 1. （1） ① (and 1． with a full-width dot).
    Standard,
    /// Another mark after the number: 一. 一． 一， 1、
    Mark,
    /// A mark after the closing bracket: （一）、 （1）. （1），
    ExtraMark,
    /// Half-width or missing brackets: (一) (1) 1） 1)
    Brackets,
    /// One enclosed character standing for the whole ordinal: ⑴ ㈠ ⒈
    Enclosed,
}

/// An ordinal recognised at the start of a paragraph. Offsets are relative to
/// the string given to [`parse_ordinal_full`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ordinal {
    pub style: OrdinalStyle,
    pub form: OrdinalForm,
    pub value: u32,
    /// Byte length including brackets and mark.
    pub len: usize,
    /// The number inside (`三` of `（三）`); for enclosed forms the whole character.
    pub number: (usize, usize),
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
    /// How the ordinal is written (standard, or which slip).
    pub form: OrdinalForm,
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
        // Line breaks found with memchr (wasm SIMD; core's search is not),
        // the lists sized once.
        let bytes = text.as_bytes();
        let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
        let mut pos = 0;
        let mut line = |start: usize, end: usize| {
            let end = if bytes[start..end].ends_with(b"\r") {
                end - 1
            } else {
                end
            };
            lines.push(Line { start, end });
        };
        for nl in memchr::memchr_iter(b'\n', bytes) {
            line(pos, nl);
            pos = nl + 1;
        }
        // The last line: after the last break (an empty one if the text
        // ends with a break, or is empty).
        line(pos, text.len());

        let mut paragraphs = Vec::with_capacity(lines.len());
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
            let heading = parse_ordinal_full(trimmed).map(|o| {
                headings.push(Heading {
                    number: Span {
                        start: start + o.number.0,
                        end: start + o.number.1,
                    },
                    paragraph: index,
                    level: o.style.level(),
                    style: o.style,
                    value: o.value,
                    ordinal: Span {
                        start,
                        end: start + o.len,
                    },
                    text: Span {
                        start: start + o.len,
                        end,
                    },
                    form: o.form,
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

    /// A document from what [`Document::parse`] found for `text` (the
    /// incremental `Checker` re-parses only the lines an edit touched).
    pub(crate) fn from_parts(
        text: &'a str,
        lines: Vec<Line>,
        paragraphs: Vec<Paragraph>,
        headings: Vec<Heading>,
    ) -> Self {
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
/// style, value and byte length (including the mark after it). Accepts the
/// slips drafts make too (see [`parse_ordinal_full`]).
pub fn parse_ordinal(s: &str) -> Option<(OrdinalStyle, u32, usize)> {
    parse_ordinal_full(s).map(|o| (o.style, o.value, o.len))
}

/// Recognises a heading ordinal at the start of a paragraph, in its standard
/// form or as drafts slip: `一.` `一，` `1、` `（一）、` `(1)` `1）` `⑴` `①`.
pub fn parse_ordinal_full(s: &str) -> Option<Ordinal> {
    use OrdinalForm as F;
    use OrdinalStyle as S;
    let first = s.chars().next()?;
    // One enclosed character: ① ⑴ ㈠ ⒈.
    let enclosed = match first {
        '\u{2460}'..='\u{2473}' => Some((S::Circled, F::Standard, first as u32 - 0x245f)),
        '\u{2474}'..='\u{2487}' => Some((S::ParenArabic, F::Enclosed, first as u32 - 0x2473)),
        '\u{2488}'..='\u{249b}' => Some((S::ArabicDot, F::Enclosed, first as u32 - 0x2487)),
        '\u{3220}'..='\u{3229}' => Some((S::ParenChinese, F::Enclosed, first as u32 - 0x321f)),
        _ => None,
    };
    if let Some((style, form, value)) = enclosed {
        let len = first.len_utf8();
        // ①② listed inline ("①②项") is not a heading.
        if s[len..]
            .chars()
            .next()
            .is_some_and(|c| circled_value(c).is_some())
        {
            return None;
        }
        return Some(Ordinal {
            style,
            form,
            value,
            len,
            number: (0, len),
        });
    }
    // Bracketed: （一） (一) （1） (1), with a mark after the bracket as a slip.
    if let Some(open) = s
        .strip_prefix('（')
        .map(|r| ('（', r))
        .or_else(|| s.strip_prefix('(').map(|r| ('(', r)))
    {
        let (open, rest) = open;
        let (value, len, zh) = leading_chinese_number(rest)
            .map(|(n, l)| (n, l, true))
            .or_else(|| leading_arabic(rest).map(|(n, l)| (n, l, false)))?;
        let close = rest[len..]
            .chars()
            .next()
            .filter(|c| *c == '）' || *c == ')')?;
        let mut total = open.len_utf8() + len + close.len_utf8();
        let style = if zh { S::ParenChinese } else { S::ParenArabic };
        let mut form = if open == '（' && close == '）' {
            F::Standard
        } else {
            F::Brackets
        };
        // (1)2 with half-width brackets is more likely a formula than a heading.
        let after = &s[total..];
        if form == F::Brackets && after.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if let Some(m) = after
            .chars()
            .next()
            .filter(|c| matches!(c, '、' | '.' | '．' | '，' | ','))
        {
            // "（1）.5" is not a heading; "（一）、加强" is one with an extra mark.
            if !after[m.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()) {
                total += m.len_utf8();
                if form == F::Standard {
                    form = F::ExtraMark;
                }
            }
        }
        let pre = open.len_utf8();
        return Some(Ordinal {
            style,
            form,
            value,
            len: total,
            number: (pre, pre + len),
        });
    }
    if let Some((value, len)) = leading_chinese_number(s) {
        let after = &s[len..];
        let m = after.chars().next()?;
        let form = match m {
            '、' => F::Standard,
            // 一．加强 / 一，加强; not 一.5 or 一，二 (a list of numerals).
            '.' | '．' | '，' | ',' => F::Mark,
            _ => return None,
        };
        let rest = &after[m.len_utf8()..];
        if form == F::Mark
            && (rest.is_empty()
                || rest.starts_with(|c: char| {
                    c.is_ascii_digit() || is_numeral_char(c) || is_indent(c)
                }))
        {
            return None;
        }
        return Some(Ordinal {
            style: S::ChineseComma,
            form,
            value,
            len: len + m.len_utf8(),
            number: (0, len),
        });
    }
    if let Some((value, len)) = leading_arabic(s) {
        let after = &s[len..];
        let m = after.chars().next()?;
        let rest = &after[m.len_utf8()..];
        match m {
            '.' | '．' => {
                // "1.5亿元" is a number, not a heading; "20.2026年……" is heading 20.
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let year = digits == 4 && rest[4..].starts_with('年');
                if (digits > 0 && !year) || rest.starts_with('%') {
                    return None;
                }
                Some(Ordinal {
                    style: S::ArabicDot,
                    form: F::Standard,
                    value,
                    len: len + m.len_utf8(),
                    number: (0, len),
                })
            }
            // 1、加强 (a slip for 1.); not "1、2月份" (a list of numbers).
            '、' => {
                if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit() || is_indent(c))
                {
                    return None;
                }
                Some(Ordinal {
                    style: S::ArabicDot,
                    form: F::Mark,
                    value,
                    len: len + m.len_utf8(),
                    number: (0, len),
                })
            }
            // 1）加强 / 1)加强: （1） without its opening bracket.
            '）' | ')' => {
                if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
                    return None;
                }
                Some(Ordinal {
                    style: S::ParenArabic,
                    form: F::Brackets,
                    value,
                    len: len + m.len_utf8(),
                    number: (0, len),
                })
            }
            _ => None,
        }
    } else {
        None
    }
}

fn is_numeral_char(c: char) -> bool {
    "〇零一二三四五六七八九十百千两".contains(c)
}

/// ① → 1 … ⑳ → 20.
pub fn circled_value(c: char) -> Option<u32> {
    matches!(c, '\u{2460}'..='\u{2473}').then(|| c as u32 - 0x245f)
}

/// 1 → ① … 20 → ⑳.
pub fn circled(n: u32) -> Option<&'static str> {
    const C: [&str; 20] = [
        "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱",
        "⑲", "⑳",
    ];
    C.get((n as usize).checked_sub(1)?).copied()
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
    // Called at many positions by the enumeration rules: no allocation.
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '一' => 1,
            '二' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let mut it = s.chars();
    let mut value = 0u32;
    // Bytes used so far; 0 means nothing recognised.
    let mut used = 0usize;
    let mut next = it.next();
    // [d]十[d] | d
    if let Some(d) = next.and_then(digit) {
        value = d;
        used = '一'.len_utf8();
        next = it.next();
    }
    if next == Some('十') {
        value = if used == 0 { 10 } else { value * 10 };
        used += '十'.len_utf8();
        if let Some(d) = it.next().and_then(digit) {
            value += d;
            used += '一'.len_utf8();
        }
    }
    if used == 0 || value == 0 {
        return None;
    }
    Some((value, used))
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
    fn slipped_ordinals_keep_their_level() {
        use OrdinalForm as F;
        use OrdinalStyle as S;
        let f = |s: &str| parse_ordinal_full(s).map(|o| (o.style, o.form, o.value, o.len));
        assert_eq!(f("1、加强"), Some((S::ArabicDot, F::Mark, 1, 4)));
        assert_eq!(f("一.加强"), Some((S::ChineseComma, F::Mark, 1, 4)));
        assert_eq!(f("三，加强"), Some((S::ChineseComma, F::Mark, 3, 6)));
        assert_eq!(
            f("（一）、加强"),
            Some((S::ParenChinese, F::ExtraMark, 1, 12))
        );
        assert_eq!(f("（2）.加强"), Some((S::ParenArabic, F::ExtraMark, 2, 8)));
        assert_eq!(f("(一)加强"), Some((S::ParenChinese, F::Brackets, 1, 5)));
        assert_eq!(f("(12)加强"), Some((S::ParenArabic, F::Brackets, 12, 4)));
        assert_eq!(f("3）加强"), Some((S::ParenArabic, F::Brackets, 3, 4)));
        assert_eq!(f("⑶加强"), Some((S::ParenArabic, F::Enclosed, 3, 3)));
        assert_eq!(f("㈡加强"), Some((S::ParenChinese, F::Enclosed, 2, 3)));
        assert_eq!(f("⒋加强"), Some((S::ArabicDot, F::Enclosed, 4, 3)));
        assert_eq!(f("⑫加强"), Some((S::Circled, F::Standard, 12, 3)));
        assert_eq!(OrdinalStyle::Circled.level(), 5);
        for s in [
            "1、2月份",
            "一，二等奖",
            "①②项",
            "(1)2",
            "(GDP)",
            "(2024)",
            "1)2",
        ] {
            assert_eq!(f(s), None, "{s}");
        }
        let d = Document::parse("(一)甲\n");
        assert_eq!(
            d.slice(d.headings[0].number.start, d.headings[0].number.end),
            "一"
        );
    }

    #[test]
    fn leading_chinese_number_agrees_with_the_plain_version() {
        // The version before it was made allocation-free.
        fn plain(s: &str) -> Option<(u32, usize)> {
            let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
            let chars: Vec<(usize, char)> = s.char_indices().take(4).collect();
            let (mut value, mut used, mut i) = (0u32, 0usize, 0);
            if let Some(d) = chars.get(i).and_then(|&(_, c)| digit(c)).filter(|&d| d > 0) {
                value = d as u32;
                i += 1;
                used = i;
            }
            if let Some(&(_, '十')) = chars.get(i) {
                value = if used == 0 { 10 } else { value * 10 };
                i += 1;
                used = i;
                if let Some(d) = chars.get(i).and_then(|&(_, c)| digit(c)).filter(|&d| d > 0) {
                    value += d as u32;
                    used = i + 1;
                }
            }
            if used == 0 || value == 0 {
                return None;
            }
            Some((value, chars.get(used).map_or(s.len(), |&(b, _)| b)))
        }
        let alphabet: Vec<char> = "〇一二五九十百、a".chars().collect();
        let mut s = String::new();
        for n in 0..10usize.pow(4) {
            s.clear();
            let mut k = n;
            for _ in 0..4 {
                s.push(alphabet[k % alphabet.len()]);
                k /= alphabet.len();
                for cut in 0..=s.chars().count() {
                    let t: String = s.chars().take(cut).collect();
                    assert_eq!(leading_chinese_number(&t), plain(&t), "{t}");
                }
            }
        }
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
