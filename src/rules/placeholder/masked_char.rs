use crate::model::{Document, Paragraph};
use crate::rules::is_han;
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds characters masked by an asterisk or replaced by a dot: `*乡`,
    /// `**县`, `新*`, `“*重庆市委”` (`*` for 中共), `以.为统领` (a deleted term).
    ///
    /// Why: copies from document-sharing sites and anonymised templates hide
    /// names this way; a masked name left in a report is an unfilled slot.
    ///
    /// Stays quiet on formulas and numbers (`3*4`, `a*b`, `1.5亿元`), on a dot
    /// between Latin letters or digits (`www.gov.cn`), and on an asterisk that
    /// marks a footnote after a closing bracket or at the start of a note line.
    ///
    /// No fix: only the writer knows the hidden word.
    pub static MASKED_CHAR = {
        id: "placeholder/masked-char",
        category: Placeholder,
        severity: Warning,
        title: "被遮盖的字",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn is_star(c: char) -> bool {
    matches!(c, '*' | '＊')
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    let chars = crate::rules::punctuation::chars_of(text);
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let prev = i.checked_sub(1).map(|k| chars[k].1);
        if is_star(c) {
            let mut j = i;
            while j < chars.len() && is_star(chars[j].1) {
                j += 1;
            }
            let next = chars.get(j).map(|&(_, c)| c);
            // A footnote mark (“*注：”) opens a paragraph and is followed by 注.
            let footnote = i == 0 && next == Some('注');
            let masks = next.is_some_and(is_han) || prev.is_some_and(is_han);
            let formula = prev.is_some_and(|c| c.is_ascii_alphanumeric())
                || next.is_some_and(|c| c.is_ascii_alphanumeric());
            if masks && !formula && !footnote {
                let run = &text[chars[i].0..end_of(j)];
                let word = if next.is_some_and(is_han) {
                    mask_context(text, &chars, i, j, 0, 2)
                } else {
                    mask_context(text, &chars, i, j, 2, 0)
                };
                sink.report(
                    p.start + chars[i].0,
                    p.start + end_of(j),
                    format!("“{word}”中的“{run}”遮盖了文字，请填入实际名称"),
                );
            }
            i = j;
            continue;
        }
        if c == '.' && prev.is_some_and(is_han) && chars.get(i + 1).is_some_and(|&(_, d)| is_han(d))
        {
            let word = mask_context(text, &chars, i, i + 1, 2, 2);
            sink.report(
                p.start + chars[i].0,
                p.start + end_of(i + 1),
                format!("“{word}”中间的“.”疑为被删去的词语或多余的点，请补全或删除"),
            );
        }
        i += 1;
    }
}

/// The masked run `i..j` with up to `before`/`after` Han characters around it, for the message.
fn mask_context(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    j: usize,
    before: usize,
    after: usize,
) -> String {
    let mut lo = i;
    while lo > 0 && i - lo < before && is_han(chars[lo - 1].1) {
        lo -= 1;
    }
    let mut hi = j;
    while hi < chars.len() && hi - j < after && is_han(chars[hi].1) {
        hi += 1;
    }
    let end = chars.get(hi).map_or(text.len(), |&(b, _)| b);
    text[chars[lo].0..end].to_string()
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("*＊.");
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "placeholder/masked-char";

    #[test]
    fn fires_on_masked_characters() {
        assert_fires(R, "力争将⟦*⟧乡打造成新⟦*⟧。");
        assert_fires(R, "在⟦*⟧重庆市委的领导下");
        assert_fires(R, "⟦**⟧县人民政府");
        assert_fires(R, "乡党委政府以⟦.⟧为统领");
        assert_fires(R, "⟦＊⟧县");
    }

    #[test]
    fn quiet_on_formulas_and_numbers() {
        assert_quiet(R, "面积为3*4米，公式a*b。");
        assert_quiet(R, "增长1.5亿元，访问www.gov.cn。");
        assert_quiet(R, "*注：数据为初步统计");
    }
}
