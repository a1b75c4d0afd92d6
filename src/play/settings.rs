//! The rules of play, read from `config/play.toml`: every number the quiz and practice
//! engines use lives there, not in the code.

use rust_decimal::Decimal;
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaySettings {
    pub answers: AnswerSettings,
    pub practice: PracticeSettings,
    pub hints: HintSettings,
    pub quiz: QuizSettings,
    pub boards: BoardSettings,
    pub workshop: WorkshopSettings,
    /// How verdicts become marks on the barème (never game points).
    pub marks: MarkSettings,
    /// Mock exams (`/examen`).
    pub exam: ExamSettings,
    /// Bounds of a subject a teacher uploads (`/cas importer`).
    #[serde(default)]
    pub subjects: crate::pack::upload::Limits,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerSettings {
    /// Share of the points for a close answer.
    pub close_share: Decimal,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeSettings {
    /// Share of the points for a right answer at each attempt.
    pub attempt_credit: Vec<Decimal>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HintSettings {
    /// Cost of each hint level, as a share of the part's points.
    pub cost: Vec<Decimal>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizSettings {
    pub default_seconds_per_item: u32,
    pub min_seconds_per_item: u32,
    pub max_seconds_per_item: u32,
    pub max_extend_seconds: u32,
    pub speed_floor_share: Decimal,
    pub streak_step_share: Decimal,
    pub streak_cap_share: Decimal,
    pub podium_size: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardSettings {
    pub week_days: u32,
    pub month_days: u32,
    pub max_rows: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkshopSettings {
    /// Longest written answer or shared draft, in characters (Discord's forms take 4,000).
    pub max_text_characters: usize,
    /// Most drafts a student can have shared at once.
    pub max_shared_drafts: usize,
    /// Most written answers listed at once for grading.
    pub grade_queue_rows: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkSettings {
    /// Share of a part's barème a close answer earns in a mark.
    pub close_share: Decimal,
    /// Decimals of a mark out of 40 or 20 (rounded half away from zero).
    pub decimals: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamSettings {
    /// Length of a mock exam when the teacher gives none, and the bounds of one given.
    pub default_minutes: u32,
    pub min_minutes: u32,
    pub max_minutes: u32,
    /// Reminders posted when this many minutes are left, largest first.
    pub reminders_minutes: Vec<u32>,
    /// Suggested times per dossier are rounded to this many minutes.
    pub suggested_step_minutes: u32,
    /// Largest bonus « copie conforme aux exigences professionnelles », in points.
    pub max_bonus: Decimal,
}

/// Why the rules of play cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error(
        "{path} : lecture impossible ({}). Lancez casebot depuis le dossier du projet, ou indiquez les règles du jeu avec --play-config FICHIER",
        crate::pack::wording::io_error(error)
    )]
    Read {
        path: String,
        // Not named `source`: the French message already says it, and the chain would repeat
        // it in English.
        error: std::io::Error,
    },
    #[error("{path} : {location} : {message}")]
    Parse {
        path: String,
        location: String,
        message: String,
    },
    #[error("{path} : {key} : {message}")]
    Invalid {
        path: String,
        key: &'static str,
        message: String,
    },
}

impl PlaySettings {
    /// Reads and checks `config/play.toml` (or another file).
    pub fn load(path: &Path) -> Result<PlaySettings, SettingsError> {
        let p = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|error| SettingsError::Read {
            path: p.clone(),
            error,
        })?;
        let settings: PlaySettings = toml::from_str(&src).map_err(|e| SettingsError::Parse {
            path: p.clone(),
            location: crate::pack::toml_location(&src, &e),
            message: crate::pack::wording::toml_message(e.message()),
        })?;
        settings.validate(&p)?;
        Ok(settings)
    }

    fn validate(&self, path: &str) -> Result<(), SettingsError> {
        let share = |v: Decimal| v >= Decimal::ZERO && v <= Decimal::ONE;
        let invalid = |key: &'static str, message: &str| SettingsError::Invalid {
            path: path.to_string(),
            key,
            message: message.to_string(),
        };
        if !share(self.answers.close_share) {
            return Err(invalid(
                "answers.close_share",
                "une part entre 0 et 1 est attendue (par exemple 0.5 pour la moitié)",
            ));
        }
        if self.practice.attempt_credit.is_empty()
            || !self.practice.attempt_credit.iter().all(|v| share(*v))
        {
            return Err(invalid(
                "practice.attempt_credit",
                "au moins une part, chacune entre 0 et 1, est attendue (par exemple [\"1\", \"0.5\"])",
            ));
        }
        if self.hints.cost.is_empty() || !self.hints.cost.iter().all(|v| share(*v)) {
            return Err(invalid(
                "hints.cost",
                "au moins une part, chacune entre 0 et 1, est attendue (par exemple [\"0.2\", \"0.4\"])",
            ));
        }
        let q = &self.quiz;
        if q.min_seconds_per_item == 0
            || q.min_seconds_per_item > q.default_seconds_per_item
            || q.default_seconds_per_item > q.max_seconds_per_item
        {
            return Err(invalid("quiz", "les durées doivent vérifier 0 < min_seconds_per_item ≤ default_seconds_per_item ≤ max_seconds_per_item"));
        }
        if !share(q.speed_floor_share) || !share(q.streak_step_share) || !share(q.streak_cap_share)
        {
            return Err(invalid("quiz", "speed_floor_share, streak_step_share et streak_cap_share sont des parts entre 0 et 1"));
        }
        if q.podium_size == 0
            || self.boards.max_rows == 0
            || self.boards.week_days == 0
            || self.boards.month_days == 0
        {
            return Err(invalid(
                "boards",
                "les tailles (podium_size, max_rows) et les périodes (week_days, month_days) valent au moins 1",
            ));
        }
        if !share(self.marks.close_share) {
            return Err(invalid(
                "marks.close_share",
                "une part entre 0 et 1 est attendue (par exemple 0.5 pour la moitié)",
            ));
        }
        if self.marks.decimals > 3 {
            return Err(invalid(
                "marks.decimals",
                "de 0 à 3 décimales (2 pour une note comme 13,25)",
            ));
        }
        let e = &self.exam;
        if e.min_minutes == 0
            || e.min_minutes > e.default_minutes
            || e.default_minutes > e.max_minutes
            || e.suggested_step_minutes == 0
            || e.max_bonus < Decimal::ZERO
            || e.max_bonus > Decimal::TEN
        {
            return Err(invalid("exam", "les durées doivent vérifier 0 < min_minutes ≤ default_minutes ≤ max_minutes, suggested_step_minutes vaut au moins 1 et max_bonus est entre 0 et 10"));
        }
        let w = &self.workshop;
        if w.max_text_characters == 0 || w.max_shared_drafts == 0 || w.grade_queue_rows == 0 {
            return Err(invalid("workshop", "les tailles valent au moins 1"));
        }
        Ok(())
    }
}
