use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::rules::is_han;
use crate::rules::punctuation::is_zh_numeral;
use crate::segment::{Segmenter, Word};
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
    /// Speed: most pairs are decided without segmenting, or by segmenting
    /// part of the clause, where that provably gives the same verdict
    /// (`verdicts`; tests compare both ways on the corpus and random text).
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
    for v in verdicts(text, doc.segmenter(), true) {
        if !v.accidental {
            continue;
        }
        let c = v.c;
        sink.report(
            p.start + v.start,
            p.start + v.end,
            format!("“{c}{c}”中的“{c}”字重复，疑为多打一个字；如确属原文请忽略"),
        )
        .fix(
            p.start + v.start,
            p.start + v.end,
            c.to_string(),
            Applicability::Review,
        );
    }
}

/// The verdict on one doubled character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Verdict {
    /// Byte range of the two characters.
    start: usize,
    end: usize,
    c: char,
    accidental: bool,
    /// Decided by `provably_quiet`, without segmenting.
    proved: bool,
}

/// The verdicts on the doubled characters of `text`. With `shortcuts`, a
/// pair is decided without segmenting when `provably_quiet` says so, and a
/// clause is segmented only from the last boundary before the pair that no
/// dictionary word spans: the same verdicts as segmenting every clause
/// whole (`shortcuts: false`; see the tests), with a fraction of the
/// dictionary lookups, each a likely cache miss in a 50 MB dictionary.
fn verdicts(text: &str, seg: &Segmenter, shortcuts: bool) -> Vec<Verdict> {
    let mut out = Vec::new();
    // The segmentation of the last clause (its start, the words), for a
    // second pair in it (兢兢业业).
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
        // A clause that continues a number or a Latin word (2020年|年底, 近3年|年均).
        // (Asked only for a pair at the clause's start: a Unicode table lookup.)
        let glued = || {
            text[..clause_start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        };
        let mut verdict = Verdict {
            start: b,
            end: after,
            c,
            accidental: false,
            proved: true,
        };
        if shortcuts
            && provably_quiet(
                seg,
                &text[clause_start..clause_end],
                b - clause_start,
                c,
                &glued,
            )
        {
            out.push(verdict);
            continue;
        }
        if last.as_ref().is_none_or(|l| l.0 != clause_start) {
            let from = if shortcuts {
                left_cut(seg, &text[clause_start..b], c)
            } else {
                0
            };
            let words = seg
                .cut(&text[clause_start + from..clause_end])
                .into_iter()
                .map(|w| Word {
                    start: w.start + from,
                    end: w.end + from,
                    ..w
                })
                .collect();
            last = Some((clause_start, words));
        }
        let words = &last.as_ref().expect("segmented").1;
        let clause = &text[clause_start..clause_end];
        verdict.accidental =
            is_accidental(words, clause, b - clause_start, at - clause_start, &glued);
        verdict.proved = false;
        out.push(verdict);
    }
    out
}

/// Whether `is_accidental` is bound to say no for the pair of `c` at byte
/// `first` of `clause`, whatever the segmentation. It says yes only when
/// (1) both characters are single words, (2) the first is a single word at
/// the clause's start (not `glued`) and the second starts a longer word, or
/// (3) the second is a single word at the clause's end and the first ends a
/// longer word. (1) is ruled out by `Segmenter::reduplication_wins`
/// (segmenting keeps `cc` whole rather than `c|c`); (2) and (3) by the pair
/// being elsewhere in the clause, or by no dictionary word holding the
/// characters the longer word would need (`Segmenter::may_join`).
fn provably_quiet(
    seg: &Segmenter,
    clause: &str,
    first: usize,
    c: char,
    glued: &dyn Fn() -> bool,
) -> bool {
    if !seg.reduplication_wins(c) {
        return false;
    }
    let before = clause[..first].chars().next_back();
    let next = clause[first + 2 * c.len_utf8()..].chars().next();
    let not_2 = before.is_some() || glued() || next.is_none_or(|y| !seg.may_join(c, y));
    let not_3 = next.is_some() || before.is_none_or(|x| !seg.may_join(x, c));
    not_2 && not_3
}

