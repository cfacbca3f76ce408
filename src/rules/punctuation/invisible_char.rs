use super::{is_zh, tsv_rows};
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds invisible and garbage characters: zero-width spaces and joiners
    /// (U+200B–U+200D), byte-order marks inside the text (U+FEFF), no-break
    /// spaces (U+00A0), soft hyphens, direction controls, control characters,
    /// private-use characters (a rare character the font or the converter lost)
    /// and U+FFFD (text that was decoded wrongly). The list is
    /// `data/punctuation_invisible.tsv`.
    ///
    /// Standard: none directly (GB/T 15834-2011 §1 covers the visible marks);
    /// these characters come from copying out of web pages and PDFs and make
    /// search, word counts and 查重 fail where no one can see why.
    ///
    /// Stays quiet on the full-width space U+3000 (indentation and alignment,
    /// `李　强`), on indentation (outside the paragraph), and on a byte-order
    /// mark at the very start of the file.
    ///
    /// Fix (safe): delete; a no-break space becomes a plain space between Latin
    /// words and nothing in Chinese text. Private-use characters and U+FFFD
    /// have no fix: the character they replace must be typed again.
    pub static INVISIBLE_CHAR = {
        id: "punctuation/invisible-char",
        category: Punctuation,
        severity: Warning,
        title: "不可见字符或乱码",
        check: Paragraph(check),
        triggers: triggers,
    };
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Action {
    Delete,
    Space,
    None,
}

struct Entry {
    lo: u32,
    hi: u32,
    name: &'static str,
    action: Action,
}

/// From `data/punctuation_invisible.tsv`.
static TABLE: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    tsv_rows(include_str!("../../../data/punctuation_invisible.tsv"))
        .map(|r| Entry {
            lo: u32::from_str_radix(r[0], 16).expect("hex code point"),
            hi: u32::from_str_radix(r[1], 16).expect("hex code point"),
            name: r[2],
            action: match r[3] {
                "delete" => Action::Delete,
                "space" => Action::Space,
                "none" => Action::None,
                a => panic!("unknown action {a}"),
            },
        })
        .collect()
});

fn lookup(c: char) -> Option<&'static Entry> {
    let u = c as u32;
    // Fast path: printable ASCII, CJK and common punctuation are never listed.
    if (0x20..0x7f).contains(&u) || (0x2e80..0xdfff).contains(&u) {
        return None;
    }
    TABLE.iter().find(|e| e.lo <= u && u <= e.hi)
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    let mut prev: Option<char> = None;
    let mut it = text.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        let Some(e) = lookup(c) else {
            prev = Some(c);
            continue;
        };
        let start = p.start + b;
        if start == 0 && c == '\u{feff}' {
            continue; // the file's byte-order mark
        }
        // One finding for a run of the same kind of character.
        let mut end = start + c.len_utf8();
        while let Some(&(b2, d)) = it.peek() {
            if lookup(d).is_some_and(|e2| std::ptr::eq(e2, e)) {
                end = p.start + b2 + d.len_utf8();
                it.next();
            } else {
                break;
            }
        }
        let next = it.peek().map(|&(_, c)| c);
        let code = format!("U+{:04X}", c as u32);
        let d = sink.report(
            start,
            end,
            match e.action {
                Action::None => format!(
                    "{}（{code}）：可能是无法显示的生僻字或乱码，请核对原文后改为正确的字",
                    e.name
                ),
                _ => format!("文中有看不见的{}（{code}），应删除", e.name),
            },
        );
        match e.action {
            Action::Delete => {
                d.fix(start, end, "", Applicability::Safe);
            }
            Action::Space => {
                let latin = prev.is_some_and(|c| !is_zh(c) && !c.is_whitespace())
                    && next.is_some_and(|c| !is_zh(c) && !c.is_whitespace());
                d.fix(
                    start,
                    end,
                    if latin { " " } else { "" },
                    Applicability::Safe,
                );
            }
            Action::None => {}
        }
        prev = Some(c);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.ranges(TABLE.iter().map(|e| {
        let c = |u: u32| char::from_u32(u).expect("a code point");
        (c(e.lo), c(e.hi))
    }));
}

#[cfg(test)]
mod tests {
    use super::TABLE;
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/invisible-char";

    #[test]
    fn table_is_well_formed() {
        assert!(TABLE.len() >= 10);
        for (k, e) in TABLE.iter().enumerate() {
            assert!(e.lo <= e.hi && e.hi <= 0x10ffff, "{}", e.name);
            assert!(!e.name.is_empty());
            for other in &TABLE[k + 1..] {
                assert!(
                    e.hi < other.lo || other.hi < e.lo,
                    "{} overlaps {}",
                    e.name,
                    other.name
                );
            }
            // Nothing a document needs: not tab, line breaks, U+3000 or ordinary text.
            for c in ['\t', '\n', '\r', '\u{3000}', ' ', '一', '，', '·'] {
                assert!(
                    !(e.lo..=e.hi).contains(&(c as u32)),
                    "{} covers {c:?}",
                    e.name
                );
            }
        }
    }

    #[test]
    fn fires_on_invisible_characters() {
        assert_fires(R, "加强⟦\u{200b}⟧学习");
        assert_fires(R, "加强⟦\u{200b}\u{200b}⟧学习");
        assert_fires(R, "加强⟦\u{feff}⟧学习");
        assert_fires(R, "加强⟦\u{a0}⟧学习");
        assert_fires(R, "加强⟦\u{7}⟧学习");
        assert_fires(R, "加强⟦\u{e001}⟧学习");
        assert_fires(R, "加强⟦\u{fffd}⟧学习");
    }

    #[test]
    fn quiet_on_visible_text_and_indentation() {
        for t in [
            "　　加强学习",
            "李　强",
            "\u{feff}加强学习",
            "\u{a0}\u{a0}加强学习",
            "a\tb",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fixes() {
        assert_fix(R, "加强\u{200b}学习", "加强学习");
        assert_fix(R, "加强\u{a0}学习", "加强学习");
        assert_fix(R, "Hello\u{a0}world，好", "Hello world，好");
    }
}
