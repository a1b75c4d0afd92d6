//! Class play: practice runs, timed quizzes, hints, scores and leaderboards, stored in SQLite.
//! One engine for every front end: a [`Request`] goes in, [`Reply`]s come out, and what the
//! engine says on its own (questions, reveals, podiums) goes to the front end's [`Outbox`].

pub(crate) mod answering;
pub(crate) mod board;
pub mod command;
pub(crate) mod exam;
pub(crate) mod grids;
pub(crate) mod interpret;
pub(crate) mod live;
pub(crate) mod marking;
pub(crate) mod marks;
pub(crate) mod paper;
pub(crate) mod posts;
pub(crate) mod practice;
pub(crate) mod quiz;
pub(crate) mod reflexion;
pub mod report;
pub mod scoring;
pub mod settings;
pub(crate) mod sheets;
pub(crate) mod sight;
pub(crate) mod spelling;
pub(crate) mod subjects;
pub(crate) mod votes;
pub(crate) mod written;

use crate::app::App;
use crate::case::Case;
use crate::clock::Clock;
use crate::msg;
use crate::store::{self, AnswerWriter, ClassId, MemberId, Store};
use command::{Actor, Command, Outbox, Place, Reply, Request};
use live::ClassLive;
use settings::PlaySettings;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex as StdMutex};
use tokio::sync::{Mutex, Notify};

/// What the engine knows of a class.
#[derive(Debug, Clone)]
pub(crate) struct ClassInfo {
    pub id: i64,
    pub teacher_role: Option<String>,
    pub quiz_channel: Option<String>,
    pub case_id: Option<String>,
}

type CachedMember = (i64, String, bool);

/// One request being handled, as every command handler takes it: the engine, the request
/// (its command, place and actor), who is asking (resolved) and the case their class plays.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub inner: &'a Arc<Inner>,
    pub request: &'a Request,
    pub who: &'a Who,
    pub case: &'a crate::pack::CasePack,
}

/// Who is asking, resolved.
#[derive(Debug, Clone)]
pub(crate) struct Who {
    pub class: ClassInfo,
    pub member_id: i64,
    pub teacher: bool,
}

impl Who {
    /// The class, as the store names it.
    pub fn class_id(&self) -> ClassId {
        ClassId(self.class.id)
    }

    /// The asker, as the store names them.
    pub fn member(&self) -> MemberId {
        MemberId(self.member_id)
    }
}

pub(crate) struct Inner {
    pub app: Arc<App>,
    /// Every subject classes can play: bundled, published and imported.
    pub library: subjects::Library,
    pub settings: PlaySettings,
    pub store: Store,
    pub writer: AnswerWriter,
    pub clock: Arc<dyn Clock>,
    pub outbox: Arc<dyn Outbox>,
    classes: StdMutex<HashMap<(String, String), ClassInfo>>,
    /// (class id, platform user) → (member id, display name, teacher).
    members: StdMutex<HashMap<(i64, String), CachedMember>>,
    /// Live quiz state per class id; the mutex orders everything that touches a quiz.
    pub live: StdMutex<HashMap<i64, Arc<Mutex<ClassLive>>>>,
    /// Wakes the scheduler when a deadline changes.
    pub wake: Arc<Notify>,
    in_flight: StdMutex<HashSet<String>>,
    /// Requests handled at once; the others wait their turn before taking any resource (keeps
    /// memory bounded when a whole school answers in the same second).
    admission: tokio::sync::Semaphore,
    /// Held while end-of-quiz posts are sent, so that two passes never send the same one.
    pub posting: Mutex<()>,
}

/// How many requests the engine works on at the same time.
const MAX_CONCURRENT_REQUESTS: usize = 1024;

impl Drop for Inner {
    fn drop(&mut self) {
        // Lets the scheduler notice the engine is gone.
        self.wake.notify_one();
    }
}

/// The class-play engine. Cheap to clone; the scheduler task stops once every clone is gone.
#[derive(Clone)]
pub struct Engine {
    pub(crate) inner: Arc<Inner>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").finish_non_exhaustive()
    }
}

