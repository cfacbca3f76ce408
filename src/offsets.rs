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

impl OffsetMap {
    pub fn new(text: &str, mut byte_offsets: Vec<usize>, unit: Unit) -> Self {
        byte_offsets.sort_unstable();
        byte_offsets.dedup();
        let mut positions = Vec::with_capacity(byte_offsets.len());
        let (mut offset, mut line, mut line_start_offset) = (0usize, 1usize, 0usize);
        let mut it = byte_offsets.iter().peekable();
        for (b, c) in text.char_indices() {
            while let Some(&&want) = it.peek() {
                if want > b {
                    break;
                }
                positions.push(Position {
                    offset,
                    line,
                    column: offset - line_start_offset + 1,
                });
                it.next();
            }
            if it.peek().is_none() {
                break;
            }
            offset += match unit {
                Unit::Chars => 1,
                Unit::Utf16 => c.len_utf16(),
            };
            if c == '\n' {
                line += 1;
                line_start_offset = offset;
            }
        }
        // Offsets at (or clamped to) the end of the text.
        for _ in it {
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

/// Converts diagnostics to front-end findings in the given unit.
pub fn to_findings(text: &str, diags: &[Diagnostic], unit: Unit, with_title: bool) -> Vec<Finding> {
    let mut wanted = Vec::with_capacity(diags.len() * 2);
    for d in diags {
        wanted.push(d.start);
        wanted.push(d.end);
        for f in &d.fixes {
            wanted.push(f.start);
            wanted.push(f.end);
        }
    }
    let map = OffsetMap::new(text, wanted, unit);
    diags
        .iter()
        .map(|d| {
            let s = map.get(d.start);
            Finding {
                rule: d.rule.id,
                category: d.rule.category.as_str(),
                severity: d.severity.as_str(),
                start: s.offset,
                end: map.get(d.end).offset,
                line: s.line,
                column: s.column,
                message: d.message.clone(),
                fixes: d
                    .fixes
                    .iter()
                    .map(|f| FixOut {
                        start: map.get(f.start).offset,
                        end: map.get(f.end).offset,
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
