//! The checking engine, and its incremental form for editors.
//!
//! One pass runs every enabled rule: paragraph rules (and the `collect` step
//! of fact rules) once per paragraph, then document rules and the `judge` step
//! of fact rules once per document. [`Checker`] keeps what the per-paragraph
//! step produced, keyed on the paragraph's text (the config is fixed per
//! checker), so a keystroke re-runs the paragraph rules on one paragraph only.
//!
//! The contract that makes the cache correct: a `Check::Paragraph` rule (and a
//! fact rule's `collect`) depends only on its paragraph's line (text and
//! indentation) and the config, never on other paragraphs. On a cache miss the
//! checker runs them on the line parsed on its own, so a rule that peeks at its neighbours gives
//! different results here than in [`crate::check`]; `crate::testing` compares
//! the two in every rule test, and `tests/incremental.rs` does on the corpus.
//!
//! Document-level rules that would otherwise scan the whole text on every
//! keystroke are written as fact rules (`Check::Facts`): `collect` notes what
//! a paragraph contains (cached with it), `judge` decides from all the facts.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Document, Heading, Line, Paragraph, Span};
use crate::offsets::{LineIndex, Unit};
use crate::registry::{self, Check, RuleMeta};
use crate::rules::placeholder::Placeholder;
use crate::rules::structure::outline::OutlineNode;
use crate::segment;
use crate::sink::Sink;
use rustc_hash::FxHashMap;
use std::rc::Rc;

/// Something a fact rule's `collect` noted in one paragraph: a key chosen by
/// the rule (`"title"`), a small value (its meaning is the rule's), and the
/// span (byte offsets of the text). `paragraph` is filled in by the engine:
/// the index of the paragraph the fact comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fact {
    pub key: &'static str,
    pub value: u32,
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// Where `collect` puts its facts.
#[derive(Default)]
pub struct Facts {
    out: Vec<Fact>,
    without_dictionary: bool,
    /// Which alternatives of the rule's triggers hold (`Need::alternatives`).
    triggered: u32,
}

impl Facts {
    /// Whether the paragraph holds one of the rule's `triggers` (declared
    /// like a paragraph rule's, see `registry::Triggers`; always true for a
    /// rule without them, or with the pre-filter off). When false, `collect`
    /// must note nothing that depends on the paragraph's text: the triggers
    /// must cover every such fact (`tests/prefilter.rs` checks).
    pub fn triggered(&self) -> bool {
        self.triggered != 0
    }

    /// Whether alternative `k` of the rule's triggers (0: the first declared)
    /// holds; true for every `k` without triggers or with the pre-filter off.
    pub fn triggered_by(&self, k: usize) -> bool {
        self.triggered & 1 << k.min(31) != 0
    }

    /// Notes a fact over `start..end` (byte offsets, like `Sink::report`).
    pub fn note(&mut self, key: &'static str, start: usize, end: usize, value: u32) {
        self.out.push(Fact {
            key,
            value,
            start,
            end,
            paragraph: 0,
        });
    }

    /// Some facts need the dictionary, which is not loaded yet
    /// ([`segment::dictionary_loaded`]): the rule left them out (and notes
    /// what `judge` needs to know); the engine collects this paragraph again
    /// once the dictionary is there.
    pub fn without_dictionary(&mut self) {
        self.without_dictionary = true;
    }
}

