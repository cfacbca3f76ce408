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
    let bytes = text.as_bytes();
    // Byte offsets of the characters two and one before the current one
    // (`usize::MAX`: none), and the latter's length. The text is walked by
    // lead bytes: a pair is the same bytes twice, and only a pair of Han
    // characters (three or four bytes each) is decoded.
    let (mut two_before, mut one_before, mut prev_len) = (usize::MAX, usize::MAX, 0);
    // Inside “…”: slogans in quotes (“八八战略”“周周有活动”) double on purpose.
    let mut in_quote = false;
    let mut at = 0;
    while let Some(&x) = bytes.get(at) {
        // Length of a character by its first byte's high nibble.
        const LEN: [u8; 16] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4];
        let len = usize::from(LEN[usize::from(x >> 4)]);
        // “ and ” are E2 80 9C and E2 80 9D.
        if x == 0xe2 && bytes.get(at + 1) == Some(&0x80) {
            match bytes.get(at + 2) {
                Some(0x9c) => in_quote = true,
                Some(0x9d) => in_quote = false,
                _ => {}
            }
        }
        let (b, earlier) = (one_before, two_before);
        (two_before, one_before) = (one_before, at);
        let doubled = len >= 3
            && len == prev_len
            // Last bytes first (the previous character ends at `at`).
            && bytes[at - 1] == bytes[at + len - 1]
            && bytes[b..at] == bytes[at..at + len];
        prev_len = len;
        at += len;
        if !doubled {
            continue;
        }
        let (at, after) = (at - len, at);
        let c = text[at..].chars().next().expect("a character");
        // Numerals double on purpose (十五五, 二0一一); so does a run of three
        // or more (三百六十行行行).
        if in_quote
            || !is_han(c)
            || is_zh_numeral(c)
            || (earlier != usize::MAX && bytes[earlier..b] == bytes[at..after])
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
