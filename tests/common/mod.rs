//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `../shared` beside the repository. When it is missing the test fails under
/// CI=true and is skipped (with a notice) otherwise.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("examples/example-report.txt").is_file() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("../shared is missing; CI must provide it");
    }
    eprintln!("NOTICE: ../shared is missing; skipping a test that reads it");
    None
}

/// The published documents (`corpus/clean` under `shared`), in file-name order.
pub fn clean_files(shared: &Path) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(shared.join("corpus/clean"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}