impl Engine {
    /// Starts the engine on an opened store: loads the running quizzes (closing the questions
    /// whose time ran out meanwhile) and starts the scheduler.
    pub async fn start(
        app: Arc<App>,
        settings: PlaySettings,
        store: Store,
        clock: Arc<dyn Clock>,
        outbox: Arc<dyn Outbox>,
    ) -> anyhow::Result<Engine> {
        anyhow::ensure!(!app.cases.is_empty(), "no case pack loaded");
        let writer = AnswerWriter::spawn(store.clone());
        let inner = Arc::new(Inner {
            library: subjects::Library::new(&app),
            app,
            settings,
            store,
            writer,
            clock,
            outbox,
            classes: StdMutex::new(HashMap::new()),
            members: StdMutex::new(HashMap::new()),
            live: StdMutex::new(HashMap::new()),
            wake: Arc::new(Notify::new()),
            in_flight: StdMutex::new(HashSet::new()),
            admission: tokio::sync::Semaphore::new(MAX_CONCURRENT_REQUESTS),
            posting: Mutex::new(()),
        });
        // Imported subjects first: a quiz may run on one.
        subjects::restore(&inner).await?;
        quiz::restore(&inner).await?;
        exam::restore(&inner).await?;
        tokio::spawn(quiz::scheduler(Arc::downgrade(&inner), inner.wake.clone()));
        Ok(Engine { inner })
    }

    /// Processes one request and returns what to answer.
    pub async fn handle(&self, request: Request) -> Vec<Reply> {
        let inner = &self.inner;
        let _permit = inner.admission.acquire().await.ok();
        match inner.handle(request).await {
            Ok(replies) => replies,
            Err(e) => {
                tracing::error!(error = format!("{e:#}"), "request failed");
                vec![Reply::private(
                    inner.messages().text(&msg::PlayInternalError),
                )]
            }
        }
    }

    /// Stops cleanly: takes every request slot, so the requests being handled finish (for at
    /// most `grace`) and any later one waits for good; then commits every queued answer and
    /// checkpoints the database. What a stop signal (ctrl-c, SIGTERM) ends with.
    pub async fn stop(&self, grace: std::time::Duration) -> anyhow::Result<()> {
        let all = MAX_CONCURRENT_REQUESTS as u32;
        match tokio::time::timeout(grace, self.inner.admission.acquire_many(all)).await {
            Ok(Ok(permits)) => permits.forget(),
            Ok(Err(_)) => {}
            Err(_) => tracing::warn!(?grace, "requests still running at the stop"),
        }
        self.flush().await?;
        self.inner.store.checkpoint().await?;
        Ok(())
    }

    /// Runs every due transition now (tests and the scheduler call it).
    pub async fn tick(&self) {
        quiz::tick(&self.inner).await;
        exam::tick(&self.inner).await;
    }

    /// Waits until every answer queued so far is committed.
    pub async fn flush(&self) -> anyhow::Result<()> {
        Ok(self.inner.writer.flush().await?)
    }

    /// The bot's texts.
    pub fn messages(&self) -> &crate::prompts::Prompts {
        self.inner.messages()
    }

    /// The case the class of (`platform`, `class_key`) plays, for what front ends show on their
    /// own (autocompletes, the console's banner): its chosen subject, else the default. Read
    /// from the pool; a class not known yet, or a read that fails, gets the default.
    pub async fn class_case(&self, platform: &str, class_key: &str) -> Arc<crate::pack::CasePack> {
        let inner = &self.inner;
        let key = (platform.to_string(), class_key.to_string());
        let cached = inner.classes.lock().ok().and_then(|c| c.get(&key).cloned());
        let class = match cached {
            Some(class) => Some(class),
            None => match store::classes::find(&inner.store.read, platform, class_key).await {
                Ok(row) => row.map(|row| ClassInfo {
                    id: row.id.0,
                    teacher_role: row.teacher_role,
                    quiz_channel: row.quiz_channel,
                    case_id: row.case_id,
                }),
                Err(e) => {
                    tracing::warn!(error = %e, "class subject not read");
                    None
                }
            },
        };
        match class {
            Some(class) => inner.library.for_class(&class),
            None => inner.app.default_shared(),
        }
    }

    /// The subjects the class of (`platform`, `class_key`) can play, in the order `/cas liste`
    /// gives, for autocompletes; with `own`, only those it imported.
    pub async fn class_cases(
        &self,
        platform: &str,
        class_key: &str,
        own: bool,
    ) -> Vec<Arc<crate::pack::CasePack>> {
        let inner = &self.inner;
        let id = match store::classes::find(&inner.store.read, platform, class_key).await {
            Ok(Some(row)) => row.id.0,
            _ => {
                return if own {
                    Vec::new()
                } else {
                    inner.app.cases.clone()
                }
            }
        };
        if own {
            return inner.library.own(id);
        }
        inner
            .library
            .available(id)
            .into_iter()
            .map(|(c, _)| c)
            .collect()
    }

    /// Whether a question of the class's subject has a grading grid (front ends ask before
    /// taking a long written answer for it).
    pub async fn has_grid(&self, platform: &str, class_key: &str, question: &str) -> bool {
        self.class_case(platform, class_key)
            .await
            .grid(question.trim())
            .is_some()
    }

