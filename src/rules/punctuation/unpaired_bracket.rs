use crate::diagnostic::Applicability;
use crate::incremental::{Fact, FactRule, Facts};
use crate::model::{Document, Paragraph};
use crate::rules::charset::CharSet;
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds brackets and book-title marks without their partner, and pairs
    /// whose halves differ in width: `（试行)`, `【典型案例`, `《条例`, `办法》`.
    ///
    /// Standard: GB/T 15834-2011 §4.9 (括号: forms （）〔〕【】[ ]) and §4.15
    /// (书名号《》〈〉): marks of these kinds come in pairs of the same form.
    ///
    /// A bracket opened at the end of one paragraph and closed at the start of
    /// the next (a parenthetical or a title broken over two lines, e.g. a
    /// subtitle `（二○○四年六月十六日国务院` / `第54次常务会议修订通过）`) is
    /// fine. A lone closer right after a list ordinal (`1)`, `a)`, `一）`) is a
    /// heading style, left to the structure rules.
    ///
    /// Fix (safe) for mixed widths only: the half-width half becomes full-width,
    /// so `（试行)` becomes `（试行）` (never the other way round). An unpaired
    /// mark has no fix: only the writer knows where the partner belongs.
    pub static UNPAIRED_BRACKET = {
        id: "punctuation/unpaired-bracket",
        category: Punctuation,
        severity: Warning,
        title: "括号或书名号不成对",
        check: Facts(FactRule { collect, judge, reads_text: false }),
        triggers: triggers,
    };
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Round,
    Square,
    Lenticular,
    Tortoise,
    Angle,
    Title,
}

/// (family, opens, full-width, the full-width form of this mark)
fn kind(c: char) -> Option<(Family, bool, bool, char)> {
    use Family::*;
    Some(match c {
        '（' => (Round, true, true, '（'),
        '）' => (Round, false, true, '）'),
        '(' => (Round, true, false, '（'),
        ')' => (Round, false, false, '）'),
        '［' => (Square, true, true, '［'),
        '］' => (Square, false, true, '］'),
        '[' => (Square, true, false, '［'),
        ']' => (Square, false, false, '］'),
        '【' => (Lenticular, true, true, '【'),
        '】' => (Lenticular, false, true, '】'),
        '〔' => (Tortoise, true, true, '〔'),
        '〕' => (Tortoise, false, true, '〕'),
        '〈' => (Angle, true, true, '〈'),
        '〉' => (Angle, false, true, '〉'),
        '《' => (Title, true, true, '《'),
        '》' => (Title, false, true, '》'),
        _ => return None,
    })
}

fn partner(c: char) -> char {
    match c {
        '（' | '(' => '）',
        '）' | ')' => '（',
        '［' | '[' => '］',
        '］' | ']' => '［',
        '【' => '】',
        '】' => '【',
        '〔' => '〕',
        '〕' => '〔',
        '〈' => '〉',
        '〉' => '〈',
        '《' => '》',
        _ => '《',
    }
}

#[derive(Clone, Copy)]
struct Open {
    family: Family,
    full: bool,
    pos: usize,
    c: char,
}

/// Fact key: a bracket (value: the character, plus [`AFTER_ORDINAL`] for a
/// closing bracket right after a list ordinal at the paragraph's start).
const MARK: &str = "mark";
const AFTER_ORDINAL: u32 = 1 << 31;

/// Triggers: a bracket ([`kind`]).
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("（）()［］[]【】〔〕〈〉《》");
}

/// Is the character with UTF-8 code `w` (see `rules::char_starts`) one of
/// [`kind`]? Without branches, so that the walk does not stumble on the
/// frequent 。、，：；.
fn is_bracket(w: u32) -> bool {
    // ( ) [ ] as bits of a mask; 〈〉《》【】〔〕 (E3 80 88-8B/90/91/94/95)
    // and （）［］ (EF BC 88/89/BB/BD) by their last byte's low six bits.
    const ASCII: u128 = 1 << b'(' | 1 << b')' | 1 << b'[' | 1 << b']';
    const CJK: u64 = 0b1111 << 0x08 | 0b11 << 0x10 | 0b11 << 0x14;
    const FULL: u64 = 0b11 << 0x08 | 1 << 0x3b | 1 << 0x3d;
    let mask = match w >> 8 {
        0xe380 => CJK,
        0xefbc => FULL,
        _ => 0,
    };
    ((mask >> (w & 0x3f)) & 1 != 0) | ((w < 128) & ((ASCII >> (w & 127)) & 1 != 0))
}

/// The characters [`is_bracket`] picks, found sixteen bytes at a time in wasm.
static BRACKETS: CharSet = CharSet::new(&[
    '(', ')', '[', ']', '〈', '〉', '《', '》', '【', '】', '〔', '〕', '（', '）', '［', '］',
]);

fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
    if !facts.triggered() {
        return;
    }
    let text = doc.para_text(p);
    for b in BRACKETS.starts(text, is_bracket) {
        let c = text[b..].chars().next().expect("a character");
        let Some((_, opens, _, _)) = kind(c) else {
            continue;
        };
        let flag = if !opens && after_ordinal(&text[..b]) {
            AFTER_ORDINAL
        } else {
            0
        };
        facts.note(
            MARK,
            p.start + b,
            p.start + b + c.len_utf8(),
            c as u32 | flag,
        );
    }
}

