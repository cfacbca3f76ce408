use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds the items of one list that end differently: most items end with
    /// `；` and one with `。` (or the other way round), or the last item ends
    /// with `；` although the list ends there.
    ///
    /// Why: the items of an enumeration are parts of one sentence, separated
    /// by semicolons and closed by a full stop (GB/T 15834-2011 §4.6);
    /// mixing the two is 同类别不同形式 and reads as a list that was edited.
    ///
    /// A list is a run of consecutive paragraphs that open with the same
    /// ordinal style numbered 1, 2, 3 … (`（1）`, `1.`, `（一）`). Only lists
    /// whose items are one sentence each and of which at least one ends with
    /// `；` are checked: multi-sentence items end with `。` on purpose.
    ///
    /// Fires: `（1）甲；（2）乙。（3）丙；（4）丁。` → `乙。`; `（1）甲；（2）乙；`
    /// at the end of the list → the last `；`. Quiet: `（1）甲；（2）乙；（3）丙。`
    ///
    /// Fix (review): the mark the list uses.
    pub static LIST_ENDING = {
        id: "consistency/list-ending",
        category: Consistency,
        severity: Warning,
        title: "列举项结尾标点不一致",
        check: Document(check),
    };
}

/// The closing mark of a one-sentence item: (byte offset of the mark, is ；).
fn item_end(doc: &Document, p: &Paragraph) -> Option<(usize, bool)> {
    let text = doc.para_text(p);
    let last = text.chars().next_back()?;
    let semi = match last {
        '；' | ';' => true,
        '。' => false,
        _ => return None,
    };
    let body = &text[..text.len() - last.len_utf8()];
    // One sentence only: no inner full stop.
    if body.contains(['。', '！', '？']) {
        return None;
    }
    Some((p.end - last.len_utf8(), semi))
}

fn check(doc: &Document, sink: &mut Sink<'_>) {
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut prev: Option<(usize, usize)> = None; // (paragraph, heading)
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let Some(hi) = p.heading else {
            prev = None;
            continue;
        };
        let h = &doc.headings[hi];
        let continues = prev.is_some_and(|(pp, ph)| {
            let g = &doc.headings[ph];
            pp + 1 == pi && g.style == h.style && g.value + 1 == h.value
        }) && lists
            .last()
            .is_some_and(|l| l.last().is_some_and(|&q| q + 1 == pi));
        if continues {
            lists.last_mut().unwrap().push(pi);
        } else if h.value == 1 {
            lists.push(vec![pi]);
        }
        prev = Some((pi, hi));
    }
    for list in lists.into_iter().filter(|l| l.len() >= 2) {
        let ends: Option<Vec<(usize, bool)>> = list
            .iter()
            .map(|&pi| item_end(doc, &doc.paragraphs[pi]))
            .collect();
        let Some(ends) = ends else {
            continue;
        };
        let (last, inner) = ends.split_last().unwrap();
        let semis = inner.iter().filter(|e| e.1).count();
        let stops = inner.len() - semis;
        if semis == 0 && !last.1 {
            continue;
        }
        // Inner items: the minority mark (a tie is left alone).
        if semis > 0 && stops > 0 && semis != stops {
            let want_semi = semis > stops;
            for &(at, semi) in inner.iter().filter(|e| e.1 != want_semi) {
                let (have, want) = if semi { ("；", "。") } else { ("。", "；") };
                sink.report(
                    at,
                    at + have.len(),
                    format!("同一列举中其他各项以“{want}”结尾，此项却用“{have}”，请统一"),
                )
                .fix(at, at + have.len(), want, Applicability::Review);
            }
        }
        // The last item closes the sentence.
        if last.1 && stops == 0 {
            let (at, _) = *last;
            let have = &doc.text[at..doc.paragraphs[*list.last().unwrap()].end];
            sink.report(at, at + have.len(), "列举的最后一项应以“。”结束，不用“；”")
                .fix(at, at + have.len(), "。", Applicability::Review);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "consistency/list-ending";

    #[test]
    fn fires_on_mixed_endings() {
        assert_fires(
            R,
            "要求如下：\n（1）加强学习；\n（2）改进作风⟦。⟧\n（3）严守纪律；\n（4）狠抓落实。",
        );
        assert_fires(R, "要求如下：\n1.加强学习；\n2.改进作风⟦；⟧\n正文继续。");
    }

    #[test]
    fn quiet_on_consistent_lists() {
        assert_quiet(
            R,
            "要求如下：\n（1）加强学习；\n（2）改进作风；\n（3）狠抓落实。",
        );
        assert_quiet(
            R,
            "（一）加强学习。全年组织学习12次。\n（二）改进作风；\n（三）狠抓落实。",
        );
        assert_quiet(R, "（一）加强学习\n（二）改进作风\n（三）狠抓落实");
        assert_quiet(R, "1.加强学习。\n2.改进作风。");
        assert_quiet(R, "1.甲的；\n2.乙的。\n（四）合并。\n（五）撤销；");
    }

    #[test]
    fn fix_uses_the_list_mark() {
        assert_fix(
            R,
            "（1）甲；\n（2）乙。\n（3）丙；\n（4）丁。",
            "（1）甲；\n（2）乙；\n（3）丙；\n（4）丁。",
        );
    }
}
