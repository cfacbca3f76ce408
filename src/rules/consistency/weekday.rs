use super::date::{dates, days_in_month, weekday};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds a weekday that does not match its date:
    /// `2024年3月5日（星期三）` when 5 March 2024 was a Tuesday.
    ///
    /// Why: notices give both; when a date is changed and the weekday is not,
    /// people come on the wrong day.
    ///
    /// Only dates with a full year are checked (`3月5日（周二）` without a year
    /// stays quiet), and only a 星期X/周X/礼拜X written right after the date,
    /// with or without brackets.
    ///
    /// Fix (review): the weekday of the date as written; the writer may have
    /// meant another date.
    pub static WEEKDAY = {
        id: "consistency/weekday",
        category: Consistency,
        severity: Warning,
        title: "星期与日期不符",
        check: Paragraph(check),
        triggers: triggers,
    };
}

const NAMES: [&str; 7] = ["日", "一", "二", "三", "四", "五", "六"];

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if !(text.contains("星期") || text.contains('周') || text.contains("礼拜")) {
        return;
    }
    for d in dates(text) {
        let (Some(y), Some(day)) = (d.year, d.day) else {
            continue;
        };
        if !(1..=12).contains(&d.month) || day == 0 || day > days_in_month(Some(y), d.month) {
            continue;
        }
        let rest = &text[d.end..];
        let bracket = rest.starts_with(['（', '(']);
        let rest = rest.strip_prefix(['（', '(']).unwrap_or(rest);
        let Some((prefix, after)) = ["星期", "礼拜", "周"]
            .iter()
            .find_map(|w| rest.strip_prefix(w).map(|r| (*w, r)))
        else {
            continue;
        };
        let Some(c) = after.chars().next() else {
            continue;
        };
        let written = match c {
            '天' | '日' => 0,
            _ => match NAMES.iter().position(|n| n.starts_with(c)) {
                Some(i) => i as u32,
                None => continue,
            },
        };
        let actual = weekday(y, d.month, day);
        if written == actual {
            continue;
        }
        let open = if bracket {
            text[d.end..].chars().next().map_or(0, char::len_utf8)
        } else {
            0
        };
        let wstart = d.end + open;
        let wend = wstart + prefix.len() + c.len_utf8();
        let right = format!("{prefix}{}", NAMES[actual as usize]);
        sink.report(
            p.start + wstart,
            p.start + wend,
            format!(
                "{}是{right}，不是“{}”，请核对日期或星期",
                &text[d.start..d.end],
                &text[wstart..wend]
            ),
        )
        .fix(
            p.start + wstart,
            p.start + wend,
            right,
            crate::diagnostic::Applicability::Review,
        );
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.literals(["星期", "礼拜"]).any("周");
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "consistency/weekday";

    #[test]
    fn fires_on_wrong_weekdays() {
        assert_fires(R, "定于2024年3月5日（⟦星期三⟧）上午召开");
        assert_fires(R, "2024年3月5日⟦周五⟧");
    }

    #[test]
    fn quiet_on_right_or_unknown_weekdays() {
        assert_quiet(
            R,
            "定于2024年3月5日（星期二）上午，2024年3月10日（星期日），2024年3月10日（周天）",
        );
        assert_quiet(R, "3月5日（星期三）");
    }

    #[test]
    fn fix_names_the_right_weekday() {
        assert_fix(R, "2024年3月5日（星期三）", "2024年3月5日（星期二）");
    }
}
