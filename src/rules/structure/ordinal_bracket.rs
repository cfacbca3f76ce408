use crate::diagnostic::Applicability;
use crate::model::{Document, OrdinalForm, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds heading ordinals with half-width or missing brackets, `(一)`
    /// `(1)` `1）`, and the one-character forms `⑴` `㈠` `⒈`.
    ///
    /// Why: GB/T 9704-2012 §7.3.3 writes the second and fourth levels with
    /// full-width brackets, （一） and （1）. The one-character forms look alike
    /// on screen but are different characters: search, numbering checks and
    /// other software do not read them as numbers.
    ///
    /// Fires on `(一)主要做法`, `(2)加强学习`, `1）加强学习`, `⑴加强学习`.
    /// Stays quiet on `（一）`, on `f(x)` or `(GDP)` in running text (only
    /// ordinals that open a paragraph are read), and on `(1)2` (a formula).
    ///
    /// Fix (safe): the full-width bracketed form.
    pub static ORDINAL_BRACKET = {
        id: "structure/ordinal-bracket",
        category: Structure,
        severity: Warning,
        title: "标题序号括号不规范",
        check: Paragraph(check),
    };
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let Some(h) = p.heading.map(|i| &doc.headings[i]) else {
        return;
    };
    // Most headings are well formed: the standard form is written only
    // for one to report.
    if !matches!(h.form, OrdinalForm::Brackets | OrdinalForm::Enclosed) {
        return;
    }
    let here = doc.slice(h.ordinal.start, h.ordinal.end);
    let want = h.style.render(h.value);
    let msg = match h.form {
        OrdinalForm::Brackets if here.contains(['(', ')']) => {
            format!("标题序号“{here}”用了半角括号，应写作“{want}”")
        }
        OrdinalForm::Brackets => format!("标题序号“{here}”缺少前括号，应写作“{want}”"),
        OrdinalForm::Enclosed => {
            format!("标题序号“{here}”是一个合成字符，应写作“{want}”，以免检索和排版出错")
        }
        _ => return,
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
    const R: &str = "structure/ordinal-bracket";

    #[test]
    fn fires_on_half_width_and_enclosed_forms() {
        assert_fires(R, "一、甲\n⟦(一)⟧主要做法\n⟦(二)⟧存在问题\n");
        assert_fires(R, "1.甲\n⟦(1)⟧加强学习\n");
        assert_fires(R, "1.甲\n⟦1）⟧加强学习\n");
        assert_fires(R, "1.甲\n⟦⑴⟧加强学习\n");
        assert_fires(R, "一、甲\n⟦㈠⟧主要做法\n");
        assert_fires(R, "一、甲\n⟦(一）⟧主要做法\n");
    }

    #[test]
    fn quiet_on_full_width_and_running_text() {
        assert_quiet(R, "一、甲\n（一）子\n1.天\n（1）地\n");
        assert_quiet(R, "函数f(x)在(GDP)中。\n");
        assert_quiet(R, "(1)2是一个式子\n");
        assert_quiet(R, "(GDP)增长5%。\n");
        assert_quiet(R, "(2024)年度\n");
    }

    #[test]
    fn fix_writes_full_width_brackets() {
        assert_fix(R, "(一)主要做法\n", "（一）主要做法\n");
        assert_fix(
            R,
            "⑴加强学习\n1）改进作风\n",
            "（1）加强学习\n（1）改进作风\n",
        );
    }
}
