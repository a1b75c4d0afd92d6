//! The local console: plays a class in the terminal on the same engine and database as
//! Discord. Several named users share one session (`alice> /repondre 17,76 %`,
//! `prof> /quiz lancer dossier:1`); timers are real; the messages are the same French texts.

use crate::msg;
use crate::play::command::{
    Actor, Audience, Board, ButtonAction, ChannelRef, ChoiceAction, Command, Outbox, PartRef,
    Place, Reply, Request, Scope, SendError, Upload, VoteSubject,
};
use crate::play::Engine;
use crate::prompts::Prompts;
use std::future::Future;
use std::io::Write;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufRead, AsyncBufReadExt};

/// Where the console writes; shared by the prompt loop and the engine's own posts.
pub type Output = Arc<Mutex<Box<dyn Write + Send>>>;

/// Console settings.
#[derive(Debug, Clone)]
pub struct ConsoleOptions {
    /// The class name (a console session is one class).
    pub class: String,
    /// Users who are teachers.
    pub teachers: Vec<String>,
    /// The user who types when a line names nobody.
    pub default_user: String,
    /// Where exports and personal-data files are written.
    pub files_dir: PathBuf,
}

/// Prints what the engine posts on its own.
pub struct ConsoleOutbox {
    out: Output,
    files_dir: PathBuf,
    messages: Prompts,
}

impl ConsoleOutbox {
    pub fn new(out: Output, files_dir: PathBuf, messages: Prompts) -> ConsoleOutbox {
        ConsoleOutbox {
            out,
            files_dir,
            messages,
        }
    }
}

impl Outbox for ConsoleOutbox {
    fn post<'a>(
        &'a self,
        _channel: &'a ChannelRef,
        reply: Reply,
    ) -> Pin<Box<dyn Future<Output = Result<(), SendError>> + Send + 'a>> {
        Box::pin(async move {
            print_reply(&self.out, &self.messages, &self.files_dir, None, &reply)
                .map_err(|e| SendError::retry(e.to_string()))
        })
    }
}

/// Terminal form of light Markdown: bold markers dropped, escapes removed.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
            }
            '`' => {}
            _ => out.push(c),
        }
    }
    out
}

fn print_reply(
    out: &Output,
    messages: &Prompts,
    files_dir: &std::path::Path,
    asker: Option<&str>,
    reply: &Reply,
) -> std::io::Result<()> {
    let who = match (&reply.audience, asker) {
        (Audience::Channel, _) => messages.text(&msg::ConsoleChannel),
        (Audience::Private, user) => messages.text(&msg::ConsolePrivate {
            user: user.unwrap_or("?"),
        }),
        (Audience::User(user), _) => messages.text(&msg::ConsolePrivate { user }),
    };
    let mut text = format!("{who} {}", plain(&reply.text));
    if let Some(deadline) = reply.deadline {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(deadline);
        let secs = ((deadline - now).max(0) + 999) / 1000;
        text.push('\n');
        // Seconds for a quiz question; minutes (and hours) for a mock exam's paper.
        if secs < 120 {
            text.push_str(&messages.text(&msg::ConsoleCountdown {
                seconds: &secs.to_string(),
            }));
        } else {
            let minutes = (secs + 59) / 60;
            let left = match (minutes / 60, minutes % 60) {
                (0, m) => format!("{m} min"),
                (h, 0) => format!("{h} h"),
                (h, m) => format!("{h} h {m:02}"),
            };
            text.push_str(&messages.text(&msg::ConsoleCountdownLong { left: &left }));
        }
    }
    if !reply.buttons.is_empty() {
        let labels: Vec<&str> = reply.buttons.iter().map(|b| b.label.as_str()).collect();
        text.push('\n');
        text.push_str(&messages.text(&msg::ConsoleButtons {
            labels: &labels.join(" · "),
        }));
        // Buttons the console has a command for: say which.
        let how = reply.buttons.iter().find_map(|b| match &b.action {
            ButtonAction::Vote { post, .. } => Some(messages.text(&msg::ConsoleHowVote {
                post: &post.to_string(),
            })),
            ButtonAction::DraftWithdraw(draft) => Some(messages.text(&msg::ConsoleHowWithdraw {
                draft: &draft.to_string(),
            })),
            ButtonAction::GradeShow(answer) => Some(messages.text(&msg::ConsoleHowGradeShow {
                answer: &answer.to_string(),
            })),
            ButtonAction::InterpretAsk { part, .. } => {
                Some(messages.text(&msg::ConsoleHowInterpret { part }))
            }
            _ => None,
        });
        if let Some(how) = how {
            text.push(' ');
            text.push_str(&how);
        }
    }
    if let Some(choice) = &reply.choice {
        let how: &dyn msg::Text = match choice.action {
            ChoiceAction::SelfAssess(a) => &msg::ConsoleHowSelfAssess {
                answer: &a.to_string(),
            },
            ChoiceAction::Grade(a) => &msg::ConsoleHowGrade {
                answer: &a.to_string(),
            },
        };
        text.push('\n');
        text.push_str(&messages.text(how));
    }
    if let Some(name) = &reply.thread {
        text.push('\n');
        text.push_str(&messages.text(&msg::ConsoleThread { name }));
    }
    if let Some(file) = &reply.attachment {
        let path = files_dir.join(&file.name);
        match save_file(&path, &file.bytes) {
            Ok(()) => text.push_str(&format!("\n📎 {}", path.display())),
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "attachment not written");
                text.push('\n');
                text.push_str(&messages.text(&msg::ConsoleFileFailed {
                    path: &path.display().to_string(),
                }));
            }
        }
    }
    let mut out = out
        .lock()
        .map_err(|_| std::io::Error::other("console output poisoned"))?;
    writeln!(out, "{text}\n")?;
    out.flush()
}

