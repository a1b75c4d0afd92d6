//! `casebot linkedin …`: the model posts, the analysis of a draft, the grading grids. A thin
//! shell over [`super::analyse`] and [`super::render`]; `src/cli.rs` only forwards to [`run`].

use super::{analyse, render, Workshop};
use crate::case::Case;
use crate::msg;
use crate::prompts::Prompts;
use clap::Subcommand;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status for "what you asked for does not exist" (as the rest of the command line).
const NOT_FOUND: u8 = 2;

#[derive(Debug, Subcommand)]
pub enum LinkedinCommand {
    /// Affiche les publications modèles du cas, avec leurs comptes et les notes pour l’enseignant.
    Models {
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Analyse un brouillon de publication : chaque critère rempli ou non, avec un conseil.
    ///
    /// Le brouillon est un fichier texte UTF-8, ou « - » pour l’entrée standard ; l’analyse
    /// donne aussi les comptes que regardent les utilisateurs de LinkedIn.
    Check {
        /// Le fichier du brouillon, ou « - » pour l’entrée standard.
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Affiche la grille de correction d’une question (toutes les grilles du cas sans question).
    Grid {
        /// La question (« 2.4 »).
        #[arg(value_name = "QUESTION")]
        question: Option<String>,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a `linkedin` command on `case` and its workshop (`None` when the pack has none);
/// returns the exit status.
pub fn run(
    messages: &Prompts,
    case: &Case,
    workshop: Option<&Workshop>,
    command: LinkedinCommand,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    match command {
        LinkedinCommand::Models { json } => {
            if workshop.is_none() {
                writeln!(
                    out,
                    "{}",
                    messages.text(&msg::LinkedinModelsNone {
                        case: &case.meta.title
                    })
                )?;
                return Ok(ExitCode::from(NOT_FOUND));
            }
            if json {
                let value = render::models_json(case, workshop);
                writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            } else if let Some(text) = render::models(messages, case, workshop) {
                writeln!(out, "{text}")?;
            }
        }
        LinkedinCommand::Check { file, json } => {
            let Some(workshop) = workshop else {
                writeln!(
                    out,
                    "{}",
                    messages.text(&msg::LinkedinCheckNoRules {
                        case: &case.meta.title
                    })
                )?;
                return Ok(ExitCode::from(NOT_FOUND));
            };
            let shown = file.display().to_string();
            let bytes = if shown == "-" {
                let mut buffer = Vec::new();
                std::io::stdin().read_to_end(&mut buffer).map(|_| buffer)
            } else {
                std::fs::read(&file)
            };
            let bytes = match bytes {
                Ok(b) => b,
                Err(e) => {
                    let text = if e.kind() == std::io::ErrorKind::NotFound {
                        messages.text(&msg::LinkedinCheckNotFound { file: &shown })
                    } else {
                        messages.text(&msg::LinkedinCheckUnreadable {
                            file: &shown,
                            error: &e.to_string(),
                        })
                    };
                    writeln!(out, "{text}")?;
                    return Ok(ExitCode::from(NOT_FOUND));
                }
            };
            let Ok(draft) = String::from_utf8(bytes) else {
                writeln!(
                    out,
                    "{}",
                    messages.text(&msg::LinkedinCheckNotText { file: &shown })
                )?;
                return Ok(ExitCode::from(NOT_FOUND));
            };
            let draft = draft.strip_prefix('\u{FEFF}').unwrap_or(&draft);
            let analysis = analyse(draft, &workshop.params);
            if json {
                let value = render::feedback_json(messages, &workshop.params, &analysis);
                writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            } else {
                writeln!(
                    out,
                    "{}",
                    render::feedback(messages, &workshop.params, &analysis)
                )?;
            }
        }
        LinkedinCommand::Grid { question, json } => {
            if case.grids.is_empty() {
                writeln!(
                    out,
                    "{}",
                    messages.text(&msg::LinkedinGridNone {
                        case: &case.meta.title
                    })
                )?;
                return Ok(ExitCode::from(NOT_FOUND));
            }
            let grids: Vec<_> = match &question {
                Some(id) => match case.grid(id) {
                    Some(g) => vec![g],
                    None => {
                        let list: Vec<&str> =
                            case.grids.iter().map(|g| g.question.as_str()).collect();
                        writeln!(
                            out,
                            "{}",
                            messages.text(&msg::LinkedinGridUnknown {
                                id,
                                list: &list.join(", ")
                            })
                        )?;
                        return Ok(ExitCode::from(NOT_FOUND));
                    }
                },
                None => case.grids.iter().collect(),
            };
            if json {
                let list: Vec<_> = grids.iter().map(|g| render::grid_json(case, g)).collect();
                let value = if question.is_some() {
                    list.into_iter().next().unwrap_or_default()
                } else {
                    serde_json::Value::Array(list)
                };
                writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            } else {
                let texts: Vec<String> = grids
                    .iter()
                    .map(|g| render::grid(messages, case, g))
                    .collect();
                writeln!(out, "{}", texts.join("\n\n"))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
