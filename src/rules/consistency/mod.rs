//! Consistency rules: copy-paste leftovers and things that disagree with each other.

use crate::registry::RuleMeta;

pub mod abbreviation;
pub mod admin_level;
pub mod cited_name;
pub mod date;
pub mod doubled_char;
pub mod doubled_word;
pub mod impossible_date;
pub mod list_ending;
pub mod percent_form;
pub mod weekday;
pub mod year_form;
pub mod year_mismatch;

pub static RULES: &[&RuleMeta] = &[
    &doubled_char::DOUBLED_CHAR,
    &doubled_word::DOUBLED_WORD,
    &admin_level::ADMIN_LEVEL,
    &impossible_date::IMPOSSIBLE_DATE,
    &weekday::WEEKDAY,
    &year_mismatch::YEAR_MISMATCH,
    &year_form::YEAR_FORM,
    &percent_form::PERCENT_FORM,
    &list_ending::LIST_ENDING,
    &abbreviation::ABBREVIATION,
    &cited_name::CITED_NAME,
];
