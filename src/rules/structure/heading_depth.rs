use crate::model::Document;
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds a fifth heading level: a `①` list nested under a `（1）` heading.
    ///
    /// Why: GB/T 9704-2012 §7.3.3 provides four heading levels (一、 （一） 1.
    /// （1））. A fifth level is a sign the text should be restructured; some
    /// offices accept ① lists, so this is reported at info.
    ///
    /// Fires on `（1）甲 ①天 ②地` (on the first `①`). Stays quiet on `1.甲 ①天`
    /// (① in place of a skipped level), on run-in `一是/二是` lists, and on `③`
    /// continuing a `（1）（2）` list (`structure/mixed-ordinal-styles`).
    ///
    /// No fix.
    pub static HEADING_DEPTH = {
        id: "structure/heading-depth",
        category: Structure,
        severity: Info,
        title: "标题超过四个层级",
        check: Document(check),
    };
}

fn check(doc: &Document, sink: &mut Sink<'_>) {
    let mut open4: Option<u32> = None;
    let mut hs = doc.headings.iter().peekable();
    for p in &doc.paragraphs {
        if p.section_break {
            open4 = None;
        }
        let Some(h) = hs.next_if(|h| h.paragraph == p.index) else {
            continue;
        };
        match h.level {
            1..=3 => open4 = None,
            4 => open4 = Some(h.value),
            _ => {
                if h.value == 1 && open4.is_some() {
                    let here = doc.slice(h.ordinal.start, h.ordinal.end);
                    sink.report(
                        h.ordinal.start,
                        h.ordinal.end,
                        format!("“{here}”已是第五层标题：公文标题一般不超过四层（一、（一）1.（1）），建议合并层级或改为“一是……二是……”"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "structure/heading-depth";

    #[test]
    fn fires_on_a_fifth_level() {
        assert_fires(R, "1.甲\n（1）子\n⟦①⟧天\n②地\n（2）丑\n⟦①⟧天\n");
    }

    #[test]
    fn quiet_on_four_levels() {
        assert_quiet(R, "1.甲\n①天\n②地\n");
        assert_quiet(R, "一、甲\n（一）子\n1.天\n（1）地\n");
        assert_quiet(R, "（1）子\n（2）丑\n③寅\n");
        assert_quiet(R, "（1）子\n一是加强。二是改进。\n");
    }
}
