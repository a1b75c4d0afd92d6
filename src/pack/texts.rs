//! The pack's French texts: reading the folder `case.toml` names, and checking that every text
//! the pack needs exists and names only figures that exist.

use super::Source;
use crate::case::Case;
use crate::problem::Problems;
use crate::prompts::{pieces, Prompts};
use std::collections::BTreeSet;
use std::path::Path;

/// Whether the texts folder `case.toml` names (`prompts`, resolved to `prompts_dir`) is there;
/// when it is not, records one problem saying where it was looked for and how to fix it.
pub(super) fn folder_found(
    source: Source,
    pack_dir: &Path,
    raw_case: &super::meta::RawCase,
    prompts_dir: &Path,
    case_file: &Path,
    problems: &mut Problems,
) -> bool {
    if source.is_dir(prompts_dir) {
        return true;
    }
    let named = raw_case.prompts.as_str();
    // The command that zips a pack and its texts, for this subject (its id when it has a
    // usable one).
    let id = if super::is_case_id(&raw_case.id) {
        raw_case.id.as_str()
    } else {
        "mon-cas"
    };
    let zip = format!("zip -r {id}.zip config/cases/{id} prompts/cases/{id}");
    let problem = match source {
        Source::Disk => format!(
            "dossier des textes introuvable : {} (prompts = \"{named}\", un chemin relatif au dossier du cas) ; créez ce dossier avec les fichiers .toml des textes, ou corrigez le chemin",
            tidy(&pack_dir.join(named)).display(),
        ),
        Source::Memory(_) => match super::source::normalise(prompts_dir) {
            None => format!("le dossier des textes (prompts = \"{named}\") n’est pas dans l’archive : l’archive doit contenir le dossier du cas et son dossier de textes, par exemple faite depuis le dossier du projet avec : {zip}"),
            Some(folder) => format!(
                "le dossier des textes {folder} (prompts = \"{named}\") n’est pas dans l’archive : ajoutez-le (depuis le dossier du projet : {zip})"
            ),
        },
    };
    problems.add(case_file, "prompts", problem);
    false
}

/// `a/b/../c` as `a/c`, for a path shown to a teacher (the disk is not asked).
fn tidy(path: &Path) -> std::path::PathBuf {
    use std::path::Component;
    let mut out = std::path::PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Reads the texts in `prompts_dir`; when they do not load, records their problems and goes on
/// with no texts, so that the rest of the pack is still checked.
pub(super) fn load_texts(source: Source, prompts_dir: &Path, problems: &mut Problems) -> Prompts {
    let loaded = match source {
        Source::Disk => Prompts::load_dir(prompts_dir),
        Source::Memory(_) => match source.toml_files_under(prompts_dir) {
            Ok(files) => Prompts::load_sources(files.iter().map(|(p, t)| (p.as_path(), t.as_str()))),
            Err(e) => Err(vec![crate::problem::PackError {
                file: prompts_dir.to_path_buf(),
                location: "prompts".into(),
                problem: format!(
                    "dossier des textes illisible : {} (case.toml nomme ce dossier avec prompts = \"…\", un chemin relatif au dossier du cas ; il doit contenir les fichiers .toml des textes)",
                    e.wording()
                ),
            }]),
        },
    };
    match loaded {
        Ok(t) => t,
        Err(errors) => {
            problems.extend(errors);
            Prompts::default()
        }
    }
}

/// The texts every pack must have, and the placeholders they may use.
pub(super) fn check_texts(case: &Case, prompts_dir: &Path, problems: &mut Problems) {
    let mut required: Vec<String> = vec!["case.intro".into()];
    required.extend(
        case.dossiers
            .iter()
            .map(|d| format!("dossier.{}.intro", d.id)),
    );
    required.extend(
        case.annexes
            .iter()
            .map(|a| format!("annex.{}.body", a.number)),
    );
    for q in &case.questions {
        // The consigne is the subject's words; `statement` (the bot's help line) is optional.
        required.push(format!("question.{}.consigne", q.id));
        required.push(format!("question.{}.model", q.id));
        for p in &q.parts {
            required.push(format!("part.{}.statement", p.id));
            required.push(format!("part.{}.commentary", p.id));
        }
    }
    for id in required {
        if !case.texts.contains(&id) {
            problems.add(prompts_dir, &id, "ce texte manque : chaque annexe, question et calcul a ses textes (voir config/cases/README.md)");
        }
    }
    let mistake_texts: BTreeSet<&str> = case
        .kpis
        .iter()
        .flat_map(|k| k.mistakes.iter().map(|m| m.message.as_str()))
        .collect();
    for id in case.texts.ids() {
        let Some(template) = case.texts.get(id) else {
            continue;
        };
        let Ok(parts) = pieces(template) else {
            continue;
        };
        for piece in parts {
            if let Some(name) = piece.arg() {
                let kpi = name
                    .strip_prefix("kpi.")
                    .or_else(|| name.strip_prefix("abs."));
                let known = match (kpi, name.strip_prefix("value.")) {
                    (Some(kpi), _) => case.kpi_index(kpi).is_some(),
                    (_, Some(value)) => case.value_by_id(value).is_some(),
                    _ => name == "given" && mistake_texts.contains(id),
                };
                if !known {
                    let file = case.texts.file_of(id).unwrap_or(prompts_dir);
                    problems.add(file, id, format!("« {{{name}}} » ne désigne aucun chiffre : écrivez {{kpi.ID}}, {{abs.ID}} (sans son signe) ou {{value.ID}} avec un identifiant existant, ou {{given}} dans le texte d’une erreur déclarée"));
                }
            }
        }
    }
}
