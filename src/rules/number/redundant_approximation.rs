use super::char_before;
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use regex::Regex;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds an approximation said twice around one number: `大约50人左右`,
    /// `超过100家以上`, `约300余人`.
    ///
    /// Why: 约/大约 and 左右, 超过 and 以上, 约 and 余 each already make the
    /// number approximate or a lower bound; together they are redundant
    /// (a usage error listed in every 公文 style guide).
    ///
    /// The number must follow the first word directly and the second word must
    /// come within four characters after the number (its unit). Quiet on
    /// `50人左右`, `约50人`, `超过100家`, `节约30%左右` (节约 is not 约),
    /// `高于全省平均2个百分点以上`.
    ///
    /// Fix (review): drop the second word (左右, 以上, 余).
    pub static REDUNDANT_APPROXIMATION = {
        id: "number/redundant-approximation",
        category: Number,
        severity: Warning,
        title: "概数重复",
        check: Paragraph(check),
        triggers: triggers,
    };
}

const NUM: &str = r"[0-9０-９.．%一二三四五六七八九十百千万亿两〇零]+";

static PAIRS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<a>大约|大概|约)(?:为|有)?{NUM}[^，。；、：！？0-9\s]{{0,4}}?(?P<b>左右|上下)|(?P<c>超过|多于|逾)(?:了)?{NUM}[^，。；、：！？0-9\s]{{0,4}}?(?P<d>以上|多)|(?P<e>大约|约){NUM}(?P<f>余)"
    ))
    .unwrap()
});

/// Is 约 here "about", not the end of a word such as 节约, 签约, 制约, 纽约?
fn about(prev: Option<char>) -> bool {
    !prev.is_some_and(|c| {
        "节签制预合契条公简邀婚隐守相特履违纽租誓践赴失爽毁解续缔规盟要立定和负背俭集".contains(c)
    })
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    for c in PAIRS.captures_iter(text) {
        let (first, second) = match (c.name("a"), c.name("c"), c.name("e")) {
            (Some(a), _, _) => (a, c.name("b").unwrap()),
            (_, Some(x), _) => (x, c.name("d").unwrap()),
            (_, _, Some(e)) => (e, c.name("f").unwrap()),
            _ => unreachable!(),
        };
        if first.as_str() == "约" && !about(char_before(text, first.start())) {
            continue;
        }
        let whole = c.get(0).unwrap();
        let (start, end) = (p.start + second.start(), p.start + second.end());
        sink.report(
            p.start + whole.start(),
            p.start + whole.end(),
            format!(
                "“{}”与“{}”意思重复，删去“{}”",
                first.as_str(),
                second.as_str(),
                second.as_str()
            ),
        )
        .fix(start, end, "", Applicability::Review);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    use crate::registry::Cond;
    // Both words of one of the pairs of `PAIRS`.
    let words = |w: &[&str]| Cond::Literals(w.iter().map(|w| w.to_string()).collect());
    t.when([words(&["约", "大概"]), words(&["左右", "上下"])])
        .when([words(&["超过", "多于", "逾"]), words(&["以上", "多"])])
        .when([words(&["约"]), words(&["余"])]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "number/redundant-approximation";

    #[test]
    fn fires_on_doubled_approximations() {
        assert_fires(R, "参加人员⟦大约50人左右⟧。");
        assert_fires(R, "⟦超过100家以上⟧");
        assert_fires(R, "⟦约300余⟧人");
        assert_fires(R, "耗时⟦约3个月左右⟧");
    }

    #[test]
    fn quiet_on_single_approximations() {
        for t in [
            "50人左右",
            "约50人",
            "超过100家",
            "节约30%左右的成本",
            "高于全省平均2个百分点以上",
            "超10亿元项目50个以上",
            "签约30个项目，总投资左右",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_drops_the_second_word() {
        assert_fix(R, "大约50人左右。", "大约50人。");
        assert_fix(R, "超过100家以上", "超过100家");
    }
}
