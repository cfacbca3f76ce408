//! `gwlint fix`: applies the safe fixes (`Applicability::Safe`) and writes
//! the file back in its own encoding (BOM included) with its line endings
//! untouched (fixes replace spans; nothing else is re-encoded differently).
//!
//! Never touches a file that failed to read, decode or load its config; a
//! .docx (not written back); a read-only file; a file whose bytes would not
//! round-trip through its encoding; or a file that changed while it was
//! being fixed. Writes go to a temporary file in the same directory, which
//! is synced and renamed over the original (keeping its permissions).
//! `--dry-run` prints a unified diff and writes nothing; it exits 1 when
//! something would change (like a formatter's check mode).

use super::decode;
use super::input::{self, Input, Kind};
use super::settings::Settings;
use gwlint::{Applicability, Config, Fix};
use rayon::prelude::*;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Passes over the text: a fix may reveal another (bounded, and a repeated
/// text stops it).
const MAX_PASSES: usize = 8;

/// The non-overlapping safe edits of one pass. A finding's safe fixes are
/// taken together or not at all; findings are taken in position order and
/// any whose edits overlap an accepted one waits for the next pass.
pub fn safe_edits(diags: &[gwlint::Diagnostic]) -> Vec<Fix> {
    let mut accepted: Vec<Fix> = Vec::new();
    for d in diags {
        let mut group: Vec<&Fix> = d
            .fixes
            .iter()
            .filter(|f| f.applicability == Applicability::Safe)
            .collect();
        if group.is_empty() {
            continue;
        }
        group.sort_by_key(|f| (f.start, f.end));
        let overlaps = |a: &Fix, b: &Fix| {
            a.start < b.end && b.start < a.end || (a.start == b.start && a.end == b.end)
        };
        let self_overlap = group.windows(2).any(|w| overlaps(w[0], w[1]));
        let clash = group
            .iter()
            .any(|f| accepted.iter().any(|a| overlaps(a, f)));
        if !self_overlap && !clash {
            accepted.extend(group.into_iter().cloned());
        }
    }
    accepted.sort_by_key(|f| (f.start, f.end));
    accepted
}

/// Applies sorted, non-overlapping edits.
pub fn apply(text: &str, edits: &[Fix]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.start]);
        out.push_str(&e.replacement);
        at = e.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The text with every safe fix applied, and how many edits that took.
pub fn fix_text(text: &str, config: &Config) -> (String, usize) {
    let mut current = text.to_string();
    let mut seen = vec![current.clone()];
    let mut count = 0;
    for _ in 0..MAX_PASSES {
        let diags = gwlint::check(&current, config);
        let edits = safe_edits(&diags);
        if edits.is_empty() {
            break;
        }
        let next = apply(&current, &edits);
        if seen.contains(&next) {
            break;
        }
        count += edits.len();
        seen.push(next.clone());
        current = next;
    }
    (current, count)
}

enum Outcome {
    Unchanged,
    Changed {
        old: String,
        new: String,
        edits: usize,
        /// The file as read, and as it is to be written.
        original: Vec<u8>,
        bytes: Vec<u8>,
    },
    Skipped(String),
    Failed(String),
}

fn prepare(input: &Input, config: Result<std::sync::Arc<Config>, String>) -> Outcome {
    let config = match config {
        Ok(c) => c,
        Err(e) => return Outcome::Failed(e),
    };
    let source = match input::read(input) {
        Ok(s) => s,
        Err(e) => return Outcome::Failed(e),
    };
    let (fixed, n) = fix_text(&source.text, &config);
    if n == 0 || fixed == source.text {
        return Outcome::Unchanged;
    }
    let enc = match source.kind {
        Kind::Docx => {
            return Outcome::Skipped(format!(
                "有 {n} 处可自动改正，但暂不支持修改 .docx 文件，请在 Word 中修改"
            ))
        }
        Kind::Text(enc) => enc,
    };
    if decode::encode(&source.text, enc) != source.bytes {
        return Outcome::Failed(format!(
            "按原编码（{}）写回会改变未修改的部分，未修改此文件",
            enc.name()
        ));
    }
    let bytes = decode::encode(&fixed, enc);
    Outcome::Changed {
        old: source.text,
        new: fixed,
        edits: n,
        original: source.bytes,
        bytes,
    }
}

