use super::char_before;
use crate::diagnostic::{Applicability, Severity};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use regex::Regex;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds Arabic digits mixed with the Chinese units 千 and 百 in one number:
    /// `4千`, `1百零8`, `3千5百`.
    ///
    /// Why: GB/T 15835-2011 §5.3 (as we read it) lets a large number keep
    /// 万 and 亿 as Chinese units (`108万`, `3.5亿`) but forbids other mixes:
    /// 108 is `108` or `一百零八`, never `1百零8`; 4000 is `4000` or `四千`,
    /// never `4千`.
    ///
    /// Severity: warning for a number that is mixed on its own (`4千人`,
    /// `1百零8`); info where it sits inside a 万/亿 number or is followed by
    /// 多/余 (`2万5千公里`, `9千亿元`, `5千多户`), forms that national reports
    /// do print. Quiet on units of measure (`330千伏`, `12千米`, `5千瓦`),
    /// 百分点, and on `3.5万元`, `10亿`, `108万`.
    ///
    /// Fix (review): the number in Arabic digits (`4000`, `108`) when the mix
    /// stands alone.
    pub static MIXED_NUMERAL = {
        id: "number/mixed-numeral",
        category: Number,
        severity: Warning,
        title: "数字与千、百混用",
        check: Paragraph(check),
        triggers: triggers,
    };
}

/// digits 千|百 [digits 百|十]… [零 digits]
static MIXED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]+[千百](?:[0-9]+[百十])*(?:零?[0-9]+)?").unwrap());

/// What may follow 千/百 without it being a numeral: units of measure.
const UNIT_AFTER: &[&str] = &[
    "伏", "瓦", "米", "克", "卡", "帕", "赫", "焦", "字节", "兆", "周", "分点", "分比", "分之",
    "分率", "人次", "亿亿",
];

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    for m in MIXED.find_iter(text) {
        let s = m.as_str();
        let unit_pos = s.find(['千', '百']).unwrap();
        let after_unit = &text[m.start() + unit_pos + '千'.len_utf8()..];
        // 330千伏: 千 is part of a unit; a bare 千 with nothing numeric after it
        // and a unit of measure next is not a numeral.
        if s.len() == unit_pos + '千'.len_utf8()
            && UNIT_AFTER.iter().any(|u| after_unit.starts_with(u))
        {
            continue;
        }
        let before = char_before(text, m.start());
        if before.is_some_and(|c| c == '.' || c.is_ascii_alphabetic()) {
            continue;
        }
        let rest = &text[m.end()..];
        let in_big_number =
            before.is_some_and(|c| c == '万' || c == '亿') || rest.starts_with(['万', '亿']);
        let approximate = rest.starts_with(['多', '余']);
        let (start, end) = (p.start + m.start(), p.start + m.end());
        let d = sink.report(
            start,
            end,
            format!("阿拉伯数字不与“千”“百”混用：“{s}”应全用阿拉伯数字或全用汉字"),
        );
        if in_big_number || approximate {
            d.with_severity(Severity::Info);
        } else if let Some(v) = value(s) {
            d.fix(start, end, v.to_string(), Applicability::Review);
            d.message = format!("阿拉伯数字不与“千”“百”混用：“{s}”应写作“{v}”");
        }
    }
}

/// The value of a mixed number such as `1百零8` or `3千5百`.
fn value(s: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut digits = String::new();
    for c in s.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '零' => {}
            '千' | '百' | '十' => {
                let n: u64 = digits.parse().ok()?;
                total += n * match c {
                    '千' => 1000,
                    '百' => 100,
                    _ => 10,
                };
                digits.clear();
            }
            _ => return None,
        }
    }
    if !digits.is_empty() {
        total += digits.parse::<u64>().ok()?;
    }
    Some(total)
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    // An Arabic digit right before 千 or 百.
    let l: Vec<String> = ('0'..='9')
        .flat_map(|d| [format!("{d}千"), format!("{d}百")])
        .collect();
    t.literals(l.iter().map(String::as_str));
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    use crate::{check, Config, Severity};
    const R: &str = "number/mixed-numeral";

    #[test]
    fn fires_on_mixed_numbers() {
        assert_fires(R, "参加人员⟦4千⟧人");
        assert_fires(R, "共⟦1百零8⟧项");
        assert_fires(R, "投入⟦3千5百⟧元");
    }

    #[test]
    fn info_inside_large_numbers() {
        for t in ["分别突破9千亿元", "由5千多户增加到1万6千多户", "2万5千公里"]
        {
            let d = check(t, &Config::default());
            let mine: Vec<_> = d.iter().filter(|d| d.rule.id == R).collect();
            assert!(!mine.is_empty(), "{t}");
            assert!(mine.iter().all(|d| d.severity == Severity::Info), "{t}");
        }
    }

    #[test]
    fn quiet_on_units_and_proper_mixes() {
        for t in [
            "3.5万元",
            "10亿",
            "108万",
            "330千伏变电站",
            "新建12千米",
            "5千瓦",
            "提高2个百分点",
            "一百零八",
            "四千",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_writes_digits() {
        assert_fix(R, "共1百零8项", "共108项");
        assert_fix(R, "4千人", "4000人");
    }
}
