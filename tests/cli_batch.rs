//! `gwlint check` on real files: directories, encodings, .docx, binary
//! files, output formats (text, JSON, SARIF, summary), config files,
//! inline suppression; `gwlint rules` and `gwlint explain`.

mod cli_support;

use cli_support::sarif_schema;
use cli_support::*;
use serde_json::Value;
use std::path::Path;

const X: &str = "placeholder/x-slot";
const DOUBLED: &str = "consistency/doubled-char";
const SEQ: &str = "structure/heading-sequence";

/// (rule, line, column) of a JSON file entry's diagnostics.
fn found(file: &Value) -> Vec<(String, u64, u64)> {
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn has(file: &Value, rule: &str, line: u64, column: u64) -> bool {
    found(file).contains(&(rule.to_string(), line, column))
}

/// A folder of reports as an office has them: a GB18030 file from Windows, a
/// UTF-16 file, a UTF-8 file with BOM, a .docx, a binary file and a file in no
/// known encoding, a subfolder, and files that are not checked.
fn office_folder(root: &Path) {
    write(
        root,
        "dir/a-gb18030.txt",
        &gb18030("一、总体要求\r\n调研X次。\r\n"),
    );
    write(root, "dir/b-utf16.md", &utf16le_bom("《县县本级办法》\n"));
    write(root, "dir/c-bom.txt", "\u{feff}调研X次。\n".as_bytes());
    write(
        root,
        "dir/d.docx",
        &docx(&[
            &r("一、总体要求"),
            "",
            &(r("全年调研") + &r("X次。")),
            &r("三、工作措施"),
        ]),
    );
    write(
        root,
        "dir/e-binary.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    );
    write(root, "dir/notes.csv", "调研X次\n".as_bytes());
    write(root, "dir/.hidden/h.txt", "调研X次\n".as_bytes());
    write(root, "dir/~$d.docx", b"lock file");
    write(root, "dir/sub/f.md", "调研X次。\n".as_bytes());
    write(root, "dir/z-unknown.txt", b"abc\xff\xff\xffdef\n");
}

#[test]
fn a_folder_with_every_encoding_a_docx_and_a_binary_file() {
    let tmp = tempfile::tempdir().unwrap();
    office_folder(tmp.path());
    let r = run(tmp.path(), &["check", "--format", "json", "dir"]);
    assert_eq!(
        r.code, 2,
        "an unreadable file → exit 2 at the end; {}",
        r.err
    );
    let v = json(&r);
    let files = v["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "dir/a-gb18030.txt",
            "dir/b-utf16.md",
            "dir/c-bom.txt",
            "dir/d.docx",
            "dir/e-binary.txt",
            "dir/sub/f.md",
            "dir/z-unknown.txt"
        ],
        "name order; .csv, hidden and ~$ lock files skipped"
    );
    // GB18030 with CRLF: line 2, column 3 (调研X).
    assert!(has(&files[0], X, 2, 3), "{:?}", found(&files[0]));
    // UTF-16: 《县县 → the doubled 县 at column 2.
    assert!(has(&files[1], DOUBLED, 1, 2), "{:?}", found(&files[1]));
    // The BOM is not a character of the text.
    assert!(has(&files[2], X, 1, 3), "{:?}", found(&files[2]));
    // .docx: one line per paragraph (the empty one included), runs joined.
    assert!(has(&files[3], X, 3, 5), "{:?}", found(&files[3]));
    assert!(has(&files[3], SEQ, 4, 1), "{:?}", found(&files[3]));
    let outline: Vec<u64> = files[3]["outline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["line"].as_u64().unwrap())
        .collect();
    assert_eq!(outline, [1, 4]);
    assert!(has(&files[5], X, 1, 3));
    for (i, what) in [(4, "二进制"), (6, "编码")] {
        assert!(
            files[i]["error"].as_str().unwrap().contains(what),
            "{}",
            files[i]
        );
        assert_eq!(files[i]["diagnostics"].as_array().unwrap().len(), 0);
        assert!(
            r.err.contains(&format!("gwlint: {}: ", paths[i])) && r.err.contains(what),
            "the error names the file: {}",
            r.err
        );
    }
    for (i, f) in files.iter().enumerate() {
        if i != 4 && i != 6 {
            assert!(f.get("error").is_none(), "{f}");
        }
    }
}

#[test]
fn output_order_does_not_depend_on_threads() {
    let tmp = tempfile::tempdir().unwrap();
    office_folder(tmp.path());
    for i in 0..24 {
        let text = format!("{}调研X次。\n一、甲\n三、乙\n", "正文。".repeat(i * 50));
        write(tmp.path(), &format!("dir/many/{i:02}.txt"), text.as_bytes());
    }
    let one = run_in(
        tmp.path(),
        &["check", "dir"],
        None,
        &[("RAYON_NUM_THREADS", "1")],
    );
    let many = run_in(
        tmp.path(),
        &["check", "dir"],
        None,
        &[("RAYON_NUM_THREADS", "8")],
    );
    assert_eq!(one.code, 2);
    assert_eq!(one.out, many.out);
    assert_eq!(one.err, many.err);
    let files: Vec<&str> = one
        .out
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "paths come out in name order");
    assert!(files.contains(&"dir/many/23.txt"));
}

#[test]
fn stdin_and_named_files_of_any_extension_in_argument_order() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "notes.csv", "县县本级\n".as_bytes());
    let r = run_in(
        tmp.path(),
        &["check", "--format", "json", "notes.csv", "-"],
        Some("调研X次。\n".as_bytes()),
        &[],
    );
    let v = json(&r);
    assert_eq!(v["files"][0]["path"], "notes.csv");
    assert!(has(&v["files"][0], DOUBLED, 1, 1));
    assert_eq!(v["files"][1]["path"], "-");
    assert!(has(&v["files"][1], X, 1, 3));
    // Standard input in GB18030 and UTF-16 is decoded too.
    for bytes in [gb18030("调研X次。\n"), utf16le_bom("调研X次。\n")] {
        let r = run_in(tmp.path(), &["check", "-"], Some(&bytes), &[]);
        assert!(
            r.out.starts_with("-:1:3: warning placeholder/x-slot "),
            "{}",
            r.out
        );
    }
    let r = run(tmp.path(), &["check", "missing.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("missing.txt") && r.err.contains("不存在"),
        "{}",
        r.err
    );
}

