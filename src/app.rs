//! Loading everything the bot needs at start-up: its own French texts and every case pack.
//! Nothing here panics: a broken file is reported with where and what.

use crate::msg;
use crate::pack::{self, CasePack, PackErrors};
use crate::problem::PackError;
use crate::prompts::{pieces, Prompts};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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

/// What to do when casebot cannot find its files: the usual cause is a start from another
/// folder, since every default path is relative to the project folder.
const WHERE: &str =
    "Lancez casebot depuis le dossier du projet (celui qui contient config/ et prompts/)";

/// At most this many problems are listed: a wrong folder (--messages-dir config) would
/// otherwise print hundreds of lines that all say the same.
const SHOWN: usize = 12;

/// Why the bot cannot start. Written in French here, not in `prompts/fr`: these messages are
/// shown when the texts cannot be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(
        "le cas du dossier {} ne peut pas être chargé : {errors}Après correction, vérifiez avec : casebot validate {}",
        dir.display(),
        dir.display()
    )]
    Pack { dir: PathBuf, errors: PackErrors },
    #[error("{}", messages_problems(dir, problems))]
    Messages { dir: PathBuf, problems: Vec<String> },
    #[error(
        "aucun cas dans le dossier {} (un cas est un sous-dossier qui contient case.toml). {WHERE}, ou indiquez le dossier des cas avec --cases-dir DOSSIER.",
        .0.display()
    )]
    NoCases(PathBuf),
    #[error(
        "deux cas portent l’identifiant « {id} » : {} et {}. Chaque sujet a son propre id dans son case.toml : changez celui de l’un des deux (par exemple id = \"{id}-2\"), puis vérifiez avec : casebot validate",
        first.display(),
        second.display()
    )]
    DuplicateId {
        id: String,
        first: PathBuf,
        second: PathBuf,
    },
    #[error(
        "dossier des cas {} : lecture impossible ({}). {WHERE}, ou indiquez le dossier des cas avec --cases-dir DOSSIER.",
        dir.display(),
        crate::problem::wording::io_error(error)
    )]
    CasesDir {
        dir: PathBuf,
        // Not named `source`: the French message already says it (see `SettingsError::Read`).
        error: std::io::Error,
    },
}

fn messages_problems(dir: &Path, problems: &[String]) -> String {
    if !dir.is_dir() {
        return format!(
            "dossier des textes du bot introuvable : {}. {WHERE}, ou indiquez ce dossier avec --messages-dir DOSSIER.",
            dir.display()
        );
    }
    let n = problems.len();
    let mut out = format!(
        "les textes du bot ({}) ont {n} problème{} à corriger :\n{}",
        dir.display(),
        if n == 1 { "" } else { "s" },
        list(&problems[..n.min(SHOWN)])
    );
    if n > SHOWN {
        out.push_str(&format!("\n  … et {} autres.", n - SHOWN));
    }
    if n > SHOWN {
        out.push_str(&format!(
            "\nCe dossier contient-il bien les textes du bot (prompts/fr) ? {WHERE}, ou indiquez le bon dossier avec --messages-dir DOSSIER."
        ));
    }
    out
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
    /// The loaded packs, each a case with its prepared checks and workshop.
    pub cases: Vec<Arc<CasePack>>,
    /// The index in `cases` of the case played where none is chosen (`--case`, else the first).
    default: usize,
}

impl App {
    /// Loads the bot's texts and every pack under `paths.cases_dir`.
    pub fn load(paths: &Paths) -> Result<App, LoadError> {
        let messages = load_messages(&paths.messages_dir)?;
        let entries = std::fs::read_dir(&paths.cases_dir).map_err(|error| LoadError::CasesDir {
            dir: paths.cases_dir.clone(),
            error,
        })?;
        let mut dirs: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("case.toml").is_file())
            .collect();
        dirs.sort();
        let mut cases: Vec<Arc<CasePack>> = Vec::new();
        let mut loaded_from: Vec<PathBuf> = Vec::new();
        for dir in dirs {
            let case = pack::load(&dir).map_err(|errors| LoadError::Pack {
                dir: dir.clone(),
                errors,
            })?;
            // A class names its subject by id: two packs with one id could not be told apart.
            if let Some(i) = cases.iter().position(|c| c.meta.id == case.meta.id) {
                return Err(LoadError::DuplicateId {
                    id: case.meta.id.clone(),
                    first: loaded_from[i].clone(),
                    second: dir,
                });
            }
            loaded_from.push(dir.clone());
            tracing::info!(case = %case.meta.id, kpis = case.kpis.len(), "case pack loaded");
            cases.push(Arc::new(case));
        }
        if cases.is_empty() {
            return Err(LoadError::NoCases(paths.cases_dir.clone()));
        }
        Ok(App {
            messages,
            cases,
            default: 0,
        })
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
            cases: vec![Arc::new(case)],
            default: 0,
        })
    }

    /// A case by id, or the default one (see [`App::set_default_case`]) when `id` is `None`.
    pub fn case(&self, id: Option<&str>) -> Option<&CasePack> {
        match id {
            Some(id) => self.cases.iter().find(|c| c.meta.id == id).map(|c| &**c),
            None => self.cases.get(self.default).map(|c| &**c),
        }
    }

    /// The case played where none is chosen: the one `--case` names, else the first loaded.
    pub fn default_case(&self) -> &CasePack {
        &self.cases[self.default]
    }

    /// The default case, shared (what the engine hands to the requests of a class that chose
    /// no subject).
    pub fn default_shared(&self) -> Arc<CasePack> {
        self.cases[self.default].clone()
    }

    /// The case a teacher names: by its id or its title, whatever the capitals and the outer
    /// blanks (`/config cas:`, `--case`).
    pub fn find_case(&self, given: &str) -> Option<&CasePack> {
        self.position_of(given).map(|i| &*self.cases[i])
    }

    fn position_of(&self, given: &str) -> Option<usize> {
        let given = given.trim();
        self.cases.iter().position(|c| {
            c.meta.id.eq_ignore_ascii_case(given) || c.meta.title.trim().eq_ignore_ascii_case(given)
        })
    }

    /// Makes the case `given` names (see [`App::find_case`]) the default (`--case`): a class
    /// that has not chosen its subject plays it, and the commands on a case use it. `false`,
    /// and nothing changed, when no case has that id or title.
    pub fn set_default_case(&mut self, given: &str) -> bool {
        match self.position_of(given) {
            Some(index) => {
                self.default = index;
                true
            }
            None => false,
        }
    }
}

/// Loads the bot's texts and checks that every id the code uses exists and asks only for
/// arguments the code gives.
pub fn load_messages(dir: &Path) -> Result<Prompts, LoadError> {
    let messages = Prompts::load_dir(dir).map_err(|errors| LoadError::Messages {
        dir: dir.to_path_buf(),
        problems: errors.iter().map(PackError::to_string).collect(),
    })?;
    let problems = check_messages(&messages);
    if problems.is_empty() {
        Ok(messages)
    } else {
        Err(LoadError::Messages {
            dir: dir.to_path_buf(),
            problems,
        })
    }
}

/// Every problem between the ids of [`msg::ALL`] (the bot's, the workshop's and
/// the charts' texts) and a set of texts.
pub fn check_messages(messages: &Prompts) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, args) in msg::ALL {
        let Some(template) = messages.get(id) else {
            problems.push(format!("le texte « {id} » manque"));
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
                            "{file} : le texte « {id} » utilise {{{name}}}, que le code ne donne pas (il donne : {})",
                            args.join(", ")
                        ));
                    }
                }
            }
        }
    }
    problems
}
