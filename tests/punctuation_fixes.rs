//! The punctuation family's safe fixes, over the whole clean corpus: errors
//! are injected into every published document by this test (one per
//! paragraph, of about twenty kinds), all safe fixes are applied, and the text
//! must come back exactly as expected, with no punctuation finding left that a
//! safe fix could have removed.

mod common;

use gwlint::config::Level;
use gwlint::{check, Applicability, Category, Config, Diagnostic};
use std::collections::BTreeMap;

/// Only the punctuation family runs (the others are off: faster, and their
/// findings are not this test's business).
fn config() -> Config {
    let mut rules = BTreeMap::new();
    for c in Category::ALL {
        if c != Category::Punctuation {
            rules.insert(c.as_str().to_string(), Level::Off);
        }
    }
    Config {
        rules,
        ..Config::default()
    }
}

fn safe_fixable(d: &Diagnostic) -> bool {
    d.fixes
        .iter()
        .any(|f| f.applicability == Applicability::Safe)
}

/// Applies every safe fix (skipping ones that overlap an earlier fix), and
/// again on the result, until none is left.
fn apply_safe_fixes(text: &str, config: &Config) -> String {
    let mut s = text.to_string();
    for _ in 0..8 {
        let mut edits: Vec<_> = check(&s, config)
            .into_iter()
            .filter_map(|d| {
                d.fixes
                    .into_iter()
                    .find(|f| f.applicability == Applicability::Safe)
            })
            .collect();
        if edits.is_empty() {
            return s;
        }
        edits.sort_by_key(|f| (f.start, f.end));
        let mut out = String::with_capacity(s.len());
        let mut pos = 0;
        for f in edits {
            if f.start < pos {
                continue;
            }
            out.push_str(&s[pos..f.start]);
            out.push_str(&f.replacement);
            pos = f.end;
        }
        out.push_str(&s[pos..]);
        s = out;
    }
    panic!("safe fixes did not converge");
}

fn is_han(c: char) -> bool {
    gwlint::rules::is_han(c)
}

/// Byte offset of the first char matching `pred(prev, c, next)`.
fn find(line: &str, pred: impl Fn(Option<char>, char, Option<char>) -> bool) -> Option<usize> {
    find_from(line, 0, pred)
}

/// Like `find`, from byte offset `min` on.
fn find_from(
    line: &str,
    min: usize,
    pred: impl Fn(Option<char>, char, Option<char>) -> bool,
) -> Option<usize> {
    let v: Vec<(usize, char)> = line.char_indices().collect();
    (0..v.len()).find_map(|i| {
        let prev = i.checked_sub(1).map(|j| v[j].1);
        let next = v.get(i + 1).map(|x| x.1);
        (v[i].0 >= min && pred(prev, v[i].1, next)).then_some(v[i].0)
    })
}

fn replace_at(line: &str, at: usize, old: char, new: &str) -> String {
    format!("{}{}{}", &line[..at], new, &line[at + old.len_utf8()..])
}

/// The first “…” pair (with nothing nested) after the start of the line.
fn quote_pair(line: &str, open: char, close: char) -> Option<(usize, usize)> {
    let o = line.find(open).filter(|&o| o > 0)?;
    let c = o + line[o..].find(close)?;
    let inner = &line[o + open.len_utf8()..c];
    (!inner.is_empty()
        && !inner.contains([
            '“', '”', '‘', '’', '（', '）', '(', ')', '〈', '〉', '《', '》',
        ]))
    .then_some((o, c))
}

/// One kind of injected error: the damaged line and the line the safe fixes
/// must produce (usually the original).
type Injection = fn(&str) -> Option<(String, String)>;

