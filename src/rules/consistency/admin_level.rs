use crate::incremental::{Fact, FactRule, Facts};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds a unit's level that disagrees with the rest of the document: a
    /// county's report that says 本县/县委/县政府 throughout and 本区/区委 in one
    /// paragraph (or 乡 vs 镇, 省 vs 市). It reports the minority form and names
    /// the majority form.
    ///
    /// Why: the classic sign of a paragraph pasted from another unit's report.
    ///
    /// How: each paragraph yields its self-references (本县, 我县, 全县, 县委,
    /// 县政府, 县人大, 县政协, 来县 … and the same for 区, 乡/镇, 省/市); the
    /// title's level counts twice. A form is reported when the other form of its
    /// pair is used at least twice as often. Word boundaries come from jieba:
    /// 健全区域, 资本市场, 安全区, 我县城乡 are not references. In an
    /// autonomous region's document (自治区 in the title) 区 is the region, so
    /// 县 vs 区 is not compared.
    ///
    /// Fires: 县委、县政府 … 全县 … 来区创新创业. Quiet: 全县 … 各区县; 市委、
    /// 市政府 in a county report (a superior, not a residue).
    ///
    /// Low confidence (proper names like 某区 inside a county exist): warning,
    /// no fix.
    pub static ADMIN_LEVEL = {
        id: "consistency/admin-level",
        category: Consistency,
        severity: Warning,
        title: "行政层级前后不一",
        check: Facts(FactRule { collect, judge, reads_text: false }),
        triggers: triggers,
    };
}

/// Pairs of levels that a copied paragraph confuses.
const PAIRS: &[[char; 2]] = &[['县', '区'], ['乡', '镇'], ['省', '市']];

/// What comes before the level character in a self-reference.
const PREFIXES: &[char] = &['本', '我', '全', '来', '驻'];
/// What follows it (县委, 县政府 …); not used between 省 and 市, whose 省委/市委
/// in a lower unit's report are its superiors.
const SUFFIXES: &[&str] = &["委", "政府", "人民政府", "人大", "政协", "党委"];

/// One self-reference: the level character's byte span, its pair and side.
#[derive(Clone, Copy, Debug)]
struct Mention {
    pair: usize,
    side: usize,
    /// Byte span of the whole token (本县, 县政府).
    start: usize,
    end: usize,
}

/// Self-references of one paragraph. Without `guarded` the dictionary is not
/// consulted (a superset, cheap: most documents never need jieba here).
fn mentions(doc: &Document, p: &Paragraph, guarded: bool) -> Vec<Mention> {
    let text = doc.para_text(p);
    let is_word = |w: &str| guarded && doc.segmenter().is_word(w);
    let mut out = Vec::new();
    let chars = crate::rules::punctuation::chars_of(text);
    for (k, &(b, c)) in chars.iter().enumerate() {
        let Some((pair, side)) = PAIRS
            .iter()
            .enumerate()
            .find_map(|(i, pr)| pr.iter().position(|&x| x == c).map(|s| (i, s)))
        else {
            continue;
        };
        let prev = k.checked_sub(1).map(|i| chars[i]);
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let after = &text[b + c.len_utf8()..];
        // The level character must not start a longer word (区域, 市场, 县城, 区县).
        let glued_after = next.is_some_and(|n| is_word(&format!("{c}{n}")))
            && !SUFFIXES.iter().any(|s| after.starts_with(s));
        // 全省/全市 in a county's report name its superiors; between 省 and 市
        // only 本/我 are self-references.
        let prefixes: &[char] = if pair == 2 { &['本', '我'] } else { PREFIXES };
        if let Some((pb, pc)) = prev.filter(|&(_, pc)| prefixes.contains(&pc)) {
            // …nor end one with the prefix before it (健全, 资本, 安全, 自我).
            let before_prefix = text[..pb].chars().next_back();
            let glued_before = before_prefix.is_some_and(|x| is_word(&format!("{x}{pc}")));
            if !glued_before && !glued_after {
                out.push(Mention {
                    pair,
                    side,
                    start: p.start + pb,
                    end: p.start + b + c.len_utf8(),
                });
                continue;
            }
        }
        if let Some(s) = SUFFIXES
            .iter()
            .find(|s| after.starts_with(*s))
            .filter(|_| pair != 2)
        {
            // 县委 at a word start: not 直辖市人民政府, 自治区政府, 市县委 (a list).
            let joined = prev.is_some_and(|(_, pc)| PAIRS.iter().flatten().any(|&x| x == pc))
                || (1..=3).any(|n| k >= n && is_word(&text[chars[k - n].0..b + c.len_utf8()]));
            if !joined {
                out.push(Mention {
                    pair,
                    side,
                    start: p.start + b,
                    end: p.start + b + c.len_utf8() + s.len(),
                });
            }
        }
    }
    out
}

