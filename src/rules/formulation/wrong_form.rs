use super::tables::WRONG_FORMS;
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds known wrong forms of standard formulations, from the table
    /// `data/formulation.tsv`: `中央经济会议` (中央经济工作会议), `主题责任`
    /// (主体责任), `国家总体安全观` (总体国家安全观), `供给侧结构改革`
    /// (供给侧结构性改革), `筑牢中华民族共同体意识` (铸牢…).
    ///
    /// Why: these names are fixed by the Party's documents (规范提法); a
    /// variant reads as carelessness in a 公文.
    ///
    /// Quiet on the right forms and on look-alikes (`主题教育`, `中央经济工作会议`).
    /// `三个代表重要思想` (quotes missing) is reported by formulation/slogan-quotes.
    ///
    /// Fix (review): the right form from the table.
    pub static WRONG_FORM = {
        id: "formulation/wrong-form",
        category: Formulation,
        severity: Warning,
        title: "规范提法有误",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let forms = &*WRONG_FORMS;
    let text = doc.para_text(p);
    for m in forms.matcher.find_iter(text) {
        let w = &forms.list[m.pattern().as_usize()];
        let guarded = crate::rules::inside_guard(text, m.start(), w.wrong, &w.guards);
        if guarded {
            continue;
        }
        let mut msg = format!("规范提法为“{}”，不是“{}”", w.right, w.wrong);
        if !w.note.is_empty() {
            msg.push_str(&format!("（{}）", w.note));
        }
        let (start, end) = (p.start + m.start(), p.start + m.end());
        sink.report(start, end, msg)
            .fix(start, end, w.right, Applicability::Review);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.literals(WRONG_FORMS.list.iter().map(|w| w.wrong));
}

#[cfg(test)]
mod tests {
    use super::WRONG_FORMS;
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "formulation/wrong-form";

    /// Every entry fires on its wrong form and is quiet on its right form and guards.
    #[test]
    fn every_entry_fires_and_its_right_form_is_quiet() {
        for w in &WRONG_FORMS.list {
            assert_fires(R, &format!("认真落实⟦{}⟧要求。", w.wrong));
            assert_quiet(R, &format!("认真落实{}要求。", w.right));
            for g in &w.guards {
                assert_quiet(R, &format!("认真落实{g}要求。"));
            }
        }
    }

    #[test]
    fn quiet_on_look_alikes() {
        for t in [
            "开展主题教育",
            "中央经济工作会议",
            "总体国家安全观",
            "压实主体责任",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_writes_the_right_form() {
        assert_fix(R, "落实党风廉政建设主题责任", "落实党风廉政建设主体责任");
    }
}
