//! The one table of rules. Each family module (`rules::<family>`) exports a
//! `RULES` slice of `&RuleMeta`; `all()` chains the families in a fixed order.
//! Rules are declared with [`declare_rule!`], which keeps the rule's doc comment
//! as its user-facing documentation (`gwlint explain`, the page's tooltips).

use crate::diagnostic::{Category, Severity};
use crate::model::{Document, Paragraph};
use crate::sink::Sink;

/// What a rule looks at. Paragraph rules see one paragraph at a time and must
/// depend on nothing else (their results are cached per paragraph, see
/// `crate::incremental`); document rules see the whole model; fact rules note
/// facts per paragraph (cached) and judge the document from them.
pub enum Check {
    Paragraph(fn(&Document, &Paragraph, &mut Sink<'_>)),
    Document(fn(&Document, &mut Sink<'_>)),
    Facts(crate::incremental::FactRule),
}

pub struct RuleMeta {
    /// Stable id, `category/name`.
    pub id: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    /// Short Chinese title shown in lists and tooltips.
    pub title: &'static str,
    /// The rule's doc comment (English for developers; first line is the summary).
    pub doc: &'static str,
    pub check: Check,
    /// For paragraph rules: what a paragraph must contain for the rule to find
    /// anything there (see [`Triggers`]); `None` runs the rule on every paragraph.
    /// For fact rules: what the facts that depend on the text need (see
    /// `incremental::Facts::triggered`).
    pub triggers: Option<fn(&mut Triggers)>,
}

impl std::fmt::Debug for RuleMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleMeta").field("id", &self.id).finish()
    }
}

/// Declares a rule: `declare_rule! { /// docs... pub static NAME = { id: .., category: .., severity: .., title: .., check: .. }; }`
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:expr])*
        pub static $name:ident = {
            id: $id:expr,
            category: $cat:ident,
            severity: $sev:ident,
            title: $title:expr,
            check: $kind:ident($f:expr)
            $(, triggers: $triggers:expr)? $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        pub static $name: $crate::registry::RuleMeta = $crate::registry::RuleMeta {
            id: $id,
            category: $crate::diagnostic::Category::$cat,
            default_severity: $crate::diagnostic::Severity::$sev,
            title: $title,
            doc: concat!($($doc, "\n"),*),
            check: $crate::registry::Check::$kind($f),
            triggers: $crate::declare_rule!(@opt $($triggers)?),
        };
    };
    (@opt) => { None };
    (@opt $t:expr) => { Some($t) };
}

/// Every rule, in a stable order (family by family).
pub fn all() -> impl Iterator<Item = &'static RuleMeta> {
    crate::rules::FAMILIES
        .iter()
        .flat_map(|family| family.iter().copied())
}

/// A condition on the characters of a paragraph's text (`Document::para_text`).
/// Character sets are inclusive ranges.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cond {
    /// A character of the set occurs.
    Any(Vec<(char, char)>),
    /// Two adjacent characters are both in the set (`，，`, `。.`).
    Pair(Vec<(char, char)>),
    /// A character of the set twice in a row.
    Doubled(Vec<(char, char)>),
    /// One of these strings occurs.
    Literals(Vec<String>),
    /// These strings (two characters or more each) occur twice: at two
    /// places, or two of them at one place (every occurrence counts, the
    /// overlapping ones too).
    TwoOf(Vec<String>),
    /// A chunk of two to four characters is repeated right after itself
    /// (`研究研究`).
    Repeated,
}

fn singles(chars: impl IntoIterator<Item = char>) -> Vec<(char, char)> {
    chars.into_iter().map(|c| (c, c)).collect()
}

/// [`Cond::Any`] of the characters of `chars`.
pub fn any(chars: &str) -> Cond {
    Cond::Any(singles(chars.chars()))
}

