//! Where a pack's files are read from: a folder on disk (the bundled subjects, `casebot
//! validate`), or files held in memory (a subject a teacher uploaded, kept in the database).
//! The loader asks only this for files, so both are checked by the same rules.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The files of an uploaded pack: relative paths (normalised, `/`-separated, no `..`) to their
/// text. Built by [`super::upload::unpack`] or read back from the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Files(BTreeMap<String, String>);

impl Files {
    /// Adds one file; `path` must already be normalised (see [`normalise`]).
    pub fn insert(&mut self, path: String, text: String) {
        self.0.insert(path, text);
    }

    /// Every file, in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(p, t)| (p.as_str(), t.as_str()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Total size of the texts, in bytes.
    pub fn total_bytes(&self) -> usize {
        self.0.values().map(String::len).sum()
    }

    /// The folders holding a pack, in path order (`""` for the top): a `case.toml` that names
    /// the case (its `id`), or one beside a `kpis.toml`. A folder of texts may have its own
    /// `case.toml` (the texts of the case), which is no pack.
    pub fn pack_dirs(&self) -> Vec<String> {
        let in_dir = |dir: &str, name: &str| {
            if dir.is_empty() {
                name.to_string()
            } else {
                format!("{dir}/{name}")
            }
        };
        let names_case = |text: &str| {
            toml::from_str::<toml::Table>(text)
                .is_ok_and(|t| t.get("id").is_some_and(|v| v.is_str()))
        };
        let with_case: Vec<String> = self
            .0
            .keys()
            .filter_map(|p| match p.rsplit_once('/') {
                Some((dir, "case.toml")) => Some(dir.to_string()),
                None if p == "case.toml" => Some(String::new()),
                _ => None,
            })
            .collect();
        // A pack's case.toml with a typo still counts when its kpis.toml is beside it, so that
        // the teacher reads what is wrong in it rather than « no subject ».
        with_case
            .into_iter()
            .filter(|d| {
                self.0.contains_key(&in_dir(d, "kpis.toml"))
                    || self
                        .0
                        .get(&in_dir(d, "case.toml"))
                        .is_some_and(|t| names_case(t))
            })
            .collect()
    }
}

/// Lexically resolves `.` and `..` in a relative path; `None` when it is absolute or climbs
/// above its start. Gives the `/`-separated form the memory store keys on.
pub fn normalise(path: &Path) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_str()?.to_string()),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.join("/"))
}

/// Where the loader reads.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    Disk,
    Memory(&'a Files),
}

/// Why a file could not be read: the French words the loader puts after « lecture
/// impossible : ».
pub(crate) enum Unread {
    Io(std::io::Error),
    /// The path leaves the uploaded files (`prompts = "../../x"` in an archive).
    Outside,
    Missing,
}

impl Unread {
    pub(crate) fn wording(&self) -> String {
        match self {
            Unread::Io(e) => crate::problem::wording::io_error(e),
            Unread::Outside => "ce chemin sort des fichiers envoyés : un sujet importé ne lit que ses propres fichiers. Mettez le dossier des textes dans l’archive, là où prompts le nomme (par exemple, depuis le dossier du projet : zip -r sujet.zip config/cases/mon-cas prompts/cases/mon-cas)".into(),
            Unread::Missing => "fichier introuvable dans les fichiers envoyés".into(),
        }
    }
}

impl Source<'_> {
    pub(crate) fn read(&self, path: &Path) -> Result<String, Unread> {
        match self {
            Source::Disk => std::fs::read_to_string(path).map_err(Unread::Io),
            Source::Memory(files) => {
                let key = normalise(path).ok_or(Unread::Outside)?;
                files.0.get(&key).cloned().ok_or(Unread::Missing)
            }
        }
    }

    pub(crate) fn is_file(&self, path: &Path) -> bool {
        match self {
            Source::Disk => path.is_file(),
            Source::Memory(files) => normalise(path).is_some_and(|k| files.0.contains_key(&k)),
        }
    }

    pub(crate) fn is_dir(&self, path: &Path) -> bool {
        match self {
            Source::Disk => path.is_dir(),
            Source::Memory(files) => match normalise(path) {
                Some(k) if k.is_empty() => !files.is_empty(),
                Some(k) => {
                    let prefix = format!("{k}/");
                    files.0.keys().any(|p| p.starts_with(&prefix))
                }
                None => false,
            },
        }
    }

    /// The `*.toml` files under `dir` (memory only; the disk loader walks folders itself),
    /// with their text, in path order.
    pub(crate) fn toml_files_under(&self, dir: &Path) -> Result<Vec<(PathBuf, String)>, Unread> {
        match self {
            Source::Disk => Err(Unread::Missing),
            Source::Memory(files) => {
                let key = normalise(dir).ok_or(Unread::Outside)?;
                let prefix = if key.is_empty() {
                    String::new()
                } else {
                    format!("{key}/")
                };
                let found: Vec<(PathBuf, String)> = files
                    .0
                    .iter()
                    .filter(|(p, _)| p.starts_with(&prefix) && p.ends_with(".toml"))
                    .map(|(p, t)| (PathBuf::from(p), t.clone()))
                    .collect();
                if found.is_empty() {
                    Err(Unread::Missing)
                } else {
                    Ok(found)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_resolved_without_climbing_out() {
        assert_eq!(
            normalise(Path::new("a/b/../c/./d.toml")).as_deref(),
            Some("a/c/d.toml")
        );
        assert_eq!(normalise(Path::new("a/../..")), None);
        assert_eq!(normalise(Path::new("/etc/passwd")), None);
        assert_eq!(normalise(Path::new("")).as_deref(), Some(""));
    }

    #[test]
    fn memory_reads_only_what_was_given() {
        let mut files = Files::default();
        files.insert("cas/case.toml".into(), "id = 'x'".into());
        files.insert("textes/a.toml".into(), "x = 'y'".into());
        files.insert("textes/sous/b.toml".into(), "x = 'z'".into());
        let src = Source::Memory(&files);
        assert!(src.is_file(Path::new("cas/case.toml")));
        assert!(src.is_dir(Path::new("cas/../textes")));
        assert!(!src.is_dir(Path::new("tex")));
        assert!(matches!(
            src.read(Path::new("cas/../../etc/passwd")),
            Err(Unread::Outside)
        ));
        let texts = src
            .toml_files_under(Path::new("cas/../textes"))
            .ok()
            .unwrap_or_default();
        assert_eq!(texts.len(), 2);
        assert_eq!(files.pack_dirs(), vec!["cas".to_string()]);
        // A folder of texts with its own case.toml is no pack.
        files.insert("cas/kpis.toml".into(), String::new());
        files.insert("cas/case.toml".into(), "id = 'x'".into());
        files.insert("textes/case.toml".into(), "[case]\nintro = 'x'".into());
        assert_eq!(files.pack_dirs(), vec!["cas".to_string()]);
    }
}
