//! Recall of the typo rules on ../shared/corpus/sentences (ECSpell "odw":
//! sentences from official documents with marked misspellings). Used by
//! tests/sentences.rs and examples/corpus_report.rs.

use gwlint::{check, Category, Config};
use std::path::Path;

pub struct Recall {
    pub sentences: usize,
    pub misspellings: usize,
    /// Misspellings whose character lies inside a finding of the typo family.
    pub caught: usize,
    /// (line, wrong>right) of every caught misspelling.
    pub caught_list: Vec<String>,
    /// Typo findings on the corrected sentences (false alarms), as `line: excerpt`.
    pub false_alarms: Vec<String>,
}

/// Reads `corpus/sentences/*.answers.tsv` (line, n_errors, positions
/// `i:wrong>right;…` with 0-based character indices, wrong sentence, correct
/// sentence) and checks both sentences.
pub fn measure(corpus: &Path) -> Recall {
    let dir = corpus.join("sentences");
    let key = std::fs::read_dir(&dir)
        .expect("corpus/sentences is missing")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().ends_with(".answers.tsv"))
        .expect("no *.answers.tsv in corpus/sentences");
    let text = std::fs::read_to_string(key).unwrap();
    let cfg = Config::default();
    let mut r = Recall {
        sentences: 0,
        misspellings: 0,
        caught: 0,
        caught_list: Vec::new(),
        false_alarms: Vec::new(),
    };
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let [no, _, positions, wrong, right] = f[..] else {
            panic!("answers.tsv: unexpected line {line:?}");
        };
        r.sentences += 1;
        let found: Vec<(usize, usize)> = check(wrong, &cfg)
            .iter()
            .filter(|d| d.category() == Category::Typo)
            .map(|d| {
                (
                    wrong[..d.start].chars().count(),
                    wrong[..d.end].chars().count(),
                )
            })
            .collect();
        for pos in positions.split(';').filter(|p| !p.is_empty()) {
            let (i, what) = pos.split_once(':').unwrap();
            let i: usize = i.parse().unwrap();
            r.misspellings += 1;
            if found.iter().any(|&(s, e)| s <= i && i < e) {
                r.caught += 1;
                r.caught_list.push(format!("{no}: {what}"));
            }
        }
        for d in check(right, &cfg)
            .iter()
            .filter(|d| d.category() == Category::Typo)
        {
            r.false_alarms
                .push(format!("{no}: {} ({})", &right[d.start..d.end], d.rule.id));
        }
    }
    r
}
