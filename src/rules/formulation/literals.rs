//! Every occurrence of a few dozen strings in a paragraph, in one pass over
//! its characters (for the slogan tables). In wasm an Aho-Corasick
//! automaton costs a table walk per byte (three per Han character) and no
//! SIMD prefilter helps it on Chinese text; here each character costs one
//! probe of a small Bloom filter of the strings' first two characters.

/// A set of strings of two characters or more.
pub(crate) struct LiteralSet {
    strings: Vec<&'static str>,
    /// Bit `bigram_hash(a, b)` is set for the first two characters of
    /// every string.
    bloom: [u64; BLOOM_BITS / 64],
    /// (first character, second character, string id), sorted.
    starts: Vec<(u32, u32, u32)>,
}

const BLOOM_BITS: usize = 4096;

#[inline]
fn bigram_hash(a: u32, b: u32) -> usize {
    (a.wrapping_mul(0x9e37_79b1) ^ b).wrapping_mul(0x85eb_ca6b) as usize >> 20 & (BLOOM_BITS - 1)
}

impl LiteralSet {
    pub(crate) fn new(strings: impl IntoIterator<Item = &'static str>) -> LiteralSet {
        let strings: Vec<&'static str> = strings.into_iter().collect();
        let mut bloom = [0u64; BLOOM_BITS / 64];
        let mut starts = Vec::new();
        for (k, s) in strings.iter().enumerate() {
            let mut cs = s.chars();
            let (Some(a), Some(b)) = (cs.next(), cs.next()) else {
                panic!("{s:?}: a string of one character");
            };
            let h = bigram_hash(a as u32, b as u32);
            bloom[h / 64] |= 1 << (h % 64);
            starts.push((a as u32, b as u32, k as u32));
        }
        starts.sort_unstable();
        LiteralSet {
            strings,
            bloom,
            starts,
        }
    }

    /// Calls `f(id, start)` for every occurrence of every string in `text`
    /// (overlapping ones too), by start, then by id.
    pub(crate) fn for_each(&self, text: &str, mut f: impl FnMut(usize, usize)) {
        let mut prev = u32::MAX;
        let mut prev_at = 0;
        for (at, c) in text.char_indices() {
            let c = c as u32;
            let h = bigram_hash(prev, c);
            if self.bloom[h / 64] & (1 << (h % 64)) != 0 {
                let from = self.starts.partition_point(|&(a, b, _)| (a, b) < (prev, c));
                for &(a, b, k) in &self.starts[from..] {
                    if (a, b) != (prev, c) {
                        break;
                    }
                    if text[prev_at..].starts_with(self.strings[k as usize]) {
                        f(k as usize, prev_at);
                    }
                }
            }
            prev = c;
            prev_at = at;
        }
    }

    /// The non-overlapping occurrences a leftmost-longest search finds
    /// (`aho_corasick::MatchKind::LeftmostLongest`): the longest string
    /// starting leftmost, then the same after its end; as (id, start, end).
    pub(crate) fn leftmost_longest(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut all: Vec<(usize, usize, usize)> = Vec::new();
        self.for_each(text, |k, s| all.push((k, s, s + self.strings[k].len())));
        // By start, the longest first.
        all.sort_unstable_by_key(|&(_, s, e)| (s, std::cmp::Reverse(e)));
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        let mut next = 0;
        for m in all {
            if m.1 >= next {
                next = m.2;
                out.push(m);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::LiteralSet;
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    const STRINGS: &[&str] = &[
        "四个意识",
        "四个自信",
        "两个确立",
        "两个",
        "个确立",
        "政治意识",
        "意识形态",
        "意识",
        "十四五",
        "十四",
        "四五",
        "四风",
        "风风",
        "𠀁文",
    ];

    fn text() -> impl Strategy<Value = String> {
        let pieces: Vec<&str> = STRINGS
            .iter()
            .copied()
            .chain([
                "四", "个", "意", "识", "十", "五", "风", "，", "a", "𠀁", "文",
            ])
            .collect();
        prop::collection::vec(prop::sample::select(pieces), 0..30).prop_map(|v| v.concat())
    }

    proptest! {
        /// Every occurrence, as Aho-Corasick's overlapping search finds them.
        #[test]
        fn for_each_finds_what_an_overlapping_search_finds(t in text()) {
            let set = LiteralSet::new(STRINGS.iter().copied());
            let ac = AhoCorasick::new(STRINGS).unwrap();
            let mut mine = Vec::new();
            set.for_each(&t, |k, s| mine.push((k, s)));
            let mut theirs: Vec<(usize, usize)> = ac
                .find_overlapping_iter(&t)
                .map(|m| (m.pattern().as_usize(), m.start()))
                .collect();
            mine.sort_unstable();
            theirs.sort_unstable();
            prop_assert_eq!(mine, theirs);
        }

        /// The leftmost-longest matches are Aho-Corasick's.
        #[test]
        fn leftmost_longest_is_aho_corasicks(t in text()) {
            let set = LiteralSet::new(STRINGS.iter().copied());
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(STRINGS)
                .unwrap();
            let theirs: Vec<(usize, usize, usize)> = ac
                .find_iter(&t)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            prop_assert_eq!(set.leftmost_longest(&t), theirs);
        }
    }
}
