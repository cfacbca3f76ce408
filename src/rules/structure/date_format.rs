use crate::diagnostic::{Applicability, Severity};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;
use regex::Regex;
use std::sync::OnceLock;

crate::declare_rule! {
    /// Checks the 成文日期: a date standing alone on its line (the date under
    /// the signature, or `（2018年1月2日）` under a title) must be written
    /// `2024年3月5日`: Arabic numerals, the full year, no zero padding.
    ///
    /// Why: GB/T 9704-2012 §7.3.5.1: 成文日期用阿拉伯数字将年、月、日标全，
    /// 年份应标全称，月、日不编虚位（即1不编为01）.
    ///
    /// Fires on `2024.3.5`, `2024-03-05`, `2024/3/5`, `24年3月5日`,
    /// `2024年03月05日`, and (info, older documents used them) `二〇二四年三月五日`.
    /// Stays quiet on `2024年3月5日`, on `（2018年1月2日）`, and on dates inside
    /// running text (zero-padded dates there belong to the number rules).
    ///
    /// Fix (safe): the standard form; none for Chinese numerals.
    pub static DATE_FORMAT = {
        id: "structure/date-format",
        category: Structure,
        severity: Warning,
        title: "成文日期格式不规范",
        check: Paragraph(check),
    };
}

fn re() -> &'static (Regex, Regex) {
    static RE: OnceLock<(Regex, Regex)> = OnceLock::new();
    RE.get_or_init(|| {
        (
            Regex::new(
                r"^(\d{2}|\d{4}) ?(?:(年) ?(\d{1,2}) ?月 ?(\d{1,2}) ?日|([.．/\-－]) ?(\d{1,2}) ?[.．/\-－] ?(\d{1,2}))$",
            )
            .unwrap(),
            Regex::new(r"^[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日$")
                .unwrap(),
        )
    })
}

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let t = doc.para_text(p);
    if t.len() > 40
        || !t.ends_with(|c: char| c == '日' || c == '）' || c == ')' || c.is_ascii_digit())
    {
        return;
    }
    // （2018年1月2日）
    let (inner, off) = match t
        .strip_prefix('（')
        .and_then(|s| s.strip_suffix('）'))
        .or_else(|| t.strip_prefix('(').and_then(|s| s.strip_suffix(')')))
    {
        Some(s) => (s.trim(), t.find(s.trim()).unwrap_or(0)),
        None => (t, 0),
    };
    let (re, zh) = re();
    let start = p.start + off;
    let end = start + inner.len();
    if zh.is_match(inner) {
        sink.report(start, end, "成文日期应使用阿拉伯数字，如“2024年3月5日”")
            .with_severity(Severity::Info);
        return;
    }
    let Some(c) = re.captures(inner) else {
        return;
    };
    let year = &c[1];
    let (month, day, sep) = match c.get(2) {
        Some(_) => (&c[3], &c[4], None),
        None => (&c[6], &c[7], Some(c[5].to_string())),
    };
    let (Ok(m), Ok(d)) = (month.parse::<u32>(), day.parse::<u32>()) else {
        return;
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return;
    }
    let short_year = year.len() == 2;
    let padded = month.starts_with('0') || day.starts_with('0');
    let spaced = inner.contains(' ');
    if sep.is_none() && !short_year && !padded && !spaced {
        return;
    }
    let full_year = if short_year {
        format!("20{year}")
    } else {
        year.to_string()
    };
    let want = format!("{full_year}年{m}月{d}日");
    let why = if let Some(s) = &sep {
        format!("成文日期不用“{s}”分隔，应写作“{want}”")
    } else if short_year {
        format!("成文日期的年份应写全，应写作“{want}”")
    } else if padded {
        format!("成文日期的月、日不编虚位（1不编为01），应写作“{want}”")
    } else {
        format!("成文日期中不应有空格，应写作“{want}”")
    };
    let d = sink.report(start, end, why);
    // A two-digit year may be 19xx: the writer confirms.
    let a = if short_year {
        Applicability::Review
    } else {
        Applicability::Safe
    };
    d.fix(start, end, want, a);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "structure/date-format";

    #[test]
    fn fires_on_non_standard_date_lines() {
        for s in [
            "2024.3.5",
            "2024-03-05",
            "2024/3/5",
            "24年3月5日",
            "2024年03月05日",
            "2024年3月05日",
            "二〇二四年三月五日",
        ] {
            assert_fires(R, &format!("正文。\n某县人民政府\n⟦{s}⟧\n"));
        }
        assert_fires(R, "标题\n（⟦2018年01月02日⟧）\n");
    }

    #[test]
    fn quiet_on_standard_dates_and_running_text() {
        assert_quiet(R, "正文。\n某县人民政府\n2024年3月5日\n");
        assert_quiet(R, "标题\n（2018年1月2日）\n");
        assert_quiet(R, "会议于2024年03月05日召开。\n");
        assert_quiet(R, "2024.35\n");
        assert_quiet(R, "1.5\n");
        assert_quiet(R, "2024.13.5\n");
    }

    #[test]
    fn fix_writes_the_standard_form() {
        assert_fix(R, "2024.3.5\n", "2024年3月5日\n");
        assert_fix(R, "2024-03-05\n", "2024年3月5日\n");
        assert_fix(R, "2024年03月05日\n", "2024年3月5日\n");
        assert_fix(R, "24年3月5日\n", "2024年3月5日\n");
    }
}
