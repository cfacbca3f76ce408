use crate::diagnostic::Applicability;
use crate::model::{parse_ordinal_full, Document, OrdinalForm, OrdinalStyle};
use crate::sink::Sink;

crate::declare_rule! {
    /// Checks the 附件说明 (GB/T 9704-2012 §7.3.4): `附件：1.名称` with a
    /// full-width colon, items numbered `1.` `2.`, no punctuation after a name,
    /// and (at info) no number when there is only one attachment.
    ///
    /// Why: the standard fixes the form: "附件" and a full-width colon, Arabic
    /// numerals with a dot for several attachments, and no mark after a name.
    ///
    /// Fires on `附件:1、台账。`: the colon, the `1、` and the `。`. Stays quiet
    /// on `附件：1.台账` / `2.名单`, on `附件：某某方案` and on the `附件1`
    /// label that heads the attachment itself.
    ///
    /// Fix (safe): `：`, `1.`, or deleting the mark.
    pub static ATTACHMENT_NOTE = {
        id: "structure/attachment-note",
        category: Structure,
        severity: Warning,
        title: "附件说明格式不规范",
        check: Document(check),
    };
}

fn check(doc: &Document, sink: &mut Sink<'_>) {
    let mut i = 0;
    while i < doc.paragraphs.len() {
        let p = &doc.paragraphs[i];
        i += 1;
        let t = doc.para_text(p);
        let Some(rest) = t.strip_prefix("附件") else {
            continue;
        };
        let colon = rest.chars().next();
        if !matches!(colon, Some(':' | '：')) {
            continue;
        }
        let colon_at = p.start + "附件".len();
        if colon == Some(':') {
            sink.report(colon_at, colon_at + 1, "“附件”后应使用全角冒号“：”")
                .fix(colon_at, colon_at + 1, "：", Applicability::Safe);
        }
        let first_at = colon_at + colon.unwrap().len_utf8();
        // Items: the rest of this line, then following lines numbered 2. 3. …
        let mut items = vec![(first_at, p.end)];
        while let Some(q) = doc.paragraphs.get(i) {
            let qt = doc.para_text(q);
            match parse_ordinal_full(qt) {
                Some(o)
                    if matches!(o.style, OrdinalStyle::ArabicDot | OrdinalStyle::ParenArabic)
                        && o.value as usize == items.len() + 1 =>
                {
                    items.push((q.start, q.end));
                    i += 1;
                }
                _ => break,
            }
        }
        let several = items.len() > 1;
        for (k, &(s, e)) in items.iter().enumerate() {
            let it = doc.slice(s, e);
            if it.is_empty() {
                continue;
            }
            let ord = parse_ordinal_full(it)
                .filter(|o| matches!(o.style, OrdinalStyle::ArabicDot | OrdinalStyle::ParenArabic));
            match ord {
                Some(o) if !several && o.value == 1 => {
                    sink.report(s, s + o.len, "只有一个附件时不编序号，请删去序号")
                        .with_severity(crate::Severity::Info)
                        .fix(s, s + o.len, "", Applicability::Review);
                }
                Some(o)
                    if o.style != OrdinalStyle::ArabicDot || o.form != OrdinalForm::Standard =>
                {
                    let want = format!("{}.", o.value);
                    sink.report(s, s + o.len, format!("附件序号应写作“{want}”"))
                        .fix(s, s + o.len, want, Applicability::Safe);
                }
                None if several && k == 0 => {}
                _ => {}
            }
            if let Some(last) = it.chars().next_back() {
                if matches!(last, '。' | '；' | '，' | '、' | '.' | ';' | ',') {
                    let ls = e - last.len_utf8();
                    sink.report(ls, e, "附件名称后不加标点符号，请删去").fix(
                        ls,
                        e,
                        "",
                        Applicability::Safe,
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_fires, assert_fix, assert_quiet};
    const R: &str = "structure/attachment-note";

    #[test]
    fn fires_on_colon_numbering_and_closing_marks() {
        assert_fires(R, "正文。\n附件⟦:⟧⟦1、⟧台账⟦。⟧\n⟦2、⟧名单\n");
        assert_fires(R, "正文。\n附件：1.台账\n2.名单⟦；⟧\n");
    }

    #[test]
    fn quiet_on_the_standard_form() {
        assert_quiet(
            R,
            "正文。\n附件：1.台账\n2.名单\n某县人民政府\n2024年3月5日\n",
        );
        assert_quiet(R, "正文。\n附件：某某工作方案\n");
        assert_quiet(R, "附件1\n名单\n");
        assert_quiet(R, "附件：\n某某方案\n");
    }

    #[test]
    fn single_attachment_number_is_info() {
        let d = crate::check("正文。\n附件：1.台账\n", &crate::Config::default());
        let t: Vec<_> = d.iter().filter(|d| d.rule.id == R).collect();
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].severity, crate::Severity::Info);
    }

    #[test]
    fn fix_writes_the_standard_form() {
        assert_fix(R, "附件:1、台账。\n2、名单\n", "附件：1.台账\n2.名单\n");
    }
}
