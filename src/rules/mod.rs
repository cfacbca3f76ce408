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

/// Byte offsets of the characters of `text` whose first byte `pick` accepts,
/// in order: a walk from first byte to first byte, nothing decoded (cheaper
/// than `char_indices` when few characters matter).
pub(crate) fn lead_bytes<'a>(
    text: &'a str,
    pick: impl Fn(u8) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // Length of a character by its first byte's high nibble.
        const LEN: [u8; 16] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4];
        while let Some(&x) = bytes.get(i) {
            let at = i;
            i += LEN[usize::from(x >> 4)] as usize;
            if pick(x) {
                return Some(at);
            }
        }
        None
    })
}

/// Is the match of `wrong` at byte `start` of `text` part of one of `guards`
/// (correct phrases that contain `wrong`)? The text before the match may hold
/// characters of another width than the guard's, so slices are checked.
pub(crate) fn inside_guard(text: &str, start: usize, wrong: &str, guards: &[&str]) -> bool {
    guards.iter().any(|g| {
        g.match_indices(wrong).any(|(k, _)| {
            start
                .checked_sub(k)
                .and_then(|s| text.get(s..))
                .is_some_and(|t| t.starts_with(g))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::inside_guard;

    #[test]
    fn inside_guard_finds_the_guard_around_the_match() {
        let g = &["交给与", "给与会"];
        assert!(inside_guard("移交给与会", "移交".len(), "给与", g));
        assert!(!inside_guard("请给与答复", "请".len(), "给与", g));
        // A narrower character where the guard's first character would be:
        // no slice inside '”' or ':' (panicked before).
        assert!(!inside_guard(":给与", 1, "给与", g));
        assert!(!inside_guard("”:给与", 4, "给与", g));
        assert!(!inside_guard("给与", 0, "给与", &["交给与"]));
    }
}