/// Reads `key:value` options and free words from the arguments of a command.
struct Args<'a> {
    options: Vec<(String, &'a str)>,
    words: Vec<&'a str>,
}

fn args(rest: &str) -> Args<'_> {
    let mut options = Vec::new();
    let mut words = Vec::new();
    for token in rest.split_whitespace() {
        match token.split_once(':') {
            Some((k, v)) if !k.is_empty() && k.chars().all(|c| c.is_alphabetic() || c == '-') => {
                options.push((k.to_lowercase(), v))
            }
            _ => words.push(token),
        }
    }
    Args { options, words }
}

impl Args<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.options.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }

    fn yes(&self, key: &str) -> bool {
        matches!(
            self.get(key).map(str::to_lowercase).as_deref(),
            // « True » too: Discord writes a yes/no option so, and the guide with it.
            Some("oui" | "yes" | "1" | "vrai" | "true")
        )
    }
}

fn scope(a: &Args<'_>) -> Scope {
    if let Some(d) = a.get("dossier") {
        return Scope::Dossier(d.to_string());
    }
    match a.get("questions").or(a.get("question")) {
        Some(list) => Scope::from_list(list),
        None => Scope::from_list(&a.words.join(" ")),
    }
}

/// Why a console line is not a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineError {
    /// Not a command: the id of the usage text to show.
    Usage(msg::Plain),
    /// A command whose text follows on the next lines, up to a line holding only ".".
    MultiLine(Pending),
    Quit,
    Empty,
    /// `/cas importer`: the files to read (paths as typed) before the command is sent.
    Import(Vec<String>),
}

/// A command waiting for its multi-line text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// `/brouillon [partager:oui]`: a draft LinkedIn post.
    Draft { share: bool },
    /// `/rediger 2.4`: a written answer.
    Written { question: String },
    /// `/examen rediger 2.4`: a written answer on a mock exam copy.
    ExamWritten { question: String },
}

impl Pending {
    /// What to say before reading the text.
    fn prompt(&self, messages: &Prompts) -> String {
        match self {
            Pending::Draft { .. } => messages.text(&msg::ConsoleDraftStart),
            Pending::Written { question } | Pending::ExamWritten { question } => {
                messages.text(&msg::ConsoleWrittenStart { question })
            }
        }
    }

    /// The command, once the text is read.
    fn command(self, text: String) -> Command {
        match self {
            Pending::Draft { share } => Command::DraftCheck { text, share },
            Pending::Written { question } => Command::WrittenAnswer { question, text },
            Pending::ExamWritten { question } => Command::ExamWrite { question, text },
        }
    }
}

/// Reads "12 1 3 4" (or "12 aucun") into a number and criteria; `None` when malformed.
fn number_and_criteria(rest: &str) -> Option<(i64, Vec<String>)> {
    let mut words = rest.split(|c: char| c.is_whitespace() || c == ',');
    let number = words
        .next()?
        .trim_start_matches(['n', '°', '#'])
        .parse()
        .ok()?;
    let criteria: Vec<String> = words
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    match criteria.as_slice() {
        [] => None,
        [only] if only.eq_ignore_ascii_case("aucun") => Some((number, Vec::new())),
        _ => Some((number, criteria)),
    }
}

/// Whether `/noter …` gives points per criterion, a comment or an agreement (not only ticks).
fn is_marking(rest: &str) -> bool {
    rest.contains('=') || rest.contains("commentaire:") || rest.contains("accord:")
}

/// `/noter 12 1=0,5 2=tout 3 [accord:oui] [commentaire:… to the end of the line]`.
fn parse_mark(rest: &str) -> Result<Command, LineError> {
    let usage = || LineError::Usage(msg::ConsoleUsageMark.into());
    let (head, comment) = match rest.split_once("commentaire:") {
        Some((h, c)) => (h, Some(c.trim().to_string()).filter(|c| !c.is_empty())),
        None => (rest, None),
    };
    let mut words = head.split_whitespace();
    let answer = words
        .next()
        .map(|w| {
            w.strip_prefix("copie:")
                .unwrap_or(w)
                .trim_start_matches(['n', '°', '#'])
        })
        .and_then(|w| w.parse().ok())
        .ok_or_else(usage)?;
    let mut agree = false;
    let mut points = Vec::new();
    for w in words {
        match w.strip_prefix("accord:") {
            Some(v) => agree = matches!(v.to_lowercase().as_str(), "oui" | "true" | "vrai" | "1"),
            None => points.push(w.to_string()),
        }
    }
    Ok(Command::Mark {
        answer,
        points,
        comment,
        agree,
    })
}

/// `/interpreter 1.2.c`, `/interpreter 1.2.c B` (a reading), `/interpreter 1.2.c ta phrase` (a
/// comment); Discord's `partie:`, `lecture:` and `commentaire:` are read too.
fn parse_interpret(rest: &str) -> Result<Command, LineError> {
    let (head, comment) = match rest.split_once("commentaire:") {
        Some((h, c)) => (h.trim(), Some(c.trim().to_string())),
        None => (rest, None),
    };
    let mut words = head.split_whitespace();
    // Without a part, the engine lists the parts to interpret.
    let part = words
        .next()
        .map(|w| w.strip_prefix("partie:").unwrap_or(w))
        .unwrap_or_default()
        .to_string();
    let others: Vec<&str> = words.collect();
    let letter = match others.as_slice() {
        [one] => Some(one.strip_prefix("lecture:").unwrap_or(one)),
        _ => None,
    }
    .filter(|l| l.chars().count() <= 2);
    let (choice, comment) = match (letter, comment) {
        (Some(l), comment) => (
            Some(crate::interpret::choice_of_letter(l).unwrap_or(u8::MAX)),
            comment,
        ),
        (None, Some(c)) => (None, Some(c)),
        (None, None) if others.is_empty() => (None, None),
        (None, None) => (None, Some(others.join(" "))),
    };
    Ok(Command::Interpret {
        part: PartRef::Id(part),
        choice,
        comment,
    })
}

