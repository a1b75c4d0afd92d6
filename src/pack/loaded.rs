//! The loaded aggregate of a pack: the case model with what the modules above it prepare from
//! it when the pack loads.

use crate::case::Case;
use crate::check::{Outcome, Plans};
use crate::linkedin::Workshop;
use std::ops::Deref;

/// A loaded case pack, built only by [`super::load`] (so every piece agrees with the case):
/// `App` holds one per pack.
#[derive(Debug, Clone)]
pub struct CasePack {
    /// The case model: meta, annexes, figures, KPIs, questions, grids, texts.
    pub case: Case,
    /// One prepared answer check per KPI, in the order of `case.kpis`.
    pub plans: Plans,
    /// The LinkedIn workshop: model posts and draft analysis (`None` without `linkedin.toml`).
    pub workshop: Option<Workshop>,
}

impl CasePack {
    /// Judges what a student typed as an answer to KPI `kpi` (see [`Plans::check`]).
    pub fn check(&self, kpi: usize, input: &str) -> Outcome {
        self.plans.check(&self.case, kpi, input)
    }
}

/// A pack reads as its case: code that only reads the model takes a `&Case` and is handed a
/// `&CasePack` as is; the few places that judge answers or run the workshop take the pack.
impl Deref for CasePack {
    type Target = Case;

    fn deref(&self) -> &Case {
        &self.case
    }
}
