//! The one registry of the French texts the code writes (`prompts/fr/`): the bot's, the LinkedIn
//! workshop's and the charts'. Each text is a type whose fields are its arguments, so the compiler
//! checks every call: `messages.render(&msg::PlayQuizBadTime { seconds: &s, max: &m })`. A text
//! without arguments is a unit struct (`&msg::PlayHelpStudent`). The criteria of a LinkedIn draft
//! share their arguments: one struct, [`LinkedinCriterion`], names which of them it renders.
//! At start-up `app::check_messages` checks [`ALL`] against the loaded texts: every text exists
//! and asks only for arguments its type gives. Plurals are written in the templates
//! (`{n} {n:point|points}`), never as pairs of texts.

pub use crate::prompts::Text;

/// A text without arguments held as a value (a usage line chosen by the parser, a unit's name
/// chosen by a match): made only from the registry's unit structs (`msg::ConsoleUsage.into()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Plain(&'static str);

impl Text for Plain {
    fn id(&self) -> &'static str {
        self.0
    }
    fn arg(&self, _: &str) -> Option<&str> {
        None
    }
}

/// The ids of a section of the registry (`msg::CHARTS`), in its order.
pub const fn ids<const N: usize>(
    texts: &[(&'static str, &'static [&'static str])],
) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N && i < texts.len() {
        out[i] = texts[i].0;
        i += 1;
    }
    out
}

/// One text of the registry: a unit struct without arguments, else a struct of `&str` fields.
macro_rules! text {
    ($name:ident, $id:literal) => {
        #[derive(Debug, Clone, Copy)]
        pub struct $name;
        impl Text for $name {
            fn id(&self) -> &'static str {
                $id
            }
            fn arg(&self, _: &str) -> Option<&str> {
                None
            }
        }
        impl $name {
            /// This text as a value (in a table of texts).
            pub const fn plain(self) -> Plain {
                Plain($id)
            }
        }
        impl From<$name> for Plain {
            fn from(_: $name) -> Plain {
                Plain($id)
            }
        }
    };
    ($name:ident, $id:literal, $($arg:ident),+) => {
        #[derive(Debug, Clone, Copy)]
        pub struct $name<'a> {
            $(pub $arg: &'a str),+
        }
        impl Text for $name<'_> {
            fn id(&self) -> &'static str {
                $id
            }
            fn arg(&self, name: &str) -> Option<&str> {
                match name {
                    $(stringify!($arg) => Some(self.$arg),)+
                    _ => None,
                }
            }
        }
    };
}

/// The registry: sections of texts, then one family of texts sharing their arguments.
macro_rules! texts {
    (
        $(
            $(#[$sdoc:meta])*
            $section:ident = [
                $( $name:ident = $id:literal $({ $($arg:ident),+ })? ; )*
            ]
        )*
        @family
        $(#[$fdoc:meta])*
        $fsection:ident = $family:ident { $($farg:ident),+ } $kind:ident [
            $( $member:ident = $mid:literal , )*
        ]
    ) => {
        $( $( text!($name, $id $(, $($arg),+)?); )* )*
        $(
            $(#[$sdoc])*
            pub const $section: &[(&str, &[&str])] =
                &[$( ($id, &[$($(stringify!($arg)),+)?]), )*];
        )*

        /// Which text of the family a [`
        #[doc = stringify!($family)]
        /// `] renders.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $kind {
            $($member),*
        }
        impl $kind {
            pub const fn id(self) -> &'static str {
                match self {
                    $(Self::$member => $mid),*
                }
            }
        }
        $(#[$fdoc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $family<'a> {
            pub text: $kind,
            $(pub $farg: &'a str),+
        }
        impl Text for $family<'_> {
            fn id(&self) -> &'static str {
                self.text.id()
            }
            fn arg(&self, name: &str) -> Option<&str> {
                match name {
                    $(stringify!($farg) => Some(self.$farg),)+
                    _ => None,
                }
            }
        }
        /// The arguments every text of the family is given.
        const FAMILY_ARGS: &[&str] = &[$(stringify!($farg)),+];
        /// The family's texts with their arguments.
        pub const $fsection: &[(&str, &[&str])] = &[$( ($mid, FAMILY_ARGS), )*];

        /// Every text of the registry with the arguments its type gives.
        pub const ALL: &[(&str, &[&str])] = &[
            $( $( ($id, &[$($(stringify!($arg)),+)?]), )* )*
            $( ($mid, FAMILY_ARGS), )*
        ];
    };
}

