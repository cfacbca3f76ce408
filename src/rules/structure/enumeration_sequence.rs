use crate::diagnostic::Applicability;
use crate::model::Document;
use crate::sink::Sink;

use crate::incremental::{Fact, FactRule};

use super::enumeration::{self, collect, items_from_facts, Family};

crate::declare_rule! {
    /// Finds run-in enumerations that skip or repeat a number: `一是……二是……
    /// 四是`, `一要……一要`, `第一，……第三，`.
    ///
    /// Why: reports and speeches list points as 一是/二是 or 第一/第二 inside
    /// paragraphs; a gap or repeat means a point was deleted or pasted twice.
    ///
    /// A list runs across paragraphs until the next heading or section break;
    /// `一是` starts a new list, and a `第N，` item starts new `一是` lists
    /// under it. Fires on `一是加强学习，二是改进作风，四是强化监督`. Stays
    /// quiet on restarts at 一是, on `第一时间`, `第一、第二产业`, `统一是`,
    /// the idiom `一是一，二是二`, and on a list that starts above one (its
    /// start may be written another way, e.g. 首先).
    ///
    /// Fix (review): the expected number.
    pub static ENUMERATION_SEQUENCE = {
        id: "structure/enumeration-sequence",
        category: Structure,
        severity: Warning,
        title: "“一是、二是”序号不连续",
        check: Facts(FactRule { collect, judge, reads_text: false }),
        triggers: enumeration::triggers,
    };
}

fn judge(doc: &Document, facts: &[Fact], sink: &mut Sink<'_>) {
    // last[family]: (scope, value) of the previous item.
    let mut last: [Option<(usize, u32)>; 3] = [None; 3];
    let slot = |f: Family| match f {
        Family::Shi => 0,
        Family::Yao => 1,
        Family::Di => 2,
    };
    for (scope, it, _) in items_from_facts(facts) {
        if it.family == Family::Di {
            last[0] = None;
            last[1] = None;
        }
        let k = slot(it.family);
        let prev = last[k].filter(|&(s, _)| s == scope).map(|(_, v)| v);
        last[k] = Some((scope, it.value));
        let Some(pv) = prev else {
            continue;
        };
        if it.value == 1 || it.value == pv + 1 {
            continue;
        }
        let here = doc.slice(it.start, it.end);
        let want = it.family.render(pv + 1);
        let before = it.family.render(pv);
        let msg = if it.value == pv {
            format!("“{here}”与前一项重复，此处应为“{want}”")
        } else {
            format!("序号不连续：前一项是“{before}”，此处应为“{want}”")
        };
        sink.report(it.start, it.end, msg)
            .fix(it.start, it.end, want, Applicability::Review);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "structure/enumeration-sequence";

    #[test]
    fn fires_on_gaps_and_repeats() {
        assert_fires(R, "一是加强学习，二是改进作风，⟦四是⟧强化监督。\n");
        assert_fires(R, "一是加强学习。\n二是改进作风。\n⟦二是⟧强化监督。\n");
        assert_fires(
            R,
            "第一，加强学习。第二，改进作风。⟦第四，⟧强化监督。\n"
                .replace("，⟧", "⟧，")
                .as_str(),
        );
        assert_fires(R, "一要加强学习；⟦三要⟧改进作风。\n");
    }

    #[test]
    fn quiet_on_runs_restarts_and_look_alikes() {
        assert_quiet(R, "一是加强学习，二是改进作风，三是强化监督。\n");
        assert_quiet(
            R,
            "（一）甲。一是加强，二是改进。\n（二）乙。一是加强，二是改进。\n",
        );
        assert_quiet(R, "一是加强，二是改进。\n正文。一是落实，二是督查。\n");
        assert_quiet(R, "第一，甲。一是加强，二是改进。第二，乙。一是落实。\n");
        assert_quiet(
            R,
            "第一时间到达，第一、第二产业，统一是前提，一是一，二是二。\n",
        );
        assert_quiet(R, "一方面加强，二是改进，三是监督。\n");
        assert_quiet(
            R,
            "干好四件大事：一是学习。二是一以贯之深化改革。三是扛起责任。\n",
        );
        assert_quiet(R, "一是加强。\n（一）子\n三是改进。\n");
    }

    #[test]
    fn fix_renumbers() {
        assert_fix(
            R,
            "一是甲，二是乙，四是丙。\n",
            "一是甲，二是乙，三是丙。\n",
        );
    }
}
