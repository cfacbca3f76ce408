//! Fuzz target over the whole checker: any bytes (decoded lossily) as text,
//! with any config. The first byte gives the length of a config prefix, read
//! leniently like the page does; the rest is the text. Every front-end path
//! runs: analyze, and offset conversion to chars and UTF-16.
#![no_main]

use gwlint::offsets::{to_findings, Unit};
use gwlint::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (config, text) = match data.split_first() {
        Some((&n, rest)) if (n as usize) <= rest.len() => {
            let (cfg, text) = rest.split_at(n as usize);
            (Config::from_json_lenient(&String::from_utf8_lossy(cfg)).0, text)
        }
        _ => (Config::default(), data),
    };
    let text = String::from_utf8_lossy(text);
    let analysis = gwlint::analyze(&text, &config);
    for d in &analysis.diagnostics {
        assert!(d.start <= d.end && d.end <= text.len());
        assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
    }
    let _ = to_findings(&text, &analysis.diagnostics, Unit::Chars, false);
    let _ = to_findings(&text, &analysis.diagnostics, Unit::Utf16, true);
});
