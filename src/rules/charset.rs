//! Finding the characters of a small set in a paragraph sixteen bytes at a
//! time (wasm SIMD), where the walk of `char_starts` reads every character
//! and tests it: the bracket rules and the enumeration markers look for a
//! few characters among thousands.

use super::char_starts;

/// A set of characters: ASCII ones, and three-byte ones (U+0800..U+FFFF)
/// with at most three distinct first two bytes of their UTF-8 (brackets:
/// `（` EF BC 88, `【` E3 80 90).
pub(crate) struct CharSet {
    /// Bit `b` for the ASCII character `b`.
    ascii: u128,
    /// First byte, second byte, and the set of third bytes (bit `b & 0x3f`
    /// for the third byte `b`); a set of 0 marks an unused entry.
    three: [(u8, u8, u64); 3],
}

impl CharSet {
    pub(crate) const fn new(chars: &[char]) -> CharSet {
        let mut set = CharSet {
            ascii: 0,
            three: [(0, 0, 0); 3],
        };
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k] as u32;
            if c < 0x80 {
                set.ascii |= 1 << c;
            } else {
                assert!(c >= 0x800 && c <= 0xffff, "not a three-byte character");
                let (a, b) = ((0xe0 | c >> 12) as u8, (0x80 | (c >> 6 & 0x3f)) as u8);
                let mut j = 0;
                loop {
                    assert!(j < 3, "over three first-two-byte prefixes");
                    let (x, y, bits) = set.three[j];
                    if bits == 0 || (x == a && y == b) {
                        set.three[j] = (a, b, bits | 1 << (c & 0x3f));
                        break;
                    }
                    j += 1;
                }
            }
            k += 1;
        }
        set
    }

    /// Whether the character of UTF-8 code `w` (see `char_starts`) is in
    /// the set (for tests: each user's `pick` must say the same).
    #[cfg(test)]
    pub(crate) fn contains(&self, w: u32) -> bool {
        if w < 0x80 {
            return self.ascii >> w & 1 != 0;
        }
        let (a, b) = ((w >> 16) as u8, (w >> 8) as u8);
        w >> 24 == 0
            && self
                .three
                .iter()
                .any(|&(x, y, bits)| bits != 0 && x == a && y == b && bits >> (w & 0x3f) & 1 != 0)
    }

    /// Byte offsets of the characters of `text` in the set, in order:
    /// `char_starts(text, pick)`, where `pick` holds for exactly the set's
    /// characters (each user tests that with [`CharSet::contains`]).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    pub(crate) fn starts<'a>(
        &'a self,
        text: &'a str,
        pick: impl Fn(u32) -> bool + Copy + 'a,
    ) -> impl Iterator<Item = usize> + 'a {
        let bytes = text.as_bytes();
        // Blocks of sixteen positions from `i`: `mask` holds the hits of the
        // block before `i` not yet handed out.
        let (mut i, mut mask) = (0usize, 0u32);
        let mut tail = None;
        std::iter::from_fn(move || loop {
            if mask != 0 {
                let k = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                return Some(i - 16 + k);
            }
            if let Some(t) = tail.as_mut() {
                return Iterator::next(t);
            }
            if i + 18 <= bytes.len() {
                mask = self.block(bytes, i);
                i += 16;
                continue;
            }
            // The last bytes: walk from the first character that starts at
            // `i` or after (those before were in the blocks).
            let mut s = i;
            while s < bytes.len() && bytes[s] & 0xc0 == 0x80 {
                s += 1;
            }
            tail = Some(char_starts(&text[s..], pick).map(move |j| j + s));
        })
    }

    /// Elsewhere: the walk.
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    pub(crate) fn starts<'a>(
        &'a self,
        text: &'a str,
        pick: impl Fn(u32) -> bool + Copy + 'a,
    ) -> impl Iterator<Item = usize> + 'a {
        char_starts(text, pick)
    }

    /// Bit `k` set: a character of the set starts at byte `i + k`
    /// (`i + 18 <= bytes.len()`: the third bytes of the block are read too).
    /// ASCII bytes and the first bytes of three-byte sequences are never
    /// inside another character, so every hit is a character's start.
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    fn block(&self, bytes: &[u8], i: usize) -> u32 {
        use core::arch::wasm32::*;
        assert!(i + 18 <= bytes.len());
        // SAFETY: bytes i..i + 18 exist (checked above); v128_load needs no
        // alignment.
        let (v0, v1, v2) = unsafe {
            let p = bytes.as_ptr().add(i);
            (
                v128_load(p.cast::<v128>()),
                v128_load(p.add(1).cast::<v128>()),
                v128_load(p.add(2).cast::<v128>()),
            )
        };
        let bits = u8x16(1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128);
        let seven = u8x16_splat(7);
        // ASCII: byte `b >> 3` of the mask, bit `b & 7`; for bytes from 0x80
        // up the index is 16 or more and the table lookup gives 0.
        let table = u64x2(self.ascii as u64, (self.ascii >> 64) as u64);
        let found = v128_and(
            i8x16_swizzle(table, u8x16_shr(v0, 3)),
            i8x16_swizzle(bits, v128_and(v0, seven)),
        );
        let mut hit = i8x16_ne(found, u8x16_splat(0));
        // Three-byte characters: the first two bytes, then the third's low
        // six bits in the prefix's set (byte `t >> 3`, bit `t & 7`).
        let t = v128_and(v2, u8x16_splat(0x3f));
        let (byte, bit) = (u8x16_shr(t, 3), i8x16_swizzle(bits, v128_and(t, seven)));
        for &(a, b, set) in &self.three {
            if set == 0 {
                continue;
            }
            let prefix = v128_and(i8x16_eq(v0, u8x16_splat(a)), i8x16_eq(v1, u8x16_splat(b)));
            let third = v128_and(i8x16_swizzle(u64x2(set, 0), byte), bit);
            hit = v128_or(hit, v128_and(prefix, i8x16_ne(third, u8x16_splat(0))));
        }
        i8x16_bitmask(hit) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::utf8_code;

    #[test]
    fn contains_exactly_the_given_characters() {
        let set = CharSet::new(&['(', '[', '（', '【', '〔', '第']);
        for c in ['(', '[', '（', '【', '〔', '第'] {
            assert!(set.contains(utf8_code(c)), "{c:?}");
        }
        for c in [')', 'a', '）', '】', '〕', '弟', '是', '\u{20000}', 'é'] {
            assert!(!set.contains(utf8_code(c)), "{c:?}");
        }
    }
}
