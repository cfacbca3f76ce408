use crate::diagnostic::{Applicability, Severity};
use crate::model::Document;
use crate::sink::Sink;

use super::doctype::{detect, Source};
use super::elements;

crate::declare_rule! {
    /// Checks the title (GB/T 9704-2012 §7.3.1): a title ending with `。`, a
    /// title without the 文种 of the document's configured type
    /// (`documentType`), and (at info) a document with no title line.
    ///
    /// Why: a title names the issuing body, the matter and the 文种
    /// (《党政机关公文处理工作条例》第九条); it is not a sentence.
    ///
    /// Fires on `关于2023年工作情况的报告。`, on `2023年工作情况` when
    /// `documentType` is 工作报告, and (info) on a text whose first line is
    /// already body text (in a whole text: three paragraphs and about 500
    /// characters or more). Stays quiet on `关于……的报告`, on the 发文机关标志,
    /// 份号 and 发文字号 lines above the title, and on speeches that open with
    /// `同志们：` only at info.
    ///
    /// Fix (safe): delete the `。`.
    pub static TITLE = {
        id: "structure/title",
        category: Structure,
        severity: Warning,
        title: "标题缺失或不规范",
        check: Document(check),
    };
}

/// 文种 words a title may end with, for recognising a title that ends with 。.
const WENZHONG: &[&str] = &[
    "报告", "请示", "通知", "总结", "讲话", "发言", "致辞", "意见", "方案", "决定", "通报", "函",
    "批复", "纪要", "计划", "规划", "办法", "规定", "细则", "公告", "通告", "议案", "命令", "决议",
];

fn check(doc: &Document, sink: &mut Sink<'_>) {
    let Some(first) = elements::first_content(doc) else {
        return;
    };
    let p = &doc.paragraphs[first];
    let t = doc.para_text(p);
    let Some(title) = elements::title(doc) else {
        // A one-sentence title with a full stop: 关于……的报告。
        if let Some(body) = t.strip_suffix('。') {
            let one_sentence = !body.contains(['。', '！', '？', '；', '，']);
            if one_sentence
                && body.chars().count() <= 60
                && WENZHONG.iter().any(|w| body.ends_with(w))
            {
                let start = p.end - '。'.len_utf8();
                sink.report(start, p.end, "公文标题末尾不加标点，请删去“。”")
                    .fix(start, p.end, "", Applicability::Safe);
                return;
            }
        }
        // A fragment being drafted is not yet a document: ask for a title
        // only in a whole text.
        if !elements::is_whole_text(doc) {
            return;
        }
        let first_char = t.chars().next().map_or(0, char::len_utf8);
        sink.report(
            p.start,
            p.start + first_char,
            "未找到标题：公文应在开头写明标题，如“关于……的报告”",
        )
        .with_severity(Severity::Info);
        return;
    };
    let tp = &doc.paragraphs[title];
    let tt = doc.para_text(tp);
    if let Some((tpl, Source::Config)) = detect(doc, sink.config()) {
        if !tpl.wenzhong.is_empty() && !tpl.wenzhong.iter().any(|w| tt.contains(w.as_str())) {
            sink.report(
                tp.start,
                tp.end,
                format!(
                    "标题中缺少文种：本文是{}，标题应以“{}”结尾，如“关于……的{}”",
                    tpl.name, tpl.wenzhong[0], tpl.wenzhong[0]
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    use crate::{check, Config, Severity};
    const R: &str = "structure/title";

    #[test]
    fn fires_on_a_stop_and_a_missing_wenzhong() {
        assert_fires(R, "关于2023年工作情况的报告⟦。⟧\n一、甲\n");
        let c = Config::from_json(r#"{"documentType":"工作报告"}"#).unwrap();
        let d = check("2023年工作情况\n一、甲\n", &c);
        assert!(d
            .iter()
            .any(|d| d.rule.id == R && d.severity == Severity::Warning));
    }

    #[test]
    fn missing_title_is_info() {
        let long = "正文。".repeat(200);
        let text = format!("2023年，我坚持学习。现将情况报告如下。\n一、甲\n{long}\n");
        let d = check(&text, &Config::default());
        let t: Vec<_> = d.iter().filter(|d| d.rule.id == R).collect();
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].severity, Severity::Info);
    }

    #[test]
    fn quiet_on_good_titles_and_fragments() {
        assert_quiet(R, "一、总体要求\n三、工作措施\n");
        assert_quiet(R, "关于2023年工作情况的报告\n一、甲\n");
        assert_quiet(
            R,
            "某县人民政府文件\n县政发〔2024〕5号\n关于加强学习的通知\n各乡镇：\n正文。\n",
        );
        let c = Config::from_json(r#"{"documentType":"工作报告"}"#).unwrap();
        assert!(check("关于2023年工作情况的报告\n正文。\n", &c)
            .iter()
            .all(|d| d.rule.id != R));
    }

    #[test]
    fn fix_deletes_the_stop() {
        assert_fix(
            R,
            "关于加强学习的通知。\n正文。\n",
            "关于加强学习的通知\n正文。\n",
        );
    }
}
