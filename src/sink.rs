//! Where rules put their findings. A rule calls `sink.report(..)`; the sink
//! applies the configured severity and drops findings of rules that are off.

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::registry::RuleMeta;

pub struct Sink<'c> {
    pub(crate) out: Vec<Diagnostic>,
    pub(crate) severity: Severity,
    pub(crate) rule: &'static RuleMeta,
    config: &'c Config,
}

impl<'c> Sink<'c> {
    pub(crate) fn new(rule: &'static RuleMeta, severity: Severity, config: &'c Config) -> Self {
        Sink {
            out: Vec::new(),
            severity,
            rule,
            config,
        }
    }

    /// The configuration of this check, for rules driven by user data (custom terms).
    pub fn config(&self) -> &'c Config {
        self.config
    }

    /// Reports a finding over `start..end` (byte offsets) and returns it so that
    /// the rule can attach fixes.
    pub fn report(
        &mut self,
        start: usize,
        end: usize,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        debug_assert!(start <= end);
        self.out.push(Diagnostic {
            rule: self.rule,
            severity: self.severity,
            start,
            end,
            message: message.into(),
            fixes: Vec::new(),
        });
        self.out.last_mut().unwrap()
    }
}

impl Diagnostic {
    /// Attaches a replacement edit.
    pub fn fix(
        &mut self,
        start: usize,
        end: usize,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> &mut Self {
        self.fixes.push(Fix {
            start,
            end,
            replacement: replacement.into(),
            applicability,
        });
        self
    }

    /// Lowers the severity of this one finding (e.g. a less certain match).
    pub fn with_severity(&mut self, severity: Severity) -> &mut Self {
        if severity < self.severity {
            self.severity = severity;
        }
        self
    }
}