    /// What a student saved for a question of the class's running mock exam (a form shows it
    /// again to be revised); `None` without an exam, a copy or a draft.
    pub async fn exam_draft(
        &self,
        platform: &str,
        class_key: &str,
        user: &str,
        question: &str,
    ) -> Option<String> {
        let inner = &self.inner;
        let class = store::classes::find(&inner.store.read, platform, class_key)
            .await
            .ok()??;
        let member = store::members::id_of(&inner.store.read, class.id, user)
            .await
            .ok()?;
        exam::draft_of(inner, class.id.0, member, question.trim())
            .await
            .ok()?
    }

    /// Whether the class's subject has the LinkedIn workshop (front ends ask before taking a
    /// draft for it).
    pub async fn has_workshop(&self, platform: &str, class_key: &str) -> bool {
        self.class_case(platform, class_key)
            .await
            .workshop
            .is_some()
    }

    /// The bounds of an uploaded subject (`config/play.toml`, `[subjects]`).
    pub fn upload_limits(&self) -> &crate::pack::upload::Limits {
        &self.inner.settings.subjects
    }

    /// What a teacher is told when the file they send is over the size bound: front ends
    /// check the size before reading the file, in the engine's words.
    pub fn upload_too_large(&self, name: &str, size: usize) -> String {
        let reason = crate::pack::upload::UploadError::TooLarge {
            name: name.chars().filter(|c| !c.is_control()).take(80).collect(),
            size,
            max: self.upload_limits().max_upload_bytes,
        };
        self.messages().text(&msg::PlaySubjectsRefused {
            reason: &reason.to_string(),
        })
    }

    /// The store, for read-only inspection (tests, exports).
    pub fn store(&self) -> &Store {
        &self.inner.store
    }
}

/// Removes an action id from the in-flight set when the request ends, however it ends.
struct InFlight<'a> {
    set: &'a StdMutex<HashSet<String>>,
    id: String,
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        if let Ok(mut set) = self.set.lock() {
            set.remove(&self.id);
        }
    }
}

impl Inner {
    pub fn messages(&self) -> &crate::prompts::Prompts {
        &self.app.messages
    }

    pub fn now(&self) -> i64 {
        self.clock.now_ms()
    }

    /// The case a class plays: the one it chose (`/config cas:`), else the default (`--case`,
    /// else the first pack; [`Engine::start`] refuses an app without packs).
    pub fn case_for(&self, class: &ClassInfo) -> Arc<crate::pack::CasePack> {
        self.library.for_class(class)
    }

    /// Subject `id` as class `class` sees it (a quiz's, a practice's, an answer's).
    pub fn case_in(&self, class: i64, id: &str) -> Option<Arc<crate::pack::CasePack>> {
        self.library.find(class, id)
    }

    /// Forgets what is cached of a class's settings (read again at its next request).
    pub fn forget_class_info(&self, place: &Place) {
        if let Ok(mut classes) = self.classes.lock() {
            classes.remove(&(place.platform.clone(), place.class_key.clone()));
        }
    }

    async fn handle(self: &Arc<Self>, request: Request) -> anyhow::Result<Vec<Reply>> {
        let mutates = request.command.mutates();
        // Marked in flight before looking for a past run, so twin deliveries cannot both pass.
        let _guard = if mutates {
            let fresh = self
                .in_flight
                .lock()
                .map(|mut s| s.insert(request.action_id.clone()))
                .unwrap_or(false);
            if !fresh {
                return Ok(vec![Reply::private(
                    self.messages().text(&msg::PlayDuplicate),
                )]);
            }
            let guard = InFlight {
                set: &self.in_flight,
                id: request.action_id.clone(),
            };
            if let Some(replies) = self.replay(&request.action_id).await? {
                return Ok(replies);
            }
            Some(guard)
        } else {
            None
        };
        let who = self.resolve(&request.place, &request.actor).await?;
        if request.command.teacher_only() && !who.teacher {
            tracing::info!(user = %request.actor.user, command = ?request.command, "teacher command refused");
            return Ok(vec![Reply::private(
                self.messages().text(&msg::PlayTeacherOnly),
            )]);
        }
        let replies = self.dispatch(&request, &who).await?;
        match request.command {
            Command::Answer { .. } => {} // recorded with the answer, in the same transaction
            // The class is gone: the action is recorded without it.
            Command::EraseClass { confirm: true } => {
                self.record_action(&request.action_id, None, &replies)
                    .await?
            }
            _ if mutates => {
                self.record_action(&request.action_id, Some(who.class.id), &replies)
                    .await?
            }
            _ => {}
        }
        Ok(replies)
    }

