use super::{char_before, is_chinese_numeral};
use crate::diagnostic::{Applicability, Severity};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use regex::Regex;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds a year in Chinese numerals whose zero is not `〇`: `二零二四年`,
    /// `二0二四年`, `二○二四年`.
    ///
    /// Why: GB/T 15835-2011 §5.2.5 (as we read it): a zero used as a label —
    /// and a year is one — is written `〇`; `零` is for quantities
    /// (三千零五十二). `0`/`０` are Arabic digits and `○` (U+25CB) is a circle
    /// that only looks like `〇` (U+3007).
    ///
    /// Severity: warning for `零`; info for `0`, `０` and `○`, which print almost
    /// like `〇` (published web copies of national reports contain them).
    /// Quiet on `二〇二四年`, `一九九八年` and on quantities (`三千零五十年`
    /// has 千, so it is not a year).
    ///
    /// Fix (safe): every zero of the year becomes `〇`.
    pub static YEAR_ZERO = {
        id: "number/year-zero",
        category: Number,
        severity: Warning,
        title: "年份中的“〇”",
        check: Paragraph(check),
        triggers: triggers,
    };
}

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[〇零○0０一二三四五六七八九]{4}年").unwrap());

/// The characters of `YEAR`'s four-character class.
fn is_year_digit(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '○'
            | '0'
            | '０'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
    )
}

/// Does `text` contain a match of `YEAR` (four of its characters, then 年)?
/// Checked by hand first so that a text without one never builds the regex
/// (start-up cost, issue 9).
fn may_match(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        if c == '年' && run >= 4 {
            return true;
        }
        run = if is_year_digit(c) { run + 1 } else { 0 };
    }
    false
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if !may_match(text) {
        return;
    }
    for m in YEAR.find_iter(text) {
        let digits = m.as_str().trim_end_matches('年');
        if char_before(text, m.start()).is_some_and(|c| is_chinese_numeral(c) || c.is_ascii_digit())
        {
            continue;
        }
        // A Chinese year: the first character is 一 or 二, and some digit is 1–9 in Chinese.
        if !digits.starts_with(['一', '二'])
            || digits.chars().all(|c| "〇零○0０".contains(c))
            || !digits.chars().any(|c| "零○0０".contains(c))
        {
            continue;
        }
        let fixed: String = digits
            .chars()
            .map(|c| if "零○0０".contains(c) { '〇' } else { c })
            .collect();
        let (start, end) = (p.start + m.start(), p.start + m.start() + digits.len());
        let d = sink.report(
            start,
            end,
            format!("年份中的“0”应写作“〇”：“{digits}”应写作“{fixed}”"),
        );
        d.fix(start, end, fixed, Applicability::Safe);
        if !digits.contains('零') {
            d.with_severity(Severity::Info);
        }
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    use crate::registry::any;
    // A year of four numerals with a zero written 零/○/0, starting 一 or 二.
    t.when([any("零○0０"), any("一二"), any("年")]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};

    proptest::proptest! {
        /// The hand pre-check never hides a match of the regex.
        #[test]
        fn pre_check_is_necessary(s in "[〇零○0０一二三九1年度 ]{0,14}") {
            proptest::prop_assert!(!super::YEAR.is_match(&s) || super::may_match(&s));
        }
    }
    use crate::{check, Config, Severity};
    const R: &str = "number/year-zero";

    #[test]
    fn fires_on_wrong_zeros() {
        assert_fires(R, "⟦二零二四⟧年工作总结");
        assert_fires(R, "⟦二零零八⟧年");
        assert_fires(R, "⟦二0一一⟧年");
        assert_fires(R, "⟦二○三五⟧年");
    }

    #[test]
    fn digit_zero_and_circle_are_info() {
        for t in ["二0一一年", "二○三五年", "二０一０年"] {
            let d = check(t, &Config::default());
            assert!(d
                .iter()
                .any(|d| d.rule.id == R && d.severity == Severity::Info));
        }
    }

    #[test]
    fn quiet_on_correct_years() {
        for t in ["二〇二四年", "一九九八年", "三千零五十年", "十二零五年"] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_writes_ling_as_circle() {
        assert_fix(R, "二零二四年", "二〇二四年");
        assert_fix(R, "二○○四年", "二〇〇四年");
    }
}
