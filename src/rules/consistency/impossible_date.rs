use super::date::{dates, days_in_month};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds dates that cannot exist: `2月30日`, `2023年2月29日`, `4月31日`,
    /// `2024年13月`, `二〇二四年二月三十日`.
    ///
    /// Why: a mistyped date in a notice or a 落款 is an error the reader can
    /// prove; it usually means a digit was changed from last year's text.
    ///
    /// A bare month counts only before 底/初/份/上旬… (`13月底前`); `第13月工资`
    /// and durations (`13个月`) are not dates and stay quiet; 2月29日 without a
    /// year is allowed.
    ///
    /// No fix: the right date is unknown.
    pub static IMPOSSIBLE_DATE = {
        id: "consistency/impossible-date",
        category: Consistency,
        severity: Warning,
        title: "不存在的日期",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if !text.contains('月') {
        return;
    }
    for d in dates(text) {
        let shown = &text[d.start..d.end];
        if !(1..=12).contains(&d.month) {
            sink.report(
                p.start + d.month_span.0,
                p.start + d.month_span.1,
                format!("“{shown}”中的月份不存在（一年只有12个月），请核对日期"),
            );
            continue;
        }
        let (Some(day), Some(span)) = (d.day, d.day_span) else {
            continue;
        };
        let max = days_in_month(d.year, d.month);
        if day == 0 || day > max {
            sink.report(
                p.start + span.0,
                p.start + span.1,
                format!(
                    "“{shown}”不存在：{}{}月只有{max}天，请核对日期",
                    d.year.map(|y| format!("{y}年")).unwrap_or_default(),
                    d.month
                ),
            );
        }
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("月");
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "consistency/impossible-date";

    #[test]
    fn fires_on_impossible_dates() {
        assert_fires(R, "于2月⟦30日⟧召开");
        assert_fires(R, "2023年2月⟦29日⟧");
        assert_fires(R, "4月⟦31日⟧前完成");
        assert_fires(R, "2024年⟦13月⟧");
        assert_fires(R, "于⟦13月⟧底前完成");
        assert_fires(R, "二〇二四年二月⟦三十日⟧");
    }

    #[test]
    fn quiet_on_real_dates() {
        assert_quiet(
            R,
            "2024年2月29日，2月29日，12月31日，二〇〇四年六月二十六日",
        );
        assert_quiet(R, "近13个月，第13月工资，1.5月");
    }
}
