//! The `gwlint` command line. Usage: see `USAGE`.

use gwlint::offsets::{to_findings, Finding, Unit};
use gwlint::rules::placeholder::{self, PlaceholderOut};
use gwlint::{analyze, registry, Config, Severity};
use serde::Serialize;
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "用法：
  gwlint check [--format text|json] [--config FILE] PATH...   检查文件（PATH 为 - 时读标准输入）
  gwlint rules                                                  列出全部规则
退出码：0 无警告及以上问题；1 有；2 文件无法读取或参数错误。";

#[derive(Serialize)]
struct FileReport {
    path: String,
    diagnostics: Vec<Finding>,
    /// Every unfilled slot in document order (char offsets).
    placeholders: Vec<PlaceholderOut>,
    /// The heading tree, pre-order (char offsets).
    outline: Vec<gwlint::rules::structure::outline::OutlineOut>,
}

#[derive(Serialize)]
struct Report {
    files: Vec<FileReport>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => run_check(&args[1..]),
        Some("rules") => {
            for r in registry::all() {
                println!(
                    "{:<32} {:<12} {:<8} {}",
                    r.id,
                    r.category.as_str(),
                    r.default_severity.as_str(),
                    r.title
                );
            }
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run_check(args: &[String]) -> ExitCode {
    let mut format = "text".to_string();
    let mut config_path = None;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => match it.next().map(String::as_str) {
                Some(f @ ("text" | "json")) => format = f.to_string(),
                other => {
                    return usage_error(&format!(
                        "--format 只能是 text 或 json，而不是 {:?}",
                        other.unwrap_or("")
                    ))
                }
            },
            "--config" => match it.next() {
                Some(p) => config_path = Some(p.clone()),
                None => return usage_error("--config 后面需要文件路径"),
            },
            s if s.starts_with("--format=") => format = s["--format=".len()..].to_string(),
            s if s.starts_with("--config=") => {
                config_path = Some(s["--config=".len()..].to_string())
            }
            s if s.starts_with('-') && s != "-" => return usage_error(&format!("未知选项 {s}")),
            _ => paths.push(a.clone()),
        }
    }
    if format != "text" && format != "json" {
        return usage_error("--format 只能是 text 或 json");
    }
    if paths.is_empty() {
        return usage_error("请指定要检查的文件，或用 - 读取标准输入");
    }
    let config = match &config_path {
        None => Config::default(),
        Some(p) => match std::fs::read_to_string(p)
            .map_err(|e| e.to_string())
            .and_then(|s| Config::from_json(&s).map_err(|e| e.to_string()))
        {
            Ok(c) => c,
            Err(e) => {
                eprintln!("gwlint: {p}: {e}");
                return ExitCode::from(2);
            }
        },
    };

    let mut unreadable = false;
    let mut serious = false;
    let mut report = Report { files: Vec::new() };
    for path in &paths {
        let text = match read_text(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("gwlint: {path}: {e}");
                unreadable = true;
                continue;
            }
        };
        let a = analyze(&text, &config);
        serious |= a
            .diagnostics
            .iter()
            .any(|d| d.severity >= Severity::Warning);
        let diagnostics = to_findings(&text, &a.diagnostics, Unit::Chars, false);
        report.files.push(FileReport {
            path: path.clone(),
            diagnostics,
            placeholders: placeholder::to_out(&text, &a.placeholders, Unit::Chars),
            outline: gwlint::rules::structure::outline::to_out(&text, &a.outline, Unit::Chars),
        });
    }

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = if format == "json" {
        serde_json::to_writer(&mut out, &report)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        report.files.iter().try_for_each(|f| {
            f.diagnostics.iter().try_for_each(|d| {
                writeln!(
                    out,
                    "{}:{}:{}: {} {} {}",
                    f.path, d.line, d.column, d.severity, d.rule, d.message
                )
            })
        })
    };
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("gwlint: {e}");
            return ExitCode::from(2);
        }
    }
    if unreadable {
        ExitCode::from(2)
    } else if serious {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("gwlint: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn read_text(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("无法读取标准输入：{e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("无法读取：{e}"))?;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        format!(
            "不是 UTF-8 编码的文本（第 {} 字节处）",
            e.utf8_error().valid_up_to()
        )
    })
}