/// The characters of the Basic Multilingual Plane for which `pred` holds, as
/// ranges (for a condition on a class of characters; add ranges above U+FFFF
/// yourself).
pub fn bmp_ranges(pred: impl Fn(char) -> bool) -> Vec<(char, char)> {
    let mut out: Vec<(char, char)> = Vec::new();
    for c in ('\0'..='\u{ffff}').filter(|&c| pred(c)) {
        match out.last_mut() {
            Some((_, hi)) if *hi as u32 + 1 == c as u32 => *hi = c,
            _ => out.push((c, c)),
        }
    }
    out
}

/// [`Cond::Pair`] of the characters of `chars`.
pub fn pair(chars: &str) -> Cond {
    Cond::Pair(singles(chars.chars()))
}

/// What a paragraph rule's findings need, declared with the rule
/// (`triggers: fn(&mut Triggers)`): the rule runs on a paragraph only when
/// one of the alternatives holds, an alternative being a list of conditions
/// that must all hold. It must be *sound*: whenever the rule would report
/// something (or ask for segmentation), some alternative holds.
/// `tests/prefilter.rs` and every `assert_fires`/`assert_quiet` compare the
/// findings with the pre-filter against a run without it.
#[derive(Default, Debug)]
pub struct Triggers {
    alts: Vec<Vec<Cond>>,
}

impl Triggers {
    /// One alternative: all of `conds` hold.
    pub fn when(&mut self, conds: impl IntoIterator<Item = Cond>) -> &mut Self {
        self.alts.push(conds.into_iter().collect());
        self
    }

    /// One alternative: one of the characters of `chars` occurs.
    pub fn any(&mut self, chars: &str) -> &mut Self {
        self.when([any(chars)])
    }

    /// One alternative: one of `chars` occurs (a table's characters).
    pub fn any_of(&mut self, chars: impl IntoIterator<Item = char>) -> &mut Self {
        self.when([Cond::Any(singles(chars))])
    }

    /// One alternative: one of `literals` may occur (see [`Cond::Literals`]).
    pub fn literals<'s>(&mut self, literals: impl IntoIterator<Item = &'s str>) -> &mut Self {
        self.when([Cond::Literals(
            literals.into_iter().map(String::from).collect(),
        )])
    }

    /// One alternative: `literals` occur twice (see [`Cond::TwoOf`]).
    pub fn two_of<'s>(&mut self, literals: impl IntoIterator<Item = &'s str>) -> &mut Self {
        self.when([Cond::TwoOf(
            literals.into_iter().map(String::from).collect(),
        )])
    }

    /// One alternative: a character in one of the inclusive `ranges` occurs.
    pub fn ranges(&mut self, ranges: impl IntoIterator<Item = (char, char)>) -> &mut Self {
        self.when([Cond::Any(ranges.into_iter().collect())])
    }
}

/// What one paragraph contains, as bits of the [`Prefilter`]'s conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Present(u128);

impl Present {
    /// Everything (the pre-filter is off): every rule runs.
    pub const ALL: Present = Present(u128::MAX);

    /// Whether every condition of `other` holds here too (for tests).
    #[doc(hidden)]
    pub fn covers(self, other: Present) -> bool {
        other.0 & !self.0 == 0
    }
}

/// The trigger of one rule, as alternatives of required condition bits;
/// `None` runs it always.
#[derive(Clone, Debug, Default)]
pub struct Need(Option<Vec<u128>>);

impl Need {
    pub fn admits(&self, p: Present) -> bool {
        match &self.0 {
            None => true,
            // Some alternative has all its bits present.
            Some(alts) => alts.iter().any(|&a| a & !p.0 == 0),
        }
    }

    /// Which alternatives hold, one bit each in the order they were
    /// declared (all bits without triggers; alternatives after the 32nd
    /// share the last bit).
    pub fn alternatives(&self, p: Present) -> u32 {
        match &self.0 {
            None => u32::MAX,
            Some(alts) => alts
                .iter()
                .enumerate()
                .fold(0, |m, (k, &a)| m | u32::from(a & !p.0 == 0) << k.min(31)),
        }
    }
}

