//! Odd and big inputs all work (no panic, no quadratic blow-up that would
//! time the test out): one 1 MB line, only punctuation, only newlines, only
//! Latin text, a 10 MB document. Speed itself is measured by bench/, not here.

use gwlint::offsets::{to_findings, Unit};
use gwlint::{analyze, Config};

fn run(text: &str) -> usize {
    let a = analyze(text, &Config::default());
    let f = to_findings(text, &a.diagnostics, Unit::Utf16, true);
    assert_eq!(f.len(), a.diagnostics.len());
    f.len()
}

/// A paragraph with a slot and a doubled character, repeated.
fn report(bytes: usize, sep: &str) -> String {
    let para = "全年开展专项检查X次，《县县本级办法》层层压实责任，推动工作落实见效。";
    let mut s = String::with_capacity(bytes + para.len());
    while s.len() < bytes {
        s.push_str(para);
        s.push_str(sep);
    }
    s
}

#[test]
fn one_line_of_a_megabyte() {
    let text = report(1 << 20, "");
    assert!(run(&text) >= text.matches('X').count());
}

#[test]
fn only_punctuation_only_newlines_only_latin() {
    run(&"，。、；：？！“”‘’（）《》〈〉【】……——".repeat(20_000));
    run(&"\n".repeat(1 << 20));
    run(&"\r\n".repeat(1 << 19));
    run(&"The quick brown fox jumps over the lazy dog. XP X-ray 3x3 1+X ".repeat(16_000));
    run("");
    run("\u{feff}");
}

#[test]
fn ten_megabytes() {
    let text = report(10 << 20, "\n");
    let n = run(&text);
    assert!(n >= text.lines().count(), "{n}");
}
