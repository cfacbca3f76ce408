use super::{is_closing, is_han, is_zh, is_zh_numeral, tsv_rows};
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds half-width (ASCII) punctuation in Chinese text: `学习,提高.`,
    /// `(试行)`, `同志们:`, `是否可行?`, `"两个确立"`.
    ///
    /// Standard: GB/T 15834-2011 §1 (the standard covers the Chinese part of
    /// mixed text) and the form clause of each mark (§4.1.2 。, §4.4.2 ，,
    /// §4.6.2 ；, §4.7.2 ：, §4.2.2 ？, §4.3.2 ！, §4.8.2 “”, §4.9.2 （）):
    /// Chinese text uses the full-width forms, each taking one character cell.
    ///
    /// A mark counts as Chinese when a Chinese character or mark stands next
    /// to it. Stays quiet on numbers and codes (`3.14`, `1.5亿`, `10:30`,
    /// `1,000`), URLs and e-mail addresses, English phrases, list ordinals
    /// (`1.对`), a `?` standing for a character the encoding lost (`、?水`),
    /// brackets around Latin text (`f(x)`, `(GDP)`) and heading ordinals
    /// (`(一)`, left to the structure rules). Brackets are reported as a pair.
    /// Unpaired or mixed brackets (`（…)`) are `punctuation/unpaired-bracket`'s.
    ///
    /// A `.` between two Chinese characters (`以.为统领`) masks a character and
    /// is `placeholder/masked-char`'s.
    ///
    /// Fix (safe): the full-width form (`.` becomes `。`).
    pub static HALF_WIDTH = {
        id: "punctuation/half-width",
        category: Punctuation,
        severity: Warning,
        title: "中文里用了半角标点",
        check: Paragraph(check),
        triggers: triggers,
    };
}

/// (half-width, full-width, Chinese name) from `data/punctuation_halfwidth.tsv`.
static TABLE: LazyLock<Vec<(char, char, &'static str)>> = LazyLock::new(|| {
    tsv_rows(include_str!("../../../data/punctuation_halfwidth.tsv"))
        .map(|r| (one_char(r[0]), one_char(r[1]), r[2]))
        .collect()
});

fn one_char(s: &str) -> char {
    let mut it = s.chars();
    let c = it.next().expect("empty cell");
    assert!(it.next().is_none(), "cell {s:?} is not one character");
    c
}

fn lookup(c: char) -> Option<(char, &'static str)> {
    TABLE
        .iter()
        .find(|&&(h, _, _)| h == c)
        .map(|&(_, f, n)| (f, n))
}

/// Whether byte `b` is one of the ASCII marks [`check`] looks at (the
/// table's, brackets and the straight double quote).
fn is_mark(b: u8) -> bool {
    matches!(
        b,
        b',' | b';' | b':' | b'?' | b'!' | b'.' | b'(' | b')' | b'"'
    )
}

/// Only the marks themselves are looked at, with the characters around
/// them (a paragraph costs one byte scan, each mark a constant).
fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if text.is_ascii() {
        return;
    }
    let mut parens: Vec<usize> = Vec::new();
    let mut quotes: Vec<usize> = Vec::new();
    for (b, &byte) in text.as_bytes().iter().enumerate() {
        if !is_mark(byte) {
            continue;
        }
        let c = byte as char;
        let prev = text[..b].chars().next_back();
        let next = text[b + 1..].chars().next();
        let digits_around =
            prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit());
        let zh_prev = prev.is_some_and(is_zh);
        let zh_next = next.is_some_and(is_zh);
        let fires = match c {
            '(' => {
                parens.push(b);
                false
            }
            ')' => {
                if let Some(o) = parens.pop() {
                    paren_pair(text, o, b, p.start, sink);
                }
                false
            }
            '"' => {
                quotes.push(b);
                false
            }
            ',' | ';' => !digits_around && (zh_prev || zh_next) && !html_entity(text, b, c),
            ':' => {
                !digits_around
                    && (zh_prev || (zh_next && !prev.is_some_and(|c| c.is_ascii_alphanumeric())))
            }
            // A question or exclamation mark ends what came before it; after
            // 、，。 or at the start it stands for a lost character.
            '?' | '!' => prev.is_some_and(|c| is_han(c) || is_closing(c)),
            // Between two Han characters (以.为统领) a dot masks a character:
            // placeholder/masked-char reports it.
            '.' => {
                prev.is_some_and(|c| is_han(c) || is_closing(c))
                    && next.is_none_or(|c| (is_zh(c) && !is_han(c)) || c.is_whitespace())
                    && !is_ordinal_dot(&text[..b])
            }
            _ => false,
        };
        if !fires {
            continue;
        }
        report(sink, p.start + b, c);
    }
    straight_quotes(text, &quotes, p.start, sink);
}

