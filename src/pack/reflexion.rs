//! The optional `reflexion.toml` of a pack: which question is the réflexion commerciale, the
//! length it asks, and the words that make an example from the case (see [`crate::reflexion`]).
//! A pack without it has no guided réflexion. Format: `config/cases/README.md`, section 16.

use super::{read_toml, Source};
use crate::case::Case;
use crate::linkedin::text::Phrase;
use crate::problem::Problems;
use crate::reflexion::Params;
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReflexion {
    question: String,
    min_words: usize,
    max_words: usize,
    examples: Vec<String>,
}

/// Reads `reflexion.toml` if the pack has one.
pub(super) fn load_reflexion(
    source: Source,
    file: &Path,
    case: &Case,
    problems: &mut Problems,
) -> Option<Params> {
    if !source.is_file(file) {
        return None;
    }
    let raw = read_toml::<RawReflexion>(source, file, problems)?;
    let before = problems.len();
    if case.grid(&raw.question).is_none() {
        let with_grid: Vec<&str> = case.grids.iter().map(|g| g.question.as_str()).collect();
        problems.add(
            file,
            "question",
            format!(
                "« {} » n’est pas une question avec une grille dans grids.toml (questions possibles : {})",
                raw.question,
                with_grid.join(", ")
            ),
        );
    }
    if raw.min_words == 0 || raw.min_words > raw.max_words || raw.max_words > 5000 {
        problems.add(
            file,
            "min_words",
            format!(
                "min_words = {}, max_words = {} : il faut 0 < min_words ≤ max_words ≤ 5 000 (une trentaine de lignes : environ 250 à 550 mots)",
                raw.min_words, raw.max_words
            ),
        );
    }
    let mut examples = Vec::new();
    for (i, source) in raw.examples.iter().enumerate() {
        match Phrase::parse(source) {
            Ok(p) => examples.push(p),
            Err(e) => problems.add(file, format!("examples[{i}]"), e),
        }
    }
    if raw.examples.is_empty() {
        problems.add(
            file,
            "examples",
            "examples est vide : donnez les mots du cas qui font un exemple (l’entreprise, ses clients, ses réseaux)",
        );
    }
    (problems.len() == before).then_some(Params {
        question: raw.question,
        min_words: raw.min_words,
        max_words: raw.max_words,
        examples,
    })
}
