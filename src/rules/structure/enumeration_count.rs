use crate::incremental::{Fact, FactRule, Facts};
use crate::model::{leading_chinese_number, Document, Paragraph};
use crate::rules::charset::CharSet;
use crate::sink::Sink;

use super::enumeration::{self, items_from_facts, Family, Item};

crate::declare_rule! {
    /// Finds an announced count that the list after it does not match:
    /// `主要有三个方面：一是……二是……` (two listed), `讲四点意见。` followed by
    /// headings 一、 二、 三、.
    ///
    /// Why: the count is the reader's map of the passage; when a point is cut
    /// or added in revision the count is easily left behind.
    ///
    /// The announcement is `N个方面 / N点 / N项 / N条 / N个问题 / N件事`, with a
    /// short tail (意见, 工作, 考虑 …), closing its clause with `：` or ending the
    /// paragraph; the list must start right after it (一是, 第一， or a heading
    /// numbered one). Stays quiet when the numbers agree, on fixed terms such as
    /// 八项规定 or 四项基本原则, and when no list follows at once.
    ///
    /// No fix: either the count or the list is wrong.
    pub static ENUMERATION_COUNT = {
        id: "structure/enumeration-count",
        category: Structure,
        severity: Warning,
        title: "列举项数与前文所说不符",
        check: Facts(FactRule { collect, judge, reads_text: false }),
        triggers: triggers,
    };
}

const MEASURES: &[&str] = &["个方面", "方面", "个问题", "件事", "点", "项", "条"];
const TAILS: &[&str] = &[
    "",
    "的",
    "意见",
    "的意见",
    "工作",
    "的工作",
    "重点工作",
    "考虑",
    "的考虑",
    "要求",
    "的要求",
    "措施",
    "任务",
    "重点任务",
    "内容",
    "的内容",
    "建议",
    "体会",
    "的体会",
    "原因",
    "的原因",
    "特点",
    "目标",
    "问题",
    "的问题",
    "看法",
    "想法",
    "打算",
    "经验",
    "做法",
    "的工作",
];

/// An announcement at the end of `clause`: (count, byte offset of the numeral
/// within `clause`, numeral length).
fn announced(clause: &str) -> Option<(u32, usize, usize)> {
    for (i, _) in clause.char_indices() {
        let s = &clause[i..];
        let (n, len) = match s.chars().next() {
            Some('两') => (2, '两'.len_utf8()),
            _ => match leading_chinese_number(s) {
                Some(x) => x,
                None => continue,
            },
        };
        let rest = &s[len..];
        for m in MEASURES {
            if let Some(tail) = rest.strip_prefix(m) {
                if TAILS.contains(&tail) && n >= 2 {
                    return Some((n, i, len));
                }
            }
        }
    }
    None
}

/// An announcement: its span is the numeral up to the end of its clause.
const COUNT: &str = "count";
/// In a `COUNT` value: the clause ends the paragraph (the list follows in the
/// next one).
const ENDS_PARAGRAPH: u32 = 1 << 31;

/// Triggers: the markers' ([`enumeration::triggers`]), or a numeral right
/// before a measure word (三个方面, 两项, 十点).
fn triggers(t: &mut crate::registry::Triggers) {
    // First, as enumeration::collect expects.
    enumeration::triggers(t);
    let literals: Vec<String> = "一二三四五六七八九十两"
        .chars()
        .flat_map(|d| {
            MEASURES
                .iter()
                .map(move |m| format!("{d}{}", first_char(m)))
        })
        .collect();
    t.literals(literals.iter().map(String::as_str));
}

fn first_char(s: &str) -> char {
    s.chars().next().expect("a measure word")
}

/// Marks that close a clause.
fn closes_clause(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '！' | '？')
}

/// Notes headings, section breaks and markers ([`enumeration::collect`]), and
/// each announcement: value = count | numeral length << 8 | length of the
/// mark closing the clause << 16 (| [`ENDS_PARAGRAPH`]).
/// ： (EF BC 9A), found sixteen bytes at a time in wasm.
static COLONS: CharSet = CharSet::new(&['：']);

fn is_colon(w: u32) -> bool {
    w == 0xefbc9a
}

fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
    enumeration::collect(doc, p, facts);
    // The second alternative of `triggers`: a numeral before a measure word.
    if !facts.triggered_by(1) {
        return;
    }
    let text = doc.para_text(p);
    // Candidate clauses: those closed by ： anywhere, or the paragraph's last
    // clause closed by 。.
    let colons = COLONS.starts(text, is_colon);
    let last = text.strip_suffix('。').map(str::len);
    for j in colons.chain(last) {
        let c = text[j..].chars().next().expect("a mark");
        let end_of_par = j + c.len_utf8() == text.len();
        // The clause's last twelve characters at most (it may end in a
        // mid-word number: "十个方面工作").
        let mut from = j;
        for (k, ch) in text[..j].char_indices().rev().take(12) {
            if closes_clause(ch) {
                break;
            }
            from = k;
        }
        let clause = &text[from..j];
        let Some((n, off, len)) = announced(clause) else {
            continue;
        };
        let num_start = p.start + from + off;
        let value = n.min(255) | (len as u32) << 8 | (c.len_utf8() as u32) << 16;
        let ends = if end_of_par { ENDS_PARAGRAPH } else { 0 };
        facts.note(COUNT, num_start, p.start + j, value | ends);
    }
}

