//! Where the document elements of GB/T 9704-2012 sit in the text: the title,
//! the 主送机关 line, the 发文字号. Shared by the element and type rules.

use crate::model::Document;

/// 发文字号 as written in a document: organ abbreviation, year in brackets,
/// number, 号 — in any bracket, so the rule can flag the wrong ones.
pub fn doc_number_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"(\p{Han}{1,10})([\[［【(（〔〔﹝]) ?((?:19|20)\d\d|20[xX×]{2}|\d{2}) ?([\]］】)）〕〕﹞]) ?(第?) ?(\d+) ?号",
        )
        .unwrap()
    })
}

/// Is `s` (a whole paragraph) a 发文字号 line: 国办发〔2018〕108号?
pub fn is_doc_number_line(s: &str) -> bool {
    // The pattern ends with 号: most lines are ruled out without building it
    // (start-up cost, issue 9: the first check of a text runs this on its title).
    s.ends_with('号')
        && doc_number_re()
            .find(s)
            .is_some_and(|m| m.start() == 0 && m.end() == s.len())
}

/// Paragraphs at the top that are not the title: 发文机关标志 (…文件), 份号,
/// 密级, 紧急程度, 发文字号.
fn is_preamble(s: &str) -> bool {
    s.ends_with("文件")
        || is_doc_number_line(s)
        || s.chars().all(|c| c.is_ascii_digit())
        || ["机密", "秘密", "绝密", "特急", "加急", "平急"]
            .iter()
            .any(|w| s.starts_with(w) && s.chars().count() <= 12)
}

/// Does `s` look like a title: no sentence punctuation at its end, short, not
/// a heading or a salutation?
fn title_like(s: &str) -> bool {
    let n = s.chars().count();
    (2..=80).contains(&n)
        && !s.ends_with(['。', '！', '？', '；', '：', ':', '，', ','])
        && crate::model::parse_ordinal(s).is_none()
        && !crate::model::is_section_break(s)
}

/// The index (into `doc.paragraphs`) of the first paragraph after the preamble.
pub fn first_content(doc: &Document) -> Option<usize> {
    doc.paragraphs
        .iter()
        .take(5)
        .position(|p| !is_preamble(doc.para_text(p)))
}

/// Is this a whole text rather than a fragment being drafted (three
/// paragraphs and about 500 characters or more)? Rules about missing parts
/// only speak about whole texts.
pub fn is_whole_text(doc: &Document) -> bool {
    doc.paragraphs.len() >= 3 && doc.text.len() >= 1500
}

/// The title paragraph, if the document starts with one (and has more).
pub fn title(doc: &Document) -> Option<usize> {
    if doc.paragraphs.len() < 2 {
        return None;
    }
    let i = first_content(doc)?;
    title_like(doc.para_text(&doc.paragraphs[i])).then_some(i)
}

/// The first paragraph that starts the body (after title lines, 发文字号 and
/// the 主送机关 line), for rules that look at the head of the document.
pub fn head_end(doc: &Document) -> usize {
    doc.paragraphs
        .iter()
        .take(8)
        .position(|p| {
            let t = doc.para_text(p);
            t.ends_with(['。', '！', '？', '；']) || p.heading.is_some()
        })
        .unwrap_or(doc.paragraphs.len().min(8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_title_after_the_preamble() {
        let d = Document::parse(
            "某县人民政府文件\n县政发〔2024〕5号\n关于加强学习的通知\n各乡镇：\n正文。\n",
        );
        assert_eq!(title(&d), Some(2));
        let d = Document::parse("同志们：\n今天开会。\n");
        assert_eq!(title(&d), None);
        let d = Document::parse("2023年，我坚持学习。现将情况报告如下。\n一、甲\n");
        assert_eq!(title(&d), None);
        assert!(is_doc_number_line("国办发〔2018〕108号"));
        assert!(is_doc_number_line("县政发[2024]5号"));
        assert!(!is_doc_number_line("根据国办发〔2018〕108号文件"));
    }
}
