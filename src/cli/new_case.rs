//! `casebot nouveau-cas <id>` (alias `new-case`): writes the skeleton of a new case pack, a
//! pack folder and its texts folder that validate as they are, for a teacher to edit.
//!
//! The templates are data: every `*.toml` file of `<skeleton>/pack/` and `<skeleton>/prompts/`
//! (`config/skeleton/` by default, found like `config/play.toml`: relative to the folder casebot
//! runs from, or `--skeleton-dir`), with `{{id}}`, `{{title}}` and `{{session}}` (the year the id
//! ends with, else 2024) replaced. The texts folder is
//! where the `prompts` key of the written `case.toml` lands, relative to the pack folder, so the
//! skeleton validates wherever `--cases-dir` points. Everything is checked before anything is
//! written; the files are written into temporary folders beside their targets, then renamed
//! into place, so a failed write leaves nothing behind.

use crate::msg;
use crate::prompts::Prompts;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

/// The texts folder relative to the pack folder when the skeleton's `case.toml` names none
/// (config/cases/README.md's convention).
fn conventional_prompts(id: &str) -> String {
    format!("../../../prompts/cases/{id}")
}

/// What will be written: two folders and their files, checked and rendered.
struct Skeleton {
    /// The pack folder (`<cases-dir>/<id>`), as the cases folder was given.
    pack_dir: PathBuf,
    /// The texts folder, where the pack's `prompts` key lands (an absolute path).
    texts_dir: PathBuf,
    pack_files: Vec<(String, String)>,
    text_files: Vec<(String, String)>,
}

/// Runs `casebot nouveau-cas <id>`: a French refusal (nothing written) or the skeleton
/// written and the next steps.
pub(super) fn run(
    m: &Prompts,
    cases_dir: &Path,
    skeleton_dir: &Path,
    id: &str,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let skeleton = match prepare(m, cases_dir, skeleton_dir, id) {
        Ok(skeleton) => skeleton,
        Err(text) => {
            writeln!(out, "Erreur : {text}")?;
            return Ok(ExitCode::FAILURE);
        }
    };
    if let Err(e) = skeleton.write() {
        tracing::debug!(error = %e, "the new case could not be written");
        let text = m.text(&msg::CliNewCaseFailed {
            dir: &shown(&skeleton.pack_dir),
            cause: &crate::problem::wording::io_error(&e),
        });
        writeln!(out, "Erreur : {text}")?;
        return Ok(ExitCode::FAILURE);
    }
    let text = m.text(&msg::CliNewCaseDone {
        id,
        pack: &shown(&skeleton.pack_dir),
        texts: &shown(&skeleton.texts_dir),
    });
    writeln!(out, "{text}")?;
    Ok(ExitCode::SUCCESS)
}

/// Every check, in order, then the rendered files; the refusal's French text otherwise.
fn prepare(
    m: &Prompts,
    cases_dir: &Path,
    skeleton_dir: &Path,
    id: &str,
) -> Result<Skeleton, String> {
    if !crate::pack::is_case_id(id) {
        return Err(m.text(&msg::CliNewCaseBadId {
            given: &crate::render::echo(id),
            example: &suggested_id(id),
        }));
    }
    let cases_real = match cases_dir.canonicalize() {
        Ok(dir) if dir.is_dir() => dir,
        _ => {
            return Err(m.text(&msg::CliNewCaseNoCasesDir {
                dir: &shown(cases_dir),
            }))
        }
    };
    let pack_dir = cases_dir.join(id);
    if pack_dir.symlink_metadata().is_ok() {
        return Err(m.text(&msg::CliNewCaseExists {
            dir: &shown(&pack_dir),
        }));
    }
    if let Some(dir) = pack_with_id(cases_dir, id) {
        return Err(m.text(&msg::CliNewCaseTaken {
            id,
            dir: &shown(&dir),
        }));
    }
    let no_skeleton = |dir: &Path, e: &std::io::Error| {
        m.text(&msg::CliNewCaseNoSkeleton {
            dir: &shown(dir),
            cause: &crate::problem::wording::io_error(e),
        })
    };
    let title = title_of(id);
    let session = session_of(id);
    let render = |text: &str| {
        text.replace("{{id}}", id)
            .replace("{{title}}", &title)
            .replace("{{session}}", &session)
    };
    let pack_templates = skeleton_dir.join("pack");
    let pack_files =
        templates(&pack_templates, render).map_err(|e| no_skeleton(&pack_templates, &e))?;
    let text_templates = skeleton_dir.join("prompts");
    let text_files =
        templates(&text_templates, render).map_err(|e| no_skeleton(&text_templates, &e))?;
    let relative = pack_files
        .iter()
        .find(|(name, _)| name == "case.toml")
        .and_then(|(_, text)| prompts_key(text))
        .unwrap_or_else(|| conventional_prompts(id));
    let texts_dir = landing(&cases_real.join(id), Path::new(&relative));
    if texts_dir.symlink_metadata().is_ok() {
        return Err(m.text(&msg::CliNewCaseExists {
            dir: &shown(&texts_dir),
        }));
    }
    Ok(Skeleton {
        pack_dir,
        texts_dir,
        pack_files,
        text_files,
    })
}

