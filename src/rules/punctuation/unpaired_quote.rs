use crate::incremental::{Fact, FactRule, Facts};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds quotation marks that are unpaired, misordered or wrongly nested:
    /// `”两个确立“`, `“两个维护` (never closed), `‘四个意识’` as the outer quote,
    /// `“学习“两个确立”精神”` (a double quote inside a double quote).
    ///
    /// Standard: GB/T 15834-2011 §4.8 (引号): double quotes outside, single
    /// quotes inside (§4.8.3.2); a quotation of several paragraphs opens every
    /// paragraph with “ and closes only at the end of the last one (§4.8.3.4).
    ///
    /// Stays quiet on a quotation that spans paragraphs and is closed at the
    /// end: each following paragraph that opens with “ continues it, and a
    /// paragraph that closes it (a quotation broken over two lines) ends it.
    /// An apostrophe between Latin letters (`China’s`) is not a quote.
    ///
    /// No fix: where the missing mark belongs is the writer's call.
    pub static UNPAIRED_QUOTE = {
        id: "punctuation/unpaired-quote",
        category: Punctuation,
        severity: Warning,
        title: "引号不成对或嵌套错误",
        check: Facts(FactRule { collect, judge, reads_text: false }),
        triggers: triggers,
    };
}

#[derive(Clone, Copy)]
struct Open {
    c: char,
    pos: usize,
}

/// Fact key: a quotation mark (value: the mark, 〝〞〟 read as “”, plus
/// [`OPENS_PARAGRAPH`] for a “ that starts the paragraph); an apostrophe
/// (it’s) is not noted.
const MARK: &str = "mark";
const OPENS_PARAGRAPH: u32 = 1 << 31;

/// Triggers: a quotation mark; the prime quotes (rare) on their own.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("“”‘’").any("〝〞〟");
}

fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
    if !facts.triggered() {
        return;
    }
    let text = doc.para_text(p);
    let bytes = text.as_bytes();
    // “”‘’ are U+201x (first byte E2, which only ever starts a character),
    // 〝〞〟 U+301x (E3, as in the frequent 。、).
    // One of the two walks (no boxed iterator per paragraph).
    let (primes, quotes) = if facts.triggered_by(1) {
        let walk = crate::rules::lead_bytes(text, |x| x == 0xe2 || x == 0xe3);
        (Some(walk), None)
    } else {
        (None, Some(memchr::memchr_iter(0xe2, bytes)))
    };
    let marks = primes
        .into_iter()
        .flatten()
        .chain(quotes.into_iter().flatten());
    for b in marks {
        let raw = text[b..].chars().next().expect("a character");
        // Prime quotes 〝〞 stand for “” (punctuation/corner-quote fixes the form).
        let c = match raw {
            '〝' => '“',
            '〞' | '〟' => '”',
            c => c,
        };
        if !matches!(c, '“' | '‘' | '”' | '’') {
            continue;
        }
        // it’s: Latin letters (one byte each) on both sides.
        let apostrophe = c == '’'
            && b > 0
            && bytes[b - 1].is_ascii_alphabetic()
            && bytes
                .get(b + c.len_utf8())
                .is_some_and(u8::is_ascii_alphabetic);
        if apostrophe {
            continue;
        }
        let flag = if b == 0 && raw == '“' {
            OPENS_PARAGRAPH
        } else {
            0
        };
        let pos = p.start + b;
        facts.note(MARK, pos, pos + c.len_utf8(), c as u32 | flag);
    }
}