/// `&nbsp;` and friends: a `;` that ends an HTML entity is not a semicolon.
/// The half-width mark `c` at byte `start` of the text, with its full-width fix.
fn report(sink: &mut Sink<'_>, start: usize, c: char) {
    let Some((full, name)) = lookup(c) else {
        return;
    };
    let end = start + 1;
    let message = if c == '.' {
        "中文句末应使用句号“。”，不用半角句点“.”".to_string()
    } else {
        format!("中文里应使用全角{name}“{full}”，不用半角“{c}”")
    };
    sink.report(start, end, message)
        .fix(start, end, full.to_string(), Applicability::Safe);
}

fn html_entity(text: &str, b: usize, c: char) -> bool {
    if c != ';' {
        return false;
    }
    let before = &text[..b];
    let word = before.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '#');
    word.ends_with('&') && word.len() < before.len()
}

/// `一.` or `十二.` at the start of a paragraph is a (wrongly punctuated)
/// heading ordinal, which the structure rules report: `before` (the text
/// before the dot) is one to three Chinese numerals.
fn is_ordinal_dot(before: &str) -> bool {
    // Three characters take at most 12 bytes: a longer text is not looked at.
    !before.is_empty()
        && before.len() <= 12
        && before.chars().count() <= 3
        && before.chars().all(is_zh_numeral)
}

/// A half-width bracket pair `(…)` at bytes `o` and `c`: reported when it
/// holds Chinese text.
fn paren_pair(text: &str, o: usize, c: usize, base: usize, sink: &mut Sink<'_>) {
    let inner = &text[o + 1..c];
    if !inner.chars().any(is_zh) {
        return; // f(x), (GDP), (1)
    }
    if o == 0 && inner.chars().all(is_zh_numeral) {
        return; // (一) as a heading ordinal: the structure rules' business
    }
    let start = base + o;
    let end = base + c + 1;
    let replacement = format!("（{inner}）");
    sink.report(start, end, "中文里应使用全角括号“（）”，不用半角“()”")
        .fix(start, end, replacement, Applicability::Safe);
}

