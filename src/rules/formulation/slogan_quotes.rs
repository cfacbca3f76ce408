use super::tables::SLOGANS;
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::rules::number::{char_before, inside_quotes, is_chinese_numeral};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds numbered slogans written without quotation marks: `两个确立`,
    /// `四个意识`, `十四五规划`, `三个代表重要思想` (table `data/slogans.tsv`).
    ///
    /// Why: these abbreviated formulations are always quoted in Party and
    /// government documents (“两个确立”“四个意识”“十四五”; GB/T 15834-2011
    /// §4.8.3.2 on quoting terms with a special meaning, as we read it).
    ///
    /// Quiet when quoted (`“两个确立”`, `“十四五”规划`), inside a longer quote or a
    /// 《》 title, and on numbers that only look alike (`二十五五年`). 五位一体 and
    /// 两个结合 are reported as info: older national reports print them
    /// unquoted. Names written with digits (`2个确立`) are
    /// number/formal-name-numeral's.
    ///
    /// Fix (review): add the quotation marks.
    pub static SLOGAN_QUOTES = {
        id: "formulation/slogan-quotes",
        category: Formulation,
        severity: Warning,
        title: "提法未加引号",
        check: Paragraph(check),
        triggers: triggers,
    };
}

/// Is byte `i` of `text` inside a 《》 title?
fn inside_title(text: &str, i: usize) -> bool {
    let before = &text[..i];
    before
        .rfind('《')
        .is_some_and(|o| before.rfind('》').is_none_or(|c| c < o))
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let slogans = &*SLOGANS;
    let text = doc.para_text(p);
    for (i, m_start, m_end) in slogans.names.leftmost_longest(text) {
        let s = &slogans.list[i];
        if char_before(text, m_start).is_some_and(is_chinese_numeral)
            || inside_quotes(text, m_start)
            || inside_title(text, m_start)
        {
            continue;
        }
        let (start, end) = (p.start + m_start, p.start + m_end);
        sink.report(start, end, format!("“{}”是特定提法，应加引号", s.name))
            .with_severity(s.quote)
            .fix(start, end, format!("“{}”", s.name), Applicability::Review);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.literals(SLOGANS.list.iter().map(|s| s.name));
}

#[cfg(test)]
mod tests {
    use super::SLOGANS;
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    use crate::{check, Config, Severity};
    const R: &str = "formulation/slogan-quotes";

    /// Every slogan of the table fires unquoted and stays quiet quoted.
    #[test]
    fn every_slogan_fires_unquoted_and_is_quiet_quoted() {
        for s in &SLOGANS.list {
            let t = format!("我们要坚持{}，推动工作。", s.name);
            let d = check(&t, &Config::default());
            let mine: Vec<_> = d.iter().filter(|d| d.rule.id == R).collect();
            assert_eq!(mine.len(), 1, "{t}");
            assert_eq!(&t[mine[0].start..mine[0].end], s.name);
            assert_eq!(mine[0].severity, s.quote, "{t}");
            assert_quiet(R, &format!("我们要坚持“{}”，推动工作。", s.name));
        }
    }

    #[test]
    fn fires_on_unquoted_names() {
        assert_fires(R, "深刻领悟⟦两个确立⟧的决定性意义");
        assert_fires(R, "编制⟦十四五⟧规划");
        assert_fires(R, "践行⟦三个代表⟧重要思想");
        let d = check("五位一体总体布局", &Config::default());
        assert!(d
            .iter()
            .any(|d| d.rule.id == R && d.severity == Severity::Info));
    }

    #[test]
    fn quiet_on_quoted_and_look_alikes() {
        for t in [
            "“两个确立”",
            "“十四五”规划",
            "“三个代表”重要思想",
            "“坚持四个全面战略布局”",
            "《关于十四五规划的说明》",
            "二十五五年",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_adds_quotes() {
        assert_fix(
            R,
            "增强四个意识、坚定四个自信",
            "增强“四个意识”、坚定“四个自信”",
        );
    }
}