/// Turns the text after `name>` into a command.
pub fn parse_command(line: &str) -> Result<Command, LineError> {
    let line = line.trim();
    if line.is_empty() {
        return Err(LineError::Empty);
    }
    let line = line.strip_prefix('/').unwrap_or(line);
    let (name, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let rest = rest.trim();
    let a = args(rest);
    Ok(match name.to_lowercase().as_str() {
        "quitter" | "exit" | "quit" => return Err(LineError::Quit),
        "aide" | "help" => Command::Help,
        "annexe" => match rest.parse::<u8>() {
            Ok(n) => Command::Annex { number: n },
            Err(_) => return Err(LineError::Usage(msg::ConsoleUsageAnnex.into())),
        },
        "question" if !rest.is_empty() => Command::Question {
            id: rest.to_string(),
        },
        "kpi" => Command::Kpi {
            id: rest.to_string(),
        },
        "interpreter" | "interpréter" => parse_interpret(rest)?,
        "reflexion" | "réflexion" => Command::Reflexion,
        "entrainement" | "entraînement" => Command::Practice { scope: scope(&a) },
        "repondre" | "répondre" if !rest.is_empty() => Command::Answer {
            text: rest.to_string(),
            item: None,
        },
        "indice" => Command::Hint {
            confirm: a.yes("confirmer"),
            item: None,
        },
        "solution" => Command::GiveUp,
        "quiz" => parse_quiz(rest)?,
        "examen" => parse_exam(rest)?,
        "classement" => parse_board(&a)?,
        "export" => Command::Export,
        "notes" => Command::Marks {
            work: Some(rest.strip_prefix("travail:").unwrap_or(rest).trim())
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        },
        "brouillon" => parse_draft(rest, &a)?,
        "retirer-brouillon" => match rest.trim_start_matches(['n', '°', '#']).trim().parse() {
            Ok(draft) => Command::DraftWithdraw { draft },
            Err(_) => return Err(LineError::Usage(msg::ConsoleUsageWithdraw.into())),
        },
        "vote" => parse_vote(rest)?,
        "voter" => parse_voter(rest)?,
        "rediger" | "rédiger" => parse_written(rest)?,
        "corrige-type" | "corrigé-type" | "corrige" | "corrigé" if !rest.is_empty() => {
            Command::ModelAnswer {
                question: rest
                    .strip_prefix("question:")
                    .unwrap_or(rest)
                    .trim()
                    .to_string(),
            }
        }
        "cocher" => match number_and_criteria(rest) {
            Some((answer, criteria)) => Command::SelfAssess { answer, criteria },
            None => return Err(LineError::Usage(msg::ConsoleUsageTick.into())),
        },
        "corriger" if rest.is_empty() => Command::GradeQueue,
        "corriger" => parse_grade(rest)?,
        "noter" if is_marking(rest) => parse_mark(rest)?,
        "noter" => match number_and_criteria(rest) {
            Some((answer, criteria)) => Command::Grade {
                answer,
                criteria: Some(criteria),
            },
            None => return Err(LineError::Usage(msg::ConsoleUsageGrade.into())),
        },
        "modeles" | "modèles" => Command::LinkedinModels,
        "mes-donnees" | "mes-données" => Command::MyData,
        "oublier-moi" => Command::ForgetMe {
            confirm: a.yes("confirmer"),
        },
        "effacer-classe" => Command::EraseClass {
            confirm: a.yes("confirmer"),
        },
        "config" => parse_config(rest)?,
        "cas" | "sujets" => {
            let (sub, more) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            let more = more.trim();
            match sub {
                "" | "liste" if more.is_empty() => Command::Cases,
                "importer" => match paths(more) {
                    Some(list) if !list.is_empty() => return Err(LineError::Import(list)),
                    _ => return Err(LineError::Usage(msg::ConsoleUsageCases.into())),
                },
                "retirer" if !more.is_empty() => Command::CaseRemove {
                    case: more
                        .strip_prefix("cas:")
                        .unwrap_or(more)
                        .trim()
                        .trim_matches(['"', '«', '»'])
                        .trim()
                        .to_string(),
                },
                _ => return Err(LineError::Usage(msg::ConsoleUsageCases.into())),
            }
        }
        _ => return Err(LineError::Usage(msg::ConsoleUsage.into())),
    })
}

/// A usage line; those whose example depends on the subject take it from the class's.
async fn usage_text(engine: &Engine, class: &str, usage: msg::Plain) -> String {
    let m = engine.messages();
    if usage == msg::ConsoleUsageAnnex.into() {
        let case = engine.class_case("console", class).await;
        return m.text(&msg::ConsoleUsageAnnexOf {
            annexes: &crate::render::annex_range(m, &case),
        });
    }
    if usage == msg::ConsoleUsageWritten.into() {
        let case = engine.class_case("console", class).await;
        return match case.grids.first() {
            Some(grid) => m.text(&msg::ConsoleUsageWrittenOf {
                question: &grid.question,
            }),
            None => m.text(&msg::WorkshopNoGrids),
        };
    }
    m.text(&usage)
}

/// The paths after `/cas importer`: separated by blanks, a path with blanks in double quotes.
/// `None` when a quote is left open.
fn paths(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('"') {
            let (path, after) = quoted.split_once('"')?;
            out.push(path.to_string());
            rest = after.trim_start();
        } else {
            let (path, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            out.push(path.to_string());
            rest = after.trim_start();
        }
    }
    Some(out)
}

/// Reads the files of `/cas importer`, each bounded before it is read; a French message when
/// one cannot be read or is too large (the engine's own words for the size).
async fn read_uploads(engine: &Engine, paths: &[String]) -> Result<Vec<Upload>, String> {
    let m = engine.messages();
    let max = engine.upload_limits().max_upload_bytes;
    let mut files = Vec::new();
    for path in paths {
        let name = std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| path.clone());
        let unreadable = |e: &std::io::Error| {
            m.text(&msg::ConsoleImportUnreadable {
                path,
                reason: &crate::problem::wording::io_error(e),
            })
        };
        let meta = tokio::fs::metadata(path)
            .await
            .map_err(|e| unreadable(&e))?;
        if !meta.is_file() {
            return Err(m.text(&msg::ConsoleImportNotFile { path }));
        }
        let size = usize::try_from(meta.len()).unwrap_or(usize::MAX);
        if size > max {
            return Err(engine.upload_too_large(&name, size));
        }
        let bytes = tokio::fs::read(path).await.map_err(|e| unreadable(&e))?;
        if bytes.len() > max {
            return Err(engine.upload_too_large(&name, bytes.len()));
        }
        files.push(Upload { name, bytes });
    }
    Ok(files)
}

