//! Placeholder rules: slots a writer meant to fill (X次, 20XX年, ○○县 …).

use crate::registry::RuleMeta;

pub mod x_slot;

pub static RULES: &[&RuleMeta] = &[&x_slot::X_SLOT];