    async fn dispatch(
        self: &Arc<Self>,
        request: &Request,
        who: &Who,
    ) -> anyhow::Result<Vec<Reply>> {
        let shared = self.case_for(&who.class);
        let case: &crate::pack::CasePack = &shared;
        let cx = &Ctx {
            inner: self,
            request,
            who,
            case,
        };
        let m = self.messages();
        let private = |text: String| Ok(vec![Reply::private(text)]);
        if let Some(text) = exam::refusal(self, who, &request.command).await {
            return private(text);
        }
        // The student's help names the class's own annexes (« 1 à 9 »).
        match &request.command {
            // A teacher's help lists the students' commands too (« en plus de celles des
            // élèves »).
            Command::Help if who.teacher => private(format!(
                "{}\n\n{}",
                help_teacher(m, case),
                help_student(m, case)
            )),
            Command::Help => private(help_student(m, case)),
            Command::Annex { number } => annex(cx, *number).await,
            Command::Question { id } => {
                if let Some(q) = case.question(id) {
                    if !who.teacher && exam::running(self, who.class.id).await.is_some() {
                        return private(crate::render::question_exam(m, case, q));
                    }
                    private(crate::render::question(m, case, q))
                } else if let Some((_, p)) = case.part(id) {
                    private(crate::render::part(m, case, p))
                } else {
                    let list: Vec<&str> = case.questions.iter().map(|q| q.id.as_str()).collect();
                    private(m.text(&msg::QuestionUnknown {
                        id: &crate::render::echo(id),
                        list: &list.join(", "),
                    }))
                }
            }
            Command::Kpi { id } => kpi(cx, id).await,
            Command::Interpret {
                part,
                choice,
                comment,
            } => interpret::interpret(cx, part, *choice, comment.as_deref()).await,
            Command::Reflexion => reflexion::guide(cx).await,
            Command::Practice { scope } => practice::start(cx, scope).await,
            Command::Answer { text, item } => answer(cx, text, *item).await,
            Command::Hint { confirm, item } => hint(cx, *confirm, *item).await,
            Command::GiveUp => practice::give_up(cx).await,
            Command::DraftCheck { text, share } => votes::draft_check(cx, text, *share).await,
            Command::DraftWithdraw { draft } => votes::draft_withdraw(cx, *draft).await,
            Command::VotePost { subject } => votes::post(cx, subject).await,
            Command::VoteDrafts => votes::drafts(cx).await,
            Command::VoteClose => votes::close(cx).await,
            Command::Vote { post, choice } => votes::vote(cx, *post, *choice).await,
            Command::ModelAnswer { question } => written::model_answer(cx, question).await,
            Command::WrittenAnswer { question, text } => written::written(cx, question, text).await,
            Command::SelfAssess { answer, criteria } => {
                written::self_assess(cx, *answer, criteria).await
            }
            Command::GradeQueue => written::queue(cx).await,
            Command::Grade { answer, criteria } => {
                marking::grade(cx, *answer, criteria.as_deref()).await
            }
            Command::LinkedinModels => {
                match crate::linkedin::render::models(m, case, case.workshop.as_ref()) {
                    Some(text) if who.teacher => Ok(vec![Reply::channel(text)]),
                    Some(text) => private(text),
                    None => private(m.text(&msg::PlayNoWorkshop)),
                }
            }
            Command::QuizLaunch {
                scope,
                seconds_per_item,
                total_minutes,
                speed_bonus,
                streak_bonus,
                full_time,
            } => {
                let options = quiz::LaunchOptions {
                    scope: scope.clone(),
                    seconds_per_item: *seconds_per_item,
                    total_minutes: *total_minutes,
                    speed_bonus: *speed_bonus,
                    streak_bonus: *streak_bonus,
                    full_time: *full_time,
                };
                quiz::launch(cx, options).await
            }
            Command::QuizPause => quiz::pause(cx).await,
            Command::QuizResume => quiz::resume(cx).await,
            Command::QuizNext => quiz::skip(cx).await,
            Command::QuizExtend { seconds } => quiz::extend(cx, *seconds).await,
            Command::QuizStop => quiz::stop(cx).await,
            Command::Leaderboard { board } => board::leaderboard(cx, board).await,
            Command::BoardReset => board::reset(cx).await,
            Command::Export => board::export(cx).await,
            Command::Marks { work } => marks::notes(cx, work.as_deref()).await,
            Command::Mark {
                answer,
                points,
                comment,
                agree,
            } => marking::mark(cx, *answer, points, comment.as_deref(), *agree).await,
            Command::ExamLaunch { minutes } => exam::launch(cx, *minutes).await,
            Command::ExamCopy => exam::status(cx).await,
            Command::ExamAnswer { part, text } => exam::answer(cx, part, text).await,
            Command::ExamWrite { question, text } => exam::write(cx, question, text).await,
            Command::ExamHandIn { confirm } => exam::hand_in(cx, *confirm).await,
            Command::ExamStop => exam::stop(cx).await,
            Command::ExamBonus { student, points } => exam::bonus(cx, student, points).await,
            Command::ExamPapers { student } => exam::papers(cx, student.as_deref()).await,
            Command::MyData => board::my_data(cx).await,
            Command::ForgetMe { confirm: false } => board::forget_me_preview(cx).await,
            Command::ForgetMe { confirm: true } => board::forget_me(cx).await,
            Command::EraseClass { confirm } => board::erase_class(cx, *confirm).await,
            Command::Config {
                teacher_role,
                quiz_channel,
                case,
            } => configure(cx, teacher_role, quiz_channel, case.as_deref()).await,
            Command::Cases => private(cases_list(
                m,
                &self.library,
                who.class.id,
                case,
                who.teacher,
            )),
            Command::CaseImport { files } => subjects::import(cx, files).await,
            Command::CaseRemove { case: given } => subjects::remove(cx, given).await,
        }
    }

