//! A class's live quiz, in memory: its items and clocks, who answered, streaks and hints. The
//! quiz engine (`play::quiz`) changes it under the class's mutex; the boards, practice and
//! what a picture may show read it.

use super::command::ChannelRef;
use super::scoring::Milli;
use super::Inner;
use crate::msg;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Settings a quiz was launched with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizConfig {
    pub seconds_per_item: u32,
    pub speed_bonus: bool,
    pub streak_bonus: bool,
    /// Every question runs its full time, even once everyone taking part has answered.
    /// Absent from quizzes stored before the option existed: they closed early.
    #[serde(default)]
    pub full_time: bool,
}

/// Why a question closed, said with its correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseReason {
    TimeUp,
    /// Everyone taking part in the quiz answered it.
    Everyone,
    /// `/quiz suivante`.
    Teacher,
    /// `/quiz arreter`.
    Stopped,
}

impl CloseReason {
    pub(crate) fn text(self) -> msg::Plain {
        match self {
            CloseReason::TimeUp => msg::PlayQuizClosedTime.plain(),
            CloseReason::Everyone => msg::PlayQuizClosedEveryone.plain(),
            CloseReason::Teacher => msg::PlayQuizClosedTeacher.plain(),
            CloseReason::Stopped => msg::PlayQuizClosedStopped.plain(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Running,
    Paused,
}

/// One numeric part asked in a quiz.
#[derive(Debug, Clone)]
pub struct Item {
    pub part_id: String,
    pub kpi: usize,
    pub points: Milli,
    pub shown_at: Option<i64>,
    pub deadline: Option<i64>,
    /// How long the item is open for: its time, extensions included, pauses excluded.
    pub limit_ms: Option<i64>,
    pub closed_at: Option<i64>,
    pub revealed_at: Option<i64>,
    /// Why it closed (kept in memory only: after a restart, a question closed but not yet
    /// revealed says "time up" when its deadline had passed, else nothing).
    pub closed_by: Option<CloseReason>,
}

/// A running or paused quiz, in memory.
#[derive(Debug, Clone)]
pub struct LiveQuiz {
    pub id: i64,
    /// The class it runs in (its subject is looked up in the class's view).
    pub class_id: i64,
    pub channel: ChannelRef,
    pub case_id: String,
    pub status: Status,
    pub config: QuizConfig,
    pub items: Vec<Item>,
    pub current: usize,
    pub paused_left_ms: Option<i64>,
    /// Members with a scored answer, per item.
    pub answered: HashMap<usize, HashSet<i64>>,
    /// Members taking part: an answer or a hint taken in this quiz. Early closing waits for
    /// every one of them.
    pub players: HashSet<i64>,
    /// Right answers in a row per member, up to the last revealed item.
    pub streaks: HashMap<i64, u32>,
    /// Hint level taken per (item, member).
    pub hints: HashMap<(usize, i64), usize>,
    /// When to try again to post after a failure.
    pub retry_at: i64,
    pub failures: u32,
}

/// The live state of one class.
#[derive(Debug, Default)]
pub struct ClassLive {
    pub quiz: Option<LiveQuiz>,
    /// The class's running mock exam (the database holds its copies).
    pub exam: Option<LiveExam>,
}

/// A running mock exam, in memory: what the clock and the rules of the class need.
#[derive(Debug, Clone)]
pub struct LiveExam {
    pub id: i64,
    pub case_id: String,
    pub channel: ChannelRef,
    pub started_at: i64,
    pub deadline: i64,
    /// Time reminders already posted.
    pub reminders: usize,
}

/// Whether the class has a quiz running or paused (practice waits for its end).
pub async fn is_live(inner: &Inner, class_id: i64) -> bool {
    inner.class_live(class_id).lock().await.quiz.is_some()
}
