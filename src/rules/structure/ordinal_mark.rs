use crate::diagnostic::Applicability;
use crate::model::{Document, OrdinalForm, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds a heading ordinal written with the wrong mark: `一.` `一．` `一，`
    /// for `一、`; `1、` for `1.`; a mark after the bracket, `（一）、` `（1）.`.
    ///
    /// Why: GB/T 9704-2012 §7.3.3 fixes the four ordinal forms 一、 （一） 1.
    /// （1）; the bracket already separates the number, so nothing follows it.
    /// A `1、` beside `1.` at one level is the commonest slip in drafts.
    ///
    /// Fires on `1、加强学习`, `一.总体要求`, `（一）、主要做法`. Stays quiet on
    /// the standard forms, on `1、2月份` (two numbers listed) and `一，二等奖`.
    ///
    /// Fix (safe): the standard form of the same ordinal.
    pub static ORDINAL_MARK = {
        id: "structure/ordinal-mark",
        category: Structure,
        severity: Warning,
        title: "标题序号标点不规范",
        check: Paragraph(check),
    };
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let Some(h) = p.heading.map(|i| &doc.headings[i]) else {
        return;
    };
    if !matches!(h.form, OrdinalForm::Mark | OrdinalForm::ExtraMark) {
        return;
    }
    let here = doc.slice(h.ordinal.start, h.ordinal.end);
    let want = h.style.render(h.value);
    let msg = if h.form == OrdinalForm::ExtraMark {
        format!("标题序号“{here}”的括号后不应再加标点，应写作“{want}”")
    } else {
        format!("标题序号“{here}”的标点不规范，应写作“{want}”（公文标题序号依次为“一、”“（一）”“1.”“（1）”）")
    };
    sink.report(h.ordinal.start, h.ordinal.end, msg).fix(
        h.ordinal.start,
        h.ordinal.end,
        want,
        Applicability::Safe,
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "structure/ordinal-mark";

    #[test]
    fn fires_on_wrong_marks() {
        assert_fires(R, "一、甲\n（一）子\n⟦1、⟧加强学习\n⟦2、⟧改进作风\n");
        assert_fires(R, "⟦一.⟧总体要求\n⟦二．⟧主要任务\n");
        assert_fires(R, "⟦一，⟧总体要求\n");
        assert_fires(R, "一、甲\n⟦（一）、⟧主要做法\n");
        assert_fires(R, "一、甲\n（一）子\n1.天\n⟦（1）.⟧地\n");
    }

    #[test]
    fn quiet_on_standard_forms_and_lists_of_numbers() {
        assert_quiet(R, "一、甲\n（一）子\n1.天\n（1）地\n2．人\n");
        assert_quiet(R, "1、2月份，全县完成投资5亿元。\n");
        assert_quiet(R, "一，二等奖各一名。\n");
        assert_quiet(R, "正文中的1、2、3不是标题。\n");
        assert_quiet(R, "1.5亿元已经拨付。\n");
    }

    #[test]
    fn fix_writes_the_standard_form() {
        assert_fix(R, "1、加强学习\n", "1.加强学习\n");
        assert_fix(R, "十二.总体要求\n", "十二、总体要求\n");
        assert_fix(R, "（三）、主要做法\n", "（三）主要做法\n");
    }
}
