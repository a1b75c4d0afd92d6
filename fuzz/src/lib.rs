//! Shared helpers of the fuzz targets: the bundled pack and texts, a scratch copy of the pack
//! whose files a target replaces, and "play what validated" (every read-only use of a loaded
//! case a student or a teacher can trigger).

use casebot::chart::{case_chart_data, case_charts, Sight};
use casebot::prompts::Prompts;
use casebot::{render, App, Case, CasePack, Paths};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The repository root (the parent of this crate).
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

/// The bot's texts and the bundled packs, loaded once per process. A target cannot run
/// without them: failing to load them is a broken checkout, not a finding.
pub fn app() -> &'static App {
    static APP: OnceLock<App> = OnceLock::new();
    APP.get_or_init(|| match App::load(&Paths::under(&root())) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("the bundled pack does not load: {e}");
            std::process::exit(2)
        }
    })
}

/// The bundled case pack (the case, its answer checks and its workshop).
pub fn case() -> &'static CasePack {
    match app().case(Some(BUNDLED)) {
        Some(case) => case,
        None => {
            eprintln!("no bundled case « {BUNDLED} »");
            std::process::exit(2)
        }
    }
}

/// The id of the bundled case.
pub const BUNDLED: &str = "arbre-cadeau";

/// Every TOML file of the bundled pack, relative to the repository root: the pack's own
/// files, then its texts.
pub const PACK_FILES: [&str; 14] = [
    "config/cases/arbre-cadeau/case.toml",
    "config/cases/arbre-cadeau/annexes.toml",
    "config/cases/arbre-cadeau/kpis.toml",
    "config/cases/arbre-cadeau/questions.toml",
    "config/cases/arbre-cadeau/grids.toml",
    "config/cases/arbre-cadeau/linkedin.toml",
    "config/cases/arbre-cadeau/charts.toml",
    "prompts/cases/arbre-cadeau/case.toml",
    "prompts/cases/arbre-cadeau/annexes.toml",
    "prompts/cases/arbre-cadeau/questions.toml",
    "prompts/cases/arbre-cadeau/grids.toml",
    "prompts/cases/arbre-cadeau/mistakes.toml",
    "prompts/cases/arbre-cadeau/linkedin.toml",
    "prompts/cases/arbre-cadeau/charts.toml",
];

/// The pack folder, relative to the repository root (and to a [`Scratch`] copy).
pub const PACK_DIR: &str = "config/cases/arbre-cadeau";

/// The bundled bytes of every file of [`PACK_FILES`], read once.
pub fn originals() -> &'static [Vec<u8>] {
    static ORIGINALS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    ORIGINALS.get_or_init(|| {
        let root = root();
        PACK_FILES
            .iter()
            .map(|f| match std::fs::read(root.join(f)) {
                Ok(bytes) => bytes,
                Err(e) => {
                    eprintln!("cannot read {f}: {e}");
                    std::process::exit(2)
                }
            })
            .collect()
    })
}

/// The bundled pack as a teacher sends its TOML files loose (`/cas importer` with attachments):
/// the pack's files by their names, the texts renamed `textes-<name>` so that no name is sent
/// twice.
pub fn loose_pack() -> Vec<(String, Vec<u8>)> {
    PACK_FILES
        .iter()
        .zip(originals())
        .map(|(path, bytes)| {
            let name = path.rsplit('/').next().unwrap_or(path);
            let name = if path.starts_with("prompts/") {
                format!("textes-{name}")
            } else {
                name.to_string()
            };
            (name, bytes.clone())
        })
        .collect()
}

/// A private copy of the bundled pack (same layout as the repository, so `case.toml`'s
/// relative `prompts` path resolves), in memory-backed storage when there is some. Files are
/// replaced for one load and put back before the next.
pub struct Scratch {
    pub dir: PathBuf,
    /// Which files differ from the bundled ones.
    changed: Vec<bool>,
}

