use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds a wrong or shortened form of the full name
    /// `习近平新时代中国特色社会主义思想`: `习近平新时代中国特色社会主义理论`,
    /// `习近平新时代特色社会主义思想`, `习近平中国特色社会主义思想`.
    ///
    /// Why: the name is fixed by the Party Constitution; a dropped or changed
    /// word is a political error in a 公文.
    ///
    /// How: after `习近平`, text that starts like the name (新时代…, 中国特色…,
    /// 特色社会主义…) and ends in 思想 or 理论 within twenty characters must be
    /// the full name. Quiet on the full name, on the thoughts of one field
    /// (`习近平经济思想`, `习近平法治思想`, `习近平强军思想`, `习近平生态文明思想`,
    /// `习近平新时代中国特色社会主义经济思想`) and on `习近平总书记关于……`.
    ///
    /// Fix (review): the full name.
    pub static THOUGHT_NAME = {
        id: "formulation/thought-name",
        category: Formulation,
        severity: Warning,
        title: "习近平新时代中国特色社会主义思想",
        check: Paragraph(check),
        triggers: triggers,
    };
}

const FULL: &str = "习近平新时代中国特色社会主义思想";
const LEADER: &str = "习近平";
/// How the name goes on after 习近平 when it is this name at all.
const STARTS: &[&str] = &["新时代", "中国特色", "特色社会主义", "新时期中国特色"];
/// Right names that start the same way: the full name itself and the thoughts
/// of one field named in full (…社会主义经济思想, …社会主义外交思想).
fn is_right(name: &str) -> bool {
    name == FULL
        || name
            .strip_prefix("习近平新时代中国特色社会主义")
            .and_then(|r| r.strip_suffix("思想"))
            .is_some_and(|field| (1..=3).contains(&field.chars().count()))
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    for (i, _) in text.match_indices(LEADER) {
        let after = &text[i + LEADER.len()..];
        if !STARTS.iter().any(|s| after.starts_with(s)) {
            continue;
        }
        // The name runs to the first 思想 or 理论 within twenty characters.
        let window_end = after.char_indices().nth(20).map_or(after.len(), |(b, _)| b);
        let window = &after[..window_end];
        let end = [window.find("思想"), window.find("理论")]
            .into_iter()
            .flatten()
            .min();
        let Some(end) = end else { continue };
        let name_end = i + LEADER.len() + end + "思想".len();
        let name = &text[i..name_end];
        if name.contains(['，', '。', '、', '；', '“', '”']) || is_right(name) {
            continue;
        }
        let (start, end) = (p.start + i, p.start + name_end);
        sink.report(start, end, format!("应写全称“{FULL}”，不是“{name}”"))
            .fix(start, end, FULL, Applicability::Review);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.literals([LEADER]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "formulation/thought-name";

    #[test]
    fn fires_on_wrong_variants() {
        for v in [
            "习近平新时代中国特色社会主义理论",
            "习近平新时代特色社会主义思想",
            "习近平中国特色社会主义思想",
            "习近平新时代中国特色主义思想",
            "习近平新时代中国社会主义思想",
        ] {
            assert_fires(R, &format!("深入学习贯彻⟦{v}⟧，"));
        }
    }

    #[test]
    fn quiet_on_the_full_name_and_field_thoughts() {
        for t in [
            "深入学习贯彻习近平新时代中国特色社会主义思想，",
            "学习贯彻习近平新时代中国特色社会主义思想主题教育",
            "习近平经济思想",
            "习近平法治思想",
            "习近平强军思想",
            "习近平生态文明思想",
            "习近平新时代中国特色社会主义经济思想",
            "习近平总书记关于新时代中国特色社会主义的重要论述",
            "以习近平同志为核心的党中央",
            "习近平新时代中国特色社会主义，坚持理论",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_writes_the_full_name() {
        assert_fix(
            R,
            "学习习近平新时代特色社会主义思想",
            "学习习近平新时代中国特色社会主义思想",
        );
    }
}
