//! The literal gates of the rules whose work is a text search (issue 9:
//! formulation/slogan-expansion's `TwoOf` trigger, number/redundant-
//! approximation's pairs of words) are sound on texts made of the pieces
//! they look for: with the pre-filter, every rule finds what it finds
//! without it, and the pre-filter's fast scan sets the bits that testing
//! each condition on its own sets. `tests/prefilter.rs` does the same over
//! the corpus.

use gwlint::{check, registry, Config};
use proptest::collection::vec;
use proptest::test_runner::{Config as RunnerConfig, TestCaseError, TestRunner};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Pieces of the slogans' names and expansions, of approximations and of
/// the text around them.
const POOL: &[&str] = &[
    // Slogans: names, elements, a trigger word, parts of elements.
    "两个确立",
    "两个维护",
    "四个意识",
    "四个自信",
    "四个全面",
    "五位一体",
    "三严三实",
    "四风",
    "确立",
    "维护",
    "确立习近平同志党中央的核心、全党的核心地位",
    "确立习近平新时代中国特色社会主义思想的指导地位",
    "坚决维护党中央权威和集中统一领导",
    "政治意识",
    "大局意识",
    "核心意识",
    "看齐意识",
    "意识",
    "道路自信",
    "理论自信",
    "制度自信",
    "文化自信",
    "全面深化改革",
    "全面依法治国",
    "全面从严治党",
    "全面建成小康社会",
    "全面深化",
    "深化改革",
    "经济建设",
    "政治建设",
    "社会建设",
    "生态文明建设",
    "建设",
    "形式主义",
    "官僚主义",
    "享乐主义",
    "奢靡之风",
    "严以修身",
    "严以用权",
    // A quoted name and its marker, to make expansions likely.
    "“四个意识”，即",
    "“四个自信”：",
    "“五位一体”（",
    "“四个全面”，就是",
    "“两个确立”，即",
    "“两个维护”即：",
    "“四风”即",
    "、",
    "、",
    // Approximations.
    "约",
    "大约",
    "大概",
    "左右",
    "上下",
    "超过",
    "多于",
    "逾",
    "以上",
    "多",
    "余",
    "了",
    "为",
    "有",
    "节",
    "签",
    // A word and its number, a unit and its word, to make pairs likely.
    "约50",
    "大约三百",
    "大概0.5",
    "超过100",
    "多于二十",
    "逾千",
    "人左右",
    "个上下",
    "家以上",
    "多人",
    "余人",
    // Numbers and units.
    "50",
    "3",
    "０",
    "三",
    "百",
    "千万",
    ".5",
    "%",
    "人",
    "家",
    "个月",
    // Around them.
    "“",
    "”",
    "，",
    "。",
    "、",
    "；",
    "：",
    "（",
    "）",
    "即",
    "，即",
    "就是",
    "增强",
    "坚持",
    "的",
    "工作",
    " ",
    "\n",
];

/// Findings per rule id, as (span, message, fixes) lines.
fn by_rule(text: &str) -> BTreeMap<&'static str, Vec<String>> {
    let mut m: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for d in check(text, &Config::default()) {
        m.entry(d.rule.id).or_default().push(format!(
            "{}..{} {} {:?}",
            d.start, d.end, d.message, d.fixes
        ));
    }
    m
}

#[test]
fn gated_and_ungated_findings_are_the_same_on_texts_of_the_pieces() {
    let fired: RefCell<BTreeMap<&str, usize>> = RefCell::default();
    let mut runner = TestRunner::new(RunnerConfig {
        cases: 3000,
        failure_persistence: None,
        ..RunnerConfig::default()
    });
    runner
        .run(&vec(0..POOL.len(), 0..40), |pieces| {
            let text: String = pieces.iter().map(|&k| POOL[k]).collect();
            let p = registry::prefilter();
            for line in text.lines() {
                if p.scan(line) != p.scan_reference(line) {
                    return Err(TestCaseError::fail(format!("scan differs on {line:?}")));
                }
            }
            registry::set_prefilter(true);
            let gated = by_rule(&text);
            registry::set_prefilter(false);
            let all = by_rule(&text);
            registry::set_prefilter(true);
            if gated != all {
                return Err(TestCaseError::fail(format!(
                    "{text:?}: with the pre-filter {gated:#?}, without {all:#?}"
                )));
            }
            for (id, found) in &all {
                *fired.borrow_mut().entry(id).or_default() += found.len();
            }
            Ok(())
        })
        .unwrap();
    // The comparison means something only if the gated rules find things.
    let fired = fired.into_inner();
    for id in [
        "formulation/slogan-expansion",
        "number/redundant-approximation",
        "formulation/slogan-quotes",
    ] {
        let n = fired.get(id).copied().unwrap_or(0);
        eprintln!("{id}: {n} findings compared");
        assert!(n > 50, "{id}: only {n} findings");
    }
}
