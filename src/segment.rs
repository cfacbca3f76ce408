//! Word segmentation with jieba-rs (dictionary only).
//!
//! The dictionary is jieba's default word list with frequencies (POS tags
//! dropped), stored compactly in `data/jieba-dict.bin` (front-coded, deflated:
//! 1.3 MB instead of jieba-rs's 2.2 MB embedded copy; `make dict` rebuilds it).
//! `data/extra_words.txt` adds words the default dictionary lacks (e.g.
//! 县县通, 村村通), one per line.
//!
//! Native builds embed the file and build the segmenter on first use. The wasm
//! build does not embed it (it would double the module's size and its 0.2-0.4 s
//! load would sit in front of the first underline): the page's worker passes the
//! file to `loadDictionary` after the first check. Until then a rule that asks
//! for segmentation gets a placeholder answer, and the checker drops whatever
//! that rule reported for that paragraph and marks the result as incomplete
//! ([`crate::Analysis::segmentation_pending`]); rule authors need not care.

use jieba_rs::Jieba;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::Cell;
use std::sync::OnceLock;

static JIEBA: OnceLock<Dict> = OnceLock::new();

/// The segmenter and what [`Segmenter::may_join`] and
/// [`Segmenter::reduplication_wins`] answer from, built with it.
struct Dict {
    jieba: Jieba,
    facts: Facts,
}
const EXTRA_WORDS: &str = include_str!("../data/extra_words.txt");

#[cfg(not(target_arch = "wasm32"))]
const EMBEDDED: Option<&[u8]> = Some(include_bytes!("../data/jieba-dict.bin"));
#[cfg(target_arch = "wasm32")]
const EMBEDDED: Option<&[u8]> = None;

thread_local! {
    /// Set when a rule asked for segmentation before the dictionary was loaded.
    static MISSED: Cell<bool> = const { Cell::new(false) };
    /// Tests: behave as the wasm build before `loadDictionary`.
    #[cfg(test)]
    static HIDDEN: Cell<bool> = const { Cell::new(false) };
}

/// Tests: pretend (on this thread) that no dictionary is loaded.
#[cfg(test)]
pub(crate) fn hide_dictionary(hidden: bool) {
    HIDDEN.with(|h| h.set(hidden));
}

#[derive(Default)]
pub struct Segmenter;

/// A word of a segmented slice, with byte offsets relative to that slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub word: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Builds the segmenter from a dictionary file (the bytes of
/// `data/jieba-dict.bin`). Does nothing when one is already loaded.
pub fn load_dictionary(bin: &[u8]) -> Result<(), String> {
    if JIEBA.get().is_none() {
        let j = build(bin)?;
        let _ = JIEBA.set(j);
    }
    Ok(())
}

/// Is segmentation available (native builds: always)?
pub fn dictionary_loaded() -> bool {
    #[cfg(test)]
    if HIDDEN.with(Cell::get) {
        return false;
    }
    JIEBA.get().is_some() || EMBEDDED.is_some()
}

/// Whether a rule asked for segmentation while it was unavailable since the
/// last call; clears the flag.
pub(crate) fn take_missed() -> bool {
    MISSED.with(|m| m.replace(false))
}

/// The loaded dictionary, if any (native builds: built on first use). Does
/// not count as asking for segmentation.
fn dict() -> Option<&'static Dict> {
    #[cfg(test)]
    if HIDDEN.with(Cell::get) {
        return None;
    }
    if let Some(d) = JIEBA.get() {
        return Some(d);
    }
    EMBEDDED.map(|bin| JIEBA.get_or_init(|| build(bin).expect("embedded dictionary")))
}

/// The segmenter; asking while there is none is recorded (see `take_missed`).
fn jieba() -> Option<&'static Jieba> {
    let d = dict();
    if d.is_none() {
        MISSED.with(|m| m.set(true));
    }
    d.map(|d| &d.jieba)
}

