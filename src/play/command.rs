//! The command layer shared by every front end: a [`Request`] (what was asked, by whom, where)
//! goes in; platform-neutral [`Reply`]s come out. Front ends only translate.

use serde::{Deserialize, Serialize};

/// Where a request comes from: a class (a Discord server, or the console) and a channel.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Place {
    /// "discord" or "console".
    pub platform: String,
    /// The class on that platform (the guild id).
    pub class_key: String,
    /// Its name, for exports.
    pub class_name: String,
    /// The channel the request was made in.
    pub channel: String,
}

/// Who asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The platform's user id.
    pub user: String,
    /// The display name (stored, shown on boards).
    pub name: String,
    /// The platform says this member manages the class (Discord: Manage Server).
    pub manages_class: bool,
    /// The member's platform roles (Discord role ids).
    pub roles: Vec<String>,
}

/// A request: one incoming action. The same `action_id` processed twice changes nothing the
/// second time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub action_id: String,
    pub place: Place,
    pub actor: Actor,
    pub command: Command,
}

/// Which questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// Every numeric part of the case.
    All,
    /// The parts of one dossier ("1", "2").
    Dossier(String),
    /// Questions ("1.2") or parts ("1.2.a"), in this order.
    Items(Vec<String>),
}

/// One question of one quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ItemRef {
    pub quiz: i64,
    pub item: i64,
}

/// A numeric part of the class's subject: its id as typed, or its place in the subject (a
/// button's, counting every part of every question in order).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartRef {
    Id(String),
    Index(usize),
}

/// What a teacher puts to the vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteSubject {
    /// One model post of the case (1-based), or all of them.
    Models(Option<u8>),
    /// A draft shared by a student, by its number.
    Draft(i64),
}

/// Which leaderboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Board {
    /// The live quiz, or the last one.
    Quiz,
    Week,
    Month,
    AllTime,
    /// One question or part.
    Question(String),
}