/// First two characters → (literal, condition bit).
type Bigrams = rustc_hash::FxHashMap<(char, char), Vec<(Box<str>, u128)>>;

/// The literals that start with two given characters (`a`, `b` as code
/// points): all their condition bits, and where their [`Tail`]s are
/// (`Prefilter::tails[from..to]`).
struct Bucket {
    a: u32,
    b: u32,
    all: u128,
    from: u32,
    to: u32,
}

/// The rest of a literal (its bytes after its first two characters): the
/// first eight in `head` (zero-padded; `mask` covers them), any others at
/// `Prefilter::tail_bytes[more..more + len - 8]`; its condition bit.
struct Tail {
    head: u64,
    mask: u64,
    more: u32,
    len: u32,
    bit: u128,
}

/// The condition bits a character class sets: on its own (`Any` conditions,
/// one-character literals) and next to another character of a `Pair`
/// condition (`pair`: the bits of the `Pair` conditions that contain it).
/// Such conditions have the low 64 bits (see `Prefilter::build`), so a
/// character costs two words, not four.
#[derive(Clone, Copy, Default)]
struct ClassBits {
    single: u64,
    pair: u64,
}

/// One table built from every rule's [`Triggers`]: a single pass over a
/// paragraph's characters tells which conditions hold, and so which rules can
/// find anything there at all.
///
/// The pass is built for the common case, a character that no condition
/// mentions: one table lookup (its class is 0), four comparisons with the
/// characters before it (a doubled character, a repeated chunk) and one probe
/// of a Bloom filter of the literals' first two characters. The class's bits
/// are or-ed in without a branch (class 0 sets none): about one character in
/// eight has a class (，。、 are in several), too many to predict. The tables
/// have fixed sizes indexed by bytes, so no lookup needs a bounds check.
/// `Doubled` conditions are left out of the classes (every Han character
/// would be in one) and looked up only when a character repeats the one
/// before it.
pub struct Prefilter {
    /// `c >> 8` (masked to the table, which changes nothing) → block (0: no
    /// condition mentions a character of this block); every block above
    /// U+FFFF is [`ASTRAL_BLOCK`].
    index: Box<[u8; 0x2000]>,
    /// Block → character class per low byte.
    blocks: Box<[[u8; 256]; 256]>,
    /// Class → condition bits of `Any` and `Pair` conditions and of
    /// one-character literals; class [`ASTRAL`] is every character above
    /// U+FFFF (the bits of every such condition that mentions one:
    /// over-approximating what occurs is sound); class 0 has none.
    classes: Box<[ClassBits; 256]>,
    /// Bits of `TwoOf` conditions (set by a literal's second occurrence).
    two_of_bits: u128,
    /// `Doubled` conditions: the ranges and the bit of each.
    doubled: Vec<(Vec<(char, char)>, u128)>,
    /// Bit of `Repeated` (0 if no rule asks).
    repeated_bit: u128,
    /// The literals of `Literals` conditions by their first two characters,
    /// sorted by the low bits of the hash of those (`bigram_hash`): the
    /// buckets of hash `h` are among `buckets[starts[s]..starts[s + 1]]`,
    /// `s = h % SLOTS`. A Bloom filter of the hashes (one bit per hash) so
    /// that most pairs of the text cost one probe. Small and flat (no
    /// pointer to follow from a bucket to its literals): a check that finds
    /// them out of cache (a call after other programs ran) pays little.
    buckets: Vec<Bucket>,
    starts: Box<[u16; SLOTS + 1]>,
    tails: Vec<Tail>,
    tail_bytes: Vec<u8>,
    bloom: Box<[u64; BLOOM_BITS / 64]>,
    /// Every condition, with its bit (for [`Prefilter::scan_reference`]).
    conds: Vec<(Cond, u128)>,
    /// The trigger of each rule, in [`all`]'s order.
    needs: Vec<Need>,
}

/// The class of characters above U+FFFF.
const ASTRAL: u8 = 255;
/// The block of characters above U+FFFF (all of class [`ASTRAL`]).
const ASTRAL_BLOCK: u8 = 1;

