//! Rule families. Each family module lists its rules in `RULES`; a rule lives
//! in its own file with its doc comment and tests.

use crate::registry::RuleMeta;

mod charset;
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
    std::iter::from_fn(move || loop {
        // Three-byte characters in a loop of their own (see `char_starts`).
        while let Some(&x) = bytes.get(i) {
            if x & 0xf0 != 0xe0 {
                break;
            }
            i += 3;
            if pick(x) {
                return Some(i - 3);
            }
        }
        let &x = bytes.get(i)?;
        let at = i;
        i += char_len(x);
        if pick(x) {
            return Some(at);
        }
    })
}

/// Byte offsets of the characters of `text` whose UTF-8 bytes, read as a
/// big-endian number (`'（'`, EF BC 88: `0xefbc88`; `'('`: `0x28`), `pick`
/// accepts, in order, nothing decoded. A `pick` without branches (masks,
/// `|` rather than `||`) keeps the walk free of mispredictions on the
/// frequent punctuation.
pub(crate) fn char_starts<'a>(
    text: &'a str,
    pick: impl Fn(u32) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || loop {
        // Three-byte characters (nearly all of a Chinese text) in a loop of
        // their own: its step does not depend on the byte just read, so the
        // processor runs ahead instead of waiting for each load, as it must
        // for the step by a table of lengths below (in wasm, this made the
        // bracket rules' walks ~3x faster; issue 9).
        while let Some(&x) = bytes.get(i) {
            if x & 0xf0 != 0xe0 {
                break;
            }
            let code = u32::from(x) << 16 | u32::from(bytes[i + 1]) << 8 | u32::from(bytes[i + 2]);
            i += 3;
            if pick(code) {
                return Some(i - 3);
            }
        }
        let &x = bytes.get(i)?;
        let at = i;
        i += char_len(x);
        let code = bytes[at + 1..i]
            .iter()
            .fold(u32::from(x), |c, &y| c << 8 | u32::from(y));
        if pick(code) {
            return Some(at);
        }
    })
}

/// The number `char_starts` hands its `pick` for `c`: its UTF-8 bytes read
/// big-endian (for tests of a `pick` against the characters it stands for).
#[cfg(test)]
pub(crate) fn utf8_code(c: char) -> u32 {
    let mut b = [0; 4];
    c.encode_utf8(&mut b)
        .bytes()
        .fold(0, |n, y| n << 8 | u32::from(y))
}

/// Length in bytes of the character whose UTF-8 starts with byte `x`.
#[inline(always)]
pub(crate) fn char_len(x: u8) -> usize {
    // By the first byte's high nibble.
    const LEN: [u8; 16] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4];
    usize::from(LEN[usize::from(x >> 4)])
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
    use proptest::prelude::*;

    proptest! {
        /// The walk finds exactly the characters whose first byte is picked.
        #[test]
        fn lead_bytes_are_the_picked_characters(
            s in "[a-z(（）【】，。、的是第要“”\u{3000}\u{20000}é\n]{0,40}",
            pick in any::<u8>(),
        ) {
            let want: Vec<usize> = s.char_indices().map(|(i, _)| i).filter(|&i| s.as_bytes()[i] & 0xf8 == pick & 0xf8).collect();
            let got: Vec<usize> = super::lead_bytes(&s, |x| x & 0xf8 == pick & 0xf8).collect();
            prop_assert_eq!(got, want);
            let all: Vec<usize> = super::lead_bytes(&s, |_| true).collect();
            prop_assert_eq!(all, s.char_indices().map(|(i, _)| i).collect::<Vec<_>>());
            // char_starts: the code of each character is its UTF-8 bytes.
            let code = super::utf8_code;
            let codes: Vec<u32> = s.chars().map(code).collect();
            let picked = |w: u32| w % 3 == u32::from(pick) % 3;
            let want: Vec<usize> = s.char_indices().filter(|&(_, c)| picked(code(c))).map(|(i, _)| i).collect();
            prop_assert_eq!(super::char_starts(&s, picked).collect::<Vec<_>>(), want);
            let seen = std::cell::RefCell::new(Vec::new());
            let none = super::char_starts(&s, |w| {
                seen.borrow_mut().push(w);
                false
            });
            prop_assert_eq!(none.count(), 0);
            prop_assert_eq!(seen.into_inner(), codes);
        }
    }

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