/// `/config [cas:…] [role-enseignant:…] [salon-quiz:…]`. A subject may be named by its title,
/// spaces included (`cas:Arbre-cadeau bis`): the words after `cas:` are its value, quotes
/// aside. A word that belongs to no option, or an option left empty, is a usage error rather
/// than a setting silently ignored.
fn parse_config(rest: &str) -> Result<Command, LineError> {
    const KEYS: [&str; 3] = ["cas", "role-enseignant", "salon-quiz"];
    let usage = || LineError::Usage(msg::ConsoleUsageConfig.into());
    let mut given: Vec<(&str, String)> = Vec::new();
    for token in rest.split_whitespace() {
        let option = token.split_once(':').and_then(|(key, value)| {
            KEYS.iter()
                .find(|k| k.eq_ignore_ascii_case(key))
                .map(|k| (*k, value))
        });
        match (option, given.last_mut()) {
            (Some((key, value)), _) => given.push((key, value.to_string())),
            // Only a subject's title takes several words.
            (None, Some(("cas", text))) => {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(token);
            }
            (None, _) => return Err(usage()),
        }
    }
    let value = |key: &str| -> Result<Option<String>, LineError> {
        match given.iter().rev().find(|(k, _)| *k == key) {
            None => Ok(None),
            Some((_, v)) => {
                let v = v.trim_matches(|c: char| {
                    matches!(c, '"' | '\'' | '«' | '»') || c.is_whitespace()
                });
                if v.is_empty() {
                    Err(usage())
                } else {
                    Ok(Some(v.to_string()))
                }
            }
        }
    };
    Ok(Command::Config {
        teacher_role: value("role-enseignant")?,
        quiz_channel: value("salon-quiz")?,
        case: value("cas")?,
    })
}

/// `/quiz lancer|pause|reprendre|suivante|arreter|prolonger …`.
fn parse_quiz(rest: &str) -> Result<Command, LineError> {
    let (sub, sub_rest) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    Ok(match sub.to_lowercase().as_str() {
        "lancer" => parse_quiz_launch(&args(sub_rest))?,
        "pause" => Command::QuizPause,
        "reprendre" => Command::QuizResume,
        "suivante" => Command::QuizNext,
        "arreter" | "arrêter" => Command::QuizStop,
        // `30`, `30 s`, or as on Discord, `secondes:30`.
        "prolonger" => match sub_rest
            .trim()
            .strip_prefix("secondes:")
            .unwrap_or(sub_rest.trim())
            .trim()
            .trim_end_matches('s')
            .trim()
            .parse()
        {
            Ok(s) => Command::QuizExtend { seconds: s },
            Err(_) => return Err(LineError::Usage(msg::ConsoleUsageExtend.into())),
        },
        _ => return Err(LineError::Usage(msg::ConsoleUsageQuiz.into())),
    })
}

/// `/examen lancer [minutes:180]`, `copie`, `repondre PARTIE REPONSE`, `rediger QUESTION`,
/// `rendre [confirmer:oui]`, `arreter`, `bonus ELEVE POINTS`, `copies [ELEVE]`; the options
/// may be written as on Discord (`partie:1.2.a reponse:17,76 %`).
fn parse_exam(rest: &str) -> Result<Command, LineError> {
    let usage = || LineError::Usage(msg::ConsoleUsageExam.into());
    let (sub, sub_rest) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let sub_rest = sub_rest.trim();
    let strip = |text: &str, key: &str| text.strip_prefix(key).unwrap_or(text).trim().to_string();
    // « KEY:first rest… » or « first rest… ».
    let two = |key1: &str, key2: &str| {
        let (first, second) = sub_rest
            .split_once(char::is_whitespace)
            .unwrap_or((sub_rest, ""));
        (strip(first, key1), strip(second.trim(), key2))
    };
    Ok(match sub.to_lowercase().as_str() {
        "lancer" => match args(sub_rest)
            .get("minutes")
            .or((!sub_rest.is_empty()).then_some(sub_rest))
        {
            None => Command::ExamLaunch { minutes: None },
            Some(v) => match v.trim().parse() {
                Ok(n) => Command::ExamLaunch { minutes: Some(n) },
                Err(_) => return Err(usage()),
            },
        },
        "copie" => Command::ExamCopy,
        "repondre" | "répondre" => match two("partie:", "reponse:") {
            (part, text) if !part.is_empty() && !text.is_empty() => {
                Command::ExamAnswer { part, text }
            }
            _ => return Err(usage()),
        },
        "rediger" | "rédiger" => {
            let (question, text) = two("question:", "texte:");
            if question.is_empty() {
                return Err(usage());
            }
            if text.is_empty() {
                return Err(LineError::MultiLine(Pending::ExamWritten { question }));
            }
            Command::ExamWrite { question, text }
        }
        "rendre" => Command::ExamHandIn {
            confirm: args(sub_rest).yes("confirmer"),
        },
        "arreter" | "arrêter" => Command::ExamStop,
        "bonus" => match two("eleve:", "points:") {
            (student, points) if !student.is_empty() && !points.is_empty() => {
                Command::ExamBonus { student, points }
            }
            _ => return Err(usage()),
        },
        "copies" => Command::ExamPapers {
            student: Some(strip(sub_rest, "eleve:")).filter(|s| !s.is_empty()),
        },
        _ => return Err(usage()),
    })
}

