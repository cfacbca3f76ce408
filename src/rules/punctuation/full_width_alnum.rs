use super::chars_of;
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds full-width digits and Latin letters: `２０２４年`, `ＧＤＰ`,
    /// `３．５亿元`; and the full-width digit zero standing for 〇 inside a
    /// Chinese numeral: `二００一年`.
    ///
    /// Standard: GB/T 15835-2011 §4.1 and its examples write Arabic numerals
    /// (and the Latin letters of units and abbreviations) in half-width form;
    /// full-width ones are an input-method accident and break search and
    /// sorting. §4.2 writes the Chinese numeral zero as 〇.
    ///
    /// A run of full-width characters (with a full-width `．` between digits)
    /// is one finding.
    ///
    /// Fix (safe): the half-width characters; `０` between Chinese numerals
    /// becomes `〇` (`二００一年` → `二〇〇一年`).
    pub static FULL_WIDTH_ALNUM = {
        id: "punctuation/full-width-alnum",
        category: Punctuation,
        severity: Warning,
        title: "全角数字或字母",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn is_fw_alnum(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

fn to_half(c: char) -> char {
    if is_fw_alnum(c) || c == '．' {
        char::from_u32(c as u32 - 0xFEE0).expect("full-width ASCII")
    } else {
        c
    }
}

/// Chinese numerals that a full-width ０ can stand between (二００一, 二０一０).
fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
    )
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if text.is_ascii() {
        return;
    }
    let chars = chars_of(text);
    let byte = |i: usize| p.start + chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        if !is_fw_alnum(chars[i].1) {
            i += 1;
            continue;
        }
        // A Chinese numeral written with full-width zeros: 二００一.
        if chars[i].1 == '０' {
            let mut lo = i;
            while lo > 0 && (is_cn_digit(chars[lo - 1].1) || chars[lo - 1].1 == '０') {
                lo -= 1;
            }
            let mut hi = i;
            while hi < chars.len() && (is_cn_digit(chars[hi].1) || chars[hi].1 == '０') {
                hi += 1;
            }
            if chars[lo..hi].iter().any(|&(_, c)| is_cn_digit(c)) {
                let (start, end) = (byte(lo), byte(hi));
                let fixed: String = chars[lo..hi]
                    .iter()
                    .map(|&(_, c)| if c == '０' { '〇' } else { c })
                    .collect();
                sink.report(
                    start,
                    end,
                    format!("汉字数字里的零应写作“〇”，不用全角数字“０”：改为“{fixed}”"),
                )
                .fix(start, end, fixed, Applicability::Safe);
                i = hi;
                continue;
            }
        }
        let mut j = i + 1;
        while j < chars.len()
            && (is_fw_alnum(chars[j].1)
                || (chars[j].1 == '．'
                    && chars
                        .get(j + 1)
                        .is_some_and(|&(_, c)| c.is_ascii_digit() || is_fw_alnum(c))))
        {
            j += 1;
        }
        // ＸＸ万元 is an unfilled slot: the placeholder rules report it.
        if chars[i..j].iter().all(|&(_, c)| matches!(c, 'Ｘ' | 'ｘ')) {
            i = j;
            continue;
        }
        let (start, end) = (byte(i), byte(j));
        let fixed: String = chars[i..j].iter().map(|&(_, c)| to_half(c)).collect();
        sink.report(start, end, format!("数字和字母应使用半角：改为“{fixed}”"))
            .fix(start, end, fixed, Applicability::Safe);
        i = j;
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.ranges([('０', '９'), ('Ａ', 'Ｚ'), ('ａ', 'ｚ')]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/full-width-alnum";

    #[test]
    fn fires_on_full_width_characters() {
        assert_fires(R, "⟦２０２４⟧年");
        assert_fires(R, "⟦ＧＤＰ⟧增长");
        assert_fires(R, "投资⟦３．５⟧亿元");
        assert_fires(R, "实习满⟦１⟧年");
        assert_fires(R, "到⟦二０一０⟧年");
    }

    #[test]
    fn quiet_on_half_width_and_chinese_numerals() {
        for t in [
            "2024年",
            "GDP增长",
            "二〇二四年",
            "二○○四年",
            "ＸＸ万元",
            "第ｘ次",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fixes() {
        assert_fix(R, "２０２４年ＧＤＰ", "2024年GDP");
        assert_fix(R, "投资３．５亿元", "投资3.5亿元");
        assert_fix(R, "二００一年", "二〇〇一年");
        assert_fix(R, "到二０一０年、二０二０年", "到二〇一〇年、二〇二〇年");
    }
}
