//! `questions.toml`: the questions of the subject and their calculations (parts), each scored on
//! one KPI.

use super::bounds;
use crate::case::{Annex, Dossier, Part, Question};
use crate::problem::Problems;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// `questions.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestions {
    questions: Vec<RawQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    dossier: String,
    points: Decimal,
    #[serde(default)]
    annexes: Vec<u8>,
    #[serde(default)]
    parts: Vec<RawPart>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPart {
    id: String,
    kpi: String,
    points: Decimal,
}

/// Checks every question: its id is not declared twice, its dossier and annexes are declared,
/// its points are within bounds, its parts are checked by [`load_parts`] and total at most the
/// question's points. Returns the questions in the order written.
pub(super) fn load_questions(
    raw: &RawQuestions,
    dossiers: &[Dossier],
    annexes: &[Annex],
    kpi_index: &HashMap<String, usize>,
    file: &Path,
    problems: &mut Problems,
) -> Vec<Question> {
    let annex_numbers: BTreeSet<u8> = annexes.iter().map(|a| a.number).collect();
    let mut questions: Vec<Question> = Vec::new();
    // Part ids are unique across the whole subject.
    let mut part_ids: BTreeSet<String> = BTreeSet::new();
    for (i, q) in raw.questions.iter().enumerate() {
        let key = format!("questions[{i}]");
        if questions.iter().any(|x| x.id == q.id) {
            problems.add(
                file,
                format!("{key}.id"),
                format!(
                    "la question « {} » est déclarée deux fois : changez l’un des identifiants",
                    q.id
                ),
            );
        }
        if !dossiers.iter().any(|d| d.id == q.dossier) {
            problems.add(
                file,
                format!("{key}.dossier"),
                format!(
                    "le dossier « {} » n’est pas déclaré dans case.toml",
                    q.dossier
                ),
            );
        }
        for n in &q.annexes {
            if !annex_numbers.contains(n) {
                problems.add(
                    file,
                    format!("{key}.annexes"),
                    format!("l’annexe {n} n’est pas déclarée dans annexes.toml"),
                );
            }
        }
        if let Some(problem) = bounds::points_problem(q.points, "une question") {
            problems.add(file, format!("{key}.points"), problem);
        }
        let parts = load_parts(q, &key, kpi_index, &mut part_ids, file, problems);
        let parts_sum = bounds::checked_sum(parts.iter().map(|p| p.points));
        if let Some(parts_sum) = parts_sum.filter(|s| *s > q.points) {
            problems.add(
                file,
                format!("{key}.parts"),
                format!(
                    "les calculs totalisent {parts_sum} points, plus que les {} points de la question",
                    q.points
                ),
            );
        }
        questions.push(Question {
            id: q.id.clone(),
            dossier: q.dossier.clone(),
            points: q.points,
            annexes: q.annexes.clone(),
            parts,
        });
    }
    questions
}

/// Checks the parts of question `q` (at `key`): each id is new in `part_ids`, the points are
/// within bounds and the KPI exists. Returns the parts whose KPI exists.
fn load_parts(
    q: &RawQuestion,
    key: &str,
    kpi_index: &HashMap<String, usize>,
    part_ids: &mut BTreeSet<String>,
    file: &Path,
    problems: &mut Problems,
) -> Vec<Part> {
    let mut parts = Vec::new();
    for (p_i, p) in q.parts.iter().enumerate() {
        let p_key = format!("{key}.parts[{p_i}]");
        if !part_ids.insert(p.id.clone()) {
            problems.add(
                file,
                format!("{p_key}.id"),
                format!(
                    "le calcul « {} » est déclaré deux fois : changez l’un des identifiants",
                    p.id
                ),
            );
        }
        let milli = match bounds::points_problem(p.points, "un calcul") {
            Some(problem) => {
                problems.add(file, format!("{p_key}.points"), problem);
                0
            }
            // Within bounds, thousandths always fit.
            None => crate::case::to_milli(p.points).unwrap_or(0),
        };
        match kpi_index.get(&p.kpi) {
            Some(&k) => parts.push(Part {
                id: p.id.clone(),
                kpi: k,
                points: p.points,
                milli,
            }),
            None => problems.add(
                file,
                format!("{p_key}.kpi"),
                format!(
                    "indicateur inconnu : « {} » (écrivez un identifiant de kpis.toml)",
                    p.kpi
                ),
            ),
        }
    }
    parts
}

/// Checks that the questions of each dossier total the dossier's points.
pub(super) fn check_dossier_points(
    dossiers: &[Dossier],
    questions: &[Question],
    file: &Path,
    problems: &mut Problems,
) {
    for d in dossiers {
        let sum = bounds::checked_sum(
            questions
                .iter()
                .filter(|q| q.dossier == d.id)
                .map(|q| q.points),
        );
        if let Some(sum) = sum.filter(|s| *s != d.points) {
            problems.add(file, "questions", format!("les questions du dossier « {} » totalisent {sum} points mais case.toml lui en donne {} : les deux doivent être égaux", d.id, d.points));
        }
    }
}
