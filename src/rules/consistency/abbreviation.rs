use crate::incremental::line_stamps;
use crate::incremental::{Fact, FactRule, Facts};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use aho_corasick::AhoCorasick;
use memchr::memmem;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;

crate::declare_rule! {
    /// Checks names that the document abbreviates with `（以下简称“S”）`: the
    /// full name used again after the definition, and the short name used
    /// before it is defined.
    ///
    /// Why: once a short name is defined, the document should use it; a short
    /// name that appears before its definition means a paragraph was moved
    /// or pasted.
    ///
    /// The full name is the 《…》 title right before the bracket, or else the
    /// shortest stretch before it that starts with the short name's first
    /// character and contains its characters in order (杏儿沟煤业有限责任公司
    /// → 杏煤公司, 自由贸易试验区 → 自贸试验区). A definition whose short name
    /// is just the tail of the phrase (应急救援专用号牌 → 专用号牌) has no
    /// separate full name and is only checked for early use.
    ///
    /// Fires: `《县重大投资项目审计监督办法》（以下简称《办法》）……《县重大投资项目审计监督办法》`.
    /// Quiet: the full name inside another definition, a short name that
    /// only occurs after its definition.
    ///
    /// Severity: warning for a 《》 title, info for a bare name (which may be
    /// part of a longer proper name: 国务院自由贸易试验区工作部际联席会议).
    ///
    /// Fix (review) for the full name: the short name.
    pub static ABBREVIATION = {
        id: "consistency/abbreviation",
        category: Consistency,
        severity: Warning,
        title: "简称使用不一致",
        check: Facts(FactRule {
            collect,
            judge,
            reads_text: true
        }),
        triggers: triggers,
    };
}

/// One `（以下简称……）`: short name, full name (if separate), bracket span.
struct Definition<'a> {
    short: &'a str,
    full: Option<&'a str>,
    start: usize,
    end: usize,
}

fn definitions<'a>(doc: &Document<'a>, p: &Paragraph) -> Vec<Definition<'a>> {
    let text = doc.para_text(p);
    let mut out = Vec::new();
    for (i, _) in text.match_indices('（') {
        let body_start = i + '（'.len_utf8();
        let Some(len) = text[body_start..].find('）') else {
            continue;
        };
        let body = &text[body_start..body_start + len];
        let Some(short) = ["以下简称", "下称", "简称"]
            .iter()
            .find_map(|k| body.strip_prefix(k))
        else {
            continue;
        };
        let short = short.trim_start_matches(['：', ':']);
        let short = short
            .strip_prefix('“')
            .and_then(|s| s.strip_suffix('”'))
            .unwrap_or(short);
        if short.chars().count() < 2 || short.contains(['，', '、', '或']) {
            continue;
        }
        let before = &text[..i];
        let full = if short.starts_with('《') || before.ends_with('》') {
            // The 《…》 title right before the bracket.
            before
                .strip_suffix('》')
                .and_then(|b| b.rfind('《').map(|o| &before[o..]))
        } else {
            full_name(before, short)
        };
        out.push(Definition {
            short,
            full: full.filter(|f| *f != short && !f.ends_with(short) || f.starts_with('《')),
            start: p.start + i,
            end: p.start + body_start + len + '）'.len_utf8(),
        });
    }
    out
}

/// The shortest tail of `before` that starts with `short`'s first character
/// and contains all of `short`'s characters in order, within the clause.
fn full_name<'a>(before: &'a str, short: &str) -> Option<&'a str> {
    let first = short.chars().next()?;
    let clause_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| "，。；：、“”《》（）".contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = &before[clause_start..];
    for (i, c) in clause.char_indices().rev() {
        if c != first {
            continue;
        }
        let cand = &clause[i..];
        let mut it = cand.chars();
        if short.chars().all(|s| it.any(|c| c == s)) && cand.chars().count() > short.chars().count()
        {
            return Some(cand);
        }
    }
    None
}

/// Fact keys: a definition's bracket, then its short name and (when written
/// apart) its full name, spans in the text.
const DEFINITION: &str = "definition";
const SHORT: &str = "short";
const FULL: &str = "full";