/// Writes `bytes` over `path` atomically, if the file still holds `expected`.
pub fn write_back(path: &Path, expected: &[u8], bytes: &[u8]) -> Result<(), String> {
    let target = std::fs::canonicalize(path).map_err(|e| input::io_reason(&e))?;
    let meta = std::fs::metadata(&target).map_err(|e| input::io_reason(&e))?;
    if meta.permissions().readonly() {
        return Err("文件是只读的，未修改".into());
    }
    let now = std::fs::read(&target).map_err(|e| input::io_reason(&e))?;
    if now != expected {
        return Err("文件在检查期间被其他程序修改，未修改".into());
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let fail = |e: std::io::Error| format!("无法写入：{}", input::io_reason(&e));
    let mut tmp = tempfile::Builder::new()
        .prefix(".gwlint-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    std::fs::set_permissions(tmp.path(), meta.permissions()).map_err(fail)?;
    tmp.persist(&target).map_err(|e| fail(e.error))?;
    Ok(())
}

fn diff(display: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{display}"), &format!("b/{display}"))
        .to_string()
}

pub fn run(inputs: Vec<Input>, settings: &mut Settings, dry_run: bool) -> ExitCode {
    let jobs: Vec<_> = inputs
        .into_iter()
        .map(|i| {
            let c = settings.for_file(i.path.as_deref());
            (i, c)
        })
        .collect();
    let outcomes: Vec<(Input, Outcome)> = jobs
        .into_par_iter()
        .map(|(i, c)| {
            let o = prepare(&i, c);
            (i, o)
        })
        .collect();

    let (mut failed, mut changed, mut edits) = (0usize, 0usize, 0usize);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (input, outcome) in outcomes {
        match outcome {
            Outcome::Unchanged => {}
            Outcome::Skipped(why) => eprintln!("gwlint: {}: {why}", input.display),
            Outcome::Failed(e) => {
                eprintln!("gwlint: {}: {e}", input.display);
                failed += 1;
            }
            Outcome::Changed {
                old,
                new,
                edits: n,
                original,
                bytes,
            } => {
                if dry_run {
                    let _ = out.write_all(diff(&input.display, &old, &new).as_bytes());
                    changed += 1;
                    edits += n;
                    continue;
                }
                let written = match &input.path {
                    // Standard input: the fixed text goes to standard output.
                    None => out.write_all(&bytes).map_err(|e| e.to_string()),
                    Some(p) => write_back(p, &original, &bytes),
                };
                match written {
                    Ok(()) => {
                        changed += 1;
                        edits += n;
                        if input.path.is_some() {
                            eprintln!("gwlint: {}: 已改正 {n} 处", input.display);
                        }
                    }
                    Err(e) => {
                        eprintln!("gwlint: {}: {e}", input.display);
                        failed += 1;
                    }
                }
            }
        }
    }
    let _ = out.flush();
    if changed > 0 || failed > 0 {
        let verb = if dry_run { "可改正" } else { "已改正" };
        eprintln!("gwlint: {changed} 个文件{verb} {edits} 处；{failed} 个文件出错");
    }
    if failed > 0 {
        ExitCode::from(2)
    } else if dry_run && changed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gwlint::{Diagnostic, Severity};

    fn diag(fixes: &[(usize, usize, &str, Applicability)]) -> Diagnostic {
        Diagnostic {
            rule: gwlint::registry::find("placeholder/x-slot").unwrap(),
            severity: Severity::Warning,
            start: fixes[0].0,
            end: fixes[0].1,
            message: String::new(),
            fixes: fixes
                .iter()
                .map(|&(start, end, r, applicability)| Fix {
                    start,
                    end,
                    replacement: r.into(),
                    applicability,
                })
                .collect(),
        }
    }

    #[test]
    fn only_safe_non_overlapping_edits_are_taken() {
        use Applicability::{Review, Safe};
        let diags = [
            diag(&[(0, 1, "A", Safe)]),
            diag(&[(0, 2, "B", Safe)]),   // overlaps the first: next pass
            diag(&[(3, 4, "C", Review)]), // review: never
            diag(&[(5, 6, "D", Safe), (5, 6, "E", Safe)]), // alternatives: skipped
            diag(&[(7, 8, "F", Safe), (9, 10, "G", Safe)]), // one change in two edits
            diag(&[(10, 10, "H", Safe)]), // insertion right after G
        ];
        let edits = safe_edits(&diags);
        let got: Vec<&str> = edits.iter().map(|e| e.replacement.as_str()).collect();
        assert_eq!(got, ["A", "F", "G", "H"]);
        assert_eq!(apply("abcdefghijk", &edits), "AbcdefgFiGHk");
    }
}
