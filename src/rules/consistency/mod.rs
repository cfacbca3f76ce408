//! Consistency rules: copy-paste leftovers and things that disagree with each other.

use crate::registry::RuleMeta;

pub mod admin_level;
pub mod doubled_char;
pub mod doubled_word;

pub static RULES: &[&RuleMeta] = &[
    &doubled_char::DOUBLED_CHAR,
    &doubled_word::DOUBLED_WORD,
    &admin_level::ADMIN_LEVEL,
];
