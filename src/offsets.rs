//! The boundary between the checker's byte offsets and what front ends count:
//! Unicode scalar values (CLI JSON) or UTF-16 code units (JS editors).
//! All offsets of one check are converted in a single pass over the text.

use crate::diagnostic::Diagnostic;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Chars,
    Utf16,
}

/// A finding as front ends receive it. `start`, `end` and `column` are in the
/// requested unit; `line` and `column` are 1-based; `end` is exclusive.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub category: &'static str,
    pub severity: &'static str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub fixes: Vec<FixOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'static str>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct FixOut {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    pub applicability: &'static str,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

/// Byte offset → position, built for a known set of byte offsets in one pass.
pub struct OffsetMap {
    bytes: Vec<usize>,
    positions: Vec<Position>,
}

/// Counts, in `seg`, the units of `unit` that start in it (chars: bytes that
/// are not continuation bytes; UTF-16: those, plus one more per 4-byte
/// sequence) and the line breaks, eight bytes at a time.
fn count(seg: &[u8], unit: Unit) -> (usize, usize) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const NL: u64 = 0x0a0a_0a0a_0a0a_0a0a;
    let (mut units, mut breaks) = (0usize, 0usize);
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let seg = {
        // Sixteen bytes at a time, one mask per class (wasm SIMD).
        use core::arch::wasm32::*;
        let mut blocks = seg.chunks_exact(16);
        for b in &mut blocks {
            // SAFETY: `b` is 16 bytes; v128_load needs no alignment.
            let v = unsafe { v128_load(b.as_ptr().cast::<v128>()) };
            // 10xxxxxx is below -64 as a signed byte.
            let continuation = i8x16_bitmask(i8x16_lt(v, i8x16_splat(-64)));
            units += 16 - continuation.count_ones() as usize;
            if unit == Unit::Utf16 {
                units += i8x16_bitmask(u8x16_ge(v, u8x16_splat(0xf0))).count_ones() as usize;
            }
            breaks += i8x16_bitmask(i8x16_eq(v, i8x16_splat(b'\n' as i8))).count_ones() as usize;
        }
        blocks.remainder()
    };
    let mut chunks = seg.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        // 10xxxxxx: bit 7 set, bit 6 clear.
        let continuation = (w & !(w << 1) & HIGH).count_ones() as usize;
        units += 8 - continuation;
        if unit == Unit::Utf16 {
            // 11110xxx: a 4-byte sequence is two UTF-16 units.
            units += (w & (w << 1) & (w << 2) & (w << 3) & HIGH).count_ones() as usize;
        }
        // Bytes equal to '\n' (exact: no carries between bytes).
        let x = w ^ NL;
        let zero = !(((x & LOW7) + LOW7) | x | LOW7);
        breaks += zero.count_ones() as usize;
    }
    for &b in chunks.remainder() {
        units += usize::from(b & 0xc0 != 0x80);
        if unit == Unit::Utf16 {
            units += usize::from(b >= 0xf0);
        }
        breaks += usize::from(b == b'\n');
    }
    (units, breaks)
}

impl OffsetMap {
    pub fn new(text: &str, mut byte_offsets: Vec<usize>, unit: Unit) -> Self {
        byte_offsets.sort_unstable();
        byte_offsets.dedup();
        let bytes = text.as_bytes();
        let mut positions = Vec::with_capacity(byte_offsets.len());
        let (mut pos, mut offset, mut line, mut line_start_offset) =
            (0usize, 0usize, 1usize, 0usize);
        for &want in &byte_offsets {
            // Offsets past the end are clamped to it.
            let want = want.min(bytes.len());
            let seg = &bytes[pos..want];
            let (units, breaks) = count(seg, unit);
            if breaks > 0 {
                let last = seg.iter().rposition(|&b| b == b'\n').expect("a line break");
                line += breaks;
                line_start_offset = offset + count(&seg[..=last], unit).0;
            }
            offset += units;
            pos = want;
            positions.push(Position {
                offset,
                line,
                column: offset - line_start_offset + 1,
            });
        }
        OffsetMap {
            bytes: byte_offsets,
            positions,
        }
    }

    pub fn get(&self, byte: usize) -> Position {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.positions[i],
            Err(_) => panic!("offset {byte} was not registered with the OffsetMap"),
        }
    }
}

/// Where each line starts, in bytes and in a unit: converts an offset by
/// counting from its line's start only. An editor's [`crate::Checker`] keeps
/// one and updates it per edit ([`LineIndex::update`]), so converting a few
/// findings never walks the whole text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    unit: Option<Unit>,
    /// Byte length of the text.
    len: usize,
    bytes: Vec<usize>,
    units: Vec<usize>,
}

