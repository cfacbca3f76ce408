//! Punctuation rules (GB/T 15834-2011 《标点符号用法》): marks in the wrong
//! width or form, unpaired quotes and brackets, misplaced 顿号, ellipses,
//! dashes and ranges, doubled marks, stray spaces and invisible characters.
//!
//! Shared here: character classes and the reader for the family's data tables
//! (`data/punctuation_*.tsv`, compiled in with `include_str!`).

use crate::registry::RuleMeta;
pub use crate::rules::is_han;

pub mod corner_quote;
pub mod dash_range;
pub mod dunhao_approximate;
pub mod dunhao_between_titles;
pub mod ellipsis;
pub mod full_width_alnum;
pub mod half_width;
pub mod interpunct;
pub mod invisible_char;
pub mod missing_end;
pub mod nested_book_title;
pub mod repeated_mark;
pub mod stray_space;
pub mod unpaired_bracket;
pub mod unpaired_quote;

pub static RULES: &[&RuleMeta] = &[
    &half_width::HALF_WIDTH,
    &unpaired_quote::UNPAIRED_QUOTE,
    &unpaired_bracket::UNPAIRED_BRACKET,
    &nested_book_title::NESTED_BOOK_TITLE,
    &dunhao_between_titles::DUNHAO_BETWEEN_TITLES,
    &dunhao_approximate::DUNHAO_APPROXIMATE,
    &ellipsis::ELLIPSIS,
    &dash_range::DASH_RANGE,
    &repeated_mark::REPEATED_MARK,
    &stray_space::STRAY_SPACE,
    &corner_quote::CORNER_QUOTE,
    &missing_end::MISSING_END,
    &full_width_alnum::FULL_WIDTH_ALNUM,
    &invisible_char::INVISIBLE_CHAR,
    &interpunct::INTERPUNCT,
];

/// A Chinese (full-width) punctuation mark of GB/T 15834-2011.
pub fn is_zh_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '…'
            | '—'
            | '～'
            | '·'
    )
}

/// Chinese text: a Han character, 〇, or a Chinese punctuation mark.
pub fn is_zh(c: char) -> bool {
    is_han(c) || c == '〇' || is_zh_punct(c)
}

/// A mark that closes something: after it a sentence may end.
pub fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | '》' | '】' | '〕' | '〉')
}

/// A Chinese numeral character (including 〇 and 两).
pub fn is_zh_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '两'
    )
}

/// The rows of a tab-separated data table: blank lines and `#` comments are
/// skipped, every row is split on tabs.
pub fn tsv_rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// A paragraph as characters with their byte offsets (relative to the
/// paragraph), so that rules can look at neighbours in O(1). The list goes
/// back to a one-list pool when dropped: the rules that ask for it on every
/// paragraph reuse one buffer instead of allocating one each.
pub fn chars_of(text: &str) -> Chars {
    let mut list = POOL.with(std::cell::Cell::take);
    list.extend(text.char_indices());
    Chars(list)
}

thread_local! {
    static POOL: std::cell::Cell<Vec<(usize, char)>> = const { std::cell::Cell::new(Vec::new()) };
}

/// See [`chars_of`].
pub struct Chars(Vec<(usize, char)>);

impl std::ops::Deref for Chars {
    type Target = [(usize, char)];

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Drop for Chars {
    fn drop(&mut self) {
        let mut list = std::mem::take(&mut self.0);
        list.clear();
        POOL.with(|pool| pool.set(list));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_in_this_family_and_cites_its_clause() {
        for r in RULES {
            assert!(r.id.starts_with("punctuation/"), "{}", r.id);
            assert!(
                r.doc.contains("GB/T") || r.doc.contains("Standard: none"),
                "{} cites no clause",
                r.id
            );
        }
    }
}