impl Segmenter {
    /// Dictionary-only segmentation (no HMM guessing of unknown words, so an
    /// accidental 县县 is never glued into a "word"). Before the dictionary is
    /// loaded (wasm) this returns one word per character, and whatever the
    /// calling rule reports for this paragraph is discarded.
    pub fn cut<'a>(&self, s: &'a str) -> Vec<Word<'a>> {
        let Some(j) = jieba() else {
            return s
                .char_indices()
                .map(|(i, c)| Word {
                    word: &s[i..i + c.len_utf8()],
                    start: i,
                    end: i + c.len_utf8(),
                })
                .collect();
        };
        j.cut(s, false)
            .into_iter()
            .map(|t| Word {
                word: t.word,
                start: t.byte_start,
                end: t.byte_end,
            })
            .collect()
    }

    pub fn is_word(&self, w: &str) -> bool {
        jieba().is_some_and(|j| j.has_word(w))
    }

    /// Is `w` one of the words added from `data/extra_words.txt`?
    pub fn is_extra_word(&self, w: &str) -> bool {
        extra_words().any(|(x, _)| x == w)
    }

    /// Could a dictionary word hold `a` directly followed by `b`? `false`
    /// is certain (no word does, so no word of a segmentation spans the
    /// boundary between them); `true` may be wrong (a Bloom filter), and is
    /// the answer while no dictionary is loaded. Costs one memory load,
    /// against the chain of dependent loads of a trie walk.
    pub fn may_join(&self, a: char, b: char) -> bool {
        dict().is_none_or(|d| d.facts.may_join(a, b))
    }

    /// Does the dictionary word `cc` (the character `c` twice) outscore `c|c`
    /// so clearly that no segmentation cuts two adjacent `c`s into two
    /// single-character words? `false` while no dictionary is loaded.
    ///
    /// Why this holds: jieba picks, from each position, the edge (a
    /// dictionary word, or a single character) maximising `ln f(word) -
    /// ln total + route(end)`, in f64. If the route took `c` and `c` as
    /// single words at positions i and i+1, then at i (where the edge `cc`
    /// exists, so a single `c` is the dictionary's `c`, not a fallback)
    /// `w(c) + w(c) + route(i+2) >= w(cc) + route(i+2)` up to three roundings,
    /// i.e. `w(cc) - 2 w(c) = ln f(cc) - 2 ln f(c) + ln total` is at most
    /// ~3 ulps of the route's magnitude (about 18 per character, so below
    /// 1e-8 for any clause under 10 million characters). It is only answered
    /// `true` when that margin exceeds `1e-6` and `c` is in the block of
    /// characters jieba segments as one run (U+4E00..U+9FFF).
    pub fn reduplication_wins(&self, c: char) -> bool {
        dict().is_some_and(|d| d.facts.doubled.contains(&c))
    }
}

/// Facts about the dictionary gathered while it loads.
struct Facts {
    /// A blocked Bloom filter of the pairs of adjacent characters in
    /// dictionary words: four bits in one 64-bit word per pair.
    joins: Vec<u64>,
    /// Characters `c` for which [`Segmenter::reduplication_wins`] holds.
    doubled: FxHashSet<char>,
    /// The sum of the frequencies, as tracked here (tests: jieba's).
    total: usize,
}

/// log2 of the filter's words: 2^16 words (512 KB) for ~300,000 pairs,
/// ~14 bits each: about 0.5 % false `true`s.
const JOIN_BITS: u32 = 16;

impl Facts {
    fn new() -> Self {
        Facts {
            joins: vec![0; 1 << JOIN_BITS],
            doubled: FxHashSet::default(),
            total: 0,
        }
    }

    /// The filter word and the bits of the pair `a b`.
    #[inline]
    fn join_slot(a: char, b: char) -> (usize, u64) {
        // splitmix64's finaliser: every output bit depends on every input bit.
        let mut h = (u64::from(a) << 32 | u64::from(b)).wrapping_add(0x9e37_79b9_7f4a_7c15);
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^= h >> 31;
        let bits = (1 << (h & 63))
            | (1 << ((h >> 6) & 63))
            | (1 << ((h >> 12) & 63))
            | (1 << ((h >> 18) & 63));
        ((h >> (64 - JOIN_BITS)) as usize, bits)
    }

