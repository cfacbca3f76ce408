use super::{char_before, chinese, inside_quotes, is_arabic_part};
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use regex::Regex;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds Arabic digits in the names of Party and state congresses, plenums,
    /// five-year plans and numbered slogans: `党的20大`, `14届全国人大2次会议`,
    /// `二十届3中全会`, `14五规划`, `2个确立`.
    ///
    /// Why: GB/T 15835-2011 §4.3 (as we read it): where solemnity matters,
    /// Chinese numerals are used, with the example 第十二届全国人民代表大会第一次会议
    /// (not 第12届…第1次会议); these names are fixed formulations (规范提法).
    ///
    /// Quiet on the correct forms (`党的二十大`, `十四届全国人大二次会议`,
    /// `“十四五”规划`, `“两个确立”`) and on ordinary counts (`20个项目`,
    /// `第5届进博会`, `2次会议纪要` without a congress before it).
    ///
    /// Fix (review): the Chinese numerals (`2个确立` → `“两个确立”`, quoted when
    /// it was not).
    pub static FORMAL_NAME_NUMERAL = {
        id: "number/formal-name-numeral",
        category: Number,
        severity: Warning,
        title: "正式名称中的数字",
        check: Paragraph(check),
        triggers: triggers,
    };
}

/// One alternative per kind of name; the digits are always group 1 (or the
/// named group `d`).
static NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"党的(?P<a>[0-9]{1,2})大",
        r"|(?P<b>[0-9]{1,2})届(?:全国人大|全国人民代表大会|全国政协|中央|中共中央|中央委员会|中央纪委|省委|市委|县委|区委|州委|人大|政协|纪委|[0-9一二三四五六七八九十]{1,2}中全会|[0-9一二三四五六七八九十]{1,3}次)",
        r"|(?P<c>[0-9]{1,2})中全会",
        r"|(?:届|全国人大|人民代表大会|政协)第?(?P<d>[0-9]{1,2})次(?:全体)?会议",
        r"|(?P<e>1[0-9])五(?:规划|计划|时期|期间|末|初|开局|以来|”)",
        r"|(?P<f>[0-9])个(?:确立|维护|意识|自信|全面|代表|务必|一百年|毫不动摇|结合|大局|伟大)",
    ))
    .unwrap()
});

/// Could `NAMES` match in `text`? Every alternative has an ASCII digit
/// followed by 大, 届, 中, 五 or 个, or by 次 after 届, 人大, 人民代表大会 or
/// 政协 (and 第). Checked by hand first so that a text without one never
/// builds the regex (start-up cost, issue 9); the regex still decides.
fn may_match(text: &str) -> bool {
    let b = text.as_bytes();
    text.char_indices().any(|(i, c)| {
        if !c.is_ascii_digit() {
            return false;
        }
        match text[i + 1..].chars().next() {
            Some('大' | '届' | '中' | '五' | '个') => true,
            Some('次') => {
                let mut s = i;
                while s > 0 && b[s - 1].is_ascii_digit() {
                    s -= 1;
                }
                let before = &text[..s];
                let before = before.strip_suffix('第').unwrap_or(before);
                ["届", "人大", "人民代表大会", "政协"]
                    .iter()
                    .any(|w| before.ends_with(w))
            }
            _ => false,
        }
    })
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if !may_match(text) {
        return;
    }
    let mut at = 0;
    while let Some(c) = NAMES.captures_at(text, at) {
        let whole = c.get(0).unwrap();
        at = whole.start() + 1;
        while !text.is_char_boundary(at) {
            at += 1;
        }
        let (kind, m) = ["a", "b", "c", "d", "e", "f"]
            .iter()
            .find_map(|k| c.name(k).map(|m| (*k, m)))
            .unwrap();
        if char_before(text, m.start())
            .is_some_and(|b| is_arabic_part(b) || b.is_ascii_alphabetic())
        {
            continue;
        }
        let n: u32 = m.as_str().parse().unwrap();
        let numeral = chinese(n, kind == "f");
        let (start, end) = (p.start + m.start(), p.start + m.end());
        if kind == "f" {
            // 2个确立 → “两个确立”: the slogan, quoted.
            let name_end = whole.end();
            let slogan = format!("{numeral}{}", &text[m.end()..name_end]);
            let quoted = inside_quotes(text, m.start());
            let replacement = if quoted {
                slogan.clone()
            } else {
                format!("“{slogan}”")
            };
            sink.report(
                start,
                p.start + name_end,
                format!("规范提法用汉字数字并加引号：应写作“{slogan}”"),
            )
            .fix(
                start,
                p.start + name_end,
                replacement,
                Applicability::Review,
            );
        } else {
            sink.report(
                start,
                end,
                format!(
                    "会议、规划等正式名称用汉字数字：“{}”应写作“{numeral}”",
                    m.as_str()
                ),
            )
            .fix(start, end, numeral, Applicability::Review);
        }
        at = at.max(end - p.start);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    use crate::registry::any;
    // Every branch of NAMES has an Arabic digit and one of these.
    t.when([any("0123456789"), any("大届中次五个")]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};

    proptest::proptest! {
        /// The hand pre-check never hides a match of the regex.
        #[test]
        fn pre_check_is_necessary(s in "(党的|届|全国人大|人民代表大会|政协|第|[0-9]|1|五|规划|大|中全会|次|个|确立|会议|全体|十|中央)*") {
            proptest::prop_assert!(!super::NAMES.is_match(&s) || super::may_match(&s));
        }
    }
    const R: &str = "number/formal-name-numeral";

    #[test]
    fn fires_on_digits_in_formal_names() {
        assert_fires(R, "学习贯彻党的⟦20⟧大精神");
        assert_fires(R, "⟦14⟧届全国人大⟦2⟧次会议");
        assert_fires(R, "党的二十届⟦3⟧中全会");
        assert_fires(R, "⟦20⟧届⟦3⟧中全会");
        assert_fires(R, "编制⟦14⟧五规划");
        assert_fires(R, "深刻领悟⟦2个确立⟧的决定性意义");
        assert_fires(R, "增强“⟦4个意识⟧”");
    }

    #[test]
    fn quiet_on_chinese_numerals_and_counts() {
        for t in [
            "党的二十大",
            "十四届全国人大二次会议",
            "二十届三中全会",
            "“十四五”规划",
            "“两个确立”",
            "新建20个项目",
            "第5届中国国际进口博览会",
            "召开2次会议",
            "2024五一假期",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_writes_chinese_numerals() {
        assert_fix(R, "党的20大", "党的二十大");
        assert_fix(R, "14届全国人大2次会议", "十四届全国人大二次会议");
        assert_fix(R, "14五规划", "十四五规划");
        assert_fix(R, "领悟2个确立的", "领悟“两个确立”的");
        assert_fix(R, "增强“4个意识”", "增强“四个意识”");
    }
}