#[test]
fn text_is_coloured_only_on_request_or_on_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let plain = run_in(
        tmp.path(),
        &["check", "-"],
        Some("调研X次。\n".as_bytes()),
        &[],
    );
    assert!(
        !plain.out.contains('\x1b') && plain.out.contains("placeholder/x-slot"),
        "{}",
        plain.out
    );
    let coloured = run_in(
        tmp.path(),
        &["check", "--color", "always", "-"],
        Some("调研X次。\n".as_bytes()),
        &[],
    );
    assert!(
        coloured.out.contains("\x1b[1;33mwarning\x1b[0m"),
        "{:?}",
        coloured.out
    );
    let never = run_in(
        tmp.path(),
        &["check", "--color=never", "-"],
        Some("调研X次。\n".as_bytes()),
        &[],
    );
    assert_eq!(never.out, plain.out);
    let bad = run(tmp.path(), &["check", "--color", "sometimes", "-"]);
    assert_eq!(bad.code, 2);
    assert!(bad.err.contains("--color"), "{}", bad.err);
}

#[test]
fn summary_counts_per_rule_and_per_file() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.txt", "调研X次，走访X户。\n".as_bytes());
    write(
        tmp.path(),
        "b.txt",
        "《县县本级办法》，调研X次。\n".as_bytes(),
    );
    write(tmp.path(), "c.txt", b"\0\x01binary");
    let r = run(
        tmp.path(),
        &["check", "--summary", "a.txt", "b.txt", "c.txt"],
    );
    assert_eq!(r.code, 2);
    assert!(
        !r.out.contains("a.txt:1:"),
        "no per-finding lines: {}",
        r.out
    );
    assert!(r.out.contains("      3  placeholder/x-slot（"), "{}", r.out);
    assert!(
        r.out.contains("      1  consistency/doubled-char（"),
        "{}",
        r.out
    );
    assert!(r.out.contains("  0/2/0  a.txt\n"), "{}", r.out);
    assert!(r.out.contains("  0/2/0  b.txt\n"), "{}", r.out);
    assert!(
        r.out
            .contains("共检查 2 个文件，发现 4 个问题（错误 0，警告 4，提示 0）；1 个文件无法读取"),
        "{}",
        r.out
    );

    let r = run(
        tmp.path(),
        &["check", "--summary", "--format", "json", "a.txt", "b.txt"],
    );
    assert_eq!(r.code, 1);
    let v = json(&r);
    assert_eq!(v["summary"]["rules"][X], 3);
    assert_eq!(v["summary"]["rules"][DOUBLED], 1);
    assert_eq!(v["summary"]["files"][1]["path"], "b.txt");
    assert_eq!(v["summary"]["files"][1]["warning"], 2);
    assert_eq!(v["summary"]["total"]["warning"], 4);
    assert_eq!(v["files"].as_array().unwrap().len(), 2);
    let r = run(tmp.path(), &["check", "--format", "json", "a.txt"]);
    assert!(json(&r).get("summary").is_none());
}