    /// The replies first given to an action already processed.
    async fn replay(&self, action_id: &str) -> anyhow::Result<Option<Vec<Reply>>> {
        let json = store::actions::replies(&self.store.read, action_id).await?;
        Ok(json.map(|json| serde_json::from_str(&json).unwrap_or_default()))
    }

    async fn record_action(
        &self,
        action_id: &str,
        class_id: Option<i64>,
        replies: &[Reply],
    ) -> anyhow::Result<()> {
        let json = replies_json(replies);
        store::actions::record(
            &self.store.write,
            action_id,
            class_id.map(ClassId),
            &json,
            self.now(),
        )
        .await?;
        Ok(())
    }

    /// Finds or creates the class and the member; keeps the display name up to date.
    async fn resolve(&self, place: &Place, actor: &Actor) -> anyhow::Result<Who> {
        let key = (place.platform.clone(), place.class_key.clone());
        let cached = self.classes.lock().ok().and_then(|c| c.get(&key).cloned());
        let class = match cached {
            Some(c) => c,
            None => {
                store::classes::upsert(
                    &self.store.write,
                    &place.platform,
                    &place.class_key,
                    &place.class_name,
                    self.now(),
                )
                .await?;
                let row = store::classes::by_platform(
                    &self.store.write,
                    &place.platform,
                    &place.class_key,
                )
                .await?;
                let info = ClassInfo {
                    id: row.id.0,
                    teacher_role: row.teacher_role,
                    quiz_channel: row.quiz_channel,
                    case_id: row.case_id,
                };
                if let Ok(mut c) = self.classes.lock() {
                    c.insert(key, info.clone());
                }
                info
            }
        };
        let teacher = actor.manages_class
            || class
                .teacher_role
                .as_ref()
                .is_some_and(|role| actor.roles.iter().any(|r| r == role));
        let member_key = (class.id, actor.user.clone());
        let cached = self
            .members
            .lock()
            .ok()
            .and_then(|m| m.get(&member_key).cloned());
        let member_id = match cached {
            Some((id, name, was_teacher)) if name == actor.name && was_teacher == teacher => id,
            _ => {
                let role = if teacher {
                    store::members::Role::Teacher
                } else {
                    store::members::Role::Student
                };
                let class_id = ClassId(class.id);
                store::members::upsert(
                    &self.store.write,
                    class_id,
                    &actor.user,
                    &actor.name,
                    role,
                    self.now(),
                )
                .await?;
                let id = store::members::id_of(&self.store.write, class_id, &actor.user)
                    .await?
                    .0;
                if let Ok(mut m) = self.members.lock() {
                    m.insert(member_key, (id, actor.name.clone(), teacher));
                }
                id
            }
        };
        Ok(Who {
            class,
            member_id,
            teacher,
        })
    }

    /// Forgets cached class and member entries (after an erasure).
    pub fn forget_cached(&self, place: &Place, class_id: i64, user: Option<&str>) {
        if let Ok(mut m) = self.members.lock() {
            match user {
                Some(u) => {
                    m.remove(&(class_id, u.to_string()));
                }
                None => m.retain(|(c, _), _| *c != class_id),
            }
        }
        if user.is_none() {
            if let Ok(mut c) = self.classes.lock() {
                c.remove(&(place.platform.clone(), place.class_key.clone()));
            }
            if let Ok(mut live) = self.live.lock() {
                live.remove(&class_id);
            }
        }
    }

    /// The live state of a class, created empty on first use.
    pub fn class_live(&self, class_id: i64) -> Arc<Mutex<ClassLive>> {
        match self.live.lock() {
            Ok(mut live) => live.entry(class_id).or_default().clone(),
            Err(_) => Arc::new(Mutex::new(ClassLive::default())),
        }
    }
}