/// A valid id close to what was typed (`Mon Sujet` → `mon-sujet`), for the refusal's example.
fn suggested_id(given: &str) -> String {
    let mut id = String::new();
    for c in given.trim().chars().flat_map(char::to_lowercase) {
        let c = match crate::format::unaccented(c) {
            c if c.is_ascii_lowercase() || c.is_ascii_digit() => c,
            _ => '-',
        };
        if !(c == '-' && (id.is_empty() || id.ends_with('-'))) {
            id.push(c);
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "mon-sujet-2024".to_string()
    } else {
        id
    }
}

/// The title the skeleton starts with: the id in words (`mon-sujet-2024` → `Mon sujet 2024`).
/// The exam year an id ends with (« mon-sujet-2025 » → 2025), else the skeleton's example year.
fn session_of(id: &str) -> String {
    let year = id.rsplit('-').next().unwrap_or("");
    let plausible = year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && (year.starts_with("19") || year.starts_with("20"));
    if plausible {
        year.to_string()
    } else {
        "2024".to_string()
    }
}

fn title_of(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

/// The folder of a pack under `cases_dir` whose `case.toml` has this id (packs that do not
/// read are skipped: `casebot validate` reports them).
fn pack_with_id(cases_dir: &Path, id: &str) -> Option<PathBuf> {
    let entries = std::fs::read_dir(cases_dir).ok()?;
    let mut dirs: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    dirs.sort();
    dirs.into_iter().find(|dir| {
        std::fs::read_to_string(dir.join("case.toml"))
            .ok()
            .and_then(|text| text.parse::<toml::Table>().ok())
            .is_some_and(|table| table.get("id").and_then(|v| v.as_str()) == Some(id))
    })
}

/// The `prompts` key of a rendered `case.toml`.
fn prompts_key(case_toml: &str) -> Option<String> {
    let table = case_toml.parse::<toml::Table>().ok()?;
    table.get("prompts")?.as_str().map(str::to_string)
}

/// Where `relative` lands from `from`, `..` taken as the file system does from a real folder.
fn landing(from: &Path, relative: &Path) -> PathBuf {
    let mut path = from.to_path_buf();
    for component in relative.components() {
        match component {
            Component::ParentDir => {
                path.pop();
            }
            Component::Normal(name) => path.push(name),
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => {
                path = PathBuf::from(component.as_os_str())
            }
        }
    }
    path
}

/// Every `*.toml` file of a templates folder, sorted by name, rendered.
fn templates(
    dir: &Path,
    render: impl Fn(&str) -> String,
) -> std::io::Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string);
        match name {
            Some(name) if name.ends_with(".toml") && path.is_file() => {
                files.push((name, render(&std::fs::read_to_string(&path)?)));
            }
            _ => {}
        }
    }
    files.sort();
    Ok(files)
}

/// A path as the teacher reads it: relative to the current folder when under it.
fn shown(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|here| here.canonicalize().ok())
        .and_then(|here| path.strip_prefix(here).ok().map(Path::to_path_buf));
    match relative {
        Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
        _ => path.display().to_string(),
    }
}

/// A folder written under a temporary folder beside its target: `<parent>/.nouveau-cas-<id>-<pid>/<id>`.
/// The temporary folder itself holds no `case.toml`, so a bot starting meanwhile ignores it.
struct Staged {
    temp: PathBuf,
    inner: PathBuf,
}

impl Staged {
    fn write(target: &Path, files: &[(String, String)]) -> std::io::Result<Staged> {
        let parent = target.parent().unwrap_or(Path::new("."));
        let name = target.file_name().unwrap_or_default();
        let temp = parent.join(format!(
            ".nouveau-cas-{}-{}",
            name.to_string_lossy(),
            std::process::id()
        ));
        let staged = Staged {
            inner: temp.join(name),
            temp,
        };
        let written = std::fs::create_dir(&staged.temp)
            .and_then(|()| std::fs::create_dir(&staged.inner))
            .and_then(|()| {
                files
                    .iter()
                    .try_for_each(|(file, text)| std::fs::write(staged.inner.join(file), text))
            });
        match written {
            Ok(()) => Ok(staged),
            Err(e) => {
                staged.discard();
                Err(e)
            }
        }
    }