/// `/quiz lancer` and its settings. A setting given but unreadable is refused, never silently
/// replaced by the default.
fn parse_quiz_launch(sa: &Args<'_>) -> Result<Command, LineError> {
    let usage = LineError::Usage(msg::ConsoleUsageLaunch.into());
    let number = |key: &str| match sa.get(key) {
        None => Ok(None),
        Some(v) => v.parse::<u32>().map(Some).map_err(|_| usage.clone()),
    };
    let flag = |keys: &[&str]| match keys.iter().find_map(|k| sa.get(k)) {
        None => Ok(false),
        Some(v) => match v.to_lowercase().as_str() {
            "oui" | "yes" | "1" | "vrai" => Ok(true),
            "non" | "no" | "0" | "faux" => Ok(false),
            _ => Err(usage.clone()),
        },
    };
    Ok(Command::QuizLaunch {
        scope: scope(sa),
        seconds_per_item: number("secondes")?,
        total_minutes: number("minutes")?,
        speed_bonus: flag(&["vitesse"])?,
        streak_bonus: flag(&["serie", "série"])?,
        full_time: flag(&["attendre"])?,
    })
}

/// `/classement [question:…|reset|semaine|mois|quiz|tout]`.
/// `/classement [semaine|mois|tout|quiz | question:1.2 | reset]`, or as on Discord
/// (`periode:semaine`, `reinitialiser:True`).
fn parse_board(a: &Args<'_>) -> Result<Command, LineError> {
    if let Some(q) = a.get("question") {
        return Ok(Command::Leaderboard {
            board: Board::Question(q.to_string()),
        });
    }
    if a.yes("reinitialiser") || a.yes("réinitialiser") {
        return Ok(Command::BoardReset);
    }
    let word = a
        .get("periode")
        .or_else(|| a.get("période"))
        .or_else(|| a.words.first().copied());
    Ok(match word.map(str::to_lowercase).as_deref() {
        Some("reset") => Command::BoardReset,
        Some("semaine") => Command::Leaderboard { board: Board::Week },
        Some("mois") => Command::Leaderboard {
            board: Board::Month,
        },
        Some("quiz") => Command::Leaderboard { board: Board::Quiz },
        None | Some("tout") => Command::Leaderboard {
            board: Board::AllTime,
        },
        Some(_) => return Err(LineError::Usage(msg::ConsoleUsageBoard.into())),
    })
}

/// `/brouillon [partager:oui] texte`; without the text, it is read on the next lines.
fn parse_draft(rest: &str, a: &Args<'_>) -> Result<Command, LineError> {
    let (share, text) = match rest.split_once(char::is_whitespace) {
        Some((first, text)) if first.starts_with("partager:") => (a.yes("partager"), text.trim()),
        None if rest.starts_with("partager:") => (a.yes("partager"), ""),
        _ => (false, rest),
    };
    if text.is_empty() {
        return Err(LineError::MultiLine(Pending::Draft { share }));
    }
    Ok(Command::DraftCheck {
        text: text.to_string(),
        share,
    })
}

/// `/vote modeles [numero]|brouillon numero|brouillons|clore`.
fn parse_vote(rest: &str) -> Result<Command, LineError> {
    let (sub, sub_rest) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let sa = args(sub_rest);
    let number = sa
        .get("numero")
        .or(sa.get("numéro"))
        .or(sa.words.first().copied())
        .map(str::trim);
    Ok(match sub.to_lowercase().as_str() {
        "modeles" | "modèles" | "modele" | "modèle" => match number {
            None => Command::VotePost {
                subject: VoteSubject::Models(None),
            },
            Some(n) => match n.parse() {
                Ok(n) => Command::VotePost {
                    subject: VoteSubject::Models(Some(n)),
                },
                Err(_) => return Err(LineError::Usage(msg::ConsoleUsageVote.into())),
            },
        },
        "brouillon" => match number.and_then(|n| n.parse().ok()) {
            Some(n) => Command::VotePost {
                subject: VoteSubject::Draft(n),
            },
            None => return Err(LineError::Usage(msg::ConsoleUsageVote.into())),
        },
        "brouillons" => Command::VoteDrafts,
        "clore" | "fermer" => Command::VoteClose,
        _ => return Err(LineError::Usage(msg::ConsoleUsageVote.into())),
    })
}

/// `/voter publication choix`: the choice by its number or its word.
fn parse_voter(rest: &str) -> Result<Command, LineError> {
    let mut words = rest.split_whitespace();
    let post = words.next().and_then(|w| w.parse().ok());
    let choice = match words.next().map(str::to_lowercase).as_deref() {
        Some("1" | "convaincant") => Some(0),
        Some("2" | "mitige" | "mitigé") => Some(1),
        Some("3" | "retravailler" | "a-retravailler" | "à-retravailler") => Some(2),
        _ => None,
    };
    match (post, choice, words.next()) {
        (Some(post), Some(choice), None) => Ok(Command::Vote { post, choice }),
        _ => Err(LineError::Usage(msg::ConsoleUsageVoter.into())),
    }
}