/// `/annexe N`: the annex's text and, when it has one, its chart, drawn with only the
/// computed figures the asker may see ([`sight`]); a « ? » on it is explained below the text.
async fn annex(cx: &Ctx<'_>, number: u8) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    let m = inner.messages();
    let Some(mut text) = crate::render::annex(m, case, number) else {
        return Ok(vec![Reply::private(crate::render::annex_unknown(
            m, case, number,
        ))]);
    };
    let Some(chart) = crate::chart::charts_for_annex(case, number)
        .into_iter()
        .next()
    else {
        return Ok(vec![Reply::private(text)]);
    };
    let seen = sight::sight(inner, who, case).await?;
    let sight = &seen.sight;
    let drawn = crate::chart::case_chart_data(case, m, &chart.name, sight).and_then(|data| {
        let png = crate::chart::render_case_chart_for(case, m, &chart.name, sight)?;
        let hidden: Vec<String> = data
            .figures
            .into_iter()
            .filter(|f| f.value.is_none())
            .map(|f| f.id)
            .collect();
        Ok((hidden, png))
    });
    let (hidden, png) = match drawn {
        Ok(drawn) => drawn,
        Err(e) => {
            tracing::warn!(error = %e, chart = %chart.name, "annex chart not drawn");
            return Ok(vec![Reply::private(text)]);
        }
    };
    if !hidden.is_empty() {
        let why = if hidden.iter().any(|id| seen.by_quiz.contains(id)) {
            msg::PlayAnnexHiddenQuiz.plain()
        } else {
            msg::PlayAnnexHidden.plain()
        };
        text.push_str("\n\n");
        text.push_str(&m.text(&why));
    }
    Ok(vec![Reply::private(text).with_attachment(
        command::Attachment {
            name: format!("{}.png", chart.name),
            mime: "image/png".into(),
            bytes: png,
        },
    )])
}

/// `/kpi`: anyone, except students for a KPI a live quiz seals (asks and has not revealed
/// yet, computed from one it asks, or whose calculation shows one tied to it). A
/// name that fits several KPIs gets their list (labels and ids, no values).
async fn kpi(cx: &Ctx<'_>, id: &str) -> anyhow::Result<Vec<Reply>> {
    let Ctx {
        inner, who, case, ..
    } = *cx;
    use crate::case::KpiMatch;
    let m = inner.messages();
    if id.trim().is_empty() {
        return Ok(vec![Reply::private(kpi_usage(m, case))]);
    }
    let index = match case.find_kpis(id) {
        KpiMatch::One(index) => index,
        KpiMatch::Several(found) => {
            let first = found[0];
            let example = match case.part_of_kpi(first) {
                Some(part) => format!("/kpi {}", part.id),
                None => format!("/kpi {}", case.kpis[first].label),
            };
            return Ok(vec![Reply::private(
                case.kpi_choices(m, id, &found, &example, false),
            )]);
        }
        KpiMatch::None => {
            return Ok(vec![Reply::private(m.text(&msg::KpiUnknown {
                id: &crate::render::echo(id),
                examples: &crate::render::kpi_examples(case),
            }))]);
        }
    };
    // Its calculation shows the KPIs it is computed from: none may be one the quiz seals.
    let sealed = sight::sealed_for(inner, who, case).await;
    if sight::touches(case, index, &sealed) {
        return Ok(vec![Reply::private(m.text(&msg::PlayKpiLocked))]);
    }
    // Nor the calculation the asker's practice is asking (it would answer it for points).
    let pending = sight::pending_in_practice(inner, who, case).await?;
    if sight::touches(case, index, &pending) {
        return Ok(vec![Reply::private(m.text(&msg::PlayKpiInPractice))]);
    }
    let result = case.kpi_result(index)?;
    Ok(vec![Reply::private(crate::render::kpi(m, &result))])
}

/// `/repondre`: to the live quiz's open item, else to the actor's practice.
async fn answer(
    cx: &Ctx<'_>,
    text: &str,
    item: Option<command::ItemRef>,
) -> anyhow::Result<Vec<Reply>> {
    if let Some(replies) = quiz::answer(cx, text, item).await? {
        return Ok(replies);
    }
    practice::answer(cx, text).await
}

/// `/indice`: for the live quiz's open item, else for the actor's practice.
async fn hint(
    cx: &Ctx<'_>,
    confirm: bool,
    item: Option<command::ItemRef>,
) -> anyhow::Result<Vec<Reply>> {
    if let Some(replies) = quiz::hint(cx, confirm, item).await? {
        return Ok(replies);
    }
    practice::hint(cx, confirm).await
}