/// What the bot is asked to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    Help,
    Annex {
        number: u8,
    },
    Question {
        id: String,
    },
    Kpi {
        id: String,
    },
    /// `/interpreter`: what a part's figure means, as readings to choose from (buttons A to D);
    /// with `choice`, the reading chosen (the `choice`-th as shown to this student, from 0) is
    /// explained; with a comment, the student's one-sentence comment of the figure is judged on
    /// its criteria.
    Interpret {
        part: PartRef,
        choice: Option<u8>,
        comment: Option<String>,
    },
    /// `/reflexion`: the réflexion commerciale, step by step, with its grid.
    Reflexion,
    /// Starts a practice run for the actor.
    Practice {
        scope: Scope,
    },
    /// An answer: to the live quiz's open item, else to the actor's practice. `item` is set
    /// when the answer comes from a quiz question's own form (a button), so an answer meant for
    /// a closed question is never counted for the next one.
    Answer {
        text: String,
        item: Option<ItemRef>,
    },
    /// The next hint; without `confirm`, only says what it costs.
    Hint {
        confirm: bool,
        item: Option<ItemRef>,
    },
    /// Gives up the current practice part and shows the worked answer.
    GiveUp,
    /// Feedback on a draft LinkedIn post (question 2.3), privately; with `share`, the student
    /// also agrees to let a teacher show it, anonymously, to the class.
    DraftCheck {
        text: String,
        share: bool,
    },
    /// Withdraws a shared draft (its author only).
    DraftWithdraw {
        draft: i64,
    },
    /// Puts posts to the class's vote, each with vote buttons and a discussion thread.
    VotePost {
        subject: VoteSubject,
    },
    /// The drafts students agreed to share (teachers).
    VoteDrafts,
    /// Closes the class's vote and posts the tally.
    VoteClose,
    /// A student's vote on a post: 0 convincing, 1 mixed, 2 to rework. Voting again changes it.
    Vote {
        post: i64,
        choice: u8,
    },
    /// The model answer of a question, with its grading grid when it has one.
    ModelAnswer {
        question: String,
    },
    /// A written answer to a question that has a grading grid.
    WrittenAnswer {
        question: String,
        text: String,
    },
    /// The student ticks what their written answer covers (criterion ids or 1-based numbers).
    SelfAssess {
        answer: i64,
        criteria: Vec<String>,
    },
    /// The written answers of the class, those to grade first (teachers).
    GradeQueue,
    /// A teacher grades a written answer against its grid; without `criteria`, shows the answer
    /// and the grid to tick.
    Grade {
        answer: i64,
        criteria: Option<Vec<String>>,
    },
    /// A teacher marks a written answer as correctors do: points per criterion (`3`: all of
    /// criterion 3; `3=0,5`, `3=moitie`, `3=rien`), a comment, and, with `agree`, this marking
    /// is the mark two teachers agree on.
    Mark {
        answer: i64,
        points: Vec<String>,
        comment: Option<String>,
        agree: bool,
    },
    /// The model LinkedIn posts of the case, for the class to discuss (in the channel when a
    /// teacher asks, privately otherwise).
    LinkedinModels,
    QuizLaunch {
        scope: Scope,
        seconds_per_item: Option<u32>,
        total_minutes: Option<u32>,
        speed_bonus: bool,
        streak_bonus: bool,
        /// No early closing: every question runs its full time.
        full_time: bool,
    },
    QuizPause,
    QuizResume,
    QuizNext,
    QuizExtend {
        seconds: u32,
    },
    QuizStop,
    Leaderboard {
        board: Board,
    },
    /// Posts the class board one last time, then starts it again from zero.
    BoardReset,
    /// The class's results as CSV.
    Export,
    /// Marks on the barème: a student's own (every piece of work, the detail of one), or the
    /// class's on one piece of work for a teacher (`quiz-12`; without it, the latest).
    Marks {
        work: Option<String>,
    },
    /// Launches a mock exam on the whole subject (teachers; `minutes` from the rules of play).
    ExamLaunch {
        minutes: Option<u32>,
    },
    /// The student's copy of the running exam, question by question, and the time left.
    ExamCopy,
    /// Saves a numeric answer on the student's copy, without feedback.
    ExamAnswer {
        part: String,
        text: String,
    },
    /// Saves (or replaces) a written answer on the student's copy.
    ExamWrite {
        question: String,
        text: String,
    },
    /// Hands the copy in; without `confirm`, only says what it holds.
    ExamHandIn {
        confirm: bool,
    },
    /// Ends the running exam for everyone (teachers).
    ExamStop,
    /// The « copie conforme aux exigences professionnelles » bonus of a copy (teachers).
    ExamBonus {
        student: String,
        points: String,
    },
    /// The copies of the last exam as a printable document (teachers); one student's, or all.
    ExamPapers {
        student: Option<String>,
    },
    /// Everything stored about the actor.
    MyData,
    /// Erases everything stored about the actor; without `confirm`, only says what would go.
    ForgetMe {
        confirm: bool,
    },
    /// Erases the whole class; without `confirm`, only says what would go.
    EraseClass {
        confirm: bool,
    },
    /// Class settings: the teacher role, the quiz channel and the subject (case id) played.
    Config {
        teacher_role: Option<String>,
        quiz_channel: Option<String>,
        case: Option<String>,
    },
    /// The subjects the class can play, and the one it plays.
    Cases,
    /// A subject a teacher sends (a zip, or the pack's TOML files): validated whole, then
    /// installed for the class (or updated, when the class already has that id).
    CaseImport {
        files: Vec<Upload>,
    },
    /// Removes a subject the class imported (by id or title).
    CaseRemove {
        case: String,
    },
}

/// A file a user sent, already read by the front end (which bounds its size first).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
}

// Logs show the name and size, not the bytes.
impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("name", &self.name)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// Who may run a command. Decided by the engine on every request, whatever the front end shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Every member of the class, teachers included.
    Everyone,
    /// Teachers only (Manage Server, or the class's teacher role).
    Teacher,
}