fn judge(_: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
    // Double quotes left open by earlier paragraphs.
    let mut carried: Vec<Open> = Vec::new();
    let mut last_paragraph: Option<usize> = None;
    // Emptied at the end of each group (one list, no allocation per paragraph).
    let mut stack: Vec<Open> = Vec::new();
    // Facts come in document order: one group per paragraph.
    for group in facts.chunk_by(|a, b| a.paragraph == b.paragraph) {
        let pi = group[0].paragraph;
        if last_paragraph.is_some_and(|l| l + 1 != pi) {
            // A paragraph without quotation marks in between ends them.
            for o in carried.drain(..) {
                unclosed(o, sink);
            }
        }
        last_paragraph = Some(pi);
        let mut marks = group;
        // A paragraph that opens with “ while a quotation is open continues it.
        let continued = !carried.is_empty() && marks[0].value & OPENS_PARAGRAPH != 0;
        if continued {
            marks = &marks[1..];
        }
        for f in marks {
            let c = char::from_u32(f.value & !OPENS_PARAGRAPH).expect("a quotation mark");
            let pos = f.start;
            match c {
                '“' => {
                    if stack.last().is_some_and(|o| o.c == '“') {
                        sink.report(
                            pos,
                            pos + c.len_utf8(),
                            "双引号里又用双引号：内层引号应改用单引号‘’，或前面缺少后引号“””",
                        );
                    }
                    stack.push(Open { c, pos });
                }
                '‘' => {
                    if stack.is_empty() {
                        sink.report(
                            pos,
                            pos + c.len_utf8(),
                            "单引号只用于双引号之内：最外层引号应改用双引号“”",
                        );
                    }
                    stack.push(Open { c, pos });
                }
                _ => {
                    let opener = if c == '”' { '“' } else { '‘' };
                    if let Some(k) = stack.iter().rposition(|o| o.c == opener) {
                        // Inner quotes left open: “开展‘自审自发”.
                        for o in stack.drain(k + 1..) {
                            unclosed(o, sink);
                        }
                        stack.pop();
                        continue;
                    }
                    match stack.last() {
                        Some(o) => {
                            sink.report(
                                o.pos,
                                pos + c.len_utf8(),
                                format!("“{}”与“{c}”不配对：单双引号应各自成对", o.c),
                            );
                            stack.pop();
                        }
                        None if c == '”' && !carried.is_empty() => {
                            carried.pop();
                        }
                        None => {
                            sink.report(
                                pos,
                                pos + c.len_utf8(),
                                format!(
                                    "“{c}”前面没有对应的“{opener}”：请补上前引号，或删去多余的后引号"
                                ),
                            );
                        }
                    }
                }
            }
        }
        if !continued {
            for o in carried.drain(..) {
                unclosed(o, sink);
            }
        }
        // Single quotes do not carry over a paragraph break.
        for o in stack.drain(..) {
            if o.c == '“' {
                carried.push(o);
            } else {
                unclosed(o, sink);
            }
        }
    }
    for o in carried {
        unclosed(o, sink);
    }
}

fn unclosed(o: Open, sink: &mut Sink<'_>) {
    let close = if o.c == '“' { '”' } else { '’' };
    sink.report(
        o.pos,
        o.pos + o.c.len_utf8(),
        format!("“{}”没有对应的“{close}”：请在引文结束处补上后引号", o.c),
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "punctuation/unpaired-quote";

    #[test]
    fn fires_on_unpaired_misordered_and_nested() {
        assert_fires(R, "坚持⟦“⟧两个维护。");
        assert_fires(R, "坚持⟦”⟧两个确立⟦“⟧。");
        assert_fires(R, "增强⟦‘⟧四个意识’。");
        assert_fires(R, "学习“学习⟦“⟧两个确立”精神”。");
        assert_fires(R, "提出“开展⟦‘⟧自审自发”试点。");
        assert_fires(R, "提出⟦“开展’⟧试点。");
        assert_fires(R, "第一段⟦“⟧引文\n第二段没有继续。");
    }

    #[test]
    fn quiet_on_pairs_and_multi_paragraph_quotes() {
        for t in [
            "坚定拥护“两个确立”、坚决做到“两个维护”。",
            "提出“开展专项债券项目‘自审自发’试点”。",
            "实施“‘五未’土地处置+‘标准地’”改革。",
            "他说：“第一段。\n“第二段。\n“第三段。”",
            "他说：“第一段，\n第二段。”",
            "China’s economy，“一带一路”。",
            "“人”“地”“钱”统筹。",
            "建设“两型社会〞综合配套改革试验区。",
        ] {
            assert_quiet(R, t);
        }
    }
}
