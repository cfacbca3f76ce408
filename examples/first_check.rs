//! Start-up cost of the checker, natively (issue 9): the time of the first
//! `analyze` of the page's sample report in this process, then a second one.
//! Run it once per configuration (a fresh process pays the one-time set-up):
//!
//!   cargo run --release --example first_check -- '{"rules":{"number":"off"}}'
//!
//! The sample is read from www/src/sample.js. Native builds embed the word
//! dictionary, so a rule that segments builds jieba here (the page loads it
//! after the first check): turn consistency/doubled-word off to compare.
use std::time::Instant;

fn main() {
    let js = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/src/sample.js"))
        .expect("www/src/sample.js");
    let start = js.find('`').expect("sample starts with a backquote") + 1;
    let end = start + js[start..].find('`').expect("sample ends with a backquote");
    let sample = &js[start..end];
    let config = std::env::args().nth(1).unwrap_or_default();
    let config = gwlint::config::Config::from_json(&config).expect("config");
    let t0 = Instant::now();
    let a = gwlint::analyze(sample, &config);
    let first = t0.elapsed();
    let t1 = Instant::now();
    gwlint::analyze(sample, &config);
    let second = t1.elapsed();
    println!(
        "first {:.2} ms, second {:.2} ms, {} findings",
        first.as_secs_f64() * 1e3,
        second.as_secs_f64() * 1e3,
        a.diagnostics.len()
    );
}