impl Command {
    /// Whether the command changes stored state (and so is recorded for idempotency).
    ///
    /// One arm per command and no wildcard: a new command does not compile until someone says
    /// whether it changes state.
    pub fn mutates(&self) -> bool {
        match self {
            Command::Help
            | Command::Cases
            | Command::Annex { .. }
            | Command::Question { .. }
            | Command::Kpi { .. }
            | Command::Interpret { .. }
            | Command::Reflexion
            | Command::ModelAnswer { .. }
            | Command::Leaderboard { .. }
            | Command::Export
            | Command::Marks { .. }
            | Command::ExamPapers { .. }
            | Command::MyData
            | Command::LinkedinModels
            | Command::VoteDrafts
            | Command::GradeQueue => false,
            Command::Hint { confirm, .. } => *confirm,
            Command::EraseClass { confirm } | Command::ForgetMe { confirm } => *confirm,
            Command::DraftCheck { share, .. } => *share,
            Command::Grade { criteria, .. } => criteria.is_some(),
            Command::ExamHandIn { confirm } => *confirm,
            Command::Practice { .. }
            | Command::Answer { .. }
            | Command::GiveUp
            | Command::DraftWithdraw { .. }
            | Command::VotePost { .. }
            | Command::VoteClose
            | Command::Vote { .. }
            | Command::WrittenAnswer { .. }
            | Command::SelfAssess { .. }
            | Command::QuizLaunch { .. }
            | Command::QuizPause
            | Command::QuizResume
            | Command::QuizNext
            | Command::QuizExtend { .. }
            | Command::QuizStop
            | Command::BoardReset
            | Command::Config { .. }
            | Command::CaseImport { .. }
            | Command::CaseRemove { .. }
            | Command::ExamLaunch { .. }
            | Command::ExamCopy
            | Command::ExamAnswer { .. }
            | Command::ExamWrite { .. }
            | Command::ExamStop
            | Command::ExamBonus { .. }
            | Command::Mark { .. } => true,
        }
    }

    /// Who may run it. One arm per command and no wildcard: a new command cannot be open to
    /// students by omission.
    pub fn access(&self) -> Access {
        match self {
            Command::QuizLaunch { .. }
            | Command::QuizPause
            | Command::QuizResume
            | Command::QuizNext
            | Command::QuizExtend { .. }
            | Command::QuizStop
            | Command::BoardReset
            | Command::Export
            | Command::EraseClass { .. }
            | Command::Config { .. }
            | Command::CaseImport { .. }
            | Command::CaseRemove { .. }
            | Command::VotePost { .. }
            | Command::VoteDrafts
            | Command::VoteClose
            | Command::GradeQueue
            | Command::Grade { .. }
            | Command::Mark { .. }
            | Command::ExamLaunch { .. }
            | Command::ExamStop
            | Command::ExamBonus { .. }
            | Command::ExamPapers { .. } => Access::Teacher,
            Command::Help
            | Command::Cases
            | Command::Annex { .. }
            | Command::Question { .. }
            | Command::Kpi { .. }
            | Command::Interpret { .. }
            | Command::Reflexion
            | Command::Practice { .. }
            | Command::Answer { .. }
            | Command::Hint { .. }
            | Command::GiveUp
            | Command::DraftCheck { .. }
            | Command::DraftWithdraw { .. }
            | Command::Vote { .. }
            | Command::ModelAnswer { .. }
            | Command::WrittenAnswer { .. }
            | Command::SelfAssess { .. }
            | Command::LinkedinModels
            | Command::Leaderboard { .. }
            | Command::Marks { .. }
            | Command::ExamCopy
            | Command::ExamAnswer { .. }
            | Command::ExamWrite { .. }
            | Command::ExamHandIn { .. }
            | Command::MyData
            | Command::ForgetMe { .. } => Access::Everyone,
        }
    }

    /// Whether only a teacher may run it.
    pub fn teacher_only(&self) -> bool {
        self.access() == Access::Teacher
    }
}

