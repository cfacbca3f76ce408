use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds corner quotes in simplified Chinese text: `「两个确立」`,
    /// `『四个意识』`, their vertical forms `﹁﹂﹃﹄`, and the prime quotes
    /// `〝〞〟` that PDF converters leave for `“”` (`“两型社会〞`).
    ///
    /// Standard: GB/T 15834-2011 §4.8.2: in simplified Chinese the quotation
    /// marks are `“”` and `‘’`; corner quotes are the traditional-script and
    /// vertical forms.
    ///
    /// Stays quiet on `“”` and `‘’`.
    ///
    /// Fix (safe): `「」` and `〝〞` become `“”`, `『』` become `‘’` (the usual
    /// nesting: corner quotes outside, double corner quotes inside).
    pub static CORNER_QUOTE = {
        id: "punctuation/corner-quote",
        category: Punctuation,
        severity: Warning,
        title: "引号写法不规范",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn replacement(c: char) -> Option<char> {
    Some(match c {
        '「' | '﹁' => '“',
        '」' | '﹂' => '”',
        '『' | '﹃' => '‘',
        '』' | '﹄' => '’',
        '〝' => '“',
        '〞' | '〟' => '”',
        _ => return None,
    })
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    for (b, c) in text.char_indices() {
        let Some(r) = replacement(c) else { continue };
        let start = p.start + b;
        let end = start + c.len_utf8();
        sink.report(
            start,
            end,
            format!("简体中文应使用引号“{r}”，不用直角引号“{c}”"),
        )
        .fix(start, end, r.to_string(), Applicability::Safe);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("「﹁」﹂『﹃』﹄〝〞〟");
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/corner-quote";

    #[test]
    fn fires_on_corner_quotes() {
        assert_fires(R, "坚持⟦「⟧两个确立⟦」⟧");
        assert_fires(R, "⟦『⟧四个意识⟦』⟧");
        assert_fires(R, "建设“两型社会⟦〞⟧综合配套改革试验区");
    }

    #[test]
    fn quiet_on_curly_quotes() {
        assert_quiet(R, "坚持“两个确立”和‘四个意识’");
    }

    #[test]
    fn fix_uses_curly_quotes() {
        assert_fix(R, "「学习『两个确立』精神」", "“学习‘两个确立’精神”");
        assert_fix(R, "“两型社会〞", "“两型社会”");
    }
}
