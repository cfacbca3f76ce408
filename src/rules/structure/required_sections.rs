use crate::model::Document;
use crate::sink::Sink;

use super::doctype::detect;

crate::declare_rule! {
    /// Checks that a document has the parts its type requires, from the type's
    /// template (`data/doctypes.json`, or the unit's `documentTemplates`): a
    /// 述责述廉报告 needs its 履职 part, a 存在问题/不足 part and a 下一步/今后
    /// 打算 part; a 工作总结 its 成绩, 问题 and 打算.
    ///
    /// Why: these reports are read against a fixed outline; a report that
    /// skips its shortcomings or next steps is sent back.
    ///
    /// The type comes from `documentType` or the title. A part counts as
    /// present when any of its words (synonyms: 存在的不足, 问题和不足, 下一步
    /// 打算, 今后努力方向 …) occurs anywhere in the text, so the rule only fires
    /// when the part is truly absent. Fires on a 述责述廉报告 with no word about
    /// problems. Stays quiet when the type is unknown and on types without
    /// required parts (通知, 讲话), and on fragments (under three paragraphs or
    /// about 500 characters): a part may simply not be written yet.
    ///
    /// No fix: the writer adds the part.
    pub static REQUIRED_SECTIONS = {
        id: "structure/required-sections",
        category: Structure,
        severity: Warning,
        title: "缺少应有的组成部分",
        check: Document(check),
    };
}

fn check(doc: &Document, sink: &mut Sink<'_>) {
    let Some((tpl, _)) = detect(doc, sink.config()) else {
        return;
    };
    if tpl.parts.is_empty() || !super::elements::is_whole_text(doc) {
        return;
    }
    // Report on the title if there is one, else on the first paragraph's first character.
    let (start, end) = match super::elements::title(doc) {
        Some(i) => (doc.paragraphs[i].start, doc.paragraphs[i].end),
        None => {
            let p = &doc.paragraphs[0];
            let n = doc.para_text(p).chars().next().map_or(0, char::len_utf8);
            (p.start, p.start + n)
        }
    };
    for part in &tpl.parts {
        if part.any.iter().any(|w| doc.text.contains(w.as_str())) {
            continue;
        }
        let eg: Vec<&str> = part.any.iter().take(3).map(String::as_str).collect();
        sink.report(
            start,
            end,
            format!(
                "{}通常应包含“{}”部分，全文未找到（如写有“{}”的段落），请补充",
                tpl.name,
                part.part,
                eg.join("”“")
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    use crate::{check, Config};
    const R: &str = "structure/required-sections";

    #[test]
    fn fires_on_a_missing_part() {
        let body = "正文。".repeat(200);
        assert_fires(
            R,
            &format!(
                "⟦2023年度述责述廉报告⟧\n一、履行主体责任情况\n{body}\n二、下一步打算\n正文。\n"
            ),
        );
        let c = Config::from_json(r#"{"documentType":"述责述廉报告"}"#).unwrap();
        let d = check(
            &format!("2023年，我认真履行主体责任。\n{body}\n下一步，我将继续努力。\n"),
            &c,
        );
        assert_eq!(d.iter().filter(|d| d.rule.id == R).count(), 1);
    }

    #[test]
    fn quiet_with_synonyms_or_no_type() {
        assert_quiet(
            R,
            "2023年度述责述廉报告\n一、履职情况\n正文。\n二、存在的不足\n正文。\n三、今后努力方向\n正文。\n",
        );
        assert_quiet(
            R,
            "2023年度述责述廉报告\n我认真履职，但还存在差距。今后将继续努力。\n",
        );
        assert_quiet(R, "2023年，我认真学习。\n一、甲\n");
        assert_quiet(R, "关于开会的通知\n各单位：\n正文。\n");
    }

    #[test]
    fn unit_templates_add_parts() {
        let c = Config::from_json(
            r#"{"documentTemplates":[{"name":"调研报告","titles":["调研报告"],"wenzhong":["报告"],"kind":"report","parts":[{"part":"对策建议","any":["建议","对策"]}]}]}"#,
        )
        .unwrap();
        let body = "正文。".repeat(200);
        let d = check(
            &format!("关于农村养老的调研报告\n一、基本情况\n{body}\n"),
            &c,
        );
        assert_eq!(d.iter().filter(|d| d.rule.id == R).count(), 1);
        let d = check("关于农村养老的调研报告\n一、基本情况\n正文。\n", &c);
        assert_eq!(d.iter().filter(|d| d.rule.id == R).count(), 0, "a fragment");
        let d = check(
            &format!("关于农村养老的调研报告\n一、对策建议\n{body}\n"),
            &c,
        );
        assert_eq!(d.iter().filter(|d| d.rule.id == R).count(), 0);
    }
}