    fn discard(&self) {
        let _ = std::fs::remove_dir_all(&self.temp);
    }
}

impl Skeleton {
    /// Writes both folders, or nothing: on a failure every folder this created is removed.
    fn write(&self) -> std::io::Result<()> {
        let texts_parent = self.texts_dir.parent().unwrap_or(Path::new("/"));
        // The texts' parent (prompts/cases) may not exist yet beside another cases folder.
        let created = texts_parent
            .ancestors()
            .take_while(|dir| !dir.exists())
            .last()
            .map(Path::to_path_buf);
        let result = std::fs::create_dir_all(texts_parent).and_then(|()| self.write_folders());
        if result.is_err() {
            if let Some(dir) = created {
                let _ = std::fs::remove_dir_all(dir);
            }
        }
        result
    }

    fn write_folders(&self) -> std::io::Result<()> {
        let pack = Staged::write(&self.pack_dir, &self.pack_files)?;
        let texts = match Staged::write(&self.texts_dir, &self.text_files) {
            Ok(texts) => texts,
            Err(e) => {
                pack.discard();
                return Err(e);
            }
        };
        let moved = std::fs::rename(&pack.inner, &self.pack_dir).and_then(|()| {
            std::fs::rename(&texts.inner, &self.texts_dir).inspect_err(|_| {
                let _ = std::fs::remove_dir_all(&self.pack_dir);
            })
        });
        pack.discard();
        texts.discard();
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder under the system temp dir.
    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("casebot-new-case-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temp dir");
        dir
    }

    fn skeleton(root: &Path, texts_dir: PathBuf, text_file: &str) -> Skeleton {
        Skeleton {
            pack_dir: root.join("cases").join("x"),
            texts_dir,
            pack_files: vec![("case.toml".into(), "id = \"x\"\n".into())],
            text_files: vec![(text_file.into(), "[case]\n".into())],
        }
    }

    fn tree(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).expect("a folder").flatten() {
                if entry.path().is_dir() {
                    stack.push(entry.path());
                }
                out.push(entry.path());
            }
        }
        out.sort();
        out
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        // The texts cannot be written (a file in a folder that does not exist), under a
        // prompts folder that did not exist: the staged pack and the created folders go.
        let root = temp("failed-write");
        std::fs::create_dir(root.join("cases")).expect("cases");
        let texts = root.join("new/prompts/cases/x");
        let e = skeleton(&root, texts, "missing/case.toml").write();
        assert!(e.is_err());
        assert_eq!(tree(&root), [root.join("cases")]);

        // The texts folder appeared meanwhile, not empty: the renamed pack is taken back, and
        // what was there is kept.
        let texts = root.join("prompts/cases/x");
        std::fs::create_dir_all(&texts).expect("texts");
        std::fs::write(texts.join("mine.toml"), "").expect("a file");
        let e = skeleton(&root, texts.clone(), "case.toml").write();
        assert!(e.is_err());
        assert_eq!(
            tree(&root),
            [
                root.join("cases"),
                root.join("prompts"),
                root.join("prompts/cases"),
                texts.clone(),
                texts.join("mine.toml"),
            ]
        );

        // And it works once the way is clear.
        std::fs::remove_dir_all(&texts).expect("remove");
        skeleton(&root, texts.clone(), "case.toml")
            .write()
            .expect("written");
        assert!(root.join("cases/x/case.toml").is_file() && texts.join("case.toml").is_file());
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn the_session_is_the_year_the_id_ends_with() {
        assert_eq!(session_of("mon-sujet-2025"), "2025");
        assert_eq!(session_of("bts-1999"), "1999");
        assert_eq!(session_of("mon-sujet"), "2024");
        assert_eq!(session_of("cas-12345"), "2024");
        assert_eq!(session_of("cas-3000"), "2024");
    }

    #[test]
    fn ids_titles_and_landings() {
        assert_eq!(suggested_id("Mon Sujet 2024"), "mon-sujet-2024");
        assert_eq!(suggested_id("  Été_2025!"), "ete-2025");
        assert_eq!(suggested_id("***"), "mon-sujet-2024");
        assert_eq!(title_of("mon-sujet-2024"), "Mon sujet 2024");
        assert_eq!(
            landing(
                Path::new("/r/config/cases/x"),
                Path::new("../../../prompts/cases/x")
            ),
            PathBuf::from("/r/prompts/cases/x")
        );
        assert_eq!(
            landing(Path::new("/c/x"), Path::new("../../../prompts/cases/x")),
            PathBuf::from("/prompts/cases/x")
        );
    }
}
