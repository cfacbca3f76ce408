//! Structure rules (GB/T 9704-2012 §7.3.3 headings, document elements).

use crate::registry::RuleMeta;

pub mod addressee_colon;
pub mod attachment_note;
pub mod date_format;
pub mod doc_number;
pub mod doctype;
pub mod elements;
pub mod enumeration;
pub mod enumeration_count;
pub mod enumeration_sequence;
pub mod heading_depth;
pub mod heading_ending;
pub mod heading_level_order;
pub mod heading_sequence;
pub mod level1_heading_period;
pub mod mixed_ordinal_styles;
pub mod one_request;
pub mod ordinal_bracket;
pub mod ordinal_mark;
pub mod outline;
pub mod request_closing;
pub mod request_in_report;
pub mod required_sections;
pub mod title;
pub mod tree;

pub static RULES: &[&RuleMeta] = &[
    &heading_sequence::HEADING_SEQUENCE,
    &heading_level_order::HEADING_LEVEL_ORDER,
    &ordinal_mark::ORDINAL_MARK,
    &ordinal_bracket::ORDINAL_BRACKET,
    &mixed_ordinal_styles::MIXED_ORDINAL_STYLES,
    &heading_depth::HEADING_DEPTH,
    &level1_heading_period::LEVEL1_HEADING_PERIOD,
    &heading_ending::HEADING_ENDING,
    &enumeration_sequence::ENUMERATION_SEQUENCE,
    &enumeration_count::ENUMERATION_COUNT,
    &title::TITLE,
    &addressee_colon::ADDRESSEE_COLON,
    &attachment_note::ATTACHMENT_NOTE,
    &date_format::DATE_FORMAT,
    &doc_number::DOC_NUMBER,
    &required_sections::REQUIRED_SECTIONS,
    &request_in_report::REQUEST_IN_REPORT,
    &request_closing::REQUEST_CLOSING,
    &one_request::ONE_REQUEST,
];
