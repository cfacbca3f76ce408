use super::is_arabic_part;
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use regex::Regex;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds a month or day padded with a zero in running text: `2024年03月05日`.
    ///
    /// Why: in Chinese text months and days are written as they are said
    /// (GB/T 15835-2011 §5.1.4.1); GB/T 9704-2012 §7.3.5 adds that months and
    /// days are not padded ("1不编为01"). Zero padding belongs only to the
    /// all-digit form `2024-03-05`, which this rule leaves alone.
    ///
    /// A paragraph that is only a date (the 成文日期 line under the signature)
    /// is left to the structure rule for that line. Quiet on `3月5日`,
    /// `10月20日`, `2024-03-05`.
    ///
    /// Fix (safe): drop the leading zero.
    pub static ZERO_PADDED_DATE = {
        id: "number/zero-padded-date",
        category: Number,
        severity: Warning,
        title: "月日前补零",
        check: Paragraph(check),
        triggers: triggers,
    };
}

static PADDED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"0([1-9])(月|日|号)").unwrap());
static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日$").unwrap());

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if DATE_LINE.is_match(text) {
        return;
    }
    for c in PADDED.captures_iter(text) {
        let m = c.get(0).unwrap();
        let before = text[..m.start()].chars().next_back();
        if before.is_some_and(is_arabic_part) {
            continue;
        }
        // A day is padded only after a month (03月05日), not in 05号楼.
        let unit = c.get(2).unwrap().as_str();
        if unit != "月" && !text[..m.start()].ends_with('月') {
            continue;
        }
        let what = if unit == "月" { "月份" } else { "日期" };
        let (start, end) = (p.start + m.start(), p.start + m.start() + 1);
        sink.report(
            start,
            p.start + m.end(),
            format!(
                "{what}不补零：“{}”应写作“{}{unit}”",
                m.as_str(),
                c.get(1).unwrap().as_str()
            ),
        )
        .fix(start, end, "", Applicability::Safe);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    use crate::registry::any;
    t.when([any("0"), any("月日号")]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "number/zero-padded-date";

    #[test]
    fn fires_on_padded_months_and_days() {
        assert_fires(R, "会议于2024年⟦03月⟧⟦05日⟧召开。");
        assert_fires(R, "⟦09月⟧底前完成");
    }

    #[test]
    fn quiet_on_plain_dates() {
        for t in [
            "2024年3月5日召开",
            "10月20日",
            "2024-03-05",
            "2024年10月",
            "20号楼05号",
            "2024年03月05日",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_drops_the_zero() {
        assert_fix(R, "于2024年03月05日召开", "于2024年3月5日召开");
    }
}
