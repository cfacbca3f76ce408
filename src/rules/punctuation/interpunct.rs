use super::tsv_rows;
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds dots used in place of the 间隔号 `·` between parts of a name or
    /// a date: `大连重工•起重集团`, `“12・21”事故`, `阿卜杜勒‧阿齐兹`.
    ///
    /// Standard: GB/T 15834-2011 §4.14 (间隔号, form `·`, U+00B7): between
    /// parts of foreign and minority names, between a book and its chapter, and
    /// between month and day in `“9·11”`. The look-alikes (bullet, Japanese
    /// middle dot, hyphenation point, math dots: `data/punctuation_interpunct.tsv`)
    /// are other characters.
    ///
    /// Stays quiet on `·` itself and on a bullet at the start of a paragraph
    /// (`• 项目一`, a list marker).
    ///
    /// Fix (safe): replace with `·`.
    pub static INTERPUNCT = {
        id: "punctuation/interpunct",
        category: Punctuation,
        severity: Warning,
        title: "间隔号写法不规范",
        check: Paragraph(check),
        triggers: triggers,
    };
}

/// (wrong character, its Chinese name) from `data/punctuation_interpunct.tsv`.
static WRONG: LazyLock<Vec<(char, &'static str)>> = LazyLock::new(|| {
    tsv_rows(include_str!("../../../data/punctuation_interpunct.tsv"))
        .map(|r| (r[0].chars().next().expect("a character"), r[1]))
        .collect()
});

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if text.is_ascii() {
        return;
    }
    let mut prev: Option<char> = None;
    let mut it = text.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        let next = it.peek().map(|&(_, c)| c);
        let between =
            prev.is_some_and(|c| !c.is_whitespace()) && next.is_some_and(|c| !c.is_whitespace());
        prev = Some(c);
        if !between {
            continue;
        }
        let Some(&(_, name)) = WRONG.iter().find(|&&(w, _)| w == c) else {
            continue;
        };
        let start = p.start + b;
        let end = start + c.len_utf8();
        sink.report(start, end, format!("间隔号应写作“·”，不用{name}“{c}”"))
            .fix(start, end, "·", Applicability::Safe);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any_of(WRONG.iter().map(|w| w.0));
}

#[cfg(test)]
mod tests {
    use super::WRONG;
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/interpunct";

    #[test]
    fn table_is_well_formed() {
        assert!(WRONG.len() >= 4);
        for &(c, name) in WRONG.iter() {
            assert_ne!(c, '·');
            assert!(!c.is_alphanumeric() && !name.is_empty(), "{c}");
        }
        let src = include_str!("../../../data/punctuation_interpunct.tsv");
        for row in super::tsv_rows(src) {
            assert_eq!(row.len(), 2, "{row:?}");
            assert_eq!(row[0].chars().count(), 1, "{row:?}");
        }
    }

    #[test]
    fn fires_on_look_alike_dots() {
        assert_fires(R, "大连重工⟦•⟧起重集团公司");
        assert_fires(R, "“12⟦・⟧21”特大事故");
        assert_fires(R, "阿卜杜勒⟦‧⟧阿齐兹");
    }

    #[test]
    fn quiet_on_the_interpunct_and_bullets() {
        for t in ["“12·21”特大事故", "• 项目一", "•项目一", "列 • 表"] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_uses_the_interpunct() {
        assert_fix(R, "大连重工•起重集团", "大连重工·起重集团");
    }
}
