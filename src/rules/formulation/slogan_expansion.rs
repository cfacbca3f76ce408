use super::tables::SLOGANS;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Checks written-out numbered slogans against their standard expansion
    /// (table `data/slogans.tsv`): elements missing, added or out of order
    /// (`“四个自信”即道路自信、制度自信、理论自信、文化自信`), and “两个确立”/“两个维护”
    /// not word for word (`“两个确立”，即确立习近平总书记党中央的核心……`).
    ///
    /// Why: these expansions are fixed texts; an element dropped or swapped is a
    /// political error in a 公文.
    ///
    /// An expansion is the rest of the sentence after the quoted name and 即,
    /// ：, 就是 or （; it is checked when it names two elements or more (or,
    /// for “两个确立”/“两个维护”, contains 确立/维护). A list of every element
    /// without the name (`增强大局意识、政治意识、核心意识、看齐意识`) must keep the
    /// order too (one list = one clause between commas). Quiet on correct expansions, on both versions of “四个全面”, on
    /// the names alone (`增强“四个意识”`) and on partial lists that are not
    /// expansions (`强化政治意识、大局意识`).
    ///
    /// No fix: the message quotes the standard text.
    pub static SLOGAN_EXPANSION = {
        id: "formulation/slogan-expansion",
        category: Formulation,
        severity: Warning,
        title: "提法展开有误",
        check: Paragraph(check),
        triggers: triggers,
    };
}

const MARKERS: &[&str] = &[
    "，即：",
    "，即",
    "即：",
    "即",
    "：",
    "，就是",
    "，也就是",
    "（",
];

/// The end of the sentence (or bracket) that starts at byte `from`.
fn clause_end(text: &str, from: usize) -> usize {
    text[from..]
        .find(['。', '；', '）', '！', '？'])
        .map_or(text.len(), |e| from + e)
}

/// Positions of each element of a version (their pattern ids, see
/// `Slogans::version_elements`) in `seg` (None when missing): what
/// `seg.find(element)` returns.
fn positions(seg: &str, version: &[usize]) -> Vec<Option<usize>> {
    let finders = &SLOGANS.element_finders;
    (version.iter())
        .map(|&k| finders[k].find(seg.as_bytes()))
        .collect()
}

