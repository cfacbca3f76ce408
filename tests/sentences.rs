//! Recall of the typo rules on the misspelling set in ../shared/corpus/sentences,
//! printed (run with `--nocapture` to see it; CORPUS.md records it), and no typo
//! finding on the corrected sentences.

mod common;
#[path = "common/sentences.rs"]
mod sentences;

#[test]
fn typo_recall_on_marked_sentences() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let r = sentences::measure(&shared.join("corpus"));
    assert_eq!(r.sentences, 262);
    println!(
        "typo recall on corpus/sentences: {}/{} misspellings ({:.1}%) in {} sentences; caught: {}",
        r.caught,
        r.misspellings,
        100.0 * r.caught as f64 / r.misspellings as f64,
        r.sentences,
        r.caught_list.join(", ")
    );
    assert!(
        r.false_alarms.is_empty(),
        "typo findings on corrected sentences: {:?}",
        r.false_alarms
    );
}
