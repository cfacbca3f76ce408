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
use std::cell::Cell;
use std::sync::OnceLock;

static JIEBA: OnceLock<Jieba> = OnceLock::new();
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

fn jieba() -> Option<&'static Jieba> {
    #[cfg(test)]
    if HIDDEN.with(Cell::get) {
        MISSED.with(|m| m.set(true));
        return None;
    }
    if let Some(j) = JIEBA.get() {
        return Some(j);
    }
    match EMBEDDED {
        Some(bin) => Some(JIEBA.get_or_init(|| build(bin).expect("embedded dictionary"))),
        None => {
            MISSED.with(|m| m.set(true));
            None
        }
    }
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

fn build(bin: &[u8]) -> Result<Jieba, String> {
    let mut j = Jieba::empty();
    for_each_entry(bin, |w, f| {
        j.add_word(w, Some(f), None);
    })?;
    for (w, freq) in extra_words() {
        j.add_word(w, freq, None);
    }
    Ok(j)
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
