use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

use super::elements::doc_number_re;

crate::declare_rule! {
    /// Checks 发文字号 (the line under the 发文机关标志, and 文号 cited in the
    /// text): the year in 六角括号 `〔2024〕`, then the number without 第 and
    /// without leading zeros: `县政发〔2024〕5号`.
    ///
    /// Why: GB/T 9704-2012 §7.2.4: 年份、发文顺序号用阿拉伯数字标注；年份应标
    /// 全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为
    /// 01）.
    ///
    /// Fires on `县政发[2024]5号`, `县政发（2024）5号`, `县政发【2024】5号`,
    /// `县政发〔2024〕第5号`, `县政发〔2024〕05号`, `县政发〔24〕5号`. Stays quiet
    /// on `县政发〔2024〕5号`, on `国务院令第706号` (a 令 is numbered so, with no
    /// year) and on `（2024）` not followed by a number and 号.
    ///
    /// Fix (safe): the standard form.
    pub static DOC_NUMBER = {
        id: "structure/doc-number",
        category: Structure,
        severity: Warning,
        title: "发文字号格式不规范",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let t = doc.para_text(p);
    if !t.contains('号') {
        return;
    }
    for c in doc_number_re().captures_iter(t) {
        let whole = c.get(0).unwrap();
        let (open, year, close, di, num) = (&c[2], &c[3], &c[4], &c[5], &c[6]);
        let bad_brackets = open != "〔" || close != "〕";
        let short_year = year.len() == 2;
        let has_di = !di.is_empty();
        let padded = num.len() > 1 && num.starts_with('0');
        let spaced = whole.as_str().contains(' ');
        if !(bad_brackets || short_year || has_di || padded || spaced) {
            continue;
        }
        let organ = &c[1];
        let n = num.trim_start_matches('0');
        let n = if n.is_empty() { "0" } else { n };
        let y = if short_year {
            format!("20{year}")
        } else {
            year.to_string()
        };
        let want = format!("{organ}〔{y}〕{n}号");
        let what = if bad_brackets {
            format!("年份应用六角括号“〔〕”括入，而不是“{open}{close}”")
        } else if short_year {
            "年份应标全称".to_string()
        } else if has_di {
            "发文顺序号前不加“第”字".to_string()
        } else if padded {
            "发文顺序号不编虚位（1不编为01）".to_string()
        } else {
            "发文字号中不应有空格".to_string()
        };
        let start = p.start + whole.start();
        let end = p.start + whole.end();
        let a = if short_year {
            Applicability::Review
        } else {
            Applicability::Safe
        };
        sink.report(
            start,
            end,
            format!("发文字号格式不规范：{what}，应写作“{want}”"),
        )
        .fix(start, end, want, a);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("号");
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "structure/doc-number";

    #[test]
    fn fires_on_wrong_forms() {
        for s in [
            "县政发[2024]5号",
            "县政发（2024）5号",
            "县政发【2024】5号",
            "县政发〔2024〕第5号",
            "县政发〔2024〕05号",
            "县政发(2024)5号",
        ] {
            assert_fires(R, &format!("⟦{s}⟧\n"));
        }
        assert_fires(
            R,
            "根据省政府《关于同意筹建的批复》（⟦皖政秘[20xx]53号⟧）要求。\n",
        );
    }

    #[test]
    fn quiet_on_the_standard_form() {
        assert_quiet(R, "县政发〔2024〕5号\n");
        assert_quiet(R, "国办发〔2018〕108号文件要求。\n");
        assert_quiet(R, "中华人民共和国国务院令\n第706号\n");
        assert_quiet(R, "《规划（2021—2025年）》\n");
        assert_quiet(R, "完成（2024）年度任务，共5号楼。\n");
    }

    #[test]
    fn fix_writes_the_standard_form() {
        assert_fix(R, "县政发[2024]5号\n", "县政发〔2024〕5号\n");
        assert_fix(R, "县政发〔2024〕第05号\n", "县政发〔2024〕5号\n");
    }
}
