use crate::model::{Document, Paragraph};
use crate::rules::charset::CharSet;
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds brackets left to fill: empty ones (`【】`, `（ ）`, `()`, `〔〕`)
    /// and ones that hold a field name from a template (`（单位名称）`,
    /// `（姓名）`, `【待补充】`, `（请填写具体数字）`).
    ///
    /// Why: templates ask for input in brackets; a bracket that still holds
    /// the prompt, or nothing, was never filled.
    ///
    /// Stays quiet on brackets with real content (`（以下简称“县委”）`,
    /// `【典型案例】` used as a label, `（草案）`, `（试行）`, `（略）`) and on
    /// `（盖章）`/`（签字）` on forms. `〔201×〕` is reported by x-slot.
    ///
    /// No fix: only the writer knows what goes in.
    pub static BRACKET_SLOT = {
        id: "placeholder/bracket-slot",
        category: Placeholder,
        severity: Warning,
        title: "未填写的括号",
        check: Paragraph(check),
        triggers: triggers,
    };
}

const PAIRS: &[(char, char)] = &[
    ('（', '）'),
    ('(', ')'),
    ('【', '】'),
    ('[', ']'),
    ('〔', '〕'),
    ('［', '］'),
    ('〖', '〗'),
];

/// Template prompts: the whole bracket content is one of these.
const FIELDS: &[&str] = &[
    "单位名称",
    "姓名",
    "名字",
    "职务姓名",
    "年月日",
    "金额",
    "数字",
    "人数",
    "文号",
    "具体内容",
    "具体数字",
    "具体时间",
    "具体名称",
    "具体事项",
    "项目名称",
    "文件名称",
    "会议名称",
    "机关名称",
    "发文机关",
    "部门名称",
    "填写",
    "此处填写",
];

/// Generic nouns that are prompts only where a name should stand (after a
/// mark or at the start of a paragraph): after a noun they are a gloss, as in
/// 有关部门（单位）.
const GENERIC_FIELDS: &[&str] = &[
    "单位", "部门", "名称", "职务", "日期", "时间", "地点", "数量", "标题", "内容", "事由",
];

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\u{a0}' || c == '\t'
}

/// Might the character with UTF-8 code `w` (see `rules::char_starts`) open
/// a bracket of `PAIRS`? Without branches, so that the walk does not stumble
/// on the frequent 。、，.
fn may_open(w: u32) -> bool {
    // ( [ as bits of a mask; 【 〔 〖 (E3 80 90/94/96) and （ ［ (EF BC 88/BB)
    // by their last byte's low six bits.
    const ASCII: u128 = 1 << b'(' | 1 << b'[';
    const CJK: u64 = 1 << 0x10 | 1 << 0x14 | 1 << 0x16;
    const FULL: u64 = 1 << 0x08 | 1 << 0x3b;
    let mask = match w >> 8 {
        0xe380 => CJK,
        0xefbc => FULL,
        _ => 0,
    };
    ((mask >> (w & 0x3f)) & 1 != 0) | ((w < 128) & ((ASCII >> (w & 127)) & 1 != 0))
}

/// The characters [`may_open`] picks, found sixteen bytes at a time in wasm.
static OPENS: CharSet = CharSet::new(&['(', '[', '【', '〔', '〖', '（', '［']);

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    for i in OPENS.starts(text, may_open) {
        let c = text[i..].chars().next().expect("a character");
        let Some(&(_, close)) = PAIRS.iter().find(|(o, _)| *o == c) else {
            continue;
        };
        let body_start = i + c.len_utf8();
        // A slot holds at most 16 characters: look for the close only that far,
        // so a text full of unclosed brackets stays linear.
        let window_end = text[body_start..]
            .char_indices()
            .nth(17)
            .map_or(text.len(), |(j, _)| body_start + j);
        let Some(len) = text[body_start..window_end].find(close) else {
            continue;
        };
        let body = &text[body_start..body_start + len];
        if body.contains(c) || body.chars().count() > 16 {
            continue;
        }
        let end = body_start + len + close.len_utf8();
        let inner = body.trim_matches(is_blank);
        let prompt = inner
            .strip_prefix("请")
            .unwrap_or(inner)
            .trim_end_matches(['。', '：', ':']);
        let before = text[..i].chars().next_back();
        let after_word = before.is_some_and(crate::rules::is_han);
        // print() in a program name or a formula: not a slot.
        if inner.is_empty() && before.is_some_and(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let message = if inner.is_empty() {
            format!("“{}”是空括号，请填入内容或删除括号", &text[i..end])
        } else if FIELDS.contains(&prompt)
            || (GENERIC_FIELDS.contains(&prompt) && !after_word)
            || prompt.starts_with("填写")
            || prompt.starts_with("此处")
            || prompt.starts_with("输入")
            || super::todo_word::NOTES
                .iter()
                .any(|n| prompt.starts_with(n))
        {
            format!("“{}”是模板中待填写的提示，请替换为实际内容", &text[i..end])
        } else {
            continue;
        };
        sink.report(p.start + i, p.start + end, message);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    use crate::registry::Cond;
    let (open, close): (Vec<char>, Vec<char>) = PAIRS.iter().copied().unzip();
    let set = |cs: Vec<char>| Cond::Any(cs.into_iter().map(|c| (c, c)).collect());
    t.when([set(open), set(close)]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "placeholder/bracket-slot";

    /// `may_open` on every character: exactly the opening brackets.
    #[test]
    fn may_open_is_true_for_the_opening_brackets_only() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let w = crate::rules::utf8_code(c);
            let opens = super::PAIRS.iter().any(|&(o, _)| o == c);
            assert_eq!(super::may_open(w), opens, "{c:?}");
            assert_eq!(super::OPENS.contains(w), opens, "{c:?}");
        }
    }

    #[test]
    fn fires_on_empty_and_prompt_brackets() {
        assert_fires(R, "⟦【】⟧同志，⟦（ ）⟧局");
        assert_fires(R, "⟦（单位名称）⟧关于⟦（姓名）⟧同志任职的通知");
        assert_fires(R, "完成投资⟦【待补充】⟧亿元，⟦（请填写具体数字）⟧");
        assert_fires(R, "⟦（　　）⟧号");
        assert_fires(R, "⟦（单位）⟧：");
    }

    #[test]
    fn quiet_on_real_content() {
        assert_quiet(R, "县委办公室（以下简称“县委办”）");
        assert_quiet(R, "【典型案例】某地开展整治");
        assert_quiet(R, "《条例（草案）》（试行）（略）（盖章）");
        assert_quiet(R, "函数f(x)的值，调用print()函数");
        assert_quiet(R, "有关部门（单位）及省级人民政府，示范区（单位）数量");
    }
}
