use crate::model::{Document, Paragraph};
use crate::rules::is_han;
use crate::sink::Sink;

crate::declare_rule! {
    /// Finds 某某 slots: `某某局`, `某某同志`, `张某某`, and a single 某 before
    /// a unit (`某乡`, `某县`, `某单位`) or after a surname (`王某在`).
    ///
    /// Why: templates and sample texts name people and units 某某; left in a
    /// report they are unfilled names.
    ///
    /// Stays quiet on the determiner 某 (`某些`, `某种`, `某个`, `某一`, `某项`,
    /// `某地`). With `"anonymized": true` in the config (a 通报 that hides
    /// names on purpose) surnames with 某 (`张某某`, `李某`) and 某县/某某公司
    /// are deliberate and only a run of three (`某某某`) is reported.
    ///
    /// A single 某 (`某市`, `王某`) is reported at info: excerpts and cases
    /// anonymise that way on purpose (摘自某市领导讲话材料). It still appears in
    /// the checklist.
    ///
    /// No fix: only the writer knows the name.
    pub static MOUXX = {
        id: "placeholder/mouxx",
        category: Placeholder,
        severity: Warning,
        title: "未填写的“某某”",
        check: Paragraph(check),
        triggers: triggers,
    };
}

/// Words that follow a single 某 when it names a unit to fill in.
const UNITS: &[&str] = &[
    "乡",
    "镇",
    "县",
    "市",
    "区",
    "村",
    "省",
    "局",
    "委",
    "厅",
    "街道",
    "社区",
    "单位",
    "公司",
    "同志",
    "党支部",
    "支部",
];

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤";

/// Characters that may follow a surname + 某 name (王某在…, 张某等).
const AFTER_NAME: &str = "同等在的因被系为任和与及、，。；：）";

fn check(doc: &Document, p: &Paragraph, sink: &mut Sink<'_>) {
    let anonymized = sink.config().anonymized;
    let text = doc.para_text(p);
    let chars = crate::rules::punctuation::chars_of(text);
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].1 != '某' {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].1 == '某' {
            j += 1;
        }
        let prev = i.checked_sub(1).map(|k| chars[k].1);
        let next = chars.get(j).map(|&(_, c)| c);
        let rest = &text[end_of(j)..];
        let surname = prev.is_some_and(|c| SURNAMES.contains(c))
            && (i < 2 || !is_han(chars[i - 2].1) || j - i >= 2);
        let n = j - i;
        let (start, message) = if n >= 3 {
            (
                i,
                format!(
                    "“{}”是未填写的占位符，请填入实际名称",
                    &text[chars[i].0..end_of(j)]
                ),
            )
        } else if anonymized {
            i = j;
            continue;
        } else if surname && (n == 2 || next.is_none_or(|c| !is_han(c) || AFTER_NAME.contains(c))) {
            let name = &text[chars[i - 1].0..end_of(j)];
            (
                i - 1,
                format!(
                    "“{name}”是示例姓名，请填入真实姓名；如为有意匿名，可在配置中设置 anonymized"
                ),
            )
        } else if n == 2 {
            (i, "“某某”是未填写的占位符，请填入实际名称".to_string())
        } else if UNITS.iter().any(|u| rest.starts_with(u)) {
            let unit = UNITS.iter().find(|u| rest.starts_with(*u)).unwrap();
            (
                i,
                format!("“某{unit}”疑为未填写的占位符，请填入实际名称；如为有意匿名可忽略"),
            )
        } else {
            i = j;
            continue;
        };
        let d = sink.report(p.start + chars[start].0, p.start + end_of(j), message);
        // A single 某 (某市, 王某) is often deliberate in quoted cases: a hint.
        if n == 1 {
            d.with_severity(crate::Severity::Info);
        }
        i = j;
    }
}

/// See `registry::Triggers`.
fn triggers(t: &mut crate::registry::Triggers) {
    t.any("某");
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::testing::{assert_fires, assert_quiet};
    const R: &str = "placeholder/mouxx";

    #[test]
    fn fires_on_slots() {
        assert_fires(R, "⟦某某⟧局、⟦某某⟧同志");
        assert_fires(R, "2021年上半年⟦某⟧乡政府工作总结");
        assert_fires(R, "党员⟦张某某⟧在工作中");
        assert_fires(R, "⟦王某⟧，男，汉族");
        assert_fires(R, "⟦某某某⟧同志");
    }

    #[test]
    fn quiet_on_determiners() {
        assert_quiet(
            R,
            "暂时搁置某些政治争议，针对某一类安全问题，某种程度上，某个环节，某项工作，某地发生",
        );
    }

    #[test]
    fn a_single_mou_is_a_hint() {
        let d = crate::check("摘自某市领导讲话材料", &Config::default());
        let d: Vec<_> = d.iter().filter(|d| d.rule.id == R).collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, crate::Severity::Info);
    }

    #[test]
    fn anonymised_documents_keep_their_names() {
        let c = Config::from_json(r#"{"anonymized": true}"#).unwrap();
        let text = "某县某某公司职工张某某、李某违规发放补贴";
        assert!(crate::check(text, &c).iter().all(|d| d.rule.id != R));
        assert!(crate::check(text, &Config::default())
            .iter()
            .any(|d| d.rule.id == R));
        assert!(crate::check("某某某同志", &c)
            .iter()
            .any(|d| d.rule.id == R));
    }
}