const KINDS: &[(&str, Injection)] = &[
    ("， → ,", |l| {
        let at = find(l, |p, c, n| {
            c == '，' && p.is_some_and(is_han) && n.is_some_and(is_han)
        })?;
        Some((replace_at(l, at, '，', ","), l.into()))
    }),
    ("； → ;", |l| {
        let at = find(l, |p, c, n| {
            c == '；' && p.is_some_and(is_han) && n.is_some_and(is_han)
        })?;
        Some((replace_at(l, at, '；', ";"), l.into()))
    }),
    ("： → :", |l| {
        let at = find(l, |p, c, _| c == '：' && p.is_some_and(is_han))?;
        Some((replace_at(l, at, '：', ":"), l.into()))
    }),
    ("final 。 → .", |l| {
        let body = l.strip_suffix('。')?;
        body.chars().next_back().filter(|&c| is_han(c))?;
        Some((format!("{body}."), l.into()))
    }),
    ("。 → 。。", |l| {
        let body = l.strip_suffix('。')?;
        Some((format!("{body}。。"), l.into()))
    }),
    ("， → ，，", |l| {
        let at = l.find('，')?;
        Some((replace_at(l, at, '，', "，，"), l.into()))
    }),
    ("、 → 、、", |l| {
        let at = find(l, |p, c, n| {
            c == '、' && p.is_some_and(is_han) && n.is_some_and(is_han)
        })?;
        Some((replace_at(l, at, '、', "、、"), l.into()))
    }),
    ("2024年 → ２０２４年", |l| {
        let b = l.as_bytes();
        let at = (0..b.len().saturating_sub(4)).find(|&i| {
            b[i..i + 4].iter().all(u8::is_ascii_digit)
                && l[i + 4..].starts_with('年')
                && (i == 0 || !b[i - 1].is_ascii_digit())
        })?;
        let fw: String = l[at..at + 4]
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
            .collect();
        Some((format!("{}{}{}", &l[..at], fw, &l[at + 4..]), l.into()))
    }),
    // (Not inside a leading label such as 第三条, whose space must stay.)
    ("zero-width space", |l| {
        let at = find_from(l, 30, |p, c, _| is_han(c) && p.is_some_and(is_han))?;
        Some((format!("{}\u{200b}{}", &l[..at], &l[at..]), l.into()))
    }),
    ("no-break space", |l| {
        let at = find_from(l, 30, |p, c, _| is_han(c) && p.is_some_and(is_han))?;
        Some((format!("{}\u{a0}{}", &l[..at], &l[at..]), l.into()))
    }),
    ("“” → 「」", |l| {
        let (o, c) = quote_pair(l, '“', '”')?;
        let s = format!("{}「{}」{}", &l[..o], &l[o + 3..c], &l[c + 3..]);
        Some((s, l.into()))
    }),
    ("“” → \"\"", |l| {
        if l.contains('"') {
            return None;
        }
        let (o, c) = quote_pair(l, '“', '”')?;
        let s = format!("{}\"{}\"{}", &l[..o], &l[o + 3..c], &l[c + 3..]);
        Some((s, l.into()))
    }),
    ("（） → ()", |l| {
        let (o, c) = quote_pair(l, '（', '）')?;
        let inner = &l[o + 3..c];
        if !inner.chars().any(is_han) || inner.contains(['(', ')']) {
            return None;
        }
        Some((format!("{}({}){}", &l[..o], inner, &l[c + 3..]), l.into()))
    }),
    ("（） → （)", |l| {
        let (_, c) = quote_pair(l, '（', '）')?;
        Some((replace_at(l, c, '）', ")"), l.into()))
    }),
    ("—— → --", |l| {
        let at = l.find("——")?;
        if l[at + 6..].starts_with('—') {
            return None;
        }
        Some((format!("{}--{}", &l[..at], &l[at + 6..]), l.into()))
    }),
    ("· → •", |l| {
        let at = find(l, |p, c, n| {
            c == '·'
                && p.is_some_and(|c| !c.is_whitespace())
                && n.is_some_and(|c| !c.is_whitespace())
        })?;
        Some((replace_at(l, at, '·', "•"), l.into()))
    }),
    ("final 。 → 。。。", |l| {
        let body = l.strip_suffix('。')?;
        Some((format!("{body}。。。"), format!("{body}……")))
    }),
    ("space after ，", |l| {
        let at = find(l, |_, c, n| c == '，' && n.is_some_and(is_han))?;
        let cut = at + '，'.len_utf8();
        Some((format!("{} {}", &l[..cut], &l[cut..]), l.into()))
    }),
    ("2018—2022年 → 2018-2022年", |l| {
        let b = l.as_bytes();
        let years = |at: usize| {
            let cut = at + 3;
            at >= 4
                && b[at - 4..at].iter().all(u8::is_ascii_digit)
                && (at == 4 || !b[at - 5].is_ascii_digit() && b[at - 5] != b'.')
                && b.len() >= cut + 4
                && b[cut..cut + 4].iter().all(u8::is_ascii_digit)
                && l[cut + 4..].starts_with('年')
        };
        let at = l.match_indices('—').map(|(i, _)| i).find(|&i| years(i))?;
        Some((format!("{}-{}", &l[..at], &l[at + 3..]), l.into()))
    }),
    ("〈〉 → 《》", |l| {
        let o = l.find('〈')?;
        let c = o + l[o..].find('〉')?;
        if !l[..o].contains('《') {
            return None;
        }
        let s = format!("{}《{}》{}", &l[..o], &l[o + 3..c], &l[c + 3..]);
        Some((s, l.into()))
    }),
];

