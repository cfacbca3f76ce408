use crate::model::{Document, Paragraph};
use crate::rules::is_han;
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds X / x / × slots left in a draft: `X次`, `第X次`, `X余起`, `XX万元`,
    /// `xx0.9%`, `x.x%`, `20XX年`, `X月X日`, `“X四五”`, `×××同志`, `XX 次`, and
    /// a line that is only `×××` (the name under a 落款).
    ///
    /// Why: drafts are built from templates and last year's text; an unfilled
    /// figure that goes out is the most embarrassing error a report can carry.
    ///
    /// Stays quiet on real uses of the letters and the multiplication sign:
    /// `X射线`, `X光`, `X线`, `X轴`, `4×4`, `7×24小时`, `480毫米×140毫米`, `3x3`,
    /// the slogan `“数据要素×”`, formulas (`1+X证书`, `“1+N+X”`), named
    /// frameworks (`“415X”集群`), codes (`京·X2345`, `用X代表`), and Latin words
    /// such as `Windows XP`.
    ///
    /// No fix: only the writer knows the missing figure.
    pub static X_SLOT = {
        id: "placeholder/x-slot",
        category: Placeholder,
        severity: Warning,
        title: "未填写的X占位符",
        check: Paragraph(check),
        triggers: triggers,
    };
}

fn is_slot_char(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ' | '×')
}

/// Words that start with a Latin X and are not slots.
const X_WORDS: &[&str] = &[
    "射线",
    "光",
    "线",
    "轴",
    "染色体",
    "型",
    "因子",
    "代表",
    "表示",
];

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let text = doc.para_text(p);
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        if !is_slot_char(c) {
            prev = Some(c);
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut last = c;
        while let Some(&(j, d)) = chars.peek() {
            // x.x% and xx.x亿元 are one masked number, not two slots.
            let decimal = d == '.'
                && last != '×'
                && text[j + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| n != '×' && is_slot_char(n));
            if !is_slot_char(d) && !decimal {
                break;
            }
            end = j + d.len_utf8();
            last = d;
            chars.next();
        }
        let run = &text[i..end];
        let rest = &text[end..];
        // The next character that is not a plain space (`XX 次`).
        let next = rest.trim_start_matches(' ').chars().next();
        let next_adjacent = rest.chars().next();
        // A line that is nothing but a run (×××, the name under a 落款) is a slot.
        let whole_line = i == 0 && end == text.len() && run.chars().count() >= 2;
        if whole_line || is_slot(run, prev, next, next_adjacent, rest) {
            let shown = match next.filter(|&n| is_han(n)) {
                Some(n) => format!("{run}{n}"),
                None => run.to_string(),
            };
            sink.report(
                p.start + i,
                p.start + end,
                format!("“{shown}”中的“{run}”是未填写的占位符，请填入实际数字或内容"),
            );
        }
        prev = Some(last);
    }
}

fn is_slot(
    run: &str,
    prev: Option<char>,
    next: Option<char>,
    next_adjacent: Option<char>,
    rest: &str,
) -> bool {
    let ascii_letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    let digit =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let han = |c: Option<char>| c.is_some_and(is_han);
    // Part of a Latin word (Windows XP, XI), a formula (1+X, N+X) or a code (京·X2345).
    if ascii_letter(prev)
        || ascii_letter(next_adjacent)
        || matches!(prev, Some('+' | '＋' | '·'))
        || matches!(next_adjacent, Some('+' | '＋'))
    {
        return false;
    }
    let single = run.chars().count() == 1;
    let all_times = run.chars().all(|c| c == '×');
    if single && digit(prev) && digit(next_adjacent) {
        // 4×4, 7×24, 3x3.
        return false;
    }
    if all_times && single {
        // 480毫米×140毫米: a measure on each side.
        if han(prev) && digit(next_adjacent) {
            return false;
        }
        // “数据要素×”: the sign closes a slogan.
        if han(prev) && !han(next) && !digit(next) {
            return false;
        }
    }
    // A named framework such as “555X” or “415X”: digits, then X, then no more text.
    // 〔20xx〕 and [20xx] are a year in a document number, not a framework.
    let year_bracket = matches!(next, Some(']' | '］' | '〕'));
    if !all_times && digit(prev) && !han(next) && !digit(next) && !year_bracket {
        return false;
    }
    if !all_times && single && X_WORDS.iter().any(|w| rest.starts_with(w)) {
        return false;
    }
    // A lone letter with nothing Chinese or numeric around it is not a slot.
    let context = |c: Option<char>| {
        han(c)
            || digit(c)
            || matches!(
                c,
                Some(
                    '“' | '”'
                        | '‘'
                        | '’'
                        | '%'
                        | '％'
                        | '〔'
                        | '〕'
                        | '、'
                        | '，'
                        | '；'
                        | '：'
                        | '。'
                )
            )
    };
    context(prev) || context(next)
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("XxＸｘ×");
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "placeholder/x-slot";

    #[test]
    fn fires_on_slots() {
        assert_fires(R, "专题调研⟦X⟧次。");
        assert_fires(R, "县十九届政府第⟦X⟧次、⟦X⟧次常务会议");
        assert_fires(R, "典型案例⟦X⟧余起，收集⟦X⟧类⟦X⟧个问题。");
        assert_fires(R, "投入⟦XX⟧万元，增长⟦xx⟧0.9%。");
        assert_fires(R, "20⟦XX⟧年⟦X⟧月⟦X⟧日");
        assert_fires(R, "“⟦X⟧四五”规划");
        assert_fires(R, "“法治⟦X⟧行”活动");
        assert_fires(R, "⟦×××⟧同志");
        assert_fires(R, "开展⟦XX⟧ 次");
        assert_fires(R, "〔201⟦×⟧〕5号");
        assert_fires(R, "完成⟦Ｘ⟧项");
        assert_fires(R, "赋予⟦XX⟧、⟦XX⟧、⟦XX⟧平台公司");
        assert_fires(R, "（皖政秘[20⟦xx⟧]53号）");
        assert_fires(R, "县人民政府\n⟦×××⟧\n2024年3月5日");
        assert_fires(
            R,
            "年均增长⟦x.x⟧%，收入⟦xx.x⟧亿元，比率⟦x.xx⟧%，投资⟦xx⟧.51亿元",
        );
    }

    #[test]
    fn quiet_on_real_uses() {
        assert_quiet(R, "配备X射线安检机和X光机，X轴方向。");
        assert_quiet(R, "4×4米，7×24小时服务，3x3篮球。");
        assert_quiet(R, "规格为480毫米×140毫米。");
        assert_quiet(R, "实施“数据要素×”三年行动。");
        assert_quiet(R, "停用Windows XP系统，阅读《忏悔实录XI》。");
        assert_quiet(R, "专题调研12次。");
        assert_quiet(R, "×\nX\nXP");
        assert_quiet(
            R,
            "启动1+X证书制度试点，构建“1+N+X”规划体系，实施“双尖双领+X”项目。",
        );
        assert_quiet(R, "打造“555X”产业发展格局，“415X”集群。");
        assert_quiet(R, "代号用X代表消防救援，“京·X2345应急”表示车辆。");
    }
}
