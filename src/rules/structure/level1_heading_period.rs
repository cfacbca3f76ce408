use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

use super::tree::{ending, Ending};

crate::declare_rule! {
    /// Finds a first-level heading that stands on its own line and ends with
    /// `。`: `一、加强学习。`.
    ///
    /// Why: a first-level heading (一、) is a title for what follows, set on
    /// its own line in 黑体 (GB/T 9704-2012 §7.3.3); titles take no full stop.
    ///
    /// Fires on `一、过去五年工作的回顾。`. Stays quiet on `一、加强学习`, on a
    /// run-in paragraph `一、加强学习。全年组织……` and on long one-sentence
    /// paragraphs that merely start with `一、` (over 40 characters: body text
    /// numbered as a list), on `一、…。 二、…。` items that follow each other
    /// (a numbered list of sentences), and under 第X章, where `一、` numbers
    /// articles (国务院工作规则).
    ///
    /// Fix (safe): delete the `。`.
    pub static LEVEL1_HEADING_PERIOD = {
        id: "structure/level1-heading-period",
        category: Structure,
        severity: Warning,
        title: "一级标题末尾有句号",
        check: Document(check_all),
    };
}

/// A document rule: whether a heading is a list item depends on its neighbours.
fn check_all(doc: &Document, sink: &mut Sink<'_>) {
    for p in &doc.paragraphs {
        check(doc, p, sink);
    }
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let Some(h) = p.heading.map(|i| &doc.headings[i]) else {
        return;
    };
    if h.level != 1 {
        return;
    }
    let text = doc.slice(h.text.start, p.end);
    if ending(text) != Ending::Period || text.chars().count() > 40 {
        return;
    }
    // 一、…。 followed by 二、…。 is a numbered list; under 第X章 一、 numbers
    // articles (国务院工作规则), which are sentences.
    let is_level1 = |q: Option<&Paragraph>| {
        q.and_then(|q| q.heading)
            .is_some_and(|j| doc.headings[j].level == 1)
    };
    let prev = p.index.checked_sub(1).and_then(|i| doc.paragraphs.get(i));
    if is_level1(prev) || is_level1(doc.paragraphs.get(p.index + 1)) {
        return;
    }
    let in_chapter = doc.paragraphs[..p.index].iter().any(|q| {
        q.section_break && {
            let t = doc.para_text(q);
            t.starts_with('第') && t.chars().take(8).any(|c| matches!(c, '章' | '节' | '编'))
        }
    });
    if in_chapter {
        return;
    }
    let end = p.end;
    let start = end - '。'.len_utf8();
    sink.report(start, end, "一级标题末尾不加句号，请删去“。”")
        .fix(start, end, "", Applicability::Safe);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "structure/level1-heading-period";

    #[test]
    fn fires_on_a_full_stop_after_a_first_level_heading() {
        assert_fires(R, "一、过去五年工作的回顾⟦。⟧\n正文。\n");
        assert_fires(R, "一、统一思想，提高认识⟦。⟧\n");
    }

    #[test]
    fn quiet_on_headings_without_stop_and_run_in_text() {
        assert_quiet(R, "一、加强学习\n正文。\n");
        assert_quiet(R, "一、加强学习。全年组织集中学习12次。\n");
        assert_quiet(R, "（一）加强学习。\n");
        assert_quiet(R, "一、会议由总理主持。\n二、会议每月召开一次。\n");
        assert_quiet(R, "第一章 总则\n一、秘书长负责日常工作。\n正文。\n");
        assert_quiet(
            R,
            "一、形势严峻，我们全县上下务必充分认识国内外经济波动对我县的影响，坚定信心，进一步增强做好工作的责任感和紧迫感。\n",
        );
    }

    #[test]
    fn fix_deletes_the_stop() {
        assert_fix(R, "一、总体要求。\n", "一、总体要求\n");
    }
}