/// `/rediger question texte`; without the text, it is read on the next lines.
fn parse_written(rest: &str) -> Result<Command, LineError> {
    let (question, text) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let question = question
        .strip_prefix("question:")
        .unwrap_or(question)
        .trim();
    if question.is_empty() {
        return Err(LineError::Usage(msg::ConsoleUsageWritten.into()));
    }
    if text.trim().is_empty() {
        return Err(LineError::MultiLine(Pending::Written {
            question: question.to_string(),
        }));
    }
    Ok(Command::WrittenAnswer {
        question: question.to_string(),
        text: text.trim().to_string(),
    })
}

/// `/corriger [copie:]numero`: one answer to grade.
fn parse_grade(rest: &str) -> Result<Command, LineError> {
    match rest
        .strip_prefix("copie:")
        .unwrap_or(rest)
        .trim_start_matches(['n', '°', '#'])
        .trim()
        .parse()
    {
        Ok(answer) => Ok(Command::Grade {
            answer,
            criteria: None,
        }),
        Err(_) => Err(LineError::Usage(msg::ConsoleUsageGrade.into())),
    }
}

/// Splits `alice> /repondre 17,76 %` into the user and the command text.
pub fn split_user(line: &str) -> (Option<&str>, &str) {
    match line.split_once('>') {
        Some((user, rest)) if !user.trim().is_empty() && !user.contains(char::is_whitespace) => {
            (Some(user.trim()), rest)
        }
        _ => (None, line),
    }
}

