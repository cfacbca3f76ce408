//! 规范提法: standard political formulations and the office's own terms.
//! The formulations are data (`data/slogans.tsv`, `data/formulation.tsv`).

use crate::registry::RuleMeta;

pub mod custom_term;
mod literals;
pub mod slogan_expansion;
pub mod slogan_quotes;
mod tables;
pub mod thought_name;
pub mod wrong_form;

pub static RULES: &[&RuleMeta] = &[
    &custom_term::CUSTOM_TERM,
    &thought_name::THOUGHT_NAME,
    &slogan_quotes::SLOGAN_QUOTES,
    &slogan_expansion::SLOGAN_EXPANSION,
    &wrong_form::WRONG_FORM,
];
