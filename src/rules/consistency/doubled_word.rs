use crate::diagnostic::Applicability;
use crate::model::{Document, Paragraph};
use crate::rules::is_han;
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds a word typed twice by accident: `加强加强`, `推进推进工作`,
    /// `全面全面`.
    ///
    /// Why: a paste or a dropped edit leaves a word doubled; readers notice it
    /// at once and proofreading by eye misses it.
    ///
    /// Guard: a chunk of two to four Han characters repeated right after
    /// itself counts only when the chunk is a dictionary word (jieba-rs). Verbs that
    /// Chinese reduplicates on purpose ("try doing", `研究研究`, `讨论讨论`,
    /// `商量商量`) are listed in `REDUPLICATED` and stay quiet, as do quoted
    /// slogans and numerals. Single doubled characters (`不了了之`, `的的`)
    /// are `consistency/doubled-char`'s.
    ///
    /// Fix (review): delete the second word.
    pub static DOUBLED_WORD = {
        id: "consistency/doubled-word",
        category: Consistency,
        severity: Warning,
        title: "重复的词",
        check: Paragraph(check),
        triggers: triggers,
    };
}

/// Two-character verbs that are reduplicated on purpose (ABAB: 研究研究).
const REDUPLICATED: &[&str] = &[
    "研究", "讨论", "商量", "考虑", "学习", "交流", "了解", "调查", "检查", "休息", "锻炼", "整理",
    "打扫", "准备", "比较", "体验", "思考", "总结", "介绍", "说明", "议论", "琢磨", "活动", "收拾",
    "打听", "清理", "梳理", "盘点", "反思", "沟通", "分析", "核对", "尝试", "磨炼", "宣传", "表扬",
    "批评", "教育", "提醒", "关心", "帮助", "照顾", "掂量", "合计", "看看", "想想", "走走", "问问",
    "听听", "谈谈", "聊聊", "试试", "练练", "改改", "查查", "议议", "比划", "溜达", "热闹", "高兴",
    "舒服", "轻松", "暖和", "凉快", "干净", "清醒", "开心",
];

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    let mut in_quote = false;
    let mut run_start: Option<usize> = None;
    let mut quote_at_run = false;
    let mut runs = Vec::new();
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if is_han(c) {
            if run_start.is_none() {
                run_start = Some(i);
                quote_at_run = in_quote;
            }
            continue;
        }
        if let Some(s) = run_start.take() {
            if !quote_at_run {
                runs.push((s, i));
            }
        }
        match c {
            '“' => in_quote = true,
            '”' => in_quote = false,
            _ => {}
        }
    }
    let seg = doc.segmenter();
    for (s, e) in runs {
        let run = &text[s..e];
        let c = crate::rules::punctuation::chars_of(run);
        let at = |k: usize| c.get(k).map_or(run.len(), |&(b, _)| b);
        let mut words = None;
        let mut i = 0;
        'scan: while i < c.len() {
            for k in (2..=4).rev() {
                if i + 2 * k > c.len() || (0..k).any(|d| c[i + d].1 != c[i + k + d].1) {
                    continue;
                }
                let word = &run[at(i)..at(i + k)];
                // 一步一步, 一件一件: numeral + measure word, repeated on purpose;
                // 研究研究: a verb reduplicated on purpose; the chunk must be a word.
                if REDUPLICATED.contains(&word)
                    || word.starts_with(is_numeral)
                    || !seg.is_word(word)
                {
                    continue;
                }
                // 发展|发展中国家: the second copy starts a longer word whose
                // rest is not a word of its own (加强|加强监督 is 加强+监督).
                let (b2, e2) = (at(i + k), at(i + 2 * k));
                let words = words.get_or_insert_with(|| seg.cut(run));
                let starts_longer = words
                    .iter()
                    .any(|w| w.start == b2 && w.end > e2 && !seg.is_word(&run[e2..w.end]));
                // 党组织|组织生活会, 人民政府|政府工作报告: the first copy ends one
                // word and the second starts another; the phrase is right.
                let overlap =
                    words.iter().any(|w| w.start < at(i) && w.end == b2) && e2 < run.len();
                if starts_longer || overlap {
                    continue;
                }
                sink.report(
                    p.start + s + at(i),
                    p.start + s + at(i + 2 * k),
                    format!("“{word}”重复，疑为多打一遍，请删去一个"),
                )
                .fix(
                    p.start + s + at(i + k),
                    p.start + s + at(i + 2 * k),
                    "",
                    Applicability::Review,
                );
                i += 2 * k;
                continue 'scan;
            }
            i += 1;
        }
    }
}

fn is_numeral(c: char) -> bool {
    "〇零一二三四五六七八九十百千万亿两".contains(c)
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.when([crate::registry::Cond::Repeated]);
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "consistency/doubled-word";

    #[test]
    fn fires_on_doubled_words() {
        assert_fires(R, "进一步⟦加强加强⟧监督管理");
        assert_fires(R, "⟦全面全面⟧推进");
        assert_fires(R, "健全⟦管理管理⟧制度");
    }

    #[test]
    fn quiet_on_reduplication() {
        for t in [
            "这件事要研究研究",
            "大家讨论讨论",
            "不了了之",
            "“加油加油”",
            "一一对应",
            "常常深入基层",
            "层层压实",
            "十一十二月",
            "一步一步走了过来，一件一件解决好，一茬一茬衔接",
            "发展发展中国家关系",
            "召开基层党组织组织生活会",
            "县人民政府政府工作报告",
        ] {
            assert_quiet(R, t);
        }
    }

    #[test]
    fn fix_removes_the_second_word() {
        assert_fix(R, "加强加强监督", "加强监督");
    }
}
