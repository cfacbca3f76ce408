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
use crate::model::{Document, Paragraph};
use crate::registry::{self, Check, RuleMeta};
use crate::segment;
use crate::sink::Sink;
use rustc_hash::FxHashMap;

/// Something a fact rule's `collect` noted in one paragraph: a key chosen by
/// the rule (`"county-form"`), a value, and the span (byte offsets of the text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub key: &'static str,
    pub value: String,
    pub start: usize,
    pub end: usize,
}

/// Where `collect` puts its facts.
#[derive(Default)]
pub struct Facts {
    out: Vec<Fact>,
}

impl Facts {
    /// Notes a fact over `start..end` (byte offsets, like `Sink::report`).
    pub fn note(&mut self, key: &'static str, start: usize, end: usize, value: impl Into<String>) {
        self.out.push(Fact {
            key,
            value: value.into(),
            start,
            end,
        });
    }
}

/// A document-level rule in two steps: `collect` runs per paragraph and is
/// cached with it; `judge` sees every fact of the document, in order, with
/// offsets into the whole text.
pub struct FactRule {
    pub collect: fn(&Document, &Paragraph, &mut Facts),
    pub judge: fn(&Document, &[Fact], &mut Sink<'_>),
}

/// The enabled rules of one config, with their severities.
struct Plan {
    paragraph: Vec<(&'static RuleMeta, Severity)>,
    facts: Vec<(&'static RuleMeta, Severity)>,
    document: Vec<(&'static RuleMeta, Severity)>,
}

impl Plan {
    fn new(config: &Config) -> Plan {
        let mut plan = Plan {
            paragraph: Vec::new(),
            facts: Vec::new(),
            document: Vec::new(),
        };
        for rule in registry::all() {
            let Some(sev) = config.severity_of(rule) else {
                continue;
            };
            match rule.check {
                Check::Paragraph(_) => plan.paragraph.push((rule, sev)),
                Check::Facts(_) => plan.facts.push((rule, sev)),
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
    let mut r = ParaResult::default();
    segment::take_missed();
    for &(rule, sev) in &plan.paragraph {
        let Check::Paragraph(f) = &rule.check else {
            unreachable!()
        };
        let mut sink = Sink::new(rule, sev, config);
        f(doc, p, &mut sink);
        if segment::take_missed() {
            r.pending = true;
            continue;
        }
        for mut d in sink.out {
            shift(&mut d, -(base as isize));
            r.diags.push(d);
        }
    }
    for &(rule, _) in &plan.facts {
        let Check::Facts(fr) = &rule.check else {
            unreachable!()
        };
        let mut facts = Facts::default();
        (fr.collect)(doc, p, &mut facts);
        if segment::take_missed() {
            r.pending = true;
            facts.out.clear();
        }
        for f in &mut facts.out {
            f.start -= base;
            f.end -= base;
        }
        r.facts.push(facts.out);
    }
    r
}

/// The document-wide step: document rules, fact rules' `judge`, the
/// allow-list, the order. `paras` yields each paragraph's result and start.
fn finish<'r>(
    plan: &Plan,
    config: &Config,
    doc: &Document,
    paras: impl Iterator<Item = (&'r ParaResult, usize)> + Clone,
) -> (Vec<Diagnostic>, bool) {
    let mut out = Vec::new();
    let mut pending = false;
    for (r, start) in paras.clone() {
        pending |= r.pending;
        out.extend(r.diags.iter().cloned().map(|mut d| {
            shift(&mut d, start as isize);
            d
        }));
    }
    segment::take_missed();
    for (i, &(rule, sev)) in plan.facts.iter().enumerate() {
        let Check::Facts(fr) = &rule.check else {
            unreachable!()
        };
        let facts: Vec<Fact> = paras
            .clone()
            .flat_map(|(r, start)| {
                r.facts[i].iter().map(move |f| Fact {
                    start: f.start + start,
                    end: f.end + start,
                    ..f.clone()
                })
            })
            .collect();
        let mut sink = Sink::new(rule, sev, config);
        (fr.judge)(doc, &facts, &mut sink);
        if segment::take_missed() {
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
    let results: Vec<ParaResult> = doc
        .paragraphs
        .iter()
        .map(|p| run_paragraph(&plan, config, doc, p, 0))
        .collect();
    finish(&plan, config, doc, results.iter().map(|r| (r, 0)))
}

struct Entry {
    result: ParaResult,
    /// The update that last used this entry.
    used: u64,
}

/// An incremental checker for one editor: keep it, call [`Checker::analyze`]
/// with the whole text after each change. Paragraphs whose text did not change
/// are not re-checked.
pub struct Checker {
    config: Config,
    plan: Plan,
    cache: FxHashMap<Box<str>, Entry>,
    update: u64,
    /// Whether the cache holds results computed without segmentation.
    cached_pending: bool,
}

impl Checker {
    pub fn new(config: Config) -> Checker {
        Checker {
            plan: Plan::new(&config),
            config,
            cache: FxHashMap::default(),
            update: 0,
            cached_pending: false,
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Replaces the config; the cache is keyed on it, so it is emptied.
    pub fn set_config(&mut self, config: Config) {
        *self = Checker::new(config);
    }

    /// Number of cached paragraphs (for tests and the benchmark).
    pub fn cached(&self) -> usize {
        self.cache.len()
    }

    /// Checks `text`, reusing the results of unchanged paragraphs.
    pub fn analyze(&mut self, text: &str) -> crate::Analysis {
        let doc = Document::parse(text);
        let (diagnostics, pending) = self.check_document(&doc);
        crate::analysis_from(&doc, diagnostics, pending)
    }

    /// [`Checker::analyze`]'s findings only.
    pub fn check(&mut self, text: &str) -> Vec<Diagnostic> {
        self.analyze(text).diagnostics
    }

    fn check_document(&mut self, doc: &Document) -> (Vec<Diagnostic>, bool) {
        if self.cached_pending && segment::dictionary_loaded() {
            // Results computed without the dictionary are incomplete.
            self.cache.retain(|_, e| !e.result.pending);
            self.cached_pending = false;
        }
        self.update += 1;
        let now = self.update;
        for p in &doc.paragraphs {
            // Keyed on the whole line: a rule may read its paragraph's indentation.
            let line = doc.lines[p.line];
            let text = doc.slice(line.start, line.end);
            if let Some(e) = self.cache.get_mut(text) {
                e.used = now;
                continue;
            }
            // Parsed on its own: the paragraph's findings cannot depend on its neighbours.
            let alone = Document::parse(text);
            let result = match alone.paragraphs.first() {
                Some(ap) => run_paragraph(&self.plan, &self.config, &alone, ap, 0),
                None => ParaResult::default(),
            };
            self.cached_pending |= result.pending;
            self.cache.insert(text.into(), Entry { result, used: now });
        }
        let cache = &self.cache;
        let paras: Vec<(&ParaResult, usize)> = doc
            .paragraphs
            .iter()
            .map(|p| {
                let line = doc.lines[p.line];
                (&cache[doc.slice(line.start, line.end)].result, line.start)
            })
            .collect();
        let out = finish(&self.plan, &self.config, doc, paras.iter().copied());
        // Keep this update's paragraphs and the previous one's (an undo, or
        // a character typed and deleted again, hits the cache).
        if self.cache.len() > doc.paragraphs.len() * 2 + 64 {
            self.cache.retain(|_, e| e.used + 1 >= now);
        }
        out
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
        for unit in ["本县", "本区"] {
            for (i, _) in t.match_indices(unit) {
                facts.note("unit", p.start + i, p.start + i + unit.len(), unit);
            }
        }
    }
    fn judge(_: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
        let first = facts.first().map(|f| f.value.as_str());
        for f in facts.iter().filter(|f| Some(f.value.as_str()) != first) {
            sink.report(f.start, f.end, format!("前文用“{}”", first.unwrap()));
        }
    }
    static UNITS: RuleMeta = RuleMeta {
        id: "consistency/test-units",
        category: Category::Consistency,
        default_severity: Severity::Warning,
        title: "测试",
        doc: "test only",
        check: Check::Facts(FactRule { collect, judge }),
    };

    #[test]
    fn fact_rules_judge_from_cached_per_paragraph_facts() {
        let config = Config::default();
        let mut c = Checker::new(config.clone());
        c.plan = Plan {
            paragraph: vec![],
            facts: vec![(&UNITS, Severity::Warning)],
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
