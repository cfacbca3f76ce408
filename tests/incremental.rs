//! The per-paragraph cache on real text: for every published document in
//! ../shared/corpus/clean (and one with slips typed into it) the incremental
//! checker, which checks each paragraph on its own and reuses unchanged ones,
//! reports exactly what a full check reports.

mod common;

use gwlint::{check, Checker, Config};

#[test]
fn incremental_checker_agrees_with_full_check_on_the_corpus() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(shared.join("corpus/clean"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let config = Config::default();
    let mut checker = Checker::new(config.clone());
    for f in &files {
        let mut text = std::fs::read_to_string(f).unwrap();
        let name = f.display();
        let full = check(&text, &config);
        assert_eq!(
            format!("{:?}", checker.check(&text)),
            format!("{full:?}"),
            "{name}: a Paragraph rule depends on more than its paragraph (see src/incremental.rs)"
        );
        // Typing slips into the middle: only that paragraph changes.
        let mid = text.floor_char_boundary(text.len() / 2);
        text.insert_str(mid, "X的的");
        assert_eq!(
            format!("{:?}", checker.check(&text)),
            format!("{:?}", check(&text, &config)),
            "{name} after an edit"
        );
    }
}
