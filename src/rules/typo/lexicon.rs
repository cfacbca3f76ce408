use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::rules::is_han;
use crate::sink::Sink;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds common misspellings of 公文 from the lexicon `data/typos.tsv`:
    /// `安排布署` (部署), `再接再励` (再接再厉), `一如继往` (一如既往), `检查院`
    /// (检察院), `前题` (前提), `自已` (自己), `蹄急步稳` (蹄疾步稳)…
    ///
    /// Why: these slip past proofreading by eye because the wrong character
    /// sounds or looks like the right one; each entry is a general, well-known
    /// error, not tuned to a test set.
    ///
    /// Guards, per entry: phrases in which the string is correct (`不能自已`,
    /// `供给与`), and a context in the sentence (`既使……又` is correct, so
    /// `既使` stays quiet when 又 follows; `即要` is reported only when `又要`
    /// follows). Every match must also begin and end on word boundaries
    /// (jieba-rs, dictionary only), so `自己经常` is not read as `己经` and
    /// `检查院内` not as `检查院`.
    ///
    /// Fix (review): the correction from the table.
    pub static LEXICON = {
        id: "typo/lexicon",
        category: Typo,
        severity: Warning,
        title: "常见错别字",
        check: Paragraph(check),
        triggers: triggers,
    };
}

pub(crate) const TABLE: &str = include_str!("../../../data/typos.tsv");

pub(crate) struct Entry {
    pub wrong: &'static str,
    pub right: &'static str,
    pub guards: Vec<&'static str>,
    pub needs_after: Vec<&'static str>,
    pub quiet_after: Vec<&'static str>,
}

pub(crate) struct Lexicon {
    pub entries: Vec<Entry>,
    matcher: AhoCorasick,
}

fn list(s: Option<&'static str>) -> Vec<&'static str> {
    s.map(|s| s.split('|').filter(|x| !x.is_empty()).collect())
        .unwrap_or_default()
}

pub(crate) static LEXICON_TABLE: LazyLock<Lexicon> = LazyLock::new(|| {
    let entries: Vec<Entry> = TABLE
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut f = l.split('\t');
            Entry {
                wrong: f.next().unwrap(),
                right: f.next().expect("typos.tsv: a line without a correction"),
                guards: list(f.next()),
                needs_after: list(f.next()),
                quiet_after: list(f.next()),
            }
        })
        .collect();
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(entries.iter().map(|e| e.wrong))
        .unwrap();
    Lexicon { entries, matcher }
});

/// The rest of the sentence after byte `i` of `text`.
fn rest_of_sentence(text: &str, i: usize) -> &str {
    let rest = &text[i..];
    let end = rest.find(['。', '！', '？', '；']).unwrap_or(rest.len());
    &rest[..end]
}

/// Does `text[start..end]` begin and end on word boundaries of the run of Han
/// characters around it?
pub(crate) fn on_word_boundaries(doc: &Document, text: &str, start: usize, end: usize) -> bool {
    let lo = text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .last()
        .map_or(start, |(b, _)| b);
    let hi = end
        + text[end..]
            .char_indices()
            .find(|&(_, c)| !is_han(c))
            .map_or(text.len() - end, |(b, _)| b);
    if lo == start && hi == end {
        return true;
    }
    let words = doc.segmenter().cut(&text[lo..hi]);
    let (s, e) = (start - lo, end - lo);
    words.iter().any(|w| w.start == s) && words.iter().any(|w| w.end == e)
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let lex = &*LEXICON_TABLE;
    let text = doc.para_text(p);
    for m in lex.matcher.find_iter(text) {
        let e = &lex.entries[m.pattern().as_usize()];
        let guarded = crate::rules::inside_guard(text, m.start(), e.wrong, &e.guards);
        if guarded {
            continue;
        }
        let after = rest_of_sentence(text, m.end());
        if (!e.needs_after.is_empty() && !e.needs_after.iter().any(|x| after.contains(x)))
            || e.quiet_after.iter().any(|x| after.contains(x))
        {
            continue;
        }
        if !on_word_boundaries(doc, text, m.start(), m.end()) {
            continue;
        }
        let (start, end) = (p.start + m.start(), p.start + m.end());
        sink.report(
            start,
            end,
            format!("“{}”疑为错别字，应为“{}”", e.wrong, e.right),
        )
        .fix(start, end, e.right, Applicability::Review);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.literals(LEXICON_TABLE.entries.iter().map(|e| e.wrong));
}

#[cfg(test)]
mod tests {
    use super::LEXICON_TABLE;
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    use std::collections::HashSet;
    const R: &str = "typo/lexicon";

    #[test]
    fn table_is_well_formed() {
        let mut seen = HashSet::new();
        for l in super::TABLE
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let f: Vec<_> = l.split('\t').collect();
            assert!((2..=5).contains(&f.len()), "typos.tsv: {l:?}");
            assert!(f[0] != f[1], "typos.tsv: {l:?} corrects to itself");
            assert!(seen.insert(f[0]), "typos.tsv: {} twice", f[0]);
            assert!(f[0].chars().all(crate::rules::is_han), "{l:?}");
            for g in f.get(2).unwrap_or(&"").split('|').filter(|g| !g.is_empty()) {
                assert!(g.contains(f[0]), "typos.tsv: guard {g} lacks {}", f[0]);
            }
        }
        assert!(seen.len() >= 200);
    }

    #[test]
    fn a_guard_reaching_back_into_a_narrower_character_does_not_panic() {
        // 给与's guard 交给与 reaches 3 bytes back; ':' before it is 1 byte.
        assert_fires(R, "称呼后面加冒号:给与答复。");
        assert_fires(R, "写“此致”给与答复。");
        assert_quiet(R, "移交给与会代表。");
    }

    /// Every entry fires on its wrong form and stays quiet on its correction
    /// and on each of its guards.
    #[test]
    fn every_entry_fires_and_its_look_alikes_stay_quiet() {
        for e in &LEXICON_TABLE.entries {
            let needs = e.needs_after.first().copied().unwrap_or("");
            assert_fires(R, &format!("我们，⟦{}⟧{needs}。", e.wrong));
            let right_needs = if needs.is_empty() { "" } else { needs };
            assert_quiet(R, &format!("我们，{}{right_needs}。", e.right));
            for g in &e.guards {
                assert_quiet(R, &format!("我们，{g}。"));
            }
            for q in &e.quiet_after {
                assert_quiet(R, &format!("我们，{}发展{q}。", e.wrong));
            }
        }
    }

    #[test]
    fn fires_in_running_text() {
        assert_fires(R, "对全年工作进行安排⟦布署⟧。");
        assert_fires(R, "希望大家⟦再接再励⟧，⟦一如继往⟧地支持");
        assert_fires(R, "最高人民⟦检查院⟧");
        assert_fires(R, "他⟦己经⟧完成");
        assert_fires(R, "⟦既使⟧困难再多，我们也不退缩。");
    }

    #[test]
    fn quiet_across_word_boundaries() {
        for t in [
            "自己经常学习",
            "悦己经济",
            "公共服务供给与群众期盼还有差距",
            "检查院内设施",
            "机关健康体检",
            "毕竟争取到了",
            "超过份额",
            "激动得不能自已",
            "既使企业受益，又使群众满意。",
            "即要求各地",
            "前一道题",
            "部署",
            "截至目前",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_uses_the_correction() {
        assert_fix(R, "安排布署工作", "安排部署工作");
    }
}
