use super::{chars_of, is_han, is_zh, is_zh_punct};
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds spaces inside Chinese running text: `加 强`, `工作 ，`,
    /// `国有企业 “争链主”`, `完成 2025 年目标`.
    ///
    /// Standard: GB/T 15834-2011 §5.1 (each mark takes its own cell; a mark
    /// is set right after the text it belongs to) and the practice of Chinese
    /// typesetting: no spaces between Chinese characters, and none between
    /// Chinese and digits or Latin letters in a 公文.
    ///
    /// Looks only at prose paragraphs (with a `，` or ending in `。`), so it
    /// stays quiet on indentation (not part of a paragraph), on names aligned
    /// with spaces in lists (`李　强`, `黄 卫 科技部副部长`), on headings and
    /// captions (`1.1 编制目的`, `图1 汽车号牌`), on tables (tab-separated),
    /// and on spaces between Latin words.
    ///
    /// Fix (safe): delete the space.
    pub static STRAY_SPACE = {
        id: "punctuation/stray-space",
        category: Punctuation,
        severity: Warning,
        title: "中文里多了空格",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if !text.contains([' ', '\u{3000}'])
        || text.contains('\t')
        || !(text.contains('，') || text.ends_with('。'))
    {
        return;
    }
    let chars = chars_of(text);
    // Depth inside “…” and 《…》, where slogans (“好客山东 好品山东”) and joint
    // issuers (《中共中央 国务院关于……》) are written with a space.
    let mut marked = 0usize;
    let mut straight = false;
    let mut i = 0;
    while i < chars.len() {
        match chars[i].1 {
            '“' | '《' | '「' | '『' | '〝' => marked += 1,
            '”' | '》' | '」' | '』' | '〞' | '〟' => marked = marked.saturating_sub(1),
            '"' => {
                straight = !straight;
                if straight {
                    marked += 1;
                } else {
                    marked = marked.saturating_sub(1);
                }
            }
            _ => {}
        }
        if i == 0 || !is_space(chars[i].1) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_space(chars[j].1) {
            j += 1;
        }
        let (prev, next) = (chars[i - 1].1, chars.get(j).map(|&(_, c)| c));
        let Some(next) = next else { break };
        let latin = |c: char| c.is_ascii_alphanumeric() || c == '%';
        // Beside a Chinese mark, the other side must be text (not `<!-- marker -->`).
        let text_like = |c: char| is_zh(c) || c.is_alphanumeric();
        let message = if is_zh_punct(prev) || is_zh_punct(next) {
            (text_like(prev) && text_like(next)).then_some("标点符号前后不应有空格，请删去")
        } else if is_han(prev) && is_han(next) {
            (marked == 0).then_some("汉字之间多了空格，请删去")
        } else if (is_han(prev) && latin(next)) || (latin(prev) && is_han(next)) {
            Some("中文与数字、字母之间不加空格，请删去")
        } else {
            None
        };
        if let Some(message) = message.filter(|_| !is_leading_label(&text[..chars[i].0])) {
            let start = p.start + chars[i].0;
            let end = p.start + chars[j].0;
            sink.report(start, end, message)
                .fix(start, end, "", Applicability::Safe);
        }
        i = j;
    }
}

/// A label that starts the paragraph and is followed by a space by
/// convention: `第一条`, `1.2.1`, `6.`, `一、`, `（一）`, `附件1`, `图1`.
fn is_leading_label(before: &str) -> bool {
    if before.chars().count() > 10 {
        return false;
    }
    if let Some((_, _, len)) = crate::model::parse_ordinal(before) {
        if len == before.len() {
            return true;
        }
    }
    let body = before
        .strip_prefix('第')
        .and_then(|r| {
            r.strip_suffix(['条', '章', '节', '款', '编'])
                .or_else(|| r.strip_suffix("部分"))
        })
        .or_else(|| before.strip_prefix("附件"))
        .or_else(|| before.strip_prefix(['图', '表']))
        .unwrap_or(before);
    !body.is_empty()
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '．') || super::is_zh_numeral(c))
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    use crate::registry::any;
    t.when([any(" \u{3000}"), any("，。")]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/stray-space";

    #[test]
    fn fires_on_spaces_in_prose() {
        assert_fires(R, "加⟦ ⟧强学习，提高能力。");
        assert_fires(R, "做好工作⟦ ⟧，提高能力。");
        assert_fires(R, "持续推进国有企业⟦ ⟧“争链主、强集群”行动，开展调研。");
        assert_fires(R, "完成⟦ ⟧2025⟦ ⟧年目标，提高能力。");
        assert_fires(R, "加⟦　⟧强学习，提高能力。");
    }

    #[test]
    fn quiet_on_alignment_headings_and_latin() {
        for t in [
            "　　加强学习，提高能力。",
            "国务院总理李　强",
            "黄 卫 科技部副部长",
            "主 任：孙春兰 国务院副总理",
            "1.1 编制目的及依据",
            "图1 汽车号牌编码规则",
            "（民政部 一九九七年一月二十八日）",
            "引用Hello world的说法，提高能力。",
            "依据GB/T 15834执行，提高能力。",
            "项目\t金额\t备注，说明",
            "调研X次，县县本级。 <!-- gwlint-disable-line -->",
            "第十一条 个人所得税，依法缴纳。",
            "1.2.1 国家级，省级。",
            "6. “一表同享”：通过数字化技术，强化共享。",
            "（一） 加强学习，提高能力。",
            "推出“雄奇山水 新韵重庆”文旅品牌，创新发展。",
            "推出「雄奇山水 新韵重庆」文旅品牌，创新发展。",
            "推出\"雄奇山水 新韵重庆\"文旅品牌，创新发展。",
            "贯彻《中共中央 国务院关于打赢脱贫攻坚战的指导意见》，加强学习。",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_deletes_the_space() {
        assert_fix(R, "加 强学习，做好工作 。", "加强学习，做好工作。");
    }
}
