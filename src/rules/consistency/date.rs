//! Calendar dates in running text (2024年3月5日, 二〇二四年三月五日, 3月5日),
//! shared by the date rules. Not a rule.

/// One date as written. Spans are byte offsets into the searched text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
    /// The month number and 月 (for the finding's span).
    pub month_span: (usize, usize),
    /// The day number and 日, when there is one.
    pub day_span: Option<(usize, usize)>,
}

fn zh_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|d| d as u32)
        .or((c == '○' || c == '零').then_some(0))
}

/// A number of 1–2 Arabic digits or a Chinese numeral up to 三十九 ending at
/// byte `end` of `s`: (value, start byte).
fn number_before(s: &str, end: usize) -> Option<(u32, usize)> {
    let head = &s[..end];
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let start = end - digits;
        // Not part of a longer number or a decimal (1.5月 is no date).
        if digits > 2 || head[..start].ends_with(['.', '．']) {
            return None;
        }
        return Some((head[start..].parse().ok()?, start));
    }
    let chars: Vec<(usize, char)> = head.char_indices().rev().take(3).collect();
    let mut start = end;
    let mut n = 0;
    for &(b, c) in &chars {
        if zh_digit(c).is_some_and(|d| d > 0) || c == '十' {
            start = b;
            n += 1;
        } else {
            break;
        }
    }
    if n == 0 {
        return None;
    }
    let (v, len) = crate::model::leading_chinese_number(&head[start..])?;
    (start + len == end).then_some((v, start))
}

/// A four-digit year ending at byte `end` (just before 年): Arabic or Chinese.
fn year_before(s: &str, end: usize) -> Option<(i32, usize)> {
    let head = &s[..end];
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 4 {
        let start = end - 4;
        return Some((head[start..].parse().ok()?, start));
    }
    let chars: Vec<(usize, char)> = head.char_indices().rev().take(4).collect();
    if chars.len() == 4 && chars.iter().all(|&(_, c)| zh_digit(c).is_some()) {
        let y = chars
            .iter()
            .rev()
            .fold(0i32, |acc, &(_, c)| acc * 10 + zh_digit(c).unwrap() as i32);
        let before = head[..chars[3].0].chars().next_back();
        if before.is_some_and(|c| zh_digit(c).is_some() || c == '十') {
            return None;
        }
        return Some((y, chars[3].0));
    }
    None
}

/// Every date with a month in `s`: `YYYY年M月[D日]` or `M月D日`.
pub fn dates(s: &str) -> Vec<Date> {
    let mut out = Vec::new();
    for (m_at, _) in s.match_indices('月') {
        let Some((month, m_start)) = number_before(s, m_at) else {
            continue;
        };
        // 个月 (a duration) never reaches here: 个 is no digit.
        let year = s[..m_start]
            .strip_suffix('年')
            .and_then(|_| year_before(s, m_start - '年'.len_utf8()));
        let after = m_at + '月'.len_utf8();
        let day = {
            let rest = &s[after..];
            let n: usize = rest
                .char_indices()
                .take_while(|&(_, c)| c.is_ascii_digit() || zh_digit(c).is_some() || c == '十')
                .map(|(i, c)| i + c.len_utf8())
                .last()
                .unwrap_or(0);
            if n > 0 && rest[n..].starts_with(['日', '号']) {
                number_before(s, after + n)
                    .filter(|&(_, st)| st == after)
                    .map(|(d, _)| (d, after + n + '日'.len_utf8()))
            } else {
                None
            }
        };
        // A bare “13月” is a date only before 底/初/份/上旬 … (13月底前), not in
        // 第13月工资 or 每3月.
        let bare_date = ["底", "初", "份", "上旬", "中旬", "下旬", "末"]
            .iter()
            .any(|w| s[after..].starts_with(w))
            && !s[..m_start].ends_with(['第', '每', '个', '近', '隔']);
        if year.is_none() && day.is_none() && !bare_date {
            continue;
        }
        let arabic_month = s[m_start..m_at].bytes().all(|b| b.is_ascii_digit());
        if !arabic_month && year.is_none() {
            continue;
        }
        out.push(Date {
            start: year.map_or(m_start, |(_, b)| b),
            end: day.map_or(after, |(_, e)| e),
            year: year.map(|(y, _)| y),
            month,
            day: day.map(|(d, _)| d),
            month_span: (m_start, after),
            day_span: day.map(|(_, e)| (after, e)),
        });
    }
    out
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in `month` (1–12); February has 29 when the year is unknown.
pub fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// 0 = Sunday … 6 = Saturday (proleptic Gregorian).
pub fn weekday(y: i32, m: u32, d: u32) -> u32 {
    // Howard Hinnant's days_from_civil; 1970-01-01 was a Thursday.
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    (days + 4).rem_euclid(7) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dates() {
        let d = dates("于2024年3月5日召开");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].year, d[0].month, d[0].day), (Some(2024), 3, Some(5)));
        let d = dates("二〇〇四年六月二十六日");
        assert_eq!((d[0].year, d[0].month, d[0].day), (Some(2004), 6, Some(26)));
        let d = dates("二○○四年十二月");
        assert_eq!((d[0].year, d[0].month, d[0].day), (Some(2004), 12, None));
        assert_eq!(dates("5月20日前").len(), 1);
        assert!(dates("近3个月，第13月工资，1.5月，十二月份，第13月底").is_empty());
        assert_eq!(dates("6月底前").len(), 1);
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday(2024, 3, 5), 2); // Tuesday
        assert_eq!(weekday(1970, 1, 1), 4);
        assert_eq!(weekday(2000, 2, 29), 2);
        assert_eq!(days_in_month(Some(2023), 2), 28);
        assert_eq!(days_in_month(None, 2), 29);
    }
}
