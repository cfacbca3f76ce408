//! Rule families. Each family module lists its rules in `RULES`; a rule lives
//! in its own file with its doc comment and tests.

use crate::registry::RuleMeta;

pub mod consistency;
pub mod formulation;
pub mod number;
pub mod placeholder;
pub mod punctuation;
pub mod structure;
pub mod typo;

/// Every family's rule list, in the order rules run and are listed.
pub static FAMILIES: &[&[&RuleMeta]] = &[
    structure::RULES,
    placeholder::RULES,
    consistency::RULES,
    punctuation::RULES,
    number::RULES,
    formulation::RULES,
    typo::RULES,
];

/// Is `c` a CJK ideograph (the characters Chinese text is written in)?
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{20000}'..='\u{2ebef}' | '\u{30000}'..='\u{3134f}' | '\u{f900}'..='\u{faff}')
}
