//! Paragraph text of a .docx (Office Open XML) file: the body of
//! `word/document.xml`, one line per `w:p` paragraph (table cells and text
//! boxes included), so that line numbers count paragraphs. Read with `zip`
//! and `quick-xml`; headers, footers, footnotes and comments are not read.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use std::io::{Cursor, Read};

/// WordprocessingML, transitional and strict.
const W_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// Markup compatibility: `mc:Fallback` repeats the text of `mc:Choice`.
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// document.xml larger than this (uncompressed) is refused: a zip bomb, not a report.
const MAX_XML: u64 = 256 << 20;

/// Reads the paragraph text of a .docx file, one paragraph per line.
pub fn read(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("不是有效的 .docx 文件（无法作为 zip 打开：{e}）"))?;
    let mut entry = zip
        .by_name("word/document.xml")
        .map_err(|_| "不是有效的 .docx 文件（缺少 word/document.xml）".to_string())?;
    let mut xml = String::new();
    (&mut entry)
        .take(MAX_XML + 1)
        .read_to_string(&mut xml)
        .map_err(|e| format!("无法读取 .docx 正文：{e}"))?;
    if xml.len() as u64 > MAX_XML {
        return Err("无法读取 .docx 正文：word/document.xml 过大".into());
    }
    paragraphs(&xml).map_err(|e| format!("无法读取 .docx 正文（XML 有误：{e}）"))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum W {
    P,
    R,
    T,
    Tab,
    Br,
    Cr,
    Other,
}

fn classify(ns: &ResolveResult, local: &str) -> W {
    let ResolveResult::Bound(n) = ns else {
        return W::Other;
    };
    if !W_NS.contains(&n.as_ref()) {
        return W::Other;
    }
    match local {
        "p" => W::P,
        "r" => W::R,
        "t" => W::T,
        "tab" => W::Tab,
        "br" => W::Br,
        "cr" => W::Cr,
        _ => W::Other,
    }
}

fn is_mc_fallback(ns: &ResolveResult, local: &str) -> bool {
    matches!(ns, ResolveResult::Bound(n) if n.as_ref() == MC_NS) && local == "Fallback"
}

/// A `w:br` breaks the line unless it is a page or column break.
fn is_line_break(e: &BytesStart) -> bool {
    !e.attributes()
        .flatten()
        .any(|a| a.key.local_name().as_ref() == "type" && a.value.as_ref() != "textWrapping")
}

/// Extracts the paragraphs of a `word/document.xml`.
pub fn paragraphs(xml: &str) -> Result<String, String> {
    let mut reader = NsReader::from_str(xml);
    let mut out = String::new();
    // Paragraphs being read; text boxes nest paragraphs inside paragraphs.
    let mut open: Vec<String> = Vec::new();
    // The element stack, as far as it matters: are we in a run, in a w:t?
    let mut stack: Vec<W> = Vec::new();
    // Depth inside an mc:Fallback (skipped), 0 when outside.
    let mut skip = 0usize;
    loop {
        let (ns, ev) = reader.read_resolved_event().map_err(|e| e.to_string())?;
        match ev {
            Event::Start(e) => {
                let local = e.local_name();
                if skip > 0 || is_mc_fallback(&ns, local.as_ref()) {
                    skip += 1;
                    continue;
                }
                let w = classify(&ns, local.as_ref());
                if w == W::P {
                    open.push(String::new());
                }
                stack.push(w);
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let in_run = stack.last() == Some(&W::R);
                let c = match classify(&ns, e.local_name().as_ref()) {
                    W::P => {
                        out.push('\n');
                        continue;
                    }
                    W::Tab if in_run => '\t',
                    W::Br if in_run && is_line_break(&e) => '\n',
                    W::Cr if in_run => '\n',
                    _ => continue,
                };
                if let Some(p) = open.last_mut() {
                    p.push(c);
                }
            }
            Event::End(_) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                if stack.pop() == Some(W::P) {
                    let p = open.pop().unwrap_or_default();
                    out.push_str(&p);
                    out.push('\n');
                }
            }
            Event::Text(t) if skip == 0 && stack.last() == Some(&W::T) => {
                if let Some(p) = open.last_mut() {
                    p.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) if skip == 0 && stack.last() == Some(&W::T) => {
                if let Some(p) = open.last_mut() {
                    p.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if skip == 0 && stack.last() == Some(&W::T) => {
                let c = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c,
                    None => match r.xml10_content().as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => return Err(format!("未知的实体 &{other};")),
                    },
                };
                if let Some(p) = open.last_mut() {
                    p.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>"#;

    fn doc(body: &str) -> String {
        paragraphs(&format!("{HEAD}{body}</w:body></w:document>")).unwrap()
    }

    #[test]
    fn one_line_per_paragraph_runs_joined() {
        assert_eq!(
            doc(
                r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>一、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">总体 要求</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>A&amp;B&#x4E00;</w:t><w:tab/><w:t>x</w:t></w:r></w:p>"#
            ),
            "一、总体 要求\n\nA&B一\tx\n"
        );
    }

    #[test]
    fn tables_text_boxes_and_breaks() {
        let body = r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>前</w:t><w:br/><w:t>后</w:t><w:br w:type="page"/><w:t>页</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent><w:t>外</w:t></w:r></w:p>"#;
        assert_eq!(doc(body), "甲\n乙\n前\n后页\n框\n外\n");
    }

    #[test]
    fn deleted_text_and_field_codes_are_not_text() {
        let body = r#"<w:p><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:ins><w:r><w:t>增</w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>1</w:t></w:r></w:p>"#;
        assert_eq!(doc(body), "增1\n");
    }

    #[test]
    fn broken_input_is_an_error() {
        assert!(read(b"not a zip").unwrap_err().contains(".docx"));
        assert!(paragraphs("<w:document><w:p></w:document>").is_err());
    }
}
