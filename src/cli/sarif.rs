//! SARIF 2.1.0 output (`--format sarif`), for CI systems and code-review
//! tools that show findings inline. One run; every rule of the registry in
//! `tool.driver.rules`; columns count Unicode code points
//! (`columnKind: unicodeCodePoints`), lines are 1-based; fixes become SARIF
//! `fixes`; files that could not be read become error notifications and
//! mark the run as not fully successful.

use super::Checked;
use gwlint::offsets::{OffsetMap, Unit};
use gwlint::{registry, Severity};
use serde_json::{json, Value};
use std::io::{self, BufWriter, Write};

pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI reference: relative paths stay relative (to the current
/// directory, which CI tools take as the checkout), absolute ones get `file://`;
/// everything outside the unreserved set is percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(map: &OffsetMap, start: usize, end: usize) -> Value {
    let s = map.get(start);
    let e = map.get(end);
    json!({
        "startLine": s.line,
        "startColumn": s.column,
        "endLine": e.line,
        "endColumn": e.column,
    })
}

pub fn build(results: &[Checked]) -> Value {
    let rules: Vec<&'static registry::RuleMeta> = registry::all().collect();
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|r| {
            // The doc comment's first paragraph.
            let summary = r
                .doc
                .lines()
                .map(str::trim)
                .skip_while(|l| l.is_empty())
                .take_while(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            json!({
                "id": r.id,
                "shortDescription": { "text": r.title },
                "fullDescription": { "text": summary },
                "help": { "text": r.doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n") },
                "defaultConfiguration": { "level": level(r.default_severity) },
                "properties": { "category": r.category.as_str(), "tags": [r.category.as_str()] },
            })
        })
        .collect();

    let mut out = Vec::new();
    let mut notifications = Vec::new();
    for c in results {
        let location = json!({ "uri": uri(&c.input.display) });
        let f = match &c.outcome {
            Ok(f) => f,
            Err(e) => {
                notifications.push(json!({
                    "level": "error",
                    "message": { "text": format!("{}: {e}", c.input.display) },
                    "locations": [{ "physicalLocation": { "artifactLocation": location } }],
                }));
                continue;
            }
        };
        let diags = &f.analysis.diagnostics;
        let offsets: Vec<usize> = diags
            .iter()
            .flat_map(|d| {
                [d.start, d.end]
                    .into_iter()
                    .chain(d.fixes.iter().flat_map(|x| [x.start, x.end]))
            })
            .collect();
        let map = OffsetMap::new(&f.source.text, offsets, Unit::Chars);
        for d in diags {
            let mut result = json!({
                "ruleId": d.rule.id,
                "ruleIndex": rules.iter().position(|r| std::ptr::eq(*r, d.rule)).unwrap_or(0),
                "level": level(d.severity),
                "message": { "text": d.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": region(&map, d.start, d.end),
                    }
                }],
            });
            if !d.fixes.is_empty() {
                result["fixes"] = d
                    .fixes
                    .iter()
                    .map(|x| {
                        json!({
                            "description": { "text": format!("改为“{}”（{}）", x.replacement,
                                if x.applicability == gwlint::Applicability::Safe { "可自动改正" } else { "请确认后修改" }) },
                            "artifactChanges": [{
                                "artifactLocation": location,
                                "replacements": [{
                                    "deletedRegion": region(&map, x.start, x.end),
                                    "insertedContent": { "text": x.replacement },
                                }],
                            }],
                        })
                    })
                    .collect();
            }
            out.push(result);
        }
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "gwlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": descriptors,
            } },
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": out,
        }],
    })
}

pub fn write(results: &[Checked]) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, &build(results))?;
    writeln!(out)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(super::uri("报告/a b.txt"), "%E6%8A%A5%E5%91%8A/a%20b.txt");
        assert_eq!(super::uri("/tmp/x.md"), "file:///tmp/x.md");
        assert_eq!(super::uri("dir\\x.txt"), "dir/x.txt");
    }
}
