//! Loading a case pack from its files, and checking it whole before anything uses it.
//!
//! A pack is a folder of four TOML files (`case.toml`, `annexes.toml`, `kpis.toml`,
//! `questions.toml`) plus the folder of French texts that `case.toml` names. The format is
//! documented in `config/cases/README.md`. Loading either returns a [`CasePack`] (the [`Case`], in
//! which every reference resolves and every KPI evaluates, with its prepared answer checks and
//! its workshop), or every problem found, each with its file, its
//! key or line, what is wrong and what was expected.

mod annexes;
pub mod bounds;
mod kpis;
mod loaded;
mod meta;
mod texts;
mod workshop;

pub use loaded::CasePack;

// Where they were before `problem` was their own module; `play::settings` still names them.
pub use crate::problem::{toml_location, wording, PackError, PackErrors};

use crate::case::{Case, Part, Question};
use crate::check::Plans;
use crate::problem::Problems;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

// ------------------------------------------------------------------------------------------
// The files as written.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestions {
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

// ------------------------------------------------------------------------------------------

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path, problems: &mut Problems) -> Option<T> {
    let src = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            problems.add(
                path,
                "fichier",
                format!("lecture impossible : {}", wording::io_error(&e)),
            );
            return None;
        }
    };
    match toml::from_str(&src) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.add(
                path,
                toml_location(&src, &e),
                wording::toml_message(e.message()),
            );
            None
        }
    }
}

fn is_identifier(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z' | '_'))
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Loads and checks the pack in `dir`.
pub fn load(dir: &Path) -> Result<CasePack, PackErrors> {
    let mut problems = Problems::default();
    let case_file = dir.join("case.toml");
    let annex_file = dir.join("annexes.toml");
    let kpi_file = dir.join("kpis.toml");
    let question_file = dir.join("questions.toml");

    if !dir.is_dir() {
        problems.add(dir, "dossier", "dossier introuvable : un cas est un dossier qui contient case.toml, annexes.toml, kpis.toml et questions.toml (vérifiez le chemin, ou lancez casebot depuis le dossier du projet)");
        return Err(problems.into_errors());
    }
    let raw_case: Option<meta::RawCase> = read_toml(&case_file, &mut problems);
    let raw_annexes: Option<annexes::RawAnnexes> = read_toml(&annex_file, &mut problems);
    let raw_kpis: Option<kpis::RawKpis> = read_toml(&kpi_file, &mut problems);
    let raw_questions: Option<RawQuestions> = read_toml(&question_file, &mut problems);
    let (Some(raw_case), Some(raw_annexes), Some(raw_kpis), Some(raw_questions)) =
        (raw_case, raw_annexes, raw_kpis, raw_questions)
    else {
        return Err(problems.into_errors());
    };

    let prompts_dir = dir.join(&raw_case.prompts);
    let texts = texts::load_texts(&prompts_dir, &mut problems);

    meta::check_meta(&raw_case, &case_file, &mut problems);
    let dossiers = meta::load_dossiers(&raw_case, &case_file, &mut problems);

    let values = annexes::load_values(&raw_annexes, &annex_file, &mut problems);
    let annexes = annexes::load_annexes(&raw_annexes, &values, &annex_file, &mut problems);
    let annex_numbers: BTreeSet<u8> = annexes.iter().map(|a| a.number).collect();

    let Some((kpis, kpi_index)) = kpis::load_kpis(
        &raw_kpis,
        &values,
        &texts,
        &prompts_dir,
        &kpi_file,
        &mut problems,
    ) else {
        return Err(problems.into_errors());
    };

    // questions.toml
    let mut questions: Vec<Question> = Vec::new();
    let mut part_ids: BTreeSet<String> = BTreeSet::new();
    for (i, q) in raw_questions.questions.iter().enumerate() {
        let key = format!("questions[{i}]");
        if questions.iter().any(|x| x.id == q.id) {
            problems.add(
                &question_file,
                format!("{key}.id"),
                format!(
                    "la question « {} » est déclarée deux fois : changez l’un des identifiants",
                    q.id
                ),
            );
        }
        if !dossiers.iter().any(|d| d.id == q.dossier) {
            problems.add(
                &question_file,
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
                    &question_file,
                    format!("{key}.annexes"),
                    format!("l’annexe {n} n’est pas déclarée dans annexes.toml"),
                );
            }
        }
        if let Some(problem) = bounds::points_problem(q.points, "une question") {
            problems.add(&question_file, format!("{key}.points"), problem);
        }
        let mut parts = Vec::new();
        for (p_i, p) in q.parts.iter().enumerate() {
            let p_key = format!("{key}.parts[{p_i}]");
            if !part_ids.insert(p.id.clone()) {
                problems.add(
                    &question_file,
                    format!("{p_key}.id"),
                    format!(
                        "le calcul « {} » est déclaré deux fois : changez l’un des identifiants",
                        p.id
                    ),
                );
            }
            let milli = match bounds::points_problem(p.points, "un calcul") {
                Some(problem) => {
                    problems.add(&question_file, format!("{p_key}.points"), problem);
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
                    &question_file,
                    format!("{p_key}.kpi"),
                    format!(
                        "indicateur inconnu : « {} » (écrivez un identifiant de kpis.toml)",
                        p.kpi
                    ),
                ),
            }
        }
        let parts_sum = bounds::checked_sum(parts.iter().map(|p| p.points));
        if let Some(parts_sum) = parts_sum.filter(|s| *s > q.points) {
            problems.add(
                &question_file,
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
    for d in &dossiers {
        let sum = bounds::checked_sum(
            questions
                .iter()
                .filter(|q| q.dossier == d.id)
                .map(|q| q.points),
        );
        if let Some(sum) = sum.filter(|s| *s != d.points) {
            problems.add(&question_file, "questions", format!("les questions du dossier « {} » totalisent {sum} points mais case.toml lui en donne {} : les deux doivent être égaux", d.id, d.points));
        }
    }

    // The optional grids.toml and linkedin.toml.
    let grids = workshop::load_grids(&dir.join("grids.toml"), &questions, &mut problems);
    let workshop = workshop::load_linkedin(&dir.join("linkedin.toml"), &questions, &mut problems);

    let case = Case {
        meta: meta::case_meta(&raw_case),
        dossiers,
        annexes,
        values: values.list,
        kpis,
        questions,
        texts,
        value_index: values.index,
        kpi_index,
        grids,
    };

    kpis::check_evaluations(&case, &kpi_file, &mut problems);
    texts::check_texts(&case, &prompts_dir, &mut problems);
    workshop::check_texts(&case, workshop.as_ref(), &prompts_dir, &mut problems);

    if !problems.is_empty() {
        return Err(problems.into_errors());
    }
    let plans = Plans::build(&case).map_err(|e| {
        PackErrors(vec![PackError {
            file: kpi_file.clone(),
            location: "kpis".into(),
            problem: format!(
                "impossible de préparer la correction des réponses : {}",
                kpis::eval_problem(&e)
            ),
        }])
    })?;
    Ok(CasePack {
        case,
        plans,
        workshop,
    })
}
