//! Property tests: for any text, every finding's span lies inside the text on
//! char boundaries, its fixes too, and the UTF-16 offsets given to JS select
//! exactly the text the char offsets select — with CRLF line ends, astral
//! characters, combining marks, zero-width characters and empty lines.

use gwlint::offsets::{to_findings, Unit};
use gwlint::{check, Config};
use proptest::prelude::*;

/// Pieces that make rules fire and offsets hard: slots, doubled characters,
/// headings, astral and combining characters, zero-width characters, CRLF.
const PIECES: &[&str] = &[
    "X",
    "XX",
    "×",
    "县县",
    "的的",
    "层层",
    "一、",
    "三、",
    "（一）",
    "（三）",
    "1.",
    "3．",
    "（2）",
    "\n",
    "\r\n",
    "\n\n",
    "𠀀",
    "😀",
    "👍🏽",
    "e\u{301}",
    "\u{200b}",
    "\u{feff}",
    "\u{3000}",
    " ",
    "。",
    "，",
    ",",
    "“",
    "”",
    "《",
    "》",
    "（",
    "）",
    "工作",
    "加强",
    "2024年",
    "3月5日",
    "百分之",
    "%",
    "附件：",
    "第一条",
    "a",
    "Windows XP",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(str::to_string),
            any::<char>().prop_map(|c| c.to_string())
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

fn utf16_slice(units: &[u16], start: usize, end: usize) -> String {
    String::from_utf16(&units[start..end]).expect("UTF-16 span splits a surrogate pair")
}

fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Checks the properties for one text; returns how many findings it had.
fn assert_sound(text: &str) -> Result<usize, TestCaseError> {
    let text = text.to_string();
    let diags = check(&text, &Config::default());
    for d in &diags {
        prop_assert!(
            d.start <= d.end && d.end <= text.len(),
            "{} {}..{}",
            d.rule.id,
            d.start,
            d.end
        );
        prop_assert!(
            text.is_char_boundary(d.start) && text.is_char_boundary(d.end),
            "{}",
            d.rule.id
        );
        for f in &d.fixes {
            prop_assert!(f.start <= f.end && f.end <= text.len());
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
    }
    let chars = to_findings(&text, &diags, Unit::Chars, false);
    let utf16 = to_findings(&text, &diags, Unit::Utf16, false);
    let units: Vec<u16> = text.encode_utf16().collect();
    prop_assert_eq!(chars.len(), diags.len());
    for ((d, c), u) in diags.iter().zip(&chars).zip(&utf16) {
        let want = &text[d.start..d.end];
        prop_assert_eq!(char_slice(&text, c.start, c.end), want);
        prop_assert_eq!(utf16_slice(&units, u.start, u.end), want);
        prop_assert_eq!(c.line, u.line);
        // Line is 1 + the number of \n before the start.
        prop_assert_eq!(c.line, text[..d.start].matches('\n').count() + 1);
        for ((f, cf), uf) in d.fixes.iter().zip(&c.fixes).zip(&u.fixes) {
            prop_assert_eq!(char_slice(&text, cf.start, cf.end), &text[f.start..f.end]);
            prop_assert_eq!(utf16_slice(&units, uf.start, uf.end), &text[f.start..f.end]);
        }
    }
    Ok(diags.len())
}

#[test]
fn fixed_texts_with_findings_are_sound() {
    // Make sure the property is exercised on texts that do produce findings.
    for t in [
        "𠀀😀\r\n《县县本级办法》\r\n调研X次。",
        "e\u{301}\u{200b}一、甲\r\n\r\n三、丙\n工作作。",
        "👍🏽（一）子\n（三）寅X\n",
    ] {
        assert!(assert_sound(t).unwrap() >= 2, "{t:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_sound_and_units_agree(text in text_strategy()) {
        assert_sound(&text)?;
    }

    #[test]
    fn arbitrary_config_json_never_panics(json in "\\PC{0,80}", text in text_strategy()) {
        let (config, _errors) = Config::from_json_lenient(&json);
        let _ = check(&text, &config);
    }
}