/// Triggers: a bracket that opens with a definition ([`definitions`]).
fn triggers(t: &mut crate::registry::Triggers) {
    t.literals(["（以下简称", "（下称", "（简称"]);
}

fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
    if !facts.triggered() {
        return;
    }
    let base = doc.text.as_ptr() as usize;
    let span = |s: &str| {
        (
            s.as_ptr() as usize - base,
            s.as_ptr() as usize - base + s.len(),
        )
    };
    for d in definitions(doc, p) {
        facts.note(DEFINITION, d.start, d.end, 0);
        let (s, e) = span(d.short);
        facts.note(SHORT, s, e, 0);
        if let Some(full) = d.full {
            let (s, e) = span(full);
            facts.note(FULL, s, e, 0);
        }
    }
}

/// The definitions come from the facts; where the names are used is found
/// in the whole text (so `reads_text`), in one pass for all names ([`Index`]).
fn judge(doc: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
    let mut defs: Vec<Definition> = Vec::new();
    for f in facts {
        match f.key {
            DEFINITION => defs.push(Definition {
                short: "",
                full: None,
                start: f.start,
                end: f.end,
            }),
            SHORT => defs.last_mut().expect("a definition").short = doc.slice(f.start, f.end),
            _ => defs.last_mut().expect("a definition").full = Some(doc.slice(f.start, f.end)),
        }
    }
    if defs.is_empty() {
        return;
    }
    let text = doc.text;
    // Where each 附件 part starts (an 附件 is a document of its own).
    let parts: Vec<usize> = (doc.paragraphs.iter())
        .filter(|p| p.section_break && doc.para_text(p).starts_with("附件"))
        .map(|p| p.start)
        .collect();
    let part_start = |d: &Definition| {
        (parts.partition_point(|&s| s <= d.start).checked_sub(1)).map_or(0, |k| parts[k])
    };
    // Each name is searched for where some definition looks for it: the full
    // name after the definition (and before it, where it could overlap
    // itself: see `Index::within`), the short name before it.
    let index = Index::new(
        doc,
        defs.iter().flat_map(|d| {
            let full = d.full.into_iter().flat_map(|f| {
                let before = (period(f.as_bytes()) < f.len()).then_some((f, 0..d.start));
                std::iter::once((f, d.end..text.len())).chain(before)
            });
            std::iter::once((d.short, part_start(d)..d.start)).chain(full)
        }),
    );
    let mut def_starts: Vec<usize> = defs.iter().map(|d| d.start).collect();
    def_starts.sort_unstable();
    let spans = Spans::new(defs.iter().map(|d| (d.start, d.end)));
    // A short name's uses that are not glued to a Han character, inside a
    // 《》 title or inside a definition: what the check below keeps whatever
    // the definition (by name; computed once per name).
    let mut early: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for d in &defs {
        let (short, full) = (index.id(d.short), d.full.map(|f| index.id(f)));
        // Full name again after the definition.
        if let (Some(full), Some(k)) = (d.full, full) {
            for s in index.find(k, d.end, text.len()) {
                let e = s + full.len();
                // Followed by its own （简称…） it is a new definition, not a reuse.
                if text[e..].starts_with("（") && def_starts.binary_search(&e).is_ok() {
                    continue;
                }
                report_full_reuse(sink, s, e, full, d.short);
            }
        }
        // Short name before its definition, within the same part, not
        // inside the full name, a definition or a 《》 title, and not as the
        // tail of a longer name (行政规范性文件).
        let part = part_start(d);
        let kept = |s: usize| {
            let glued = !d.short.starts_with('《')
                && text[..s]
                    .chars()
                    .next_back()
                    .is_some_and(crate::rules::is_han);
            !(glued || index.in_title(s) && !d.short.starts_with('《') || spans.contains(s))
        };
        let candidates: Vec<usize> = if index.overlaps[short] {
            // Which uses count depends on where the search starts.
            (index.find(short, part, d.start))
                .filter(|&s| kept(s))
                .collect()
        } else {
            let all = early.entry(short).or_insert_with(|| {
                index.at[short]
                    .iter()
                    .copied()
                    .filter(|&s| kept(s))
                    .collect()
            });
            let from = all.partition_point(|&s| s < part);
            let to = all.partition_point(|&s| s + d.short.len() <= d.start);
            all[from..to.max(from)].to_vec()
        };
        for s in candidates {
            let e = s + d.short.len();
            // Inside a use of the full name (those found from the start of the text).
            if full.is_some_and(|k| index.within(k, s, e, d.start)) {
                continue;
            }
            report_early_short(sink, s, e, d.short);
        }
    }
}

