//! Writes `data/jieba-dict.bin`, the compact dictionary gwlint segments with,
//! from jieba's `dict.txt` (`word freq tag` per line). `make dict` runs it on
//! the dict.txt of the jieba-rs crate in Cargo's registry:
//!
//!     cargo run --release --example make_dict -- path/to/dict.txt data/jieba-dict.bin
//!
//! POS tags are dropped (no rule uses them); every word and frequency is kept,
//! so segmentation is exactly jieba's default.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [src, dst] = args.as_slice() else {
        eprintln!("usage: make_dict DICT_TXT OUT_BIN");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(src).expect("read dict.txt");
    let entries: Vec<(&str, usize)> = text
        .lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            Some((it.next()?, it.next()?.parse().ok()?))
        })
        .collect();
    let bin = gwlint::segment::encode_dictionary(&entries);
    std::fs::write(dst, &bin).expect("write output");
    eprintln!("{} words, {} bytes → {dst}", entries.len(), bin.len());
}
