use super::{chars_of, is_han, is_zh};
use crate::diagnostic::{Applicability, Severity};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds hyphens standing in for a dash or a range mark: `--` or `－－` as
    /// a 破折号, `2020-2024年` (→ `2020—2024年`), `5-10人` (→ `5～10人`), and
    /// the half-width tilde `5~10人` (→ `5～10人`).
    ///
    /// Standard: GB/T 15834-2011 §4.10 (破折号 `——`) and §4.13 (连接号): the
    /// short hyphen `-` joins compound names and codes (§4.13.3.1); the start
    /// and end of a time, place or ordinal take the 一字线 `—` (§4.13.3.2); a
    /// numeric range takes the 浪纹线 `～` (§4.13.3.3, where `—` is also
    /// allowed, so `2—3年` stays quiet).
    ///
    /// A range fires only when both ends are Arabic numbers, the left one
    /// follows Chinese text or starts the paragraph, and a Chinese measure word
    /// or `%` follows the right one. Stays quiet on compound names
    /// (`中国-中亚`, `中和-分离-灭菌`), model names (`歼-35`), standard numbers
    /// (`GB/T 15834-2011`), phone numbers and ISO dates (`2024-03-05`).
    ///
    /// Severity: `--` for a dash is a warning; a range written with a hyphen is
    /// info, since the clause says "一般" and published reports write
    /// `6.5%－7%` and `2-3家` routinely (15 times in the clean corpus).
    ///
    /// Fix (safe): the standard mark; the numbers are untouched.
    pub static DASH_RANGE = {
        id: "punctuation/dash-range",
        category: Punctuation,
        severity: Warning,
        title: "破折号或范围号写法不规范",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '－' | '–')
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if !text.contains(['-', '－', '–', '~']) {
        return;
    }
    let chars = chars_of(text);
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| p.start + chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if !is_hyphen(c) && c != '~' {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_hyphen(chars[j].1) {
            j += 1;
        }
        let prev = i.checked_sub(1).and_then(at);
        let next = at(j);
        if j - i >= 2 {
            // Two to four hyphens in Chinese text (longer runs are rules and leaders).
            let chinese = prev.is_some_and(is_zh)
                || next.is_some_and(is_zh)
                || ((prev.is_none() || next.is_none()) && text.chars().any(is_han));
            if j - i <= 4 && chinese {
                let (start, end) = (byte(i), byte(j));
                sink.report(start, end, "破折号应写作“——”（占两格），不用连字符")
                    .fix(start, end, "——", Applicability::Safe);
            }
            i = j;
            continue;
        }
        if let Some(mark) = range_mark(&chars, i) {
            let (start, end) = (byte(i), byte(i + 1));
            let message = match (mark, c) {
                ("—", _) => format!("时间、序号的起止应使用一字线“—”，不用“{c}”"),
                (_, '~') => "数值范围应使用全角浪纹线“～”，不用半角“~”".to_string(),
                _ => format!("数值范围应使用浪纹线“～”，不用“{c}”"),
            };
            sink.report(start, end, message)
                .fix(start, end, mark, Applicability::Safe)
                .with_severity(Severity::Info);
        }
        i += 1;
    }
}

/// When `chars[i]` separates the two ends of a numeric range, the mark that
/// belongs there: `—` for years, months, days, hours and ordinals, else `～`.
fn range_mark(chars: &[(usize, char)], i: usize) -> Option<&'static str> {
    let num = |c: char| c.is_ascii_digit() || c == '.';
    // Left end: digits (and a decimal point), optionally a %.
    let mut l = i;
    if l > 0 && chars[l - 1].1 == '%' {
        l -= 1;
    }
    let left_end = l;
    while l > 0 && num(chars[l - 1].1) {
        l -= 1;
    }
    if l == left_end || !chars[l].1.is_ascii_digit() {
        return None;
    }
    let before = l.checked_sub(1).map(|k| chars[k].1);
    if before.is_some_and(|c| !is_zh(c)) {
        return None;
    }
    // Right end.
    let mut r = i + 1;
    while r < chars.len() && num(chars[r].1) {
        r += 1;
    }
    if r == i + 1 || !chars[i + 1].1.is_ascii_digit() {
        return None;
    }
    let after = chars.get(r).map(|&(_, c)| c);
    let unit = match after {
        Some('%') => '%',
        Some(c) if is_han(c) => c,
        _ => return None,
    };
    let digits = |a: usize, b: usize| chars[a..b].iter().all(|&(_, c)| c.is_ascii_digit());
    let years = unit == '年' && left_end - l == 4 && r - (i + 1) == 4 && digits(l, left_end);
    let time = matches!(unit, '月' | '日' | '时' | '点' | '号') || before == Some('第');
    Some(if (years || time) && chars[i].1 != '~' {
        "—"
    } else {
        "～"
    })
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("-－–~");
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/dash-range";

    #[test]
    fn fires_on_hyphens_as_dashes_and_ranges() {
        assert_fires(R, "我们的目标⟦--⟧建成");
        assert_fires(R, "我们的目标⟦－－⟧建成");
        assert_fires(R, "⟦--⟧2026年2月5日在省人民代表大会上");
        assert_fires(R, "规划期为2020⟦-⟧2024年");
        assert_fires(R, "每组5⟦-⟧10人");
        assert_fires(R, "增长4.5⟦-⟧5%");
        assert_fires(R, "每组5⟦~⟧10人");
        assert_fires(R, "第1⟦-⟧3条");
    }

    #[test]
    fn quiet_on_hyphens_that_belong() {
        for t in [
            "规划期为2020—2024年",
            "每组5～10人",
            "在2—3年内",
            "中国-中亚峰会",
            "采用“中和-分离-灭菌”工艺",
            "歼-35战机",
            "依据GB/T 15834-2011执行",
            "电话0571-87654321。",
            "日期2024-03-05。",
            "日期2024-3-5日",
            "COVID-19疫情",
            "--------",
            "目录------------5",
            "git --help",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fixes() {
        assert_fix(R, "2020-2024年", "2020—2024年");
        assert_fix(R, "5-10人", "5～10人");
        assert_fix(R, "目标--建成", "目标——建成");
        assert_fix(R, "5~10人", "5～10人");
    }
}
