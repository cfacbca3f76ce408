//! The `gwlint` binary: JSON contract, text format, exit codes.

mod common;

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn gwlint(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gwlint"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(s) = stdin {
        // The binary may exit (e.g. on a bad config) before reading its input.
        let _ = child.stdin.take().unwrap().write_all(s.as_bytes());
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn example_report_finds_the_eight_placeholders_and_the_doubled_county() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let path = shared.join("examples/example-report.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let (code, out, err) = gwlint(&["check", "--format", "json", path.to_str().unwrap()], None);
    assert_eq!(code, 1, "warnings found → exit 1; stderr: {err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let diags = v["files"][0]["diagnostics"].as_array().unwrap();
    let chars: Vec<char> = text.chars().collect();
    let covered = |d: &Value| {
        chars[d["start"].as_u64().unwrap() as usize..d["end"].as_u64().unwrap() as usize]
            .iter()
            .collect::<String>()
    };

    let serious: Vec<&Value> = diags.iter().filter(|d| d["severity"] != "info").collect();
    let placeholders: Vec<(u64, String)> = serious
        .iter()
        .filter(|d| d["rule"] == "placeholder/x-slot")
        .map(|d| (d["line"].as_u64().unwrap(), covered(d)))
        .collect();
    assert_eq!(
        placeholders,
        vec![
            (7, "X".into()),
            (7, "X".into()),
            (7, "X".into()),
            (9, "X".into()),
            (9, "X".into()),
            (9, "X".into()),
            (12, "X".into()),
            (13, "X".into())
        ]
    );
    // What follows each X: 次, 次, 次, 余, 类, 个, 个, 行.
    let next: String = serious
        .iter()
        .filter(|d| d["rule"] == "placeholder/x-slot")
        .map(|d| chars[d["end"].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(next, "次次次余类个个行");

    let doubled: Vec<&&Value> = serious
        .iter()
        .filter(|d| d["rule"] == "consistency/doubled-char")
        .collect();
    assert_eq!(doubled.len(), 1);
    assert_eq!(covered(doubled[0]), "县县");
    assert_eq!(doubled[0]["line"], 11);
    assert_eq!(
        serious.len(),
        9,
        "nothing else at warning or above: {serious:#?}"
    );

    // Line and column agree with start (chars, 1-based).
    for d in diags {
        let start = d["start"].as_u64().unwrap() as usize;
        let line_start = chars[..start]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |i| i + 1);
        assert_eq!(
            d["column"].as_u64().unwrap() as usize,
            start - line_start + 1
        );
        assert_eq!(
            d["line"].as_u64().unwrap() as usize,
            chars[..start].iter().filter(|&&c| c == '\n').count() + 1
        );
    }
}

#[test]
fn json_contract_shape() {
    let (code, out, _) = gwlint(
        &["check", "--format", "json", "-"],
        Some("𠀀《县县本级办法》\n"),
    );
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    let f = &v["files"][0];
    assert_eq!(f["path"], "-");
    let d = &f["diagnostics"][0];
    let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["category", "column", "end", "fixes", "line", "message", "rule", "severity", "start"]
    );
    assert_eq!(d["rule"], "consistency/doubled-char");
    assert_eq!(d["category"], "consistency");
    assert_eq!(d["severity"], "warning");
    // Offsets count chars: 𠀀 is one.
    assert_eq!(
        (
            d["start"].as_u64(),
            d["end"].as_u64(),
            d["line"].as_u64(),
            d["column"].as_u64()
        ),
        (Some(2), Some(4), Some(1), Some(3))
    );
    let fix = &d["fixes"][0];
    assert_eq!(
        (fix["start"].as_u64(), fix["end"].as_u64()),
        (Some(2), Some(4))
    );
    assert_eq!(fix["replacement"], "县");
    assert_eq!(fix["applicability"], "review");
    assert!(d["message"].as_str().unwrap().contains("县县"));
}

#[test]
fn text_format_and_exit_codes() {
    let (code, out, _) = gwlint(&["check", "-"], Some("一、总体要求\n三、工作措施\n"));
    assert_eq!(code, 1);
    assert!(
        out.starts_with("-:2:1: warning structure/heading-sequence "),
        "{out}"
    );

    let (code, out, _) = gwlint(
        &["check", "-"],
        Some("一、总体要求\n二、工作措施\n层层压实责任。\n"),
    );
    assert_eq!((code, out.as_str()), (0, ""));

    let (code, _, err) = gwlint(&["check", "/nonexistent/报告.txt"], None);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/报告.txt"), "{err}");
}

#[test]
fn config_turns_rules_off_and_changes_severity() {
    let dir = std::env::temp_dir().join(format!("gwlint-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("c.json");
    std::fs::write(
        &cfg,
        r#"{"rules":{"placeholder/x-slot":"info","consistency":"off"}}"#,
    )
    .unwrap();
    let (code, out, _) = gwlint(
        &["check", "--config", cfg.to_str().unwrap(), "-"],
        Some("调研X次，《县县本级办法》。\n"),
    );
    assert_eq!(code, 0, "only info left");
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains(": info placeholder/x-slot "), "{out}");

    std::fs::write(&cfg, r#"{"rules":{"placeholder/nope":"off"}}"#).unwrap();
    let (code, _, err) = gwlint(
        &["check", "--config", cfg.to_str().unwrap(), "-"],
        Some("x"),
    );
    assert_eq!(code, 2);
    assert!(err.contains("placeholder/nope"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn rules_lists_the_registry() {
    let (code, out, _) = gwlint(&["rules"], None);
    assert_eq!(code, 0);
    for id in [
        "placeholder/x-slot",
        "consistency/doubled-char",
        "structure/heading-sequence",
    ] {
        assert!(out.contains(id), "{out}");
    }
}

#[test]
fn json_lists_the_placeholder_checklist_per_file() {
    let text = "𠀀组织专题学习会XX次\n○○县【待补充】\n";
    let (_, out, _) = gwlint(&["check", "--format", "json", "-"], Some(text));
    let v: Value = serde_json::from_str(&out).unwrap();
    let list = v["files"][0]["placeholders"].as_array().unwrap();
    let got: Vec<(String, u64, u64, u64)> = list
        .iter()
        .map(|p| {
            (
                p["text"].as_str().unwrap().to_string(),
                p["line"].as_u64().unwrap(),
                p["start"].as_u64().unwrap(),
                p["end"].as_u64().unwrap(),
            )
        })
        .collect();
    // Offsets are chars: 𠀀 counts once.
    assert_eq!(
        got,
        [
            ("XX".to_string(), 1, 8, 10),
            ("○○".to_string(), 2, 12, 14),
            ("【待补充】".to_string(), 2, 15, 20)
        ]
    );
    assert_eq!(list[0]["before"], "𠀀组织专题学习会");
    assert_eq!(list[0]["after"], "次");
    assert_eq!(list[2]["rule"], "placeholder/bracket-slot");
}

#[test]
fn json_lists_the_outline_per_file() {
    let text = "𠀀关于加强学习的报告\n一、主要做法\n（一）加强学习。全年学习12次。\n二、存在问题\n";
    let (_, out, _) = gwlint(&["check", "--format", "json", "-"], Some(text));
    let v: Value = serde_json::from_str(&out).unwrap();
    let list = v["files"][0]["outline"].as_array().unwrap();
    let got: Vec<(String, String, u64, u64, u64, u64)> = list
        .iter()
        .map(|n| {
            (
                n["number"].as_str().unwrap().to_string(),
                n["text"].as_str().unwrap().to_string(),
                n["level"].as_u64().unwrap(),
                n["depth"].as_u64().unwrap(),
                n["line"].as_u64().unwrap(),
                n["start"].as_u64().unwrap(),
            )
        })
        .collect();
    // Offsets are chars: 𠀀 counts once.
    assert_eq!(
        got,
        [
            ("一、".into(), "主要做法".into(), 1, 0, 2, 11),
            ("（一）".into(), "加强学习".into(), 2, 1, 3, 18),
            ("二、".into(), "存在问题".into(), 1, 0, 4, 35),
        ]
    );
    assert_eq!(list[1]["parent"], 0);
    assert!(list[0].get("parent").is_none());
}