impl Prefilter {
    fn build() -> Prefilter {
        use std::collections::BTreeMap;
        let mut bits: BTreeMap<Cond, u128> = BTreeMap::new();
        let mut needs = Vec::new();
        for rule in all() {
            let Some(declare) = rule.triggers else {
                needs.push(Need::default());
                continue;
            };
            let mut t = Triggers::default();
            declare(&mut t);
            assert!(!t.alts.is_empty(), "{}: triggers declare nothing", rule.id);
            let mut alts = Vec::new();
            for alt in t.alts {
                let mut mask = 0u128;
                for mut cond in alt {
                    if let Cond::Any(ranges) | Cond::Pair(ranges) | Cond::Doubled(ranges) =
                        &mut cond
                    {
                        ranges.sort_unstable();
                        ranges.dedup();
                    }
                    if let Cond::TwoOf(list) = &mut cond {
                        // Each occurrence of a string counts once.
                        list.sort_unstable();
                        list.dedup();
                    }
                    let n = bits.len();
                    assert!(
                        n < 128 || bits.contains_key(&cond),
                        "over 128 trigger conditions"
                    );
                    mask |= *bits.entry(cond).or_insert(1 << n);
                }
                alts.push(mask);
            }
            needs.push(Need(Some(alts)));
        }
        // The conditions a character class can set get the low 64 bits (the
        // scan's per-character step then works on one word; see
        // `ClassBits`), the others the bits above.
        let by_class = |cond: &Cond| match cond {
            Cond::Any(_) | Cond::Pair(_) => true,
            Cond::Literals(list) => list.iter().any(|l| l.chars().nth(1).is_none()),
            _ => false,
        };
        let mut to = [0u32; 128];
        let mut next = 0;
        for class_first in [true, false] {
            for (cond, bit) in &bits {
                if by_class(cond) == class_first {
                    to[bit.trailing_zeros() as usize] = next;
                    next += 1;
                }
            }
            assert!(
                !class_first || next <= 64,
                "over 64 character-class conditions"
            );
        }
        let moved = |mask: u128| {
            (0..128)
                .filter(|&k| mask >> k & 1 != 0)
                .fold(0u128, |m, k| m | 1 << to[k])
        };
        for bit in bits.values_mut() {
            *bit = moved(*bit);
        }
        for Need(alts) in &mut needs {
            for alt in alts.iter_mut().flatten() {
                *alt = moved(*alt);
            }
        }
        // Condition bits per character of the Basic Multilingual Plane.
        let mut per_char = vec![0u128; 0x10000];
        let (mut pair_bits, mut repeated_bit, mut astral) = (0, 0, 0);
        let mut two_of_bits = 0;
        let mut doubled = Vec::new();
        let mut bigrams = Bigrams::default();
        for (cond, &bit) in &bits {
            match cond {
                Cond::Doubled(ranges) => doubled.push((merged(ranges), bit)),
                Cond::Any(ranges) | Cond::Pair(ranges) => {
                    if let Cond::Pair(_) = cond {
                        pair_bits |= bit;
                    }
                    for &(lo, hi) in ranges {
                        if hi > '\u{ffff}' {
                            astral |= bit;
                        }
                        for c in lo..=hi.min('\u{ffff}') {
                            per_char[c as usize] |= bit;
                        }
                    }
                }
                Cond::Repeated => repeated_bit = bit,
                Cond::TwoOf(list) => {
                    two_of_bits |= bit;
                    for l in list {
                        let mut cs = l.chars();
                        let (Some(a), Some(b)) = (cs.next(), cs.next()) else {
                            panic!("TwoOf {l:?}: a literal of one character");
                        };
                        (bigrams.entry((a, b)).or_default()).push((l.as_str().into(), bit));
                    }
                }
                Cond::Literals(list) => {
                    for l in list {
                        let mut cs = l.chars();
                        match (cs.next(), cs.next()) {
                            (Some(a), Some(b)) => bigrams
                                .entry((a, b))
                                .or_default()
                                .push((l.as_str().into(), bit)),
                            (Some(a), None) if a > '\u{ffff}' => astral |= bit,
                            (Some(a), None) => per_char[a as usize] |= bit,
                            _ => panic!("an empty literal"),
                        }
                    }
                }
            }
        }
        let mut bloom = Box::new([0u64; BLOOM_BITS / 64]);
        let mut by_hash: Vec<_> = bigrams.into_iter().collect();
        by_hash.sort_by_key(|&((a, b), _)| (bigram_hash(a as u32, b as u32) % SLOTS, a, b));
        let mut starts = Box::new([0u16; SLOTS + 1]);
        let (mut buckets, mut tails, mut tail_bytes) = (Vec::new(), Vec::new(), Vec::new());
        for ((a, b), literals) in by_hash {
            let h = bigram_hash(a as u32, b as u32);
            bloom[h / 64] |= 1 << (h % 64);
            starts[h % SLOTS + 1] += 1;
            let skip = a.len_utf8() + b.len_utf8();
            let from = tails.len() as u32;
            for (l, bit) in &literals {
                let rest = &l.as_bytes()[skip..];
                let mut head = [0u8; 8];
                let n = rest.len().min(8);
                head[..n].copy_from_slice(&rest[..n]);
                tails.push(Tail {
                    head: u64::from_le_bytes(head),
                    mask: u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0),
                    more: tail_bytes.len() as u32,
                    len: rest.len() as u32,
                    bit: *bit,
                });
                tail_bytes.extend_from_slice(&rest[n..]);
            }
            buckets.push(Bucket {
                a: a as u32,
                b: b as u32,
                all: literals.iter().fold(0, |m, (_, bit)| m | bit),
                from,
                to: tails.len() as u32,
            });
        }
        assert!(
            buckets.len() < usize::from(u16::MAX),
            "too many literal buckets"
        );
        for s in 0..SLOTS {
            starts[s + 1] += starts[s];
        }
        let mut classes = Box::new([0u128; 256]);
        let mut n_classes = 1;
        classes[ASTRAL as usize] = astral;
        let mut index = Box::new([ASTRAL_BLOCK; 0x2000]);
        index[..256].fill(0);
        let mut blocks = vec![[0u8; 256], [ASTRAL; 256]];
        let mut class_of = rustc_hash::FxHashMap::default();
        class_of.insert(0u128, 0u8);
        for (hi, chunk) in per_char.chunks(256).enumerate() {
            if chunk.iter().all(|&m| m == 0) {
                continue;
            }
            let mut block = [0u8; 256];
            for (lo, &mask) in chunk.iter().enumerate() {
                block[lo] = *class_of.entry(mask).or_insert_with(|| {
                    assert!(
                        n_classes < ASTRAL as usize,
                        "over 254 trigger character classes"
                    );
                    classes[n_classes] = mask;
                    n_classes += 1;
                    (n_classes - 1) as u8
                });
            }
            blocks.push(block);
            index[hi] =
                u8::try_from(blocks.len() - 1).expect("over 256 blocks of trigger characters");
        }
        blocks.resize(256, [0; 256]);
        let classes = Box::new(classes.map(|m| ClassBits {
            single: u64::try_from(m & !pair_bits).expect("a class condition's bit"),
            pair: u64::try_from(m & pair_bits).expect("a class condition's bit"),
        }));
        Prefilter {
            index,
            blocks: blocks.into_boxed_slice().try_into().unwrap(),
            classes,
            two_of_bits,
            doubled,
            repeated_bit,
            buckets,
            starts,
            tails,
            tail_bytes,
            bloom,
            conds: bits
                .into_iter()
                .map(|(mut cond, bit)| {
                    if let Cond::Any(r) | Cond::Pair(r) | Cond::Doubled(r) = &mut cond {
                        *r = merged(r);
                    }
                    (cond, bit)
                })
                .collect(),
            needs,
        }
    }

    /// Which conditions hold in `text` (one pass over its characters).
    pub fn scan(&self, text: &str) -> Present {
        let mut present = 0u128;
        // The bits of character classes (the low 64), or-ed into `present`
        // at the end.
        let mut by_class = 0u64;
        // `TwoOf` conditions with one occurrence so far.
        let mut once = 0u128;
        // `Pair` bits of the previous character's class.
        let mut prev_pair = 0u64;
        // The last four characters (the latest first), as code points; a
        // value no character has before the start.
        const NONE: u32 = u32::MAX;
        let [mut h0, mut h1, mut h2, mut h3] = [NONE; 4];
        let mut chars = text.chars();
        while let Some(ch) = chars.next() {
            let c = ch as u32;
            let block = self.index[(c >> 8) as usize & 0x1fff];
            let class = self.classes[self.blocks[block as usize][(c & 0xff) as usize] as usize];
            by_class |= class.single | (class.pair & prev_pair);
            prev_pair = class.pair;
            if c == h0 || c == h1 || c == h2 || c == h3 {
                let end = text.len() - chars.as_str().len();
                self.repeats_at(&text[..end], &mut present);
            }
            let hash = bigram_hash(h0, c);
            if self.bloom[hash / 64] & (1 << (hash % 64)) != 0 {
                let end = text.len() - chars.as_str().len();
                self.literals_at(text.as_bytes(), end, hash, h0, c, &mut present, &mut once);
            }
            [h3, h2, h1, h0] = [h2, h1, h0, c];
        }
        Present(present | u128::from(by_class))
    }

    /// Sets the bits of `Doubled` and `Repeated` conditions that hold at the
    /// last character of `head` (the text up to and including it).
    #[cold]
    fn repeats_at(&self, head: &str, present: &mut u128) {
        // h[0]: that character, h[k]: the one k places before.
        const NONE: u32 = u32::MAX;
        let mut h = [NONE; 8];
        for (slot, c) in h.iter_mut().zip(head.chars().rev()) {
            *slot = c as u32;
        }
        let c = h[0];
        if c == h[1] {
            *present |= self.doubled_bits(c);
        }
        if (c == h[2] && h[1] == h[3])
            || (c == h[3] && h[1] == h[4] && h[2] == h[5])
            || (c == h[4] && h[1] == h[5] && h[2] == h[6] && h[3] == h[7])
        {
            *present |= self.repeated_bit;
        }
    }

    /// Bits of the `Doubled` conditions that contain `c`.
    #[cold]
    fn doubled_bits(&self, c: u32) -> u128 {
        let Some(c) = char::from_u32(c) else {
            return 0;
        };
        let mut out = 0;
        for (ranges, bit) in &self.doubled {
            let k = ranges.partition_point(|&(_, hi)| hi < c);
            if ranges.get(k).is_some_and(|&(lo, _)| lo <= c) {
                out |= bit;
            }
        }
        out
    }

    /// Sets the bits of the literals that start with `a`, `b` (code points
    /// of hash `hash`) ending at byte `end` of `text`; a `TwoOf` bit goes to
    /// `once` first.
    #[cold]
    #[allow(clippy::too_many_arguments)]
    fn literals_at(
        &self,
        text: &[u8],
        end: usize,
        hash: usize,
        a: u32,
        b: u32,
        present: &mut u128,
        once: &mut u128,
    ) {
        let slot = hash % SLOTS;
        let range = usize::from(self.starts[slot])..usize::from(self.starts[slot + 1]);
        let Some(bucket) = self.buckets[range]
            .iter()
            .find(|bucket| bucket.a == a && bucket.b == b)
        else {
            return;
        };
        if *present & bucket.all == bucket.all {
            return;
        }
        let rest = &text[end..];
        // The text's next eight bytes (zero-padded).
        let next = match rest.first_chunk::<8>() {
            Some(eight) => u64::from_le_bytes(*eight),
            None => {
                let mut next = [0u8; 8];
                next[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(next)
            }
        };
        for t in &self.tails[bucket.from as usize..bucket.to as usize] {
            let bit = t.bit;
            let len = t.len as usize;
            if *present & bit == 0
                && next & t.mask == t.head
                && len <= rest.len()
                && (len <= 8
                    || rest[8..len] == self.tail_bytes[t.more as usize..t.more as usize + len - 8])
            {
                if bit & self.two_of_bits & !*once != 0 {
                    *once |= bit;
                } else {
                    *present |= bit;
                }
            }
        }
    }

    /// [`Prefilter::scan`] written the obvious way, each condition tested on
    /// its own (for tests: the fast pass must set every bit this one does).
    #[doc(hidden)]
    pub fn scan_reference(&self, text: &str) -> Present {
        let chars: Vec<char> = text.chars().collect();
        let seen: std::collections::HashSet<char> = chars.iter().copied().collect();
        // The ranges are sorted and disjoint (see `merged`).
        let has = |ranges: &[(char, char)], c: char| {
            let k = ranges.partition_point(|&(_, hi)| hi < c);
            ranges.get(k).is_some_and(|&(lo, _)| lo <= c)
        };
        let mut present = 0;
        for (cond, bit) in &self.conds {
            let holds = match cond {
                Cond::Any(r) => chars.iter().any(|&c| has(r, c)),
                Cond::Pair(r) => chars.windows(2).any(|w| has(r, w[0]) && has(r, w[1])),
                Cond::Doubled(r) => chars.windows(2).any(|w| w[0] == w[1] && has(r, w[0])),
                Cond::Literals(list) => list.iter().any(|l| {
                    l.chars().next().is_some_and(|first| seen.contains(&first))
                        && text.contains(l.as_str())
                }),
                Cond::TwoOf(list) => {
                    let places = |l: &String| {
                        (text.char_indices())
                            .filter(|&(i, _)| text[i..].starts_with(l.as_str()))
                            .count()
                    };
                    list.iter().map(places).sum::<usize>() >= 2
                }
                Cond::Repeated => (0..chars.len()).any(|i| {
                    (2..=4).any(|k| {
                        i + 2 * k <= chars.len() && chars[i..i + k] == chars[i + k..i + 2 * k]
                    })
                }),
            };
            if holds {
                present |= bit;
            }
        }
        Present(present)
    }

    /// The trigger of the `k`-th rule of [`all`].
    pub fn need_at(&self, k: usize) -> &Need {
        &self.needs[k]
    }

    /// The trigger of the rule `id` (always, if it declares none).
    pub fn need(&self, id: &str) -> Need {
        all()
            .position(|r| r.id == id)
            .map_or_else(Need::default, |k| self.needs[k].clone())
    }
}

