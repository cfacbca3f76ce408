use crate::diagnostic::Applicability;
use crate::model::Document;
use crate::sink::Sink;

use super::tree::{ending, Ending, Tree};

crate::declare_rule! {
    /// Finds sibling headings (same level, same parent) on their own lines that
    /// disagree on the closing `。`: `（一）加强学习。` beside `（二）改进作风`.
    ///
    /// Why: headings of one level are set alike (GB/T 9704-2012 §7.3.3): a
    /// heading on its own line either always takes a stop or never does.
    ///
    /// Fires on the minority: `（一）甲。 （二）乙 （三）丙。` → `（二）乙`. Stays
    /// quiet when all siblings agree, on run-in headings (`（一）加强学习。全年……`
    /// is a sentence; published documents mix them with a bare `（三）基本原则`
    /// that introduces a list), on first-level headings
    /// (`structure/level1-heading-period`), and on headings ending with `：`.
    ///
    /// Fix (review): add or delete the `。` to match the other siblings.
    pub static HEADING_ENDING = {
        id: "structure/heading-ending",
        category: Structure,
        severity: Warning,
        title: "同级标题结尾标点不一致",
        check: Document(check),
    };
}

fn check(doc: &Document, sink: &mut Sink<'_>) {
    let tree = Tree::new(doc);
    for group in tree.sibling_groups(doc) {
        if group.len() < 2 || doc.headings[group[0]].level == 1 {
            continue;
        }
        // (heading, has a stop) for headings on their own line.
        let items: Vec<(usize, bool)> = group
            .iter()
            .filter_map(|&i| {
                let h = &doc.headings[i];
                let t = doc.slice(h.text.start, h.text.end).trim_end();
                match ending(t) {
                    Ending::Period => Some((i, true)),
                    Ending::Bare => Some((i, false)),
                    Ending::RunIn | Ending::Other => None,
                }
            })
            .collect();
        let stops = items.iter().filter(|(_, s)| *s).count();
        let bare = items.len() - stops;
        if stops == 0 || bare == 0 {
            continue;
        }
        let minority_stop = stops < bare || (stops == bare && !items[0].1);
        for &(i, s) in items.iter().filter(|(_, s)| *s == minority_stop) {
            let h = &doc.headings[i];
            let t = doc.slice(h.text.start, h.text.end).trim_end();
            let end = h.text.start + t.len();
            if s {
                // A run-in heading among bare ones: point at its first stop.
                let stop = t
                    .find('。')
                    .map_or(end - '。'.len_utf8(), |k| h.text.start + k);
                let whole_line = stop + '。'.len_utf8() == end;
                let d = sink.report(
                    stop,
                    stop + '。'.len_utf8(),
                    if whole_line {
                        "同级标题的结尾不一致：其他同级标题末尾没有“。”，此处有，请统一"
                    } else {
                        "同级标题的写法不一致：其他同级标题单独成行、末尾不加“。”，此处标题后直接接正文，请统一"
                    },
                );
                if whole_line {
                    d.fix(stop, end, "", Applicability::Review);
                }
            } else {
                sink.report(
                    h.ordinal.start,
                    end,
                    "同级标题的结尾不一致：其他同级标题以“。”结尾，此处没有，请统一",
                )
                .fix(end, end, "。", Applicability::Review);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "structure/heading-ending";

    #[test]
    fn fires_on_the_odd_sibling() {
        assert_fires(
            R,
            "一、甲\n（一）加强学习。\n正文。\n⟦（二）改进作风⟧\n正文。\n（三）强化监督。\n正文。\n",
        );
        assert_fires(
            R,
            "一、甲\n（一）加强学习\n（二）改进作风⟦。⟧\n（三）强化监督\n",
        );
    }

    #[test]
    fn quiet_when_siblings_agree() {
        assert_quiet(
            R,
            "一、甲\n（一）加强学习。全年学习12次。\n（二）改进作风。全年检查5次。\n",
        );
        assert_quiet(R, "一、甲\n（一）加强学习\n（二）改进作风\n");
        assert_quiet(R, "一、甲\n（一）加强学习。\n（二）改进作风。\n");
        assert_quiet(R, "一、甲。\n二、乙\n");
        assert_quiet(R, "一、甲\n（一）加强学习\n二、乙\n（一）改进作风。\n");
        assert_quiet(R, "（一）时间：3月5日\n（二）地点\n");
    }

    #[test]
    fn fix_adds_or_deletes_the_stop() {
        assert_fix(
            R,
            "（一）加强学习。\n（二）改进作风\n（三）强化监督。\n",
            "（一）加强学习。\n（二）改进作风。\n（三）强化监督。\n",
        );
    }
}
