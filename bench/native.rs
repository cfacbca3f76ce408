//! Native timings for `make bench` (bench/run.mjs runs this and reads its
//! JSON): dictionary load, full check per text size, one keystroke through the
//! incremental checker. Usage: `cargo run --release --example native -- RUNS FILE...`.

use gwlint::{check, Checker, Config};
use std::time::Instant;

fn stats(mut ms: Vec<f64>) -> String {
    ms.sort_by(f64::total_cmp);
    format!(
        "{{\"min\":{:.4},\"median\":{:.4},\"runs\":{}}}",
        ms[0],
        ms[ms.len() / 2],
        ms.len()
    )
}

fn time<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let r = f();
    (r, t.elapsed().as_secs_f64() * 1e3)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Without arguments (e.g. built by `cargo test --all-targets`): nothing to measure.
    let Some((runs, files)) = args.split_first() else {
        eprintln!("usage: cargo run --release --example native -- RUNS FILE...");
        return;
    };
    let runs: usize = runs.parse().expect("RUNS");
    let config = Config::default();
    let (_, dict_ms) = time(|| gwlint::segment::Segmenter.cut("层层压实"));
    let mut out = vec![format!("\"dictionaryLoad\":{dict_ms:.3}")];
    for f in files {
        let text = std::fs::read_to_string(f).expect("read text");
        let chars = text.chars().count();
        for _ in 0..3 {
            check(&text, &config);
        }
        let full: Vec<f64> = (0..runs)
            .map(|_| time(|| check(&text, &config)).1)
            .collect();
        let findings = check(&text, &config).len();
        // One keystroke as an editor sends it: type a character in the middle
        // paragraph, then delete it (`Checker::edit`: only the change goes in).
        let mut checker = Checker::new(config.clone());
        checker.check(&text);
        let mid = text.floor_char_boundary(text.len() / 2);
        let mut key = Vec::new();
        for i in 0..runs * 2 + 4 {
            let ms = if i % 2 == 0 {
                time(|| checker.edit(mid, mid, "的")).1
            } else {
                time(|| checker.edit(mid, mid + "的".len(), "")).1
            };
            if i >= 4 {
                key.push(ms);
            }
        }
        out.push(format!(
            "\"{}\":{{\"chars\":{chars},\"findings\":{findings},\"full\":{},\"keystroke\":{}}}",
            f.rsplit('/').next().unwrap(),
            stats(full),
            stats(key)
        ));
    }
    // Where the time goes: each rule alone on the 100k text (min of 3).
    if let Some(f) = files.iter().find(|f| f.ends_with("100k.txt")) {
        let text = std::fs::read_to_string(f).expect("read text");
        let ids: Vec<&str> = gwlint::registry::all().map(|r| r.id).collect();
        let mut per_rule: Vec<(f64, &str)> = ids
            .iter()
            .map(|&id| {
                let mut c = Config::default();
                for &other in &ids {
                    if other != id {
                        c.rules
                            .insert(other.to_string(), gwlint::config::Level::Off);
                    }
                }
                check(&text, &c);
                let ms = (0..3)
                    .map(|_| time(|| check(&text, &c)).1)
                    .fold(f64::MAX, f64::min);
                (ms, id)
            })
            .collect();
        per_rule.sort_by(|a, b| b.0.total_cmp(&a.0));
        let rows: Vec<String> = per_rule
            .iter()
            .map(|(ms, id)| format!("[\"{id}\",{ms:.3}]"))
            .collect();
        out.push(format!("\"perRule100k\":[{}]", rows.join(",")));
    }
    println!("{{{}}}", out.join(","));
}