/// Pairs the brackets paragraph by paragraph; a closing bracket at the start
/// of a paragraph may close one left open by the paragraph before.
fn judge(_: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
    let mut carried: Vec<Open> = Vec::new();
    let mut last_paragraph: Option<usize> = None;
    // Empty at the start of each group (two lists swapped, no allocation
    // per paragraph).
    let mut stack: Vec<Open> = Vec::new();
    // Facts come in document order: one group per paragraph.
    for group in facts.chunk_by(|a, b| a.paragraph == b.paragraph) {
        let pi = group[0].paragraph;
        if last_paragraph.is_some_and(|l| l + 1 != pi) {
            // Paragraphs without brackets in between close nothing.
            for o in carried.drain(..) {
                unclosed(o, sink);
            }
        }
        last_paragraph = Some(pi);
        for f in group {
            let c = char::from_u32(f.value & !AFTER_ORDINAL).expect("a bracket");
            let Some((family, opens, full, _)) = kind(c) else {
                continue;
            };
            let pos = f.start;
            if opens {
                stack.push(Open {
                    family,
                    full,
                    pos,
                    c,
                });
                continue;
            }
            let close = Open {
                family,
                full,
                pos,
                c,
            };
            if let Some(k) = stack.iter().rposition(|o| o.family == family) {
                for o in stack.drain(k + 1..) {
                    unclosed(o, sink);
                }
                let o = stack.pop().expect("k is in the stack");
                widths(o, close, sink);
            } else if stack.is_empty() {
                // Closes something opened in the previous paragraph?
                if let Some(k) = carried.iter().rposition(|o| o.family == family) {
                    for o in carried.drain(k + 1..) {
                        unclosed(o, sink);
                    }
                    let o = carried.pop().expect("k is carried");
                    widths(o, close, sink);
                } else if f.value & AFTER_ORDINAL == 0 {
                    stray(close, sink);
                }
            } else {
                stray(close, sink);
            }
        }
        for o in carried.drain(..) {
            unclosed(o, sink);
        }
        std::mem::swap(&mut carried, &mut stack);
    }
    for o in carried {
        unclosed(o, sink);
    }
}

/// `1)`, `a)`, `一）`, `(1)` at the start of a paragraph: a list ordinal.
fn after_ordinal(before: &str) -> bool {
    // More than twelve bytes are more than three characters.
    if before.len() > 12 {
        return false;
    }
    let n = before.chars().count();
    n > 0
        && n <= 3
        && before
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || super::is_zh_numeral(c))
}

fn unclosed(o: Open, sink: &mut Sink<'_>) {
    let end = o.pos + o.c.len_utf8();
    sink.report(
        o.pos,
        end,
        format!(
            "“{}”没有对应的“{}”：请在合适位置补上，或删去多余的“{}”",
            o.c,
            partner(o.c),
            o.c
        ),
    );
}

fn stray(c: Open, sink: &mut Sink<'_>) {
    let end = c.pos + c.c.len_utf8();
    sink.report(
        c.pos,
        end,
        format!(
            "“{}”前面没有对应的“{}”：请补上，或删去多余的“{}”",
            c.c,
            partner(c.c),
            c.c
        ),
    );
}

/// A pair whose halves differ in width: the half-width half becomes full-width.
fn widths(o: Open, c: Open, sink: &mut Sink<'_>) {
    if o.full == c.full {
        return;
    }
    let half = if o.full { c } else { o };
    let full = kind(half.c).expect("a bracket").3;
    let end = half.pos + half.c.len_utf8();
    sink.report(
        half.pos,
        end,
        format!("括号前后宽度不一致：“{}”应改为全角“{}”", half.c, full),
    )
    .fix(half.pos, end, full.to_string(), Applicability::Safe);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/unpaired-bracket";

    /// `is_bracket` on every character: exactly those of `kind`.
    #[test]
    fn is_bracket_is_true_for_the_brackets_only() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let w = crate::rules::utf8_code(c);
            assert_eq!(super::is_bracket(w), super::kind(c).is_some(), "{c:?}");
            assert_eq!(
                super::BRACKETS.contains(w),
                super::kind(c).is_some(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn fires_on_unpaired_and_mixed() {
        assert_fires(R, "高中阶段教育（普通高中、技工教育⟦)⟧、高等教育");
        assert_fires(R, "⟦(⟧试行）办法");
        assert_fires(R, "⟦【⟧典型案例");
        assert_fires(R, "学习⟦《⟧条例");
        assert_fires(R, "学习条例⟦》⟧。");
        assert_fires(R, "《关于⟦（⟧试行的通知》");
        assert_fires(R, "第一段⟦（⟧说明\n第二段没有后括号。");
    }

    #[test]
    fn quiet_on_pairs() {
        for t in [
            "《中华人民共和国公务员法》（以下简称《公务员法》）",
            "《关于〈河北雄安新区总体规划（2018—2035年）〉的请示》收悉。",
            "（二○○四年六月十六日国务院\n第54次常务会议修订通过）",
            "〔2024〕5号",
            "【典型案例】",
            "1)学习文件",
            "一）加强领导",
            "f(x)与[1]",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fixes_mixed_widths_to_full_width() {
        assert_fix(R, "（试行)办法", "（试行）办法");
        assert_fix(R, "(试行）办法", "（试行）办法");
    }
}
