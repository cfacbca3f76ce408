//! The part of the SARIF 2.1.0 JSON schema (OASIS, sarif-schema-2.1.0.json)
//! that gwlint's output uses, written out as a table: for each definition,
//! its required properties and the type of each property gwlint may emit.
//! As in the schema, these objects have `additionalProperties: false`
//! (except property bags), so an unknown key is an error here too.

use serde_json::Value;

#[derive(Clone, Copy)]
pub enum Ty {
    Str,
    /// A non-empty string (format uri / uri-reference).
    Uri,
    Int {
        min: i64,
    },
    Bool,
    Enum(&'static [&'static str]),
    Ref(&'static str),
    Arr {
        items: &'static Ty,
        min: usize,
        unique: bool,
    },
    /// A property bag: any keys; `tags` must be unique strings.
    Bag,
}

pub struct Def {
    pub name: &'static str,
    pub required: &'static [&'static str],
    /// At least one of these must be present (the schema's `anyOf` of `required`).
    pub any_of: &'static [&'static str],
    pub props: &'static [(&'static str, Ty)],
}

const LEVEL: Ty = Ty::Enum(&["none", "note", "warning", "error"]);
const MESSAGE: Ty = Ty::Ref("message");
const MMS: Ty = Ty::Ref("multiformatMessageString");

