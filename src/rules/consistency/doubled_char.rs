use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::rules::is_han;
use crate::rules::punctuation::is_zh_numeral;
use crate::segment::Word;
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
    // The segmentation of the last clause, for a second pair in it (兢兢业业).
    let mut last: Option<(usize, Vec<Word<'_>>)> = None;
    for (b, at) in pairs(text) {
        let after = at + (at - b);
        let c = text[at..].chars().next().expect("a character");
        // Numerals double on purpose (十五五, 二0一一).
        if !is_han(c) || is_zh_numeral(c) {
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
        if last.as_ref().is_none_or(|l| l.0 != clause_start) {
            last = Some((clause_start, doc.segmenter().cut(clause)));
        }
        let words = &last.as_ref().expect("segmented").1;
        if is_accidental(words, clause, first, second, glued) {
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

/// The byte offsets `(first, second)` of each character of three or four
/// bytes that `text` holds twice in a row, outside “…” (slogans in quotes,
/// “八八战略”“周周有活动”, double on purpose) and not in a run of three or
/// more (三百六十行行行), in order.
///
/// Nothing is decoded: a pair is the same bytes twice, and three-byte
/// characters (nearly all) are walked in a loop of their own whose step does
/// not wait for the byte just read (see `rules::char_starts`). Whether a
/// pair is inside quotes is worked out only for pairs, from the quotation
/// marks since the previous pair (up to the pair's end, as the walk this
/// replaced did: `pairs_are_those_of_decoding_*`). Pairs never overlap: a
/// pair sharing a character with the next is a run of three.
fn pairs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Quotation marks before `quotes_read` are taken into `in_quote`.
    let (mut in_quote, mut quotes_read) = (false, 0);
    let mut pair = |at: usize, len: usize| {
        let (b, after) = (at - len, at + len);
        // A run of three or more: the character before or after is the same.
        // (Equal bytes before `b` start with a first byte, so they are the
        // character before.)
        if (b >= len && bytes[b - len..b] == bytes[at..after])
            || bytes.get(after..after + len) == Some(&bytes[at..after])
        {
            return;
        }
        // “ and ” are E2 80 9C and E2 80 9D (E2 is only ever a first byte).
        for q in memchr::memchr_iter(0xe2, &bytes[quotes_read..after]) {
            let q = quotes_read + q;
            if bytes[q + 1] == 0x80 {
                match bytes[q + 2] {
                    0x9c => in_quote = true,
                    0x9d => in_quote = false,
                    _ => {}
                }
            }
        }
        quotes_read = after;
        if !in_quote {
            out.push((b, at));
        }
    };
    let mut at = 0;
    // The length of the character before `at` (0: none).
    let mut prev_len = 0;
    loop {
        while let Some(&x) = bytes.get(at) {
            if x & 0xf0 != 0xe0 {
                break;
            }
            // Last bytes first.
            if prev_len == 3
                && bytes[at - 1] == bytes[at + 2]
                && bytes[at - 3..at] == bytes[at..at + 3]
            {
                pair(at, 3);
            }
            prev_len = 3;
            at += 3;
        }
        let Some(&x) = bytes.get(at) else {
            break;
        };
        let len = crate::rules::char_len(x);
        if len == 4 && prev_len == 4 && bytes[at - 4..at] == bytes[at..at + 4] {
            pair(at, 4);
        }
        prev_len = len;
        at += len;
    }
    out
}

/// Decides from the segmentation of `clause` whether the characters at byte
/// offsets `first` and `second` (the same character twice) are a slip.
fn is_accidental(
    words: &[Word<'_>],
    clause: &str,
    first: usize,
    second: usize,
    glued: bool,
) -> bool {
    let word_at = |b: usize| words.iter().find(|w| w.start <= b && b < w.end);
    let (Some(a), Some(z)) = (word_at(first), word_at(second)) else {
        return false;
    };
    let single = |w: &Word| w.word.chars().count() == 1;
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

    /// The walk `pairs` replaced: every character decoded, the quotes
    /// followed character by character.
    fn pairs_by_decoding(text: &str) -> Vec<(usize, usize)> {
        let cs: Vec<(usize, char)> = text.char_indices().collect();
        let mut in_quote = false;
        let mut out = Vec::new();
        for k in 0..cs.len() {
            let (at, c) = cs[k];
            match c {
                '“' => in_quote = true,
                '”' => in_quote = false,
                _ => {}
            }
            let same = |j: usize| cs.get(j).is_some_and(|&(_, d)| d == c);
            if c.len_utf8() >= 3
                && k >= 1
                && same(k - 1)
                && !in_quote
                && !(k >= 2 && same(k - 2))
                && !same(k + 1)
            {
                out.push((cs[k - 1].0, at));
            }
        }
        out
    }

    #[test]
    fn pairs_are_those_of_decoding_on_the_corpus() {
        let Some(shared) = crate::testing::shared_corpus() else {
            return;
        };
        let mut found = 0;
        for dir in ["clean", "drafts", "sentences"] {
            for f in std::fs::read_dir(shared.join(dir)).unwrap() {
                let Ok(text) = std::fs::read_to_string(f.unwrap().path()) else {
                    continue;
                };
                for line in text.lines() {
                    let want = pairs_by_decoding(line);
                    found += want.len();
                    assert_eq!(super::pairs(line), want, "{line}");
                }
            }
        }
        assert!(found > 100, "{found}");
    }

    proptest::proptest! {
        #[test]
        fn pairs_are_those_of_decoding_on_any_text(
            s in proptest::collection::vec(
                proptest::sample::select("县县县的“”“”，。a1é\u{20000}\u{20000}\u{20001}行五".chars().collect::<Vec<_>>()),
                0..30,
            ),
        ) {
            let s: String = s.into_iter().collect();
            proptest::prop_assert_eq!(super::pairs(&s), pairs_by_decoding(&s));
        }
    }

    #[test]
    fn fix_removes_the_extra_character() {
        assert_fix(R, "《县县本级细则》", "《县本级细则》");
    }
}