/// Writes a file whole or not at all: the bytes go to a temporary file beside it, which is
/// renamed over the name once written, so a failed write (disk full, no right) leaves no
/// truncated or empty file behind.
fn save_file(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(std::path::Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".partiel");
    let tmp = PathBuf::from(tmp);
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// The longest line the console reads (a command, or one line of a multi-line text); the
/// engine bounds answers and drafts further.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// One line of input: text, or a line the console cannot read (not UTF-8, too long), which is
/// answered and skipped rather than ending the session.
enum Line {
    Text(String),
    NotText,
    TooLong,
}

/// Reads the next line (without its end), at most [`MAX_LINE_BYTES`] kept; `None` at the end.
async fn next_line(input: &mut (impl AsyncBufRead + Unpin)) -> std::io::Result<Option<Line>> {
    use tokio::io::AsyncReadExt;
    let mut buf = Vec::new();
    let limit = (MAX_LINE_BYTES + 1) as u64;
    let read = (&mut *input)
        .take(limit)
        .read_until(b'\n', &mut buf)
        .await?;
    if read == 0 {
        return Ok(None);
    }
    if buf.last() != Some(&b'\n') && buf.len() > MAX_LINE_BYTES {
        // Drop the rest of the line, whatever its length.
        loop {
            let mut rest = Vec::new();
            let n = (&mut *input)
                .take(limit)
                .read_until(b'\n', &mut rest)
                .await?;
            if n == 0 || rest.last() == Some(&b'\n') {
                break;
            }
        }
        return Ok(Some(Line::TooLong));
    }
    while matches!(buf.last(), Some(b'\n' | b'\r')) {
        buf.pop();
    }
    Ok(Some(match String::from_utf8(buf) {
        Ok(text) => Line::Text(text),
        Err(_) => Line::NotText,
    }))
}

/// Runs the console until the input ends or someone types /quitter.
pub async fn run(
    engine: Engine,
    mut input: impl AsyncBufRead + Unpin,
    out: Output,
    options: ConsoleOptions,
) -> anyhow::Result<()> {
    let session = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let mut counter: u64 = 0;
    let mut current_user = options.default_user.clone();
    let messages = engine.messages().clone();
    let say = |text: String| -> anyhow::Result<()> {
        let mut o = out
            .lock()
            .map_err(|_| anyhow::anyhow!("console output poisoned"))?;
        writeln!(o, "{text}\n")?;
        Ok(())
    };
    let unreadable = |line: &Line| match line {
        Line::Text(_) => None,
        Line::NotText => Some(messages.text(&msg::ConsoleNotText)),
        Line::TooLong => Some(messages.text(&msg::ConsoleTooLong {
            max: &(MAX_LINE_BYTES / 1024).to_string(),
        })),
    };
    while let Some(line) = next_line(&mut input).await? {
        let line = match line {
            Line::Text(text) => text,
            other => {
                say(unreadable(&other).unwrap_or_default())?;
                continue;
            }
        };
        let (user, rest) = split_user(&line);
        if let Some(u) = user {
            current_user = u.to_string();
        }
        let command = match parse_command(rest) {
            Ok(c) => c,
            Err(LineError::Quit) => break,
            Err(LineError::Empty) => continue,
            Err(LineError::Usage(id)) => {
                say(usage_text(&engine, &options.class, id).await)?;
                continue;
            }
            Err(LineError::Import(paths)) => match read_uploads(&engine, &paths).await {
                Ok(files) => Command::CaseImport { files },
                Err(text) => {
                    say(text)?;
                    continue;
                }
            },
            // A question without a grid: the engine says so at once, before any text is typed.
            Err(LineError::MultiLine(Pending::Written { question }))
                if !engine.has_grid("console", &options.class, &question).await =>
            {
                Command::WrittenAnswer {
                    question,
                    text: String::new(),
                }
            }
            // A subject without the workshop: said at once too.
            Err(LineError::MultiLine(Pending::Draft { share }))
                if !engine.has_workshop("console", &options.class).await =>
            {
                Command::DraftCheck {
                    text: String::new(),
                    share,
                }
            }
            Err(LineError::MultiLine(pending)) => {
                // A multi-line text, up to a line holding only ".".
                say(pending.prompt(&messages))?;
                let mut text: Vec<String> = Vec::new();
                while let Some(next) = next_line(&mut input).await? {
                    let next = match next {
                        Line::Text(next) => next,
                        other => {
                            say(unreadable(&other).unwrap_or_default())?;
                            continue;
                        }
                    };
                    if next.trim() == "." {
                        break;
                    }
                    text.push(next);
                }
                pending.command(text.join("\n"))
            }
        };
        counter += 1;
        let request = Request {
            action_id: format!("console-{session}-{counter}"),
            place: Place {
                platform: "console".into(),
                class_key: options.class.clone(),
                class_name: options.class.clone(),
                channel: "console".into(),
            },
            actor: Actor {
                user: current_user.clone(),
                name: current_user.clone(),
                manages_class: options.teachers.iter().any(|t| t == &current_user),
                roles: Vec::new(),
            },
            command,
        };
        for reply in engine.handle(request).await {
            print_reply(
                &out,
                &messages,
                &options.files_dir,
                Some(&current_user),
                &reply,
            )?;
        }
    }
    engine.flush().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpret_reads_a_part_a_letter_or_a_comment() {
        let interpret =
            |part: &str, choice: Option<u8>, comment: Option<&str>| Command::Interpret {
                part: PartRef::Id(part.into()),
                choice,
                comment: comment.map(str::to_string),
            };
        let read = |line: &str| parse_command(line).ok();
        assert_eq!(
            read("/interpreter 1.2.c"),
            Some(interpret("1.2.c", None, None))
        );
        assert_eq!(
            read("/interpreter 1.2.c b"),
            Some(interpret("1.2.c", Some(1), None))
        );
        assert_eq!(
            read("/interpreter partie:1.2.c lecture:D"),
            Some(interpret("1.2.c", Some(3), None))
        );
        assert_eq!(
            read("/interpreter 1.2.c Z"),
            Some(interpret("1.2.c", Some(u8::MAX), None))
        );
        assert_eq!(
            read("/interpreter 1.2.c Le CPM est élevé."),
            Some(interpret("1.2.c", None, Some("Le CPM est élevé.")))
        );
        assert_eq!(
            read("/interpreter partie:1.2.c commentaire:Le CPM est élevé."),
            Some(interpret("1.2.c", None, Some("Le CPM est élevé.")))
        );
        assert_eq!(read("/interpreter"), Some(interpret("", None, None)));
    }

    #[test]
    fn parses_french_commands() {
        assert_eq!(
            parse_command("/repondre 17,76 %"),
            Ok(Command::Answer {
                text: "17,76 %".into(),
                item: None
            })
        );
        assert_eq!(parse_command("/annexe 3"), Ok(Command::Annex { number: 3 }));
        assert!(matches!(
            parse_command("/annexe x"),
            Err(LineError::Usage(_))
        ));
        assert_eq!(
            parse_command("/quiz lancer dossier:1 secondes:30 vitesse:oui"),
            Ok(Command::QuizLaunch {
                scope: Scope::Dossier("1".into()),
                seconds_per_item: Some(30),
                total_minutes: None,
                speed_bonus: true,
                streak_bonus: false,
                full_time: false
            })
        );
        assert_eq!(
            parse_command("/entrainement 1.2.a,1.2.b"),
            Ok(Command::Practice {
                scope: Scope::Items(vec!["1.2.a".into(), "1.2.b".into()])
            })
        );
        assert_eq!(
            parse_command("/indice confirmer:oui"),
            Ok(Command::Hint {
                confirm: true,
                item: None
            })
        );
        assert_eq!(
            parse_command("/quiz prolonger secondes:30"),
            Ok(Command::QuizExtend { seconds: 30 })
        );
        assert_eq!(
            parse_command("/classement periode:semaine"),
            Ok(Command::Leaderboard { board: Board::Week })
        );
        assert_eq!(
            parse_command("/classement reinitialiser:True"),
            Ok(Command::BoardReset)
        );
        assert_eq!(parse_command("/classement reset"), Ok(Command::BoardReset));
        assert_eq!(
            parse_command("/oublier-moi confirmer:True"),
            Ok(Command::ForgetMe { confirm: true })
        );
        assert_eq!(
            parse_command("/quiz prolonger 30 s"),
            Ok(Command::QuizExtend { seconds: 30 })
        );
        assert_eq!(
            parse_command("/classement question:1.2"),
            Ok(Command::Leaderboard {
                board: Board::Question("1.2".into())
            })
        );
        assert_eq!(parse_command("/quitter"), Err(LineError::Quit));
        assert!(matches!(
            parse_command("/nimportequoi"),
            Err(LineError::Usage(_))
        ));
        assert!(matches!(
            parse_command("/repondre"),
            Err(LineError::Usage(_))
        ));
    }

    #[test]
    fn splits_users() {
        assert_eq!(
            split_user("alice> /repondre 3"),
            (Some("alice"), " /repondre 3")
        );
        assert_eq!(split_user("/repondre 3 > 2"), (None, "/repondre 3 > 2"));
    }

    #[test]
    fn plain_text_for_terminals() {
        assert_eq!(plain("**Juste** : 3 \\_a\\_"), "Juste : 3 _a_");
    }

    #[test]
    fn parses_the_subject_commands() {
        assert_eq!(parse_command("/cas"), Ok(Command::Cases));
        assert_eq!(parse_command("/cas liste"), Ok(Command::Cases));
        assert!(matches!(
            parse_command("/cas autre"),
            Err(LineError::Usage(_))
        ));
        let config = |role: Option<&str>, channel: Option<&str>, case: Option<&str>| {
            Ok(Command::Config {
                teacher_role: role.map(str::to_string),
                quiz_channel: channel.map(str::to_string),
                case: case.map(str::to_string),
            })
        };
        assert_eq!(parse_command("/config"), config(None, None, None));
        assert_eq!(
            parse_command("/config cas:arbre-cadeau-bis"),
            config(None, None, Some("arbre-cadeau-bis"))
        );
        // A title, spaces and quotes included; after the colon or not.
        for line in [
            "/config cas:Arbre-cadeau bis",
            "/config cas: Arbre-cadeau bis",
            "/config cas:\"Arbre-cadeau bis\"",
            "/config CAS:« Arbre-cadeau bis »",
        ] {
            assert_eq!(
                parse_command(line),
                config(None, None, Some("Arbre-cadeau bis")),
                "{line}"
            );
        }
        assert_eq!(
            parse_command("/config salon-quiz:quiz cas:Arbre-cadeau bis role-enseignant:profs"),
            config(Some("profs"), Some("quiz"), Some("Arbre-cadeau bis"))
        );
        // Nothing is silently ignored.
        for line in [
            "/config cas:",
            "/config cas",
            "/config arbre-cadeau",
            "/config role-enseignant:profs en plus",
            "/config salon-quiz:",
        ] {
            assert!(
                matches!(parse_command(line), Err(LineError::Usage(_))),
                "{line}"
            );
        }
    }

    #[test]
    fn parses_the_workshop_commands() {
        assert_eq!(
            parse_command("/vote modeles"),
            Ok(Command::VotePost {
                subject: VoteSubject::Models(None)
            })
        );
        assert_eq!(
            parse_command("/vote modeles numero:2"),
            Ok(Command::VotePost {
                subject: VoteSubject::Models(Some(2))
            })
        );
        assert_eq!(
            parse_command("/vote brouillon 3"),
            Ok(Command::VotePost {
                subject: VoteSubject::Draft(3)
            })
        );
        assert_eq!(parse_command("/vote clore"), Ok(Command::VoteClose));
        assert_eq!(
            parse_command("/voter 12 3"),
            Ok(Command::Vote {
                post: 12,
                choice: 2
            })
        );
        assert_eq!(
            parse_command("/voter 12 mitigé"),
            Ok(Command::Vote {
                post: 12,
                choice: 1
            })
        );
        for bad in [
            "/quiz lancer questions:1.2.a secondes:-5",
            "/quiz lancer secondes:99999999999999999999",
            "/quiz lancer vitesse:peutetre",
            "/quiz lancer minutes:dix",
        ] {
            assert_eq!(
                parse_command(bad),
                Err(LineError::Usage(msg::ConsoleUsageLaunch.into())),
                "{bad}"
            );
        }
        assert!(matches!(
            parse_command("/quiz lancer questions:1.2.a secondes:30 vitesse:non"),
            Ok(Command::QuizLaunch {
                seconds_per_item: Some(30),
                speed_bonus: false,
                ..
            })
        ));
        for bad in [
            "/voter 12",
            "/voter 12 4",
            "/voter x 1",
            "/voter 12 1 2",
            "/vote",
            "/vote brouillon",
        ] {
            assert!(
                matches!(parse_command(bad), Err(LineError::Usage(_))),
                "{bad}"
            );
        }
        assert_eq!(
            parse_command("/brouillon partager:oui"),
            Err(LineError::MultiLine(Pending::Draft { share: true }))
        );
        assert_eq!(
            parse_command("/brouillon Un post : court"),
            Ok(Command::DraftCheck {
                text: "Un post : court".into(),
                share: false
            })
        );
        assert_eq!(
            parse_command("/rediger question:2.4"),
            Err(LineError::MultiLine(Pending::Written {
                question: "2.4".into()
            }))
        );
        assert_eq!(
            parse_command("/cocher 4 1 3"),
            Ok(Command::SelfAssess {
                answer: 4,
                criteria: vec!["1".into(), "3".into()]
            })
        );
        assert_eq!(
            parse_command("/noter 4 aucun"),
            Ok(Command::Grade {
                answer: 4,
                criteria: Some(Vec::new())
            })
        );
        assert_eq!(parse_command("/corriger"), Ok(Command::GradeQueue));
        assert_eq!(
            parse_command("/corrige-type question:2.4"),
            Ok(Command::ModelAnswer {
                question: "2.4".into()
            })
        );
        assert_eq!(
            parse_command("/corriger copie:7"),
            Ok(Command::Grade {
                answer: 7,
                criteria: None
            })
        );
        for bad in [
            "/cocher 4",
            "/noter 4",
            "/noter x 1",
            "/corriger x",
            "/rediger",
            "/retirer-brouillon x",
        ] {
            assert!(
                matches!(parse_command(bad), Err(LineError::Usage(_))),
                "{bad}"
            );
        }
    }

    proptest::proptest! {
        /// Whatever a user types, the console answers (a command or a usage text), never panics.
        #[test]
        fn any_line_parses_without_panicking(line in "\\PC{0,80}") {
            let _ = parse_command(&line);
            let _ = split_user(&line);
        }

        #[test]
        fn any_command_word_with_any_arguments_parses(
            name in proptest::sample::select(vec![
                "vote", "voter", "cocher", "noter", "corriger", "rediger", "brouillon",
                "retirer-brouillon", "quiz", "classement", "annexe", "indice", "entrainement", "interpreter",
            ]),
            rest in "[ 0-9a-zA-Zé:,.#°n-]{0,40}",
        ) {
            let _ = parse_command(&format!("/{name} {rest}"));
        }
    }
}