/// What is wrong with `seg` as an expansion of `s` (slogan number `i`), if
/// anything; `None` when `seg` is not an expansion or is right.
fn verdict(i: usize, seg: &str, named: bool) -> Option<String> {
    let s = &SLOGANS.list[i];
    let (best, pos) = (s.versions.iter())
        .zip(&SLOGANS.version_elements[i])
        .map(|(v, ids)| (v, positions(seg, ids)))
        .max_by_key(|(_, p)| p.iter().flatten().count())?;
    let found = pos.iter().flatten().count();
    let triggered = named && s.trigger.is_some_and(|t| seg.contains(t));
    if found < 2 && !triggered {
        return None;
    }
    if !named && found < best.len() {
        return None;
    }
    let in_order = pos.iter().flatten().is_sorted();
    if found == best.len() && in_order {
        return None;
    }
    let standard = best.join(if s.trigger.is_some() { "，" } else { "、" });
    let what = if found < best.len() {
        if s.trigger.is_some() {
            "与规范表述不一致"
        } else {
            "缺少要素"
        }
    } else {
        "顺序有误"
    };
    Some(format!("“{}”的展开{what}，规范表述为：{standard}", s.name))
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let slogans = &*SLOGANS;
    let text = doc.para_text(p);
    // Prefilter: how many element matches each slogan has in this paragraph.
    // (Every occurrence of every element, the overlapping ones too, counted
    // once per version it is in.)
    let mut hits = vec![0usize; slogans.list.len()];
    slogans.elements.for_each(text, |k, _| {
        for &owner in &slogans.element_owners[k] {
            hits[owner] += 1;
        }
    });
    // A name that may be followed by its word-for-word expansion.
    let has_trigger_slogan_name =
        (slogans.trigger_names.iter()).any(|f| f.find(text.as_bytes()).is_some());
    if hits.iter().all(|&h| h < 2) && !has_trigger_slogan_name {
        return;
    }
    let mut named_ranges: Vec<(usize, usize)> = Vec::new();
    // Expansions after a quoted name.
    for (i, m_start, m_end) in slogans.names.leftmost_longest(text) {
        let s = &slogans.list[i];
        if s.versions.is_empty() {
            continue;
        }
        let after = text[m_end..]
            .strip_prefix('”')
            .map_or(m_end, |_| m_end + "”".len());
        let Some(marker) = MARKERS.iter().find(|mk| text[after..].starts_with(**mk)) else {
            continue;
        };
        let from = after + marker.len();
        let to = clause_end(text, from);
        named_ranges.push((m_start, to));
        if let Some(msg) = verdict(i, &text[from..to], true) {
            sink.report(p.start + from, p.start + to, msg);
        }
    }
    // Complete lists without the name, out of order: one list is one clause
    // between commas.
    let mut start = 0;
    while start < text.len() {
        let end = text[start..]
            .find(['。', '；', '）', '！', '？', '，', '：'])
            .map_or(text.len(), |e| start + e);
        let seg = &text[start..end];
        if !named_ranges.iter().any(|&(a, b)| a < end && start < b) {
            for (i, s) in slogans.list.iter().enumerate() {
                if hits[i] < 3 || s.trigger.is_some() || s.versions.iter().all(|v| v.len() < 3) {
                    continue;
                }
                if let Some(msg) = verdict(i, seg, false) {
                    sink.report(p.start + start, p.start + end, msg);
                }
            }
        }
        start = end + text[end..].chars().next().map_or(1, char::len_utf8);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    // A finding needs two different elements of one version (`verdict`:
    // `found >= 2`), so two occurrences of elements, or else a trigger
    // word after the name of a slogan that has one (`两个确立`).
    let s = &*SLOGANS;
    t.two_of(
        s.list
            .iter()
            .flat_map(|s| s.versions.iter().flatten().copied()),
    )
    .literals(
        (s.list.iter())
            .filter(|s| s.trigger.is_some())
            .map(|s| s.name),
    );
}

#[cfg(test)]
mod tests {
    use super::SLOGANS;
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "formulation/slogan-expansion";

    /// Every expansion of the table is quiet when written right, and fires
    /// with two elements swapped or the last one dropped.
    #[test]
    fn every_expansion_checked() {
        for s in SLOGANS.list.iter().filter(|s| !s.versions.is_empty()) {
            for v in &s.versions {
                let sep = if s.trigger.is_some() { "，" } else { "、" };
                assert_quiet(R, &format!("做到“{}”，即{}。", s.name, v.join(sep)));
                let mut swapped = v.clone();
                swapped.swap(0, 1);
                assert_fires(R, &format!("做到“{}”，即⟦{}⟧。", s.name, swapped.join(sep)));
                let dropped = &v[..v.len() - 1];
                if dropped.len() >= 2 || s.trigger.is_some() {
                    assert_fires(R, &format!("做到“{}”，即⟦{}⟧。", s.name, dropped.join(sep)));
                }
            }
        }
    }

    /// Where two elements overlap, both count (as in an overlapping
    /// search): “全面建成小康社会建设” holds 全面建成小康社会 and 社会建设.
    #[test]
    fn overlapping_elements_both_count() {
        let mut found = Vec::new();
        SLOGANS
            .elements
            .for_each("全面建成小康社会建设", |k, s| found.push((k, s)));
        assert_eq!(found.len(), 2);
        // Two elements of 五位一体 only with 社会建设 inside
        // 全面建成小康社会建设 (a non-overlapping search sees 全面建成小康社会).
        assert_fires(R, "“五位一体”，即⟦全面建成小康社会建设、政治建设⟧。");
    }

    #[test]
    fn fires_on_wrong_expansions() {
        assert_fires(R, "“四个自信”即⟦道路自信、制度自信、理论自信、文化自信⟧。");
        assert_fires(
            R,
            "“两个确立”，即⟦确立习近平总书记党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位⟧。",
        );
        assert_fires(R, "⟦增强大局意识、政治意识、核心意识、看齐意识⟧。");
    }

    #[test]
    fn quiet_on_names_and_partial_lists() {
        for t in [
            "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
            "增强政治意识、大局意识、核心意识、看齐意识。",
            "强化政治意识、大局意识。",
            "“四个全面”：全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。",
            "坚决维护习近平总书记核心地位，坚决维护党中央权威和集中统一领导。",
            "牢固确立习近平强军思想在国防和军队建设中的指导地位。",
            "全面推进经济建设、政治建设、文化建设、社会建设。",
            "把生态文明建设放在突出地位，融入经济建设、政治建设、文化建设、社会建设各方面。",
            "统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设和党的建设。",
        ] {
            assert_quiet(R, t);
        }
    }
}
