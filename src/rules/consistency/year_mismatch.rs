use super::date::dates;
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds years that contradict each other: a title year and a 成文日期
    /// year that disagree (`2023年度工作总结` signed `2021年1月10日`), and 今年/
    /// 去年/明年 glossed with a year that is not the document's
    /// (`去年（2022年）` in a report signed in 2024).
    ///
    /// Why: last year's file reused for this year keeps an old year somewhere;
    /// the 落款 and the title are what readers check first.
    ///
    /// Allowed: a report on year Y signed in January–March of Y+1, a plan for
    /// Y signed in October–December of Y−1, titles with several years
    /// (`2021—2025年`). The 成文日期 is the last paragraph that is only a date;
    /// without one, 今年/去年 are compared with the title year.
    ///
    /// No fix: either year may be the wrong one.
    pub static YEAR_MISMATCH = {
        id: "consistency/year-mismatch",
        category: Consistency,
        severity: Warning,
        title: "年份前后矛盾",
        check: Document(check),
    };
}

/// The year of a title that names exactly one year, with its byte span.
fn title_year(doc: &Document, p: &Paragraph) -> Option<i32> {
    let text = doc.para_text(p);
    let years: Vec<i32> = text
        .match_indices('年')
        .filter_map(|(i, _)| {
            let d = text[..i]
                .bytes()
                .rev()
                .take_while(u8::is_ascii_digit)
                .count();
            (d == 4).then(|| text[i - 4..i].parse().ok()).flatten()
        })
        .collect();
    let range = ["—", "-", "－", "～", "~", "至"]
        .iter()
        .any(|m| text.contains(m));
    match years.as_slice() {
        [y] if !range => Some(*y),
        _ => None,
    }
}

/// A paragraph that is only a full date (the 成文日期): its year, month and year span.
fn signing_date(doc: &Document, p: &Paragraph) -> Option<(i32, u32, usize, usize)> {
    let text = doc.para_text(p);
    if text.chars().count() > 16 {
        return None;
    }
    let d = *dates(text).first()?;
    if d.start != 0 || d.end != text.len() || d.day.is_none() {
        return None;
    }
    let y = d.year?;
    let year_end = text.find('年')?;
    Some((y, d.month, p.start, p.start + year_end + '年'.len_utf8()))
}

/// 今年（2023年）, 去年即2022年: (offset from the document's year, year, span).
fn glossed_years(doc: &Document, p: &Paragraph) -> Vec<(i32, i32, usize, usize)> {
    let text = doc.para_text(p);
    let mut out = Vec::new();
    for (word, offset) in [("今年", 0), ("去年", -1), ("明年", 1)] {
        for (i, _) in text.match_indices(word) {
            let rest = &text[i + word.len()..];
            let skip = ["（", "(", "即", "，即"]
                .iter()
                .find(|s| rest.starts_with(**s))
                .map_or(0, |s| s.len());
            let r = &rest[skip..];
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            if skip == 0 || digits != 4 || !r[4..].starts_with('年') {
                continue;
            }
            let y: i32 = r[..4].parse().unwrap();
            let start = i + word.len() + skip;
            out.push((
                offset,
                y,
                p.start + start,
                p.start + start + 4 + '年'.len_utf8(),
            ));
        }
    }
    out
}

fn check(doc: &Document, sink: &mut Sink<'_>) {
    let Some(title) = doc.paragraphs.first() else {
        return;
    };
    let t_year = title_year(doc, title);
    let tail = doc.paragraphs.len().saturating_sub(6);
    let signed = doc.paragraphs[tail..]
        .iter()
        .rev()
        .find_map(|p| signing_date(doc, p));
    if let (Some(ty), Some((sy, month, s, e))) = (t_year, signed) {
        let ok = sy == ty || (sy == ty + 1 && month <= 3) || (sy == ty - 1 && month >= 10);
        if !ok {
            sink.report(
                s,
                e,
                format!("标题写的是{ty}年，成文日期却是{sy}年，请核对年份"),
            );
        }
    }
    let Some(doc_year) = signed.map(|s| s.0).or(t_year) else {
        return;
    };
    for p in &doc.paragraphs {
        for (offset, y, s, e) in glossed_years(doc, p) {
            let meant = doc_year + offset;
            if y != meant {
                let word = ["去年", "今年", "明年"][(offset + 1) as usize];
                sink.report(
                    s,
                    e,
                    format!(
                        "本文是{doc_year}年的材料，“{word}”应为{meant}年，此处却写{y}年，请核对"
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "consistency/year-mismatch";

    #[test]
    fn fires_on_contradicting_years() {
        assert_fires(R, "2023年度工作总结\n正文。\n县人民政府\n⟦2021年⟧1月10日");
        assert_fires(R, "2023年度工作总结\n正文。\n⟦2024年⟧6月10日");
        assert_fires(R, "工作总结\n去年（⟦2022年⟧）全县增长。\n2024年1月5日");
        assert_fires(R, "2024年工作报告\n今年即⟦2023年⟧，全县增长。");
    }

    #[test]
    fn quiet_on_usual_cases() {
        assert_quiet(R, "2023年度工作总结\n正文。\n2024年1月20日");
        assert_quiet(R, "2025年工作计划\n正文。\n2024年12月20日");
        assert_quiet(R, "2021—2025年规划\n正文。\n2024年12月20日");
        assert_quiet(
            R,
            "工作总结\n去年（2023年）全县增长，今年（2024年）。\n二〇二四年一月五日",
        );
        assert_quiet(
            R,
            "2026年安徽省政府工作报告\n——二〇二六年一月二十七日在会议上\n各位代表：",
        );
    }
}