/// Where names occur in a text, and where the 《 and 》 are: every
/// occurrence of every name (overlapping ones too), found once per name
/// however many definitions use it. Up to [`ONE_PASS`] names each is searched
/// for on its own (`memmem`, vectorised: cheaper than an automaton's pass
/// over the text); beyond that all are found in one pass (Aho-Corasick), so
/// the cost stays linear in the text however many names it defines.
struct Index<'a> {
    text: &'a str,
    ids: FxHashMap<&'a str, usize>,
    names: Vec<&'a str>,
    lens: Vec<usize>,
    /// By name: the start of every occurrence, ascending.
    at: Vec<Vec<usize>>,
    /// By name: whether two of its occurrences overlap (then which ones a
    /// search finds depends on where it starts).
    overlaps: Vec<bool>,
    /// By name: the occurrences a search from the start of the text finds
    /// (non-overlapping, leftmost first).
    from_start: Vec<Vec<usize>>,
    opens: Vec<usize>,
    closes: Vec<usize>,
}

/// Beyond this many names, [`Index`] finds them in one pass.
const ONE_PASS: usize = 48;

impl<'a> Index<'a> {
    /// The index of `names`, each searched for (at least) in its ranges.
    fn new(
        doc: &Document<'a>,
        names: impl IntoIterator<Item = (&'a str, std::ops::Range<usize>)>,
    ) -> Index<'a> {
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        let (ids, patterns) = Index::patterns(
            names.into_iter().map(|(n, r)| (n, (r.start, r.end))),
            &mut ranges,
        );
        let one_pass = patterns.len() - 2 > ONE_PASS;
        // Only lines with a paragraph are searched line by line; a name made
        // of blanks alone could occur elsewhere.
        let blank = |p: &&str| p.chars().all(crate::model::is_indent);
        let found = match line_stamps(|s| s.map(<[u64]>::to_vec)) {
            Some(stamps) if !patterns.iter().any(blank) => {
                by_line(doc, &patterns, one_pass, &stamps)
            }
            _ => search(doc.text, &patterns, &ranges, one_pass),
        };
        Index::from_found(doc.text, ids, &patterns, found)
    }

    /// The names' ids and the patterns searched for: 《, 》, then the
    /// names in the order of their ids; `ranges` gets, by pattern, what
    /// covers its ranges (the brackets: up to the last short name's end).
    fn patterns(
        names: impl IntoIterator<Item = (&'a str, (usize, usize))>,
        ranges: &mut Vec<(usize, usize)>,
    ) -> (FxHashMap<&'a str, usize>, Vec<&'a str>) {
        let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
        let mut patterns: Vec<&str> = vec!["《", "》"];
        *ranges = vec![(0, 0), (0, 0)];
        for (n, (lo, hi)) in names {
            let k = *ids.entry(n).or_insert_with(|| {
                patterns.push(n);
                ranges.push((lo, hi));
                patterns.len() - 3
            });
            let r = &mut ranges[k + 2];
            *r = (r.0.min(lo), r.1.max(hi));
            // In-title checks happen before a short name's definition.
            ranges[0].1 = ranges[0].1.max(hi);
            ranges[1].1 = ranges[0].1;
        }
        (ids, patterns)
    }

    /// The index of the whole `text`, searched one way or the other.
    #[cfg(test)]
    fn build(text: &'a str, names: impl IntoIterator<Item = &'a str>, one_pass: bool) -> Index<'a> {
        let mut ranges = Vec::new();
        let (ids, patterns) =
            Index::patterns(names.into_iter().map(|n| (n, (0, text.len()))), &mut ranges);
        let found = search(text, &patterns, &ranges, one_pass);
        Index::from_found(text, ids, &patterns, found)
    }