/// `/config`: shows the class's settings, or changes those given (the others are kept). A
/// change of subject is refused while the class's quiz runs (checked under the class's live
/// lock, so no quiz starts meanwhile); results keep the subject they were earned on.
async fn configure(
    cx: &Ctx<'_>,
    teacher_role: &Option<String>,
    quiz_channel: &Option<String>,
    case: Option<&str>,
) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let place = &cx.request.place;
    let m = inner.messages();
    let none = m.text(&msg::PlayConfigNone);
    // « Arbre-cadeau (session 2021) (par défaut) » while the class has chosen none.
    let subject = |chosen: &Case, by_class: bool| {
        let name = case_name(m, chosen);
        if by_class {
            name
        } else {
            m.text(&msg::PlayConfigDefaultCase { case: &name })
        }
    };
    let chose = who.class.case_id.is_some();
    if teacher_role.is_none() && quiz_channel.is_none() && case.is_none() {
        // A chosen subject no longer installed (removed, or no longer loading): said, not hidden.
        let gone = who
            .class
            .case_id
            .as_deref()
            .filter(|id| inner.case_in(who.class.id, id).is_none());
        let shown = match gone {
            Some(id) => m.text(&msg::PlayConfigCaseGone {
                id,
                case: &case_name(m, cx.case),
            }),
            None => subject(cx.case, chose),
        };
        return Ok(vec![Reply::private(m.text(&msg::PlayConfigShow {
            case: &shown,
            teacher_role: who.class.teacher_role.as_deref().unwrap_or(&none),
            quiz_channel: who.class.quiz_channel.as_deref().unwrap_or(&none),
        }))]);
    }
    let found_case;
    let chosen = match case {
        None => cx.case,
        Some(given) => match inner.library.find_given(who.class.id, given) {
            Some((found, _)) => {
                found_case = found;
                &*found_case
            }
            None => {
                let available = inner.library.available(who.class.id);
                let ids: Vec<&str> = available.iter().map(|(c, _)| c.meta.id.as_str()).collect();
                return Ok(vec![Reply::private(m.text(&msg::PlayConfigUnknownCase {
                    given: &crate::render::echo(given),
                    list: &ids.join(", "),
                }))]);
            }
        },
    };
    let role = teacher_role
        .clone()
        .or(who.class.teacher_role.clone())
        .filter(|r| !r.is_empty());
    let channel = quiz_channel
        .clone()
        .or(who.class.quiz_channel.clone())
        .filter(|c| !c.is_empty());
    {
        let live = inner.class_live(who.class.id);
        let live = live.lock().await;
        if chosen.meta.id != cx.case.meta.id && live.quiz.is_some() {
            return Ok(vec![Reply::private(m.text(&msg::PlayConfigCaseDuringQuiz))]);
        }
        store::classes::configure(
            &inner.store.write,
            who.class_id(),
            role.as_deref(),
            channel.as_deref(),
            case.map(|_| chosen.meta.id.as_str()),
        )
        .await?;
    }
    if let Ok(mut classes) = inner.classes.lock() {
        classes.remove(&(place.platform.clone(), place.class_key.clone()));
    }
    let mut replies = vec![Reply::private(m.text(&msg::PlayConfigSaved {
        case: &subject(chosen, chose || case.is_some()),
        teacher_role: role.as_deref().unwrap_or(&none),
        quiz_channel: channel.as_deref().unwrap_or(&none),
    }))];
    // The class is told when its subject changes (its students were not asked).
    if chosen.meta.id != cx.case.meta.id {
        replies.push(Reply::channel(m.text(&msg::PlayCasesAnnounce {
            case: &case_name(m, chosen),
        })));
    }
    Ok(replies)
}

/// The examples the help gives, taken from the class's subject (its annexes, questions, KPIs,
/// and the lines of the workshop and written answers only when it has them).
struct HelpExamples {
    annexes: String,
    question: String,
    dossier: String,
    kpi: String,
    /// A question with a grid, else the first question (for `/corrige-type`).
    written: Option<String>,
    post: Option<String>,
    model: String,
}

fn help_examples(m: &crate::prompts::Prompts, case: &Case) -> HelpExamples {
    let annexes = crate::render::annex_range(m, case);
    let first = case
        .questions
        .first()
        .map(|q| q.id.clone())
        .unwrap_or_default();
    let question = case
        .questions
        .iter()
        .find(|q| !q.parts.is_empty())
        .map_or_else(|| first.clone(), |q| q.id.clone());
    let written = case.grids.first().map(|g| g.question.clone());
    // The shortest name of a KPI students are asked, without its « (en %) »: what they type.
    let kpi = case
        .questions
        .iter()
        .flat_map(|q| &q.parts)
        .filter_map(|p| case.kpis.get(p.kpi))
        .map(|k| {
            let label = k.label.as_str();
            label.split(" (").next().unwrap_or(label).trim().to_string()
        })
        .min_by_key(|l| l.chars().count())
        .unwrap_or_default();
    HelpExamples {
        annexes,
        dossier: case
            .dossiers
            .first()
            .map(|d| d.id.clone())
            .unwrap_or_default(),
        kpi,
        model: written.clone().unwrap_or(first),
        written,
        post: None,
        question,
    }
}

