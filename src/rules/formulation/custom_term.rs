use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Flags the office's own list of terms (config `customTerms`), e.g. an old
    /// name of a unit after it was renamed: `县电视台` → `县融媒体中心`.
    ///
    /// Fires on every occurrence of a configured `term`. Stays quiet when the
    /// list is empty (the default) and where the correction itself is written
    /// (a term that is part of its own replacement, such as `融媒体中心` →
    /// `县融媒体中心`, is not flagged inside `县融媒体中心`).
    ///
    /// Fix (review): the configured replacement, when there is one.
    pub static CUSTOM_TERM = {
        id: "formulation/custom-term",
        category: Formulation,
        severity: Warning,
        title: "本单位规定的用词",
        check: Paragraph(check),
    };
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let terms = &sink.config().custom_terms;
    if terms.is_empty() {
        return;
    }
    let text = doc.para_text(p);
    for t in terms {
        for (i, m) in text.match_indices(t.term.as_str()) {
            let (start, end) = (p.start + i, p.start + i + m.len());
            // Skip the term where it is part of its own correction.
            if !t.replacement.is_empty() && t.replacement.contains(t.term.as_str()) {
                let offset = t.replacement.find(t.term.as_str()).unwrap();
                let rs = start.checked_sub(offset);
                if rs.is_some_and(|rs| doc.text[rs..].starts_with(t.replacement.as_str())) {
                    continue;
                }
            }
            let mut msg = if t.replacement.is_empty() {
                format!("本单位规定不使用“{}”", t.term)
            } else {
                format!("本单位规定“{}”应写作“{}”", t.term, t.replacement)
            };
            if !t.note.is_empty() {
                msg.push_str(&format!("（{}）", t.note));
            }
            let d = sink.report(start, end, msg);
            if !t.replacement.is_empty() {
                d.fix(start, end, t.replacement.clone(), Applicability::Review);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{check, Config};

    fn run(cfg: &str, text: &str) -> Vec<String> {
        let c = Config::from_json(cfg).unwrap();
        check(text, &c)
            .iter()
            .filter(|d| d.rule.id == "formulation/custom-term")
            .map(|d| text[d.start..d.end].to_string())
            .collect()
    }

    #[test]
    fn fires_on_configured_terms() {
        let cfg = r#"{"customTerms":[{"term":"县电视台","replacement":"县融媒体中心","note":"2019年已更名"}]}"#;
        assert_eq!(
            run(cfg, "县电视台开展宣传，县电视台报道。"),
            ["县电视台", "县电视台"]
        );
        let c = Config::from_json(cfg).unwrap();
        let d = check("县电视台", &c);
        assert!(d[0].message.contains("县融媒体中心") && d[0].message.contains("2019年已更名"));
    }

    #[test]
    fn quiet_without_terms_and_inside_the_correction() {
        assert!(run("{}", "县电视台").is_empty());
        let cfg = r#"{"customTerms":[{"term":"融媒体中心","replacement":"县融媒体中心"}]}"#;
        assert_eq!(run(cfg, "县融媒体中心和融媒体中心"), ["融媒体中心"]);
    }

    #[test]
    fn fix_uses_the_replacement() {
        let c = Config::from_json(
            r#"{"customTerms":[{"term":"县电视台","replacement":"县融媒体中心"}]}"#,
        )
        .unwrap();
        let d = check("由县电视台播出", &c);
        assert_eq!(d[0].fixes[0].replacement, "县融媒体中心");
    }
}