impl LineIndex {
    /// The index of `text` whose lines start at `starts` (ascending, the
    /// first 0: `Document::lines`), counted in one pass.
    pub fn new(text: &str, starts: &[usize], unit: Unit) -> LineIndex {
        LineIndex::default().update(text, starts, unit, (0, 0))
    }

    /// The index of `text` (lines starting at `starts`) after an edit of the
    /// text `self` indexes: the first `common.0` bytes and the last `common.1`
    /// bytes of both texts are the same. Lines there are taken over (those
    /// after the edit moved by its length); only the lines in between are counted.
    pub fn update(
        &self,
        text: &str,
        starts: &[usize],
        unit: Unit,
        common: (usize, usize),
    ) -> LineIndex {
        let (pre, suf) = if self.unit == Some(unit) {
            common
        } else {
            (0, 0)
        };
        let bytes = text.as_bytes();
        let (n, old_n) = (starts.len(), self.bytes.len());
        let after = bytes.len() - suf.min(bytes.len());
        let mut units: Vec<usize> = Vec::with_capacity(n);
        // What to add to an old line's value after the edit, once known.
        let mut moved: Option<isize> = None;
        for (k, &s) in starts.iter().enumerate() {
            if k == 0 {
                units.push(0);
                continue;
            }
            if s <= pre && self.bytes.get(k) == Some(&s) {
                units.push(self.units[k]);
                continue;
            }
            // After the edit, the line break before the line is common too.
            let old = (s > after)
                .then(|| (old_n + k).checked_sub(n))
                .flatten()
                .filter(|&o| o > 0 && self.bytes[o] + bytes.len() == s + self.len);
            let u = match (old, moved) {
                (Some(o), Some(m)) => self.units[o].wrapping_add_signed(m),
                _ => {
                    let u = units[k - 1] + count(&bytes[starts[k - 1]..s], unit).0;
                    if let Some(o) = old {
                        moved = Some(u as isize - self.units[o] as isize);
                    }
                    u
                }
            };
            units.push(u);
        }
        LineIndex {
            unit: Some(unit),
            len: bytes.len(),
            bytes: starts.to_vec(),
            units,
        }
    }

    /// The position of byte offset `byte` of `text` (the indexed text;
    /// offsets past the end are clamped to it).
    pub fn position(&self, text: &str, byte: usize) -> Position {
        let byte = byte.min(text.len());
        let k = self.bytes.partition_point(|&b| b <= byte).max(1) - 1;
        let (start, units) = (
            self.bytes.get(k).copied().unwrap_or(0),
            self.units.get(k).copied().unwrap_or(0),
        );
        let within = count(
            &text.as_bytes()[start..byte],
            self.unit.unwrap_or(Unit::Utf16),
        )
        .0;
        Position {
            offset: units + within,
            line: k + 1,
            column: within + 1,
        }
    }

    /// The byte offset of `offset` (in the index's unit), or None when it is
    /// past the end or inside a character (half of a surrogate pair).
    pub fn byte_of(&self, text: &str, offset: usize) -> Option<usize> {
        let k = self.units.partition_point(|&u| u <= offset).max(1) - 1;
        let (mut b, mut u) = (
            self.bytes.get(k).copied().unwrap_or(0),
            self.units.get(k).copied().unwrap_or(0),
        );
        let unit = self.unit.unwrap_or(Unit::Utf16);
        for c in text.get(b..)?.chars() {
            if u >= offset {
                break;
            }
            u += if unit == Unit::Utf16 {
                c.len_utf16()
            } else {
                1
            };
            b += c.len_utf8();
        }
        (u == offset).then_some(b)
    }
}

/// Converts diagnostics to front-end findings in the given unit.
pub fn to_findings(text: &str, diags: &[Diagnostic], unit: Unit, with_title: bool) -> Vec<Finding> {
    let map = OffsetMap::new(text, diagnostic_offsets(diags), unit);
    to_findings_at(diags, with_title, |b| map.get(b))
}

/// Every byte offset [`to_findings_at`] converts (for an [`OffsetMap`]).
pub fn diagnostic_offsets(diags: &[Diagnostic]) -> Vec<usize> {
    let mut wanted = Vec::with_capacity(diags.len() * 2);
    for d in diags {
        wanted.push(d.start);
        wanted.push(d.end);
        for f in &d.fixes {
            wanted.push(f.start);
            wanted.push(f.end);
        }
    }
    wanted
}

