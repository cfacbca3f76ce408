use super::is_han;
use crate::diagnostic::Applicability;
use crate::incremental::{Fact, FactRule, Facts};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds a body paragraph that stops without a closing mark:
    /// `……切实提高工作质量` at the end of a paragraph.
    ///
    /// Standard: GB/T 15834-2011 §4.1.3 (句号: the end of a declarative
    /// sentence), §4.2–§4.3 (？！), and §4.6–§4.7 (a list item may end with
    /// ； and a lead-in with ：).
    ///
    /// Looks only at prose: a paragraph of at least 20 characters with a `，`
    /// inside, that is not the first paragraph (the title), not a heading or a
    /// section line (`第一章 总则`), and not a date. Stays quiet on any closing
    /// mark (`。？！；：…`), on a closing quote or bracket (a note such as
    /// `（生态环境部指导）` after the sentence), and on titles, headings, 落款
    /// and dates, which carry no final mark.
    ///
    /// Severity info: a paragraph can also be a caption or a hard-wrapped line.
    /// Fix (review): append `。`.
    pub static MISSING_END = {
        id: "punctuation/missing-end",
        category: Punctuation,
        severity: Info,
        title: "段末缺少标点",
        check: Facts(FactRule { collect, judge, reads_text: false }),
    };
}

/// Fact key: a paragraph that ends without punctuation (span: its last
/// character). A fact rule because the first paragraph (the title) is
/// exempt, which depends on the paragraph's position.
const MISSING: &str = "missing";

fn judge(_: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
    for f in facts.iter().filter(|f| f.paragraph != 0) {
        sink.report(f.start, f.end, "段末缺少标点：陈述句末尾应加句号“。”")
            .fix(f.end, f.end, "。", Applicability::Review);
    }
}

fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
    if p.heading.is_some() || p.section_break {
        return;
    }
    let text = doc.para_text(p);
    // Most paragraphs end with a mark: test that first.
    let Some(last) = text.chars().next_back() else {
        return;
    };
    if !(is_han(last) || last.is_ascii_alphanumeric() || last == '%') {
        return;
    }
    if !text.contains('，') || text.contains('\t') || text.ends_with("-->") {
        return;
    }
    // Inline markers (<!-- gwlint-disable -->) are not text.
    let mut len = 0;
    let mut rest = text;
    while let Some(i) = rest.find("<!--") {
        len += rest[..i].chars().count();
        rest = rest[i..].find("-->").map_or("", |j| &rest[i + j + 3..]);
    }
    len += rest.chars().count();
    if len < 20 {
        return;
    }
    // 落款 dates: ……2024年3月5日
    if last == '日' && text.contains('年') && text.contains('月') && text.chars().count() < 40 {
        return;
    }
    facts.note(MISSING, p.end - last.len_utf8(), p.end, 0);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/missing-end";

    #[test]
    fn fires_on_a_body_paragraph_without_end() {
        assert_fires(
            R,
            "关于加强学习的报告\n我们坚持以人民为中心，切实提高工作质量和服务水⟦平⟧\n",
        );
    }

    #[test]
    fn quiet_on_titles_headings_lists_and_dates() {
        for t in [
            "我们坚持以人民为中心，切实提高工作质量和服务水平",
            "标题\n一、坚持以人民为中心，切实提高工作质量和服务水平\n",
            "标题\n（一）坚持以人民为中心，切实提高工作质量和服务水平\n",
            "标题\n我们坚持以人民为中心，切实提高工作质量和服务水平。\n",
            "标题\n一是坚持以人民为中心，切实提高工作质量和服务水平；\n",
            "标题\n我们坚持以人民为中心，切实提高工作质量和服务水平：\n",
            "标题\n提高监督管理效率和水平，完善制度。（生态环境部指导）\n",
            "标题\n第一章 总则\n",
            "标题\n某某县人民政府办公室，2024年3月5日\n",
            "标题\n各位代表\n",
            "标题\n调研X次，县县本级。<!-- gwlint-enable -->县县本级\n",
            "标题\n我们坚持以人民为中心，切实提高工作质量和服务水平<!-- gwlint-disable-line -->\n",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_appends_a_full_stop() {
        assert_fix(
            R,
            "标题\n我们坚持以人民为中心，切实提高工作质量和服务水平\n",
            "标题\n我们坚持以人民为中心，切实提高工作质量和服务水平。\n",
        );
    }
}
