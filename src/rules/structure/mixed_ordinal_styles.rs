use crate::diagnostic::{Applicability, Severity};
use crate::model::{Document, OrdinalForm, OrdinalStyle};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds two ordinal styles used for one level: a circled `③` that
    /// continues a `（1）（2）` list, and (at info) `1.` beside `1．` in one
    /// document. (`1、` beside `1.` is reported by `structure/ordinal-mark`.)
    ///
    /// Why: GB/T 9704-2012 §7.3.3 gives each level one form; a list that
    /// changes form halfway reads as a new, deeper level.
    ///
    /// Fires on `（1）甲 （2）乙 ③丙`. Stays quiet on `（1）甲 ①子 ②丑` (a
    /// circled list nested under （1）, which `structure/heading-depth` reports at
    /// info) and on documents that use one dot throughout.
    ///
    /// Fix (review): the form the rest of the list uses.
    pub static MIXED_ORDINAL_STYLES = {
        id: "structure/mixed-ordinal-styles",
        category: Structure,
        severity: Warning,
        title: "同级标题序号样式不一致",
        check: Document(check),
    };
}

fn check(doc: &Document, sink: &mut Sink<'_>) {
    // ③ continuing （1）（2）: the open level-4 heading's value + 1, no level-5 sibling before.
    let mut open4: Option<u32> = None;
    let mut open5 = false;
    let mut hs = doc.headings.iter().peekable();
    for p in &doc.paragraphs {
        if p.section_break {
            open4 = None;
            open5 = false;
        }
        let Some(h) = hs.next_if(|h| h.paragraph == p.index) else {
            continue;
        };
        match h.level {
            1..=3 => {
                open4 = None;
                open5 = false;
            }
            4 => {
                open4 = Some(h.value);
                open5 = false;
            }
            _ => {
                if !open5 && open4.is_some_and(|v| h.value == v + 1) {
                    let want = OrdinalStyle::ParenArabic.render(h.value);
                    let prev = OrdinalStyle::ParenArabic.render(h.value - 1);
                    let here = doc.slice(h.ordinal.start, h.ordinal.end);
                    sink.report(
                        h.ordinal.start,
                        h.ordinal.end,
                        format!("同级标题序号样式不一致：上一项是“{prev}”，此处用了“{here}”，应为“{want}”"),
                    )
                    .fix(h.ordinal.start, h.ordinal.end, &want, Applicability::Review);
                    // Later items of this list continue as stand-ins too.
                    open4 = Some(h.value);
                    continue;
                }
                open5 = true;
            }
        }
    }

    // 1. beside 1．: one dot width per document.
    let dots: Vec<_> = doc
        .headings
        .iter()
        .filter(|h| h.style == OrdinalStyle::ArabicDot && h.form == OrdinalForm::Standard)
        .map(|h| (h, doc.slice(h.ordinal.start, h.ordinal.end).ends_with('．')))
        .collect();
    let full = dots.iter().filter(|(_, f)| *f).count();
    let half = dots.len() - full;
    if full > 0 && half > 0 {
        let minority_full = full < half || (full == half && !dots[0].1);
        for (h, f) in dots.iter().filter(|(_, f)| *f == minority_full) {
            let (have, want) = if *f { ("．", ".") } else { (".", "．") };
            let end = h.ordinal.end;
            let start = end - have.len();
            sink.report(
                h.ordinal.start,
                h.ordinal.end,
                format!("本文的“1.”式序号多数用“{want}”，此处用了“{have}”，建议统一"),
            )
            .with_severity(Severity::Info)
            .fix(start, end, want, Applicability::Safe);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "structure/mixed-ordinal-styles";

    #[test]
    fn fires_on_circled_continuing_a_bracketed_list() {
        assert_fires(R, "1.甲\n（1）子\n（2）丑\n⟦③⟧寅\n⟦④⟧卯\n");
        assert_fires(R, "1.甲\n2．乙\n3.丙\n4.丁\n");
    }

    #[test]
    fn quiet_on_nested_circled_lists_and_one_dot() {
        assert_quiet(R, "1.甲\n（1）子\n①天\n②地\n（2）丑\n①天\n");
        assert_quiet(R, "1.甲\n2.乙\n");
        assert_quiet(R, "1．甲\n2．乙\n");
        assert_quiet(R, "①天\n②地\n");
    }

    #[test]
    fn fix_uses_the_lists_form() {
        assert_fix(R, "（1）子\n（2）丑\n③寅\n", "（1）子\n（2）丑\n（3）寅\n");
    }
}
