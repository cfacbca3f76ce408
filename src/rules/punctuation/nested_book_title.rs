use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds a book title nested in another with the same marks:
    /// `《关于《条例》的通知》` instead of `《关于〈条例〉的通知》`.
    ///
    /// Standard: GB/T 15834-2011 §4.15.3 (书名号): inside 《》 the inner title
    /// takes the single marks 〈〉.
    ///
    /// Stays quiet on `《关于〈条例〉的通知》` and on titles side by side
    /// (`《条例》《办法》`). An unclosed 《 is `punctuation/unpaired-bracket`'s.
    ///
    /// Fix (safe): the inner 《》 become 〈〉; the words are untouched.
    pub static NESTED_BOOK_TITLE = {
        id: "punctuation/nested-book-title",
        category: Punctuation,
        severity: Warning,
        title: "书名号嵌套应用〈〉",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    let mut open: Vec<usize> = Vec::new();
    for (b, c) in text.char_indices() {
        match c {
            '《' => open.push(b),
            '》' => {
                let Some(o) = open.pop() else { continue };
                if open.is_empty() {
                    continue;
                }
                let (start, end) = (p.start + o, p.start + b + '》'.len_utf8());
                let inner = &text[o + '《'.len_utf8()..b];
                sink.report(start, end, "书名号内再用书名号，内层应改用单书名号“〈〉”")
                    .fix(start, end, format!("〈{inner}〉"), Applicability::Safe);
            }
            _ => {}
        }
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    use crate::registry::any;
    t.when([any("《"), any("》")]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/nested-book-title";

    #[test]
    fn fires_on_nested_double_marks() {
        assert_fires(R, "《关于⟦《条例》⟧的通知》");
        assert_fires(R, "《关于修改⟦《办法》⟧和⟦《规定》⟧的决定》");
    }

    #[test]
    fn quiet_on_single_marks_inside() {
        for t in [
            "《关于〈条例〉的通知》",
            "《条例》《办法》",
            "《关于〈河北雄安新区总体规划（2018—2035年）〉的请示》",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_uses_single_marks() {
        assert_fix(R, "《关于《条例》的通知》", "《关于〈条例〉的通知》");
    }
}