    fn add_word(&mut self, w: &str) {
        let mut chars = w.chars();
        let Some(mut a) = chars.next() else {
            return;
        };
        for b in chars {
            let (i, bits) = Self::join_slot(a, b);
            self.joins[i] |= bits;
            a = b;
        }
    }

    #[inline]
    fn may_join(&self, a: char, b: char) -> bool {
        let (i, bits) = Self::join_slot(a, b);
        self.joins[i] & bits == bits
    }
}

/// The frequencies `reduplication_wins` needs, as jieba holds them: the
/// last frequency given to each word (a word added again has its frequency
/// replaced), and their sum over all words (jieba's `total`).
#[derive(Default)]
struct Freqs {
    /// Single-character words.
    single: FxHashMap<char, usize>,
    /// Two-character words `cc`, by `c`.
    doubled: FxHashMap<char, usize>,
    total: usize,
    /// Frequencies of words that `data/extra_words.txt` adds again, when
    /// the dictionary has them, so that `total` can be corrected.
    extra: FxHashMap<&'static str, usize>,
    /// The frequencies are not known to be jieba's (a word added twice
    /// that we did not track, or a frequency of 0): no shortcuts.
    unsure: bool,
}

impl Freqs {
    fn add(&mut self, w: &str, freq: usize) {
        if freq == 0 {
            self.unsure = true;
        }
        let mut chars = w.chars();
        match (chars.next(), chars.next(), chars.next()) {
            (Some(c), None, _) => {
                self.single.insert(c, freq);
            }
            (Some(a), Some(b), None) if a == b => {
                self.doubled.insert(a, freq);
            }
            _ => {}
        }
    }

    /// The characters whose doubled word wins (see `reduplication_wins`).
    fn winners(&self) -> FxHashSet<char> {
        if self.unsure {
            return FxHashSet::default();
        }
        let ln_total = (self.total as f64).ln();
        self.doubled
            .iter()
            .filter(|&(&c, &f_cc)| {
                let Some(&f_c) = self.single.get(&c) else {
                    return false;
                };
                ('\u{4e00}'..='\u{9fff}').contains(&c)
                    && f_cc > 0
                    && f_c > 0
                    && (f_cc as f64).ln() - 2.0 * (f_c as f64).ln() + ln_total > 1e-6
            })
            .map(|(&c, _)| c)
            .collect()
    }
}

const MAGIC: &str = "gwlint-dict 1";

/// Encodes `(word, frequency)` entries as a dictionary file: a header line,
/// the sorted words front-coded (a digit: characters shared with the previous
/// word, at most 9; then the rest), then the frequencies, one per line; all
/// deflated. Words and frequencies in separate runs compress better.
pub fn encode_dictionary(entries: &[(&str, usize)]) -> Vec<u8> {
    let mut sorted = entries.to_vec();
    sorted.sort_unstable();
    sorted.dedup_by(|a, b| a.0 == b.0);
    let mut out = format!("{MAGIC} {}\n", sorted.len());
    let mut prev = "";
    for (w, _) in &sorted {
        let shared = prev
            .chars()
            .zip(w.chars())
            .take_while(|(a, b)| a == b)
            .take(9)
            .count();
        let cut = w.char_indices().nth(shared).map_or(w.len(), |(b, _)| b);
        out.push(char::from(b'0' + shared as u8));
        out.push_str(&w[cut..]);
        out.push('\n');
        prev = w;
    }
    for (_, f) in &sorted {
        out.push_str(&f.to_string());
        out.push('\n');
    }
    miniz_oxide::deflate::compress_to_vec(out.as_bytes(), 10)
}

/// Decodes a dictionary file into `(word, frequency)` pairs, in order.
pub fn decode_dictionary(bin: &[u8]) -> Result<Vec<(String, usize)>, String> {
    let mut out = Vec::new();
    for_each_entry(bin, |w, f| out.push((w.to_string(), f)))?;
    Ok(out)
}