/// Levels the title names as single words (县元旦团拜会 → 县).
fn title_levels(doc: &Document, p: &Paragraph) -> Vec<(usize, usize)> {
    let text = doc.para_text(p);
    // Only the title itself, when a copy glued it to the body.
    let end = text
        .char_indices()
        .find(|&(_, c)| "。：:，；！".contains(c))
        .map_or(text.len(), |(i, _)| i);
    let text = &text[..end];
    let mut out = Vec::new();
    for w in doc.segmenter().cut(text) {
        let mut cs = w.word.chars();
        let (Some(c), rest) = (cs.next(), cs.as_str()) else {
            continue;
        };
        if !(rest.is_empty() || SUFFIXES.contains(&rest)) {
            continue;
        }
        for (i, pr) in PAIRS.iter().enumerate() {
            if let Some(s) = pr.iter().position(|&x| x == c) {
                out.push((i, s));
            }
        }
    }
    out
}

/// Fact keys: a self-reference found without the dictionary, one the
/// dictionary confirms (value: pair * 2 + side), and a paragraph whose
/// confirmed references are missing because the dictionary is not loaded.
const RAW: &str = "raw";
const GUARDED: &str = "guarded";
const NO_DICTIONARY: &str = "no-dictionary";

/// Triggers: a prefix before a level character (本县, 全市), or a level
/// character before a suffix (县委, 区政府).
fn triggers(t: &mut crate::registry::Triggers) {
    let mut literals = Vec::new();
    for c in PAIRS.iter().flatten() {
        literals.extend(PREFIXES.iter().map(|p| format!("{p}{c}")));
        literals.extend(SUFFIXES.iter().map(|s| format!("{c}{s}")));
    }
    t.literals(literals.iter().map(String::as_str));
}

fn collect(doc: &Document, p: &Paragraph, facts: &mut Facts) {
    if !facts.triggered() {
        return;
    }
    let raw = mentions(doc, p, false);
    if raw.is_empty() {
        return;
    }
    let value = |m: &Mention| (m.pair * 2 + m.side) as u32;
    for m in &raw {
        facts.note(RAW, m.start, m.end, value(m));
    }
    if !crate::segment::dictionary_loaded() {
        facts.without_dictionary();
        facts.note(NO_DICTIONARY, p.start, p.start, 0);
        return;
    }
    for m in mentions(doc, p, true) {
        facts.note(GUARDED, m.start, m.end, value(&m));
    }
}

fn judge(doc: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
    let Some(title) = doc.paragraphs.first() else {
        return;
    };
    let region = doc.para_text(title).contains("自治区");
    let collect = |guarded: bool| -> Vec<Mention> {
        if guarded && facts.iter().any(|f| f.key == NO_DICTIONARY) {
            // Asks for it, so that the result says segmentation is pending.
            doc.segmenter().is_word("县委");
        }
        let key = if guarded { GUARDED } else { RAW };
        facts
            .iter()
            .filter(|f| f.key == key)
            .map(|f| Mention {
                pair: f.value as usize / 2,
                side: f.value as usize % 2,
                start: f.start,
                end: f.end,
            })
            .filter(|m| !(region && m.pair == 0))
            .collect()
    };
    let both_sides = |all: &[Mention]| {
        (0..PAIRS.len())
            .any(|pair| (0..2).all(|side| all.iter().any(|m| m.pair == pair && m.side == side)))
    };
    if !both_sides(&collect(false)) {
        return;
    }
    let all = collect(true);
    let mut counts = [[0usize; 2]; 3];
    for m in &all {
        counts[m.pair][m.side] += 1;
    }
    if counts.iter().all(|c| c[0] == 0 || c[1] == 0) {
        return;
    }
    let mut weight = counts;
    for (pair, side) in title_levels(doc, title) {
        if !(region && pair == 0) {
            weight[pair][side] += 2;
        }
    }
    for m in &all {
        let (mine, other) = (weight[m.pair][m.side], weight[m.pair][1 - m.side]);
        if counts[m.pair][m.side] == 0 || other < 2 * mine {
            continue;
        }
        let token = doc.slice(m.start, m.end);
        let a = PAIRS[m.pair][1 - m.side];
        sink.report(
            m.start,
            m.end,
            format!(
                "全文多处以“{a}”自称（{n}处），此处却是“{token}”，疑为从其他单位材料复制后未改，请改为“{a}”或核对",
                n = counts[m.pair][1 - m.side]
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "consistency/admin-level";

    #[test]
    fn fires_on_the_minority_level() {
        assert_fires(
            R,
            "县政府工作报告\n在县委的领导下，全县经济稳步增长。\n本县农业发展良好，县政府加强监管。\n⟦本区⟧将继续推进，⟦区委⟧高度重视。",
        );
        assert_fires(
            R,
            "在2022年县元旦团拜会上的致辞文稿一年一度的元旦即将来临。我谨代表县委、县政府致以问候，吸引客商⟦来区⟧创新创业。",
        );
        assert_fires(
            R,
            "镇政府工作报告\n全镇经济增长，镇党委领导。我镇稳步发展。\n⟦全乡⟧完成任务。",
        );
    }

    #[test]
    fn quiet_on_look_alikes() {
        assert_quiet(
            R,
            "县政府工作报告\n全县各区县，健全区域协调机制，资本市场，安全区。\n我县城乡一体化。",
        );
        assert_quiet(
            R,
            "县政府工作报告\n在市委、市政府和县委的领导下，全县发展。",
        );
        assert_quiet(
            R,
            "2026年宁夏回族自治区政府工作报告\n全区经济增长，我区发展，全县推进。",
        );
        assert_quiet(R, "报告\n本县一处，本区一处。");
    }
}
