//! Problems found in a file the bot reads (a case pack, a folder of texts), each with its file,
//! its key or position and what is wrong, in French; and the list they are collected in while a
//! pack loads. A leaf: it knows no pack, text or rule of play.

pub mod wording;

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError {
    pub file: PathBuf,
    /// A dotted key (`kpis.a3_ctr.formula`) or a position (`line 12, column 3`).
    pub location: String,
    pub problem: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} : {} : {}",
            self.file.display(),
            self.location,
            self.problem
        )
    }
}

/// Every problem found in a pack.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct PackErrors(pub Vec<PackError>);

impl fmt::Display for PackErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(
            f,
            "{n} problème{} à corriger :",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            writeln!(f, "  - {e}")?;
        }
        Ok(())
    }
}

/// "line L, column C" of a TOML error.
pub fn toml_location(src: &str, err: &toml::de::Error) -> String {
    match err.span() {
        Some(span) => {
            let before = &src[..span.start.min(src.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("ligne {line}, colonne {column}")
        }
        None => "fichier".to_string(),
    }
}

/// The problems found so far while loading, in the order found.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    list: Vec<PackError>,
}

impl Problems {
    pub(crate) fn add(
        &mut self,
        file: &Path,
        location: impl Into<String>,
        problem: impl Into<String>,
    ) {
        self.list.push(PackError {
            file: file.to_path_buf(),
            location: location.into(),
            problem: problem.into(),
        });
    }

    /// Adds problems found by another reader (the texts' loader), as they are.
    pub(crate) fn extend(&mut self, found: impl IntoIterator<Item = PackError>) {
        self.list.extend(found);
    }

    /// How many problems were found so far (to tell whether a step found any).
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Every problem found, to return as the loading's error.
    pub(crate) fn into_errors(self) -> PackErrors {
        PackErrors(self.list)
    }
}