    /// `found`: by pattern, every occurrence (ascending).
    fn from_found(
        text: &'a str,
        ids: FxHashMap<&'a str, usize>,
        patterns: &[&'a str],
        found: Vec<Vec<usize>>,
    ) -> Index<'a> {
        let n = patterns.len() - 2;
        let mut found = found.into_iter();
        let (opens, closes) = (found.next().unwrap(), found.next().unwrap());
        let at: Vec<Vec<usize>> = found.collect();
        let lens: Vec<usize> = patterns[2..].iter().map(|p| p.len()).collect();
        let mut index = Index {
            text,
            ids,
            names: patterns[2..].to_vec(),
            overlaps: (at.iter().zip(&lens))
                .map(|(at, &len)| at.windows(2).any(|w| w[1] < w[0] + len))
                .collect(),
            lens,
            at,
            from_start: Vec::new(),
            opens,
            closes,
        };
        index.from_start = (0..n)
            .map(|k| {
                if index.overlaps[k] {
                    index.find(k, 0, text.len()).collect()
                } else {
                    index.at[k].clone()
                }
            })
            .collect();
        index
    }

    fn id(&self, name: &str) -> usize {
        self.ids[name]
    }

    /// What `memmem::find_iter(&text[from..to], name)` finds (offsets in
    /// the text): the leftmost occurrence, then the next one after it, and
    /// so on.
    fn find(&self, k: usize, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let (at, len) = (&self.at[k], self.lens[k]);
        let mut next = from;
        at[at.partition_point(|&s| s < from)..]
            .iter()
            .copied()
            .take_while(move |&s| s + len <= to)
            .filter(move |&s| {
                let take = s >= next;
                if take {
                    next = s + len;
                }
                take
            })
    }

    /// Whether `s..e` lies inside an occurrence of name `k` that a search
    /// from the start of `text[..to]` finds. A name that cannot overlap
    /// itself is looked for right there (every occurrence is found); the
    /// others were searched for from the start of the text.
    fn within(&self, k: usize, s: usize, e: usize, to: usize) -> bool {
        let len = self.lens[k];
        let name = self.names[k].as_bytes();
        if period(name) == len {
            return (e.saturating_sub(len)..=s)
                .any(|a| a + len <= to && self.text.as_bytes().get(a..a + len) == Some(name));
        }
        let found = &self.from_start[k];
        let first = found.partition_point(|&a| a + len < e);
        found[first..]
            .iter()
            .take_while(|&&a| a <= s)
            .any(|&a| e <= a + len && a + len <= to)
    }

    /// Whether offset `s` is inside a 《》 title: the last 《 before it comes
    /// after the last 》.
    fn in_title(&self, s: usize) -> bool {
        let last = |v: &[usize]| v.partition_point(|&x| x < s).checked_sub(1).map(|k| v[k]);
        last(&self.opens) > last(&self.closes)
    }
}

/// Every occurrence of each pattern in `text` (ascending, overlapping ones
/// too) within its range (at least): one pass for all (Aho-Corasick, over
/// what covers all ranges), or one `memmem` search each.
fn search(
    text: &str,
    patterns: &[&str],
    ranges: &[(usize, usize)],
    one_pass: bool,
) -> Vec<Vec<usize>> {
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); patterns.len()];
    if one_pass {
        let lo = ranges.iter().map(|r| r.0).min().unwrap_or(0);
        let hi = ranges.iter().map(|r| r.1).max().unwrap_or(0);
        let ac = AhoCorasick::new(patterns).expect("names are short");
        if lo < hi {
            for m in ac.find_overlapping_iter(&text[lo..hi]) {
                found[m.pattern().as_usize()].push(lo + m.start());
            }
        }
    } else {
        for ((p, out), &(lo, hi)) in patterns.iter().zip(&mut found).zip(ranges) {
            if lo < hi {
                let finder = memmem::Finder::new(p.as_bytes());
                out.extend(occurrences(&finder, &text.as_bytes()[lo..hi]).map(|i| lo + i));
            }
        }
    }
    found
}

