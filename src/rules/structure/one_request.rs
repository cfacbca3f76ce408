use crate::model::Document;
use crate::sink::Sink;

use super::doctype::{detect, Kind};
use super::enumeration::all_items;

crate::declare_rule! {
    /// Finds a 请示 that seems to ask for several things: two or more
    /// numbered items (headings or 一是/第一) that each carry a request verb
    /// (恳请, 请求, 申请, 拟请, 请予).
    ///
    /// Why: 《党政机关公文处理工作条例》第十五条: 请示应当一文一事. Several
    /// requests in one 请示 cannot be answered one by one. Whether two asks
    /// are one matter needs a reader, so this is reported at info.
    ///
    /// Fires on `一、恳请拨付经费…… 二、恳请增加编制……`. Stays quiet on one
    /// request, even when its reasons are numbered, and on other types.
    ///
    /// No fix.
    pub static ONE_REQUEST = {
        id: "structure/one-request",
        category: Structure,
        severity: Info,
        title: "请示一文多事",
        check: Document(check),
    };
}

const VERBS: &[&str] = &["恳请", "请求", "申请", "拟请", "请予"];

fn check(doc: &Document, sink: &mut Sink<'_>) {
    let Some((tpl, _)) = detect(doc, sink.config()) else {
        return;
    };
    if tpl.kind != Kind::Request {
        return;
    }
    let asks = |s: &str| VERBS.iter().any(|v| s.contains(v));
    // Numbered items: heading paragraphs, and run-in items up to the next item.
    let mut spans: Vec<(usize, usize)> = doc
        .headings
        .iter()
        .map(|h| (h.ordinal.start, doc.paragraphs[h.paragraph].end))
        .collect();
    let items = all_items(doc);
    for (k, (_, it)) in items.iter().enumerate() {
        let p = &doc.paragraphs[it.paragraph];
        let end = items
            .get(k + 1)
            .filter(|(_, n)| n.paragraph == it.paragraph)
            .map_or(p.end, |(_, n)| n.start);
        spans.push((it.start, end));
    }
    spans.sort_unstable();
    let asking: Vec<_> = spans
        .iter()
        .filter(|&&(s, e)| asks(doc.slice(s, e)))
        .collect();
    if asking.len() >= 2 {
        let (s, e) = *asking[1];
        let n = doc
            .slice(s, e)
            .chars()
            .take(2)
            .map(char::len_utf8)
            .sum::<usize>();
        sink.report(
            s,
            s + n,
            format!(
                "本请示似乎提出了{}项请求：请示应当一文一事，不同事项请分别行文",
                asking.len()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "structure/one-request";

    #[test]
    fn fires_on_several_requests() {
        assert_fires(
            R,
            "关于有关事项的请示\n一、恳请拨付经费5万元。\n⟦二、⟧恳请增加编制2名。\n妥否，请批示。\n",
        );
    }

    #[test]
    fn quiet_on_one_request() {
        assert_quiet(
            R,
            "关于拨付经费的请示\n一、基本情况\n二、存在困难\n恳请拨付经费5万元。\n妥否，请批示。\n",
        );
        assert_quiet(R, "关于开会的通知\n一、恳请参加。\n二、恳请准时。\n");
    }
}
