use super::{chars_of, is_zh};
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds ellipses in the wrong form: `。。。`, `...`, `．．．`, `···`, a
    /// single `…` or three of them; and an ellipsis doubled by 等:
    /// `油菜……等`, `……等等`.
    ///
    /// Standard: GB/T 15834-2011 §4.11 (省略号, form `……`, six dots in two
    /// cells; twelve dots for omitted paragraphs) and Appendix A.9 (not more
    /// than two ellipses in a row; an ellipsis and 等/等等 are not used
    /// together).
    ///
    /// Stays quiet on `……` and `…………`, on dots in Latin text and numbers, and
    /// on 等 starting a word (`……等待`).
    ///
    /// Fix: the wrong form becomes `……` (safe); with 等 the ellipsis is
    /// deleted (review: the writer may prefer to drop 等).
    pub static ELLIPSIS = {
        id: "punctuation/ellipsis",
        category: Punctuation,
        severity: Warning,
        title: "省略号写法不规范",
        check: Paragraph(check),
        triggers: triggers,
    };
}

/// Characters after 等 that make it the start of a word, not "etc.".
const DENG_WORDS: &str = "待候同于级到额号效值量价次第分比差高身";

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if !text.contains(['。', '.', '．', '·', '…']) {
        return;
    }
    let chars = chars_of(text);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if !matches!(c, '。' | '.' | '．' | '·' | '…') {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].1 == c {
            j += 1;
        }
        let n = j - i;
        let start = p.start + chars[i].0;
        let end = p.start + chars.get(j).map_or(text.len(), |&(b, _)| b);
        let prev = i.checked_sub(1).map(|k| chars[k].1);
        let next = chars.get(j).map(|&(_, c)| c);
        // Dots and … are Chinese marks only in Chinese text.
        let chinese = prev.is_some_and(is_zh) || next.is_some_and(is_zh);
        let wrong = match c {
            '…' => !(n == 2 || n == 4) && chinese,
            '。' | '．' => n >= 3,
            '.' | '·' => n >= 3 && chinese,
            _ => false,
        };
        if wrong {
            sink.report(
                start,
                end,
                format!(
                    "省略号应写作“……”（六个点，占两格），不用“{}”",
                    &text[chars[i].0..end - p.start]
                ),
            )
            .fix(start, end, "……", Applicability::Safe);
        }
        let is_ellipsis = wrong || c == '…';
        if is_ellipsis && next == Some('等') {
            let after = chars.get(j + 1).map(|&(_, c)| c);
            if !after.is_some_and(|a| DENG_WORDS.contains(a)) {
                let deng_end = end + '等'.len_utf8();
                sink.report(
                    start,
                    deng_end,
                    "省略号和“等”不能同时使用：删去省略号（或删去“等”）",
                )
                .fix(start, end, "", Applicability::Review);
            }
        }
        i = j;
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    // …, or a run of 。 . ． ·
    t.any("…").when([crate::registry::pair("。.．·")]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/ellipsis";

    #[test]
    fn fires_on_wrong_forms() {
        assert_fires(R, "学习、调研⟦。。。⟧");
        assert_fires(R, "学习、调研⟦...⟧");
        assert_fires(R, "学习、调研⟦…⟧");
        assert_fires(R, "学习、调研⟦………⟧");
        assert_fires(R, "学习、调研⟦···⟧");
        assert_fires(R, "猪肝、大豆、油菜⟦……等⟧。");
    }

    #[test]
    fn quiet_on_standard_forms() {
        for t in [
            "学习、调研……",
            "第一段\n…………\n最后一段",
            "wait... what",
            "wait… what",
            "版本1.2.3发布",
            "学习……等待时机",
            "学习、调研等。",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fixes() {
        assert_fix(R, "学习。。。", "学习……");
        assert_fix(R, "学习...", "学习……");
        assert_fix(R, "油菜……等。", "油菜等。");
    }
}
