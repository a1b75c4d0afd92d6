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
pub mod charts;
mod kpis;
mod loaded;
mod meta;
mod questions;
mod readings;
mod reflexion;
pub mod source;
mod texts;
pub mod upload;
mod workshop;

pub use loaded::CasePack;
pub use source::{Files, Source};

// Where they were before `problem` was their own module; `play::settings` still names them.
pub use crate::problem::{toml_location, wording, PackError, PackErrors};

use crate::case::Case;
use crate::check::Plans;
use crate::problem::Problems;
use std::path::Path;

/// Reads and parses one TOML file of the pack; a file that cannot be read or parsed is recorded
/// as a problem (with its line when the parser gives one) and gives `None`.
fn read_toml<T: serde::de::DeserializeOwned>(
    source: Source,
    path: &Path,
    problems: &mut Problems,
) -> Option<T> {
    let src = match source.read(path) {
        Ok(s) => s,
        Err(e) => {
            problems.add(
                path,
                "fichier",
                format!("lecture impossible : {}", e.wording()),
            );
            return None;
        }
    };
    match toml::from_str(&src) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.add(path, toml_location(&src, &e), wording::toml_error(&src, &e));
            None
        }
    }
}

/// Whether `id` can name a value or a KPI: lowercase ASCII letters, digits and `_`, starting
/// with a letter or `_`.
fn is_identifier(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z' | '_'))
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Whether `id` can be a case id (`case.toml`'s `id`, what `--case` takes): lowercase ASCII
/// letters, digits and `-`, not empty.
pub fn is_case_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Loads and checks the pack in `dir`.
///
/// The steps share one list of problems and run in this order (so problems come in this order):
/// the folder; the four files (stop if one does not read); the texts; `case.toml`; the values,
/// then the annexes; the KPIs (stop if one cannot be built or the formulas loop); the values'
/// `equals` formulas; the questions and the dossiers' points; `grids.toml` and `linkedin.toml`;
/// every KPI and mistake evaluates, and every `equals` holds; the texts are complete;
/// `charts.toml`; the answer checks are prepared. A value that is wrong is said once: what is
/// computed from it is not judged (see `annexes::Values::broken`).
pub fn load(dir: &Path) -> Result<CasePack, PackErrors> {
    load_from(Source::Disk, dir, None)
}

/// Loads and checks an uploaded pack (see [`upload`]): the same checks as [`load`], and no
/// path may leave the files sent.
pub fn load_unpacked(up: &upload::Unpacked) -> Result<CasePack, PackErrors> {
    load_from(
        Source::Memory(&up.files),
        Path::new(&up.pack_dir),
        up.texts_dir.as_deref().map(Path::new),
    )
}

fn load_from(source: Source, dir: &Path, texts_dir: Option<&Path>) -> Result<CasePack, PackErrors> {
    let mut problems = Problems::default();
    let case_file = dir.join("case.toml");
    let annex_file = dir.join("annexes.toml");
    let kpi_file = dir.join("kpis.toml");
    let question_file = dir.join("questions.toml");

    if !source.is_dir(dir) && !source.is_file(&dir.join("case.toml")) {
        problems.add(dir, "dossier", "dossier introuvable : un cas est un dossier qui contient case.toml, annexes.toml, kpis.toml et questions.toml (vérifiez le chemin, ou lancez casebot depuis le dossier du projet)");
        return Err(problems.into_errors());
    }
    let raw_case: Option<meta::RawCase> = read_toml(source, &case_file, &mut problems);
    let raw_annexes: Option<annexes::RawAnnexes> = read_toml(source, &annex_file, &mut problems);
    let raw_kpis: Option<kpis::RawKpis> = read_toml(source, &kpi_file, &mut problems);
    let raw_questions: Option<questions::RawQuestions> =
        read_toml(source, &question_file, &mut problems);
    let (Some(raw_case), Some(raw_annexes), Some(raw_kpis), Some(raw_questions)) =
        (raw_case, raw_annexes, raw_kpis, raw_questions)
    else {
        return Err(problems.into_errors());
    };

    let prompts_dir = texts_dir.map_or_else(|| dir.join(&raw_case.prompts), Path::to_path_buf);
    // Without its texts folder, every text would be reported missing: the folder is said once.
    if !texts::folder_found(
        source,
        dir,
        &raw_case,
        &prompts_dir,
        &case_file,
        &mut problems,
    ) {
        return Err(problems.into_errors());
    }
    let texts = texts::load_texts(source, &prompts_dir, &mut problems);

    meta::check_meta(&raw_case, &case_file, &mut problems);
    let dossiers = meta::load_dossiers(&raw_case, &case_file, &mut problems);

    let values = annexes::load_values(&raw_annexes, &annex_file, &mut problems);
    let broken_values = values.broken_indices();
    let annexes = annexes::load_annexes(&raw_annexes, &values, &annex_file, &mut problems);

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
    let value_checks = kpis::compile_checks(&values, &kpi_index, &annex_file, &mut problems);

    let questions = questions::load_questions(
        &raw_questions,
        &dossiers,
        &annexes,
        &kpi_index,
        &question_file,
        &mut problems,
    );
    questions::check_dossier_points(&dossiers, &questions, &question_file, &mut problems);

    // The optional grids.toml and linkedin.toml.
    let grids = workshop::load_grids(source, &dir.join("grids.toml"), &questions, &mut problems);
    let workshop = workshop::load_linkedin(
        source,
        &dir.join("linkedin.toml"),
        &questions,
        &mut problems,
    );

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

    kpis::check_evaluations(&case, &broken_values, &kpi_file, &mut problems);
    kpis::check_values(
        &case,
        &value_checks,
        &broken_values,
        &annex_file,
        &mut problems,
    );
    texts::check_texts(&case, &prompts_dir, &mut problems);
    workshop::check_texts(&case, workshop.as_ref(), &prompts_dir, &mut problems);
    let interpretations = readings::load_readings(
        source,
        &dir.join("interpretations.toml"),
        &case,
        &mut problems,
    );
    readings::check_texts(&case, &interpretations, &prompts_dir, &mut problems);
    let reflexion =
        reflexion::load_reflexion(source, &dir.join("reflexion.toml"), &case, &mut problems);
    let charts = charts::load_charts(
        source,
        &dir.join("charts.toml"),
        &case,
        &prompts_dir,
        &mut problems,
    );

    if !problems.is_empty() {
        return Err(problems.into_errors());
    }
    let plans = build_plans(&case, &kpi_file)?;
    readings::check_examples(&case, &plans, &interpretations, &prompts_dir)?;
    let vocabulary = vocabulary(&case);
    Ok(CasePack {
        case,
        plans,
        workshop,
        charts,
        readings: interpretations,
        reflexion,
        vocabulary,
    })
}

/// The subject's own words, lowercase: every word of its texts, annex titles, sources and table
/// cells, and of the values' labels (the spell check does not flag them).
fn vocabulary(case: &Case) -> std::collections::BTreeSet<String> {
    let mut words = std::collections::BTreeSet::new();
    let mut add = |text: &str| {
        for t in crate::spell::tokens(text) {
            for part in std::iter::once(t.word).chain(t.word.split('-')) {
                words.insert(part.to_lowercase());
            }
        }
    };
    for id in case.texts.ids() {
        if let Some(text) = case.texts.get(id) {
            add(text);
        }
    }
    for a in &case.annexes {
        add(&a.title);
        add(&a.source);
        for t in &a.tables {
            add(&t.title);
            t.columns.iter().for_each(|c| add(c));
            for row in &t.rows {
                for cell in row {
                    add(&cell.text(&case.values));
                }
            }
        }
    }
    for v in &case.values {
        add(&v.label);
    }
    words
}

/// Prepares the answer checks of a case that loaded without a problem; a KPI the checker cannot
/// prepare is reported on `kpis.toml`.
fn build_plans(case: &Case, kpi_file: &Path) -> Result<Plans, PackErrors> {
    Plans::build(case).map_err(|e| {
        PackErrors(vec![PackError {
            file: kpi_file.to_path_buf(),
            location: "kpis".into(),
            problem: format!(
                "impossible de préparer la correction des réponses : {}",
                kpis::eval_problem(&e)
            ),
        }])
    })
}
