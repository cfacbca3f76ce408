use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds to-do notes left in a draft: `待补充`, `待核实`, `待定`, `待完善`,
    /// `待填写`, `TODO`, `TBD`, `FIXME`, `？？？`.
    ///
    /// Why: writers mark what they still have to check; a note that survives
    /// into the final text tells the reader the figure was never confirmed.
    ///
    /// Stays quiet on words that merely contain 待 (`有待加强`, `待遇`, `接待`,
    /// `期待`, `等待`, `亟待解决`) and on a single question mark.
    ///
    /// No fix: the writer has to do what the note says.
    pub static TODO_WORD = {
        id: "placeholder/todo-word",
        category: Placeholder,
        severity: Warning,
        title: "遗留的待办标记",
        check: Paragraph(check),
        triggers: triggers,
    };
}

/// Chinese to-do notes. Each starts with 待 and is not the tail of a longer word
/// (有待, 亟待, 等待 are checked by `is_word_tail`).
pub(super) const NOTES: &[&str] = &[
    "待补充",
    "待核实",
    "待核准",
    "待核对",
    "待确认",
    "待定",
    "待填写",
    "待填",
    "待完善",
    "待修改",
    "待更新",
    "待查",
];

const LATIN: &[&str] = &["TODO", "TBD", "FIXME"];

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    for (i, _) in text.match_indices('待') {
        let rest = &text[i..];
        let Some(note) = NOTES.iter().find(|n| rest.starts_with(*n)) else {
            continue;
        };
        let prev = text[..i].chars().next_back();
        // 有待补充完善 / 亟待核实 read as prose ("still needs"), not as a note.
        if prev.is_some_and(|c| "有亟等期尚仍还".contains(c)) {
            continue;
        }
        // 对待定期…, 看待定… : 待 ends a dictionary word with the character before it.
        if prev.is_some_and(|c| doc.segmenter().is_word(&format!("{c}待"))) {
            continue;
        }
        // （待补充……） is one slot, reported whole by placeholder/bracket-slot.
        if prev.is_some_and(|c| "（(【[〔［".contains(c)) {
            continue;
        }
        sink.report(
            p.start + i,
            p.start + i + note.len(),
            format!("“{note}”是遗留的待办标记，请补全内容后删除"),
        );
    }
    for w in LATIN {
        for (i, m) in text.match_indices(w) {
            let before = text[..i].chars().next_back();
            let after = text[i + m.len()..].chars().next();
            if before.is_some_and(|c| c.is_ascii_alphanumeric())
                || after.is_some_and(|c| c.is_ascii_alphanumeric())
            {
                continue;
            }
            sink.report(
                p.start + i,
                p.start + i + m.len(),
                format!("“{w}”是遗留的待办标记，请补全内容后删除"),
            );
        }
    }
    // Three or more question marks: a figure the writer still has to look up.
    let chars = crate::rules::punctuation::chars_of(text);
    let mut i = 0;
    while i < chars.len() {
        let q = |c: char| c == '？' || c == '?';
        if !q(chars[i].1) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && q(chars[j].1) {
            j += 1;
        }
        if j - i >= 3 {
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            sink.report(
                p.start + chars[i].0,
                p.start + end,
                "连续的问号是遗留的待办标记，请填入实际内容",
            );
        }
        i = j;
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    // 待补充…, TODO/TBD/FIXME, three question marks.
    t.any("待TF").when([crate::registry::pair("？?")]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "placeholder/todo-word";

    #[test]
    fn fires_on_notes() {
        assert_fires(R, "全年完成投资⟦待补充⟧亿元");
        assert_fires(R, "数据⟦待核实⟧。会议地点⟦待定⟧。");
        assert_fires(R, "⟦TODO⟧：补充案例；⟦TBD⟧");
        assert_fires(R, "增长⟦？？？⟧%");
    }

    #[test]
    fn quiet_on_words_with_dai() {
        assert_quiet(
            R,
            "作风有待加强，待遇落实，接待群众，期待更好，等待批复，亟待解决，有待补充完善。",
        );
        assert_quiet(R, "这是为什么？");
        assert_quiet(R, "正确对待定期考核结果，客观看待定性评价");
        assert_quiet(R, "TODOS和MTBD");
    }
}
