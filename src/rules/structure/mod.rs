//! Structure rules (GB/T 9704-2012 §7.3.3 headings, document elements).

use crate::registry::RuleMeta;

pub mod heading_sequence;

pub static RULES: &[&RuleMeta] = &[&heading_sequence::HEADING_SEQUENCE];