/// Straight double quotes `"` (at bytes `quotes`) in Chinese text become “
/// and ” by position (odd ones open, even ones close); with an odd count
/// there is no safe guess.
fn straight_quotes(text: &str, quotes: &[usize], base: usize, sink: &mut Sink<'_>) {
    let chinese = quotes.iter().any(|&b| {
        let prev = text[..b].chars().next_back();
        let next = text[b + 1..].chars().next();
        prev.is_some_and(is_zh) || next.is_some_and(is_zh)
    });
    if !chinese {
        return;
    }
    let even = quotes.len().is_multiple_of(2);
    for (k, &b) in quotes.iter().enumerate() {
        let start = base + b;
        let d = sink.report(start, start + 1, "中文里应使用弯引号“”，不用直引号\"");
        if even {
            let q = if k % 2 == 0 { "“" } else { "”" };
            d.fix(start, start + 1, q, Applicability::Safe);
        }
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any_of(TABLE.iter().map(|r| r.0).chain(['(', ')', '"']));
}

#[cfg(test)]
mod tests {
    use super::TABLE;
    use crate::diagnostic::Applicability;
    use crate::model::{Document, Paragraph};
    use crate::rules::punctuation::{chars_of, is_closing, is_han, is_zh, is_zh_numeral};
    use crate::sink::Sink;
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/half-width";

    /// `check` as it was before it looked at the marks alone (a vector of
    /// every character of the paragraph).
    fn check_reference(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
        let text = doc.para_text(p);
        if text.is_ascii() {
            return;
        }
        let chars = chars_of(text);
        let at = |i: usize| chars.get(i).map(|&(_, c)| c);
        let mut parens: Vec<usize> = Vec::new();
        let mut quotes: Vec<usize> = Vec::new();
        for i in 0..chars.len() {
            let (b, c) = chars[i];
            let prev = i.checked_sub(1).and_then(at);
            let next = at(i + 1);
            let digits_around = prev.is_some_and(|c| c.is_ascii_digit())
                && next.is_some_and(|c| c.is_ascii_digit());
            let zh_prev = prev.is_some_and(is_zh);
            let zh_next = next.is_some_and(is_zh);
            let fires = match c {
                '(' => {
                    parens.push(i);
                    false
                }
                ')' => {
                    if let Some(o) = parens.pop() {
                        paren_pair(text, &chars, o, i, p.start, sink);
                    }
                    false
                }
                '"' => {
                    quotes.push(i);
                    false
                }
                ',' | ';' => {
                    !digits_around && (zh_prev || zh_next) && !super::html_entity(text, b, c)
                }
                ':' => {
                    !digits_around
                        && (zh_prev
                            || (zh_next && !prev.is_some_and(|c| c.is_ascii_alphanumeric())))
                }
                // A question or exclamation mark ends what came before it; after
                // 、，。 or at the start it stands for a lost character.
                '?' | '!' => prev.is_some_and(|c| is_han(c) || is_closing(c)),
                // Between two Han characters (以.为统领) a dot masks a character:
                // placeholder/masked-char reports it.
                '.' => {
                    prev.is_some_and(|c| is_han(c) || is_closing(c))
                        && next.is_none_or(|c| (is_zh(c) && !is_han(c)) || c.is_whitespace())
                        && !is_ordinal_dot(&chars, i)
                }
                _ => false,
            };
            if !fires {
                continue;
            }
            super::report(sink, p.start + b, c);
        }
        straight_quotes(&chars, &quotes, p.start, sink);
    }

    /// `一.` or `十二.` at the start of a paragraph is a (wrongly punctuated)
    /// heading ordinal, which the structure rules report.
    fn is_ordinal_dot(chars: &[(usize, char)], i: usize) -> bool {
        i > 0 && i <= 3 && chars[..i].iter().all(|&(_, c)| is_zh_numeral(c))
    }

    /// A half-width bracket pair `(…)`: reported when it holds Chinese text.
    fn paren_pair(
        text: &str,
        chars: &[(usize, char)],
        o: usize,
        c: usize,
        base: usize,
        sink: &mut Sink<'_>,
    ) {
        let inner = &chars[o + 1..c];
        if !inner.iter().any(|&(_, ch)| is_zh(ch)) {
            return; // f(x), (GDP), (1)
        }
        if o == 0 && inner.iter().all(|&(_, ch)| is_zh_numeral(ch)) {
            return; // (一) as a heading ordinal: the structure rules' business
        }
        let (ob, cb) = (chars[o].0, chars[c].0);
        let start = base + ob;
        let end = base + cb + 1;
        let replacement = format!("（{}）", &text[ob + 1..cb]);
        sink.report(start, end, "中文里应使用全角括号“（）”，不用半角“()”")
            .fix(start, end, replacement, Applicability::Safe);
    }

    /// Straight double quotes `"` in Chinese text become “ and ” by position
    /// (odd ones open, even ones close); with an odd count there is no safe guess.
    fn straight_quotes(
        chars: &[(usize, char)],
        quotes: &[usize],
        base: usize,
        sink: &mut Sink<'_>,
    ) {
        let chinese = quotes.iter().any(|&i| {
            let prev = i.checked_sub(1).map(|j| chars[j].1);
            let next = chars.get(i + 1).map(|x| x.1);
            prev.is_some_and(is_zh) || next.is_some_and(is_zh)
        });
        if !chinese {
            return;
        }
        let even = quotes.len().is_multiple_of(2);
        for (k, &i) in quotes.iter().enumerate() {
            let start = base + chars[i].0;
            let d = sink.report(start, start + 1, "中文里应使用弯引号“”，不用直引号\"");
            if even {
                let q = if k % 2 == 0 { "“" } else { "”" };
                d.fix(start, start + 1, q, Applicability::Safe);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// `check` reports what the per-character version reported.
        #[test]
        fn same_as_the_per_character_check(
            s in "(一二三|十二一|一|甲|、|。|（|）|》|”|a|1| |&nbsp|&#|\\.|\\(|\\)|\"|[,;:?!]){0,14}",
        ) {
            use crate::model::Document;
            use crate::sink::Sink;
            let doc = Document::parse(&s);
            let config = crate::Config::default();
            for p in &doc.paragraphs {
                let run = |f: fn(&Document, &crate::model::Paragraph, &mut Sink<'_>)| {
                    let mut sink = Sink::new(&super::HALF_WIDTH, crate::Severity::Warning, &config);
                    f(&doc, p, &mut sink);
                    let v: Vec<_> = (sink.out.into_iter())
                        .map(|d| (d.start, d.end, d.message, d.fixes))
                        .collect();
                    v
                };
                proptest::prop_assert_eq!(run(super::check), run(check_reference));
            }
        }
    }

    #[test]
    fn table_is_well_formed() {
        assert!(TABLE.len() >= 8);
        for &(h, f, name) in TABLE.iter() {
            assert!(h.is_ascii_punctuation(), "{h}");
            assert!(!f.is_ascii(), "{f}");
            assert!(!name.is_empty());
        }
        let mut hs: Vec<char> = TABLE.iter().map(|t| t.0).collect();
        hs.sort();
        hs.dedup();
        assert_eq!(hs.len(), TABLE.len(), "duplicate half-width mark");
        // `check` looks only at these bytes.
        for h in hs {
            assert!(super::is_mark(h as u8), "{h}");
        }
    }

    #[test]
    fn fires_on_half_width_marks_in_chinese() {
        assert_fires(R, "加强学习⟦,⟧提高能力⟦.⟧");
        assert_fires(R, "同志们⟦:⟧");
        assert_fires(R, "附件⟦:⟧1、台账");
        assert_fires(R, "一是学习⟦;⟧二是实践");
        assert_fires(R, "是否可行⟦?⟧");
        assert_fires(R, "印发《办法》⟦(试行)⟧的通知");
        assert_fires(R, "把握时序节奏⟦,⟧推动规划落地");
        assert_fires(R, "“枫桥经验”⟦,⟧深化综治");
        assert_fires(R, "提出⟦\"⟧两个确立⟦\"⟧的要求");
        assert_fires(R, "国家级⟦(Ⅰ级)⟧应急响应");
    }

    #[test]
    fn quiet_on_numbers_codes_and_latin() {
        for t in [
            "圆周率约为3.14。",
            "投资1.5亿元。",
            "上午10:30开会。",
            "共1,000人。",
            "详见http://www.gov.cn/zhengce/。",
            "邮箱：office@gov.cn。",
            "他说Hello, world. 然后离开。",
            "国内生产总值(GDP)增长5%。",
            "函数f(x)的值。",
            "1.对党的政策进行检查。",
            "(一)加强学习",
            "湖区重点垸堤防加固、?水灌区开工建设。",
            "比分3:1。",
            "输入&nbsp;字符。",
            "请打开通知.docx文件。",
            "坚持以.为统领。",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fixes_to_full_width() {
        assert_fix(R, "学习,提高.", "学习，提高。");
        assert_fix(R, "印发(试行)办法", "印发（试行）办法");
        assert_fix(R, "提出\"两个确立\"的要求", "提出“两个确立”的要求");
        assert_fix(R, "同志们:", "同志们：");
    }
}
