use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds ○/〇 slots left in a draft: `○○县`, `〇〇同志`, `○○○万元`.
    ///
    /// Why: templates mark names and figures to fill with circles; one that
    /// is left reads as a broken name in the final document.
    ///
    /// Stays quiet on the zero of a Chinese numeral (`二〇二四年`, `二○○四年`,
    /// `一〇〇`): a circle next to a Chinese digit is a zero. A single circle
    /// at the start of a paragraph is a bullet (`○ 加强学习`).
    ///
    /// No fix: only the writer knows the missing name.
    pub static CIRCLE_SLOT = {
        id: "placeholder/circle-slot",
        category: Placeholder,
        severity: Warning,
        title: "未填写的○占位符",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn is_circle(c: char) -> bool {
    matches!(c, '○' | '〇' | '◯')
}

fn is_chinese_digit(c: char) -> bool {
    "零一二三四五六七八九十".contains(c)
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    let chars = crate::rules::punctuation::chars_of(text);
    let mut i = 0;
    while i < chars.len() {
        if !is_circle(chars[i].1) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_circle(chars[j].1) {
            j += 1;
        }
        let prev = i.checked_sub(1).map(|k| chars[k].1);
        let next = chars.get(j).map(|&(_, c)| c);
        let numeral = prev.is_some_and(is_chinese_digit)
            || next.is_some_and(|c| c != '十' && is_chinese_digit(c));
        // 〇〇年 after a Chinese digit run is a year; a lone bullet opens a paragraph.
        let bullet = i == 0 && j - i == 1;
        if !numeral && !bullet {
            let (start, end) = (chars[i].0, chars.get(j).map_or(text.len(), |&(b, _)| b));
            let run = &text[start..end];
            sink.report(
                p.start + start,
                p.start + end,
                format!("“{run}”是未填写的占位符，请填入实际名称或数字"),
            );
        }
        i = j;
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("○〇◯");
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "placeholder/circle-slot";

    #[test]
    fn fires_on_circle_slots() {
        assert_fires(R, "⟦○○⟧县人民政府");
        assert_fires(R, "⟦〇〇⟧同志：");
        assert_fires(R, "投入⟦○○○⟧万元，涉及⟦○⟧个乡镇");
    }

    #[test]
    fn quiet_on_zeros_and_bullets() {
        assert_quiet(R, "二〇二四年三月五日");
        assert_quiet(R, "（二○○四年六月十六日国务院第55次常务会议通过）");
        assert_quiet(R, "到二〇三五年基本实现");
        assert_quiet(R, "一〇〇个村");
        assert_quiet(R, "○加强学习");
    }
}