/// The needle's smallest period: the shortest step from one occurrence to an
/// overlapping next one (its length when it cannot overlap itself).
fn period(p: &[u8]) -> usize {
    (1..p.len())
        .find(|&i| p.ends_with(&p[..p.len() - i]))
        .unwrap_or(p.len().max(1))
}

/// Every occurrence of `finder`'s needle in `hay`, also those overlapping
/// the previous one (only possible when the needle begins as it ends).
fn occurrences<'h>(
    finder: &'h memmem::Finder<'_>,
    hay: &'h [u8],
) -> impl Iterator<Item = usize> + 'h {
    let step = period(finder.needle());
    let mut from = 0;
    std::iter::from_fn(move || {
        let i = from + finder.find(hay.get(from..)?)?;
        from = i + step;
        Some(i)
    })
}

thread_local! {
    /// What was found in each paragraph's line, for the [`Checker`]'s next
    /// update (a keystroke searches only the lines it changed).
    ///
    /// [`Checker`]: crate::Checker
    static LINES: RefCell<LineCache> = RefCell::default();
}

#[derive(Default)]
struct LineCache {
    /// The patterns the lines were searched for.
    patterns: Vec<Box<str>>,
    /// By the line's stamp (`incremental::line_stamps`): (pattern, offset
    /// from the line's start) of each occurrence, by pattern then offset.
    lines: FxHashMap<u64, Rc<[(u32, u32)]>>,
}

/// [`search`]'s result, put together from what each paragraph's line holds:
/// lines searched before (by their stamps) are not searched again. When most
/// lines are new (a first check), the whole text is searched and the
/// occurrences handed out to the lines.
fn by_line(doc: &Document, patterns: &[&str], one_pass: bool, stamps: &[u64]) -> Vec<Vec<usize>> {
    let text = doc.text;
    let line_of = |k: usize| doc.lines[doc.paragraphs[k].line];
    LINES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.patterns.len() != patterns.len()
            || cache.patterns.iter().zip(patterns).any(|(a, b)| &**a != *b)
        {
            cache.patterns = patterns.iter().map(|&p| p.into()).collect();
            cache.lines.clear();
        }
        let missing = stamps
            .iter()
            .filter(|s| !cache.lines.contains_key(s))
            .count();
        if missing * 4 > stamps.len() {
            let whole = vec![(0, text.len()); patterns.len()];
            let found = search(text, patterns, &whole, one_pass);
            let starts: Vec<usize> = (0..stamps.len()).map(|k| line_of(k).start).collect();
            let mut lines: Vec<Vec<(u32, u32)>> = vec![Vec::new(); stamps.len()];
            for (k, at) in found.iter().enumerate() {
                for &s in at {
                    // Every occurrence lies in a paragraph's line (names are
                    // not blank).
                    let l = starts.partition_point(|&b| b <= s) - 1;
                    lines[l].push((k as u32, (s - starts[l]) as u32));
                }
            }
            cache.lines.clear();
            for (&stamp, hits) in stamps.iter().zip(lines).filter(|(&s, _)| s != 0) {
                cache.lines.insert(stamp, hits.into());
            }
            return found;
        }
        let finders: Vec<memmem::Finder> = (patterns.iter())
            .map(|p| memmem::Finder::new(p.as_bytes()))
            .collect();
        let mut found: Vec<Vec<usize>> = vec![Vec::new(); patterns.len()];
        for (k, &stamp) in stamps.iter().enumerate() {
            let line = line_of(k);
            let hits = match cache.lines.get(&stamp) {
                Some(h) if stamp != 0 => h.clone(),
                _ => {
                    let hay = &text.as_bytes()[line.start..line.end];
                    let hits: Rc<[(u32, u32)]> = (finders.iter().enumerate())
                        .flat_map(|(p, f)| occurrences(f, hay).map(move |s| (p as u32, s as u32)))
                        .collect();
                    cache.lines.insert(stamp, hits.clone());
                    hits
                }
            };
            for &(p, s) in hits.iter() {
                found[p as usize].push(line.start + s as usize);
            }
        }
        if cache.lines.len() > 2 * stamps.len() + 64 {
            let now: rustc_hash::FxHashSet<u64> = stamps.iter().copied().collect();
            cache.lines.retain(|s, _| now.contains(s));
        }
        found
    })
}

