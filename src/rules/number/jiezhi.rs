use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use regex::Regex;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds `截止` used before a point in time: `截止目前`, `截止2023年底`.
    ///
    /// Why: `截止` means "to stop" and takes no object (报名截止, 截止日期);
    /// "up to a point in time" is `截至` (截至目前, 截至2023年底). `截止到` is
    /// accepted usage and left alone.
    ///
    /// Quiet on `报名截止`, `截止日期`, `截止时间`, `截止到目前`, `截至目前`.
    ///
    /// Fix (review): `截至`.
    pub static JIEZHI = {
        id: "number/jiezhi",
        category: Number,
        severity: Warning,
        title: "“截止”与“截至”",
        check: Paragraph(check),
        triggers: triggers,
    };
}

static BEFORE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"截止(?:目前|当前|现在|今年|去年|上年|本年|今日|今天|本月|上月|年底|年末|月底|发稿|此时|[0-9]{4}年|[0-9]{1,2}月|[〇一二三四五六七八九]{4}年|[一二三四五六七八九十]{1,2}月)")
        .unwrap()
});

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    for m in BEFORE_TIME.find_iter(text) {
        let (start, end) = (p.start + m.start(), p.start + m.start() + "截止".len());
        sink.report(start, end, "表示“到某时为止”用“截至”，不用“截止”")
            .fix(start, end, "截至", Applicability::Review);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.literals(["截止"]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "number/jiezhi";

    #[test]
    fn fires_before_a_time() {
        assert_fires(R, "⟦截止⟧目前，已完成");
        assert_fires(R, "⟦截止⟧2023年底");
        assert_fires(R, "⟦截止⟧6月30日");
    }

    #[test]
    fn quiet_on_intransitive_use() {
        for t in [
            "报名截止",
            "截止日期为6月30日",
            "截止时间",
            "截止到目前",
            "截至目前",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_writes_jiezhi() {
        assert_fix(R, "截止目前，", "截至目前，");
    }
}