/// A document-level rule in two steps: `collect` runs per paragraph and is
/// cached with it; `judge` sees every fact of the document, in order, with
/// offsets into the whole text.
///
/// `judge` may read the facts, the text inside their spans and the first
/// paragraph (the title), nothing else of the document; and it must not
/// depend on distances between paragraphs (only on the order of positions).
/// Then the [`Checker`] reuses its findings, moved with their paragraphs, as
/// long as these are unchanged (a keystroke that changes no fact).
///
/// A rule whose `judge` must read more than that (e.g. searches the whole
/// text for a name its facts define) sets `reads_text`: its `judge` runs on
/// every check.
pub struct FactRule {
    pub collect: fn(&Document, &Paragraph, &mut Facts),
    pub judge: fn(&Document, &[Fact], &mut Sink<'_>),
    pub reads_text: bool,
}

/// The enabled rules of one config, with their severities.
struct Plan {
    paragraph: Vec<(&'static RuleMeta, Severity)>,
    /// The trigger of each paragraph rule (see `registry::Triggers`).
    needs: Vec<&'static registry::Need>,
    facts: Vec<(&'static RuleMeta, Severity)>,
    /// The trigger of each fact rule (see [`Facts::triggered`]).
    fact_needs: Vec<&'static registry::Need>,
    document: Vec<(&'static RuleMeta, Severity)>,
}

impl Plan {
    fn new(config: &Config) -> Plan {
        let mut plan = Plan {
            paragraph: Vec::new(),
            needs: Vec::new(),
            facts: Vec::new(),
            fact_needs: Vec::new(),
            document: Vec::new(),
        };
        let prefilter = registry::prefilter();
        for (k, rule) in registry::all().enumerate() {
            let Some(sev) = config.severity_of(rule) else {
                continue;
            };
            match rule.check {
                Check::Paragraph(_) => {
                    plan.paragraph.push((rule, sev));
                    plan.needs.push(prefilter.need_at(k));
                }
                Check::Facts(_) => {
                    plan.facts.push((rule, sev));
                    plan.fact_needs.push(prefilter.need_at(k));
                }
                Check::Document(_) => plan.document.push((rule, sev)),
            }
        }
        plan
    }
}

/// What the per-paragraph step produced for one paragraph (offsets relative
/// to the start of its line in the [`Checker`]).
#[derive(Clone, Default)]
struct ParaResult {
    diags: Vec<Diagnostic>,
    /// One list per fact rule of the plan, in plan order.
    facts: Vec<Vec<Fact>>,
    /// A rule wanted segmentation before the dictionary was loaded (wasm).
    pending: bool,
    /// Facts were collected without the dictionary (collect again once loaded).
    stale: bool,
    /// Unique to this result (never 0 once computed): see [`line_stamps`].
    stamp: u64,
}

/// Source of [`ParaResult::stamp`].
static NEXT_STAMP: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

thread_local! {
    /// The stamps of the paragraphs of the check whose `judge`s are running.
    static STAMPS: std::cell::RefCell<Option<Vec<u64>>> = const { std::cell::RefCell::new(None) };
}

/// For a `reads_text` judge that caches what it found in each paragraph's
/// line: one stamp per paragraph (in `doc.paragraphs` order), the same only
/// while the result computed for that line's text is reused (a [`Checker`]
/// keeps it for an unchanged line), so an unchanged stamp means an
/// unchanged line text. `None` outside a [`Checker`]'s `judge` step (a
/// one-off check has nothing to reuse).
pub fn line_stamps<R>(f: impl FnOnce(Option<&[u64]>) -> R) -> R {
    STAMPS.with(|s| f(s.borrow().as_deref()))
}

/// Sets [`line_stamps`] while the guard lives.
struct StampGuard;

impl StampGuard {
    fn set(stamps: Vec<u64>) -> StampGuard {
        STAMPS.with(|s| *s.borrow_mut() = Some(stamps));
        StampGuard
    }
}

impl Drop for StampGuard {
    fn drop(&mut self) {
        STAMPS.with(|s| *s.borrow_mut() = None);
    }
}

fn shift(d: &mut Diagnostic, by: isize) {
    let s = |x: &mut usize| *x = x.wrapping_add_signed(by);
    s(&mut d.start);
    s(&mut d.end);
    for f in &mut d.fixes {
        s(&mut f.start);
        s(&mut f.end);
    }
}

/// Runs the per-paragraph step on `p`; offsets are made relative to `base`.
fn run_paragraph(
    plan: &Plan,
    config: &Config,
    doc: &Document,
    p: &Paragraph,
    base: usize,
) -> ParaResult {
    let mut r = ParaResult {
        facts: vec![Vec::new(); plan.facts.len()],
        stamp: NEXT_STAMP.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        ..ParaResult::default()
    };
    (r.pending, r.stale) = run_rules(plan, config, doc, p, base, 0, &mut r.diags, &mut r.facts);
    r
}

/// The per-paragraph step on `p`: its findings are added to `diags`, each
/// fact rule's facts to its list in `facts` (plan order) with `paragraph`
/// set to `index`; offsets relative to `base`. Returns whether a rule
/// wanted segmentation before the dictionary was loaded, and whether facts
/// were collected without it (see [`ParaResult`]).
#[allow(clippy::too_many_arguments)]
fn run_rules(
    plan: &Plan,
    config: &Config,
    doc: &Document,
    p: &Paragraph,
    base: usize,
    index: usize,
    diags: &mut Vec<Diagnostic>,
    facts: &mut [Vec<Fact>],
) -> (bool, bool) {
    let (mut pending, mut stale) = (false, false);
    segment::take_missed();
    let present = registry::scan_paragraph(doc.para_text(p));
    for (&(rule, sev), need) in plan.paragraph.iter().zip(&plan.needs) {
        if !need.admits(present) {
            continue;
        }
        let Check::Paragraph(f) = &rule.check else {
            unreachable!()
        };
        let mut sink = Sink::new(rule, sev, config);
        f(doc, p, &mut sink);
        if segment::take_missed() {
            pending = true;
            continue;
        }
        for mut d in sink.out {
            shift(&mut d, -(base as isize));
            diags.push(d);
        }
    }
    for ((&(rule, _), need), list) in plan.facts.iter().zip(&plan.fact_needs).zip(facts) {
        let Check::Facts(fr) = &rule.check else {
            unreachable!()
        };
        // `collect` adds to the list (it never reads it).
        let from = list.len();
        let mut facts = Facts {
            out: std::mem::take(list),
            triggered: need.alternatives(present),
            ..Facts::default()
        };
        (fr.collect)(doc, p, &mut facts);
        if segment::take_missed() {
            pending = true;
            facts.out.truncate(from);
        }
        stale |= facts.without_dictionary;
        for f in &mut facts.out[from..] {
            f.start -= base;
            f.end -= base;
            f.paragraph = index;
        }
        *list = facts.out;
    }
    (pending, stale)
}

/// What a fact rule's `judge` decided in the [`Checker`]'s previous update.
struct JudgeMemo {
    /// Its facts, offsets relative to their paragraph's line start.
    facts: Vec<Fact>,
    /// Its findings (offsets in that update's text).
    out: Vec<Diagnostic>,
}

/// The previous update, for reusing `judge` findings (see [`FactRule`]).
struct MemoCtx<'a> {
    old_text: &'a str,
    /// Line start of each paragraph, in the previous text and in this one.
    old_bases: &'a [usize],
    new_bases: &'a [usize],
    /// Same paragraph count and same first paragraph as before.
    comparable: bool,
    /// One per fact rule of the plan.
    memos: &'a mut Vec<Option<JudgeMemo>>,
}

/// Moves offset `x` of the previous text with its paragraph.
fn remap(x: usize, old: &[usize], new: &[usize]) -> Option<usize> {
    let k = old.partition_point(|&b| b <= x).checked_sub(1)?;
    Some(new[k] + (x - old[k]))
}

fn remap_diag(d: &Diagnostic, old: &[usize], new: &[usize]) -> Option<Diagnostic> {
    let mut d = d.clone();
    d.start = remap(d.start, old, new)?;
    d.end = remap(d.end, old, new)?;
    for f in &mut d.fixes {
        f.start = remap(f.start, old, new)?;
        f.end = remap(f.end, old, new)?;
    }
    Some(d)
}

/// What the per-paragraph step produced, for [`finish`].
enum Collected<'a> {
    /// A [`Checker`]'s: each paragraph's result and the offset its result
    /// is relative to.
    Paras(&'a [(&'a ParaResult, usize)]),
    /// A one-off check's, in one list each (offsets in the text; no
    /// result per paragraph to keep): the findings, each fact rule's facts
    /// (plan order), whether a rule wanted segmentation.
    Flat {
        diags: Vec<Diagnostic>,
        facts: Vec<Vec<Fact>>,
        pending: bool,
    },
}

