//! Loading everything the bot needs at start-up: its own French texts and every case pack.
//! Nothing here panics: a broken file is reported with where and what.

use crate::case::Case;
use crate::msg;
use crate::pack::{self, PackErrors};
use crate::prompts::{pieces, PromptError, Prompts};
use std::path::{Path, PathBuf};

/// Where the data lives.
#[derive(Debug, Clone)]
pub struct Paths {
    /// Folder holding one sub-folder per case pack (`config/cases`).
    pub cases_dir: PathBuf,
    /// Folder of the bot's own texts (`prompts/fr`).
    pub messages_dir: PathBuf,
}

impl Paths {
    /// The folders of a checkout rooted at `root`.
    pub fn under(root: &Path) -> Paths {
        Paths {
            cases_dir: root.join("config").join("cases"),
            messages_dir: root.join("prompts").join("fr"),
        }
    }
}

/// Why the bot cannot start.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("case pack {dir}: {errors}")]
    Pack { dir: PathBuf, errors: PackErrors },
    #[error("the bot's texts have problems:\n{}", list(.0))]
    Messages(Vec<String>),
    #[error("no case pack found in {0} (expected one folder per case, holding case.toml)")]
    NoCases(PathBuf),
    #[error("cannot read the cases folder {dir}: {source}")]
    CasesDir {
        dir: PathBuf,
        source: std::io::Error,
    },
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("  - {s}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The loaded texts and cases.
#[derive(Debug)]
pub struct App {
    pub messages: Prompts,
    pub cases: Vec<Case>,
}

impl App {
    /// Loads the bot's texts and every pack under `paths.cases_dir`.
    pub fn load(paths: &Paths) -> Result<App, LoadError> {
        let messages = load_messages(&paths.messages_dir)?;
        let entries =
            std::fs::read_dir(&paths.cases_dir).map_err(|source| LoadError::CasesDir {
                dir: paths.cases_dir.clone(),
                source,
            })?;
        let mut dirs: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("case.toml").is_file())
            .collect();
        dirs.sort();
        let mut cases = Vec::new();
        for dir in dirs {
            let case = pack::load(&dir).map_err(|errors| LoadError::Pack {
                dir: dir.clone(),
                errors,
            })?;
            tracing::info!(case = %case.meta.id, kpis = case.kpis.len(), "case pack loaded");
            cases.push(case);
        }
        if cases.is_empty() {
            return Err(LoadError::NoCases(paths.cases_dir.clone()));
        }
        Ok(App { messages, cases })
    }

    /// Loads the bot's texts and the single pack in `pack_dir`.
    pub fn load_pack(messages_dir: &Path, pack_dir: &Path) -> Result<App, LoadError> {
        let messages = load_messages(messages_dir)?;
        let case = pack::load(pack_dir).map_err(|errors| LoadError::Pack {
            dir: pack_dir.to_path_buf(),
            errors,
        })?;
        Ok(App {
            messages,
            cases: vec![case],
        })
    }

    /// A case by id, or the first one when `id` is `None`.
    pub fn case(&self, id: Option<&str>) -> Option<&Case> {
        match id {
            Some(id) => self.cases.iter().find(|c| c.meta.id == id),
            None => self.cases.first(),
        }
    }
}

/// Loads the bot's texts and checks that every id the code uses exists and asks only for
/// arguments the code gives.
pub fn load_messages(dir: &Path) -> Result<Prompts, LoadError> {
    let messages = Prompts::load_dir(dir).map_err(|errors| {
        LoadError::Messages(errors.iter().map(PromptError::to_string).collect())
    })?;
    let problems = check_messages(&messages);
    if problems.is_empty() {
        Ok(messages)
    } else {
        Err(LoadError::Messages(problems))
    }
}

/// Every problem between the ids of [`msg::ALL`] (and of the LinkedIn workshop,
/// [`crate::linkedin::TEXTS`]) and a set of texts.
pub fn check_messages(messages: &Prompts) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, args) in msg::ALL.iter().chain(crate::linkedin::TEXTS) {
        let Some(template) = messages.get(id) else {
            problems.push(format!("text '{id}' is missing"));
            continue;
        };
        if let Ok(parts) = pieces(template) {
            for piece in parts {
                if let Some(name) = piece.arg() {
                    if !args.contains(&name) {
                        let file = messages
                            .file_of(id)
                            .map(|f| f.display().to_string())
                            .unwrap_or_default();
                        problems.push(format!(
                            "{file}: text '{id}' uses {{{name}}}, which the code does not give (it gives: {})",
                            args.join(", ")
                        ));
                    }
                }
            }
        }
    }
    problems
}
