//! Word segmentation with jieba-rs, loaded lazily: the dictionary costs
//! 0.2-0.4 s to load in a browser, so only rules that ask for it pay, once per
//! process. `data/extra_words.txt` adds words the default dictionary lacks
//! (e.g. 县县通, 村村通), one per line.

use jieba_rs::Jieba;
use std::sync::OnceLock;

static JIEBA: OnceLock<Jieba> = OnceLock::new();
const EXTRA_WORDS: &str = include_str!("../data/extra_words.txt");

#[derive(Default)]
pub struct Segmenter;

/// A word of a segmented slice, with byte offsets relative to that slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub word: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Segmenter {
    fn jieba(&self) -> &'static Jieba {
        JIEBA.get_or_init(|| {
            let mut j = Jieba::new();
            for (w, freq) in extra_words() {
                j.add_word(w, freq, None);
            }
            j
        })
    }

    /// Dictionary-only segmentation (no HMM guessing of unknown words, so an
    /// accidental 县县 is never glued into a "word").
    pub fn cut<'a>(&self, s: &'a str) -> Vec<Word<'a>> {
        self.jieba()
            .cut(s, false)
            .into_iter()
            .map(|t| Word {
                word: t.word,
                start: t.byte_start,
                end: t.byte_end,
            })
            .collect()
    }

    pub fn is_word(&self, w: &str) -> bool {
        self.jieba().has_word(w)
    }

    /// Is `w` one of the words added from `data/extra_words.txt`?
    pub fn is_extra_word(&self, w: &str) -> bool {
        extra_words().any(|(x, _)| x == w)
    }
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