/// The document-wide step: document rules, fact rules' `judge`, the
/// allow-list, the order.
fn finish(
    plan: &Plan,
    config: &Config,
    doc: &Document,
    collected: Collected<'_>,
    mut memo: Option<MemoCtx<'_>>,
) -> (Vec<Diagnostic>, bool) {
    let (mut out, mut pending, paras, mut flat) = match collected {
        Collected::Paras(paras) => {
            let mut out = Vec::new();
            let mut pending = false;
            for &(r, start) in paras {
                pending |= r.pending;
                out.extend(r.diags.iter().cloned().map(|mut d| {
                    shift(&mut d, start as isize);
                    d
                }));
            }
            (out, pending, paras, None)
        }
        Collected::Flat {
            diags,
            facts,
            pending,
        } => (diags, pending, &[][..], Some(facts)),
    };
    segment::take_missed();
    let reads_text = |(rule, _): &&(&RuleMeta, Severity)| matches!(&rule.check, Check::Facts(fr) if fr.reads_text);
    // Only a `Checker` keeps results for the next update.
    let _stamps = (memo.is_some() && plan.facts.iter().any(|r| reads_text(&r)))
        .then(|| StampGuard::set(paras.iter().map(|(r, _)| r.stamp).collect()));
    for (i, &(rule, sev)) in plan.facts.iter().enumerate() {
        let Check::Facts(fr) = &rule.check else {
            unreachable!()
        };
        let facts = if let Some(lists) = flat.as_mut() {
            std::mem::take(&mut lists[i])
        } else {
            Vec::new()
        };
        // Relative to each paragraph's base, with the paragraph's index.
        let rel: Vec<Fact> = paras
            .iter()
            .enumerate()
            .flat_map(|(k, (r, _))| r.facts[i].iter().map(move |f| Fact { paragraph: k, ..*f }))
            .collect();
        if let Some(m) = memo.as_mut().filter(|m| m.comparable && !fr.reads_text) {
            let same = m.memos[i].as_ref().filter(|old| {
                old.facts == rel
                    && rel.iter().all(|f| {
                        let (o, n) = (m.old_bases[f.paragraph], m.new_bases[f.paragraph]);
                        m.old_text.get(o + f.start..o + f.end)
                            == doc.text.get(n + f.start..n + f.end)
                    })
            });
            if let Some(old) = same {
                let moved: Option<Vec<Diagnostic>> = old
                    .out
                    .iter()
                    .map(|d| remap_diag(d, m.old_bases, m.new_bases))
                    .collect();
                if let Some(mut moved) = moved {
                    m.memos[i] = Some(JudgeMemo {
                        facts: rel,
                        out: moved.clone(),
                    });
                    out.append(&mut moved);
                    continue;
                }
            }
        }
        let facts: Vec<Fact> = if flat.is_some() {
            facts
        } else {
            rel.iter()
                .map(|f| {
                    let base = paras[f.paragraph].1;
                    Fact {
                        start: f.start + base,
                        end: f.end + base,
                        ..*f
                    }
                })
                .collect()
        };
        let mut sink = Sink::new(rule, sev, config);
        (fr.judge)(doc, &facts, &mut sink);
        let missed = segment::take_missed();
        if let Some(m) = memo.as_mut() {
            m.memos[i] = (!missed).then(|| JudgeMemo {
                facts: rel,
                out: sink.out.clone(),
            });
        }
        if missed {
            pending = true;
        } else {
            out.append(&mut sink.out);
        }
    }
    for &(rule, sev) in &plan.document {
        let Check::Document(f) = &rule.check else {
            unreachable!()
        };
        let mut sink = Sink::new(rule, sev, config);
        f(doc, &mut sink);
        if segment::take_missed() {
            pending = true;
        } else {
            out.append(&mut sink.out);
        }
    }
    config.drop_allowed(doc.text, &mut out);
    crate::suppress::apply(doc, &mut out);
    out.sort_by(|a, b| (a.start, a.end, a.rule.id).cmp(&(b.start, b.end, b.rule.id)));
    (out, pending)
}

/// Checks a parsed document in one pass (no cache). Returns the findings and
/// whether some are missing because segmentation was not available yet.
pub(crate) fn check_full(doc: &Document, config: &Config) -> (Vec<Diagnostic>, bool) {
    let plan = Plan::new(config);
    let (mut diags, mut facts) = (Vec::new(), vec![Vec::new(); plan.facts.len()]);
    let mut pending = false;
    for (k, p) in doc.paragraphs.iter().enumerate() {
        pending |= run_rules(&plan, config, doc, p, 0, k, &mut diags, &mut facts).0;
    }
    let collected = Collected::Flat {
        diags,
        facts,
        pending,
    };
    finish(&plan, config, doc, collected, None)
}

