//! Which files a run checks, and reading them: directories are walked in
//! name order (so output order never depends on the file system), and each
//! file is decoded (see `decode`) or, for .docx, its paragraphs extracted.

use super::decode::{self, Encoding};
use super::docx;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Extensions picked up when walking a directory (a named file is always read).
const EXTENSIONS: [&str; 3] = ["txt", "md", "docx"];

/// One thing to check: a file, or standard input (`path` is `None`).
#[derive(Clone, Debug)]
pub struct Input {
    /// As shown in reports: the argument, or the argument joined with the walked names.
    pub display: String,
    pub path: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text(Encoding),
    Docx,
}

pub struct Source {
    pub text: String,
    pub kind: Kind,
    /// The bytes as read, for writing back without changing anything else.
    pub bytes: Vec<u8>,
}

fn has_checked_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn is_docx(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
}

/// Expands the command line's paths: `-` is standard input, a directory
/// becomes its .txt/.md/.docx files (recursively, hidden entries and Word's
/// `~$` lock files skipped, symlinked directories not followed), anything
/// else is read as named (a missing file fails when it is read).
pub fn collect(args: &[String]) -> Vec<Input> {
    let mut out = Vec::new();
    for a in args {
        if a == "-" {
            out.push(Input {
                display: "-".into(),
                path: None,
            });
            continue;
        }
        let p = PathBuf::from(a);
        if p.is_dir() {
            walk(&p, &mut out);
        } else {
            out.push(Input {
                display: a.clone(),
                path: Some(p),
            });
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Input>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        // Unreadable directory: report it like an unreadable file.
        out.push(Input {
            display: dir.display().to_string(),
            path: Some(dir.to_path_buf()),
        });
        return;
    };
    let mut entries: Vec<_> = rd.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let p = e.path();
        let Ok(ft) = e.file_type() else { continue };
        let shown = p.display().to_string();
        let shown = shown
            .strip_prefix("./")
            .map(str::to_string)
            .unwrap_or(shown);
        if ft.is_dir() {
            walk(&p, out);
        } else if (ft.is_file() || (ft.is_symlink() && p.is_file())) && has_checked_extension(&p) {
            out.push(Input {
                display: shown,
                path: Some(p),
            });
        }
    }
}

/// Reads and decodes one input.
pub fn read(input: &Input) -> Result<Source, String> {
    let bytes = match &input.path {
        None => {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| format!("无法读取标准输入：{e}"))?;
            b
        }
        Some(p) if p.is_dir() => return Err("无法读取目录".into()),
        Some(p) => std::fs::read(p).map_err(|e| format!("无法读取：{}", io_reason(&e)))?,
    };
    if input.path.as_deref().is_some_and(is_docx) {
        let text = docx::read(&bytes)?;
        return Ok(Source {
            text,
            kind: Kind::Docx,
            bytes,
        });
    }
    let (text, enc) = decode::decode(&bytes)?;
    Ok(Source {
        text,
        kind: Kind::Text(enc),
        bytes,
    })
}

/// A short Chinese reason for common I/O errors.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "文件不存在".into(),
        PermissionDenied => "没有权限".into(),
        _ => e.to_string(),
    }
}
