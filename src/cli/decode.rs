//! Text encodings of input files: UTF-8 (with or without BOM), UTF-16 with a
//! BOM, and GB18030 (a superset of GBK and GB2312, still common for files
//! from Windows offices). Decoding and encoding go through `encoding_rs`,
//! except UTF-16 output, which `encoding_rs` does not encode.

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8（带 BOM）",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        }
    }
}

/// Decodes a text file, or says in Chinese why it is not one.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), String> {
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        std::str::from_utf8(rest)
            .map(|s| (s.to_string(), Encoding::Utf8Bom))
            .map_err(|e| format!("UTF-8 编码有误（第 {} 字节处）", e.valid_up_to() + 3))?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, Encoding::Utf16Le)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, Encoding::Utf16Be)?
    } else {
        if let Some(kind) = known_binary(bytes) {
            return Err(kind);
        }
        if bytes.contains(&0) {
            return Err(if looks_like_utf16_without_bom(bytes) {
                "疑似不带 BOM 的 UTF-16 文本，请另存为 UTF-8（或带 BOM 的 UTF-16）后再检查".into()
            } else {
                "是二进制文件，不是文本".into()
            });
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), Encoding::Utf8),
            Err(_) => match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(s) => (s.into_owned(), Encoding::Gb18030),
                None => {
                    return Err(
                        "无法识别的编码：既不是 UTF-8、带 BOM 的 UTF-16，也不是 GB18030/GBK".into(),
                    )
                }
            },
        }
    };
    if looks_binary(&decoded.0) {
        return Err("是二进制文件，不是文本".into());
    }
    Ok(decoded)
}

fn utf16(rest: &[u8], enc: Encoding) -> Result<(String, Encoding), String> {
    let coder = if enc == Encoding::Utf16Le {
        UTF_16LE
    } else {
        UTF_16BE
    };
    match coder.decode_without_bom_handling_and_without_replacement(rest) {
        Some(s) if rest.len().is_multiple_of(2) => Ok((s.into_owned(), enc)),
        _ => Err(format!("{} 编码有误", enc.name())),
    }
}

/// Formats that users name by mistake, with advice.
fn known_binary(bytes: &[u8]) -> Option<String> {
    let msg = if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        "是旧版 Word（.doc）或其他 Office 二进制文件，请另存为 .docx 或 .txt 后再检查"
    } else if bytes.starts_with(b"%PDF-") {
        "是 PDF 文件，无法检查，请使用 .docx、.txt 或 .md 文件"
    } else if bytes.starts_with(b"PK\x03\x04") {
        "是 zip 压缩文件（如 .docx 文件，请保留 .docx 扩展名）"
    } else {
        return None;
    };
    Some(msg.into())
}

/// ASCII-heavy UTF-16 without a BOM: zero bytes on one parity only.
fn looks_like_utf16_without_bom(bytes: &[u8]) -> bool {
    let zeros = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let half = bytes.len() / 2;
    half >= 4 && (even.min(odd) == 0) && even.max(odd) * 3 >= half
}

/// Control characters other than tab, line breaks and form feed are rare in
/// text; more than a few mean a binary file that happened to decode.
fn looks_binary(text: &str) -> bool {
    let controls = text
        .chars()
        .filter(|&c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) || c == '\x7f')
        .count();
    controls > 8.max(text.len() / 1000)
}

/// Encodes `text` as `enc` (with its BOM, if it had one).
pub fn encode(text: &str, enc: Encoding) -> Vec<u8> {
    match enc {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Encoding::Utf16Le => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        Encoding::Utf16Be => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        Encoding::Gb18030 => GB18030.encode(text).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "一、总体要求\r\n调研X次，县县本级。𠀀\n";

    #[test]
    fn round_trips_every_encoding() {
        for enc in [
            Encoding::Utf8,
            Encoding::Utf8Bom,
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Gb18030,
        ] {
            let bytes = encode(TEXT, enc);
            assert_eq!(decode(&bytes).unwrap(), (TEXT.to_string(), enc), "{enc:?}");
        }
    }

    #[test]
    fn gbk_bytes_decode_as_gb18030() {
        // 公文 in GBK.
        assert_eq!(
            decode(b"\xB9\xAB\xCE\xC4\r\n").unwrap(),
            ("公文\r\n".to_string(), Encoding::Gb18030)
        );
    }

    #[test]
    fn binary_and_broken_files_are_refused() {
        assert!(decode(b"\x7fELF\x02\x01\x01\0\0\0")
            .unwrap_err()
            .contains("二进制"));
        let utf16: Vec<u8> = "Report 2024\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(decode(&utf16).unwrap_err().contains("UTF-16"));
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
            .unwrap_err()
            .contains("二进制"));
        assert!(decode(b"%PDF-1.7\n").unwrap_err().contains("PDF"));
        assert!(decode(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0")
            .unwrap_err()
            .contains(".doc"));
        // 0xFF is not a GB18030 lead byte, and this is not UTF-8 either.
        assert!(decode(b"abc\xFF\xFFdef").unwrap_err().contains("编码"));
        // Odd length and an unpaired surrogate in UTF-16.
        assert!(decode(b"\xFF\xFEa").is_err());
        assert!(decode(b"\xFF\xFE\x00\xD8a\x00").is_err());
        let many_controls: Vec<u8> = (0..40).flat_map(|_| *b"a\x01\x02").collect();
        assert!(decode(&many_controls).unwrap_err().contains("二进制"));
        assert!(decode(b"text with one \x1a control\n").is_ok());
        assert_eq!(decode(b"").unwrap(), (String::new(), Encoding::Utf8));
    }
}
