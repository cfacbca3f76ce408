use crate::incremental::{Fact, FactRule, Facts};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds percentages written in two forms in one document: `5%` in most
    /// places and `百分之三` in one (or the other way round). Reports the
    /// minority form.
    ///
    /// Why: GB/T 15835-2011 §4.3 (同类别同形式): one kind of number, one form.
    ///
    /// Not counted: `百分之百` (a fixed phrase, "completely") and 百分点.
    ///
    /// No fix: rewriting 百分之九点三 as 9.3% is easy, the reverse is not;
    /// the message gives the form to use.
    pub static PERCENT_FORM = {
        id: "consistency/percent-form",
        category: Consistency,
        severity: Warning,
        title: "百分数写法不统一",
        check: Facts(FactRule { collect, judge, reads_text: false }),
        triggers: triggers,
    };
}

/// (start, end, written with 百分之?)
fn percents(doc: &Document, p: &Paragraph) -> Vec<(usize, usize, bool)> {
    let text = doc.para_text(p);
    let mut out = Vec::new();
    for (i, m) in text.match_indices(['%', '％']) {
        let digits = text[..i]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_digit() || c == '.')
            .last();
        if let Some((s, _)) = digits {
            out.push((p.start + s, p.start + i + m.len(), false));
        }
    }
    for (i, m) in text.match_indices("百分之") {
        let rest = &text[i + m.len()..];
        if rest.starts_with("百") && !rest.starts_with("百分") {
            continue; // 百分之百
        }
        let n: usize = rest
            .char_indices()
            .take_while(|&(_, c)| "〇零一二三四五六七八九十百点几".contains(c))
            .map(|(j, c)| j + c.len_utf8())
            .last()
            .unwrap_or(0);
        if n == 0 {
            continue;
        }
        out.push((p.start + i, p.start + i + m.len() + n, true));
    }
    out
}

/// Fact key: a percentage (value 1 when written with 百分之).
const PERCENT: &str = "percent";

/// Triggers: a percent sign or 百分之.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("%％").literals(["百分之"]);
}

fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
    if !facts.triggered() {
        return;
    }
    for (s, e, words) in percents(doc, p) {
        facts.note(PERCENT, s, e, u32::from(words));
    }
}

fn judge(doc: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
    let all: Vec<(usize, usize, bool)> = facts
        .iter()
        .map(|f| (f.start, f.end, f.value == 1))
        .collect();
    let words = all.iter().filter(|x| x.2).count();
    let signs = all.len() - words;
    if words == 0 || signs == 0 {
        return;
    }
    let report_words = words <= signs;
    for &(s, e, w) in all.iter().filter(|x| x.2 == report_words) {
        let shown = doc.slice(s, e);
        let msg = if w {
            format!("全文百分数多用“%”（{signs}处），“{shown}”请统一写作阿拉伯数字加“%”")
        } else {
            format!("全文百分数多写作“百分之……”（{words}处），“{shown}”请统一写法")
        };
        sink.report(s, e, msg);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "consistency/percent-form";

    #[test]
    fn fires_on_the_minority_form() {
        assert_fires(R, "增长5%，下降3.2%。\n提高⟦百分之三⟧。");
        assert_fires(R, "增长百分之五，提高百分之九点三，下降⟦3%⟧。");
    }

    #[test]
    fn quiet_on_one_form_and_fixed_phrases() {
        assert_quiet(R, "增长5%，百分之百完成，提高2个百分点。");
        assert_quiet(R, "增长百分之五，提高百分之十以上。");
    }
}
