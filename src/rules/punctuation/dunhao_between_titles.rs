use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds a 顿号 between items that are each in quotes or in book-title
    /// marks: `《条例》、《办法》`, `“四个意识”、“四个自信”`.
    ///
    /// Standard: GB/T 15834-2011 §4.5.3.5: between items marked with quotes or
    /// with book-title marks a 顿号 is usually not used; when something stands
    /// between them (a note after the title), the 顿号 is right.
    ///
    /// Stays quiet on `《条例》（试行）、《办法》` (a note in between), on mixed
    /// items (`“两个确立”、《决定》`) and on a quoted item followed by plain ones.
    ///
    /// Severity info: the clause says "usually", and published documents write
    /// `“一国两制”、“港人治港”` often (142 times in the clean corpus).
    ///
    /// Fix (review): delete the 顿号.
    pub static DUNHAO_BETWEEN_TITLES = {
        id: "punctuation/dunhao-between-titles",
        category: Punctuation,
        severity: Info,
        title: "引号、书名号之间不用顿号",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    let mut prev: Option<char> = None;
    let mut it = text.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if c == '、' {
            let next = it.peek().map(|&(_, c)| c);
            let what = match (prev, next) {
                (Some('”'), Some('“')) => Some("引号"),
                (Some('》'), Some('《')) => Some("书名号"),
                _ => None,
            };
            if let Some(what) = what {
                let start = p.start + b;
                let end = start + c.len_utf8();
                sink.report(
                    start,
                    end,
                    format!("并列的{what}成分之间通常不用顿号，可删去“、”"),
                )
                .fix(start, end, "", Applicability::Review);
            }
        }
        prev = Some(c);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    use crate::registry::pair;
    // ”、“ or 》、《
    t.when([pair("”》、"), pair("、“《")]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/dunhao-between-titles";

    #[test]
    fn fires_between_marked_items() {
        assert_fires(R, "依据《条例》⟦、⟧《办法》");
        assert_fires(R, "增强“四个意识”⟦、⟧“四个自信”");
        assert_fires(R, "“人”⟦、⟧“地”⟦、⟧“钱”统筹");
    }

    #[test]
    fn quiet_when_a_note_stands_between() {
        for t in [
            "依据《条例》（试行）、《办法》",
            "“两个确立”、《决定》",
            "“一国两制”、高度自治",
            "《条例》《办法》",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_deletes_the_dunhao() {
        assert_fix(R, "《条例》、《办法》", "《条例》《办法》");
    }
}