/// Every enabled fact rule's facts for `text` (default config), by rule id:
/// `tests/prefilter.rs` compares them with and without the pre-filter.
#[doc(hidden)]
pub fn facts_of(text: &str) -> Vec<(&'static str, Vec<Fact>)> {
    let (doc, config) = (Document::parse(text), Config::default());
    let plan = Plan::new(&config);
    let results: Vec<ParaResult> = doc
        .paragraphs
        .iter()
        .map(|p| run_paragraph(&plan, &config, &doc, p, 0))
        .collect();
    (plan.facts.iter().enumerate())
        .map(|(i, (rule, _))| {
            (
                rule.id,
                results.iter().flat_map(|r| r.facts[i].clone()).collect(),
            )
        })
        .collect()
}

/// Length of the common prefix of `a` and `b`, compared eight bytes at a
/// time (wasm has no vectorised `memcmp`).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let word = |s: &[u8], i: usize| u64::from_le_bytes(s[i..i + 8].try_into().expect("8 bytes"));
    let mut i = 0;
    while i + 8 <= n && word(a, i) == word(b, i) {
        i += 8;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// Length of the common suffix of `a` and `b`.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let word = |s: &[u8], i: usize| u64::from_le_bytes(s[i - 8..i].try_into().expect("8 bytes"));
    let mut i = 0;
    while i + 8 <= n && word(a, n - i) == word(b, n - i) {
        i += 8;
    }
    while i < n && a[n - i - 1] == b[n - i - 1] {
        i += 1;
    }
    i
}

/// The previous update of a [`Checker`].
struct Previous {
    text: String,
    /// Each paragraph's line span and result.
    paras: Vec<(usize, usize, Rc<ParaResult>)>,
    /// The first paragraph's text (fact rules' `judge` may read it).
    title: String,
    memos: Vec<Option<JudgeMemo>>,
    /// UTF-16 offset of each line, for front ends ([`Checker::position`]).
    lines: LineIndex,
    outline: Vec<OutlineNode>,
    placeholders: Vec<Placeholder>,
    /// `text` parsed: an edit re-parses only the lines it touched.
    parsed: Parsed,
}

/// A parsed document without its text (what [`Document::parse`] found).
#[derive(Default)]
struct Parsed {
    lines: Vec<Line>,
    paragraphs: Vec<Paragraph>,
    headings: Vec<Heading>,
}

/// Where [`splice`] re-read: lines `old` of the previous text became lines
/// `new`; paragraphs likewise.
struct Spliced {
    old_lines: std::ops::Range<usize>,
    new_lines: std::ops::Range<usize>,
    old_paras: std::ops::Range<usize>,
    new_paras: std::ops::Range<usize>,
}

/// `old` (the parse of a text `old_len` bytes long) after an edit that kept
/// its first `pre` and last `suf` bytes, giving `text`: the lines the edit
/// touched are parsed again, those after it are moved. The same as
/// `Document::parse(text)` (tests compare the two), because a line's
/// paragraph and heading depend on that line only.
fn splice(
    old: &Parsed,
    old_len: usize,
    text: &str,
    (pre, suf): (usize, usize),
) -> (Parsed, Spliced) {
    let n_old = old.lines.len();
    if n_old == 0 {
        let d = Document::parse(text);
        let spliced = Spliced {
            old_lines: 0..0,
            new_lines: 0..d.lines.len(),
            old_paras: 0..0,
            new_paras: 0..d.paragraphs.len(),
        };
        let Document {
            lines,
            paragraphs,
            headings,
            ..
        } = d;
        return (
            Parsed {
                lines,
                paragraphs,
                headings,
            },
            spliced,
        );
    }
    // From the line the edit starts in to the first line whose break before
    // it lies after the edit (in the common suffix).
    let a = old
        .lines
        .partition_point(|l| l.start <= pre)
        .saturating_sub(1);
    let cut = old_len - suf;
    let b = old.lines.partition_point(|l| l.start <= cut).max(a + 1);
    let delta = text.len() as isize - old_len as isize;
    let mv = |x: usize| x.wrapping_add_signed(delta);
    let from = old.lines[a].start;
    let to = if b < n_old {
        mv(old.lines[b].start)
    } else {
        text.len()
    };
    let part = Document::parse(&text[from..to]);
    let Document {
        lines: mut mid_lines,
        paragraphs: mid_paras,
        headings: mid_heads,
        ..
    } = part;
    if b < n_old {
        // The part ends with the break before line b: no empty line after it.
        mid_lines.pop();
    }
    let pa = old.paragraphs.partition_point(|p| p.line < a);
    let pb = old.paragraphs.partition_point(|p| p.line < b);
    let ha = old.headings.partition_point(|h| h.paragraph < pa);
    let hb = old.headings.partition_point(|h| h.paragraph < pb);
    let (nl, np, nh) = (mid_lines.len(), mid_paras.len(), mid_heads.len());
    let mut lines = Vec::with_capacity(n_old - (b - a) + nl);
    lines.extend_from_slice(&old.lines[..a]);
    lines.extend(mid_lines.iter().map(|l| Line {
        start: l.start + from,
        end: l.end + from,
    }));
    lines.extend(old.lines[b..].iter().map(|l| Line {
        start: mv(l.start),
        end: mv(l.end),
    }));
    let mut paragraphs = Vec::with_capacity(old.paragraphs.len() - (pb - pa) + np);
    paragraphs.extend_from_slice(&old.paragraphs[..pa]);
    paragraphs.extend(mid_paras.into_iter().map(|p| Paragraph {
        index: p.index + pa,
        line: p.line + a,
        start: p.start + from,
        end: p.end + from,
        heading: p.heading.map(|h| h + ha),
        ..p
    }));
    paragraphs.extend(old.paragraphs[pb..].iter().map(|p| Paragraph {
        index: p.index - pb + pa + np,
        line: p.line - b + a + nl,
        start: mv(p.start),
        end: mv(p.end),
        heading: p.heading.map(|h| h - hb + ha + nh),
        ..p.clone()
    }));
    let span = |s: Span, by: &dyn Fn(usize) -> usize| Span {
        start: by(s.start),
        end: by(s.end),
    };
    let mut headings = Vec::with_capacity(old.headings.len() - (hb - ha) + nh);
    headings.extend_from_slice(&old.headings[..ha]);
    let at = |x: usize| x + from;
    headings.extend(mid_heads.into_iter().map(|h| Heading {
        paragraph: h.paragraph + pa,
        ordinal: span(h.ordinal, &at),
        number: span(h.number, &at),
        text: span(h.text, &at),
        ..h
    }));
    headings.extend(old.headings[hb..].iter().map(|h| Heading {
        paragraph: h.paragraph - pb + pa + np,
        ordinal: span(h.ordinal, &mv),
        number: span(h.number, &mv),
        text: span(h.text, &mv),
        ..h.clone()
    }));
    let spliced = Spliced {
        old_lines: a..b,
        new_lines: a..a + nl,
        old_paras: pa..pb,
        new_paras: pa..pa + np,
    };
    (
        Parsed {
            lines,
            paragraphs,
            headings,
        },
        spliced,
    )
}