pub const DEFS: &[Def] = &[
    Def {
        name: "sarifLog",
        required: &["version", "runs"],
        any_of: &[],
        props: &[
            ("$schema", Ty::Uri),
            ("version", Ty::Enum(&["2.1.0"])),
            (
                "runs",
                Ty::Arr {
                    items: &Ty::Ref("run"),
                    min: 0,
                    unique: false,
                },
            ),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "run",
        required: &["tool"],
        any_of: &[],
        props: &[
            ("tool", Ty::Ref("tool")),
            (
                "invocations",
                Ty::Arr {
                    items: &Ty::Ref("invocation"),
                    min: 0,
                    unique: false,
                },
            ),
            (
                "results",
                Ty::Arr {
                    items: &Ty::Ref("result"),
                    min: 0,
                    unique: false,
                },
            ),
            (
                "columnKind",
                Ty::Enum(&["utf16CodeUnits", "unicodeCodePoints"]),
            ),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "tool",
        required: &["driver"],
        any_of: &[],
        props: &[
            ("driver", Ty::Ref("toolComponent")),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "toolComponent",
        required: &["name"],
        any_of: &[],
        props: &[
            ("name", Ty::Str),
            ("version", Ty::Str),
            ("informationUri", Ty::Uri),
            (
                "rules",
                Ty::Arr {
                    items: &Ty::Ref("reportingDescriptor"),
                    min: 0,
                    unique: true,
                },
            ),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "reportingDescriptor",
        required: &["id"],
        any_of: &[],
        props: &[
            ("id", Ty::Str),
            ("name", Ty::Str),
            ("shortDescription", MMS),
            ("fullDescription", MMS),
            ("help", MMS),
            ("helpUri", Ty::Uri),
            ("defaultConfiguration", Ty::Ref("reportingConfiguration")),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "reportingConfiguration",
        required: &[],
        any_of: &[],
        props: &[
            ("enabled", Ty::Bool),
            ("level", LEVEL),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "multiformatMessageString",
        required: &["text"],
        any_of: &[],
        props: &[
            ("text", Ty::Str),
            ("markdown", Ty::Str),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "message",
        required: &[],
        any_of: &["text", "id"],
        props: &[("text", Ty::Str), ("id", Ty::Str), ("properties", Ty::Bag)],
    },
    Def {
        name: "result",
        required: &["message"],
        any_of: &[],
        props: &[
            ("ruleId", Ty::Str),
            ("ruleIndex", Ty::Int { min: -1 }),
            ("level", LEVEL),
            ("message", MESSAGE),
            (
                "locations",
                Ty::Arr {
                    items: &Ty::Ref("location"),
                    min: 0,
                    unique: false,
                },
            ),
            (
                "fixes",
                Ty::Arr {
                    items: &Ty::Ref("fix"),
                    min: 0,
                    unique: true,
                },
            ),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "location",
        required: &[],
        any_of: &[],
        props: &[
            ("physicalLocation", Ty::Ref("physicalLocation")),
            ("message", MESSAGE),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "physicalLocation",
        required: &[],
        any_of: &["address", "artifactLocation"],
        props: &[
            ("artifactLocation", Ty::Ref("artifactLocation")),
            ("region", Ty::Ref("region")),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "artifactLocation",
        required: &[],
        any_of: &[],
        props: &[
            ("uri", Ty::Uri),
            ("uriBaseId", Ty::Str),
            ("index", Ty::Int { min: -1 }),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "region",
        required: &[],
        any_of: &[],
        props: &[
            ("startLine", Ty::Int { min: 1 }),
            ("startColumn", Ty::Int { min: 1 }),
            ("endLine", Ty::Int { min: 1 }),
            ("endColumn", Ty::Int { min: 1 }),
            ("charOffset", Ty::Int { min: -1 }),
            ("charLength", Ty::Int { min: 0 }),
            ("snippet", Ty::Ref("artifactContent")),
            ("message", MESSAGE),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "fix",
        required: &["artifactChanges"],
        any_of: &[],
        props: &[
            ("description", MESSAGE),
            (
                "artifactChanges",
                Ty::Arr {
                    items: &Ty::Ref("artifactChange"),
                    min: 1,
                    unique: true,
                },
            ),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "artifactChange",
        required: &["artifactLocation", "replacements"],
        any_of: &[],
        props: &[
            ("artifactLocation", Ty::Ref("artifactLocation")),
            (
                "replacements",
                Ty::Arr {
                    items: &Ty::Ref("replacement"),
                    min: 1,
                    unique: false,
                },
            ),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "replacement",
        required: &["deletedRegion"],
        any_of: &[],
        props: &[
            ("deletedRegion", Ty::Ref("region")),
            ("insertedContent", Ty::Ref("artifactContent")),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "artifactContent",
        required: &[],
        any_of: &[],
        props: &[
            ("text", Ty::Str),
            ("binary", Ty::Str),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "invocation",
        required: &["executionSuccessful"],
        any_of: &[],
        props: &[
            ("executionSuccessful", Ty::Bool),
            ("exitCode", Ty::Int { min: i64::MIN }),
            (
                "toolExecutionNotifications",
                Ty::Arr {
                    items: &Ty::Ref("notification"),
                    min: 0,
                    unique: true,
                },
            ),
            ("properties", Ty::Bag),
        ],
    },
    Def {
        name: "notification",
        required: &["message"],
        any_of: &[],
        props: &[
            (
                "locations",
                Ty::Arr {
                    items: &Ty::Ref("location"),
                    min: 0,
                    unique: true,
                },
            ),
            ("message", MESSAGE),
            ("level", LEVEL),
            ("properties", Ty::Bag),
        ],
    },
];

fn def(name: &str) -> &'static Def {
    DEFS.iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no definition {name}"))
}

fn unique(items: &[Value]) -> bool {
    items
        .iter()
        .enumerate()
        .all(|(i, a)| items[..i].iter().all(|b| a != b))
}

fn check_ty(v: &Value, ty: Ty, at: &str, errors: &mut Vec<String>) {
    let mut bad = |what: &str| errors.push(format!("{at}: {what}, got {v}"));
    match ty {
        Ty::Str => {
            if !v.is_string() {
                bad("expected a string")
            }
        }
        Ty::Uri => {
            if !v
                .as_str()
                .is_some_and(|s| !s.is_empty() && !s.contains(' '))
            {
                bad("expected a URI reference")
            }
        }
        Ty::Int { min } => {
            if v.as_i64().is_none_or(|n| n < min) {
                bad(&format!("expected an integer >= {min}"))
            }
        }
        Ty::Bool => {
            if !v.is_boolean() {
                bad("expected a boolean")
            }
        }
        Ty::Enum(vals) => {
            if !v.as_str().is_some_and(|s| vals.contains(&s)) {
                bad(&format!("expected one of {vals:?}"))
            }
        }
        Ty::Arr {
            items,
            min,
            unique: u,
        } => match v.as_array() {
            None => bad("expected an array"),
            Some(a) => {
                if a.len() < min {
                    bad(&format!("expected at least {min} items"));
                }
                if u && !unique(a) {
                    bad("expected unique items");
                }
                for (i, x) in a.iter().enumerate() {
                    check_ty(x, *items, &format!("{at}[{i}]"), errors);
                }
            }
        },
        Ty::Bag => match v.as_object() {
            None => bad("expected a property bag"),
            Some(o) => {
                if let Some(t) = o.get("tags") {
                    check_ty(
                        t,
                        Ty::Arr {
                            items: &Ty::Str,
                            min: 0,
                            unique: true,
                        },
                        &format!("{at}.tags"),
                        errors,
                    );
                }
            }
        },
        Ty::Ref(name) => check_def(v, def(name), at, errors),
    }
}

fn check_def(v: &Value, d: &Def, at: &str, errors: &mut Vec<String>) {
    let Some(o) = v.as_object() else {
        errors.push(format!("{at}: expected a {} object, got {v}", d.name));
        return;
    };
    for r in d.required {
        if !o.contains_key(*r) {
            errors.push(format!("{at}: {} requires {r}", d.name));
        }
    }
    if !d.any_of.is_empty() && !d.any_of.iter().any(|k| o.contains_key(*k)) {
        errors.push(format!("{at}: {} requires one of {:?}", d.name, d.any_of));
    }
    for (k, x) in o {
        match d.props.iter().find(|(n, _)| n == k) {
            Some((_, ty)) => check_ty(x, *ty, &format!("{at}.{k}"), errors),
            None => errors.push(format!("{at}: {} has no property {k}", d.name)),
        }
    }
}

/// Every violation of the schema's structure, with its JSON path.
pub fn validate(log: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check_def(log, def("sarifLog"), "$", &mut errors);
    errors
}
