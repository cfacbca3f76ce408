//! Text, JSON and summary output of `gwlint check`.
//!
//! JSON: `{"files": [{"path", "diagnostics": [Finding...], "placeholders",
//! "outline"}]}` (offsets in chars, lines and columns 1-based); a file that
//! could not be read has an `error` and empty lists; `--summary` adds `summary`.

use super::Checked;
use gwlint::offsets::{to_findings, Finding, Unit};
use gwlint::rules::placeholder::{self, PlaceholderOut};
use gwlint::rules::structure::outline::{self, OutlineOut};
use gwlint::{registry, Severity};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};

#[derive(Serialize)]
struct FileReport<'a> {
    path: &'a str,
    diagnostics: Vec<Finding>,
    /// Every unfilled slot in document order (char offsets).
    placeholders: Vec<PlaceholderOut>,
    /// The heading tree, pre-order (char offsets).
    outline: Vec<OutlineOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct Report<'a> {
    files: Vec<FileReport<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<Summary<'a>>,
}

#[derive(Serialize, Default)]
struct Counts {
    error: usize,
    warning: usize,
    info: usize,
}

impl Counts {
    fn add(&mut self, s: Severity) {
        match s {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }
    fn total(&self) -> usize {
        self.error + self.warning + self.info
    }
}

#[derive(Serialize)]
struct FileCounts<'a> {
    path: &'a str,
    #[serde(flatten)]
    counts: Counts,
}

#[derive(Serialize)]
struct Summary<'a> {
    /// Rule id → number of findings (rules without findings left out).
    rules: BTreeMap<&'static str, usize>,
    files: Vec<FileCounts<'a>>,
    total: Counts,
    /// Files that could not be read or decoded.
    failed: usize,
}

fn summarize(results: &[Checked]) -> Summary<'_> {
    let mut s = Summary {
        rules: BTreeMap::new(),
        files: Vec::new(),
        total: Counts::default(),
        failed: 0,
    };
    for r in results {
        let Ok(f) = &r.outcome else {
            s.failed += 1;
            continue;
        };
        let mut counts = Counts::default();
        for d in &f.analysis.diagnostics {
            *s.rules.entry(d.rule.id).or_default() += 1;
            counts.add(d.severity);
            s.total.add(d.severity);
        }
        s.files.push(FileCounts {
            path: &r.input.display,
            counts,
        });
    }
    s
}

pub fn write_json(results: &[Checked], summary: bool) -> io::Result<()> {
    let report = Report {
        files: results
            .iter()
            .map(|r| match &r.outcome {
                Ok(f) => FileReport {
                    path: &r.input.display,
                    diagnostics: to_findings(
                        &f.source.text,
                        &f.analysis.diagnostics,
                        Unit::Chars,
                        false,
                    ),
                    placeholders: placeholder::to_out(
                        &f.source.text,
                        &f.analysis.placeholders,
                        Unit::Chars,
                    ),
                    outline: outline::to_out(&f.source.text, &f.analysis.outline, Unit::Chars),
                    error: None,
                },
                Err(e) => FileReport {
                    path: &r.input.display,
                    diagnostics: Vec::new(),
                    placeholders: Vec::new(),
                    outline: Vec::new(),
                    error: Some(e),
                },
            })
            .collect(),
        summary: summary.then(|| summarize(results)),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    serde_json::to_writer(&mut out, &report)?;
    writeln!(out)?;
    out.flush()
}

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

fn severity_color(s: &str) -> &'static str {
    match s {
        "error" => "\x1b[1;31m",
        "warning" => "\x1b[1;33m",
        _ => "\x1b[1;36m",
    }
}

/// `path:line:column: severity rule message`, one line per finding.
pub fn write_text(results: &[Checked], color: bool) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    for r in results {
        let Ok(f) = &r.outcome else { continue };
        let findings = to_findings(&f.source.text, &f.analysis.diagnostics, Unit::Chars, false);
        for d in findings {
            if color {
                writeln!(
                    out,
                    "{BOLD}{}:{}:{}:{RESET} {}{}{RESET} {DIM}{}{RESET} {}",
                    r.input.display,
                    d.line,
                    d.column,
                    severity_color(d.severity),
                    d.severity,
                    d.rule,
                    d.message
                )?;
            } else {
                writeln!(
                    out,
                    "{}:{}:{}: {} {} {}",
                    r.input.display, d.line, d.column, d.severity, d.rule, d.message
                )?;
            }
        }
    }
    out.flush()
}

/// Counts per rule and per file, in Chinese.
pub fn write_summary_text(results: &[Checked]) -> io::Result<()> {
    let s = summarize(results);
    let mut out = BufWriter::new(io::stdout().lock());
    if !s.rules.is_empty() {
        writeln!(out, "按规则统计：")?;
        let mut rules: Vec<(&&str, &usize)> = s.rules.iter().collect();
        rules.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (id, n) in rules {
            let title = registry::find(id).map_or("", |r| r.title);
            writeln!(out, "{n:>7}  {id}（{title}）")?;
        }
    }
    writeln!(out, "按文件统计（错误/警告/提示）：")?;
    for f in &s.files {
        let c = &f.counts;
        writeln!(
            out,
            "{:>7}  {}",
            format!("{}/{}/{}", c.error, c.warning, c.info),
            f.path
        )?;
    }
    let t = &s.total;
    write!(
        out,
        "共检查 {} 个文件，发现 {} 个问题（错误 {}，警告 {}，提示 {}）",
        s.files.len(),
        t.total(),
        t.error,
        t.warning,
        t.info
    )?;
    if s.failed > 0 {
        write!(out, "；{} 个文件无法读取", s.failed)?;
    }
    writeln!(out)?;
    out.flush()
}