impl Scope {
    /// The question list a teacher or a student types (`1.2,2.2`, `1.2 2.2`, `1.2; 2.2.b`), read
    /// the same way by every front end. Students write decimals with a comma, so two bare
    /// numbers in a row (`1,2`) are one question id, `1.2`; `tout` or nothing is the whole case.
    pub fn from_list(text: &str) -> Scope {
        let tokens: Vec<&str> = text
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .collect();
        if text.trim().is_empty() || (tokens.len() == 1 && tokens[0].eq_ignore_ascii_case("tout")) {
            return Scope::All;
        }
        if tokens.is_empty() {
            // Only separators: kept whole, so the engine names what it could not read.
            return Scope::Items(vec![text.trim().to_string()]);
        }
        let bare = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let mut items = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            if bare(tokens[i]) && i + 1 < tokens.len() && bare(tokens[i + 1]) {
                let mut id = format!("{}.{}", tokens[i], tokens[i + 1]);
                i += 2;
                // `1,2,a`: the part letter follows the question written with a comma.
                let letter = |s: &str| s.len() == 1 && s.bytes().all(|b| b.is_ascii_alphabetic());
                if i < tokens.len() && letter(tokens[i]) {
                    id = format!("{id}.{}", tokens[i]);
                    i += 1;
                }
                items.push(id);
            } else {
                items.push(tokens[i].to_string());
                i += 1;
            }
        }
        Scope::Items(items)
    }
}

/// Who sees a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    /// Only the person who asked (Discord: ephemeral).
    Private,
    /// Everyone in the channel.
    Channel,
    /// Privately, one member of the class, by platform user id (end-of-quiz summaries).
    User(String),
}

/// What a button does when pressed; front ends encode it in the component id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ButtonAction {
    /// Opens the answer form for a quiz item.
    Answer(ItemRef),
    /// Takes the next hint for a quiz item (asks to confirm the cost first).
    Hint(ItemRef),
    /// Confirms taking the next hint, at the cost announced.
    HintConfirm(ItemRef),
    /// A vote on a post put to the class's vote (0 convincing, 1 mixed, 2 to rework).
    Vote { post: i64, choice: u8 },
    /// Withdraws a shared draft.
    DraftWithdraw(i64),
    /// Shows a written answer to grade (teachers).
    GradeShow(i64),
    /// Asks what part `part`'s figure means (`index`: its place in the subject, as
    /// [`PartRef::Index`]).
    InterpretAsk { part: String, index: usize },
    /// Chooses the `choice`-th reading shown of a part's figure.
    InterpretChoose { part: usize, choice: u8 },
    /// Opens the form of a one-sentence comment of a part's figure.
    InterpretComment(usize),
}

/// What ticking boxes in a [`Choice`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChoiceAction {
    /// The student's self-assessment of a written answer.
    SelfAssess(i64),
    /// A teacher's grade of a written answer.
    Grade(i64),
}

/// One box of a [`Choice`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    /// Sent back when ticked (a criterion id).
    pub value: String,
    pub label: String,
    pub description: String,
    /// Ticked already.
    pub selected: bool,
}

/// Boxes to tick, any number of them (Discord: a multi-select menu; console: numbers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub action: ChoiceAction,
    pub placeholder: String,
    pub options: Vec<ChoiceOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Button {
    pub label: String,
    pub action: ButtonAction,
}

/// A file sent with a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub name: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// One message out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub audience: Audience,
    /// Light Markdown, French.
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<Button>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Attachment>,
    /// A deadline the front end shows as a countdown (milliseconds since the epoch); Discord
    /// uses a relative timestamp, never an edited message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<i64>,
    /// Boxes to tick under the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<Choice>,
    /// Opens a discussion thread of this name on the message (channel messages only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread: Option<String>,
}

impl Reply {
    pub fn private(text: impl Into<String>) -> Reply {
        Reply {
            audience: Audience::Private,
            text: text.into(),
            buttons: Vec::new(),
            attachment: None,
            deadline: None,
            choice: None,
            thread: None,
        }
    }

    pub fn channel(text: impl Into<String>) -> Reply {
        Reply {
            audience: Audience::Channel,
            text: text.into(),
            buttons: Vec::new(),
            attachment: None,
            deadline: None,
            choice: None,
            thread: None,
        }
    }

