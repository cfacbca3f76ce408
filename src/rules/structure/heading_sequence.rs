use crate::diagnostic::Applicability;
use crate::model::{Document, OrdinalForm, OrdinalStyle};
use crate::sink::Sink;

crate::declare_rule! {
    /// Checks that numbered headings count up without gaps or repeats at each
    /// level (一、二、三、; （一）（二）; 1. 2.; （1）（2）), restarting under each
    /// parent heading (GB/T 9704-2012 §7.3.3).
    ///
    /// Fires on `一、 二、 四、` (skipped), `1. 1.` (repeated), and a first child
    /// that does not start at one. Stays quiet when （一） restarts under each
    /// 一、, when a level is numbered straight through across its parents
    /// (（三） as the first child of 二、 after （一）（二） under 一、, as State
    /// Council documents do), and when the top level starts again at 一、 (an
    /// attachment or a second part of the document).
    ///
    /// Fix (review): the expected number; later siblings may need renumbering too.
    pub static HEADING_SEQUENCE = {
        id: "structure/heading-sequence",
        category: Structure,
        severity: Warning,
        title: "标题序号不连续",
        check: Document(check),
    };
}

fn check(doc: &Document, sink: &mut Sink<'_>) {
    // last[level-1]: the last ordinal value seen at that level under the current parent.
    let mut last: [Option<(u32, usize)>; 5] = [None; 5];
    // The last value at each level anywhere in the document: many documents
    // number （一）…（三十） straight through across their 一、 parents.
    let mut running: [Option<u32>; 5] = [None; 5];
    let mut next_heading = doc.headings.iter().peekable();
    for p in &doc.paragraphs {
        let Some(h) = next_heading.next_if(|h| h.paragraph == p.index) else {
            // An article, chapter, decimal section or attachment numbers its own children.
            if p.section_break {
                // Chapters may number their 一、 straight through (国务院工作规则);
                // an attachment is a new document.
                last = [None; 5];
                if doc.para_text(p).starts_with("附件") {
                    running = [None; 5];
                }
                // 附件：1.名称 carries its first item inline.
                let t = doc.para_text(p);
                if let Some(rest) = t.strip_prefix("附件：").or_else(|| t.strip_prefix("附件:"))
                {
                    if let Some((style, value, _)) = crate::model::parse_ordinal(rest) {
                        last[style.level() as usize - 1] = Some((value, p.index));
                        running[style.level() as usize - 1] = Some(value);
                    }
                }
            }
            continue;
        };
        let lvl = (h.level - 1) as usize;
        for deeper in last.iter_mut().skip(lvl + 1) {
            *deeper = None;
        }
        let prev = last[lvl];
        let expected = prev.map_or(1, |(v, _)| v + 1);
        let restart_top = lvl == 0 && h.value == 1;
        let continued = prev.is_none() && running[lvl].is_some_and(|v| h.value == v + 1);
        // The missing number may open a paragraph we did not take for a heading
        // ("21.5+2就业之家：" looks like the decimal 21.5).
        let missing_is_there = || {
            let want = h.style.render(expected);
            let from = prev.map_or(0, |(_, para)| para + 1);
            doc.paragraphs[from..h.paragraph]
                .iter()
                .any(|q| doc.para_text(q).starts_with(want.as_str()))
        };
        // ③ right after （2）: a circled number standing in for （3）, which
        // structure/mixed-ordinal-styles reports.
        let stands_in = h.style == OrdinalStyle::Circled
            && prev.is_none()
            && last[3].is_some_and(|(v, _)| h.value == v + 1);
        if h.value != expected && !restart_top && !continued && !stands_in && !missing_is_there() {
            let want = h.style.render(expected);
            let here = doc
                .slice(h.ordinal.start, h.ordinal.end)
                .trim_end_matches(['、', '.', '．', '，', ',']);
            let msg = match prev {
                Some((v, _)) if v == h.value => {
                    format!("标题序号“{here}”与上一个同级标题重复，此处应为“{want}”")
                }
                Some((v, _)) => format!(
                    "标题序号不连续：上一个同级标题是“{}”，此处应为“{want}”",
                    h.style.render(v)
                ),
                None => format!("本级标题应从“{want}”开始编号，此处是“{here}”"),
            };
            let d = sink.report(h.ordinal.start, h.ordinal.end, msg);
            if h.form == OrdinalForm::Enclosed || h.style == OrdinalStyle::Circled {
                d.fix(h.ordinal.start, h.ordinal.end, want, Applicability::Review);
            } else {
                let number = h.style.render_number(expected);
                d.fix(h.number.start, h.number.end, number, Applicability::Review);
            }
        }
        last[lvl] = Some((h.value, h.paragraph));
        running[lvl] = Some(h.value);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "structure/heading-sequence";

    #[test]
    fn fires_on_skips_and_repeats() {
        assert_fires(R, "一、甲\n二、乙\n⟦四、⟧丁\n");
        assert_fires(R, "一、甲\n（一）子\n⟦（三）⟧寅\n");
        assert_fires(R, "1.甲\n⟦1.⟧乙\n");
        assert_fires(R, "（1）甲\n（2）乙\n⟦（4）⟧丁\n");
        assert_fires(R, "一、甲\n⟦（二）⟧乙\n");
    }

    #[test]
    fn quiet_on_correct_sequences() {
        assert_quiet(
            R,
            "一、甲\n（一）子\n（二）丑\n二、乙\n（一）子\n1.天\n2.地\n（二）丑\n三、丙\n",
        );
        assert_quiet(R, "一、甲\n二、乙\n附件\n一、甲\n");
        assert_quiet(R, "一、甲\n正文1.5亿元。\n二、乙\n");
        assert_quiet(R, "一、甲\n二、乙\n一、新的部分\n");
        assert_quiet(
            R,
            "一、甲\n（一）子\n（二）丑\n二、乙\n（三）寅\n（四）卯\n",
        );
        assert_quiet(R, "第一条 甲\n（一）子\n（二）丑\n第二条 乙\n（一）子\n");
        assert_quiet(R, "2.1.1 职责\n（1）甲\n（2）乙\n2.1.2 办公室\n（1）甲\n");
        assert_quiet(R, "附件：1.名单\n2.清单\n");
        assert_quiet(R, "第一章 总则\n一、甲\n二、乙\n第二章 职责\n三、丙\n");
        assert_quiet(R, "1.甲\n2.5+2就业之家\n3.乙\n");
    }

    #[test]
    fn fix_renumbers() {
        assert_fix(R, "一、甲\n二、乙\n四、丁\n", "一、甲\n二、乙\n三、丁\n");
        assert_fix(R, "1.甲\n3．乙\n", "1.甲\n2．乙\n");
    }
}
