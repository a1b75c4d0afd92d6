//! The optional `interpretations.toml` of a pack: per numeric part, how many misreadings its
//! texts offer beside the right reading, and the words a one-sentence comment of the figure is
//! judged on (see [`crate::interpret`]). A pack without it is valid. Format:
//! `config/cases/README.md`, section 15.

use super::{read_toml, Source};
use crate::case::Case;
use crate::check::Plans;
use crate::interpret::{
    analyse_comment, example_id, CommentCriterion, PartReadings, Readings, Trap,
};
use crate::linkedin::text::Phrase;
use crate::problem::{wording, PackError, PackErrors, Problems};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReadings {
    /// Longest comment that is still « one sentence », in characters.
    #[serde(default = "default_sentence_max")]
    sentence_max_characters: usize,
    parts: toml::Table,
}

fn default_sentence_max() -> usize {
    DEFAULT_SENTENCE_MAX
}

/// A comment of about two lines on a phone.
pub const DEFAULT_SENTENCE_MAX: usize = 280;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPart {
    wrong: usize,
    meaning: Vec<String>,
    #[serde(default)]
    compare: Vec<String>,
    #[serde(default)]
    traps: Vec<RawTrap>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrap {
    words: Vec<String>,
    reading: usize,
}

/// Reads `interpretations.toml` if the pack has one; parts come back in the file's order.
pub(super) fn load_readings(
    source: Source,
    file: &Path,
    case: &Case,
    problems: &mut Problems,
) -> Readings {
    if !source.is_file(file) {
        return Readings::default();
    }
    let Some(raw) = read_toml::<RawReadings>(source, file, problems) else {
        return Readings::default();
    };
    if !(40..=2000).contains(&raw.sentence_max_characters) {
        problems.add(
            file,
            "sentence_max_characters",
            format!(
                "sentence_max_characters = {} : une phrase de commentaire fait entre 40 et 2 000 caractères",
                raw.sentence_max_characters
            ),
        );
    }
    let mut parts = Vec::new();
    for (part_id, value) in &raw.parts {
        let key = format!("parts.\"{part_id}\"");
        let Some((_, part)) = case.part(part_id) else {
            let ids: Vec<&str> = case
                .questions
                .iter()
                .flat_map(|q| q.parts.iter().map(|p| p.id.as_str()))
                .collect();
            problems.add(
                file,
                &key,
                format!(
                    "aucun calcul « {part_id} » dans questions.toml (calculs possibles : {})",
                    ids.join(", ")
                ),
            );
            continue;
        };
        let raw: RawPart = match value.clone().try_into() {
            Ok(p) => p,
            Err(e) => {
                problems.add(file, &key, wording::toml_message(e.message()));
                continue;
            }
        };
        if !(2..=3).contains(&raw.wrong) {
            problems.add(
                file,
                format!("{key}.wrong"),
                format!(
                    "wrong = {} : un calcul propose 2 ou 3 lectures fausses à côté de la bonne (3 ou 4 boutons)",
                    raw.wrong
                ),
            );
            continue;
        }
        let mut phrases =
            |list: &[String], what: &str| phrases_of(list, file, &key, what, problems);
        let meaning = phrases(&raw.meaning, "meaning");
        let compare = phrases(&raw.compare, "compare");
        let mut traps = Vec::new();
        for (i, t) in raw.traps.iter().enumerate() {
            let phrases = phrases_of(&t.words, file, &key, &format!("traps[{i}].words"), problems);
            if t.words.is_empty() {
                problems.add(
                    file,
                    format!("{key}.traps[{i}].words"),
                    "words est vide : donnez les mots qui trahissent la lecture fausse dans un commentaire",
                );
            }
            if !(1..=raw.wrong).contains(&t.reading) {
                problems.add(
                    file,
                    format!("{key}.traps[{i}].reading"),
                    format!(
                        "reading = {} : c’est le numéro d’une lecture fausse du calcul, de 1 à {}",
                        t.reading, raw.wrong
                    ),
                );
                continue;
            }
            traps.push(Trap {
                phrases,
                reading: t.reading,
            });
        }
        if raw.meaning.is_empty() {
            problems.add(
                file,
                format!("{key}.meaning"),
                "meaning est vide : donnez les mots qui montrent qu’un commentaire dit ce que le chiffre change pour la décision (par exemple [\"rentab*\", \"reconduir*\"])",
            );
        }
        parts.push(PartReadings {
            part: part.id.clone(),
            kpi: part.kpi,
            wrong: raw.wrong,
            meaning,
            meaning_written: raw.meaning.clone(),
            compare,
            traps,
        });
    }
    Readings {
        parts,
        sentence_max: raw.sentence_max_characters,
    }
}

/// The phrases of a list of the file, each problem recorded at `key.what[i]`.
fn phrases_of(
    list: &[String],
    file: &Path,
    key: &str,
    what: &str,
    problems: &mut Problems,
) -> Vec<Phrase> {
    let mut out = Vec::new();
    for (i, source) in list.iter().enumerate() {
        match Phrase::parse(source) {
            Ok(p) => out.push(p),
            Err(e) => problems.add(file, format!("{key}.{what}[{i}]"), e),
        }
    }
    out
}

/// Every text the readings need is in the texts folder.
pub(super) fn check_texts(
    case: &Case,
    readings: &Readings,
    prompts_dir: &Path,
    problems: &mut Problems,
) {
    for id in readings.text_ids() {
        if !case.texts.contains(&id) {
            problems.add(
                prompts_dir,
                &id,
                "ce texte manque : chaque calcul de interpretations.toml a sa bonne lecture (`right`, `right_why`), ses lectures fausses (`wrong_1`, `wrong_1_why`, …) et un commentaire modèle (`example`) ; voir config/cases/README.md, section 15",
            );
        }
    }
}

/// Each part's model comment meets every criterion a student's comment is judged on (once the
/// answer checks are prepared: the figure is read by the checker).
pub(super) fn check_examples(
    case: &Case,
    plans: &Plans,
    readings: &Readings,
    prompts_dir: &Path,
) -> Result<(), PackErrors> {
    let mut errors = Vec::new();
    for p in &readings.parts {
        let id = example_id(&p.part);
        let example = case.text(&id);
        let analysis = analyse_comment(&example, p, case, plans, readings.sentence_max);
        let missed: Vec<&str> = analysis
            .verdicts
            .iter()
            .filter(|v| !v.met)
            .map(|v| match v.criterion {
                CommentCriterion::Figure => "le chiffre et son unité",
                CommentCriterion::Direction => "le sens de l’évolution (sans double négation)",
                CommentCriterion::Comparison => "une comparaison",
                CommentCriterion::Meaning => "un mot de meaning (et aucun des traps)",
                CommentCriterion::Sentence => "une seule phrase",
            })
            .collect();
        if !missed.is_empty() {
            errors.push(PackError {
                file: case.texts.file_of(&id).unwrap_or(prompts_dir).to_path_buf(),
                location: id,
                problem: format!(
                    "le commentaire modèle ne remplit pas ces critères : {} ; il doit les remplir tous, comme on l’attend d’un élève (voir config/cases/README.md, section 15)",
                    missed.join(", ")
                ),
            });
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(PackErrors(errors))
    }
}
