//! The heading tree the structure rules share: for every heading, its parent
//! heading and the section (第X章, 第X条, 2.1, 附件 …) it lies in.

use crate::model::Document;

pub struct Tree {
    /// `parent[i]`: index into `doc.headings` of the nearest earlier heading of
    /// a higher level (smaller number) in the same section.
    pub parent: Vec<Option<usize>>,
    /// `section[i]`: how many section breaks precede heading `i`.
    pub section: Vec<usize>,
}

impl Tree {
    pub fn new(doc: &Document) -> Tree {
        let mut parent = Vec::with_capacity(doc.headings.len());
        let mut section = Vec::with_capacity(doc.headings.len());
        let mut sec = 0usize;
        // open[l-1]: the open heading at level l.
        let mut open: [Option<usize>; 5] = [None; 5];
        let mut hs = doc.headings.iter().enumerate().peekable();
        for p in &doc.paragraphs {
            if p.section_break {
                sec += 1;
                open = [None; 5];
            }
            let Some((i, h)) = hs.next_if(|(_, h)| h.paragraph == p.index) else {
                continue;
            };
            let l = h.level as usize - 1;
            parent.push(open[..l].iter().rev().find_map(|o| *o));
            section.push(sec);
            open[l] = Some(i);
            for deeper in open.iter_mut().skip(l + 1) {
                *deeper = None;
            }
        }
        Tree { parent, section }
    }

    /// Groups of sibling headings (same section, same parent, same level), in
    /// document order; each group lists indices into `doc.headings`.
    pub fn sibling_groups(&self, doc: &Document) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (i, h) in doc.headings.iter().enumerate() {
            let key = (self.section[i], self.parent[i], h.level);
            let g = *index.entry(key).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(i);
        }
        groups
    }
}

/// The heading text without trailing blanks.
pub fn heading_text<'a>(doc: &Document<'a>, h: &crate::model::Heading) -> &'a str {
    doc.slice(h.text.start, h.text.end).trim()
}

/// How a heading paragraph ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// `（一）加强学习。全年……`: a heading sentence, then body text.
    RunIn,
    /// `（一）加强学习。`
    Period,
    /// `（一）加强学习`
    Bare,
    /// Ends with something else (：；！？…) or is empty.
    Other,
}

pub fn ending(text: &str) -> Ending {
    let Some(last) = text.chars().next_back() else {
        return Ending::Other;
    };
    let body = &text[..text.len() - last.len_utf8()];
    if body.contains(['。', '！', '？']) {
        return Ending::RunIn;
    }
    match last {
        '。' => Ending::Period,
        c if crate::rules::is_han(c)
            || c.is_alphanumeric()
            || matches!(c, '”' | '）' | '》' | '’') =>
        {
            Ending::Bare
        }
        _ => Ending::Other,
    }
}
