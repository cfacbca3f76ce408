use super::{char_before, is_chinese_numeral};
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds `二` used as a count before a measure word: `二个方面`, `二项任务`.
    ///
    /// Why: before a measure word the count "two" is `两` (两个, 两项); `二` is
    /// for ordinals and inside larger numbers (第二个, 十二个, 二十个).
    ///
    /// Quiet on `第二个`, `十二个`, `二十个`, `一二个` (an approximation),
    /// and on fixed terms (`二项式`, `二位数`, `二次会议`, `二类地区`, `二级`).
    ///
    /// Fix (review): `两`.
    pub static ER_LIANG = {
        id: "number/er-liang",
        category: Number,
        severity: Warning,
        title: "“二”与“两”",
        check: Paragraph(check),
        triggers: triggers,
    };
}

/// 二 + a measure word that counts things.
const COUNT_WORDS: &[&str] = &[
    "二个",
    "二项",
    "二件",
    "二位",
    "二名",
    "二种",
    "二份",
    "二条",
    "二方面",
    "二家",
    "二所",
    "二座",
    "二台",
    "二辆",
    "二支",
    "二只",
    "二张",
    "二本",
    "二篇",
    "二场",
    "二届",
];

static COUNTS: LazyLock<AhoCorasick> = LazyLock::new(|| AhoCorasick::new(COUNT_WORDS).unwrap());

/// Fixed terms that start with one of the counts above.
const FIXED: &[&str] = &[
    "二项式",
    "二项分布",
    "二位数",
    "二位一体",
    "二条线",
    "二本院校",
];

/// Characters before 二 that make it an ordinal or part of a larger number.
const ORDINAL_BEFORE: &[char] = &[
    '第', '初', '周', '星', '期', '老', '之', '礼', '其', '唯', '排',
];

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    for m in COUNTS.find_iter(text) {
        let rest = &text[m.start()..];
        if FIXED.iter().any(|f| rest.starts_with(f)) {
            continue;
        }
        if char_before(text, m.start()).is_some_and(|c| {
            is_chinese_numeral(c) || c.is_ascii_digit() || ORDINAL_BEFORE.contains(&c)
        }) {
            continue;
        }
        let (start, end) = (p.start + m.start(), p.start + m.start() + "二".len());
        let word = &text[m.start()..m.end()];
        sink.report(
            start,
            p.start + m.end(),
            format!(
                "量词前的数目“二”应写作“两”：“{word}”应为“两{}”",
                &word["二".len()..]
            ),
        )
        .fix(start, end, "两", Applicability::Review);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    // Every finding is a match of COUNTS.
    t.literals(COUNT_WORDS.iter().copied());
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "number/er-liang";

    #[test]
    fn fires_on_er_as_a_count() {
        assert_fires(R, "从⟦二个⟧方面入手");
        assert_fires(R, "完成⟦二项⟧任务");
    }

    #[test]
    fn quiet_on_ordinals_and_larger_numbers() {
        for t in [
            "第二个百年奋斗目标",
            "十二个奋力推进",
            "二十个项目",
            "第一款第二项",
            "一二个月",
            "二项式定理",
            "二次会议",
            "二类地区",
            "二级巡视员",
            "两个方面",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_writes_liang() {
        assert_fix(R, "从二个方面", "从两个方面");
    }
}
