use crate::model::Document;
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds headings whose levels are inverted: a higher-level heading that
    /// opens inside a lower one (`1.` then `（一）` under the same `一、`), or a
    /// child level used before any parent (`（一）……` and only then `一、`;
    /// reported at info when the earlier list is two or more levels deeper,
    /// `（1）…（4）` in a preamble, which is more often a separate list).
    ///
    /// Why: GB/T 9704-2012 §7.3.3 orders the levels 一、 → （一） → 1. → （1）.
    /// An inverted pair usually means a copied block kept its old numbering.
    ///
    /// Fires on `一、甲 1.天 （一）子`, on `（一）子 一、甲`. Stays quiet when a
    /// level is skipped (`一、甲 1.天`), when a deeper list closes and the next
    /// sibling follows (`（一）子 1.天 （二）丑`), and across 第X章 / 附件
    /// boundaries, under which numbering starts afresh.
    ///
    /// No fix: which heading is wrong depends on the writer's intent.
    pub static HEADING_LEVEL_ORDER = {
        id: "structure/heading-level-order",
        category: Structure,
        severity: Warning,
        title: "标题层级颠倒",
        check: Document(check),
    };
}

fn check(doc: &Document, sink: &mut Sink<'_>) {
    // Headings since the last section break, as (level, index into headings).
    let mut seen: Vec<(u8, usize)> = Vec::new();
    let mut hs = doc.headings.iter().enumerate().peekable();
    for p in &doc.paragraphs {
        if p.section_break {
            seen.clear();
        }
        let Some((i, h)) = hs.next_if(|(_, h)| h.paragraph == p.index) else {
            continue;
        };
        // ① lists are free-floating below any level.
        if h.level <= 4 {
            // The last heading at this level or above: a sibling or the parent.
            let anchor = seen.iter().rposition(|&(l, _)| l <= h.level);
            let opens_new_level = anchor.is_none_or(|a| seen[a].0 < h.level);
            let after = anchor.map_or(0, |a| a + 1);
            let deeper = seen[after..].iter().find(|&&(l, _)| l > h.level && l <= 4);
            if let (true, Some(&(dl, d))) = (opens_new_level, deeper) {
                let dh = &doc.headings[d];
                // （1）…（4） before the first 一、 with no level between is
                // more likely a separate list in a preamble: info.
                let unsure = anchor.is_none() && dl > h.level + 1;
                let here = doc.slice(h.ordinal.start, h.ordinal.end);
                let lower = doc.slice(dh.ordinal.start, dh.ordinal.end);
                let d = sink.report(
                    h.ordinal.start,
                    h.ordinal.end,
                    format!(
                        "标题层级颠倒：“{here}”是更高一级的标题，却出现在下一级标题“{lower}”之后。公文标题层级依次为“一、”“（一）”“1.”“（1）”，请调整序号"
                    ),
                );
                if unsure {
                    d.with_severity(crate::diagnostic::Severity::Info);
                }
            }
        }
        seen.push((h.level, i));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "structure/heading-level-order";

    #[test]
    fn fires_on_inverted_levels() {
        assert_fires(R, "一、甲\n1.天\n2.地\n⟦（一）⟧子\n（二）丑\n");
        assert_fires(R, "（一）子\n（二）丑\n⟦一、⟧甲\n二、乙\n");
        assert_fires(R, "一、甲\n（1）天\n⟦1.⟧地\n");
    }

    #[test]
    fn quiet_on_skipped_levels_and_closed_lists() {
        assert_quiet(R, "一、甲\n1.天\n2.地\n二、乙\n（一）子\n");
        assert_quiet(
            R,
            "一、甲\n（一）子\n1.天\n（1）地\n2.人\n（二）丑\n二、乙\n",
        );
        assert_quiet(R, "（一）子\n（二）丑\n");
        assert_quiet(R, "一、甲\n（1）天\n（2）地\n二、乙\n");
        assert_quiet(R, "第一章 总则\n（一）子\n第二章 职责\n一、甲\n");
        assert_quiet(R, "（一）子\n（二）丑\n附件\n一、甲\n");
        assert_quiet(R, "一、甲\n（1）天\n①x\n（2）地\n");
    }
}
