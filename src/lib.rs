//! gwlint (公文体检): a checker for Chinese official documents.
//!
//! Data flows one way: text → [`model::Document`] → every enabled rule in the
//! [`registry`] → [`Diagnostic`]s (byte spans) → front ends convert spans once
//! with [`offsets`]. The CLI (`src/main.rs`) and the WASM API (`src/wasm.rs`)
//! are thin layers over [`check`].

pub mod config;
pub mod diagnostic;
pub mod incremental;
pub mod model;
pub mod offsets;
pub mod registry;
pub mod rules;
pub mod segment;
pub mod sink;
pub mod suppress;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
#[cfg(all(target_arch = "wasm32", feature = "breakdown"))]
mod wasm_breakdown;
#[cfg(target_arch = "wasm32")]
mod wasm_checker;

#[cfg(test)]
pub mod testing;

pub use config::Config;
pub use diagnostic::{Applicability, Category, Diagnostic, Fix, Severity};
pub use incremental::Checker;
pub use model::Document;

/// Everything one check produces. Front ends that show more than underlines
/// (the page's side panel, the CLI's JSON) use this; later additions (the
/// placeholder checklist, the outline) become fields here, computed in
/// [`analysis_from`] so that [`Checker`] returns them too.
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
    /// Some rules could not run because word segmentation is not loaded yet
    /// (wasm before `loadDictionary`); check again once it is.
    pub segmentation_pending: bool,
}

/// Checks `text` and returns everything the front ends show.
pub fn analyze(text: &str, config: &Config) -> Analysis {
    let doc = Document::parse(text);
    let (diagnostics, pending) = incremental::check_full(&doc, config);
    analysis_from(&doc, diagnostics, pending)
}

/// Builds the [`Analysis`] of a checked document from its findings (shared by
/// [`analyze`] and [`Checker`]: new fields go here).
pub(crate) fn analysis_from(
    doc: &Document,
    diagnostics: Vec<Diagnostic>,
    segmentation_pending: bool,
) -> Analysis {
    analysis_with(doc, diagnostics, segmentation_pending, None)
}

/// [`analysis_from`] with the outline when it is known already (the
/// [`Checker`] moves the previous one when an edit touched no heading).
pub(crate) fn analysis_with(
    doc: &Document,
    diagnostics: Vec<Diagnostic>,
    segmentation_pending: bool,
    outline: Option<Vec<rules::structure::outline::OutlineNode>>,
) -> Analysis {
    let placeholders = rules::placeholder::checklist(doc, &diagnostics);
    Analysis {
        diagnostics,
        placeholders,
        outline: outline.unwrap_or_else(|| rules::structure::outline::outline(doc)),
        segmentation_pending,
    }
}

/// Checks `text` and returns findings sorted by position, then rule id.
pub fn check(text: &str, config: &Config) -> Vec<Diagnostic> {
    let doc = Document::parse(text);
    check_document(&doc, config)
}

/// Runs every enabled rule on a parsed document (see [`incremental`] for the
/// engine and its cached form, [`Checker`]).
pub fn check_document(doc: &Document, config: &Config) -> Vec<Diagnostic> {
    incremental::check_full(doc, config).0
}
