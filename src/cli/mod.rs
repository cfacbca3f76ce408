//! The `gwlint` command line: `check`, `fix`, `rules`, `explain`.
//!
//! - `input`: which files (directories walked in name order), reading them;
//!   `decode`: encodings; `docx`: paragraphs of a .docx.
//! - `settings`: `--config` or the nearest `gwlint.toml` / `.gwlintrc.json`.
//! - `report`: text, JSON and summary output; `sarif`: SARIF 2.1.0.
//! - `fix`: safe fixes written back through a temporary file and a rename.
//!
//! Files are checked in parallel (rayon); results are collected in input
//! order, so output never depends on scheduling. Exit codes: 0 nothing at
//! warning or above, 1 findings at warning or above, 2 a file could not be
//! read or decoded, a config was invalid, or the command line was wrong.

mod decode;
mod docx;
mod fix;
mod input;
mod report;
mod sarif;
mod settings;

use gwlint::{registry, Analysis, Severity};
use input::{Input, Source};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::process::ExitCode;

const USAGE: &str = "用法：
  gwlint check [选项] PATH...     检查文件或文件夹（文件夹内的 .txt、.md、.docx；PATH 为 - 时读标准输入）
      --format text|json|sarif    输出格式（默认 text）
      --summary                   只输出按规则、按文件的统计（json 格式则附在结果中）
      --config FILE               使用指定的设置文件（.toml 或 .json），不再自动查找
      --color auto|always|never   text 格式是否着色（默认 auto：仅在终端中着色）
  gwlint fix [--dry-run] [--config FILE] PATH...
                                  自动改正可安全修改的问题（--dry-run 只显示差异，不写文件）
  gwlint rules                    列出全部规则
  gwlint explain 规则编号         显示规则的说明