#[test]
fn safe_fixes_undo_injected_errors_on_the_clean_corpus() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let config = config();
    let files = common::clean_files(&shared);
    assert_eq!(files.len(), 86);
    let mut injected = vec![0usize; KINDS.len()];
    let mut genuine = 0;
    for (fi, f) in files.iter().enumerate() {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let original = std::fs::read_to_string(f).unwrap();
        // The untouched text: what safe fixes find there are the corpus's own
        // errors (listed in tests/corpus.rs); after fixing them nothing is left.
        genuine += check(&original, &config)
            .iter()
            .filter(|d| safe_fixable(d))
            .count();
        let clean = apply_safe_fixes(&original, &config);
        let left: Vec<_> = check(&clean, &config)
            .into_iter()
            .filter(safe_fixable)
            .map(|d| format!("{} {:?}", d.rule.id, &clean[d.start..d.end]))
            .collect();
        assert!(left.is_empty(), "{name}: safe fixes left {left:?}");

        // Inject one error per paragraph, rotating through the kinds.
        let mut damaged = String::new();
        let mut expected = String::new();
        for (li, line) in clean.split_inclusive('\n').enumerate() {
            let (body, nl) = match line.strip_suffix('\n') {
                Some(b) => (b, "\n"),
                None => (line, ""),
            };
            // Of the kinds that apply here, the one injected least so far.
            let first = (li * 7 + fi) % KINDS.len();
            let hit = (0..KINDS.len())
                .map(|k| (first + k) % KINDS.len())
                .filter_map(|k| KINDS[k].1(body).map(|r| (k, r)))
                .min_by_key(|&(k, _)| injected[k]);
            let (d, e) = match hit {
                Some((k, (d, e))) => {
                    injected[k] += 1;
                    (d, e)
                }
                None => (body.to_string(), body.to_string()),
            };
            damaged.push_str(&d);
            damaged.push_str(nl);
            expected.push_str(&e);
            expected.push_str(nl);
        }
        let fixed = apply_safe_fixes(&damaged, &config);
        if fixed != expected {
            let (a, b): (Vec<_>, Vec<_>) = (fixed.lines().collect(), expected.lines().collect());
            let at = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(0);
            let (x, y) = (a[at], b[at]);
            let from = x
                .char_indices()
                .zip(y.chars())
                .find(|((_, c), d)| c != d)
                .map_or(0, |((i, _), _)| i);
            let near = |s: &str| {
                let lo = s.floor_char_boundary(from.saturating_sub(30));
                let hi = s.ceil_char_boundary((from + 30).min(s.len()));
                s[lo..hi].to_string()
            };
            let d = damaged.lines().nth(at).unwrap_or("");
            panic!(
                "{name} line {}: injected …{}… fixed to …{}… expected …{}…",
                at + 1,
                near(d),
                near(x),
                near(y)
            );
        }
        let left: Vec<_> = check(&fixed, &config)
            .into_iter()
            .filter(safe_fixable)
            .map(|d| d.rule.id)
            .collect();
        assert!(
            left.is_empty(),
            "{name}: findings left after fixing: {left:?}"
        );
    }
    for (k, n) in injected.iter().enumerate() {
        assert!(*n >= 3, "kind {:?} injected only {n} times", KINDS[k].0);
    }
    let per_kind: Vec<_> = KINDS
        .iter()
        .zip(&injected)
        .map(|((k, _), n)| format!("{k}: {n}"))
        .collect();
    eprintln!(
        "injected {} errors ({}); the untouched corpus had {genuine} safe-fixable findings",
        injected.iter().sum::<usize>(),
        per_kind.join(", ")
    );
}
