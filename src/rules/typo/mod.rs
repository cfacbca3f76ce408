//! Typos: a lexicon of common misspellings and traditional characters.

use crate::registry::RuleMeta;

pub static RULES: &[&RuleMeta] = &[];
