use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::rules::is_han;
use crate::rules::punctuation::is_zh_numeral;
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds a character typed twice by accident: `县县本级`, `的的`, `工作作`.
    ///
    /// Why: doubled characters survive spell checkers and proofreading by eye,
    /// and are typical of edits made in a hurry.
    ///
    /// Guard: the sentence is segmented with jieba-rs (dictionary only). The
    /// pair is fine when it is one common word (层层, 常常, 人人, 家家户户, 谈谈,
    /// 县县通; a two-character word needs a dictionary frequency of 100, which
    /// drops noise entries such as 县县)
    /// or when each character belongs to a different word of two or more
    /// characters (本县|县委, 工作|作风). It fires when one of the two stands
    /// alone.
    ///
    /// Limitation: jieba's dictionary lists some pairs as words (县县, 乡乡, 村村,
    /// meaning "every county"), so 县县农业农村局 passes; 县县本级 is caught
    /// because 县本级 is in `data/extra_words.txt`.
    ///
    /// Fix (review): delete one of the two characters.
    pub static DOUBLED_CHAR = {
        id: "consistency/doubled-char",
        category: Consistency,
        severity: Warning,
        title: "重复的字",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    // The characters two and one before the current one (with the offset of
    // the latter): a pair is the previous character and the current one.
    let (mut before, mut prev) = (None::<char>, None::<(usize, char)>);
    // Inside “…”: slogans in quotes (“八八战略”“周周有活动”) double on purpose.
    let mut in_quote = false;
    for (at, c) in text.char_indices() {
        match c {
            '“' => in_quote = true,
            '”' => in_quote = false,
            _ => {}
        }
        let pair = prev.filter(|&(_, d)| d == c).map(|(b, _)| b);
        let earlier = before;
        before = prev.map(|(_, d)| d);
        prev = Some((at, c));
        let Some(b) = pair else {
            continue;
        };
        let after = at + c.len_utf8();
        // Numerals double on purpose (十五五, 二0一一); so does a run of three
        // or more (三百六十行行行).
        if in_quote
            || !is_han(c)
            || is_zh_numeral(c)
            || earlier == Some(c)
            || text[after..].starts_with(c)
        {
            continue;
        }
        // The run of Han characters around the pair is what we segment.
        let head = &text[..b];
        let clause_start = head
            .char_indices()
            .rev()
            .take_while(|&(_, d)| is_han(d))
            .last()
            .map_or(b, |(q, _)| q);
        let clause_end = text[after..]
            .char_indices()
            .find(|&(_, d)| !is_han(d))
            .map_or(text.len(), |(q, _)| after + q);
        let clause = &text[clause_start..clause_end];
        let first = b - clause_start;
        let second = at - clause_start;
        // A clause that continues a number or a Latin word (2020年|年底, 近3年|年均).
        let glued = text[..clause_start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if is_accidental(doc, clause, first, second, glued) {
            sink.report(
                p.start + b,
                p.start + after,
                format!("“{c}{c}”中的“{c}”字重复，疑为多打一个字；如确属原文请忽略"),
            )
            .fix(
                p.start + b,
                p.start + after,
                c.to_string(),
                Applicability::Review,
            );
        }
    }
}

/// Decides from the segmentation of `clause` whether the characters at byte
/// offsets `first` and `second` (the same character twice) are a slip.
fn is_accidental(doc: &Document, clause: &str, first: usize, second: usize, glued: bool) -> bool {
    let words = doc.segmenter().cut(clause);
    let word_at = |b: usize| words.iter().find(|w| w.start <= b && b < w.end);
    let (Some(a), Some(z)) = (word_at(first), word_at(second)) else {
        return false;
    };
    let single = |w: &crate::segment::Word| w.word.chars().count() == 1;
    match (single(a), single(z)) {
        // One dictionary word (层层, 人人, 县县通) or two words meeting (工作|作风).
        _ if a == z => false,
        (false, false) => false,
        // 县|县|本级, 的|的.
        (true, true) => true,
        // 《县|县本级: the first one stands alone at the start of a clause. After
        // another character it more likely ends a name (河南村|村民, 辽阳镇|镇长).
        (true, false) => a.start == 0 && !glued,
        // 工作|作。: the second one stands alone at the end of a clause. Followed
        // by more characters it more likely starts a word jieba does not know
        // (安全|全|链条).
        (false, true) => z.end == clause.len(),
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    use crate::registry::{bmp_ranges, Cond};
    // A Han character, not a numeral, twice in a row.
    let mut han = bmp_ranges(|c| is_han(c) && !is_zh_numeral(c));
    han.extend([('\u{20000}', '\u{2ebef}'), ('\u{30000}', '\u{3134f}')]);
    t.when([Cond::Doubled(han)]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "consistency/doubled-char";

    #[test]
    fn fires_on_doubled_characters() {
        assert_fires(R, "出台《⟦县县⟧本级重大经济事项决策规定实施细则》");
        assert_fires(R, "我们⟦的的⟧工作");
        assert_fires(R, "做好各项工⟦作作⟧。");
    }

    #[test]
    fn quiet_on_reduplicated_words() {
        for t in [
            "层层压实责任",
            "常常深入基层",
            "人人参与",
            "天天坚持",
            "家家户户",
            "找他谈谈",
            "实现县县通",
            "本县县委",
            "改进工作作风",
            "压紧压实",
            "河南村村民委员会",
            "辽阳镇镇长",
            "食品安全全链条监管",
            "“十五五”时期",
            "实施“八八战略”",
            "实现“周周有活动”",
            "机构实现县县全覆盖",
            "二0一一年",
            "2020年年底前",
            "近3年年均增速",
            "三百六十行行行出状元",
            "三百六十行行行人才辈出",
            "确保件件整改，项项落实",
            "不了了之",
            "研究研究再定",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_removes_the_extra_character() {
        assert_fix(R, "《县县本级细则》", "《县本级细则》");
    }
}
