use super::chars_of;
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds a mark typed twice (`，，`, `。。`, `、、`, `！！`, `；；`) and two
    /// different pause marks side by side (`工作，。`, `；。`).
    ///
    /// Standard: GB/T 15834-2011 §3.1 and §4.1–§4.7: a pause or a sentence end
    /// is marked once, by one 点号; doubling is not a form the standard lists.
    ///
    /// Stays quiet on `？！` (a question said with force, §4.2.3), on `……` and
    /// `——` (one mark of two cells), on three or more 。 (an ellipsis, see
    /// `punctuation/ellipsis`) and on `？？？` (a to-do marker, see the
    /// placeholder rules).
    ///
    /// Fix: a doubled mark loses the extra copy (safe); of two different marks
    /// the weaker goes (review).
    pub static REPEATED_MARK = {
        id: "punctuation/repeated-mark",
        category: Punctuation,
        severity: Warning,
        title: "标点符号重复",
        check: Paragraph(check),
        triggers: triggers,
    };
}

/// Pause marks, weakest first.
const RANK: &[char] = &['、', '，', '：', '；', '。', '？', '！'];

fn rank(c: char) -> Option<usize> {
    RANK.iter().position(|&m| m == c)
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    let chars = chars_of(text);
    let mut i = 0;
    while i + 1 < chars.len() {
        let (b, c) = chars[i];
        let Some(rc) = rank(c) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < chars.len() && chars[j].1 == c {
            j += 1;
        }
        let n = j - i;
        let start = p.start + b;
        if n >= 2 {
            let skip = matches!(c, '。' | '？') && n >= 3;
            if !skip {
                let end = p.start + chars.get(j).map_or(text.len(), |&(b, _)| b);
                sink.report(start, end, format!("“{c}”重复，只保留一个"))
                    .fix(start, end, c.to_string(), Applicability::Safe);
            }
            i = j;
            continue;
        }
        let (b2, d) = chars[i + 1];
        if let Some(rd) = rank(d) {
            // ？！ and ！？ are allowed.
            if rc >= 5 && rd >= 5 {
                i += 2;
                continue;
            }
            let end = p.start + b2 + d.len_utf8();
            let keep = if rd >= rc { d } else { c };
            sink.report(
                start,
                end,
                format!("“{c}{d}”两个点号连用，应只保留“{keep}”"),
            )
            .fix(start, end, keep.to_string(), Applicability::Review);
            i += 2;
            continue;
        }
        i += 1;
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.when([crate::registry::pair("、，：；。？！")]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/repeated-mark";

    #[test]
    fn fires_on_doubled_marks() {
        assert_fires(R, "学习⟦，，⟧提高");
        assert_fires(R, "完成任务⟦。。⟧");
        assert_fires(R, "学习⟦、、⟧调研");
        assert_fires(R, "好⟦！！⟧");
        assert_fires(R, "做好工作⟦，。⟧");
    }

    #[test]
    fn quiet_on_allowed_combinations() {
        for t in [
            "这是真的吗？！",
            "学习……",
            "目标——建成",
            "学习。。。",
            "待核实？？？",
            "他说：“好。”",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fixes() {
        assert_fix(R, "学习，，提高。。", "学习，提高。");
        assert_fix(R, "做好工作，。", "做好工作。");
    }
}
