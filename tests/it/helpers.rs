//! Shared helpers for the integration tests.

#![allow(dead_code)]

use casebot::{App, Paths};
use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled packs and texts, loaded.
pub fn app() -> App {
    match App::load(&Paths::under(&root())) {
        Ok(app) => app,
        Err(e) => panic!("the bundled case does not load: {e}"),
    }
}

// ------------------------------------------------------------------------------------------
// Helpers of the kpis, checker, cli, pack_errors and texts modules.

/// The bundled packs and texts, loaded once for the whole test binary.
pub fn shared_app() -> &'static App {
    static APP: std::sync::OnceLock<App> = std::sync::OnceLock::new();
    APP.get_or_init(app)
}

/// The bundled case "arbre-cadeau".
pub fn case() -> &'static casebot::Case {
    match shared_app().case(Some("arbre-cadeau")) {
        Some(case) => case,
        None => panic!("the bundled case 'arbre-cadeau' is missing"),
    }
}

/// The index of a KPI of the bundled case, failing the test when it does not exist.
pub fn kpi_index(id: &str) -> usize {
    match case().kpi_index(id) {
        Some(i) => i,
        None => panic!("no KPI '{id}' in the bundled case"),
    }
}

/// French typography made plain: U+202F and U+00A0 become spaces, U+2212 becomes '-'.
pub fn plain(text: &str) -> String {
    text.replace(['\u{202F}', '\u{A0}'], " ")
        .replace('\u{2212}', "-")
}

/// A folder under the system temp dir, removed when dropped.
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    /// A fresh, empty folder named after the test and the process.
    pub fn new(test: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("casebot-it-{test}-{}", std::process::id()));
        if path.exists() {
            std::fs::remove_dir_all(&path).expect("remove a stale temp dir");
        }
        std::fs::create_dir_all(&path).expect("create a temp dir");
        TempDir { path }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Copies a folder and everything under it.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create a folder");
    for entry in std::fs::read_dir(from).expect("read a folder") {
        let entry = entry.expect("read a folder entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

/// A copy of the bundled pack "arbre-cadeau" in a temp dir, laid out as in the repository
/// (`config/cases/arbre-cadeau` and `prompts/cases/arbre-cadeau`), removed when dropped.
pub struct TempPack {
    pub dir: TempDir,
}

impl TempPack {
    pub fn new(test: &str) -> TempPack {
        let dir = TempDir::new(test);
        copy_dir(
            &root().join("config/cases/arbre-cadeau"),
            &dir.path.join("config/cases/arbre-cadeau"),
        );
        copy_dir(
            &root().join("prompts/cases/arbre-cadeau"),
            &dir.path.join("prompts/cases/arbre-cadeau"),
        );
        TempPack { dir }
    }

    /// The pack folder (holding case.toml).
    pub fn pack_dir(&self) -> PathBuf {
        self.dir.path.join("config/cases/arbre-cadeau")
    }

    /// The folder of the pack's texts.
    pub fn prompts_dir(&self) -> PathBuf {
        self.dir.path.join("prompts/cases/arbre-cadeau")
    }

    /// Replaces the one occurrence of `from` by `to` in `file` (relative to the temp root),
    /// failing the test when `from` is not there exactly once.
    pub fn replace(&self, file: &str, from: &str, to: &str) {
        let path = self.dir.path.join(file);
        let src = std::fs::read_to_string(&path).expect("read a pack file");
        assert_eq!(
            src.matches(from).count(),
            1,
            "{from:?} should occur once in {file}"
        );
        std::fs::write(&path, src.replacen(from, to, 1)).expect("write a pack file");
    }

    /// The 1-based line of `file` (relative to the temp root) that holds `needle`.
    pub fn line_of(&self, file: &str, needle: &str) -> usize {
        let src = std::fs::read_to_string(self.dir.path.join(file)).expect("read a pack file");
        match src.lines().position(|l| l.contains(needle)) {
            Some(i) => i + 1,
            None => panic!("{needle:?} is not in {file}"),
        }
    }
}