/// The union of some spans, for "is this offset inside one of them".
struct Spans(Vec<(usize, usize)>);

impl Spans {
    fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> Spans {
        let mut v: Vec<(usize, usize)> = spans.into_iter().filter(|(a, b)| a < b).collect();
        v.sort_unstable();
        let mut out: Vec<(usize, usize)> = Vec::with_capacity(v.len());
        for (a, b) in v {
            match out.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => out.push((a, b)),
            }
        }
        Spans(out)
    }

    fn contains(&self, s: usize) -> bool {
        let k = self.0.partition_point(|&(a, _)| a <= s);
        k > 0 && s < self.0[k - 1].1
    }
}

/// The full name `full` used again at `s..e` after its short name was defined.
fn report_full_reuse(sink: &mut Sink<'_>, s: usize, e: usize, full: &str, short: &str) {
    let diag = sink
        .report(
            s,
            e,
            format!("前文已定义简称{}，此处请直接用简称", quoted(short)),
        )
        .fix(
            s,
            e,
            short.to_string(),
            crate::diagnostic::Applicability::Review,
        );
    // A bare name may be part of a longer proper name here
    // (国务院自由贸易试验区工作部际联席会议): only a hint.
    if !full.starts_with('《') {
        diag.with_severity(crate::Severity::Info);
    }
}

/// The short name `short` used at `s..e`, before its definition.
fn report_early_short(sink: &mut Sink<'_>, s: usize, e: usize, short: &str) {
    sink.report(
        s,
        e,
        format!(
            "简称“{short}”在后文才定义（以下简称），此处先用了简称，请改用全称或把定义移到此处"
        ),
    );
}

fn quoted(s: &str) -> String {
    if s.starts_with('《') {
        s.to_string()
    } else {
        format!("“{s}”")
    }
}

#[cfg(test)]
mod tests {
    use super::{
        memmem, report_early_short, report_full_reuse, Definition, Index, DEFINITION, SHORT,
    };
    use crate::incremental::Fact;
    use crate::model::Document;
    use crate::sink::Sink;
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "consistency/abbreviation";

    /// The judge as it was before [`super::Index`]: one `memmem` search of
    /// the whole text per name and definition.
    fn judge_reference(doc: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
        let mut defs: Vec<Definition> = Vec::new();
        for f in facts {
            match f.key {
                DEFINITION => defs.push(Definition {
                    short: "",
                    full: None,
                    start: f.start,
                    end: f.end,
                }),
                SHORT => defs.last_mut().unwrap().short = doc.slice(f.start, f.end),
                _ => defs.last_mut().unwrap().full = Some(doc.slice(f.start, f.end)),
            }
        }
        let text = doc.text;
        let def_spans: Vec<(usize, usize)> = defs.iter().map(|d| (d.start, d.end)).collect();
        let in_def = |s: usize| def_spans.iter().any(|&(a, b)| a <= s && s < b);
        for d in &defs {
            if let Some(full) = &d.full {
                for at in memmem::find_iter(&text.as_bytes()[d.end..], full.as_bytes()) {
                    let s = d.end + at;
                    let e = s + full.len();
                    if text[e..].starts_with("（") && def_spans.iter().any(|&(a, _)| a == e) {
                        continue;
                    }
                    report_full_reuse(sink, s, e, full, d.short);
                }
            }
            let part_start = doc
                .paragraphs
                .iter()
                .filter(|p| {
                    p.section_break && p.start <= d.start && doc.para_text(p).starts_with("附件")
                })
                .map(|p| p.start)
                .next_back()
                .unwrap_or(0);
            let head = &text[..d.start];
            let full_spans: Vec<(usize, usize)> = d
                .full
                .iter()
                .flat_map(|f| {
                    memmem::find_iter(head.as_bytes(), f.as_bytes()).map(|i| (i, i + f.len()))
                })
                .collect();
            for s in memmem::find_iter(&head.as_bytes()[part_start..], d.short.as_bytes()) {
                let s = part_start + s;
                let e = s + d.short.len();
                let glued = !d.short.starts_with('《')
                    && text[..s]
                        .chars()
                        .next_back()
                        .is_some_and(crate::rules::is_han);
                let in_title = text[..s].rfind('《') > text[..s].rfind('》');
                if glued
                    || in_title && !d.short.starts_with('《')
                    || in_def(s)
                    || full_spans.iter().any(|&(a, b)| a <= s && e <= b)
                {
                    continue;
                }
                report_early_short(sink, s, e, d.short);
            }
        }
    }