/// What the last update of a [`Checker`] changed besides the findings.
/// `false`: the same list as the update before, each entry moved with the
/// edit (offsets and line; entries after the edit start on a later line
/// than the edit's end, so their columns are unchanged too).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    pub outline: bool,
    pub placeholders: bool,
}

/// An edit of the previous text, in bytes: `from..to` became `from..new_to`.
struct Moved {
    from: usize,
    to: usize,
    new_to: usize,
    /// Line breaks added (or removed, negative).
    lines: isize,
    /// 1-based line of `new_to` in the new text.
    end_line: usize,
}

impl Moved {
    /// Whether an entry over `old` (start, end, line) of the previous text is
    /// at `new` in this one, moved with the edit.
    fn same(&self, old: (usize, usize, usize), new: (usize, usize, usize)) -> bool {
        if old.1 <= self.from {
            old == new
        } else if old.0 >= self.to {
            let by = self.new_to as isize - self.to as isize;
            new == (
                old.0.wrapping_add_signed(by),
                old.1.wrapping_add_signed(by),
                old.2.wrapping_add_signed(self.lines),
            ) && new.2 > self.end_line
        } else {
            false
        }
    }

    fn outline(&self, old: &[OutlineNode], new: &[OutlineNode]) -> bool {
        old.len() == new.len()
            && old.iter().zip(new).all(|(o, n)| {
                (o.kind, o.level, o.depth, o.parent, &o.number, &o.text)
                    == (n.kind, n.level, n.depth, n.parent, &n.number, &n.text)
                    && self.same((o.start, o.end, o.line), (n.start, n.end, n.line))
            })
    }

    fn placeholders(&self, old: &[Placeholder], new: &[Placeholder]) -> bool {
        old.len() == new.len()
            && old.iter().zip(new).all(|(o, n)| {
                (&o.text, &o.before, &o.after, o.rule) == (&n.text, &n.before, &n.after, n.rule)
                    && self.same((o.start, o.end, o.line), (n.start, n.end, n.line))
            })
    }
}

/// An incremental checker for one editor: keep it, and after each change
/// call [`Checker::edit`] with the change (or [`Checker::analyze`] with the
/// whole text). Paragraphs whose text did not change are not re-checked:
/// those before and after the changed range are taken over without looking
/// them up, the others are looked up by their line's text.
pub struct Checker {
    config: Config,
    plan: Plan,
    cache: FxHashMap<Box<str>, Rc<ParaResult>>,
    previous: Option<Previous>,
    /// Whether the cache holds results computed without segmentation.
    cached_pending: bool,
    changed: Changed,
}

impl Checker {
    pub fn new(config: Config) -> Checker {
        Checker {
            plan: Plan::new(&config),
            config,
            cache: FxHashMap::default(),
            previous: None,
            cached_pending: false,
            changed: Changed::default(),
        }
    }

