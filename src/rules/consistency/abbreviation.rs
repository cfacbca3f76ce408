use crate::incremental::{Fact, FactRule, Facts};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use memchr::memmem;

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

/// The definitions come from the facts; where the names are used is searched
/// in the whole text (so `reads_text`).
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
    let def_spans: Vec<(usize, usize)> = defs.iter().map(|d| (d.start, d.end)).collect();
    let in_def = |s: usize| def_spans.iter().any(|&(a, b)| a <= s && s < b);
    for d in &defs {
        // Full name again after the definition.
        if let Some(full) = &d.full {
            // memmem: non-overlapping, like match_indices, and faster.
            for at in memmem::find_iter(&text.as_bytes()[d.end..], full.as_bytes()) {
                let s = d.end + at;
                let e = s + full.len();
                // Followed by its own （简称…） it is a new definition, not a reuse.
                if text[e..].starts_with("（") && def_spans.iter().any(|&(a, _)| a == e) {
                    continue;
                }
                let diag = sink
                    .report(
                        s,
                        e,
                        format!("前文已定义简称{}，此处请直接用简称", quoted(d.short)),
                    )
                    .fix(
                        s,
                        e,
                        d.short.to_string(),
                        crate::diagnostic::Applicability::Review,
                    );
                // A bare name may be part of a longer proper name here
                // (国务院自由贸易试验区工作部际联席会议): only a hint.
                if !full.starts_with('《') {
                    diag.with_severity(crate::Severity::Info);
                }
            }
        }
        // Short name before its definition, within the same part (an 附件 is
        // a document of its own), not inside the full name, a definition or a
        // 《》 title, and not as the tail of a longer name (行政规范性文件).
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
            sink.report(
                s,
                e,
                format!(
                    "简称“{}”在后文才定义（以下简称），此处先用了简称，请改用全称或把定义移到此处",
                    d.short
                ),
            );
        }
    }
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
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "consistency/abbreviation";

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
