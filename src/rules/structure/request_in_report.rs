use crate::model::Document;
use crate::sink::Sink;

use super::doctype::{detect, Kind};

crate::declare_rule! {
    /// Finds a request for approval inside a 报告 (or 总结, 述职报告): `妥否，
    /// 请批示`, `请审批`, `请予批准`, `请批复`.
    ///
    /// Why: 《党政机关公文处理工作条例》第十五条: 不得在报告等非请示性公文中
    /// 夹带请示事项. A matter that needs approval goes in a separate 请示.
    ///
    /// Fires on a 报告 ending `以上报告，妥否，请批示。`. Stays quiet on the same
    /// words in a 请示, on `请审议`, `请审阅` (a report may be submitted for
    /// review), and when the type is unknown.
    ///
    /// No fix: the request moves to a 请示.
    pub static REQUEST_IN_REPORT = {
        id: "structure/request-in-report",
        category: Structure,
        severity: Warning,
        title: "报告中夹带请示事项",
        check: Document(check),
    };
}

const ASKS: &[&str] = &[
    "妥否",
    "当否",
    "请批示",
    "请予批示",
    "请审批",
    "请予审批",
    "请批准",
    "请予批准",
    "请批复",
    "请予批复",
    "请审示",
];

fn check(doc: &Document, sink: &mut Sink<'_>) {
    let Some((tpl, _)) = detect(doc, sink.config()) else {
        return;
    };
    if tpl.kind != Kind::Report {
        return;
    }
    for p in &doc.paragraphs {
        let t = doc.para_text(p);
        for w in ASKS {
            for (i, _) in t.match_indices(w) {
                let s = p.start + i;
                sink.report(
                    s,
                    s + w.len(),
                    format!(
                        "{}中不应夹带请示事项（“{w}”）：需要上级批准的事项请另行写请示",
                        tpl.name
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "structure/request-in-report";

    #[test]
    fn fires_on_a_request_in_a_report() {
        assert_fires(
            R,
            "关于2023年工作情况的报告\n正文。\n以上报告，⟦妥否⟧，⟦请批示⟧。\n",
        );
        assert_fires(R, "2023年度述职报告\n正文，⟦请审批⟧。\n");
    }

    #[test]
    fn quiet_in_a_request_and_on_review() {
        assert_quiet(R, "关于拨付经费的请示\n正文。\n妥否，请批示。\n");
        assert_quiet(R, "关于2023年工作情况的报告\n以上报告，请审阅。\n");
        assert_quiet(R, "政府工作报告\n请予审议。\n");
        assert_quiet(R, "2023年，我认真学习。妥否，请批示。\n");
    }
}