/// Where in `head` (a clause up to a pair of `c`) segmenting may start: the
/// last boundary no dictionary word spans (`Segmenter::may_join`). From
/// there on, segmenting the rest of the clause gives the same words as
/// segmenting all of it: every route through the clause passes that
/// boundary, and jieba computes the best route from each position from the
/// characters after it only, so not one float differs. (A right end cut
/// the same way would change the sums the route compares, so the clause is
/// always segmented to its end.)
fn left_cut(seg: &Segmenter, head: &str, c: char) -> usize {
    let mut from = head.len();
    let mut next = c;
    for (q, x) in head.char_indices().rev() {
        if !seg.may_join(x, next) {
            break;
        }
        from = q;
        next = x;
    }
    from
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
    glued: &dyn Fn() -> bool,
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
        (true, false) => a.start == 0 && !glued(),
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

    /// Compares the verdicts with and without `shortcuts` on `text`, and
    /// the words of every clause segmented from its `left_cut` with those
    /// of the whole clause; returns (pairs, pairs proved, characters not
    /// segmented thanks to a left cut, pairs found accidental).
    fn same_with_shortcuts(text: &str) -> (usize, usize, usize, usize) {
        use super::{left_cut, verdicts};
        use crate::segment::Segmenter;
        let seg = Segmenter;
        let fast = verdicts(text, &seg, true);
        let slow = verdicts(text, &seg, false);
        let key = |v: &super::Verdict| (v.start, v.end, v.c, v.accidental);
        assert_eq!(
            fast.iter().map(key).collect::<Vec<_>>(),
            slow.iter().map(key).collect::<Vec<_>>(),
            "{text}"
        );
        let mut saved = 0;
        for v in &slow {
            let start = text[..v.start]
                .char_indices()
                .rev()
                .take_while(|&(_, d)| crate::rules::is_han(d))
                .last()
                .map_or(v.start, |(q, _)| q);
            let end = text[v.end..]
                .char_indices()
                .find(|&(_, d)| !crate::rules::is_han(d))
                .map_or(text.len(), |(q, _)| v.end + q);
            let from = start + left_cut(&seg, &text[start..v.start], v.c);
            let whole: Vec<_> = seg
                .cut(&text[start..end])
                .into_iter()
                .map(|w| (w.word, w.start + start))
                .filter(|&(_, b)| b >= from)
                .collect();
            let part: Vec<_> = seg
                .cut(&text[from..end])
                .into_iter()
                .map(|w| (w.word, w.start + from))
                .collect();
            assert_eq!(whole, part, "{}", &text[start..end]);
            saved += text[start..from].chars().count();
        }
        let fired = slow.iter().filter(|v| v.accidental).count();
        (
            slow.len(),
            fast.iter().filter(|v| v.proved).count(),
            saved,
            fired,
        )
    }

    #[test]
    fn shortcuts_change_no_verdict_on_the_corpus() {
        let Some(shared) = crate::testing::shared_corpus() else {
            return;
        };
        let (mut pairs, mut proved, mut saved, mut fired) = (0, 0, 0, 0);
        for dir in ["clean", "drafts", "sentences"] {
            for f in std::fs::read_dir(shared.join(dir)).unwrap() {
                let Ok(text) = std::fs::read_to_string(f.unwrap().path()) else {
                    continue;
                };
                for line in text.lines() {
                    let (n, p, s, a) = same_with_shortcuts(line);
                    pairs += n;
                    fired += a;
                    proved += p;
                    saved += s;
                }
            }
        }
        // Both shortcuts are taken often enough for this test to mean
        // something (the corpus has no slip: `fired` is 0; the made-up
        // texts below have some).
        let _ = fired;
        assert!(
            pairs > 500 && proved > pairs / 5 && saved > 1000,
            "{pairs} {proved} {saved} {fired}"
        );
    }

    #[test]
    fn shortcuts_change_no_verdict_on_made_up_text() {
        let (mut proved, mut fired) = (0, 0);
        for t in [
            "人人",
            "人人，紧紧",
            "1人人享有",
            "县县本级",
            "紧紧把握住这一点",
            "机构实现县县全覆盖",
            "我们的的工作",
            "大大",
            "进一步加强工程场地地震",
            "做好各项工作作。",
            "人人人",
        ] {
            let (_, p, _, a) = same_with_shortcuts(t);
            proved += p;
            fired += a;
        }
        assert!(proved >= 3 && fired >= 3, "{proved} {fired}");
    }

    proptest::proptest! {
        #[test]
        fn shortcuts_change_no_verdict_on_any_text(
            s in proptest::collection::vec(
                proptest::sample::select("人人民主紧紧牢把握大家户村县本级通常天层实现代化高技术国际我的工作作风，1a“”".chars().collect::<Vec<_>>()),
                0..24,
            ),
        ) {
            let s: String = s.into_iter().collect();
            same_with_shortcuts(&s);
        }
    }

    #[test]
    fn fix_removes_the_extra_character() {
        assert_fix(R, "《县县本级细则》", "《县本级细则》");
    }
}
