//! gwlint (公文体检): a checker for Chinese official documents.
//!
//! Data flows one way: text → [`model::Document`] → every enabled rule in the
//! [`registry`] → [`Diagnostic`]s (byte spans) → front ends convert spans once
//! with [`offsets`]. The CLI (`src/main.rs`) and the WASM API (`src/wasm.rs`)
//! are thin layers over [`check`].

pub mod config;
pub mod diagnostic;
pub mod model;
pub mod offsets;
pub mod registry;
pub mod rules;
pub mod segment;
pub mod sink;
pub mod suppress;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(test)]
pub mod testing;

pub use config::Config;
pub use diagnostic::{Applicability, Category, Diagnostic, Fix, Severity};
pub use model::Document;

use registry::Check;
use sink::Sink;

/// Everything one check produces. Front ends that show more than underlines
/// (the page's side panel, the CLI's JSON) use this; later additions (the
/// placeholder checklist, the outline) become fields here.
#[derive(Debug)]
pub struct Analysis {
    /// Findings sorted by position, then rule id.
    pub diagnostics: Vec<Diagnostic>,
    /// Every unfilled slot in document order (the "N 处待填" checklist),
    /// built from the placeholder findings.
    pub placeholders: Vec<rules::placeholder::Placeholder>,
    /// The heading tree (numbered headings, chapters, sections, attachments)
    /// as a flat pre-order list, for the navigation pane.
    pub outline: Vec<rules::structure::outline::OutlineNode>,
}

/// Checks `text` and returns everything the front ends show.
pub fn analyze(text: &str, config: &Config) -> Analysis {
    let doc = Document::parse(text);
    let diagnostics = check_document(&doc, config);
    let placeholders = rules::placeholder::checklist(&doc, &diagnostics);
    Analysis {
        diagnostics,
        placeholders,
        outline: rules::structure::outline::outline(&doc),
    }
}

/// Checks `text` and returns findings sorted by position, then rule id.
pub fn check(text: &str, config: &Config) -> Vec<Diagnostic> {
    let doc = Document::parse(text);
    check_document(&doc, config)
}

pub fn check_document(doc: &Document, config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in registry::all() {
        let Some(severity) = config.severity_of(rule) else {
            continue;
        };
        let mut sink = Sink::new(rule, severity, config);
        match &rule.check {
            Check::Paragraph(f) => {
                for p in &doc.paragraphs {
                    f(doc, p, &mut sink);
                }
            }
            Check::Document(f) => f(doc, &mut sink),
        }
        out.append(&mut sink.out);
    }
    config.drop_allowed(doc.text, &mut out);
    suppress::apply(doc, &mut out);
    out.sort_by(|a, b| (a.start, a.end, a.rule.id).cmp(&(b.start, b.end, b.rule.id)));
    out
}