设置文件：未指定 --config 时，从每个文件所在目录向上查找 gwlint.toml 或 .gwlintrc.json。
退出码：0 无警告及以上问题；1 有；2 有文件无法读取、设置文件有误或参数错误。";

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => run_check(&args[1..]),
        Some("fix") => run_fix(&args[1..]),
        Some("rules") if args.len() == 1 => print_rules(),
        Some("explain") if args.len() == 2 => explain(&args[1]),
        Some("explain") => {
            usage_error("explain 后面需要一个规则编号，例如 gwlint explain placeholder/x-slot")
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("-V" | "--version") => {
            println!("gwlint {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

pub(crate) fn usage_error(msg: &str) -> ExitCode {
    eprintln!("gwlint: {msg}\n{USAGE}");
    ExitCode::from(2)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Sarif,
}

/// Options of `check` and `fix`.
struct Options {
    format: Format,
    summary: bool,
    config: Option<String>,
    color: Option<bool>,
    dry_run: bool,
    paths: Vec<String>,
}

fn parse_options(args: &[String], fix: bool) -> Result<Options, String> {
    let mut o = Options {
        format: Format::Text,
        summary: false,
        config: None,
        color: None,
        dry_run: false,
        paths: Vec::new(),
    };
    let mut it = args.iter();
    let mut only_paths = false;
    while let Some(a) = it.next() {
        if only_paths || a == "-" || !a.starts_with('-') {
            o.paths.push(a.clone());
            continue;
        }
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (a.as_str(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} 后面需要{what}"))
        };
        match (name, fix) {
            ("--", _) => only_paths = true,
            ("--format", false) => {
                o.format = match value("输出格式")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "sarif" => Format::Sarif,
                    other => {
                        return Err(format!(
                            "--format 只能是 text、json 或 sarif，而不是 {other:?}"
                        ))
                    }
                }
            }
            ("--summary", false) => o.summary = true,
            ("--color", false) => {
                o.color = match value("auto、always 或 never")?.as_str() {
                    "auto" => None,
                    "always" => Some(true),
                    "never" => Some(false),
                    other => {
                        return Err(format!(
                            "--color 只能是 auto、always 或 never，而不是 {other:?}"
                        ))
                    }
                }
            }
            ("--config", _) => o.config = Some(value("设置文件的路径")?),
            ("--dry-run", true) => o.dry_run = true,
            _ => return Err(format!("未知选项 {a}")),
        }
    }
    if o.summary && o.format == Format::Sarif {
        return Err("--summary 不能与 --format sarif 同时使用".into());
    }
    if o.paths.is_empty() {
        return Err("请指定要检查的文件或文件夹，或用 - 读取标准输入".into());
    }
    if o.paths.iter().filter(|p| *p == "-").count() > 1 {
        return Err("标准输入（-）只能指定一次".into());
    }
    Ok(o)
}

/// One checked input, in input order.
pub struct Checked {
    pub input: Input,
    pub outcome: Result<CheckedFile, String>,
}

pub struct CheckedFile {
    pub source: Source,
    pub analysis: Analysis,
}

/// Resolves configs (sequentially: cheap, cached per directory), then reads
/// and checks every input in parallel. Word segmentation is one process-wide
/// `OnceLock`, shared by all threads.
fn check_all(inputs: Vec<Input>, settings: &mut settings::Settings) -> Vec<Checked> {
    let jobs: Vec<(Input, settings::Resolved)> = inputs
        .into_iter()
        .map(|i| {
            let c = settings.for_file(i.path.as_deref());
            (i, c)
        })
        .collect();
    jobs.into_par_iter()
        .map(|(input, config)| {
            let outcome = config.and_then(|config| {
                let source = input::read(&input)?;
                let analysis = gwlint::analyze(&source.text, &config);
                Ok(CheckedFile { source, analysis })
            });
            Checked { input, outcome }
        })
        .collect()
}

fn run_check(args: &[String]) -> ExitCode {
    let o = match parse_options(args, false) {
        Ok(o) => o,
        Err(e) => return usage_error(&e),
    };
    let mut settings = settings::Settings::new(o.config.as_deref());
    if let Some(e) = settings.explicit_error() {
        eprintln!("gwlint: {e}");
        return ExitCode::from(2);
    }
    let results = check_all(input::collect(&o.paths), &mut settings);

    let failed = results.iter().any(|r| r.outcome.is_err());
    let serious = results.iter().any(|r| {
        r.outcome.as_ref().is_ok_and(|f| {
            f.analysis
                .diagnostics
                .iter()
                .any(|d| d.severity >= Severity::Warning)
        })
    });
    for r in &results {
        if let Err(e) = &r.outcome {
            eprintln!("gwlint: {}: {e}", r.input.display);
        }
    }
    let color = o.color.unwrap_or_else(|| {
        std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var("TERM").map_or(true, |t| t != "dumb")
    });
    let written = match o.format {
        Format::Text if o.summary => report::write_summary_text(&results),
        Format::Text => report::write_text(&results, color),
        Format::Json => report::write_json(&results, o.summary),
        Format::Sarif => sarif::write(&results),
    };
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("gwlint: {e}");
            return ExitCode::from(2);
        }
    }
    if failed {
        ExitCode::from(2)
    } else if serious {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_fix(args: &[String]) -> ExitCode {
    let o = match parse_options(args, true) {
        Ok(o) => o,
        Err(e) => return usage_error(&e),
    };
    let mut settings = settings::Settings::new(o.config.as_deref());
    if let Some(e) = settings.explicit_error() {
        eprintln!("gwlint: {e}");
        return ExitCode::from(2);
    }
    fix::run(input::collect(&o.paths), &mut settings, o.dry_run)
}

fn print_rules() -> ExitCode {
    for r in registry::all() {
        println!(
            "{:<36} {:<12} {:<8} {}",
            r.id,
            r.category.as_str(),
            r.default_severity.as_str(),
            r.title
        );
    }
    ExitCode::SUCCESS
}

fn explain(id: &str) -> ExitCode {
    let Some(r) = registry::find(id) else {
        let similar: Vec<&str> = registry::all()
            .map(|r| r.id)
            .filter(|r| {
                r.starts_with(id)
                    || id
                        .rsplit('/')
                        .next()
                        .is_some_and(|n| !n.is_empty() && r.contains(n))
            })
            .collect();
        let hint = if similar.is_empty() {
            "运行 gwlint rules 查看全部规则".to_string()
        } else {
            format!("是否要找：{}", similar.join("、"))
        };
        eprintln!("gwlint: 没有编号为“{id}”的规则；{hint}");
        return ExitCode::from(2);
    };
    println!("{}  {}", r.id, r.title);
    println!(
        "类别：{}（{}）  默认级别：{}",
        r.category.label(),
        r.category.as_str(),
        r.default_severity.as_str()
    );
    println!();
    // Doc comments keep the space after `///`.
    for line in r.doc.lines() {
        println!("{}", line.strip_prefix(' ').unwrap_or(line));
    }
    ExitCode::SUCCESS
}
