//! 规范提法: standard political formulations and the office's own terms.

use crate::registry::RuleMeta;

pub mod custom_term;

pub static RULES: &[&RuleMeta] = &[&custom_term::CUSTOM_TERM];