impl Scratch {
    /// Creates the copy (one per process and target).
    pub fn new(target: &str) -> Scratch {
        let base = if Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("casebot-fuzz-{target}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (file, bytes) in PACK_FILES.iter().zip(originals()) {
            let path = dir.join(file);
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&path, bytes));
            if let Err(e) = written {
                eprintln!("cannot write {}: {e}", path.display());
                std::process::exit(2)
            }
        }
        Scratch {
            dir,
            changed: vec![false; PACK_FILES.len()],
        }
    }

    /// The pack folder of the copy.
    pub fn pack_dir(&self) -> PathBuf {
        self.dir.join(PACK_DIR)
    }

    /// Puts every file back as bundled, then writes `files` (index in [`PACK_FILES`], bytes).
    pub fn set(&mut self, files: &[(usize, &[u8])]) {
        for i in 0..PACK_FILES.len() {
            if self.changed[i] && !files.iter().any(|(f, _)| *f == i) {
                self.write(i, &originals()[i]);
                self.changed[i] = false;
            }
        }
        for (i, bytes) in files {
            self.write(*i, bytes);
            self.changed[*i] = true;
        }
    }

    fn write(&self, i: usize, bytes: &[u8]) {
        let path = self.dir.join(PACK_FILES[i]);
        if let Err(e) = std::fs::write(&path, bytes) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(2)
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Answers worth trying on a KPI of any pack: its own right answer as shown and as a bare
/// decimal, and the extremes the checker's tolerance and mistake arithmetic multiply.
pub fn answers_for(case: &Case, kpi: usize) -> Vec<String> {
    let mut out = vec![
        "79228162514264337593543950335".to_string(),
        "-0,0000000000000000000000000001 %".to_string(),
    ];
    if let Ok(v) = case.evaluate(kpi) {
        out.push(v.to_string());
        if let Some(k) = case.kpis.get(kpi) {
            out.push(k.display(v));
        }
    }
    out
}

/// Plays a loaded case the way students and teachers can: every KPI checked with a few
/// answers and the verdict written, worked KPIs, hints, questions, annexes, chart data, grids,
/// model posts, searches and the points a quiz turns into milli-points. Anything that panics
/// here on a case that validated is a finding.
pub fn play(case: &CasePack, messages: &Prompts) {
    for kpi in 0..case.kpis.len() {
        for answer in answers_for(case, kpi) {
            let outcome = case.check(kpi, &answer);
            let _ = render::verdict(messages, case, kpi, &outcome);
        }
        if let Ok(result) = case.kpi_result(kpi) {
            let _ = render::kpi(messages, &result);
        }
        for level in 1..=3 {
            let _ = render::hint(messages, case, kpi, level);
        }
        let _ = case.evaluate_from_rounded(kpi);
        let _ = case.raw_values(kpi);
        let _ = case.find_kpis(&case.kpis[kpi].label);
    }
    for q in &case.questions {
        let _ = render::question(messages, case, q);
        let _ = render::consigne(messages, case, q);
        let _ = casebot::play::scoring::to_milli(q.points);
        for p in &q.parts {
            let _ = render::part(messages, case, p);
            let _ = render::part_task(messages, case, p);
            let _ = casebot::play::scoring::to_milli(p.points);
        }
    }
    for d in &case.dossiers {
        let _ = casebot::play::scoring::to_milli(d.points);
    }
    for a in &case.annexes {
        let _ = render::annex(messages, case, a.number);
    }
    for chart in case_charts(case) {
        let _ = case_chart_data(case, messages, &chart.name, &Sight::everything());
    }
    for grid in &case.grids {
        let _ = casebot::linkedin::render::grid(messages, case, grid);
        let _ = casebot::linkedin::render::grid_json(case, grid);
    }
    if let Some(workshop) = &case.workshop {
        for i in 0..workshop.models.len() {
            let _ = casebot::linkedin::render::model(messages, case, workshop, i);
        }
    }
}