fn help_student(m: &crate::prompts::Prompts, case: &crate::pack::CasePack) -> String {
    let mut x = help_examples(m, case);
    x.post = case.workshop.as_ref().map(|w| w.question.clone());
    let workshop = x.post.as_deref().map_or_else(String::new, |post| {
        m.text(&msg::PlayHelpStudentWorkshop { post })
    });
    let written = x.written.as_deref().map_or_else(String::new, |question| {
        m.text(&msg::PlayHelpStudentWritten { question })
    });
    let interpret = case.readings.parts.first().map_or_else(String::new, |p| {
        m.text(&msg::PlayHelpStudentInterpret { part: &p.part })
    });
    m.text(&msg::PlayHelpStudent {
        annexes: &x.annexes,
        question: &x.question,
        dossier: &x.dossier,
        kpi: &crate::render::echo(&x.kpi),
        interpret: &interpret,
        workshop: &workshop,
        written: &written,
        model: &x.model,
    })
}

fn help_teacher(m: &crate::prompts::Prompts, case: &crate::pack::CasePack) -> String {
    let x = help_examples(m, case);
    let votes = if case.workshop.is_some() {
        m.text(&msg::PlayHelpTeacherVotes)
    } else {
        String::new()
    };
    let grading = if x.written.is_some() {
        m.text(&msg::PlayHelpTeacherGrading)
    } else {
        String::new()
    };
    m.text(&msg::PlayHelpTeacher {
        question: &x.question,
        dossier: &x.dossier,
        votes: &votes,
        grading: &grading,
    })
}

/// « Arbre-cadeau (session 2021) ».
pub(crate) fn case_name(m: &crate::prompts::Prompts, case: &Case) -> String {
    m.text(&msg::PlayCaseName {
        title: &case.meta.title,
        session: &case.meta.session.to_string(),
    })
}

/// `/cas liste`: the subjects the class can play (where each comes from), the one it plays
/// marked; for a teacher, with where each subject's points come from when its pack says it.
fn cases_list(
    m: &crate::prompts::Prompts,
    library: &subjects::Library,
    class: i64,
    current: &Case,
    teacher: bool,
) -> String {
    let available = library.available(class);
    let mut text = m.text(&msg::PlayCasesHeader {
        n: &available.len().to_string(),
    });
    for (case, origin) in &available {
        let mut mark = if case.meta.id == current.meta.id {
            m.text(&msg::PlayCasesCurrent)
        } else {
            String::new()
        };
        if let Some(source) = case.meta.points_source.as_ref().filter(|_| teacher) {
            mark.push_str(&m.text(&msg::PlayCasesPointsSource {
                source: &crate::render::points_source(m, source),
            }));
        }
        text.push('\n');
        text.push_str(&m.text(&msg::PlayCasesLine {
            title: &crate::render::echo(&case.meta.title),
            session: &case.meta.session.to_string(),
            id: &case.meta.id,
            origin: &subjects::origin_words(m, origin),
            current: &mark,
        }));
    }
    text.push_str("\n\n");
    text.push_str(&m.text(&msg::PlayCasesFooter));
    text
}

/// Serialises replies for the actions table: attachments and other people's private messages
/// are not kept (a replay answers the asker only).
pub(crate) fn replies_json(replies: &[Reply]) -> String {
    let stripped: Vec<Reply> = replies
        .iter()
        .filter(|r| !matches!(r.audience, command::Audience::User(_)))
        .map(|r| Reply {
            attachment: None,
            ..r.clone()
        })
        .collect();
    serde_json::to_string(&stripped).unwrap_or_else(|_| "[]".into())
}

/// What `/kpi` alone says: what it does, with examples taken from the class's case (the labels
/// of its first asked KPIs, and a part id).
fn kpi_usage(m: &crate::prompts::Prompts, case: &Case) -> String {
    let parts: Vec<&crate::case::Part> = case.questions.iter().flat_map(|q| &q.parts).collect();
    let examples: Vec<String> = case
        .kpi_examples()
        .into_iter()
        .map(|label| format!("« /kpi {label} »"))
        .collect();
    let part = parts.first().map(|p| p.id.as_str()).unwrap_or("1.1.a");
    m.text(&msg::KpiUsage {
        examples: &examples.join(", "),
        part,
    })
}
