use super::date::dates;
use crate::diagnostic::Applicability;
use crate::incremental::{Fact, FactRule, Facts};
use crate::model::{Document, Paragraph};
use crate::rules::charset::CharSet;
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds years written in two forms in one document: `2024年` in most
    /// places and `二〇二四年` in one (or the other way round). Reports the
    /// minority form and names the majority.
    ///
    /// Why: GB/T 15835-2011 §4.3 asks for 同类别同形式 — one kind of number in
    /// one form throughout a text.
    ///
    /// Not counted: full dates in Chinese numerals (`二〇〇四年六月二十六日`,
    /// the 成文日期 and issue-date convention of older documents), the fixed
    /// term `二〇三五年` (远景目标), and years inside 《》 titles.
    ///
    /// Fix (review): the year in the majority form.
    pub static YEAR_FORM = {
        id: "consistency/year-form",
        category: Consistency,
        severity: Warning,
        title: "年份写法不统一",
        check: Facts(FactRule { collect, judge, reads_text: false }),
        triggers: triggers,
    };
}

fn zh_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '○' | '零' => Some(0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|d| d as u32 + 1),
    }
}

/// A year in running text: byte span (including 年), value, Chinese form?
#[derive(Clone, Copy)]
struct Year {
    start: usize,
    end: usize,
    value: u32,
    chinese: bool,
}

/// 年 (E5 B9 B4), found sixteen bytes at a time in wasm.
static NIAN: CharSet = CharSet::new(&['年']);

fn is_nian(w: u32) -> bool {
    w == 0xe5b9b4
}

fn years(doc: &Document, p: &Paragraph) -> Vec<Year> {
    let text = doc.para_text(p);
    let mut out = Vec::new();
    // Candidates first (byte span in the paragraph, value, Chinese?): most
    // paragraphs have none, and then need neither dates nor titles.
    let mut found = Vec::new();
    for i in NIAN.starts(text, is_nian) {
        let head = &text[..i];
        let arabic = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        let (start, value, chinese) = if arabic == 4 {
            (i - 4, head[i - 4..].parse().unwrap_or(0), false)
        } else if arabic == 0 {
            let mut cs = head.char_indices().rev();
            let mut four = [(0usize, '\0'); 4];
            let mut all = true;
            for slot in &mut four {
                match cs.next() {
                    Some((b, c)) if zh_digit(c).is_some() => *slot = (b, c),
                    _ => {
                        all = false;
                        break;
                    }
                }
            }
            if !all
                || cs
                    .next()
                    .is_some_and(|(_, c)| zh_digit(c).is_some() || c == '十')
            {
                continue;
            }
            let v = four
                .iter()
                .rev()
                .fold(0, |acc, &(_, c)| acc * 10 + zh_digit(c).unwrap());
            (four[3].0, v, true)
        } else {
            continue;
        };
        if !(1000..=2999).contains(&value) {
            continue;
        }
        found.push((start, i + '年'.len_utf8(), value, chinese));
    }
    if found.is_empty() {
        return out;
    }
    let full_dates: Vec<(usize, usize)> = if found.iter().any(|y| y.3) {
        dates(text)
            .into_iter()
            .filter(|d| d.year.is_some() && d.day.is_some())
            .map(|d| (d.start, d.end))
            .collect()
    } else {
        Vec::new()
    };
    let mut depth = 0i32;
    let mut title_spans = Vec::new();
    let mut open = 0;
    if text.contains('《') {
        for (i, c) in text.char_indices() {
            match c {
                '《' => {
                    if depth == 0 {
                        open = i;
                    }
                    depth += 1;
                }
                '》' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        title_spans.push((open, i));
                    }
                }
                _ => {}
            }
        }
    }
    for (start, end, value, chinese) in found {
        if chinese && (value == 2035 || full_dates.iter().any(|&(s, e)| s <= start && end <= e)) {
            continue;
        }
        if title_spans.iter().any(|&(s, e)| s < start && end <= e) {
            continue;
        }
        out.push(Year {
            start: p.start + start,
            end: p.start + end,
            value,
            chinese,
        });
    }
    out
}

fn to_chinese(v: u32) -> String {
    v.to_string()
        .chars()
        .map(|c| {
            "〇一二三四五六七八九"
                .chars()
                .nth(c as usize - '0' as usize)
                .unwrap()
        })
        .collect()
}

/// Fact key: a year (value: the year, plus [`CHINESE`] when written in
/// Chinese numerals).
const YEAR: &str = "year";
const CHINESE: u32 = 1 << 31;

/// Triggers: a numeral right before 年 (2024年, 二〇二四年).
fn triggers(t: &mut crate::registry::Triggers) {
    let literals: Vec<String> = "0123456789〇○零一二三四五六七八九"
        .chars()
        .map(|d| format!("{d}年"))
        .collect();
    t.literals(literals.iter().map(String::as_str));
}

fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
    if !facts.triggered() {
        return;
    }
    for y in years(doc, p) {
        let form = if y.chinese { CHINESE } else { 0 };
        facts.note(YEAR, y.start, y.end, y.value | form);
    }
}

fn judge(doc: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
    let all: Vec<Year> = facts
        .iter()
        .map(|f| Year {
            start: f.start,
            end: f.end,
            value: f.value & !CHINESE,
            chinese: f.value & CHINESE != 0,
        })
        .collect();
    let zh = all.iter().filter(|y| y.chinese).count();
    let ar = all.len() - zh;
    if zh == 0 || ar == 0 {
        return;
    }
    // The minority form is reported; on a tie, the Chinese one (GB/T 15835
    // prefers Arabic numerals for years in running text).
    let report_chinese = zh <= ar;
    let (majority, n) = if report_chinese {
        ("阿拉伯数字（如“2024年”）", ar)
    } else {
        ("汉字数字（如“二〇二四年”）", zh)
    };
    for y in all.iter().filter(|y| y.chinese == report_chinese) {
        let shown = doc.slice(y.start, y.end);
        let right = if report_chinese {
            format!("{}年", y.value)
        } else {
            format!("{}年", to_chinese(y.value))
        };
        sink.report(
            y.start,
            y.end,
            format!("全文年份多用{majority}（{n}处），“{shown}”请统一写作“{right}”"),
        )
        .fix(y.start, y.end, right, Applicability::Review);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_charset_is_is_nian() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let w = crate::rules::utf8_code(c);
            assert_eq!(super::NIAN.contains(w), super::is_nian(w), "{c:?}");
        }
    }

    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "consistency/year-form";

    #[test]
    fn fires_on_the_minority_form() {
        assert_fires(R, "2023年增长，2024年目标。\n⟦二〇二四年⟧将继续推进。");
        assert_fires(R, "二〇二三年增长，二〇二四年目标，⟦2025年⟧展望。");
    }

    #[test]
    fn quiet_on_conventions() {
        assert_quiet(R, "2023年增长，到二〇三五年基本实现。\n二〇二四年一月五日");
        assert_quiet(
            R,
            "（二○○四年六月十六日国务院第55次常务会议通过）\n2004年起施行。",
        );
        assert_quiet(R, "印发《二〇二四年工作要点》，2024年起施行。");
        assert_quiet(R, "2023年，2024年，二十年来，十二年。");
    }

    #[test]
    fn fix_writes_the_majority_form() {
        assert_fix(R, "2023年和2024年，二〇二五年", "2023年和2024年，2025年");
    }
}