    /// A finding as compared here: span, severity, message, fixes.
    type Found = (
        usize,
        usize,
        crate::Severity,
        String,
        Vec<crate::diagnostic::Fix>,
    );

    /// `judge` and `judge_reference` on `text`'s facts.
    fn both(text: &str) -> (Vec<Found>, Vec<Found>) {
        let doc = Document::parse(text);
        let facts: Vec<Fact> = crate::incremental::facts_of(text)
            .into_iter()
            .find(|(id, _)| *id == R)
            .unwrap()
            .1;
        let config = crate::Config::default();
        let run = |j: fn(&Document, &[Fact], &mut Sink<'_>)| {
            let mut sink = Sink::new(&super::ABBREVIATION, crate::Severity::Warning, &config);
            j(&doc, &facts, &mut sink);
            let found: Vec<Found> = (sink.out.into_iter())
                .map(|d| (d.start, d.end, d.severity, d.message, d.fixes))
                .collect();
            found
        };
        (run(super::judge), run(judge_reference))
    }

    proptest::proptest! {
        /// The index (searched either way) finds what one `memmem` search per
        /// name and definition finds, for any start and end (names that
        /// overlap themselves included).
        #[test]
        fn index_finds_what_memmem_finds(
            text in "[甲乙丙《》a]{0,40}",
            names in proptest::collection::vec("[甲乙丙《》a]{1,4}", 1..5),
            from in 0usize..130,
            to in 0usize..130,
        ) {
            for one_pass in [false, true] {
            let index = Index::build(&text, names.iter().map(String::as_str), one_pass);
            let (from, to) = (text.floor_char_boundary(from), text.floor_char_boundary(to));
            for n in &names {
                let k = index.id(n);
                let want: Vec<usize> = if from <= to {
                    memmem::find_iter(&text.as_bytes()[from..to], n.as_bytes())
                        .map(|i| i + from)
                        .collect()
                } else {
                    Vec::new()
                };
                let got: Vec<usize> = index.find(k, from, to).collect();
                proptest::prop_assert_eq!(got, want);
                let head: Vec<usize> = memmem::find_iter(&text.as_bytes()[..to], n.as_bytes()).collect();
                for s in 0..to {
                    for e in s..=to {
                        let want = head.iter().any(|&a| a <= s && e <= a + n.len());
                        proptest::prop_assert_eq!(index.within(k, s, e, to), want);
                    }
                }
            }
            for s in (0..=text.len()).filter(|&s| text.is_char_boundary(s)) {
                proptest::prop_assert_eq!(
                    index.in_title(s),
                    text[..s].rfind('《') > text[..s].rfind('》')
                );
            }
            }
        }

        /// The judge reports what the per-name search reported, in the same
        /// order, on texts made of definitions, names, titles and 附件 parts.
        #[test]
        fn judge_matches_the_per_name_search(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "自由贸易试验区", "自贸试验区", "（以下简称“自贸试验区”）", "（简称自贸区）",
                "《县审计办法》", "（以下简称《办法》）", "《办法》", "办法", "《", "》",
                "县委办公室", "（以下简称“县委办”）", "县委办", "（下称办办）", "办办办",
                "，", "。", "推进", "\n", "\n附件1\n", "\n附件\n", "（", "）",
                // A full name that can overlap itself (县办县办县).
                "县办县", "（简称县办）", "县办",
            ]), 0..30),
        ) {
            let text: String = parts.concat();
            let (new, old) = both(&text);
            proptest::prop_assert_eq!(new, old);
        }
    }

    /// What a [`crate::Checker`] reports after each edit (lines searched
    /// again only where the edit changed them) is what a fresh check reports.
    fn edits_agree(
        lines: &[&str],
        edits: &[(usize, usize, &str)],
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let findings = |diags: Vec<crate::Diagnostic>| -> Vec<(usize, usize, String)> {
            (diags.into_iter())
                .filter(|d| d.rule.id == R)
                .map(|d| (d.start, d.end, d.message))
                .collect()
        };
        let config = crate::Config::default();
        let mut text = lines.join("\n");
        let mut checker = crate::Checker::new(config.clone());
        checker.check(&text);
        for &(at, del, ins) in edits {
            let from = text.floor_char_boundary(at % (text.len() + 1));
            let to = text.floor_char_boundary((from + del).min(text.len()));
            let got = checker.edit(from, to, ins).diagnostics;
            text.replace_range(from..to, ins);
            proptest::prop_assert_eq!(
                findings(got),
                findings(crate::check(&text, &config)),
                "{}",
                text
            );
        }
        Ok(())
    }

    const PIECES: &[&str] = &[
        "自由贸易试验区",
        "自贸试验区",
        "（以下简称“自贸试验区”）",
        "《县审计办法》",
        "（以下简称《办法》）",
        "《办法》",
        "办法",
        "《",
        "》",
        "县委办公室",
        "（以下简称“县委办”）",
        "县委办",
        "，",
        "。",
        "推进",
        "\n",
        "附件1\n",
        "县办县",
        "（简称县办）",
    ];

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn keystrokes_agree_with_a_fresh_check(
            lines in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(PIECES), 0..6).prop_map(|v| v.concat()),
                8..24,
            ),
            edits in proptest::collection::vec(
                (0usize..2000, 0usize..12, proptest::sample::select(PIECES)),
                1..12,
            ),
        ) {
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            edits_agree(&lines, edits.as_slice())?;
        }
    }

    /// The same on the published documents and the drafts, each alone and
    /// all of them as one text (many definitions, names used far away).
    #[test]
    fn judge_matches_the_per_name_search_on_the_corpus() {
        let Some(shared) = crate::testing::shared_corpus() else {
            return;
        };
        let mut all = String::new();
        for dir in ["clean", "drafts"] {
            let mut files: Vec<_> = std::fs::read_dir(shared.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            for f in files {
                let Ok(text) = std::fs::read_to_string(&f) else {
                    continue;
                };
                let (new, old) = both(&text);
                assert_eq!(new, old, "{}", f.display());
                all.push_str(&text);
                all.push('\n');
            }
        }
        let (new, old) = both(&all);
        assert!(!new.is_empty());
        assert_eq!(new, old);
    }

    #[test]
    fn fires_on_full_name_after_and_short_name_before() {
        assert_fires(
            R,
            "修订《县重大投资项目审计监督办法》（以下简称《办法》）。\n落实⟦《县重大投资项目审计监督办法》⟧要求。",
        );
        assert_fires(
            R,
            "⟦自贸试验区⟧建设。\n建设自由贸易试验区（以下简称“自贸试验区”），推进⟦自由贸易试验区⟧改革。",
        );
    }

    #[test]
    fn quiet_on_proper_use() {
        assert_quiet(
            R,
            "杏儿沟煤业有限责任公司（以下简称杏煤公司）违规生产，杏煤公司负有责任。",
        );
        assert_quiet(
            R,
            "车辆悬挂应急救援专用号牌（以下简称专用号牌）。专用号牌由应急部制发。",
        );
        assert_quiet(R, "县委办公室（以下简称“县委办”）。县委办负责。");
    }
}
