fn main() {
    let s = gwlint::segment::Segmenter;
    for t in std::env::args().skip(1) {
        println!("{:?}", s.cut(&t).iter().map(|w| w.word).collect::<Vec<_>>());
    }
}
