use crate::incremental::{Fact, FactRule, Facts};
use crate::model::{Document, Paragraph};
use crate::rules::is_han;
use crate::segment;
use crate::sink::Sink;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::collections::BTreeMap;

crate::declare_rule! {
    /// Finds one document or meeting named in two near-identical ways in the
    /// same text: `《县重大投资项目审计监督办法》` and later
    /// `《县重大投资项目审计监管办法》`; `中央经济工作会议` and `中央经济会议`.
    ///
    /// Why: a cited title must be exact; two spellings mean one of them is
    /// wrong (or a second, nonexistent document is cited).
    ///
    /// What counts: two 《》 titles of six or more characters that differ in
    /// exactly one character, when that character is not a digit, a numeral or
    /// a level (省/市/县 …: 《省…办法》 and 《市…办法》 are different documents);
    /// meeting and organ names (…会议, …委员会, …办公室, …领导小组, …工作组,
    /// …指挥部) of eight or more characters that differ in one character
    /// (not 委/组/党/政/府/协, which name different organs); a meeting name ending
    /// in 工作会议 that also occurs with 工作 left out (the usual slip). The less frequent spelling is reported, naming the other.
    ///
    /// Quiet: `《森林法》` and `《草原法》` (two characters differ), `国务院常务
    /// 会议` and `国务院全体会议` (different meetings).
    ///
    /// Fix (review): the other spelling.
    pub static CITED_NAME = {
        id: "consistency/cited-name",
        category: Consistency,
        severity: Warning,
        title: "引用名称前后不一",
        check: Facts(FactRule { collect, judge, reads_text: false }),
        triggers: triggers,
    };
}

/// Endings of meeting and organ names.
const SUFFIXES: &[&str] = &["会议", "委员会", "办公室", "领导小组", "工作组", "指挥部"];

/// Words that end the text before a name: 向国家粮食应急工作指挥部 → 国家….
const FUNCTION_WORDS: &[&str] = &[
    "和", "或", "与", "及", "并", "向", "由", "经", "在", "对", "按照", "比照", "依照", "根据",
    "将", "把", "被", "为", "以", "于", "从", "报", "要", "的", "上报", "提请", "召开", "参加",
    "通过",
];

/// A cited name: the name (with 《》 for titles) and its byte span.
#[derive(Clone, Debug)]
struct Cite<'a> {
    name: &'a str,
    start: usize,
    end: usize,
    title: bool,
}

/// Fact keys: a 《…》 title (its span), and a Han run before a meeting or
/// organ suffix (span: the run and the suffix; value: the run's length).
const TITLE: &str = "title";
const RUN: &str = "run";

/// Notes the paragraph's titles and the runs before a suffix, in the order
/// [`cites`] reads them.
fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
    if !facts.triggered() {
        return;
    }
    let text = doc.para_text(p);
    // 《…》 titles without nesting.
    for (i, _) in text.match_indices('《') {
        let body = i + '《'.len_utf8();
        let Some(len) = text[body..].find(['》', '《']) else {
            continue;
        };
        if !text[body + len..].starts_with('》') {
            continue;
        }
        let end = body + len + '》'.len_utf8();
        facts.note(TITLE, p.start + i, p.start + end, 0);
    }
    // Meeting and organ names: the Han run before the suffix (12 characters at most).
    for suffix in SUFFIXES {
        // memmem: non-overlapping, like match_indices, and faster.
        for i in memchr::memmem::find_iter(text.as_bytes(), suffix.as_bytes()) {
            let end = i + suffix.len();
            let run_start = text[..i]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_han(c))
                .take(12)
                .last()
                .map_or(i, |(b, _)| b);
            if run_start == i {
                continue;
            }
            facts.note(
                RUN,
                p.start + run_start,
                p.start + end,
                (i - run_start) as u32,
            );
        }
    }
}

/// Triggers: a 《 or a suffix.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("《").literals(SUFFIXES.iter().copied());
}

thread_local! {
    /// Where names may start in a run (by the dictionary), by run.
    static STARTS: RefCell<FxHashMap<Box<str>, Vec<usize>>> = RefCell::default();
}

/// Where a name may start in `run`: after the last function word (向, 由,
/// 按照, 和 …), at a word boundary.
fn guarded_starts(doc: &Document, run: &str) -> Vec<usize> {
    let known = segment::dictionary_loaded();
    if let Some(v) = STARTS
        .with(|m| m.borrow().get(run).cloned())
        .filter(|_| known)
    {
        return v;
    }
    let words = doc.segmenter().cut(run);
    let from = words
        .iter()
        .rposition(|w| FUNCTION_WORDS.contains(&w.word))
        .map_or(0, |k| k + 1);
    let starts: Vec<usize> = words[from..].iter().map(|w| w.start).collect();
    if known {
        STARTS.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() > 50_000 {
                m.clear();
            }
            m.insert(run.into(), starts.clone());
        });
    }
    starts
}

