//! Numbers (GB/T 15835-2011 《出版物上数字用法》): years, dates, percent signs,
//! Chinese numerals in formal names, 二/两, approximations, 截止/截至.

use crate::registry::RuleMeta;

pub mod er_liang;
pub mod formal_name_numeral;
pub mod jiezhi;
pub mod mixed_numeral;
pub mod percent_sign;
pub mod redundant_approximation;
pub mod short_year;
pub mod year_zero;
pub mod zero_padded_date;

pub static RULES: &[&RuleMeta] = &[
    &short_year::SHORT_YEAR,
    &zero_padded_date::ZERO_PADDED_DATE,
    &mixed_numeral::MIXED_NUMERAL,
    &formal_name_numeral::FORMAL_NAME_NUMERAL,
    &year_zero::YEAR_ZERO,
    &percent_sign::PERCENT_SIGN,
    &er_liang::ER_LIANG,
    &redundant_approximation::REDUNDANT_APPROXIMATION,
    &jiezhi::JIEZHI,
];

/// The character that ends just before byte `i` of `s`.
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// A digit of any width (ASCII or full-width), or a decimal point: what may
/// continue a number written in Arabic digits.
pub(crate) fn is_arabic_part(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '.' || c == '．'
}

/// A Chinese numeral character (including 〇, 零, 两 and the units).
pub(crate) fn is_chinese_numeral(c: char) -> bool {
    "〇零一二三四五六七八九十百千万亿两".contains(c)
}

/// Writes `n` (1..=99) in Chinese numerals, with 两 for a lone 2 before a
/// measure word when `liang` is set (2个 → 两个, but 12个 → 十二个).
pub(crate) fn chinese(n: u32, liang: bool) -> String {
    if liang && n == 2 {
        "两".to_string()
    } else {
        crate::model::chinese_numeral(n)
    }
}

/// Is byte `i` of the paragraph text `s` inside a pair of “ ” quotes that
/// opened earlier in the same paragraph?
pub(crate) fn inside_quotes(s: &str, i: usize) -> bool {
    let mut open = false;
    for c in s[..i].chars() {
        match c {
            '“' => open = true,
            '”' => open = false,
            _ => {}
        }
    }
    open
}
