//! `gwlint fix`: safe fixes only, written back in the file's own encoding and
//! line endings through a temporary file and a rename; files that failed to
//! read, read-only files and .docx files are never touched.

mod cli_support;

use cli_support::*;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Two safe fixes (heading marks) and two review-only findings (X, 县县).
const BEFORE: &str = "一.总体要求\r\n(一)主要做法\r\n调研X次，县县本级。\r\n";
const AFTER: &str = "一、总体要求\r\n（一）主要做法\r\n调研X次，县县本级。\r\n";

fn utf16be_bom(s: &str) -> Vec<u8> {
    [0xFE, 0xFF]
        .into_iter()
        .chain(s.encode_utf16().flat_map(u16::to_be_bytes))
        .collect()
}

type Encoder = fn(&str) -> Vec<u8>;

fn encodings() -> Vec<(&'static str, Encoder)> {
    vec![
        ("utf8.txt", |s| s.as_bytes().to_vec()),
        ("utf8-bom.md", |s| {
            [b"\xEF\xBB\xBF".as_slice(), s.as_bytes()].concat()
        }),
        ("utf16le.txt", utf16le_bom),
        ("utf16be.txt", utf16be_bom),
        ("gb18030.txt", gb18030),
    ]
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".gwlint-"))
        .collect()
}

#[test]
fn fixes_in_place_keeping_encoding_line_endings_and_permissions() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    for (name, enc) in encodings() {
        write(t, name, &enc(BEFORE));
        std::fs::set_permissions(t.join(name), std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let r = run(t, &["fix", "."]);
    assert_eq!(r.code, 0, "{}", r.err);
    for (name, enc) in encodings() {
        assert_eq!(std::fs::read(t.join(name)).unwrap(), enc(AFTER), "{name}");
        let mode = std::fs::metadata(t.join(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640, "{name}");
        assert!(r.err.contains(&format!("{name}: 已改正 2 处")), "{}", r.err);
    }
    assert!(leftovers(t).is_empty());
    // Idempotent: nothing left to fix, nothing written.
    let r = run(t, &["fix", "."]);
    assert_eq!((r.code, r.out.as_str(), r.err.as_str()), (0, "", ""));
}

#[test]
fn dry_run_prints_a_unified_diff_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    write(t, "a.txt", &gb18030(BEFORE));
    let r = run(t, &["fix", "--dry-run", "a.txt"]);
    assert_eq!(r.code, 1, "something to fix → 1; {}", r.err);
    assert!(
        r.out
            .starts_with("--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n"),
        "{}",
        r.out
    );
    for line in [
        "\n-(一)主要做法\r\n",
        "\n+（一）主要做法\r\n",
        "\n+一、总体要求\r\n",
    ] {
        assert!(r.out.contains(line), "{line:?} in {:?}", r.out);
    }
    assert!(
        r.out.contains("\n 调研X次，县县本级。\r\n"),
        "review fixes are not applied: {}",
        r.out
    );
    assert_eq!(std::fs::read(t.join("a.txt")).unwrap(), gb18030(BEFORE));

    write(t, "clean.txt", AFTER.as_bytes());
    let r = run(t, &["fix", "--dry-run", "clean.txt"]);
    assert_eq!((r.code, r.out.as_str()), (0, ""));
}

#[test]
fn never_touches_read_only_broken_or_docx_files() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    write(t, "ro.txt", BEFORE.as_bytes());
    std::fs::set_permissions(t.join("ro.txt"), std::fs::Permissions::from_mode(0o444)).unwrap();
    let binary = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR(\xe4\xb8\x80)".to_vec();
    write(t, "binary.txt", &binary);
    write(t, "unknown.txt", b"(\xe4\xb8\x80)\xff\xff\n");
    // 0x80 decodes to the euro sign in GBK, which GB18030 writes as A2 E3:
    // writing it back would change bytes nobody asked to change.
    let euro = [gb18030("(一)主要做法 "), b"\x80\r\n".to_vec()].concat();
    write(t, "euro.txt", &euro);
    let docx_bytes = docx(&[&r("(一)主要做法")]);
    write(t, "d.docx", &docx_bytes);
    write(t, "ok.txt", BEFORE.as_bytes());

    let r = run(t, &["fix", "."]);
    assert_eq!(r.code, 2, "{}", r.err);
    assert!(r.err.contains("ro.txt: 文件是只读的"), "{}", r.err);
    assert!(r.err.contains("binary.txt: 是二进制文件"), "{}", r.err);
    assert!(r.err.contains("unknown.txt: 无法识别的编码"), "{}", r.err);
    assert!(
        r.err.contains("euro.txt: 按原编码（GB18030）写回会改变"),
        "{}",
        r.err
    );
    assert!(
        r.err
            .contains("d.docx: 有 1 处可自动改正，但暂不支持修改 .docx"),
        "{}",
        r.err
    );
    assert_eq!(std::fs::read(t.join("ro.txt")).unwrap(), BEFORE.as_bytes());
    assert_eq!(std::fs::read(t.join("binary.txt")).unwrap(), binary);
    assert_eq!(
        std::fs::read(t.join("unknown.txt")).unwrap(),
        b"(\xe4\xb8\x80)\xff\xff\n"
    );
    assert_eq!(std::fs::read(t.join("euro.txt")).unwrap(), euro);
    assert_eq!(std::fs::read(t.join("d.docx")).unwrap(), docx_bytes);
    // The others are still fixed.
    assert_eq!(std::fs::read(t.join("ok.txt")).unwrap(), AFTER.as_bytes());
    assert!(leftovers(t).is_empty());
}

#[test]
fn config_and_markers_apply_to_fix_and_stdin_goes_to_stdout() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    write(
        t,
        "gwlint.toml",
        b"[rules]\n\"structure/ordinal-bracket\" = \"off\"\n",
    );
    let r = run_in(t, &["fix", "-"], Some(BEFORE.as_bytes()), &[]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(
        r.out,
        "一、总体要求\r\n(一)主要做法\r\n调研X次，县县本级。\r\n"
    );

    let marked = format!("<!-- gwlint-disable-next-line structure -->\n{BEFORE}");
    let r = run_in(
        t,
        &["fix", "--config", "/dev/null", "-"],
        Some(marked.as_bytes()),
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(
        r.out,
        "<!-- gwlint-disable-next-line structure -->\n一.总体要求\r\n（一）主要做法\r\n调研X次，县县本级。\r\n"
    );
    let r = run(t, &["fix", "--format", "json", "x.txt"]);
    assert_eq!(r.code, 2, "fix has no --format");
}
