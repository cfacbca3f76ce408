use super::{char_before, is_arabic_part};
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use regex::Regex;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds a year shortened to two digits: `24年3月`, `24年底`, `24年上半年`.
    ///
    /// Why: GB/T 15835-2011 §5.1.4 (as we read it): a year written with four
    /// digits is not shortened to two (`1990年`, not `90年`).
    ///
    /// Only fires where the two digits are clearly a calendar year: followed by
    /// a month (`24年3月`), by 底/初/末, by 上半年/下半年, by a quarter or by 度.
    /// Stays quiet on durations and decades: `24年来`, `近24年`, `24年间`,
    /// `连续13年`, `延长30年`, `80年代`, and on four-digit years (`2024年3月`).
    ///
    /// Fix (review): the full year, `2024年` (19xx for 50–99).
    pub static SHORT_YEAR = {
        id: "number/short-year",
        category: Number,
        severity: Warning,
        title: "年份简写",
        check: Paragraph(check),
        triggers: triggers,
    };
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{2})年(?:[0-9]{1,2}月|[一二三四五六七八九十]{1,2}月|底|初|末|上半年|下半年|第?[一二三四1-4]季度|度)")
        .unwrap()
});

/// Words before the number that make it a length of time, not a year.
const DURATION_BEFORE: &[char] = &[
    '近', '续', '了', '用', '达', '满', '逾', '超', '约', '每', '第', '长', '过', '历', '经',
];

/// Range marks: `2023—24年` is a range (the punctuation rules' business), but
/// `截至24年底` is a year.
const RANGE: &[char] = &['至', '到', '—', '-', '～', '~'];

/// Is the text after a `NN年` one of `YEAR`'s endings?
fn year_ending(rest: &str) -> bool {
    const CN: &str = "一二三四五六七八九十";
    let month = |digit: &dyn Fn(char) -> bool| {
        let mut cs = rest.chars();
        match (cs.next(), cs.next(), cs.next()) {
            (Some(a), Some('月'), _) => digit(a),
            (Some(a), Some(b), Some('月')) => digit(a) && digit(b),
            _ => false,
        }
    };
    if month(&|c| c.is_ascii_digit()) || month(&|c| CN.contains(c)) {
        return true;
    }
    if rest.starts_with(['底', '初', '末', '度'])
        || rest.starts_with("上半年")
        || rest.starts_with("下半年")
    {
        return true;
    }
    let q = rest.strip_prefix('第').unwrap_or(rest);
    let mut cs = q.chars();
    cs.next().is_some_and(|c| "一二三四1234".contains(c)) && cs.as_str().starts_with("季度")
}

/// Could `YEAR` report anything in `text`: is some `NN年` followed by one of
/// its endings, and not preceded by what `check` skips at once? Checked by
/// hand first so that a text without one never builds the regex (start-up
/// cost, issue 9); the regex still decides.
fn may_report(text: &str) -> bool {
    text.match_indices('年').any(|(i, _)| {
        let before = &text[..i];
        let mut back = before.char_indices().rev();
        let (Some((_, d2)), Some((j, d1))) = (back.next(), back.next()) else {
            return false;
        };
        d1.is_ascii_digit()
            && d2.is_ascii_digit()
            && !char_before(text, j).is_some_and(|b| {
                is_arabic_part(b) || b.is_ascii_alphabetic() || DURATION_BEFORE.contains(&b)
            })
            && year_ending(&text[i + '年'.len_utf8()..])
    })
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if !may_report(text) {
        return;
    }
    for c in YEAR.captures_iter(text) {
        let m = c.get(1).unwrap();
        let before = &text[..m.start()];
        if char_before(text, m.start()).is_some_and(|b| {
            is_arabic_part(b) || b.is_ascii_alphabetic() || DURATION_BEFORE.contains(&b)
        }) {
            continue;
        }
        let mut back = before.chars().rev();
        if back.next().is_some_and(|b| RANGE.contains(&b))
            && back.next().is_some_and(|b| b.is_ascii_digit() || b == '年')
        {
            continue;
        }
        let yy: u32 = m.as_str().parse().unwrap();
        let full = if yy < 50 { 2000 + yy } else { 1900 + yy };
        let (start, end) = (p.start + m.start(), p.start + m.end() + "年".len());
        sink.report(
            start,
            end,
            format!("年份不应简写为两位数字，应写全，如“{full}年”"),
        )
        .fix(start, end, format!("{full}年"), Applicability::Review);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    // `YEAR`: a digit right before 年.
    t.literals([
        "0年", "1年", "2年", "3年", "4年", "5年", "6年", "7年", "8年", "9年",
    ]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};

    proptest::proptest! {
        /// The hand pre-check is true wherever the regex finds a year that
        /// `check` goes on to look at.
        #[test]
        fn pre_check_is_necessary(s in "([0-9]|年|月|十|一|底|度|上半年|下半年|第|季度|近|a|.|至)*") {
            let looked_at = super::YEAR.captures_iter(&s).any(|c| {
                let m = c.get(1).unwrap();
                !super::char_before(&s, m.start()).is_some_and(|b| {
                    super::is_arabic_part(b)
                        || b.is_ascii_alphabetic()
                        || super::DURATION_BEFORE.contains(&b)
                })
            });
            proptest::prop_assert!(!looked_at || super::may_report(&s));
        }
    }
    const R: &str = "number/short-year";

    #[test]
    fn fires_on_two_digit_years() {
        assert_fires(R, "⟦24年⟧3月5日召开会议");
        assert_fires(R, "截至⟦23年⟧底，全县完成投资");
        assert_fires(R, "⟦24年⟧上半年，⟦24年⟧第二季度");
        assert_fires(R, "⟦98年⟧度考核");
    }

    #[test]
    fn quiet_on_durations_and_full_years() {
        for t in [
            "2024年3月5日",
            "24年来，我们坚持",
            "近24年",
            "24年间",
            "连续13年居全国第一",
            "土地承包到期后再延长30年试点",
            "自80年代以来",
            "用13年时间",
            "2023—24年度",
            "第10年底",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_writes_the_full_year() {
        assert_fix(R, "24年3月", "2024年3月");
        assert_fix(R, "98年底", "1998年底");
    }
}