    /// What the last update changed besides the findings (see [`Changed`]).
    pub fn changed(&self) -> Changed {
        self.changed
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Replaces the config; the cache is keyed on it, so it is emptied (the
    /// text is kept: [`Checker::edit`] goes on from it).
    pub fn set_config(&mut self, config: Config) {
        let text = self.previous.take().map(|p| p.text);
        *self = Checker::new(config);
        if let Some(text) = text {
            self.previous = Some(Previous {
                lines: LineIndex::default(),
                text,
                paras: Vec::new(),
                title: String::new(),
                memos: Vec::new(),
                outline: Vec::new(),
                placeholders: Vec::new(),
                parsed: Parsed::default(),
            });
            self.changed = Changed {
                outline: true,
                placeholders: true,
            };
        }
    }

    /// Number of cached paragraphs (for tests and the benchmark).
    pub fn cached(&self) -> usize {
        self.cache.len()
    }

    /// The text of the last update ("" before the first).
    pub fn text(&self) -> &str {
        self.previous.as_ref().map_or("", |p| p.text.as_str())
    }

    /// Checks `text`, reusing the results of unchanged paragraphs.
    pub fn analyze(&mut self, text: &str) -> crate::Analysis {
        let (old, new) = (self.text().as_bytes(), text.as_bytes());
        let pre = common_prefix(old, new);
        let suf = common_suffix(old, new).min(old.len().min(new.len()) - pre);
        self.update(text.to_string(), (pre, suf))
    }

    /// Replaces bytes `from..to` of the last update's text ([`Checker::text`])
    /// with `inserted` and checks the result: the same as [`Checker::analyze`]
    /// with the whole new text, without comparing it with the old one.
    /// Panics unless `from..to` is a range of the text on character boundaries.
    pub fn edit(&mut self, from: usize, to: usize, inserted: &str) -> crate::Analysis {
        let old = self.text();
        assert!(
            from <= to && old.is_char_boundary(from) && old.is_char_boundary(to),
            "edit {from}..{to} is not a range of the text"
        );
        let mut text = String::with_capacity(old.len() - (to - from) + inserted.len());
        text.push_str(&old[..from]);
        text.push_str(inserted);
        text.push_str(&old[to..]);
        let suf = old.len() - to;
        self.update(text, (from, suf))
    }

    /// [`Checker::analyze`]'s findings only.
    pub fn check(&mut self, text: &str) -> Vec<Diagnostic> {
        self.analyze(text).diagnostics
    }

    /// Position of byte offset `byte` of [`Checker::text`] in UTF-16 code
    /// units (offset, 1-based line, column), counted from its line's start.
    pub fn position(&self, byte: usize) -> crate::offsets::Position {
        match &self.previous {
            Some(p) => p.lines.position(&p.text, byte),
            None => LineIndex::default().position("", byte),
        }
    }

    /// The byte offset of UTF-16 offset `unit` of [`Checker::text`], or None
    /// if it lies past the end or inside a surrogate pair.
    pub fn byte_of_utf16(&self, unit: usize) -> Option<usize> {
        match &self.previous {
            Some(p) => p.lines.byte_of(&p.text, unit),
            None => (unit == 0).then_some(0),
        }
    }

    /// Checks `text`, whose first `common.0` and last `common.1` bytes are
    /// those of the previous text, and keeps it.
    fn update(&mut self, text: String, common: (usize, usize)) -> crate::Analysis {
        let mut old = self.previous.take();
        let old_parsed = old
            .as_mut()
            .map(|p| std::mem::take(&mut p.parsed))
            .unwrap_or_default();
        let old_len = old.as_ref().map_or(0, |p| p.text.len());
        let (parsed, spliced) = splice(&old_parsed, old_len, &text, common);
        let doc = Document::from_parts(&text, parsed.lines, parsed.paragraphs, parsed.headings);
        // No heading or section line touched: the outline is the previous one moved.
        let outlined = |p: &Paragraph| p.heading.is_some() || p.section_break;
        let kept_outline = old.as_ref().filter(|p| {
            p.lines != LineIndex::default()
                && !old_parsed.paragraphs[spliced.old_paras.clone()]
                    .iter()
                    .any(outlined)
                && !doc.paragraphs[spliced.new_paras.clone()]
                    .iter()
                    .any(outlined)
        });
        let outline = kept_outline.map(|p| {
            let lines = spliced.new_lines.len() as isize - spliced.old_lines.len() as isize;
            let edge = old_parsed
                .lines
                .get(spliced.old_lines.end)
                .map_or(usize::MAX, |l| l.start);
            let by = text.len() as isize - old_len as isize;
            p.outline
                .iter()
                .map(|n| {
                    let mut n = n.clone();
                    if n.start >= edge {
                        n.start = n.start.wrapping_add_signed(by);
                        n.end = n.end.wrapping_add_signed(by);
                        n.line = n.line.wrapping_add_signed(lines);
                    }
                    n
                })
                .collect()
        });
        let outline_kept = outline.is_some();
        self.previous = old;
        let (diagnostics, pending, state) = self.check_document(&doc, common);
        let analysis = crate::analysis_with(&doc, diagnostics, pending, outline);
        let starts: Vec<usize> = doc.lines.iter().map(|l| l.start).collect();
        let Document {
            lines,
            paragraphs,
            headings,
            ..
        } = doc;
        let parsed = Parsed {
            lines,
            paragraphs,
            headings,
        };
        let old = self.previous.take();
        let lines = match &old {
            Some(p) => p.lines.update(&text, &starts, Unit::Utf16, common),
            None => LineIndex::new(&text, &starts, Unit::Utf16),
        };
        self.changed = match &old {
            Some(p) if p.lines != LineIndex::default() => {
                let breaks = |s: &[u8]| s.iter().filter(|&&b| b == b'\n').count() as isize;
                let (from, new_to) = (common.0, text.len() - common.1);
                let moved = Moved {
                    from,
                    to: p.text.len() - common.1,
                    new_to,
                    lines: breaks(&text.as_bytes()[from..new_to])
                        - breaks(&p.text.as_bytes()[from..p.text.len() - common.1]),
                    end_line: lines.position(&text, new_to).line,
                };
                Changed {
                    outline: !outline_kept && !moved.outline(&p.outline, &analysis.outline),
                    placeholders: !moved.placeholders(&p.placeholders, &analysis.placeholders),
                }
            }
            _ => Changed {
                outline: true,
                placeholders: true,
            },
        };
        drop(old);
        let (paras, title, memos) = state;
        self.previous = Some(Previous {
            text,
            paras,
            title,
            memos,
            lines,
            outline: analysis.outline.clone(),
            placeholders: analysis.placeholders.clone(),
            parsed,
        });
        analysis
    }

    /// Results of the paragraphs that lie in the common prefix or suffix
    /// (`common`) of the previous text and `doc.text`, by paragraph index.
    fn unchanged(&self, doc: &Document, common: (usize, usize)) -> Vec<Option<Rc<ParaResult>>> {
        let n = doc.paragraphs.len();
        let mut got = vec![None; n];
        let Some(prev) = &self.previous else {
            return got;
        };
        let (old, new) = (prev.text.as_bytes(), doc.text.as_bytes());
        let (pre, suf) = common;
        // Before the change: the line and the break after it are common.
        for (k, p) in doc.paragraphs.iter().enumerate() {
            let line = doc.lines[p.line];
            match prev.paras.get(k) {
                Some((s, e, r)) if line.end < pre && (*s, *e) == (line.start, line.end) => {
                    got[k] = Some(r.clone());
                }
                _ => break,
            }
        }
        // After it: the line and the break before it are common.
        let from = new.len() - suf;
        let delta = old.len() as isize - new.len() as isize;
        for (j, p) in doc.paragraphs.iter().enumerate().rev() {
            let line = doc.lines[p.line];
            let Some(o) = (prev.paras.len() + j).checked_sub(n) else {
                break;
            };
            let (s, e, r) = &prev.paras[o];
            let moved = |x: usize| x.wrapping_add_signed(delta);
            if got[j].is_some()
                || line.start == 0
                || line.start - 1 < from
                || (*s, *e) != (moved(line.start), moved(line.end))
            {
                break;
            }
            got[j] = Some(r.clone());
        }
        got
    }

    #[allow(clippy::type_complexity)]
    fn check_document(
        &mut self,
        doc: &Document,
        common: (usize, usize),
    ) -> (
        Vec<Diagnostic>,
        bool,
        (
            Vec<(usize, usize, Rc<ParaResult>)>,
            String,
            Vec<Option<JudgeMemo>>,
        ),
    ) {
        if self.cached_pending && segment::dictionary_loaded() {
            // Results computed without the dictionary are incomplete.
            self.cache.retain(|_, e| !e.pending && !e.stale);
            if let Some(p) = self.previous.as_mut() {
                p.paras.clear();
                p.memos.clear();
            }
            self.cached_pending = false;
        }
        let mut results = self.unchanged(doc, common);
        for (p, slot) in doc.paragraphs.iter().zip(&mut results) {
            if slot.is_some() {
                continue;
            }
            // Keyed on the whole line: a rule may read its paragraph's indentation.
            let line = doc.lines[p.line];
            let text = doc.slice(line.start, line.end);
            if let Some(r) = self.cache.get(text) {
                *slot = Some(r.clone());
                continue;
            }
            // Parsed on its own: the paragraph's findings cannot depend on its neighbours.
            let alone = Document::parse(text);
            let result = match alone.paragraphs.first() {
                Some(ap) => run_paragraph(&self.plan, &self.config, &alone, ap, 0),
                None => ParaResult::default(),
            };
            self.cached_pending |= result.pending || result.stale;
            let result = Rc::new(result);
            self.cache.insert(text.into(), result.clone());
            *slot = Some(result);
        }
        let results: Vec<Rc<ParaResult>> = results.into_iter().map(Option::unwrap).collect();
        let bases: Vec<usize> = doc
            .paragraphs
            .iter()
            .map(|p| doc.lines[p.line].start)
            .collect();
        let paras: Vec<(&ParaResult, usize)> = results
            .iter()
            .zip(&bases)
            .map(|(r, &b)| (&**r, b))
            .collect();
        let title = doc.paragraphs.first().map_or("", |p| doc.para_text(p));
        let prev = self.previous.as_mut();
        let old_bases: Vec<usize> = prev
            .as_ref()
            .map_or_else(Vec::new, |p| p.paras.iter().map(|x| x.0).collect());
        let (mut memos, comparable) = match prev {
            Some(p) => (
                std::mem::take(&mut p.memos),
                p.paras.len() == paras.len() && p.title == title,
            ),
            None => (Vec::new(), false),
        };
        memos.resize_with(self.plan.facts.len(), || None);
        let memo = MemoCtx {
            old_text: self.previous.as_ref().map_or("", |p| p.text.as_str()),
            old_bases: &old_bases,
            new_bases: &bases,
            comparable,
            memos: &mut memos,
        };
        let collected = Collected::Paras(&paras);
        let (out, pending) = finish(&self.plan, &self.config, doc, collected, Some(memo));
        let paras = doc
            .paragraphs
            .iter()
            .zip(results)
            .map(|(p, r)| {
                let line = doc.lines[p.line];
                (line.start, line.end, r)
            })
            .collect();
        // Keep this update's paragraphs (held by `previous` too) and drop the
        // rest now and then; the update before is kept in the cache until then
        // (an undo, or a character typed and deleted again, hits the cache).
        if self.cache.len() > doc.paragraphs.len() * 3 + 64 {
            // `previous` still holds the last update's results: keep those too.
            self.cache.retain(|_, r| Rc::strong_count(r) > 1);
        }
        (out, pending, (paras, title.to_string(), memos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Category;

    fn ids(d: &[Diagnostic], text: &str) -> Vec<(String, String)> {
        d.iter()
            .map(|d| (d.rule.id.to_string(), text[d.start..d.end].to_string()))
            .collect()
    }

    #[test]
    fn common_prefix_and_suffix() {
        let (a, b) = ("一二三四五六七八九十abc", "一二三四五X六七八九十abc");
        let p = common_prefix(a.as_bytes(), b.as_bytes());
        let s = common_suffix(a.as_bytes(), b.as_bytes());
        assert_eq!((p, s), ("一二三四五".len(), "六七八九十abc".len()));
        assert_eq!(common_prefix(b"abcdefghij", b"abcdefghij"), 10);
        assert_eq!(common_suffix(b"xbcdefghij", b"abcdefghij"), 9);
        assert_eq!(common_prefix(b"", b"abc"), 0);
    }

    #[test]
    fn an_edit_reparses_only_its_lines_and_agrees_with_a_fresh_parse() {
        let parts = |d: &Document| format!("{:?}|{:?}|{:?}", d.lines, d.paragraphs, d.headings);
        let mut text = String::from(
            "关于工作的报告\r\n一、总体情况\n\n　　调研X次。\n（一）做法\n第二章 附则\n附件1：名单\n2.1 目标\n尾",
        );
        let mut parsed = {
            let Document {
                lines,
                paragraphs,
                headings,
                ..
            } = Document::parse(&text);
            Parsed {
                lines,
                paragraphs,
                headings,
            }
        };
        // (from, to, inserted) in bytes, each on character boundaries of the text then.
        let mut rng = 7u64;
        for step in 0..400 {
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let pick = |r: u64| {
                let mut b = (r as usize) % (text.len() + 1);
                while !text.is_char_boundary(b) {
                    b -= 1;
                }
                b
            };
            let (x, y) = (pick(rng >> 11), pick(rng >> 29));
            let (from, to) = if step % 3 == 0 {
                (x, x)
            } else {
                (x.min(y), x.max(y).min(x.min(y) + 12))
            };
            let to = {
                let mut t = to;
                while !text.is_char_boundary(t) {
                    t -= 1;
                }
                t.max(from)
            };
            let ins = [
                "",
                "\n",
                "一、",
                "\r\n（二）新",
                "X",
                "\n\n",
                "　",
                "附件2",
                "第三章",
                "1.",
                "\r",
            ][(rng >> 40) as usize % 11];
            let old_len = text.len();
            text.replace_range(from..to, ins);
            let (new, _) = splice(&parsed, old_len, &text, (from, old_len - to));
            let d = Document::from_parts(&text, new.lines, new.paragraphs, new.headings);
            assert_eq!(
                parts(&d),
                parts(&Document::parse(&text)),
                "step {step}: {text:?}"
            );
            let Document {
                lines,
                paragraphs,
                headings,
                ..
            } = d;
            parsed = Parsed {
                lines,
                paragraphs,
                headings,
            };
        }
    }

    #[test]
    fn keystrokes_recheck_only_the_changed_paragraph_and_agree_with_a_full_check() {
        let mut c = Checker::new(Config::default());
        let mut text = String::from("一、总体情况\n调研X次。\n　　我们的的工作\n三、下一步\n");
        for step in ["", "《", "县", "县", "本级", "》"] {
            text.insert_str(text.find("工作").unwrap(), step);
            let got = c.check(&text);
            assert_eq!(
                format!("{got:?}"),
                format!("{:?}", crate::check(&text, &Config::default()))
            );
        }
        assert!(c.cached() <= 4 * 2 + 64);
        let got = c.check(&text);
        assert_eq!(
            ids(&got, &text),
            [
                ("placeholder/x-slot".into(), "X".into()),
                ("consistency/doubled-char".into(), "的的".into()),
                ("consistency/doubled-char".into(), "县县".into()),
                ("structure/heading-sequence".into(), "三、".into()),
            ]
        );
    }

    #[test]
    fn without_the_dictionary_results_are_marked_pending_then_completed() {
        let text = "调研X次。\n《县县本级办法》";
        let mut c = Checker::new(Config::default());
        crate::segment::hide_dictionary(true);
        let a = c.analyze(text);
        let b = crate::analyze(text, &Config::default());
        crate::segment::hide_dictionary(false);
        assert!(a.segmentation_pending && b.segmentation_pending);
        assert_eq!(
            ids(&a.diagnostics, text),
            [("placeholder/x-slot".into(), "X".into())]
        );
        assert_eq!(ids(&b.diagnostics, text), ids(&a.diagnostics, text));
        let a = c.analyze(text);
        assert!(!a.segmentation_pending);
        assert_eq!(
            a.diagnostics.len(),
            2,
            "the pending paragraph is checked again"
        );
    }

    // A fact rule: a document that says 本县 and also 本区 (test-only rule).
    fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
        let t = doc.para_text(p);
        for (v, unit) in ["本县", "本区"].iter().enumerate() {
            for (i, _) in t.match_indices(unit) {
                facts.note("unit", p.start + i, p.start + i + unit.len(), v as u32);
            }
        }
    }
    fn judge(doc: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
        let Some(first) = facts.first() else {
            return;
        };
        for f in facts.iter().filter(|f| f.value != first.value) {
            let used = doc.slice(first.start, first.end);
            sink.report(f.start, f.end, format!("前文用“{used}”"));
        }
    }
    static UNITS: RuleMeta = RuleMeta {
        id: "consistency/test-units",
        category: Category::Consistency,
        default_severity: Severity::Warning,
        title: "测试",
        doc: "test only",
        check: Check::Facts(FactRule {
            collect,
            judge,
            reads_text: false,
        }),
        triggers: None,
    };

    #[test]
    fn fact_rules_judge_from_cached_per_paragraph_facts() {
        let config = Config::default();
        let mut c = Checker::new(config.clone());
        c.plan = Plan {
            paragraph: vec![],
            needs: vec![],
            facts: vec![(&UNITS, Severity::Warning)],
            fact_needs: vec![Box::leak(Box::default())],
            document: vec![],
        };
        let text = "本县开展工作。\n本县、本区。\n本区";
        let got = c.check(text);
        let spans: Vec<_> = got
            .iter()
            .map(|d| (d.start, &text[d.start..d.end]))
            .collect();
        assert_eq!(spans, [(31, "本区"), (41, "本区")]);
        // Edit the first paragraph: the others' facts come from the cache.
        let text2 = text.replacen("本县开展", "本区开展", 1);
        let got = c.check(&text2);
        let spans: Vec<_> = got
            .iter()
            .map(|d| (d.start, &text2[d.start..d.end]))
            .collect();
        assert_eq!(spans, [(22, "本县")], "{text2}");
        assert_eq!(c.cached(), 4);
    }
}
