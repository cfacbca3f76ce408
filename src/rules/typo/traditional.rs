use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use std::collections::HashMap;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds traditional characters in simplified text: `臺灣`, `經濟`, `我們`.
    ///
    /// Why: 公文 of the mainland are written in the standard simplified
    /// characters (《通用规范汉字表》); a traditional character usually comes
    /// from pasting text from elsewhere or from an input method left in
    /// traditional mode.
    ///
    /// The table `data/traditional.tsv` is generated from OpenCC's character
    /// tables (scripts/gen_traditional.py): only characters that are never
    /// simplified characters themselves. Quiet on 乾坤, 慰藉, 瞭望, 著名, 宫商角徵羽,
    /// 二噁英, which are standard simplified characters.
    ///
    /// Fix (review): the simplified form (the usual one when a character has
    /// several).
    pub static TRADITIONAL = {
        id: "typo/traditional",
        category: Typo,
        severity: Warning,
        title: "繁体字",
        check: Paragraph(check),
        triggers: triggers,
    };
}

pub(crate) const TABLE: &str = include_str!("../../../data/traditional.tsv");

/// Traditional character → its simplified forms (usual one first).
pub(crate) static MAP: LazyLock<HashMap<char, Vec<&'static str>>> = LazyLock::new(|| {
    TABLE
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (t, s) = l.split_once('\t').expect("traditional.tsv: trad<TAB>simp");
            (t.chars().next().unwrap(), s.split(' ').collect())
        })
        .collect()
});

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    let map = &*MAP;
    let mut run: Option<(usize, usize)> = None;
    let flush = |run: &mut Option<(usize, usize)>, sink: &mut Sink<'_>| {
        let Some((s, e)) = run.take() else { return };
        let found = &text[s..e];
        let fixed: String = found.chars().map(|c| map[&c][0]).collect();
        let others: Vec<String> = found
            .chars()
            .filter_map(|c| {
                // Other meanings, when they are common characters (畫 → 画, 划).
                let alt: Vec<&str> = map[&c][1..]
                    .iter()
                    .copied()
                    .filter(|s| s.chars().all(|x| ('\u{4e00}'..='\u{9fff}').contains(&x)))
                    .collect();
                (!alt.is_empty()).then(|| format!("“{c}”也可能是“{}”", alt.join("”“")))
            })
            .collect();
        let mut msg = format!("简体文本中出现繁体字“{found}”，应为“{fixed}”");
        if !others.is_empty() {
            msg.push_str(&format!("（{}）", others.join("，")));
        }
        let (start, end) = (p.start + s, p.start + e);
        sink.report(start, end, msg)
            .fix(start, end, fixed, Applicability::Review);
    };
    for (i, c) in text.char_indices() {
        if map.contains_key(&c) {
            let e = i + c.len_utf8();
            run = Some(run.map_or((i, e), |(s, _)| (s, e)));
        } else {
            flush(&mut run, sink);
        }
    }
    flush(&mut run, sink);
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any_of(MAP.keys().copied());
}

#[cfg(test)]
mod tests {
    use super::MAP;
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "typo/traditional";

    #[test]
    fn table_is_well_formed() {
        assert!(MAP.len() > 3000);
        for (t, s) in MAP.iter() {
            assert!(
                !s.is_empty() && s.iter().all(|x| x.chars().count() == 1),
                "{t}"
            );
            assert!(!s.contains(&t.to_string().as_str()), "{t} maps to itself");
        }
    }

    /// Every traditional character in the table is reported, and its simplified
    /// form is not.
    #[test]
    fn every_entry_fires_and_its_simplified_form_is_quiet() {
        for (t, s) in MAP.iter() {
            assert_fires(R, &format!("我们⟦{t}⟧工作"));
            if !MAP.contains_key(&s[0].chars().next().unwrap()) {
                assert_quiet(R, &format!("我们{}工作", s[0]));
            }
        }
    }

    #[test]
    fn fires_on_runs() {
        assert_fires(R, "⟦臺灣⟧地区");
        assert_fires(R, "改革⟦開⟧放的深入，我⟦們⟧要");
    }

    #[test]
    fn quiet_on_simplified_characters_with_traditional_look() {
        for t in [
            "乾坤",
            "慰藉",
            "瞭望塔",
            "著名",
            "宫商角徵羽",
            "二噁英",
            "濛溪河遗址",
            "於姓",
            "台湾",
            "覆盖",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_writes_simplified() {
        assert_fix(R, "臺灣經濟", "台湾经济");
    }
}