fn for_each_entry(bin: &[u8], mut f: impl FnMut(&str, usize)) -> Result<(), String> {
    let bad = |what: &str| format!("词典文件无效（{what}）");
    let raw = miniz_oxide::inflate::decompress_to_vec_with_limit(bin, 64 << 20)
        .map_err(|_| bad("无法解压"))?;
    let text = std::str::from_utf8(&raw).map_err(|_| bad("编码"))?;
    let mut lines = text.split('\n');
    let n: usize = lines
        .next()
        .and_then(|h| h.strip_prefix(MAGIC))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| bad("文件头"))?;
    let words: Vec<&str> = lines.by_ref().take(n).collect();
    let mut word = String::new();
    for w in &words {
        let shared = w.as_bytes().first().map(|b| b.wrapping_sub(b'0'));
        let shared = shared.filter(|&d| d <= 9).ok_or_else(|| bad("词条"))? as usize;
        let cut = word
            .char_indices()
            .nth(shared)
            .map_or(word.len(), |(b, _)| b);
        word.truncate(cut);
        word.push_str(&w[1..]);
        let freq = lines
            .next()
            .and_then(|l| l.parse().ok())
            .ok_or_else(|| bad("词频"))?;
        f(&word, freq);
    }
    if words.len() != n {
        return Err(bad("词条数"));
    }
    Ok(())
}

fn build(bin: &[u8]) -> Result<Dict, String> {
    let mut j = Jieba::empty();
    let mut facts = Facts::new();
    let mut freqs = Freqs::default();
    for (w, _) in extra_words() {
        freqs.extra.insert(w, 0);
    }
    // The common words (frequency 100 or more: 36,000 of 349,000) go in
    // first, so that they get the low word ids: their entries in jieba's
    // frequency table (read for every word the route weighs) then share
    // cache lines and pages instead of being spread over its 2.8 MB. Both
    // passes go in the file's (sorted) order, which keeps the inserts'
    // trie walks local. Which word has which id changes no segmentation.
    const COMMON: usize = 100;
    let mut arena = String::new();
    let mut entries: Vec<(u32, u32, usize)> = Vec::new();
    let mut prev = 0..0;
    for_each_entry(bin, |w, f| {
        // The file is sorted and has no duplicates (`encode_dictionary`);
        // anything else would need jieba's old frequency of the word.
        if *w <= arena[prev.clone()] {
            freqs.unsure = true;
        }
        let start = arena.len();
        arena.push_str(w);
        prev = start..arena.len();
        entries.push((start as u32, arena.len() as u32, f));
    })?;
    let common = entries.iter().filter(|e| e.2 >= COMMON);
    for &(start, end, f) in common.chain(entries.iter().filter(|e| e.2 < COMMON)) {
        let w = &arena[start as usize..end as usize];
        let f = j.add_word(w, Some(f), None);
        facts.add_word(w);
        freqs.add(w, f);
        freqs.total += f;
    }
    // The frequencies of the extra words the file has (it is sorted).
    for (w, x) in freqs.extra.iter_mut() {
        let at =
            entries.binary_search_by(|&(start, end, _)| arena[start as usize..end as usize].cmp(w));
        if let Ok(i) = at {
            *x = entries[i].2;
        }
    }
    for (w, freq) in extra_words() {
        let known = j.has_word(w);
        let f = j.add_word(w, freq, None);
        facts.add_word(w);
        freqs.add(w, f);
        // jieba replaces the frequency of a word it has.
        let old = if known { freqs.extra[w] } else { 0 };
        if known && old == 0 {
            freqs.unsure = true;
        }
        freqs.total = freqs.total + f - old;
        freqs.extra.insert(w, f);
    }
    facts.doubled = freqs.winners();
    facts.total = freqs.total;
    Ok(Dict { jieba: j, facts })
}

