use crate::model::Document;
use crate::sink::Sink;

use super::doctype::{detect, Kind};

crate::declare_rule! {
    /// Checks that a 请示 ends with a closing that asks for the answer:
    /// `妥否，请批示`, `当否，请批复`, `请予批准` (the template's `closing`).
    ///
    /// Why: a 请示 asks a superior to decide; its 结语 states what answer is
    /// expected (《党政机关公文处理工作条例》, 请示 一文一事、结语明确).
    ///
    /// Looks at the last four paragraphs before the 落款. Fires on a 请示 whose
    /// text just stops. Stays quiet when a closing is there (also run into the
    /// last paragraph: `……特此请示，请予批准。`) and on other types.
    ///
    /// No fix: the writer chooses the closing.
    pub static REQUEST_CLOSING = {
        id: "structure/request-closing",
        category: Structure,
        severity: Warning,
        title: "请示缺少结语",
        check: Document(check),
    };
}

fn check(doc: &Document, sink: &mut Sink<'_>) {
    let Some((tpl, _)) = detect(doc, sink.config()) else {
        return;
    };
    if tpl.kind != Kind::Request || tpl.closing.is_empty() || doc.paragraphs.len() < 2 {
        return;
    }
    // Several 请示 in one text (a collection of samples) each need their own
    // closing; only the end of the text is checked here.
    let tail = doc.paragraphs.iter().rev().take(4);
    let mut last_body = None;
    for p in tail {
        let t = doc.para_text(p);
        if tpl.closing.iter().any(|c| t.contains(c.as_str())) {
            return;
        }
        if last_body.is_none() && t.ends_with(['。', '！', '？']) {
            last_body = Some(p);
        }
    }
    let Some(p) = last_body.or(doc.paragraphs.last()) else {
        return;
    };
    let n = doc
        .para_text(p)
        .chars()
        .next_back()
        .map_or(0, char::len_utf8);
    sink.report(
        p.end - n,
        p.end,
        "请示末尾应有结语，写明请求的答复，如“妥否，请批示。”或“以上请示，请予批准。”",
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "structure/request-closing";

    #[test]
    fn fires_when_the_closing_is_missing() {
        assert_fires(R, "关于拨付经费的请示\n县财政局：\n我局经费紧张，需拨付5万元⟦。⟧\n某县水利局\n2024年3月5日\n");
    }

    #[test]
    fn quiet_with_a_closing_or_another_type() {
        assert_quiet(R, "关于拨付经费的请示\n县财政局：\n需拨付5万元。\n妥否，请批示。\n某县水利局\n2024年3月5日\n");
        assert_quiet(R, "关于拨付经费的请示\n需拨付5万元，特此请示，请予批准。\n");
        assert_quiet(R, "关于开会的通知\n正文。\n");
    }
}