texts! {
    /// The bot's own texts (`prompts/fr/`, except the workshop's and the charts').
    BOT = [
        CheckCorrect = "check.correct" { expected };
        CheckCorrectRounded = "check.correct_rounded" { expected, given };
        CheckCorrectTolerance = "check.correct_tolerance" { expected, given };
        CheckCloseImprecise = "check.close_imprecise" { given, needed };
        CheckCloseTruncated = "check.close_truncated" { given };
        CheckCloseNear = "check.close_near" { given };
        CheckCloseUnit = "check.close_unit" { given, unit };
        CheckWrong = "check.wrong" { given };
        CheckMistakeRatioForPercent = "check.mistake.ratio_for_percent" { given };
        CheckMistakeInverted = "check.mistake.inverted" { given };
        CheckMistakeWrongBase = "check.mistake.wrong_base" { given };
        CheckMistakeCoefficient = "check.mistake.coefficient" { given };
        CheckMistakeSign = "check.mistake.sign_error" { given };
        CheckMistakePointsForPercent = "check.mistake.points_for_percent" { given };
        CheckMistakePercentForPoints = "check.mistake.percent_for_points" { given };
        CheckMistakeSignResult = "check.mistake.sign_result" { given };
        CheckMistakeSignPositive = "check.mistake.sign_positive" { given };
        CheckMistakeShareGap = "check.mistake.share_gap" { given };
        CheckMistakeShareEvolution = "check.mistake.share_evolution" { given };
        CheckCloseWhole = "check.close_whole" { given, needed };
        CheckCloseWholeFrom = "check.close_whole_from" { given, count, whole, needed };
        CheckInvalidPercentOnRatio = "check.invalid.percent_on_ratio" { given, bare, percent };
        CheckInvalidEmpty = "check.invalid.empty" { example };
        CheckInvalidNoNumber = "check.invalid.no_number" { example };
        CheckInvalidSeveral = "check.invalid.several_numbers";
        CheckInvalidGrouping = "check.invalid.grouping" { text };
        CheckInvalidAmbiguousDot = "check.invalid.ambiguous_dot" { text, thousands, decimal };
        CheckInvalidLeftover = "check.invalid.leftover" { text, example };
        CheckInvalidDigits = "check.invalid.too_many_digits";
        CheckInvalidRange = "check.invalid.out_of_range";
        CheckInvalidSign = "check.invalid.contradictory_sign";
        CheckInvalidUnit = "check.invalid.unit" { expected_unit };
        CheckInvalidWords = "check.invalid.words" { text, example };
        CheckFree = "check.free";
        UnitCount = "unit.count";
        UnitEur = "unit.eur";
        UnitPercent = "unit.percent";
        UnitPoints = "unit.points";
        UnitRatio = "unit.ratio";
        UnitSeconds = "unit.seconds";
        DecimalsNone = "decimals.none";
        Decimals = "decimals.some" { n };
        KpiHeader = "kpi.header" { label, value };
        KpiFormula = "kpi.formula" { formula };
        KpiInputs = "kpi.inputs";
        KpiInputAnnex = "kpi.input_annex" { label, number, value, annex };
        KpiInputAnnexShown = "kpi.input_annex_shown" { label, value, annex, shown };
        KpiInputConstant = "kpi.input_constant" { label, number };
        KpiInputComputed = "kpi.input_computed" { label, number, value, id };
        KpiInputComputedPart = "kpi.input_computed_part" { label, value, part };
        KpiCalculation = "kpi.calculation" { calculation, result };
        KpiRoundedInputs = "kpi.rounded_inputs" { value };
        KpiCalculationApprox = "kpi.calculation_approx" { calculation, result };
        KpiExactInputs = "kpi.exact_inputs" { list };
        KpiExactInput = "kpi.exact_input" { label, exact };
        KpiShownFigures = "kpi.shown_figures" { value };
        KpiShownFiguresAccepted = "kpi.shown_figures_accepted" { value };
        KpiUnknown = "kpi.unknown" { id };
        KpiListHeader = "kpi.list_header" { count, case };
        KpiSeveral = "kpi.several" { query, count };
        KpiSeveralLine = "kpi.several_line" { label, id };
        KpiSeveralMore = "kpi.several_more" { count };
        KpiSeveralHint = "kpi.several_hint" { example };
        KpiSeveralLinePart = "kpi.several_line_part" { label, part };
        KpiSeveralLineLabel = "kpi.several_line_label" { label };
        KpiSeveralHintClass = "kpi.several_hint_class" { example };
        KpiUsage = "kpi.usage" { examples, part };
        HintFormula = "hint.formula" { label, formula };
        HintWhere = "hint.where";
        HintFirstStep = "hint.first_step" { step };
        HintFirstStepNone = "hint.first_step_none" { calculation };
        HintFirstStepComputes = "hint.first_step_computes" { label, step };
        HintFormulaTold = "hint.formula_told" { label, formula };
        HintWhereToo = "hint.where_too";
        HintFormulaApplied = "hint.formula_applied" { calculation };
        HintWhereLine = "hint.where_line" { label, value, annex, place };
        HintWhereLineAnnex = "hint.where_line_annex" { label, value, annex };
        HintWhereConstant = "hint.where_constant" { label, value };
        HintAnnex = "hint.annex" { annex };
        HintAnnexShown = "hint.annex_shown" { annex, shown };
        HintPlaceRow = "hint.place_row" { row };
        HintPlaceRowColumn = "hint.place_row_column" { row, column };
        HintPlaceTable = "hint.place_table" { table, place };
        AnnexHeader = "annex.header" { number, title };
        AnnexColumns = "annex.columns" { columns };
        AnnexUnknown = "annex.unknown" { number, max };
        QuestionHeader = "question.header" { id, points, annexes };
        QuestionHeaderNoAnnex = "question.header_no_annex" { id, points };
        QuestionParts = "question.parts" { count, points };
        QuestionPartsCount = "question.parts_count" { n };
        QuestionPartLine = "question.part_line" { id, statement };
        QuestionConsigneLine = "question.consigne_line" { line };
        QuestionHelp = "question.help" { help };
        QuestionOpen = "question.open" { id };
        QuestionUnknown = "question.unknown" { id, list };
        PartHeader = "part.header" { id, points };
        Points = "points.count" { n };
        AnnexWord = "annex.word" { n, list };
        PlayInternalError = "play.internal_error";
        PlayDuplicate = "play.duplicate";
        PlayTeacherOnly = "play.teacher_only";
        PlayHelpTeacher = "play.help_teacher";
        PlayHelpStudent = "play.help_student";
        PlayKpiLocked = "play.kpi_locked";
        PlayAnnexHidden = "play.annex_hidden";
        PlayAnnexHiddenQuiz = "play.annex_hidden_quiz";
        PlaySealedFigure = "play.sealed_figure";
        PlayConfigNone = "play.config.none";
        PlayConfigShow = "play.config.show" { teacher_role, quiz_channel };
        PlayConfigSaved = "play.config.saved" { teacher_role, quiz_channel };
        PlayQuizWrongChannel = "play.quiz.wrong_channel";
        PlayQuizEmpty = "play.quiz.empty";
        PlayUnknownScope = "play.unknown_scope" { id };
        PlayQuizBadTime = "play.quiz.bad_time" { seconds, min, max };
        PlayQuizAlready = "play.quiz.already";
        PlayQuizLaunched = "play.quiz.launched" { questions, seconds, points, bonuses };
        PlayQuizEarlyClose = "play.quiz.early_close";
        PlayQuizFullTime = "play.quiz.full_time";
        PlayQuizBonusSpeed = "play.quiz.bonus_speed" { floor };
        PlayQuizBonusStreak = "play.quiz.bonus_streak" { step, cap };
        PlayQuizNone = "play.quiz.none";
        PlayQuizNoneYet = "play.quiz.none_yet";
        PlayQuizAlreadyPaused = "play.quiz.already_paused";
        PlayQuizPaused = "play.quiz.paused";
        PlayQuizNotPaused = "play.quiz.not_paused";
        PlayQuizResumed = "play.quiz.resumed";
        PlayQuizSkipped = "play.quiz.skipped";
        PlayQuizBadExtend = "play.quiz.bad_extend" { max };
        PlayQuizNothingOpen = "play.quiz.nothing_open";
        PlayQuizExtended = "play.quiz.extended" { seconds };
        PlayQuizStopped = "play.quiz.stopped";
        PlayQuizStoppedAck = "play.quiz.stopped_ack" { asked, total, sent };
        PlayQuizStoppedSentAnnouncement = "play.quiz.stopped_sent_announcement";
        PlayQuizStoppedSentReveal = "play.quiz.stopped_sent_reveal" { id };
        PlayQuizStoppedSentPodium = "play.quiz.stopped_sent_podium";
        PlayQuizStoppedSentSummaries = "play.quiz.stopped_sent_summaries" { n };
        PlayQuizStoppedSentAnd = "play.quiz.stopped_sent_and" { rest, last };
        PlayQuizItemClosed = "play.quiz.item_closed";
        PlayQuizIsPaused = "play.quiz.is_paused";
        PlayQuizAlreadyAnswered = "play.quiz.already_answered";
        PlayQuizJustClosed = "play.quiz.just_closed" { id, next };
        PlayHintJustClosed = "play.hint.just_closed" { id, next };
        PlayQuizEndedLate = "play.quiz.ended_late";
        PlayPracticeNoSolutionDuringQuiz = "play.practice.no_solution_during_quiz";
        PlayQuizAnswerSaved = "play.quiz.answer_saved" { id, n, total, answer };
        PlayQuizAbout = "play.quiz.about" { id, n, total };
        PlayQuizQuestion = "play.quiz.question" { n, total, id, points, statement, annexes };
        PlayQuizReveal = "play.quiz.reveal" { id, value };
        PlayQuizStats = "play.quiz.stats" { correct, close, wrong };
        PlayQuizStatsUnanswered = "play.quiz.stats_unanswered" { correct, close, wrong, unanswered };
        PlayQuizStatsNobody = "play.quiz.stats_nobody";
        PlayQuizClosedTime = "play.quiz.closed_time";
        PlayQuizClosedEveryone = "play.quiz.closed_everyone";
        PlayQuizClosedTeacher = "play.quiz.closed_teacher";
        PlayQuizClosedStopped = "play.quiz.closed_stopped";
        PlayPointsOf = "play.points_of" { points, max };
        PlayCountCorrect = "play.count.correct" { n };
        PlayCountOthers = "play.count.others" { n };
        PlayCountSettled = "play.count.settled" { n };
        PlayQuizCommonMistake = "play.quiz.common_mistake" { mistake, count };
        PlayNotSaved = "play.not_saved";
        PlayHintAfterAnswer = "play.hint.after_answer";
        PlayHintNoMore = "play.hint.no_more";
        PlayHintOffer = "play.hint.offer" { level, cost };
        PlayButtonHintConfirm = "play.button.hint_confirm";
        PlayButtonAnswer = "play.button.answer";
        PlayButtonHint = "play.button.hint";
        PlayPracticeNone = "play.practice.none";
        PlayPracticeStarted = "play.practice.started" { parts, points };
        PlayPracticeStartedSome = "play.practice.started_some" { parts, points, settled };
        PlayPracticeStartedFree = "play.practice.started_free" { parts };
        PlayPracticeReplaced = "play.practice.replaced" { n, total };
        PlayPracticeDuringQuiz = "play.practice.during_quiz";
        PlayPracticePausedByQuiz = "play.practice.paused_by_quiz";
        PlayPracticeAbout = "play.practice.about" { id, n, total };
        PlayPracticeStep = "play.practice.step" { n, total };
        PlayPracticeDone = "play.practice.done" { right, total, points, cheer };
        PlayPracticeDoneFree = "play.practice.done_free" { right, total, cheer };
        PlayNRight = "play.practice.right" { n };
        PlayPracticeCheerAll = "play.practice.cheer_all";
        PlayPracticeCheerAllHelped = "play.practice.cheer_all_helped";
        PlayPracticeCheerGood = "play.practice.cheer_good";
        PlayPracticeCheerKeep = "play.practice.cheer_keep";
        PlayPracticeEarned = "play.practice.earned" { points };
        PlayPracticeAgain = "play.practice.again";
        PlayPracticeRetryFree = "play.practice.retry_free" { attempt, max };
        PlayPracticeNoMoreTries = "play.practice.no_more_tries";
        PlayPracticeRetry = "play.practice.retry" { attempt, max, points };
        PlayPracticeGaveUp = "play.practice.gave_up";
        PlayBoardEmpty = "play.board.empty";
        PlayBoardLine = "play.board.line" { rank, name, points };
        PlayBoardMore = "play.board.more" { others };
        PlayBoardQuiz = "play.board.quiz";
        PlayBoardWeek = "play.board.week" { days };
        PlayBoardMonth = "play.board.month" { days };
        PlayBoardAll = "play.board.all";
        PlayBoardQuestion = "play.board.question" { id };
        PlayBoardFinal = "play.board.final";
        PlayBoardResetDone = "play.board.reset_done";
        PlayPodiumTitle = "play.podium.title";
        PlayPodiumEmpty = "play.podium.empty";
        PlayPodiumLine = "play.podium.line" { medal, names, points };
        PlayPodiumNamesMore = "play.podium.names_more" { names, others };
        PlaySummary = "play.summary.text" { points, rank, correct, close, wrong, unanswered };
        PlaySummaryRank = "play.summary.rank" { n, players };
        PlaySummaryAllRightHints = "play.summary.all_right_hints";
        PlaySummaryMissed = "play.summary.missed" { id, label, kpi };
        PlaySummaryRevise = "play.summary.revise" { id, label, kpi };
        PlaySummaryPerfect = "play.summary.perfect";
        PlaySummaryToRevise = "play.summary.to_revise";
        PlayExportReady = "play.export_ready" { rows };
        PlayMyData = "play.my_data" { name, answers, hints, practices, points, written, drafts, votes };
        PlayForgotten = "play.forgotten";
        PlayForgetDuringQuiz = "play.forget_during_quiz";
        PlayForgetConfirm = "play.forget_confirm" { answers, written, drafts, votes };
        PlayEraseConfirm = "play.erase.confirm" { members, answers };
        PlayErased = "play.erase.done" { members, answers };
        MistakeRatioForPercent = "mistake.ratio_for_percent";
        MistakeInverted = "mistake.inverted";
        MistakeWrongBase = "mistake.wrong_base";
        MistakeCoefficient = "mistake.coefficient";
        MistakeSignError = "mistake.sign_error";
        MistakePointsForPercent = "mistake.points_for_percent";
        MistakePercentForPoints = "mistake.percent_for_points";
        MistakeShareGap = "mistake.share_gap";
        MistakeShareEvolution = "mistake.share_evolution";
        MistakeDeclared = "mistake.declared";
        MistakeOther = "mistake.other";
        DiscordCountdown = "discord.countdown" { when };
        DiscordGuildOnly = "discord.guild_only";
        DiscordDone = "discord.done";
        DiscordOutdated = "discord.outdated";
        DiscordUnknownButton = "discord.unknown_button";
        DiscordFormTitle = "discord.form.title";
        DiscordFormLabel = "discord.form.label";
        DiscordFormPlaceholder = "discord.form.placeholder";
        CountCalcul = "count.calcul.count" { n };
        CountQuestion = "count.question.count" { n };
        PlayDistribution = "play.quiz.distribution";
        PlayNoWorkshop = "play.no_workshop";
        DiscordDraftTitle = "discord.draft.title";
        DiscordDraftLabel = "discord.draft.label";
        DiscordDraftPlaceholder = "discord.draft.placeholder";
        DiscordPostFailed = "discord.post_failed";
        DiscordWrittenTitle = "discord.written.title" { question };
        DiscordWrittenLabel = "discord.written.label" { question };
        DiscordWrittenPlaceholder = "discord.written.placeholder";
        ConsoleDraftStart = "console.draft_start";
        ConsoleUsage = "console.usage";
        ConsoleBanner = "console.banner" { class, case, db, teachers, n };
        ConsoleNoToken = "console.no_token";
        ConsoleCountdown = "console.countdown" { seconds };
        ConsoleButtons = "console.buttons" { labels };
        ConsolePrivate = "console.private" { user };
        ConsoleChannel = "console.channel";
        ConsoleUsageAnnex = "console.usage_annex";
        ConsoleUsageExtend = "console.usage_extend";
        ConsoleUsageQuiz = "console.usage_quiz";
        ConsoleUsageLaunch = "console.usage_launch";
        ConsoleUsageBoard = "console.usage_board";
        ConsoleUsageWithdraw = "console.usage_withdraw";
        ConsoleUsageVote = "console.usage_vote";
        ConsoleUsageVoter = "console.usage_voter";
        ConsoleUsageWritten = "console.usage_written";
        ConsoleUsageTick = "console.usage_tick";
        ConsoleUsageGrade = "console.usage_grade";
        ConsoleWrittenStart = "console.written_start" { question };
        ConsoleHowVote = "console.how_vote" { post };
        ConsoleHowWithdraw = "console.how_withdraw" { draft };
        ConsoleHowSelfAssess = "console.how_self_assess" { answer };
        ConsoleHowGrade = "console.how_grade" { answer };
        ConsoleHowGradeShow = "console.how_grade_show" { answer };
        ConsoleThread = "console.thread" { name };
        ConsoleFileFailed = "console.file_failed" { path };
        ConsoleNotText = "console.not_text";
        ConsoleTooLong = "console.too_long" { max };
        CliValidateOk = "cli.validate_ok" { case, annexes, kpis, questions, texts };
        CliNoToken = "cli.no_token" { file };
        CliUnknownCase = "cli.unknown_case" { list };
        CliChartClass = "cli.chart_class";
        CliChartSample = "cli.chart_sample";
        CliChartNothing = "cli.chart_nothing" { quiz, item };
        CliChartUnknown = "cli.chart_unknown" { name };
        CliChartWritten = "cli.chart_written" { file, bytes };
        CliChartAnnexes = "cli.chart_annexes" { n, list };
        CliCaseHeader = "cli.case_header" { title, exam, session, code };
        CliBackupDone = "cli.backup_done" { file, size, db };
        CliBackupExists = "cli.backup_exists" { file };
        CliBackupNoDatabase = "cli.backup_no_database" { db };
        CliBackupFailed = "cli.backup_failed" { file, cause };
        CliBackupCauseDb = "cli.backup_cause_db";
        CliBackupCauseCorrupt = "cli.backup_cause_corrupt";
        PlayHintClosed = "play.hint.closed";
        PlayHintPaused = "play.hint.paused";
        PlayNAnswers = "play.count.answers" { n };
        PlayNStudents = "play.count.students" { n };
        PlayExportSummary = "play.export_summary" { students };
        PlayNMembers = "play.count.members" { n };
        PlayNHints = "play.count.hints" { n };
        PlayNPractices = "play.count.practices" { n };
        PlayNWritten = "play.count.written" { n };
        PlayNDrafts = "play.count.drafts" { n };
        WorkshopTextTooLong = "workshop.text_too_long" { count, max };
        WorkshopScore = "workshop.score" { points, total };
        WorkshopChoiceConvincing = "workshop.choice.convincing";
        WorkshopChoiceMixed = "workshop.choice.mixed";
        WorkshopChoiceRework = "workshop.choice.rework";
        WorkshopDraftShared = "workshop.draft.shared" { number };
        WorkshopDraftShareEmpty = "workshop.draft.share_empty";
        WorkshopDraftAlready = "workshop.draft.already" { number };
        WorkshopDraftShareLimit = "workshop.draft.share_limit" { max };
        WorkshopWithdrawButton = "workshop.draft.withdraw_button";
        WorkshopDraftWithdrawn = "workshop.draft.withdrawn" { number };
        WorkshopDraftUnknown = "workshop.draft.unknown" { number };
        WorkshopDraftTitle = "workshop.draft.title" { number };
        WorkshopDraftsEmpty = "workshop.drafts.empty";
        WorkshopDraftsHeader = "workshop.drafts.header" { count };
        WorkshopDraftsLine = "workshop.drafts.line" { number, characters, date, start };
        WorkshopModelTitle = "workshop.vote.model_title" { number, title };
        WorkshopNoModel = "workshop.vote.no_model" { number, max };
        WorkshopVoteDraftUnknown = "workshop.vote.draft_unknown" { number };
        WorkshopVoteHeaderModel = "workshop.vote.header_model" { title };
        WorkshopVoteHeaderDraft = "workshop.vote.header_draft" { title };
        WorkshopVoteFooter = "workshop.vote.footer";
        WorkshopThread = "workshop.vote.thread" { title };
        WorkshopAlreadyPosted = "workshop.vote.already_posted" { titles };
        WorkshopPosted = "workshop.vote.posted" { posts };
        WorkshopDraftPosted = "workshop.draft.posted" { number };
        WorkshopVoteBadChoice = "workshop.vote.bad_choice";
        WorkshopVoteUnknown = "workshop.vote.unknown";
        WorkshopVoteClosed = "workshop.vote.closed";
        WorkshopVoteTeacher = "workshop.vote.teacher";
        WorkshopVoteOwnDraft = "workshop.vote.own_draft";
        WorkshopVoteRecorded = "workshop.vote.recorded" { choice, title };
        WorkshopVoteChanged = "workshop.vote.changed" { choice, title, before };
        WorkshopVoteSame = "workshop.vote.same" { choice, title };
        WorkshopVoteNoneOpen = "workshop.vote.none_open";
        WorkshopTallyHeader = "workshop.tally.header" { posts, voters };
        WorkshopPosts = "workshop.tally.posts" { n };
        WorkshopVoters = "workshop.tally.voters" { n };
        WorkshopVotes = "workshop.tally.votes" { n };
        WorkshopTallyLine = "workshop.tally.line" { title, convincing, mixed, rework, votes };
        WorkshopTallyFavourite = "workshop.tally.favourite" { title, convincing, votes };
        WorkshopTallyTie = "workshop.tally.tie" { titles, convincing };
        WorkshopTallyNoFavourite = "workshop.tally.no_favourite";
        WorkshopTallyNotes = "workshop.tally.notes";
        WorkshopTallyNote = "workshop.tally.note" { title, note };
        WorkshopNoGrid = "workshop.written.no_grid" { question, list };
        WorkshopModelHeader = "workshop.model.header" { question, points };
        WorkshopModelLocked = "workshop.model.locked";
        WorkshopModelWrite = "workshop.model.write" { question };
        WorkshopWrittenEmpty = "workshop.written.empty";
        WorkshopWrittenSaved = "workshop.written.saved" { number, question, characters, points };
        WorkshopCriterionLine = "workshop.written.criterion_line" { number, label, points };
        WorkshopSelfPlaceholder = "workshop.written.self_placeholder";
        WorkshopGradePlaceholder = "workshop.written.grade_placeholder";
        WorkshopMet = "workshop.written.met" { label, points };
        WorkshopMissed = "workshop.written.missed" { label, points, explanation };
        WorkshopAnswerNotYours = "workshop.written.not_yours" { number };
        WorkshopCriteriaUnknown = "workshop.written.criteria_unknown" { given, max };
        WorkshopSelfResult = "workshop.written.self_result" { question, score };
        WorkshopSelfFooter = "workshop.written.self_footer" { question };
        WorkshopQueueEmpty = "workshop.grade.queue_empty";
        WorkshopQueueHeader = "workshop.grade.queue_header" { to_grade, total };
        WorkshopQueueLine = "workshop.grade.queue_line" { number, question, name, date, state };
        WorkshopQueueMore = "workshop.grade.queue_more" { count };
        WorkshopStateGraded = "workshop.grade.state_graded" { score };
        WorkshopStateSelf = "workshop.grade.state_self" { score };
        WorkshopStateTodo = "workshop.grade.state_todo";
        WorkshopAnswerUnknown = "workshop.grade.unknown" { number };
        WorkshopSelfNone = "workshop.grade.self_none";
        WorkshopSelfSummary = "workshop.grade.self_summary" { score, ticked };
        WorkshopSelfNothing = "workshop.grade.self_nothing";
        WorkshopAlreadyGraded = "workshop.grade.already_graded" { score };
        WorkshopGradeShow = "workshop.grade.show" { number, question, name, date, characters, text, self_assessment, graded };
        WorkshopGradeHow = "workshop.grade.how" { number };
        WorkshopGradeSaved = "workshop.grade.saved" { number, name, question, score };
        WorkshopGradeUpdated = "workshop.grade.updated" { number, name, question, score, before };
        WorkshopGradeNotice = "workshop.grade.notice" { question, score };
        WorkshopNextButton = "workshop.grade.next_button" { number };
        WorkshopFirstButton = "workshop.grade.first_button" { number };
    ]
    /// The LinkedIn workshop's texts (`prompts/fr/linkedin.toml`).
    LINKEDIN = [
        LinkedinFeedbackHeader = "linkedin.feedback.header" { met, total };
        LinkedinFeedbackMet = "linkedin.feedback.met" { label, tip };
        LinkedinFeedbackNotMet = "linkedin.feedback.not_met" { label, tip };
        LinkedinFeedbackCounts = "linkedin.feedback.counts" { characters, max, before_more, hashtags, emoji };
        LinkedinModelsHeader = "linkedin.models.header" { question, count };
        LinkedinModelsItem = "linkedin.models.item" { number, title };
        LinkedinModelsCounts = "linkedin.models.counts" { characters, before_more, hashtags, emoji };
        LinkedinModelsNote = "linkedin.models.note" { note };
        LinkedinModelsNone = "linkedin.models.none" { case };
        LinkedinCheckNoRules = "linkedin.check.no_rules" { case };
        LinkedinCheckUnreadable = "linkedin.check.unreadable" { file, error };
        LinkedinCheckNotFound = "linkedin.check.not_found" { file };
        LinkedinCheckNotText = "linkedin.check.not_text" { file };
        LinkedinGridHeader = "linkedin.grid.header" { question, points };
        LinkedinGridNumeric = "linkedin.grid.numeric" { points, written };
        LinkedinGridCriterion = "linkedin.grid.criterion" { label, points, explanation };
        LinkedinGridNone = "linkedin.grid.none" { case };
        LinkedinGridUnknown = "linkedin.grid.unknown" { id, list };
    ]
    /// The texts the charts draw (`prompts/fr/charts.toml`).
    CHARTS = [
        ChartPeriodFirst = "chart.period.first";
        ChartPeriodSecond = "chart.period.second";
        ChartTrafficTitle = "chart.traffic.title";
        ChartTrafficSubtitle = "chart.traffic.subtitle";
        ChartTrafficSource = "chart.traffic.source";
        ChartSessionsTitle = "chart.sessions.title";
        ChartSessionsSubtitle = "chart.sessions.subtitle";
        ChartSessionsSource = "chart.sessions.source";
        ChartOriginOrganic = "chart.origin.organic";
        ChartOriginDirect = "chart.origin.direct";
        ChartOriginSocial = "chart.origin.social";
        ChartOriginPaid = "chart.origin.paid";
        ChartOriginDisplay = "chart.origin.display";
        ChartOriginEmail = "chart.origin.email";
        ChartOriginReferral = "chart.origin.referral";
        ChartEvolutionTitle = "chart.evolution.title";
        ChartEvolutionSubtitle = "chart.evolution.subtitle";
        ChartEvolutionSource = "chart.evolution.source";
        ChartEvolutionNote = "chart.evolution.note" { from, to, diff, evolution };
        ChartSiteUsers = "chart.site.users";
        ChartSiteNewUsers = "chart.site.new_users";
        ChartSiteSessions = "chart.site.sessions";
        ChartSiteSessionsPerUser = "chart.site.sessions_per_user";
        ChartSitePageviews = "chart.site.pageviews";
        ChartSitePagesPerSession = "chart.site.pages_per_session";
        ChartSiteDuration = "chart.site.duration";
        ChartAdsTitle = "chart.ads.title";
        ChartAdsSubtitle = "chart.ads.subtitle";
        ChartAdsSource = "chart.ads.source";
        ChartAdsGoogle = "chart.ads.google";
        ChartAdsFacebook = "chart.ads.facebook";
        ChartAdsCostPerSale = "chart.ads.cost_per_sale";
        ChartAdsConversion = "chart.ads.conversion";
        ChartAdsRoas = "chart.ads.roas";
        ChartAdsLowerBetter = "chart.ads.lower_better";
        ChartAdsHigherBetter = "chart.ads.higher_better";
        ChartSegmentsTitle = "chart.segments.title";
        ChartSegmentsSubtitle = "chart.segments.subtitle";
        ChartSegmentsSource = "chart.segments.source";
        ChartSegmentsB2c = "chart.segments.b2c";
        ChartSegmentsB2b = "chart.segments.b2b";
        ChartSegmentsShare = "chart.segments.share" { segment, value };
        ChartSegmentsRevenue = "chart.segments.revenue" { total };
        ChartSegmentsOrders = "chart.segments.orders" { total };
        ChartSegmentsTrees = "chart.segments.trees" { total };
        ChartLinkedinTitle = "chart.linkedin.title";
        ChartLinkedinSubtitle = "chart.linkedin.subtitle";
        ChartLinkedinSource = "chart.linkedin.source";
        ChartLinkedinBudget = "chart.linkedin.budget";
        ChartLinkedinClicks = "chart.linkedin.clicks";
        ChartLinkedinOrders = "chart.linkedin.orders";
        ChartLinkedinRevenue = "chart.linkedin.revenue";
        ChartLinkedinByCpc = "chart.linkedin.by_cpc" { value };
        ChartLinkedinByConversion = "chart.linkedin.by_conversion" { value };
        ChartLinkedinByBasket = "chart.linkedin.by_basket" { value };
        ChartLinkedinRoas = "chart.linkedin.roas" { value };
        ChartLinkedinRoasMeaning = "chart.linkedin.roas_meaning" { value };
        ChartHiddenMark = "chart.hidden.mark";
        ChartHiddenFooter = "chart.hidden.footer" { source };
        ChartAnswersTitle = "chart.answers.title";
        ChartAnswersRight = "chart.answers.right" { value };
        ChartAnswersNone = "chart.answers.none";
        ChartAnswersOffLow = "chart.answers.off_low" { n };
        ChartAnswersOffHigh = "chart.answers.off_high" { n };
        ChartAnswersCorrect = "chart.answers.correct" { n };
        ChartAnswersClose = "chart.answers.close" { n };
        ChartAnswersWrong = "chart.answers.wrong" { n };
        ChartPodiumTitle = "chart.podium.title";
        ChartPodiumRank = "chart.podium.rank" { n };
        ChartPodiumMore = "chart.podium.more" { n };
        ChartPoints = "chart.points.count" { n };
        ChartScoresTitle = "chart.scores.title";
        ChartScoresSubtitle = "chart.scores.subtitle" { students, max };
        ChartScoresStudents = "chart.scores.students" { n };
        ChartScoresMean = "chart.scores.mean" { value };
        ChartResultsTitle = "chart.results.title";
        ChartResultsLine = "chart.results.line" { earned, possible, percent };
        ChartResultsTotal = "chart.results.total" { earned, possible, percent };
        ChartResultsMore = "chart.results.more" { n };
        ChartVotesTitle = "chart.votes.title";
        ChartVotesSubtitle = "chart.votes.subtitle" { posts, voters };
        ChartVotesPosts = "chart.votes.posts" { n };
        ChartVotesVoters = "chart.votes.voters" { n };
        ChartVotesVotes = "chart.votes.votes" { n };
        ChartVotesConvincing = "chart.votes.convincing";
        ChartVotesMixed = "chart.votes.mixed";
        ChartVotesRework = "chart.votes.rework";
        ChartVotesMore = "chart.votes.more" { n };
    ]
    @family
    /// A draft criterion's label or outcome (`prompts/fr/linkedin.toml`): every one is given the
    /// same figures of the draft.
    LINKEDIN_CRITERIA = LinkedinCriterion { found, count, min, max, total, excess, company, author, role } LinkedinCriterionText [
        HookLabel = "linkedin.criterion.hook.label",
        HookOk = "linkedin.criterion.hook.ok",
        HookEmpty = "linkedin.criterion.hook.empty",
        HookTooLong = "linkedin.criterion.hook.too_long",
        HookGeneric = "linkedin.criterion.hook.generic",
        HookAlone = "linkedin.criterion.hook.alone",
        LengthLabel = "linkedin.criterion.length.label",
        LengthOk = "linkedin.criterion.length.ok",
        LengthTooLong = "linkedin.criterion.length.too_long",
        LengthTooShort = "linkedin.criterion.length.too_short",
        QuoteLabel = "linkedin.criterion.quote.label",
        QuoteOk = "linkedin.criterion.quote.ok",
        QuoteNone = "linkedin.criterion.quote.none",
        QuoteOther = "linkedin.criterion.quote.other",
        QuoteUnquoted = "linkedin.criterion.quote.unquoted",
        QuoteAltered = "linkedin.criterion.quote.altered",
        AttributionLabel = "linkedin.criterion.attribution.label",
        AttributionName = "linkedin.criterion.attribution.name",
        AttributionRole = "linkedin.criterion.attribution.role",
        AttributionMissing = "linkedin.criterion.attribution.missing",
        ConsentLabel = "linkedin.criterion.consent.label",
        ConsentOk = "linkedin.criterion.consent.ok",
        ConsentMissing = "linkedin.criterion.consent.missing",
        TagLabel = "linkedin.criterion.tag.label",
        TagOk = "linkedin.criterion.tag.ok",
        TagNotTagged = "linkedin.criterion.tag.not_tagged",
        TagMissing = "linkedin.criterion.tag.missing",
        OfferLabel = "linkedin.criterion.offer.label",
        OfferOk = "linkedin.criterion.offer.ok",
        OfferDelivery = "linkedin.criterion.offer.delivery",
        OfferMissing = "linkedin.criterion.offer.missing",
        OfferStoryOnly = "linkedin.criterion.offer.story_only",
        OfferQuestionOnly = "linkedin.criterion.offer.question_only",
        CtaLabel = "linkedin.criterion.cta.label",
        CtaOk = "linkedin.criterion.cta.ok",
        CtaMissing = "linkedin.criterion.cta.missing",
        HashtagsLabel = "linkedin.criterion.hashtags.label",
        HashtagsOk = "linkedin.criterion.hashtags.ok",
        HashtagsFew = "linkedin.criterion.hashtags.few",
        HashtagsMany = "linkedin.criterion.hashtags.many",
        HashtagsDuplicate = "linkedin.criterion.hashtags.duplicate",
        VisualLabel = "linkedin.criterion.visual.label",
        VisualOk = "linkedin.criterion.visual.ok",
        VisualMissing = "linkedin.criterion.visual.missing",
        EmojiLabel = "linkedin.criterion.emoji.label",
        EmojiOk = "linkedin.criterion.emoji.ok",
        EmojiTooMany = "linkedin.criterion.emoji.too_many",
    ]
}