#[test]
fn sarif_follows_the_2_1_0_schema_and_points_at_the_findings() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "报告 一.txt",
        "𠀀调研X次。\n一、甲\n三、乙\n".as_bytes(),
    );
    write(tmp.path(), "bad.txt", b"\0\0\0");
    let r = run(
        tmp.path(),
        &["check", "--format", "sarif", "报告 一.txt", "bad.txt"],
    );
    assert_eq!(r.code, 2);
    let log = json(&r);
    let errors = sarif_schema::validate(&log);
    assert!(errors.is_empty(), "{errors:#?}");

    let run0 = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), run(tmp.path(), &["rules"]).out.lines().count());
    let results = run0["results"].as_array().unwrap();
    let x = results.iter().find(|r| r["ruleId"] == X).unwrap();
    assert_eq!(rules[x["ruleIndex"].as_u64().unwrap() as usize]["id"], X);
    assert_eq!(x["level"], "warning");
    let loc = &x["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "%E6%8A%A5%E5%91%8A%20%E4%B8%80.txt"
    );
    // 𠀀 is one code point: X is column 4, and the region ends after it.
    assert_eq!(
        loc["region"],
        serde_json::json!({"startLine": 1, "startColumn": 4, "endLine": 1, "endColumn": 5})
    );
    let seq = results.iter().find(|r| r["ruleId"] == SEQ).unwrap();
    let fix = &seq["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(fix["insertedContent"]["text"], "二");
    assert_eq!(fix["deletedRegion"]["startLine"], 3);
    let inv = &run0["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let note = &inv["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert!(note["message"]["text"]
        .as_str()
        .unwrap()
        .contains("bad.txt"));

    // The validator itself rejects what the schema rejects.
    let mut broken = log.clone();
    broken.as_object_mut().unwrap().remove("version");
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    broken["runs"][0]["tool"]["driver"]["colour"] = "red".into();
    let errors = sarif_schema::validate(&broken);
    assert_eq!(errors.len(), 4, "{errors:#?}");

    // A clean run is successful with no results.
    let r = run_in(
        tmp.path(),
        &["check", "--format", "sarif", "-"],
        Some("正文。\n".as_bytes()),
        &[],
    );
    assert_eq!(r.code, 0);
    let log = json(&r);
    assert!(sarif_schema::validate(&log).is_empty());
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
}

#[test]
fn config_files_are_found_walking_up_from_each_file() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let text = "调研X次，《县县本级办法》。\n";
    write(t, "top.txt", text.as_bytes());
    write(
        t,
        "office/gwlint.toml",
        b"[rules]\n\"placeholder/x-slot\" = \"off\"\n",
    );
    write(t, "office/a.txt", text.as_bytes());
    write(t, "office/deep/er/b.txt", text.as_bytes());
    // The page's exported settings, as is.
    write(
        t,
        "office/team/.gwlintrc.json",
        br#"{"rules":{"consistency":"off"},"allow":[],"customTerms":[]}"#,
    );
    write(t, "office/team/c.txt", text.as_bytes());
    let r = run(t, &["check", "--format", "json", "."]);
    let v = json(&r);
    let rules_of = |path: &str| -> Vec<String> {
        let f = v["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == path)
            .unwrap_or_else(|| panic!("{path} in {v}"));
        found(f).into_iter().map(|(r, _, _)| r).collect()
    };
    assert_eq!(rules_of("top.txt"), [X, DOUBLED]);
    assert_eq!(rules_of("office/a.txt"), [DOUBLED]);
    assert_eq!(rules_of("office/deep/er/b.txt"), [DOUBLED]);
    assert_eq!(
        rules_of("office/team/c.txt"),
        [X],
        "the nearest file wins, not merged"
    );

    // Standard input: from the current directory.
    let r = run_in(
        &t.join("office/deep"),
        &["check", "-"],
        Some(text.as_bytes()),
        &[],
    );
    assert!(!r.out.contains(X) && r.out.contains(DOUBLED), "{}", r.out);

    // --config replaces the search.
    write(t, "strict.toml", b"[rules]\nplaceholder = \"error\"\n");
    let r = run(t, &["check", "--config", "strict.toml", "office/a.txt"]);
    assert!(r.out.contains(": error placeholder/x-slot "), "{}", r.out);

    // A broken config fails the files under it, named, and the run goes on.
    write(
        t,
        "broken/gwlint.toml",
        b"[rules]\n\"placeholder/nope\" = \"off\"\n",
    );
    write(t, "broken/d.txt", text.as_bytes());
    let r = run(t, &["check", "broken/d.txt", "top.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("gwlint.toml") && r.err.contains("placeholder/nope"),
        "{}",
        r.err
    );
    assert!(r.out.contains("top.txt:1:3: "), "{}", r.out);
    // Two config files in one folder are ambiguous.
    write(t, "office/.gwlintrc.json", b"{}");
    let r = run(t, &["check", "office/a.txt"]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("请只保留一个"), "{}", r.err);
    // A missing --config is a usage error before anything is checked.
    let r = run(t, &["check", "--config", "nope.toml", "top.txt"]);
    assert_eq!((r.code, r.out.as_str()), (2, ""));
    assert!(r.err.contains("nope.toml"), "{}", r.err);
}

#[test]
fn inline_markers_suppress_findings_in_files() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "调研X次。\n\
                <!-- gwlint-disable-next-line placeholder/x-slot -- 原文如此 -->\n\
                走访X户。\n\
                <!-- gwlint-disable consistency -->\n\
                《县县本级办法》，调研X次。\n\
                <!-- gwlint-enable -->\n\
                《县县本级办法》\n";
    write(tmp.path(), "a.md", text.as_bytes());
    let res = run(tmp.path(), &["check", "--format", "json", "a.md"]);
    let v = json(&res);
    assert_eq!(
        found(&v["files"][0]),
        [
            (X.to_string(), 1, 3),
            (X.to_string(), 5, 12),
            (DOUBLED.to_string(), 7, 2)
        ]
    );
    // The same markers work in a .docx.
    write(
        tmp.path(),
        "b.docx",
        &docx(&[
            &r("&lt;!-- gwlint-disable-next-line placeholder --&gt;"),
            &r("调研X次。"),
        ]),
    );
    let r = run(tmp.path(), &["check", "b.docx"]);
    assert_eq!((r.code, r.out.as_str()), (0, ""), "{}", r.err);
}

#[test]
fn rules_and_explain() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(tmp.path(), &["rules"]);
    assert_eq!(r.code, 0);
    let line = r
        .out
        .lines()
        .find(|l| l.starts_with("placeholder/x-slot "))
        .unwrap();
    let cols: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(&cols[1..3], ["placeholder", "warning"], "{line}");

    let r = run(tmp.path(), &["explain", X]);
    assert_eq!(r.code, 0);
    let mut lines = r.out.lines();
    let head = lines.next().unwrap();
    assert!(
        head.starts_with("placeholder/x-slot  ") && head.len() > X.len() + 2,
        "{head}"
    );
    assert!(lines.next().unwrap().contains("占位符"), "{}", r.out);
    // The body is the rule's doc comment, without the `///` indentation.
    assert!(
        r.out.lines().filter(|l| l.len() > 20).count() >= 3,
        "{}",
        r.out
    );
    let first = r.out.lines().nth(3).unwrap();
    assert!(!first.is_empty() && !first.starts_with(' '), "{}", r.out);

    let r = run(tmp.path(), &["explain", "x-slot"]);
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("placeholder/x-slot"),
        "suggests the full id: {}",
        r.err
    );
    let r = run(tmp.path(), &["explain"]);
    assert_eq!(r.code, 2);
}
