//! `case.toml`: the subject's identity (id, title, exam, session, points) and its dossiers.

use super::bounds;
use crate::case::{CaseMeta, Dossier, PointsSource};
use crate::problem::Problems;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::path::Path;

/// `case.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCase {
    pub(super) id: String,
    title: String,
    exam: String,
    session: u16,
    code: String,
    duration_minutes: u32,
    total_points: Decimal,
    /// The folder of the pack's texts, relative to the pack.
    pub(super) prompts: String,
    /// Where the points come from: "corrige", "enseignant" or a sentence.
    #[serde(default)]
    points_source: Option<String>,
    dossiers: Vec<RawDossier>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDossier {
    id: String,
    title: String,
    points: Decimal,
}

/// Checks the case's own keys: the id is lowercase letters, digits and `-`, and `total_points`
/// is within bounds.
pub(super) fn check_meta(raw: &RawCase, file: &Path, problems: &mut Problems) {
    if !super::is_case_id(&raw.id) {
        problems.add(
            file,
            "id",
            format!(
                "« {} » n’est pas un identifiant de cas : écrivez-le en minuscules sans accent, chiffres et « - » (par exemple arbre-cadeau)",
                raw.id
            ),
        );
    }
    if let Some(problem) = bounds::points_problem(raw.total_points, "un sujet") {
        problems.add(file, "total_points", problem);
    }
    if let Some(text) = &raw.points_source {
        if points_source(text).is_none() {
            problems.add(
                file,
                "points_source",
                format!(
                    "« {} » ne dit pas d’où vient le barème : écrivez \"corrige\" (proposition de corrigé), \"enseignant\" (votre barème) ou une phrase (« Barème de l’académie, session 2021 »)",
                    text.trim()
                ),
            );
        }
    }
}

/// What `points_source` says: `"corrige"` (or « corrigé »), `"enseignant"`, or a sentence of at
/// least two words. `None` for an empty text or a single other word (a misspelt keyword, most
/// likely: « enseigant »).
fn points_source(text: &str) -> Option<PointsSource> {
    let text = text.trim();
    match text.to_lowercase().as_str() {
        "corrige" | "corrigé" => Some(PointsSource::AnswerKey),
        "enseignant" => Some(PointsSource::Teacher),
        _ if text.split_whitespace().count() >= 2 => Some(PointsSource::Text(text.to_string())),
        _ => None,
    }
}

/// Checks the dossiers (points within bounds, no id twice, points summing to `total_points`)
/// and returns them in the order written.
pub(super) fn load_dossiers(raw: &RawCase, file: &Path, problems: &mut Problems) -> Vec<Dossier> {
    let mut dossiers: Vec<Dossier> = Vec::new();
    for (i, d) in raw.dossiers.iter().enumerate() {
        if let Some(problem) = bounds::points_problem(d.points, "un dossier") {
            problems.add(file, format!("dossiers[{i}].points"), problem);
        }
        if dossiers.iter().any(|x| x.id == d.id) {
            problems.add(
                file,
                format!("dossiers[{i}].id"),
                format!(
                    "le dossier « {} » est déclaré deux fois : donnez-lui un autre identifiant",
                    d.id
                ),
            );
        }
        dossiers.push(Dossier {
            id: d.id.clone(),
            title: d.title.clone(),
            points: d.points,
        });
    }
    let dossier_sum = bounds::checked_sum(dossiers.iter().map(|d| d.points));
    // A sum out of range comes from points already reported out of bounds.
    if let Some(dossier_sum) = dossier_sum.filter(|s| *s != raw.total_points) {
        problems.add(
            file,
            "total_points",
            format!(
                "les dossiers totalisent {dossier_sum} points mais total_points vaut {} : les deux doivent être égaux",
                raw.total_points
            ),
        );
    }
    dossiers
}

/// The case's meta as the model holds it (checked by [`check_meta`]).
pub(super) fn case_meta(raw: &RawCase) -> CaseMeta {
    CaseMeta {
        id: raw.id.clone(),
        title: raw.title.clone(),
        exam: raw.exam.clone(),
        session: raw.session,
        code: raw.code.clone(),
        duration_minutes: raw.duration_minutes,
        total_points: raw.total_points,
        points_source: raw.points_source.as_deref().and_then(points_source),
    }
}