    pub fn to_user(user: impl Into<String>, text: impl Into<String>) -> Reply {
        Reply {
            audience: Audience::User(user.into()),
            text: text.into(),
            buttons: Vec::new(),
            attachment: None,
            deadline: None,
            choice: None,
            thread: None,
        }
    }

    pub fn with_buttons(mut self, buttons: Vec<Button>) -> Reply {
        self.buttons = buttons;
        self
    }

    pub fn with_deadline(mut self, deadline: i64) -> Reply {
        self.deadline = Some(deadline);
        self
    }

    pub fn with_attachment(mut self, attachment: Attachment) -> Reply {
        self.attachment = Some(attachment);
        self
    }

    pub fn with_choice(mut self, choice: Choice) -> Reply {
        self.choice = Some(choice);
        self
    }

    pub fn with_thread(mut self, name: impl Into<String>) -> Reply {
        self.thread = Some(name.into());
        self
    }
}

/// A channel the engine posts to on its own (quiz questions, reveals, podiums).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ChannelRef {
    pub platform: String,
    pub class_key: String,
    pub channel: String,
}

/// A message the engine could not post.
#[derive(Debug, Clone, thiserror::Error)]
#[error("message not sent: {reason}")]
pub struct SendError {
    pub reason: String,
    /// The platform refused it for good (a member who closed direct messages, a channel that
    /// is gone): trying again would fail the same way.
    pub permanent: bool,
}

impl SendError {
    /// A failure that may pass (the platform unreachable, busy, or failing).
    pub fn retry(reason: impl Into<String>) -> SendError {
        SendError {
            reason: reason.into(),
            permanent: false,
        }
    }

    /// A refusal that will not change.
    pub fn refused(reason: impl Into<String>) -> SendError {
        SendError {
            reason: reason.into(),
            permanent: true,
        }
    }
}

/// A future that resolves once a post is sent.
pub type Sending<'a> =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), SendError>> + Send + 'a>>;

/// Where the engine posts what it says on its own; each front end provides one.
pub trait Outbox: Send + Sync {
    /// Posts `reply` to `channel` (or privately, for [`Audience::User`]); resolves once sent.
    fn post<'a>(&'a self, channel: &'a ChannelRef, reply: Reply) -> Sending<'a>;

    /// Posts `reply` as [`Outbox::post`] does, under `nonce` (at most 18 characters, unique to
    /// this post): a platform that deduplicates on it (Discord's `enforce_nonce`) drops a
    /// repeat of a post it already took, so posting again after a crash does not double it.
    /// Without such a platform (the console), the same as `post`.
    fn post_once<'a>(
        &'a self,
        channel: &'a ChannelRef,
        reply: Reply,
        nonce: &'a str,
    ) -> Sending<'a> {
        let _ = nonce;
        self.post(channel, reply)
    }
}

#[cfg(test)]
mod scope_tests {
    use super::Scope;

    fn items(list: &[&str]) -> Scope {
        Scope::Items(list.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn question_lists_read_the_same_whatever_the_separator() {
        for text in [
            "1.2,2.2",
            "1.2 2.2",
            "1.2; 2.2",
            " 1.2 , 2.2 ",
            "1,2 2,2",
            "1,2,2,2",
        ] {
            assert_eq!(Scope::from_list(text), items(&["1.2", "2.2"]), "{text:?}");
        }
        assert_eq!(Scope::from_list("1,2"), items(&["1.2"]));
        assert_eq!(Scope::from_list("1,2,a 2.2.b"), items(&["1.2.a", "2.2.b"]));
        assert_eq!(Scope::from_list("1.2.a,1.2.b"), items(&["1.2.a", "1.2.b"]));
        // A lone number stays itself, for the engine to refuse with its message.
        assert_eq!(Scope::from_list("1.2,3"), items(&["1.2", "3"]));
        for text in ["", "  ", "tout", "TOUT"] {
            assert_eq!(Scope::from_list(text), Scope::All, "{text:?}");
        }
        assert_eq!(Scope::from_list(" ,; "), items(&[",;"]));
    }
}