fn judge(doc: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
    if !facts.iter().any(|f| f.key == COUNT) {
        return;
    }
    let items = items_from_facts(facts);
    let headings = Headings::new(facts);
    for f in facts.iter().filter(|f| f.key == COUNT) {
        let pi = f.paragraph;
        let n = f.value & 255;
        let len = (f.value >> 8 & 255) as usize;
        let after = f.end + (f.value >> 16 & 255) as usize;
        let (num_start, num_end) = (f.start, f.start + len);
        let listed = if f.value & ENDS_PARAGRAPH != 0 {
            // The next paragraph opens the list: a heading numbered 1 or 一是/第一.
            if let Some(hi) = headings.first_at(pi + 1) {
                headings.count_siblings(hi)
            } else {
                match count_run(&items, |it, opens| it.paragraph == pi + 1 && opens) {
                    Some(k) => k,
                    None => continue,
                }
            }
        } else {
            match count_run(&items, |it, _| it.start == after) {
                Some(k) => k,
                None => continue,
            }
        };
        if listed != n {
            let word = doc.slice(num_start, f.end);
            sink.report(
                num_start,
                num_end,
                format!(
                    "前文说“{word}”，后面实际列了{}项，请核对数目",
                    crate::model::chinese_numeral(listed)
                ),
            );
        }
    }
}

/// The headings as the facts give them, with the tree of
/// [`super::tree::Tree`] (parent and section of each).
struct Headings {
    /// (paragraph, level, numbered one)
    list: Vec<(usize, u8, bool)>,
    parent: Vec<Option<usize>>,
    section: Vec<usize>,
}

impl Headings {
    fn new(facts: &[Fact]) -> Headings {
        let mut h = Headings {
            list: Vec::new(),
            parent: Vec::new(),
            section: Vec::new(),
        };
        let mut sec = 0usize;
        let mut open: [Option<usize>; 5] = [None; 5];
        for f in facts.iter().filter(|f| f.key == enumeration::SCOPE) {
            let level = (f.value & 7) as u8;
            if level == 0 {
                sec += 1;
                open = [None; 5];
                continue;
            }
            let i = h.list.len();
            let l = level as usize - 1;
            h.list
                .push((f.paragraph, level, f.value & enumeration::FIRST != 0));
            h.parent.push(open[..l].iter().rev().find_map(|o| *o));
            h.section.push(sec);
            open[l] = Some(i);
            for deeper in open.iter_mut().skip(l + 1) {
                *deeper = None;
            }
        }
        h
    }

    /// The heading of paragraph `pi` when it is numbered one.
    fn first_at(&self, pi: usize) -> Option<usize> {
        self.list.iter().position(|&(p, _, one)| p == pi && one)
    }

    /// How many siblings the heading list starting at heading `hi` has.
    fn count_siblings(&self, hi: usize) -> u32 {
        let level = self.list[hi].1;
        self.list
            .iter()
            .enumerate()
            .skip(hi)
            .take_while(|&(j, g)| {
                self.section[j] == self.section[hi]
                    && (g.1 > level || j == hi || self.parent[j] == self.parent[hi])
            })
            .filter(|(_, g)| g.1 == level)
            .count() as u32
    }
}

/// The length of the run-in list whose first item (value 1) is the first
/// item that `starts` accepts, or None when no such list starts there.
fn count_run(items: &[(usize, Item, bool)], starts: impl Fn(&Item, bool) -> bool) -> Option<u32> {
    let k = items.iter().position(|(_, it, opens)| starts(it, *opens))?;
    let (scope, first, _) = items[k];
    if first.value != 1 {
        return None;
    }
    let mut n = 1;
    for (s, it, _) in &items[k + 1..] {
        if *s != scope || (it.family == Family::Di && first.family != Family::Di) {
            break;
        }
        if it.family != first.family {
            continue;
        }
        if it.value == n + 1 {
            n += 1;
        } else {
            break;
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_charset_is_is_colon() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let w = crate::rules::utf8_code(c);
            assert_eq!(super::COLONS.contains(w), super::is_colon(w), "{c:?}");
        }
    }

    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "structure/enumeration-count";

    #[test]
    fn fires_when_the_count_differs() {
        assert_fires(R, "主要有⟦三⟧个方面：一是加强学习，二是改进作风。\n");
        assert_fires(
            R,
            "主要基于⟦三⟧个方面的考虑。\n一是形势的要求。\n二是发展的要求。\n",
        );
        assert_fires(
            R,
            "下面，我讲⟦四⟧点意见。\n一、甲\n（一）子\n二、乙\n三、丙\n",
        );
        assert_fires(R, "抓好⟦两⟧项工作：第一，甲；第二，乙；第三，丙。\n");
    }

    #[test]
    fn quiet_when_the_count_matches_or_no_list_follows() {
        assert_quiet(
            R,
            "主要有三个方面：一是加强学习，二是改进作风，三是强化监督。\n",
        );
        assert_quiet(
            R,
            "下面，我讲三点意见。\n一、甲\n（一）子\n二、乙\n三、丙\n",
        );
        assert_quiet(R, "深入贯彻中央八项规定精神。\n一、甲\n二、乙\n");
        assert_quiet(R, "重点抓好十个方面工作。\n今年要做好以下工作。\n");
        assert_quiet(R, "围绕三个方面：加强学习，改进作风，强化监督。\n");
        assert_quiet(R, "坚持四项基本原则。\n一是加强。\n");
    }
}