const BLOOM_BITS: usize = 1 << 16;
/// Slots of the literals' bucket index (`Prefilter::starts`).
const SLOTS: usize = 1 << 10;

/// Sorted ranges made disjoint (overlapping or adjacent ones joined).
fn merged(ranges: &[(char, char)]) -> Vec<(char, char)> {
    let mut out: Vec<(char, char)> = Vec::new();
    for &(lo, hi) in ranges {
        match out.last_mut() {
            Some((_, last)) if (lo as u32) <= *last as u32 + 1 => *last = (*last).max(hi),
            _ => out.push((lo, hi)),
        }
    }
    out
}

#[inline]
fn bigram_hash(a: u32, b: u32) -> usize {
    let h = a.wrapping_mul(0x9e37_79b1) ^ b;
    (h.wrapping_mul(0x85eb_ca6b) >> 16) as usize
}

/// The pre-filter of all rules, built on first use.
pub fn prefilter() -> &'static Prefilter {
    static P: std::sync::LazyLock<Prefilter> = std::sync::LazyLock::new(Prefilter::build);
    &P
}

thread_local! {
    static PREFILTER_ON: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Turns the pre-filter off (or on again) for checks on this thread: tests
/// compare the findings both ways. Not for production use.
#[doc(hidden)]
pub fn set_prefilter(on: bool) {
    PREFILTER_ON.with(|c| c.set(on));
}

/// What `text` (a paragraph) contains, for [`Need::admits`]: everything when
/// the pre-filter is off.
pub fn scan_paragraph(text: &str) -> Present {
    if PREFILTER_ON.with(|c| c.get()) {
        prefilter().scan(text)
    } else {
        Present::ALL
    }
}

pub fn find(id: &str) -> Option<&'static RuleMeta> {
    all().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn prefilter_scan_sees_sets_pairs_doubles_and_astral_characters() {
        let p = prefilter();
        let need = |id: &str| p.need(id);
        let admits = |id: &str, text: &str| need(id).admits(p.scan(text));
        // Any: 某 (placeholder/mouxx).
        assert!(admits("placeholder/mouxx", "请某单位报送"));
        assert!(!admits("placeholder/mouxx", "请各单位报送"));
        // Pair: two adjacent marks (punctuation/repeated-mark), not two apart.
        assert!(admits("punctuation/repeated-mark", "好，，好"));
        assert!(admits("punctuation/repeated-mark", "好。，好"));
        assert!(!admits("punctuation/repeated-mark", "好，好。"));
        // Doubled (consistency/doubled-char: Han characters, not numerals).
        assert!(admits("consistency/doubled-char", "我们的的工作"));
        assert!(admits("consistency/doubled-char", "文\u{20001}\u{20001}字"));
        assert!(!admits("consistency/doubled-char", "我们的工作"));
        assert!(!admits(
            "consistency/doubled-char",
            "2000年，一百万万，。。"
        ));
        // All conditions of one alternative (number/year-zero: 零/0, 一/二, 年).
        assert!(admits("number/year-zero", "二零二四年"));
        assert!(!admits("number/year-zero", "二〇二四年"));
        assert!(!admits("number/year-zero", "零二四"));
        // A private-use character above U+FFFF (punctuation/invisible-char).
        assert!(admits("punctuation/invisible-char", "文\u{F0001}字"));
        assert!(admits("punctuation/invisible-char", "文\u{E001}字"));
        assert!(!admits("punctuation/invisible-char", "文字"));
        // Repeated: a chunk of two to four characters (consistency/doubled-word).
        assert!(admits("consistency/doubled-word", "加强加强监督"));
        assert!(admits("consistency/doubled-word", "社会主义社会主义"));
        assert!(!admits("consistency/doubled-word", "加强监督管理"));
        assert!(!admits("consistency/doubled-word", "加强监督加强"));
        // Literals: the whole string, not just its first two characters.
        assert!(admits("typo/lexicon", "要安排布署工作"));
        assert!(!admits("typo/lexicon", "要安排部署工作"));
        // TwoOf: two occurrences of the elements (formulation/slogan-expansion):
        // two elements, the same one twice, two that overlap.
        assert!(!admits("formulation/slogan-expansion", "增强政治意识"));
        assert!(admits("formulation/slogan-expansion", "政治意识、大局意识"));
        assert!(admits("formulation/slogan-expansion", "政治意识和政治意识"));
        assert!(admits(
            "formulation/slogan-expansion",
            "全面建成小康社会建设"
        ));
        assert!(!admits("formulation/slogan-expansion", "政治意识形态"));
        // A rule without triggers runs everywhere.
        assert!(admits("structure/date-format", ""));
        // Off: everything runs.
        assert!(need("placeholder/mouxx").admits(Present::ALL));
    }

    #[test]
    fn ids_are_unique_and_match_their_category() {
        let mut seen = HashSet::new();
        for r in all() {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            let (cat, name) = r.id.split_once('/').expect("id is category/name");
            assert_eq!(cat, r.category.as_str(), "{}", r.id);
            assert!(
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                r.id
            );
            assert!(!r.title.is_empty(), "{} has no title", r.id);
            assert!(r.doc.trim().len() > 20, "{} has no doc comment", r.id);
        }
        assert!(seen.len() >= 3);
    }
}