/// The old names of the bot's texts, while the code moves to the typed registry.
#[doc(hidden)]
pub mod legacy {
    pub const CHECK_CORRECT: &str = "check.correct";
    pub const CHECK_CORRECT_ROUNDED: &str = "check.correct_rounded";
    pub const CHECK_CORRECT_TOLERANCE: &str = "check.correct_tolerance";
    pub const CHECK_CLOSE_IMPRECISE: &str = "check.close_imprecise";
    pub const CHECK_CLOSE_TRUNCATED: &str = "check.close_truncated";
    pub const CHECK_CLOSE_NEAR: &str = "check.close_near";
    pub const CHECK_CLOSE_UNIT: &str = "check.close_unit";
    pub const CHECK_WRONG: &str = "check.wrong";
    pub const CHECK_MISTAKE_RATIO_FOR_PERCENT: &str = "check.mistake.ratio_for_percent";
    pub const CHECK_MISTAKE_INVERTED: &str = "check.mistake.inverted";
    pub const CHECK_MISTAKE_WRONG_BASE: &str = "check.mistake.wrong_base";
    pub const CHECK_MISTAKE_COEFFICIENT: &str = "check.mistake.coefficient";
    pub const CHECK_MISTAKE_SIGN: &str = "check.mistake.sign_error";
    pub const CHECK_MISTAKE_POINTS_FOR_PERCENT: &str = "check.mistake.points_for_percent";
    pub const CHECK_MISTAKE_PERCENT_FOR_POINTS: &str = "check.mistake.percent_for_points";
    pub const CHECK_MISTAKE_SIGN_RESULT: &str = "check.mistake.sign_result";
    pub const CHECK_MISTAKE_SIGN_POSITIVE: &str = "check.mistake.sign_positive";
    pub const CHECK_MISTAKE_SHARE_GAP: &str = "check.mistake.share_gap";
    pub const CHECK_MISTAKE_SHARE_EVOLUTION: &str = "check.mistake.share_evolution";
    pub const CHECK_CLOSE_WHOLE: &str = "check.close_whole";
    pub const CHECK_CLOSE_WHOLE_FROM: &str = "check.close_whole_from";
    pub const CHECK_INVALID_PERCENT_ON_RATIO: &str = "check.invalid.percent_on_ratio";
    pub const CHECK_INVALID_EMPTY: &str = "check.invalid.empty";
    pub const CHECK_INVALID_NO_NUMBER: &str = "check.invalid.no_number";
    pub const CHECK_INVALID_SEVERAL: &str = "check.invalid.several_numbers";
    pub const CHECK_INVALID_GROUPING: &str = "check.invalid.grouping";
    pub const CHECK_INVALID_AMBIGUOUS_DOT: &str = "check.invalid.ambiguous_dot";
    pub const CHECK_INVALID_LEFTOVER: &str = "check.invalid.leftover";
    pub const CHECK_INVALID_DIGITS: &str = "check.invalid.too_many_digits";
    pub const CHECK_INVALID_RANGE: &str = "check.invalid.out_of_range";
    pub const CHECK_INVALID_SIGN: &str = "check.invalid.contradictory_sign";
    pub const CHECK_INVALID_UNIT: &str = "check.invalid.unit";
    pub const CHECK_INVALID_WORDS: &str = "check.invalid.words";
    pub const CHECK_FREE: &str = "check.free";
    pub const UNIT_COUNT: &str = "unit.count";
    pub const UNIT_EUR: &str = "unit.eur";
    pub const UNIT_PERCENT: &str = "unit.percent";
    pub const UNIT_POINTS: &str = "unit.points";
    pub const UNIT_RATIO: &str = "unit.ratio";
    pub const UNIT_SECONDS: &str = "unit.seconds";
    pub const DECIMALS_NONE: &str = "decimals.none";
    pub const DECIMALS: &str = "decimals.some";
    pub const KPI_HEADER: &str = "kpi.header";
    pub const KPI_FORMULA: &str = "kpi.formula";
    pub const KPI_INPUTS: &str = "kpi.inputs";
    pub const KPI_INPUT_ANNEX: &str = "kpi.input_annex";
    pub const KPI_INPUT_ANNEX_SHOWN: &str = "kpi.input_annex_shown";
    pub const KPI_INPUT_CONSTANT: &str = "kpi.input_constant";
    pub const KPI_INPUT_COMPUTED: &str = "kpi.input_computed";
    pub const KPI_INPUT_COMPUTED_PART: &str = "kpi.input_computed_part";
    pub const KPI_CALCULATION: &str = "kpi.calculation";
    pub const KPI_ROUNDED_INPUTS: &str = "kpi.rounded_inputs";
    pub const KPI_CALCULATION_APPROX: &str = "kpi.calculation_approx";
    pub const KPI_EXACT_INPUTS: &str = "kpi.exact_inputs";
    pub const KPI_EXACT_INPUT: &str = "kpi.exact_input";
    pub const KPI_SHOWN_FIGURES: &str = "kpi.shown_figures";
    pub const KPI_SHOWN_FIGURES_ACCEPTED: &str = "kpi.shown_figures_accepted";
    pub const KPI_UNKNOWN: &str = "kpi.unknown";
    pub const KPI_LIST_HEADER: &str = "kpi.list_header";
    pub const KPI_SEVERAL: &str = "kpi.several";
    pub const KPI_SEVERAL_LINE: &str = "kpi.several_line";
    pub const KPI_SEVERAL_MORE: &str = "kpi.several_more";
    pub const KPI_SEVERAL_HINT: &str = "kpi.several_hint";
    pub const KPI_SEVERAL_LINE_PART: &str = "kpi.several_line_part";
    pub const KPI_SEVERAL_LINE_LABEL: &str = "kpi.several_line_label";
    pub const KPI_SEVERAL_HINT_CLASS: &str = "kpi.several_hint_class";
    pub const KPI_USAGE: &str = "kpi.usage";
    pub const HINT_FORMULA: &str = "hint.formula";
    pub const HINT_WHERE: &str = "hint.where";
    pub const HINT_FIRST_STEP: &str = "hint.first_step";
    pub const HINT_FIRST_STEP_NONE: &str = "hint.first_step_none";
    pub const HINT_FIRST_STEP_COMPUTES: &str = "hint.first_step_computes";
    pub const HINT_FORMULA_TOLD: &str = "hint.formula_told";
    pub const HINT_WHERE_TOO: &str = "hint.where_too";
    pub const HINT_FORMULA_APPLIED: &str = "hint.formula_applied";
    pub const HINT_WHERE_LINE: &str = "hint.where_line";
    pub const HINT_WHERE_LINE_ANNEX: &str = "hint.where_line_annex";
    pub const HINT_WHERE_CONSTANT: &str = "hint.where_constant";
    pub const HINT_ANNEX: &str = "hint.annex";
    pub const HINT_ANNEX_SHOWN: &str = "hint.annex_shown";
    pub const HINT_PLACE_ROW: &str = "hint.place_row";
    pub const HINT_PLACE_ROW_COLUMN: &str = "hint.place_row_column";
    pub const HINT_PLACE_TABLE: &str = "hint.place_table";
    pub const ANNEX_HEADER: &str = "annex.header";
    pub const ANNEX_COLUMNS: &str = "annex.columns";
    pub const ANNEX_UNKNOWN: &str = "annex.unknown";
    pub const QUESTION_HEADER: &str = "question.header";
    pub const QUESTION_HEADER_NO_ANNEX: &str = "question.header_no_annex";
    pub const QUESTION_PARTS: &str = "question.parts";
    pub const QUESTION_PARTS_COUNT: &str = "question.parts_count";
    pub const QUESTION_PART_LINE: &str = "question.part_line";
    pub const QUESTION_CONSIGNE_LINE: &str = "question.consigne_line";
    pub const QUESTION_HELP: &str = "question.help";
    pub const QUESTION_OPEN: &str = "question.open";
    pub const QUESTION_UNKNOWN: &str = "question.unknown";
    pub const PART_HEADER: &str = "part.header";
    pub const POINTS: &str = "points.count";
    pub const ANNEX_WORD: &str = "annex.word";
    pub const PLAY_INTERNAL_ERROR: &str = "play.internal_error";
    pub const PLAY_DUPLICATE: &str = "play.duplicate";
    pub const PLAY_TEACHER_ONLY: &str = "play.teacher_only";
    pub const PLAY_HELP_TEACHER: &str = "play.help_teacher";
    pub const PLAY_HELP_STUDENT: &str = "play.help_student";
    pub const PLAY_KPI_LOCKED: &str = "play.kpi_locked";
    pub const PLAY_ANNEX_HIDDEN: &str = "play.annex_hidden";
    pub const PLAY_ANNEX_HIDDEN_QUIZ: &str = "play.annex_hidden_quiz";
    pub const PLAY_SEALED_FIGURE: &str = "play.sealed_figure";
    pub const PLAY_CONFIG_NONE: &str = "play.config.none";
    pub const PLAY_CONFIG_SHOW: &str = "play.config.show";
    pub const PLAY_CONFIG_SAVED: &str = "play.config.saved";
    pub const PLAY_QUIZ_WRONG_CHANNEL: &str = "play.quiz.wrong_channel";
    pub const PLAY_QUIZ_EMPTY: &str = "play.quiz.empty";
    pub const PLAY_UNKNOWN_SCOPE: &str = "play.unknown_scope";
    pub const PLAY_QUIZ_BAD_TIME: &str = "play.quiz.bad_time";
    pub const PLAY_QUIZ_ALREADY: &str = "play.quiz.already";
    pub const PLAY_QUIZ_LAUNCHED: &str = "play.quiz.launched";
    pub const PLAY_QUIZ_EARLY_CLOSE: &str = "play.quiz.early_close";
    pub const PLAY_QUIZ_FULL_TIME: &str = "play.quiz.full_time";
    pub const PLAY_QUIZ_BONUS_SPEED: &str = "play.quiz.bonus_speed";
    pub const PLAY_QUIZ_BONUS_STREAK: &str = "play.quiz.bonus_streak";
    pub const PLAY_QUIZ_NONE: &str = "play.quiz.none";
    pub const PLAY_QUIZ_NONE_YET: &str = "play.quiz.none_yet";
    pub const PLAY_QUIZ_ALREADY_PAUSED: &str = "play.quiz.already_paused";
    pub const PLAY_QUIZ_PAUSED: &str = "play.quiz.paused";
    pub const PLAY_QUIZ_NOT_PAUSED: &str = "play.quiz.not_paused";
    pub const PLAY_QUIZ_RESUMED: &str = "play.quiz.resumed";
    pub const PLAY_QUIZ_SKIPPED: &str = "play.quiz.skipped";
    pub const PLAY_QUIZ_BAD_EXTEND: &str = "play.quiz.bad_extend";
    pub const PLAY_QUIZ_NOTHING_OPEN: &str = "play.quiz.nothing_open";
    pub const PLAY_QUIZ_EXTENDED: &str = "play.quiz.extended";
    pub const PLAY_QUIZ_STOPPED: &str = "play.quiz.stopped";
    pub const PLAY_QUIZ_STOPPED_ACK: &str = "play.quiz.stopped_ack";
    pub const PLAY_QUIZ_STOPPED_SENT_ANNOUNCEMENT: &str = "play.quiz.stopped_sent_announcement";
    pub const PLAY_QUIZ_STOPPED_SENT_REVEAL: &str = "play.quiz.stopped_sent_reveal";
    pub const PLAY_QUIZ_STOPPED_SENT_PODIUM: &str = "play.quiz.stopped_sent_podium";
    pub const PLAY_QUIZ_STOPPED_SENT_SUMMARIES: &str = "play.quiz.stopped_sent_summaries";
    pub const PLAY_QUIZ_STOPPED_SENT_AND: &str = "play.quiz.stopped_sent_and";
    pub const PLAY_QUIZ_ITEM_CLOSED: &str = "play.quiz.item_closed";
    pub const PLAY_QUIZ_IS_PAUSED: &str = "play.quiz.is_paused";
    pub const PLAY_QUIZ_ALREADY_ANSWERED: &str = "play.quiz.already_answered";
    pub const PLAY_QUIZ_JUST_CLOSED: &str = "play.quiz.just_closed";
    pub const PLAY_HINT_JUST_CLOSED: &str = "play.hint.just_closed";
    pub const PLAY_QUIZ_ENDED_LATE: &str = "play.quiz.ended_late";
    pub const PLAY_PRACTICE_NO_SOLUTION_DURING_QUIZ: &str = "play.practice.no_solution_during_quiz";
    pub const PLAY_QUIZ_ANSWER_SAVED: &str = "play.quiz.answer_saved";
    pub const PLAY_QUIZ_ABOUT: &str = "play.quiz.about";
    pub const PLAY_QUIZ_QUESTION: &str = "play.quiz.question";
    pub const PLAY_QUIZ_REVEAL: &str = "play.quiz.reveal";
    pub const PLAY_QUIZ_STATS: &str = "play.quiz.stats";
    pub const PLAY_QUIZ_STATS_UNANSWERED: &str = "play.quiz.stats_unanswered";
    pub const PLAY_QUIZ_STATS_NOBODY: &str = "play.quiz.stats_nobody";
    pub const PLAY_QUIZ_CLOSED_TIME: &str = "play.quiz.closed_time";
    pub const PLAY_QUIZ_CLOSED_EVERYONE: &str = "play.quiz.closed_everyone";
    pub const PLAY_QUIZ_CLOSED_TEACHER: &str = "play.quiz.closed_teacher";
    pub const PLAY_QUIZ_CLOSED_STOPPED: &str = "play.quiz.closed_stopped";
    pub const PLAY_POINTS_OF: &str = "play.points_of";
    pub const PLAY_COUNT_CORRECT: &str = "play.count.correct";
    pub const PLAY_COUNT_OTHERS: &str = "play.count.others";
    pub const PLAY_COUNT_SETTLED: &str = "play.count.settled";
    pub const PLAY_QUIZ_COMMON_MISTAKE: &str = "play.quiz.common_mistake";
    pub const PLAY_NOT_SAVED: &str = "play.not_saved";
    pub const PLAY_HINT_AFTER_ANSWER: &str = "play.hint.after_answer";
    pub const PLAY_HINT_NO_MORE: &str = "play.hint.no_more";
    pub const PLAY_HINT_OFFER: &str = "play.hint.offer";
    pub const PLAY_BUTTON_HINT_CONFIRM: &str = "play.button.hint_confirm";
    pub const PLAY_BUTTON_ANSWER: &str = "play.button.answer";
    pub const PLAY_BUTTON_HINT: &str = "play.button.hint";
    pub const PLAY_PRACTICE_NONE: &str = "play.practice.none";
    pub const PLAY_PRACTICE_STARTED: &str = "play.practice.started";
    pub const PLAY_PRACTICE_STARTED_SOME: &str = "play.practice.started_some";
    pub const PLAY_PRACTICE_STARTED_FREE: &str = "play.practice.started_free";
    pub const PLAY_PRACTICE_REPLACED: &str = "play.practice.replaced";
    pub const PLAY_PRACTICE_DURING_QUIZ: &str = "play.practice.during_quiz";
    pub const PLAY_PRACTICE_PAUSED_BY_QUIZ: &str = "play.practice.paused_by_quiz";
    pub const PLAY_PRACTICE_ABOUT: &str = "play.practice.about";
    pub const PLAY_PRACTICE_STEP: &str = "play.practice.step";
    pub const PLAY_PRACTICE_DONE: &str = "play.practice.done";
    pub const PLAY_PRACTICE_DONE_FREE: &str = "play.practice.done_free";
    pub const PLAY_N_RIGHT: &str = "play.practice.right";
    pub const PLAY_PRACTICE_CHEER_ALL: &str = "play.practice.cheer_all";
    pub const PLAY_PRACTICE_CHEER_ALL_HELPED: &str = "play.practice.cheer_all_helped";
    pub const PLAY_PRACTICE_CHEER_GOOD: &str = "play.practice.cheer_good";
    pub const PLAY_PRACTICE_CHEER_KEEP: &str = "play.practice.cheer_keep";
    pub const PLAY_PRACTICE_EARNED: &str = "play.practice.earned";
    pub const PLAY_PRACTICE_AGAIN: &str = "play.practice.again";
    pub const PLAY_PRACTICE_RETRY_FREE: &str = "play.practice.retry_free";
    pub const PLAY_PRACTICE_NO_MORE_TRIES: &str = "play.practice.no_more_tries";
    pub const PLAY_PRACTICE_RETRY: &str = "play.practice.retry";
    pub const PLAY_PRACTICE_GAVE_UP: &str = "play.practice.gave_up";
    pub const PLAY_BOARD_EMPTY: &str = "play.board.empty";
    pub const PLAY_BOARD_LINE: &str = "play.board.line";
    pub const PLAY_BOARD_MORE: &str = "play.board.more";
    pub const PLAY_BOARD_QUIZ: &str = "play.board.quiz";
    pub const PLAY_BOARD_WEEK: &str = "play.board.week";
    pub const PLAY_BOARD_MONTH: &str = "play.board.month";
    pub const PLAY_BOARD_ALL: &str = "play.board.all";
    pub const PLAY_BOARD_QUESTION: &str = "play.board.question";
    pub const PLAY_BOARD_FINAL: &str = "play.board.final";
    pub const PLAY_BOARD_RESET_DONE: &str = "play.board.reset_done";
    pub const PLAY_PODIUM_TITLE: &str = "play.podium.title";
    pub const PLAY_PODIUM_EMPTY: &str = "play.podium.empty";
    pub const PLAY_PODIUM_LINE: &str = "play.podium.line";
    pub const PLAY_PODIUM_NAMES_MORE: &str = "play.podium.names_more";
    pub const PLAY_SUMMARY: &str = "play.summary.text";
    pub const PLAY_SUMMARY_RANK: &str = "play.summary.rank";
    pub const PLAY_SUMMARY_ALL_RIGHT_HINTS: &str = "play.summary.all_right_hints";
    pub const PLAY_SUMMARY_MISSED: &str = "play.summary.missed";
    pub const PLAY_SUMMARY_REVISE: &str = "play.summary.revise";
    pub const PLAY_SUMMARY_PERFECT: &str = "play.summary.perfect";
    pub const PLAY_SUMMARY_TO_REVISE: &str = "play.summary.to_revise";
    pub const PLAY_EXPORT_READY: &str = "play.export_ready";
    pub const PLAY_MY_DATA: &str = "play.my_data";
    pub const PLAY_FORGOTTEN: &str = "play.forgotten";
    pub const PLAY_FORGET_DURING_QUIZ: &str = "play.forget_during_quiz";
    pub const PLAY_FORGET_CONFIRM: &str = "play.forget_confirm";
    pub const PLAY_ERASE_CONFIRM: &str = "play.erase.confirm";
    pub const PLAY_ERASED: &str = "play.erase.done";
    pub const MISTAKE_RATIO_FOR_PERCENT: &str = "mistake.ratio_for_percent";
    pub const MISTAKE_INVERTED: &str = "mistake.inverted";
    pub const MISTAKE_WRONG_BASE: &str = "mistake.wrong_base";
    pub const MISTAKE_COEFFICIENT: &str = "mistake.coefficient";
    pub const MISTAKE_SIGN_ERROR: &str = "mistake.sign_error";
    pub const MISTAKE_POINTS_FOR_PERCENT: &str = "mistake.points_for_percent";
    pub const MISTAKE_PERCENT_FOR_POINTS: &str = "mistake.percent_for_points";
    pub const MISTAKE_SHARE_GAP: &str = "mistake.share_gap";
    pub const MISTAKE_SHARE_EVOLUTION: &str = "mistake.share_evolution";
    pub const MISTAKE_DECLARED: &str = "mistake.declared";
    pub const MISTAKE_OTHER: &str = "mistake.other";
    pub const DISCORD_COUNTDOWN: &str = "discord.countdown";
    pub const DISCORD_GUILD_ONLY: &str = "discord.guild_only";
    pub const DISCORD_DONE: &str = "discord.done";
    pub const DISCORD_OUTDATED: &str = "discord.outdated";
    pub const DISCORD_UNKNOWN_BUTTON: &str = "discord.unknown_button";
    pub const DISCORD_FORM_TITLE: &str = "discord.form.title";
    pub const DISCORD_FORM_LABEL: &str = "discord.form.label";
    pub const DISCORD_FORM_PLACEHOLDER: &str = "discord.form.placeholder";
    pub const COUNT_CALCUL: &str = "count.calcul.count";
    pub const COUNT_QUESTION: &str = "count.question.count";
    pub const PLAY_DISTRIBUTION: &str = "play.quiz.distribution";
    pub const PLAY_NO_WORKSHOP: &str = "play.no_workshop";
    pub const DISCORD_DRAFT_TITLE: &str = "discord.draft.title";
    pub const DISCORD_DRAFT_LABEL: &str = "discord.draft.label";
    pub const DISCORD_DRAFT_PLACEHOLDER: &str = "discord.draft.placeholder";
    pub const DISCORD_POST_FAILED: &str = "discord.post_failed";
    pub const DISCORD_WRITTEN_TITLE: &str = "discord.written.title";
    pub const DISCORD_WRITTEN_LABEL: &str = "discord.written.label";
    pub const DISCORD_WRITTEN_PLACEHOLDER: &str = "discord.written.placeholder";
    pub const CONSOLE_DRAFT_START: &str = "console.draft_start";
    pub const CONSOLE_USAGE: &str = "console.usage";
    pub const CONSOLE_BANNER: &str = "console.banner";
    pub const CONSOLE_NO_TOKEN: &str = "console.no_token";
    pub const CONSOLE_COUNTDOWN: &str = "console.countdown";
    pub const CONSOLE_BUTTONS: &str = "console.buttons";
    pub const CONSOLE_PRIVATE: &str = "console.private";
    pub const CONSOLE_CHANNEL: &str = "console.channel";
    pub const CONSOLE_USAGE_ANNEX: &str = "console.usage_annex";
    pub const CONSOLE_USAGE_EXTEND: &str = "console.usage_extend";
    pub const CONSOLE_USAGE_QUIZ: &str = "console.usage_quiz";
    pub const CONSOLE_USAGE_LAUNCH: &str = "console.usage_launch";
    pub const CONSOLE_USAGE_BOARD: &str = "console.usage_board";
    pub const CONSOLE_USAGE_WITHDRAW: &str = "console.usage_withdraw";
    pub const CONSOLE_USAGE_VOTE: &str = "console.usage_vote";
    pub const CONSOLE_USAGE_VOTER: &str = "console.usage_voter";
    pub const CONSOLE_USAGE_WRITTEN: &str = "console.usage_written";
    pub const CONSOLE_USAGE_TICK: &str = "console.usage_tick";
    pub const CONSOLE_USAGE_GRADE: &str = "console.usage_grade";
    pub const CONSOLE_WRITTEN_START: &str = "console.written_start";
    pub const CONSOLE_HOW_VOTE: &str = "console.how_vote";
    pub const CONSOLE_HOW_WITHDRAW: &str = "console.how_withdraw";
    pub const CONSOLE_HOW_SELF_ASSESS: &str = "console.how_self_assess";
    pub const CONSOLE_HOW_GRADE: &str = "console.how_grade";
    pub const CONSOLE_HOW_GRADE_SHOW: &str = "console.how_grade_show";
    pub const CONSOLE_THREAD: &str = "console.thread";
    pub const CONSOLE_FILE_FAILED: &str = "console.file_failed";
    pub const CONSOLE_NOT_TEXT: &str = "console.not_text";
    pub const CONSOLE_TOO_LONG: &str = "console.too_long";
    pub const CLI_VALIDATE_OK: &str = "cli.validate_ok";
    pub const CLI_NO_TOKEN: &str = "cli.no_token";
    pub const CLI_UNKNOWN_CASE: &str = "cli.unknown_case";
    pub const CLI_CHART_CLASS: &str = "cli.chart_class";
    pub const CLI_CHART_SAMPLE: &str = "cli.chart_sample";
    pub const CLI_CHART_NOTHING: &str = "cli.chart_nothing";
    pub const CLI_CHART_UNKNOWN: &str = "cli.chart_unknown";
    pub const CLI_CHART_WRITTEN: &str = "cli.chart_written";
    pub const CLI_CHART_ANNEXES: &str = "cli.chart_annexes";
    pub const CLI_CASE_HEADER: &str = "cli.case_header";
    pub const CLI_BACKUP_DONE: &str = "cli.backup_done";
    pub const CLI_BACKUP_EXISTS: &str = "cli.backup_exists";
    pub const CLI_BACKUP_NO_DATABASE: &str = "cli.backup_no_database";
    pub const CLI_BACKUP_FAILED: &str = "cli.backup_failed";
    pub const CLI_BACKUP_CAUSE_DB: &str = "cli.backup_cause_db";
    pub const CLI_BACKUP_CAUSE_CORRUPT: &str = "cli.backup_cause_corrupt";
    pub const PLAY_HINT_CLOSED: &str = "play.hint.closed";
    pub const PLAY_HINT_PAUSED: &str = "play.hint.paused";
    pub const PLAY_N_ANSWERS: &str = "play.count.answers";
    pub const PLAY_N_STUDENTS: &str = "play.count.students";
    pub const PLAY_EXPORT_SUMMARY: &str = "play.export_summary";
    pub const PLAY_N_MEMBERS: &str = "play.count.members";
    pub const PLAY_N_HINTS: &str = "play.count.hints";
    pub const PLAY_N_PRACTICES: &str = "play.count.practices";
    pub const PLAY_N_WRITTEN: &str = "play.count.written";
    pub const PLAY_N_DRAFTS: &str = "play.count.drafts";
    pub const WORKSHOP_TEXT_TOO_LONG: &str = "workshop.text_too_long";
    pub const WORKSHOP_SCORE: &str = "workshop.score";
    pub const WORKSHOP_CHOICE_CONVINCING: &str = "workshop.choice.convincing";
    pub const WORKSHOP_CHOICE_MIXED: &str = "workshop.choice.mixed";
    pub const WORKSHOP_CHOICE_REWORK: &str = "workshop.choice.rework";
    pub const WORKSHOP_DRAFT_SHARED: &str = "workshop.draft.shared";
    pub const WORKSHOP_DRAFT_SHARE_EMPTY: &str = "workshop.draft.share_empty";
    pub const WORKSHOP_DRAFT_ALREADY: &str = "workshop.draft.already";
    pub const WORKSHOP_DRAFT_SHARE_LIMIT: &str = "workshop.draft.share_limit";
    pub const WORKSHOP_WITHDRAW_BUTTON: &str = "workshop.draft.withdraw_button";
    pub const WORKSHOP_DRAFT_WITHDRAWN: &str = "workshop.draft.withdrawn";
    pub const WORKSHOP_DRAFT_UNKNOWN: &str = "workshop.draft.unknown";
    pub const WORKSHOP_DRAFT_TITLE: &str = "workshop.draft.title";
    pub const WORKSHOP_DRAFTS_EMPTY: &str = "workshop.drafts.empty";
    pub const WORKSHOP_DRAFTS_HEADER: &str = "workshop.drafts.header";
    pub const WORKSHOP_DRAFTS_LINE: &str = "workshop.drafts.line";
    pub const WORKSHOP_MODEL_TITLE: &str = "workshop.vote.model_title";
    pub const WORKSHOP_NO_MODEL: &str = "workshop.vote.no_model";
    pub const WORKSHOP_VOTE_DRAFT_UNKNOWN: &str = "workshop.vote.draft_unknown";
    pub const WORKSHOP_VOTE_HEADER_MODEL: &str = "workshop.vote.header_model";
    pub const WORKSHOP_VOTE_HEADER_DRAFT: &str = "workshop.vote.header_draft";
    pub const WORKSHOP_VOTE_FOOTER: &str = "workshop.vote.footer";
    pub const WORKSHOP_THREAD: &str = "workshop.vote.thread";
    pub const WORKSHOP_ALREADY_POSTED: &str = "workshop.vote.already_posted";
    pub const WORKSHOP_POSTED: &str = "workshop.vote.posted";
    pub const WORKSHOP_DRAFT_POSTED: &str = "workshop.draft.posted";
    pub const WORKSHOP_VOTE_BAD_CHOICE: &str = "workshop.vote.bad_choice";
    pub const WORKSHOP_VOTE_UNKNOWN: &str = "workshop.vote.unknown";
    pub const WORKSHOP_VOTE_CLOSED: &str = "workshop.vote.closed";
    pub const WORKSHOP_VOTE_TEACHER: &str = "workshop.vote.teacher";
    pub const WORKSHOP_VOTE_OWN_DRAFT: &str = "workshop.vote.own_draft";
    pub const WORKSHOP_VOTE_RECORDED: &str = "workshop.vote.recorded";
    pub const WORKSHOP_VOTE_CHANGED: &str = "workshop.vote.changed";
    pub const WORKSHOP_VOTE_SAME: &str = "workshop.vote.same";
    pub const WORKSHOP_VOTE_NONE_OPEN: &str = "workshop.vote.none_open";
    pub const WORKSHOP_TALLY_HEADER: &str = "workshop.tally.header";
    pub const WORKSHOP_POSTS: &str = "workshop.tally.posts";
    pub const WORKSHOP_VOTERS: &str = "workshop.tally.voters";
    pub const WORKSHOP_VOTES: &str = "workshop.tally.votes";
    pub const WORKSHOP_TALLY_LINE: &str = "workshop.tally.line";
    pub const WORKSHOP_TALLY_FAVOURITE: &str = "workshop.tally.favourite";
    pub const WORKSHOP_TALLY_TIE: &str = "workshop.tally.tie";
    pub const WORKSHOP_TALLY_NO_FAVOURITE: &str = "workshop.tally.no_favourite";
    pub const WORKSHOP_TALLY_NOTES: &str = "workshop.tally.notes";
    pub const WORKSHOP_TALLY_NOTE: &str = "workshop.tally.note";
    pub const WORKSHOP_NO_GRID: &str = "workshop.written.no_grid";
    pub const WORKSHOP_MODEL_HEADER: &str = "workshop.model.header";
    pub const WORKSHOP_MODEL_LOCKED: &str = "workshop.model.locked";
    pub const WORKSHOP_MODEL_WRITE: &str = "workshop.model.write";
    pub const WORKSHOP_WRITTEN_EMPTY: &str = "workshop.written.empty";
    pub const WORKSHOP_WRITTEN_SAVED: &str = "workshop.written.saved";
    pub const WORKSHOP_CRITERION_LINE: &str = "workshop.written.criterion_line";
    pub const WORKSHOP_SELF_PLACEHOLDER: &str = "workshop.written.self_placeholder";
    pub const WORKSHOP_GRADE_PLACEHOLDER: &str = "workshop.written.grade_placeholder";
    pub const WORKSHOP_MET: &str = "workshop.written.met";
    pub const WORKSHOP_MISSED: &str = "workshop.written.missed";
    pub const WORKSHOP_ANSWER_NOT_YOURS: &str = "workshop.written.not_yours";
    pub const WORKSHOP_CRITERIA_UNKNOWN: &str = "workshop.written.criteria_unknown";
    pub const WORKSHOP_SELF_RESULT: &str = "workshop.written.self_result";
    pub const WORKSHOP_SELF_FOOTER: &str = "workshop.written.self_footer";
    pub const WORKSHOP_QUEUE_EMPTY: &str = "workshop.grade.queue_empty";
    pub const WORKSHOP_QUEUE_HEADER: &str = "workshop.grade.queue_header";
    pub const WORKSHOP_QUEUE_LINE: &str = "workshop.grade.queue_line";
    pub const WORKSHOP_QUEUE_MORE: &str = "workshop.grade.queue_more";
    pub const WORKSHOP_STATE_GRADED: &str = "workshop.grade.state_graded";
    pub const WORKSHOP_STATE_SELF: &str = "workshop.grade.state_self";
    pub const WORKSHOP_STATE_TODO: &str = "workshop.grade.state_todo";
    pub const WORKSHOP_ANSWER_UNKNOWN: &str = "workshop.grade.unknown";
    pub const WORKSHOP_SELF_NONE: &str = "workshop.grade.self_none";
    pub const WORKSHOP_SELF_SUMMARY: &str = "workshop.grade.self_summary";
    pub const WORKSHOP_SELF_NOTHING: &str = "workshop.grade.self_nothing";
    pub const WORKSHOP_ALREADY_GRADED: &str = "workshop.grade.already_graded";
    pub const WORKSHOP_GRADE_SHOW: &str = "workshop.grade.show";
    pub const WORKSHOP_GRADE_HOW: &str = "workshop.grade.how";
    pub const WORKSHOP_GRADE_SAVED: &str = "workshop.grade.saved";
    pub const WORKSHOP_GRADE_UPDATED: &str = "workshop.grade.updated";
    pub const WORKSHOP_GRADE_NOTICE: &str = "workshop.grade.notice";
    pub const WORKSHOP_NEXT_BUTTON: &str = "workshop.grade.next_button";
    pub const WORKSHOP_FIRST_BUTTON: &str = "workshop.grade.first_button";
}
pub use legacy::*;
