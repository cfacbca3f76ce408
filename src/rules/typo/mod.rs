//! Typos: a lexicon of common misspellings and traditional characters in
//! simplified text. Both are data tables compiled in (`data/typos.tsv`,
//! `data/traditional.tsv`).

use crate::registry::RuleMeta;

pub mod lexicon;
pub mod traditional;

pub static RULES: &[&RuleMeta] = &[&lexicon::LEXICON, &traditional::TRADITIONAL];