/// Entries of `data/extra_words.txt`: `word [freq]`, `#` comments.
fn extra_words() -> impl Iterator<Item = (&'static str, Option<usize>)> {
    EXTRA_WORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let word = parts.next().unwrap_or_default();
            (word, parts.next().and_then(|f| f.parse().ok()))
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn dictionary_round_trips_and_is_complete() {
        let entries = [
            ("层层", 300),
            ("县县通", 20),
            ("县", 5000),
            ("县本级", 3000),
        ];
        let bin = super::encode_dictionary(&entries);
        let mut want: Vec<_> = entries.iter().map(|&(w, f)| (w.to_string(), f)).collect();
        want.sort();
        assert_eq!(super::decode_dictionary(&bin).unwrap(), want);
        assert!(super::decode_dictionary(b"not a dictionary").is_err());
        // The shipped file is jieba's whole default dictionary.
        let shipped = super::decode_dictionary(super::EMBEDDED.unwrap()).unwrap();
        assert_eq!(shipped.len(), 349_045);
        assert!(shipped.iter().any(|(w, f)| w == "我们" && *f > 10_000));
    }

    #[test]
    fn may_join_misses_no_pair_of_a_word() {
        let seg = super::Segmenter;
        let words = super::decode_dictionary(super::EMBEDDED.unwrap()).unwrap();
        let mut pairs = std::collections::HashSet::new();
        let all = words
            .iter()
            .map(|(w, _)| w.as_str())
            .chain(super::extra_words().map(|(w, _)| w));
        for w in all {
            let cs: Vec<char> = w.chars().collect();
            for p in cs.windows(2) {
                assert!(seg.may_join(p[0], p[1]), "{w}");
                pairs.insert((p[0], p[1]));
            }
        }
        // And it tells most other pairs apart: the pairs of adjacent Han
        // characters of a text that no word holds.
        let text = "为实现最广泛的人民民主确立了正确方向进一步加强工程场地地震安全性评价工作我国大陆东部及近海海域有可能发生对事故负有主要责任的三矿通风区区长";
        let cs: Vec<char> = text.chars().collect();
        let others: Vec<_> = cs
            .windows(2)
            .filter(|p| !pairs.contains(&(p[0], p[1])))
            .collect();
        let wrong = others.iter().filter(|p| seg.may_join(p[0], p[1])).count();
        assert!(
            others.len() > 20 && wrong * 10 < others.len(),
            "{wrong} of {}",
            others.len()
        );
        super::hide_dictionary(true);
        assert!(seg.may_join('区', '区'));
        super::hide_dictionary(false);
    }

    #[test]
    fn reduplication_wins_where_the_doubled_word_outscores_two_singles() {
        let seg = super::Segmenter;
        let freq: std::collections::HashMap<String, usize> =
            super::decode_dictionary(super::EMBEDDED.unwrap())
                .unwrap()
                .into_iter()
                .collect();
        // ln 2713 - 2 ln 313209 + ln total ≈ 0.51 > 0.
        assert!(freq["人人"] == 2713 && seg.reduplication_wins('人'));
        assert!(seg.reduplication_wins('紧') && seg.reduplication_wins('牢'));
        // 民民, 国国 are not words.
        assert!(!seg.reduplication_wins('民') && !seg.reduplication_wins('国'));
        // Every answer `true` is a doubled word scoring more than its two halves.
        let total: usize = freq.values().sum::<usize>();
        for c in ('\u{4e00}'..='\u{9fff}').filter(|&c| seg.reduplication_wins(c)) {
            // (Doubled words of data/extra_words.txt may have a suggested frequency.)
            let (Some(&f_cc), Some(&f_c)) =
                (freq.get(&format!("{c}{c}")), freq.get(&c.to_string()))
            else {
                continue;
            };
            assert!((f_cc as f64) * (total as f64) > (f_c as f64).powi(2), "{c}");
        }
        // The total the margins use is jieba's.
        let d = super::dict().unwrap();
        let shown = format!("{:?}", d.jieba);
        assert!(
            shown.contains(&format!("total_freq: {} ", d.facts.total)),
            "{shown}"
        );
        super::hide_dictionary(true);
        assert!(!seg.reduplication_wins('人'));
        super::hide_dictionary(false);
    }

    #[test]
    fn extra_words_are_well_formed() {
        for (w, _) in super::extra_words() {
            assert!(
                w.chars().all(crate::rules::is_han),
                "{w:?} in data/extra_words.txt"
            );
        }
        for l in super::EXTRA_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let n = l.split_whitespace().count();
            assert!(
                n == 1
                    || (n == 2
                        && l.split_whitespace()
                            .nth(1)
                            .unwrap()
                            .parse::<usize>()
                            .is_ok()),
                "bad line {l:?}"
            );
        }
    }
}
