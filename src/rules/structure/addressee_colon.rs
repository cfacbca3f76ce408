use crate::diagnostic::Applicability;
use crate::model::Document;
use crate::sink::Sink;

use super::elements;

crate::declare_rule! {
    /// Finds a 主送机关 (addressee) line at the head of the document that ends
    /// with a half-width colon: `各乡镇人民政府:`.
    ///
    /// Why: GB/T 9704-2012 §7.3.2 sets the 主送机关 on its own line before the
    /// body, ending with a full-width colon; a half-width `:` is too narrow in
    /// Chinese text.
    ///
    /// Fires on `各乡镇人民政府:` and `同志们:` standing on their own line above
    /// the body. Stays quiet on `各乡镇人民政府：`, on `10:30` and on colons
    /// inside body paragraphs (the punctuation rules' business).
    ///
    /// Fix (safe): the full-width `：`.
    pub static ADDRESSEE_COLON = {
        id: "structure/addressee-colon",
        category: Structure,
        severity: Warning,
        title: "主送机关后用了半角冒号",
        check: Document(check),
    };
}

fn check(doc: &Document, sink: &mut Sink<'_>) {
    let end = (elements::head_end(doc) + 1).min(doc.paragraphs.len());
    for p in &doc.paragraphs[..end] {
        let t = doc.para_text(p);
        let Some(body) = t.strip_suffix(':') else {
            continue;
        };
        if body.is_empty()
            || p.heading.is_some()
            || ["如下", "以下", "是", "为", "有", "包括"]
                .iter()
                .any(|w| body.ends_with(w))
            || body.chars().count() > 80
            || body.contains(['。', '！', '？', '；'])
            || body.ends_with(|c: char| c.is_ascii_digit())
            || !body.chars().next_back().is_some_and(crate::rules::is_han)
        {
            continue;
        }
        let start = p.end - 1;
        sink.report(start, p.end, "主送机关后应使用全角冒号“：”")
            .fix(start, p.end, "：", Applicability::Safe);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "structure/addressee-colon";

    #[test]
    fn fires_on_a_half_width_colon_after_the_addressee() {
        assert_fires(
            R,
            "关于加强学习的通知\n各乡镇人民政府，县直各部门⟦:⟧\n正文。\n",
        );
        assert_fires(R, "同志们⟦:⟧\n今天开会。\n");
    }

    #[test]
    fn quiet_on_full_width_and_body_colons() {
        assert_quiet(R, "关于加强学习的通知\n各乡镇人民政府：\n正文。\n");
        assert_quiet(R, "正文。\n时间:\n");
        assert_quiet(R, "会议时间\n10:30\n");
        assert_quiet(R, "开会。\n一、甲\n二、乙\n附件:\n");
        assert_quiet(R, "向上级请示的公文格式如下:\n一、标题:\n");
    }

    #[test]
    fn fix_uses_the_full_width_colon() {
        assert_fix(R, "各乡镇人民政府:\n正文。\n", "各乡镇人民政府：\n正文。\n");
    }
}
