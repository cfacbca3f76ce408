use crate::diagnostic::{Applicability, Severity};
use crate::model::Document;
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
        check: Document(check),
    };
}

static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9０-９][ \u{a0}\u{3000}]*[%％]").unwrap());

fn check(doc: &Document, sink: &mut Sink<'_>) {
    let text = doc.text;
    let mixed = text.contains('%') && text.contains('％');
    for m in PERCENT.find_iter(text) {
        let s = m.as_str();
        let digit_len = s.chars().next().unwrap().len_utf8();
        let tail = &s[digit_len..];
        let spaced = tail.chars().count() > 1;
        let wide = tail.ends_with('％');
        if !spaced && !wide {
            continue;
        }
        let (start, end) = (m.start() + digit_len, m.end());
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
