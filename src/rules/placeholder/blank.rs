use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds blanks to fill: runs of underscores (`____`, `＿＿`) and dates
    /// left as spaces (`    年  月  日`).
    ///
    /// Why: forms and templates leave lines and spaced dates for the writer;
    /// left blank in a report, the date or figure is missing.
    ///
    /// Stays quiet on a single underscore (file names such as `a_b.docx`) and
    /// on 年/月/日 after a number (`2024年 3月`).
    ///
    /// No fix: only the writer knows the value.
    pub static BLANK = {
        id: "placeholder/blank",
        category: Placeholder,
        severity: Warning,
        title: "未填写的空白",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\u{a0}'
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    let chars = crate::rules::punctuation::chars_of(text);
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    // Underscore runs.
    let mut i = 0;
    while i < chars.len() {
        let under = |c: char| c == '_' || c == '＿';
        if !under(chars[i].1) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && under(chars[j].1) {
            j += 1;
        }
        if j - i >= 2 {
            sink.report(
                p.start + chars[i].0,
                p.start + end_of(j),
                "下划线空白未填写，请填入实际内容",
            );
        }
        i = j;
    }
    // A date with spaces for its numbers: “  年  月  日”.
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1 != '年' {
            k += 1;
            continue;
        }
        // Two or more blanks before 年 (or the paragraph start), then blanks 月 blanks 日.
        let mut lo = k;
        while lo > 0 && is_space(chars[lo - 1].1) {
            lo -= 1;
        }
        let blanks_before = k - lo;
        let preceded_ok = lo == 0 || !chars[lo - 1].1.is_alphanumeric() || blanks_before >= 2;
        let mut m = k + 1;
        let mut ok = (blanks_before >= 1 || lo == 0) && preceded_ok;
        for unit in ['月', '日'] {
            let s = m;
            while m < chars.len() && is_space(chars[m].1) {
                m += 1;
            }
            if m - s == 0 || chars.get(m).map(|&(_, c)| c) != Some(unit) {
                ok = false;
                break;
            }
            m += 1;
        }
        // Numbers before 年 (2024 年) are filled in.
        if ok && lo > 0 && chars[lo - 1].1.is_ascii_digit() {
            ok = false;
        }
        if ok {
            // A date line's indentation belongs to the blank (“    年  月  日”).
            let start = if lo == 0 {
                doc.lines[p.line].start
            } else {
                p.start + chars[lo].0
            };
            sink.report(start, p.start + end_of(m), "日期未填写，请填入年月日");
            k = m;
        } else {
            k += 1;
        }
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    use crate::registry::{any, pair};
    // Underscores, or “  年  月  日” with blanks.
    t.when([pair("_＿")])
        .when([any("年"), any("月"), any("日"), any(" \u{3000}\u{a0}")]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "placeholder/blank";

    #[test]
    fn fires_on_blanks() {
        assert_fires(R, "姓名：⟦____⟧，单位：⟦＿＿＿⟧");
        assert_fires(R, "县人民政府\n⟦    年  月  日⟧");
        assert_fires(R, "签发日期：⟦　　年　　月　　日⟧");
    }

    #[test]
    fn quiet_on_filled_text() {
        assert_quiet(R, "见附件a_b.docx");
        assert_quiet(R, "2024年3月5日");
        assert_quiet(R, "2024 年 3 月 5 日");
    }
}
