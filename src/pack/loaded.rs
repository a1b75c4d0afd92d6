//! The loaded aggregate of a pack: the case model with what the modules above it prepare from
//! it when the pack loads.

use super::charts::Charts;
use crate::case::{Case, Grid};
use crate::check::{Outcome, Plans};
use crate::interpret::Readings;
use crate::linkedin::Workshop;
use std::collections::BTreeSet;
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
    /// The charts of its annexes (none without `charts.toml`).
    pub charts: Charts,
    /// What its figures mean, practised with buttons and comments (none without
    /// `interpretations.toml`).
    pub readings: Readings,
    /// The réflexion commerciale's structure rules (`None` without `reflexion.toml`).
    pub reflexion: Option<crate::reflexion::Params>,
    /// The subject's own words (lowercase), from its texts and annexes: its company, people and
    /// brands are not spelling mistakes.
    pub vocabulary: BTreeSet<String>,
}

impl CasePack {
    /// Whether `word` (lowercase) is one of the subject's own words.
    pub fn knows_word(&self, word: &str) -> bool {
        self.vocabulary.contains(word)
    }

    /// Judges what a student typed as an answer to KPI `kpi` (see [`Plans::check`]).
    pub fn check(&self, kpi: usize, input: &str) -> Outcome {
        self.plans.check(&self.case, kpi, input)
    }

    /// The texts of the pack that nothing reads, sorted: an id with a typo, or the text of a
    /// question, part, criterion, model post or chart no longer in the pack. `validate` warns about
    /// them (they do not stop the pack from loading).
    pub fn unused_texts(&self) -> Vec<String> {
        let case = &self.case;
        let mut read: BTreeSet<String> = BTreeSet::from(["case.intro".to_string()]);
        read.extend(
            case.dossiers
                .iter()
                .map(|d| format!("dossier.{}.intro", d.id)),
        );
        read.extend(
            case.annexes
                .iter()
                .map(|a| format!("annex.{}.body", a.number)),
        );
        for q in &case.questions {
            for text in ["consigne", "statement", "model"] {
                read.insert(format!("question.{}.{text}", q.id));
            }
            for p in &q.parts {
                read.insert(format!("part.{}.statement", p.id));
                read.insert(format!("part.{}.commentary", p.id));
            }
        }
        for k in &case.kpis {
            read.extend(k.mistakes.iter().map(|m| m.message.clone()));
        }
        for g in &case.grids {
            for c in &g.criteria {
                read.insert(Grid::label_id(&g.question, &c.id));
                read.insert(Grid::explanation_id(&g.question, &c.id));
            }
        }
        if let Some(workshop) = &self.workshop {
            for model in &workshop.models {
                read.insert(Workshop::title_id(model));
                read.insert(Workshop::post_id(model));
                read.insert(Workshop::note_id(model));
            }
        }
        read.extend(self.charts.text_ids().into_iter().map(str::to_string));
        read.extend(self.readings.text_ids());
        case.texts
            .ids()
            .into_iter()
            .filter(|id| !read.contains(*id))
            .map(str::to_string)
            .collect()
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
