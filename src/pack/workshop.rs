//! The two optional files of a pack for the written answers: `grids.toml` (grading grids) and
//! `linkedin.toml` (the LinkedIn workshop: model posts and draft analysis). A pack without them
//! is valid; when present they are checked like the rest, every problem with file and key.
//! Format: `config/cases/README.md`, section 12.

use super::{is_identifier, read_toml, Source};
use crate::case::{Case, Grid, GridCriterion, Question};
use crate::linkedin::{self, DraftConfig, Limits, Params, Workshop};
use crate::problem::{wording, Problems};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrids {
    grids: toml::Table,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrid {
    criteria: Vec<RawGridCriterion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGridCriterion {
    id: String,
    share: Decimal,
    /// Marks the language (spelling, tone): the marking view shows the spell check beside it.
    #[serde(default)]
    language: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLinkedin {
    question: String,
    #[serde(default)]
    models: Vec<String>,
    draft: DraftConfig,
    #[serde(default)]
    limits: Limits,
}

/// Reads `grids.toml` if the pack has one; grids come back in question order.
pub(super) fn load_grids(
    source: Source,
    file: &Path,
    questions: &[Question],
    problems: &mut Problems,
) -> Vec<Grid> {
    if !source.is_file(file) {
        return Vec::new();
    }
    let Some(raw) = read_toml::<RawGrids>(source, file, problems) else {
        return Vec::new();
    };
    let mut grids = Vec::new();
    for (question_id, value) in &raw.grids {
        let key = format!("grids.\"{question_id}\"");
        let Some(question) = questions.iter().find(|q| &q.id == question_id) else {
            let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
            problems.add(
                file,
                &key,
                format!(
                    "aucune question « {question_id} » dans questions.toml (questions possibles : {})",
                    ids.join(", ")
                ),
            );
            continue;
        };
        let raw: RawGrid = match value.clone().try_into() {
            Ok(g) => g,
            Err(e) => {
                problems.add(file, &key, wording::toml_message(e.message()));
                continue;
            }
        };
        if raw.criteria.is_empty() {
            problems.add(
                file,
                format!("{key}.criteria"),
                "une grille a au moins un critère : ajoutez un [[grids.\"…\".criteria]]",
            );
            continue;
        }
        let mut seen = BTreeSet::new();
        let mut criteria = Vec::new();
        for (i, c) in raw.criteria.iter().enumerate() {
            let c_key = format!("{key}.criteria[{i}]");
            if !is_identifier(&c.id) {
                problems.add(
                    file,
                    format!("{c_key}.id"),
                    format!(
                        "« {} » n’est pas un identifiant de critère : minuscules sans accent, chiffres et « _ », en commençant par une lettre",
                        c.id
                    ),
                );
            }
            if !seen.insert(c.id.as_str()) {
                problems.add(
                    file,
                    format!("{c_key}.id"),
                    format!(
                        "le critère « {} » est déclaré deux fois dans cette grille",
                        c.id
                    ),
                );
            }
            let milli = match super::bounds::points_problem(c.share, "un critère") {
                Some(problem) => {
                    problems.add(file, format!("{c_key}.share"), problem);
                    0
                }
                // Within bounds, thousandths always fit.
                None => crate::case::to_milli(c.share).unwrap_or(0),
            };
            criteria.push(GridCriterion {
                id: c.id.clone(),
                share: c.share,
                milli,
                language: c.language,
            });
        }
        // Out of range only with points already reported out of bounds.
        let parts = super::bounds::checked_sum(question.parts.iter().map(|p| p.points));
        let written = parts.and_then(|parts| Some((parts, question.points.checked_sub(parts)?)));
        let sum = super::bounds::checked_sum(criteria.iter().map(|c| c.share));
        let (Some((parts, written)), Some(sum)) = (written, sum) else {
            continue;
        };
        if sum != written {
            let detail = if parts.is_zero() {
                format!("les {} points de la question", question.points.normalize())
            } else {
                format!(
                    "les {} points de la question moins {} pour ses calculs",
                    question.points.normalize(),
                    parts.normalize()
                )
            };
            problems.add(
                file,
                format!("{key}.criteria"),
                format!(
                    "les critères totalisent {} points, il en faut {} ({detail})",
                    sum.normalize(),
                    written.normalize()
                ),
            );
        }
        grids.push(Grid {
            question: question.id.clone(),
            points: written,
            criteria,
        });
    }
    let order = |g: &Grid| questions.iter().position(|q| q.id == g.question);
    grids.sort_by_key(order);
    grids
}

/// Reads `linkedin.toml` if the pack has one.
pub(super) fn load_linkedin(
    source: Source,
    file: &Path,
    questions: &[Question],
    problems: &mut Problems,
) -> Option<Workshop> {
    if !source.is_file(file) {
        return None;
    }
    let raw = read_toml::<RawLinkedin>(source, file, problems)?;
    let before = problems.len();
    if !questions.iter().any(|q| q.id == raw.question) {
        let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
        problems.add(
            file,
            "question",
            format!(
                "aucune question « {} » dans questions.toml (questions possibles : {})",
                raw.question,
                ids.join(", ")
            ),
        );
    }
    let mut seen = BTreeSet::new();
    for (i, id) in raw.models.iter().enumerate() {
        let valid = !id.is_empty()
            && id.starts_with(|c: char| c.is_ascii_lowercase())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            problems.add(
                file,
                format!("models[{i}]"),
                format!("« {id} » n’est pas un identifiant de modèle : minuscules sans accent, chiffres et « - », en commençant par une lettre"),
            );
        }
        if !seen.insert(id.as_str()) {
            problems.add(
                file,
                format!("models[{i}]"),
                format!("le modèle « {id} » est cité deux fois"),
            );
        }
    }
    let params = match Params::new(&raw.draft, raw.limits) {
        Ok(p) => Some(p),
        Err(errors) => {
            for (key, problem) in errors {
                problems.add(file, key, problem);
            }
            None
        }
    };
    if problems.len() != before {
        return None;
    }
    Some(Workshop {
        question: raw.question,
        models: raw.models,
        params: params?,
    })
}

/// The texts the grids and the model posts need, and the models' own quality: every model post
/// must meet every criterion of the draft analysis.
pub(super) fn check_texts(
    case: &Case,
    workshop: Option<&Workshop>,
    prompts_dir: &Path,
    problems: &mut Problems,
) {
    let mut required = Vec::new();
    for g in &case.grids {
        for c in &g.criteria {
            required.push(Grid::label_id(&g.question, &c.id));
            required.push(Grid::explanation_id(&g.question, &c.id));
        }
    }
    if let Some(w) = workshop {
        for id in &w.models {
            required.push(Workshop::title_id(id));
            required.push(Workshop::post_id(id));
            required.push(Workshop::note_id(id));
        }
    }
    for id in &required {
        if !case.texts.contains(id) {
            problems.add(
                prompts_dir,
                id,
                "ce texte manque : chaque critère de grille a un intitulé et une explication, chaque publication modèle un titre, un texte et une note (voir config/cases/README.md, section 12)",
            );
        }
    }
    let Some(w) = workshop else {
        return;
    };
    for id in &w.models {
        let post_id = Workshop::post_id(id);
        if !case.texts.contains(&post_id) {
            continue;
        }
        let analysis = linkedin::analyse(&case.text(&post_id), &w.params);
        for v in analysis.verdicts.iter().filter(|v| !v.met) {
            let file = case.texts.file_of(&post_id).unwrap_or(prompts_dir);
            let mut detail = format!("résultat « {} »", v.reason.text_id());
            if let Some(count) = v.count {
                detail.push_str(&format!(", mesuré : {count}"));
            }
            if let Some(found) = &v.found {
                detail.push_str(&format!(", trouvé : « {found} »"));
            }
            problems.add(
                file,
                &post_id,
                format!(
                    "la publication modèle ne remplit pas le critère « {} » ({detail}) : chaque publication modèle doit remplir tous les critères de l’analyse des brouillons",
                    v.criterion.id()
                ),
            );
        }
    }
}