/// The cited names, in document order (per paragraph: titles, then meeting
/// and organ names suffix by suffix). Without `guarded`, meeting and organ
/// names are every tail of the run (a superset found without the dictionary).
fn cites<'a>(doc: &Document<'a>, facts: &[Fact], guarded: bool) -> Vec<Cite<'a>> {
    let mut out = Vec::new();
    for f in facts {
        if f.key == TITLE {
            out.push(Cite {
                name: doc.slice(f.start, f.end),
                start: f.start,
                end: f.end,
                title: true,
            });
            continue;
        }
        let (run_start, end) = (f.start, f.end);
        let run = doc.slice(run_start, run_start + f.value as usize);
        let starts: Vec<usize> = if guarded {
            guarded_starts(doc, run)
        } else {
            run.char_indices().map(|(b, _)| b).collect()
        };
        for st in starts {
            let name = doc.slice(run_start + st, end);
            if name.chars().count() >= 4 {
                out.push(Cite {
                    name,
                    start: run_start + st,
                    end,
                    title: false,
                });
            }
        }
    }
    out
}

/// The pairs `(i, j)`, `i < j`, of `names` that are one character apart
/// ([`one_char_apart`]), in order. Each name is keyed once per position by
/// a hash of its length, the position and what comes before and after it
/// (two names one character apart share the key of that position); the
/// keys are sorted, and only names with equal keys are compared (no
/// quadratic scan; a collision only costs a comparison). A sorted list, not
/// a hash map: a few compact sequential passes instead of scattered writes.
fn close_pairs(names: &[&str], min: usize, also_plain_not: &str) -> Vec<(usize, usize)> {
    let mix = |h: u64, c: u64| (h.rotate_left(5) ^ c).wrapping_mul(0x517c_c1b7_2722_0a95);
    // One word per key: the hash's high bits, the name's index in the low
    // `shift` bits.
    let shift = usize::BITS - names.len().leading_zeros();
    let mut keys: Vec<u64> = Vec::new();
    let (mut chars, mut pre, mut suf) = (Vec::new(), Vec::new(), Vec::new());
    for (k, n) in names.iter().enumerate() {
        chars.clear();
        chars.extend(n.chars());
        let len = chars.len();
        if len < min {
            continue;
        }
        pre.clear();
        pre.resize(len + 1, 0u64);
        for i in 0..len {
            pre[i + 1] = mix(pre[i], chars[i] as u64);
        }
        suf.clear();
        suf.resize(len + 1, 0u64);
        for i in (0..len).rev() {
            suf[i] = mix(suf[i + 1], chars[i] as u64);
        }
        for i in 0..len {
            let key = mix(mix(pre[i], suf[i + 1]), (len as u64) << 32 | i as u64);
            keys.push(key.checked_shr(shift).unwrap_or(0) << shift | k as u64);
        }
    }
    keys.sort_unstable();
    let mut pairs = Vec::new();
    let name = |key: u64| (key & !(u64::MAX.checked_shl(shift).unwrap_or(0))) as usize;
    for group in keys.chunk_by(|a, b| a.checked_shr(shift) == b.checked_shr(shift)) {
        for (x, &i) in group.iter().enumerate() {
            for &j in &group[x + 1..] {
                let (i, j) = (name(i), name(j));
                if one_char_apart(names[i], names[j], min, also_plain_not) {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Exactly one character differs, and it is not a digit, numeral or level;
/// `min` is the shortest length (in characters) compared.
fn one_char_apart(a: &str, b: &str, min: usize, also_plain_not: &str) -> bool {
    // The length in characters, the differing pairs, the first of them.
    let (mut len, mut diffs, mut first) = (0, 0, None);
    let (mut xs, mut ys) = (a.chars(), b.chars());
    loop {
        match (xs.next(), ys.next()) {
            (Some(x), Some(y)) => {
                len += 1;
                if x != y {
                    diffs += 1;
                    first = first.or(Some((x, y)));
                }
            }
            (None, None) => break,
            _ => return false,
        }
    }
    if len < min {
        return false;
    }
    let plain = |c: char| {
        is_han(c)
            && !"〇零一二三四五六七八九十百千万两省市县区乡镇村州盟旗国".contains(c)
            && !also_plain_not.contains(c)
    };
    diffs == 1 && first.is_some_and(|(x, y)| plain(x) && plain(y))
}

/// Could two meeting or organ names among `raw` be reported?
fn names_may_pair(raw: &[Cite]) -> bool {
    let mut names: Vec<&str> = raw.iter().filter(|c| !c.title).map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    if names.iter().any(|n| {
        n.strip_suffix("工作会议")
            .is_some_and(|x| names.binary_search(&format!("{x}会议").as_str()).is_ok())
    }) {
        return true;
    }
    !close_pairs(&names, NAME_MIN, NAME_NOT_PLAIN).is_empty()
}

/// Meeting and organ names are compared from this length (characters) up.
const NAME_MIN: usize = 8;
/// Characters whose change names a different organ (党委/党组, 政府/政协).
const NAME_NOT_PLAIN: &str = "委组党政府协";

fn judge(doc: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
    let collect = |guarded: bool| cites(doc, facts, guarded);
    let raw = collect(false);
    if raw.is_empty() {
        return;
    }
    // Segment only when some meeting or organ names could pair up.
    let all = if names_may_pair(&raw) {
        collect(true)
    } else {
        raw.into_iter().filter(|c| c.title).collect()
    };
    // name → occurrences (in order).
    let mut by_name: BTreeMap<&str, Vec<&Cite>> = BTreeMap::new();
    for c in &all {
        by_name.entry(c.name).or_default().push(c);
    }
    let count = |n: &str| by_name.get(n).map_or(0, Vec::len);
    let first = |n: &str| by_name.get(n).map_or(usize::MAX, |v| v[0].start);
    let mut reported: Vec<(usize, usize)> = Vec::new();
    let mut report = |sink: &mut Sink<'_>, c: &Cite, other: &str, n: usize| {
        if reported
            .iter()
            .any(|&(s, e)| s <= c.start && c.end <= e || c.start <= s && e <= c.end)
        {
            return;
        }
        reported.push((c.start, c.end));
        sink.report(
            c.start,
            c.end,
            format!(
                "本文另有{n}处写作“{other}”，此处“{}”疑为同一名称写法不一，请核对后统一",
                c.name
            ),
        )
        .fix(
            c.start,
            c.end,
            other.to_string(),
            crate::diagnostic::Applicability::Review,
        );
    };
    // Titles (《》 plus six characters or more), then meeting and organ names
    // of eight characters or more (党委/党组, 政府/政协 name different organs).
    for (is_title, min, not_plain) in [(true, 8, ""), (false, NAME_MIN, NAME_NOT_PLAIN)] {
        let names: Vec<&str> = by_name
            .iter()
            .filter(|(_, v)| v[0].title == is_title)
            .map(|(k, _)| *k)
            .collect();
        for (i, j) in close_pairs(&names, min, not_plain) {
            let (a, b) = (&names[i], &names[j]);
            // The less frequent spelling; on a tie, the later one.
            let (minor, major) = match count(a).cmp(&count(b)) {
                std::cmp::Ordering::Less => (*a, *b),
                std::cmp::Ordering::Greater => (*b, *a),
                _ if first(a) > first(b) => (*a, *b),
                _ => (*b, *a),
            };
            for c in &by_name[minor] {
                report(sink, c, major, count(major));
            }
        }
    }
    // Meetings: X工作会议 vs X会议, longest names first.
    let mut meetings: Vec<&str> = by_name
        .iter()
        .filter(|(k, v)| !v[0].title && k.ends_with("工作会议"))
        .map(|(k, _)| *k)
        .collect();
    meetings.sort_by_key(|m| std::cmp::Reverse(m.len()));
    for long in meetings {
        let short = format!("{}会议", &long[..long.len() - "工作会议".len()]);
        if short.chars().count() < 4 {
            continue;
        }
        if let Some(v) = by_name.get(short.as_str()) {
            for c in v {
                report(sink, c, long, count(long));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "consistency/cited-name";

    #[test]
    fn fires_on_near_identical_names() {
        assert_fires(
            R,
            "修订《县重大投资项目审计监督办法》。\n落实《县重大投资项目审计监督办法》和⟦《县重大投资项目审计监管办法》⟧。",
        );
        assert_fires(
            R,
            "学习中央经济工作会议精神。\n在⟦中央经济会议⟧以后，我们调整。",
        );
    }

    #[test]
    fn quiet_on_different_names() {
        assert_quiet(
            R,
            "依据《中华人民共和国森林法》和《中华人民共和国草原法》。",
        );
        assert_quiet(
            R,
            "印发《省重大项目审计监督办法》，制定《市重大项目审计监督办法》。",
        );
        assert_quiet(R, "国务院常务会议和国务院全体会议，全国组织工作会议。");
        assert_quiet(R, "《第十四个五年规划纲要》和《第十五个五年规划纲要》");
        assert_quiet(R, "召开全县经济工作会议，县委常委会会议。");
        assert_quiet(
            R,
            "县人民政府办公室和县人民政协办公室，省扶贫开发领导小组和市扶贫开发领导小组。",
        );
    }

    #[test]
    fn fix_uses_the_other_spelling() {
        assert_fix(
            R,
            "中央经济工作会议。中央经济会议。",
            "中央经济工作会议。中央经济工作会议。",
        );
    }
}
