use crate::diagnostic::{Applicability, Severity};
use crate::incremental::{Fact, FactRule, Facts};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use regex::Regex;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds a full-width percent sign after a number (`5％`) and a space
    /// between a number and its percent sign (`5 %`).
    ///
    /// Why: a percentage is a number with its symbol (GB/T 15835-2011 §4.1.1,
    /// as we read it, treats it as one Arabic-numeral expression): `5%`, with
    /// the half-width sign that goes with half-width digits and no space
    /// (never a space between Chinese text, digits and symbols in 公文).
    ///
    /// Severity: warning for a space, and for `％` in a document that also uses
    /// `%` (a mixture is a slip); info for `％` in a document that uses it
    /// throughout (a house style seen in published reports). Quiet on `5%`.
    ///
    /// Fix (safe): `5%`.
    pub static PERCENT_SIGN = {
        id: "number/percent-sign",
        category: Number,
        severity: Warning,
        title: "百分号",
        check: Facts(FactRule { collect, judge, reads_text: false }),
        triggers: triggers,
    };
}

static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9０-９][ \u{a0}\u{3000}]*[%％]").unwrap());

/// Fact keys: the paragraph uses `%` / `％`; a number with a spaced or
/// full-width sign (span: the sign with the space before it; value:
/// [`SPACED`] | [`WIDE`]).
const HALF_SIGN: &str = "half";
const WIDE_SIGN: &str = "wide";
const SIGN: &str = "sign";
const SPACED: u32 = 1;
const WIDE: u32 = 2;

/// Triggers: a percent sign.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("%％");
}

fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
    if !facts.triggered() {
        return;
    }
    let text = doc.para_text(p);
    if text.contains('%') {
        facts.note(HALF_SIGN, p.start, p.start, 0);
    }
    if text.contains('％') {
        facts.note(WIDE_SIGN, p.start, p.start, 0);
    }
    // Every match has a sign: without one the regex is not even built (issue 9).
    if !text.contains(['%', '％']) {
        return;
    }
    for m in PERCENT.find_iter(text) {
        let s = m.as_str();
        let digit_len = s.chars().next().unwrap().len_utf8();
        let tail = &s[digit_len..];
        let spaced = tail.chars().count() > 1;
        let wide = tail.ends_with('％');
        if !spaced && !wide {
            continue;
        }
        let value = if spaced { SPACED } else { 0 } | if wide { WIDE } else { 0 };
        facts.note(
            SIGN,
            p.start + m.start() + digit_len,
            p.start + m.end(),
            value,
        );
    }
}

fn judge(_: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
    let mixed =
        facts.iter().any(|f| f.key == HALF_SIGN) && facts.iter().any(|f| f.key == WIDE_SIGN);
    for f in facts.iter().filter(|f| f.key == SIGN) {
        let (spaced, wide) = (f.value & SPACED != 0, f.value & WIDE != 0);
        let (start, end) = (f.start, f.end);
        let msg = match (spaced, wide) {
            (true, true) => "百分号应与数字紧连并用半角“%”",
            (true, false) => "数字与百分号之间不加空格",
            _ => "数字后的百分号用半角“%”",
        };
        let d = sink.report(start, end, msg);
        d.fix(start, end, "%", Applicability::Safe);
        if !spaced && !mixed {
            d.with_severity(Severity::Info);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    use crate::{check, Config, Severity};
    const R: &str = "number/percent-sign";

    #[test]
    fn fires_on_wide_and_spaced_signs() {
        assert_fires(R, "增长5⟦％⟧，下降3%");
        assert_fires(R, "增长5⟦ %⟧");
        assert_fires(R, "增长5⟦　％⟧");
    }

    #[test]
    fn consistent_wide_sign_is_info() {
        let d = check("增长5.1％，下降3％。", &Config::default());
        let mine: Vec<_> = d.iter().filter(|d| d.rule.id == R).collect();
        assert_eq!(mine.len(), 2);
        assert!(mine.iter().all(|d| d.severity == Severity::Info));
    }

    #[test]
    fn quiet_on_half_width_sign() {
        for t in ["增长5%", "占比12.5%", "百分之五"] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_writes_half_width_sign() {
        assert_fix(R, "增长5％，下降3 %", "增长5%，下降3%");
    }
}