/// Converts diagnostics to front-end findings, each offset converted by
/// `pos` (e.g. [`LineIndex::position`]).
pub fn to_findings_at(
    diags: &[Diagnostic],
    with_title: bool,
    pos: impl Fn(usize) -> Position,
) -> Vec<Finding> {
    diags
        .iter()
        .map(|d| {
            let s = pos(d.start);
            Finding {
                rule: d.rule.id,
                category: d.rule.category.as_str(),
                severity: d.severity.as_str(),
                start: s.offset,
                end: pos(d.end).offset,
                line: s.line,
                column: s.column,
                message: d.message.clone(),
                fixes: d
                    .fixes
                    .iter()
                    .map(|f| FixOut {
                        start: pos(f.start).offset,
                        end: pos(f.end).offset,
                        replacement: f.replacement.clone(),
                        applicability: f.applicability.as_str(),
                    })
                    .collect(),
                title: with_title.then_some(d.rule.title),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position of every byte offset (also mid-character and past the
    /// end), counted one character at a time.
    fn reference(text: &str, byte: usize, unit: Unit) -> Position {
        let (mut offset, mut line, mut line_start) = (0, 1, 0);
        for (b, c) in text.char_indices() {
            if b >= byte {
                break;
            }
            offset += if unit == Unit::Utf16 {
                c.len_utf16()
            } else {
                1
            };
            if c == '\n' {
                line += 1;
                line_start = offset;
            }
        }
        Position {
            offset,
            line,
            column: offset - line_start + 1,
        }
    }

    #[test]
    fn counted_eight_bytes_at_a_time_as_one_character_at_a_time() {
        let text = "一、总体\r\n𠀀a😀县\n\n\n（一）的的X\u{301}\u{200b}\n".repeat(5) + "尾";
        for unit in [Unit::Chars, Unit::Utf16] {
            let all: Vec<usize> = (0..=text.len() + 2).collect();
            let map = OffsetMap::new(&text, all.clone(), unit);
            for b in all {
                assert_eq!(map.get(b), reference(&text, b, unit), "{b} {unit:?}");
            }
            // A few offsets at a time, as findings ask.
            let some = vec![7, 3, 40, text.len()];
            let map = OffsetMap::new(&text, some.clone(), unit);
            for b in some {
                assert_eq!(map.get(b), reference(&text, b, unit), "{b} {unit:?}");
            }
        }
    }

    #[test]
    fn line_index_updated_per_edit_as_counted_afresh() {
        let starts = |t: &str| {
            crate::model::Document::parse(t)
                .lines
                .iter()
                .map(|l| l.start)
                .collect::<Vec<_>>()
        };
        let mut text = "一、总体\r\n𠀀a😀县\n\n\n（一）的的X\n".repeat(4) + "尾";
        let mut index = LineIndex::new(&text, &starts(&text), Unit::Utf16);
        let edits: [(usize, usize, &str); 7] = [
            (0, 0, "开头"),
            (10, 10, "\n新行\n"),
            (20, 27, ""),
            (30, 30, "😀"),
            (5, 40, "合并"),
            (text.len() - 10, text.len() - 10, "\n"),
            (0, 3, ""),
        ];
        for (from, to, ins) in edits {
            let floor = |mut b: usize| {
                b = b.min(text.len());
                while !text.is_char_boundary(b) {
                    b -= 1;
                }
                b
            };
            let (from, to) = (floor(from), floor(to));
            let (from, to) = (from.min(to), to.max(from));
            let old_len = text.len();
            text.replace_range(from..to, ins);
            index = index.update(&text, &starts(&text), Unit::Utf16, (from, old_len - to));
            assert_eq!(
                index,
                LineIndex::new(&text, &starts(&text), Unit::Utf16),
                "{text:?}"
            );
            for b in 0..=text.len() + 1 {
                let p = index.position(&text, b);
                assert_eq!(p, reference(&text, b, Unit::Utf16), "{b} {text:?}");
                if text.is_char_boundary(b.min(text.len())) && b <= text.len() {
                    assert_eq!(index.byte_of(&text, p.offset), Some(b), "{b}");
                }
            }
            let end = reference(&text, text.len(), Unit::Utf16).offset;
            assert_eq!(index.byte_of(&text, end + 1), None);
        }
        // Half of a surrogate pair is no byte offset.
        let t = "a𠀀b";
        let i = LineIndex::new(t, &[0], Unit::Utf16);
        assert_eq!(
            (i.byte_of(t, 1), i.byte_of(t, 2), i.byte_of(t, 3)),
            (Some(1), None, Some(5))
        );
    }

    #[test]
    fn chars_and_utf16() {
        let t = "a𠀀\n县县";
        let b = t.find("县县").unwrap();
        let m = OffsetMap::new(t, vec![b, t.len(), 0], Unit::Utf16);
        assert_eq!(
            m.get(b),
            Position {
                offset: 4,
                line: 2,
                column: 1
            }
        );
        assert_eq!(m.get(t.len()).offset, 6);
        assert_eq!(
            m.get(0),
            Position {
                offset: 0,
                line: 1,
                column: 1
            }
        );
        let m = OffsetMap::new(t, vec![b], Unit::Chars);
        assert_eq!(
            m.get(b),
            Position {
                offset: 3,
                line: 2,
                column: 1
            }
        );
    }
}
