use super::{is_zh_numeral, tsv_rows};
use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Finds a 顿号 inside an approximate number: `三、四个月`, `七、八年`,
    /// `两、三天` (should be `三四个月`, `七八年`, `两三天`).
    ///
    /// Standard: GB/T 15834-2011 §4.5.3.4: two neighbouring numerals that form
    /// an approximate number take no 顿号; when they abbreviate a list, the
    /// 顿号 stays.
    ///
    /// Fires only when the two numerals are neighbours (三四, 七八, 三五, 两三)
    /// and a measure word follows (`data/punctuation_approx.tsv`, `unit` rows).
    /// Stays quiet on abbreviated lists (`一、二等奖`, `二、三产业`, `三、四季度`,
    /// `五、六十年代`, `第五、六中队`; `guard` rows and a leading 第) and on a
    /// heading ordinal (`二、三个务必`).
    ///
    /// Fix (review): delete the 顿号; whether the writer meant a range or a
    /// list is theirs to say.
    pub static DUNHAO_APPROXIMATE = {
        id: "punctuation/dunhao-approximate",
        category: Punctuation,
        severity: Warning,
        title: "概数中间不用顿号",
        check: Paragraph(check),
        triggers: triggers,
    };
}

/// (guards, units) from `data/punctuation_approx.tsv`; units longest first.
static TABLE: LazyLock<(Vec<&'static str>, Vec<&'static str>)> = LazyLock::new(|| {
    let mut guards = Vec::new();
    let mut units = Vec::new();
    for r in tsv_rows(include_str!("../../../data/punctuation_approx.tsv")) {
        match r[0] {
            "guard" => guards.push(r[1]),
            "unit" => units.push(r[1]),
            k => panic!("unknown kind {k}"),
        }
    }
    units.sort_by_key(|u| std::cmp::Reverse(u.len()));
    (guards, units)
});

fn digit(c: char) -> Option<u8> {
    Some(match c {
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn neighbours(a: char, b: char) -> bool {
    match (digit(a), digit(b)) {
        // 一、二 is a list (一、二类): one or two is written 一两, not 一二.
        (Some(x), Some(y)) if a != '一' => {
            y == x + 1 || (x, y) == (3, 5) || (a, b) == ('两', '三')
        }
        _ => false,
    }
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    if !text.contains('、') {
        return;
    }
    let chars = super::chars_of(text);
    let (guards, units) = &*TABLE;
    for i in 1..chars.len().saturating_sub(1) {
        let (b, c) = chars[i];
        if c != '、' {
            continue;
        }
        let (a, z) = (chars[i - 1].1, chars[i + 1].1);
        // i - 1 == 0: a heading ordinal (二、三个务必).
        if i < 2 || !neighbours(a, z) {
            continue;
        }
        let before = chars[i - 2].1;
        if is_zh_numeral(before) || before == '第' || before.is_ascii_digit() {
            continue;
        }
        let rest = &text[chars[i + 1].0 + z.len_utf8()..];
        if guards.iter().any(|g| rest.starts_with(g)) || !units.iter().any(|u| rest.starts_with(u))
        {
            continue;
        }
        let start = p.start + b;
        let end = start + c.len_utf8();
        sink.report(
            start,
            end,
            format!("“{a}、{z}”表示概数，中间不用顿号，应写作“{a}{z}”"),
        )
        .fix(start, end, "", Applicability::Review);
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    // 三、四 : 、 before a numeral (the second of `neighbours`).
    t.literals([
        "、一", "、二", "、两", "、三", "、四", "、五", "、六", "、七", "、八", "、九",
    ]);
}

#[cfg(test)]
mod tests {
    use super::TABLE;
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "punctuation/dunhao-approximate";

    #[test]
    fn table_is_well_formed() {
        let (guards, units) = &*TABLE;
        assert!(guards.len() >= 5 && units.len() >= 20);
        for w in guards.iter().chain(units) {
            assert!(!w.is_empty() && !w.contains(' '), "{w:?}");
            assert!(w.chars().all(crate::rules::is_han), "{w:?}");
        }
        let mut all: Vec<_> = guards.iter().chain(units).collect();
        all.sort();
        let n = all.len();
        all.dedup();
        assert_eq!(all.len(), n, "duplicate entry");
    }

    #[test]
    fn fires_on_approximate_numbers() {
        assert_fires(R, "用了三⟦、⟧四个月");
        assert_fires(R, "经过七⟦、⟧八年的努力");
        assert_fires(R, "每次两⟦、⟧三天");
        assert_fires(R, "来了三⟦、⟧五个人");
        assert_fires(R, "投入三⟦、⟧四十万元");
    }

    #[test]
    fn quiet_on_abbreviated_lists() {
        for t in [
            "获得一、二等奖",
            "二、三产业融合",
            "三、四季度",
            "五、六十年代",
            "第五、六中队",
            "二、三个务必",
            "五、六月份",
            "一、二年级",
            "三、五、七个",
            "十一、二个",
            "一、二个",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_deletes_the_dunhao() {
        assert_fix(R, "用了三、四个月", "用了三四个月");
    }
}
