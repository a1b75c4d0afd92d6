//! The one registry of the French texts the code writes (`prompts/fr/`): the bot's, the LinkedIn
//! workshop's and the charts'. Each text is a type whose fields are its arguments, so the compiler
//! checks every call: `messages.text(&msg::PlayQuizBadTime { seconds: &s, max: &m })`. A text
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

/// Two sections of the registry one after the other (`N` is the sum of their lengths).
pub const fn join<const N: usize>(
    a: &[(&'static str, &'static [&'static str])],
    b: &[(&'static str, &'static [&'static str])],
) -> [(&'static str, &'static [&'static str]); N] {
    let mut out: [(&'static str, &'static [&'static str]); N] = [("", &[]); N];
    let mut i = 0;
    while i < N {
        out[i] = if i < a.len() {
            a[i]
        } else if i - a.len() < b.len() {
            b[i - a.len()]
        } else {
            ("", &[])
        };
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
        KpiUnknown = "kpi.unknown" { id, examples };
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
        HintPlaceGroup = "hint.place_group" { group, place };
        AnnexHeader = "annex.header" { number, title };
        AnnexColumns = "annex.columns" { columns };
        AnnexGroup = "annex.group" { label };
        AnnexUnknown = "annex.unknown" { number, first, max };
        AnnexUnknownOnly = "annex.unknown_only" { number, only };
        AnnexUnknownNone = "annex.unknown_none" { number };
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
        PointsSourceAnswerKey = "points.source_answer_key";
        PointsSourceTeacher = "points.source_teacher";
        AnnexWord = "annex.word" { n, list };
        PlayInternalError = "play.internal_error";
        PlayDuplicate = "play.duplicate";
        PlayTeacherOnly = "play.teacher_only";
        PlayHelpTeacher = "play.help_teacher" { question, dossier, votes, grading };
        PlayHelpTeacherVotes = "play.help_teacher_votes";
        PlayHelpTeacherGrading = "play.help_teacher_grading";
        PlayHelpStudent = "play.help_student" { annexes, question, dossier, kpi, interpret, workshop, written, model };
        PlayHelpStudentInterpret = "play.help_student_interpret" { part };
        PlayHelpStudentWorkshop = "play.help_student_workshop" { post };
        PlayHelpStudentWritten = "play.help_student_written" { question };
        PlayAnnexRange = "play.annex_range" { first, last };
        PlayKpiLocked = "play.kpi_locked";
        PlayKpiInPractice = "play.kpi_in_practice";
        PlayAnnexHidden = "play.annex_hidden";
        PlayAnnexHiddenQuiz = "play.annex_hidden_quiz";
        PlaySealedFigure = "play.sealed_figure";
        PlayConfigNone = "play.config.none";
        PlayConfigShow = "play.config.show" { case, teacher_role, quiz_channel };
        PlayConfigSaved = "play.config.saved" { case, teacher_role, quiz_channel };
        PlayConfigDefaultCase = "play.config.default_case" { case };
        PlayConfigUnknownCase = "play.config.unknown_case" { given, list };
        PlayConfigCaseDuringQuiz = "play.config.case_during_quiz";
        PlayCasesHeader = "play.cases.header" { n };
        PlayCasesAnnounce = "play.cases.announce" { case };
        PlayPracticeSubjectChanged = "play.cases.practice_stopped" { old, new };
        PlayCasesLine = "play.cases.line" { title, session, id, origin, current };
        PlaySubjectsOriginBundled = "play.subjects.origin_bundled";
        PlaySubjectsOriginPublished = "play.subjects.origin_published" { who };
        PlaySubjectsOriginClass = "play.subjects.origin_class" { who };
        PlaySubjectsRefused = "play.subjects.refused" { reason };
        PlaySubjectsInvalid = "play.subjects.invalid" { n, list, more };
        PlaySubjectsMore = "play.subjects.more" { n };
        PlaySubjectsCounts = "play.subjects.counts" { annexes, questions, parts };
        PlaySubjectsInstalled = "play.subjects.installed" { case, id, counts };
        PlaySubjectsUpdated = "play.subjects.updated" { case, version, counts, playing };
        PlaySubjectsUpdatedPlaying = "play.subjects.updated_playing";
        PlaySubjectsIgnored = "play.subjects.ignored" { list };
        PlaySubjectsIdTaken = "play.subjects.id_taken" { id, other };
        PlaySubjectsDuringQuiz = "play.subjects.during_quiz";
        PlaySubjectsTooMany = "play.subjects.too_many" { max };
        PlaySubjectsUnchanged = "play.subjects.unchanged" { case, version };
        PlaySubjectsPublishedId = "play.subjects.published_id" { id };
        PlaySubjectsPublishedRemove = "play.subjects.published_remove" { case, id };
        PlayConfigCaseGone = "play.config.case_gone" { id, case };
        PlaySubjectsTitleTaken = "play.subjects.title_taken" { title, other };
        PlaySubjectsNoneImported = "play.subjects.none_imported";
        PlaySubjectsRemoveUnknown = "play.subjects.remove_unknown" { given, list };
        PlaySubjectsNotOwn = "play.subjects.not_own" { case };
        PlaySubjectsRemoved = "play.subjects.removed" { case, fallback };
        PlaySubjectsRemovedFallback = "play.subjects.removed_fallback" { case };
        PlayCasesCurrent = "play.cases.current";
        PlayCasesPointsSource = "play.cases.points_source" { source };
        PlayCasesFooter = "play.cases.footer";
        PlayCaseName = "play.cases.name" { title, session };
        PlayQuizWrongChannel = "play.quiz.wrong_channel";
        PlayQuizEmpty = "play.quiz.empty";
        PlayUnknownScope = "play.unknown_scope" { id, dossiers, question, part };
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
        PlayBoardQuestion = "play.board.question" { id, case };
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
        PlayEraseSubjects = "play.erase.subjects" { n };
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
        DiscordDownloadFailed = "discord.download_failed" { file };
        DiscordOutdated = "discord.outdated";
        DiscordUnknownButton = "discord.unknown_button";
        DiscordStartClient = "discord.start.client";
        DiscordStartBadToken = "discord.start.bad_token";
        DiscordStartHttp = "discord.start.http";
        DiscordStartFailed = "discord.start.failed";
        DiscordStopFailed = "discord.start.stop_failed" { error };
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
        DiscordCommentTitle = "discord.comment.title";
        DiscordCommentLabel = "discord.comment.label";
        DiscordCommentPlaceholder = "discord.comment.placeholder";
        ConsoleDraftStart = "console.draft_start";
        ConsoleUsage = "console.usage";
        ConsoleUsageCases = "console.usage_cases";
        ConsoleUsageAnnexOf = "console.usage_annex_of" { annexes };
        ConsoleUsageWrittenOf = "console.usage_written_of" { question };
        ConsoleImportUnreadable = "console.import_unreadable" { path, reason };
        ConsoleImportNotFile = "console.import_not_file" { path };
        ConsoleBanner = "console.banner" { class, case, db, teachers, n };
        ConsoleNoToken = "console.no_token";
        ConsoleCountdown = "console.countdown" { seconds };
        ConsoleCountdownLong = "console.countdown_long" { left };
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
        ConsoleUsageConfig = "console.usage_config";
        ConsoleWrittenStart = "console.written_start" { question };
        ConsoleHowVote = "console.how_vote" { post };
        ConsoleHowWithdraw = "console.how_withdraw" { draft };
        ConsoleHowSelfAssess = "console.how_self_assess" { answer };
        ConsoleHowGrade = "console.how_grade" { answer };
        ConsoleHowGradeShow = "console.how_grade_show" { answer };
        ConsoleHowInterpret = "console.how_interpret" { part };
        ConsoleThread = "console.thread" { name };
        ConsoleFileFailed = "console.file_failed" { path };
        ConsoleNotText = "console.not_text";
        ConsoleTooLong = "console.too_long" { max };
        CliValidateOk = "cli.validate_ok" { case, annexes, kpis, questions, texts };
        CliNoToken = "cli.no_token" { file };
        CliUnknownCase = "cli.unknown_case" { given, list };
        CliValidateUnusedText = "cli.validate_unused_text" { case, id, file };
        CliValidateSharedTexts = "cli.validate_shared_texts" { case, other, dir };
        CliChartClass = "cli.chart_class";
        CliChartSample = "cli.chart_sample";
        CliChartNothing = "cli.chart_nothing" { quiz, item };
        CliChartUnknown = "cli.chart_unknown" { name };
        CliChartWritten = "cli.chart_written" { file, bytes };
        CliChartAnnexes = "cli.chart_annexes" { n, list };
        CliCaseHeader = "cli.case_header" { title, exam, session, code };
        CliBackupDone = "cli.backup_done" { file, size, db };
        CliCasHeader = "cli.cas.header" { n };
        CliCasNone = "cli.cas.none";
        CliCasLine = "cli.cas.line" { id, title, session, place, by, version };
        CliCasClass = "cli.cas.class" { name, key };
        CliCasClassNamed = "cli.cas.class_named" { name };
        CliCasPublished = "cli.cas.published";
        CliCasAlreadyPublished = "cli.cas.already_published" { id };
        CliCasUnknown = "cli.cas.unknown" { id, list };
        CliCasSeveral = "cli.cas.several" { id, places };
        CliCasCollides = "cli.cas.collides" { id, places };
        CliCasBundledId = "cli.cas.bundled_id" { id };
        CliCasNoLongerLoads = "cli.cas.no_longer_loads" { id };
        CliCasPublishedDone = "cli.cas.published_done" { id, title, from };
        CliCasNotPublished = "cli.cas.not_published" { id };
        CliCasOriginGone = "cli.cas.origin_gone" { id };
        CliCasUnpublished = "cli.cas.unpublished" { id, place };
        CliCasRemoved = "cli.cas.removed" { id, place };
        CliBackupExists = "cli.backup_exists" { file };
        CliBackupNoDatabase = "cli.backup_no_database" { db };
        CliBackupFailed = "cli.backup_failed" { file, cause };
        CliBackupCauseDb = "cli.backup_cause_db";
        CliBackupCauseCorrupt = "cli.backup_cause_corrupt";
        CliNewCaseDone = "cli.new_case_done" { id, pack, texts };
        CliNewCaseBadId = "cli.new_case_bad_id" { given, example };
        CliNewCaseExists = "cli.new_case_exists" { dir };
        CliNewCaseTaken = "cli.new_case_taken" { id, dir };
        CliNewCaseNoCasesDir = "cli.new_case_no_cases_dir" { dir };
        CliNewCaseNoSkeleton = "cli.new_case_no_skeleton" { dir, cause };
        CliNewCaseFailed = "cli.new_case_failed" { dir, cause };
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
        MarksNoneStudent = "play.marks.none_student";
        MarksNoneTeacher = "play.marks.none_teacher";
        MarksUnknownWork = "play.marks.unknown_work" { given, works };
        MarksWorkQuiz = "play.marks.work_quiz" { id, date, case, questions };
        MarksStudentHeader = "play.marks.student_header";
        MarksWorkLine = "play.marks.work_line" { work, points, on20 };
        MarksDetailHeader = "play.marks.detail_header" { work };
        MarksDossierLine = "play.marks.dossier_line" { id, title, points };
        MarksQuestionLine = "play.marks.question_line" { id, points };
        MarksOn40 = "play.marks.on40" { on40, on20 };
        MarksRules = "play.marks.rules" { close };
        MarksTeacherHeader = "play.marks.teacher_header" { work, students };
        MarksTeacherLine = "play.marks.teacher_line" { name, points, on20 };
        MarksTeacherMean = "play.marks.teacher_mean" { mean };
        MarksTeacherOthers = "play.marks.teacher_others" { works, example };
        MarksTeacherExport = "play.marks.teacher_export";
        MarksExportNotes = "play.marks.export_notes" { lines };
        MarksExportBook = "play.marks.export_book" { students };
        MarksWorkExam = "play.marks.work_exam" { id, date, case };
        MarksOn20 = "play.marks.on20" { mark };
        MarksProvisional = "play.marks.provisional" { mark, n };
        MarksPendingNote = "play.marks.pending_note" { n };
        ExamLessThanAMinute = "play.exam.less_than_a_minute";
        ExamBadMinutes = "play.exam.bad_minutes" { min, max };
        ExamQuizRunning = "play.exam.quiz_running";
        ExamAlreadyRunning = "play.exam.already_running";
        ExamSuggested = "play.exam.suggested" { dossier, title, points, time };
        ExamLaunched = "play.exam.launched" { case, session, duration, times };
        ExamStudentsOnly = "play.exam.students_only";
        ExamNone = "play.exam.none";
        ExamNoneYet = "play.exam.none_yet";
        ExamHandedInAlready = "play.exam.handed_in_already";
        ExamCopyHeader = "play.exam.copy_header" { case, left };
        ExamWrittenSaved = "play.exam.written_saved";
        ExamWrittenMissing = "play.exam.written_missing";
        ExamPartsDone = "play.exam.parts_done" { done, n };
        ExamCopyLine = "play.exam.copy_line" { question, what };
        ExamHowTo = "play.exam.how_to" { part, question };
        ExamUnknownPart = "play.exam.unknown_part" { part, first, last };
        ExamAnswerLength = "play.exam.answer_length";
        ExamUnreadable = "play.exam.unreadable" { part, answer };
        ExamAnswerSaved = "play.exam.answer_saved" { part, answer, left };
        ExamUnknownQuestion = "play.exam.unknown_question" { question, list };
        ExamDraftEmpty = "play.exam.draft_empty";
        ExamDraftSaved = "play.exam.draft_saved" { question, characters, left };
        ExamHandInConfirm = "play.exam.hand_in_confirm" { parts, of_parts, written, of_written, left };
        ExamHandedIn = "play.exam.handed_in";
        ExamStopped = "play.exam.stopped" { copies };
        ExamNCopies = "play.exam.count_copies" { n };
        ExamNCollected = "play.exam.count_collected" { n };
        ExamEnded = "play.exam.ended" { copies, why };
        ExamEndedStopped = "play.exam.ended_stopped";
        ExamEndedTime = "play.exam.ended_time";
        ExamCopyMarked = "play.exam.copy_marked" { points, max, written };
        ExamCopyMarkedWritten = "play.exam.copy_marked_written" { n };
        ExamReminder = "play.exam.reminder" { left };
        ExamBadBonus = "play.exam.bad_bonus" { given, max };
        ExamNoCopyOf = "play.exam.no_copy_of" { student };
        ExamBonusSet = "play.exam.bonus_set" { student, points };
        ExamNoCopies = "play.exam.no_copies";
        ExamPapersReady = "play.exam.papers_ready" { copies };
        ExamRefused = "play.exam.refused" { left };
        ExamAnswerHere = "play.exam.answer_here";
        ExamQuizRefused = "play.exam.quiz_refused";
        PaperTitle = "play.paper.title" { case, id };
        ConsoleUsageExam = "console.usage_exam";
        MarkingOthersBlind = "workshop.marking.others_blind" { n };
        MarkingBothShown = "workshop.marking.both_shown" { markings };
        MarkingWho = "workshop.marking.who" { name, points };
        MarkingYou = "workshop.marking.you";
        MarkingDifference = "workshop.marking.difference" { number, label, who };
        MarkingPartial = "workshop.marking.partial" { label, got, points, explanation };
        MarkingComment = "workshop.marking.comment" { comment };
        MarkingHowAgreed = "workshop.marking.how_agreed";
        MarkingHowMean = "workshop.marking.how_mean";
        MarkingCommentTooLong = "workshop.marking.comment_too_long" { max };
        MarkingAgreed = "workshop.marking.agreed" { number, score };
        MarkingSettled = "workshop.marking.settled" { number, score };
        MarkingMean = "workshop.marking.mean" { number, score };
        MarkingCommentSaved = "workshop.marking.comment_saved" { comment };
        MarkingPointsFirst = "workshop.marking.points_first" { number };
        ReflexionNone = "reflexion.none";
        ReflexionGuide = "reflexion.guide" { question, points, consigne, case, min, max, lines_min, lines_max, grid };
        ReflexionHead = "reflexion.head" { met, total, words, lines };
        ReflexionHeadShort = "reflexion.head_short" { words, lines };
        ReflexionLabelQuestion = "reflexion.label.question";
        ReflexionLabelAnnounced = "reflexion.label.announced";
        ReflexionLabelParts = "reflexion.label.parts";
        ReflexionLabelExamples = "reflexion.label.examples";
        ReflexionLabelConclusion = "reflexion.label.conclusion";
        ReflexionLabelLength = "reflexion.label.length";
        ReflexionFound = "reflexion.found" { found };
        ReflexionNoQuestion = "reflexion.no_question";
        ReflexionNotAnnounced = "reflexion.not_announced";
        ReflexionPartsOk = "reflexion.parts_ok" { n };
        ReflexionPartsFew = "reflexion.parts_few" { n };
        ReflexionPartsMany = "reflexion.parts_many" { n };
        ReflexionExamplesOk = "reflexion.examples_ok";
        ReflexionExamplesNoPart = "reflexion.examples_no_part";
        ReflexionExamplesMissing = "reflexion.examples_missing" { which, case };
        ReflexionPartsWhich = "reflexion.parts_which" { n, list };
        ReflexionNoConclusion = "reflexion.no_conclusion";
        ReflexionLengthOk = "reflexion.length_ok" { words };
        ReflexionLengthShort = "reflexion.length_short" { words, min, max, lines };
        ReflexionLengthLong = "reflexion.length_long" { words, max, lines };
        SpellTitle = "spell.title";
        SpellTitleCriterion = "spell.title_criterion" { criterion };
        SpellNone = "spell.none" { title, checked };
        SpellFound = "spell.found" { title, n, words };
        SpellMore = "spell.more" { words };
        SpellUnlisted = "spell.unlisted" { n };
        SpellNotAMark = "spell.not_a_mark";
        SpellNotAMarkTeacher = "spell.not_a_mark_teacher";
        SpellWord = "spell.word" { word };
        SpellWordSuggested = "spell.word_suggested" { word, suggestions };
        InterpretAsk = "interpret.ask" { part, label, figure, readings };
        InterpretReadingLine = "interpret.reading_line" { letter, text };
        InterpretAskButton = "interpret.ask_button" { part };
        InterpretCommentButton = "interpret.comment_button";
        InterpretRight = "interpret.right" { letter, text, why };
        InterpretWrong = "interpret.wrong" { letter, text, why, right, right_why };
        InterpretThenComment = "interpret.then_comment" { part };
        InterpretThenCommentLevel = "interpret.then_comment_level" { part };
        InterpretNoneInCase = "interpret.none_in_case";
        InterpretUnknown = "interpret.unknown" { part, parts };
        InterpretNoReadings = "interpret.no_readings" { part, parts };
        InterpretLocked = "interpret.locked";
        InterpretInPractice = "interpret.in_practice";
        InterpretStale = "interpret.stale";
        InterpretList = "interpret.list" { lines, example };
        InterpretListLine = "interpret.list_line" { part, label };
        InterpretNoSuchReading = "interpret.no_such_reading" { letters };
        InterpretCommentTooLong = "interpret.comment_too_long" { chars, max };
        InterpretCommentHead = "interpret.comment.head" { part, met, total, text };
        InterpretCommentAll = "interpret.comment.all";
        InterpretCommentExample = "interpret.comment.example" { example };
        InterpretExampleLater = "interpret.comment.example_later";
        InterpretLabelFigure = "interpret.comment.figure";
        InterpretLabelDirection = "interpret.comment.direction";
        InterpretLabelComparison = "interpret.comment.comparison";
        InterpretLabelMeaning = "interpret.comment.meaning";
        InterpretLabelSentence = "interpret.comment.sentence";
        InterpretFound = "interpret.comment.found" { found };
        InterpretFigureOk = "interpret.comment.figure_ok" { found };
        InterpretFigureNoUnit = "interpret.comment.figure_no_unit" { found, unit };
        InterpretFigureWrongUnit = "interpret.comment.figure_wrong_unit" { found, figure };
        InterpretFigureOther = "interpret.comment.figure_other" { found, figure };
        InterpretFigureSign = "interpret.comment.figure_sign" { found, figure, way };
        InterpretFigureOtherKpi = "interpret.comment.figure_other_kpi" { found, label, figure };
        InterpretDoubleNegative = "interpret.comment.double_negative" { found, plain, figure };
        InterpretTrap = "interpret.comment.trap" { found, why };
        InterpretFigureMissing = "interpret.comment.figure_missing" { figure };
        InterpretWayRise = "interpret.comment.way_rise";
        InterpretWayFall = "interpret.comment.way_fall";
        InterpretDirectionOpposite = "interpret.comment.direction_opposite" { found, figure, way };
        InterpretDirectionMissing = "interpret.comment.direction_missing" { way };
        InterpretComparisonMissing = "interpret.comment.comparison_missing";
        InterpretMeaningMissing = "interpret.comment.meaning_missing" { examples };
        InterpretSentenceOk = "interpret.comment.sentence_ok" { chars };
        InterpretSentenceMany = "interpret.comment.sentence_many" { count };
        InterpretSentenceLong = "interpret.comment.sentence_long" { chars, max };
        MarkingAgreeFirst = "workshop.marking.agree_first" { number };
        MarkingUnreadable = "workshop.marking.unreadable" { given };
        MarkingUnknown = "workshop.marking.unknown" { given, max };
        MarkingOutOfRange = "workshop.marking.out_of_range" { number, max };
        ConsoleUsageMark = "console.usage_mark";
        PaperNoAnswer = "play.paper.no_answer";
        PaperUnreadable = "play.paper.unreadable";
        PaperCorrect = "play.paper.correct";
        PaperClose = "play.paper.close";
        PaperWrong = "play.paper.wrong";
        PaperHandedIn = "play.paper.handed_in" { date };
        PaperAtTime = "play.paper.at_time";
        PaperStopped = "play.paper.stopped";
        PaperOpen = "play.paper.open";
        PaperHeading = "play.paper.heading" { student };
        PaperMeta = "play.paper.meta" { case, session, class, date, handed };
        PaperDossier = "play.paper.dossier" { id, title, points };
        PaperQuestion = "play.paper.question" { id, points };
        PaperPart = "play.paper.part";
        PaperAnswer = "play.paper.answer";
        PaperVerdict = "play.paper.verdict";
        PaperPoints = "play.paper.points";
        PaperWritten = "play.paper.written";
        PaperNotWritten = "play.paper.not_written";
        PaperToMark = "play.paper.to_mark" { max };
        PaperBonus = "play.paper.bonus" { points };
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
        WorkshopNoGrids = "workshop.written.no_grids";
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
        WorkshopGradeUnchanged = "workshop.grade.unchanged" { number, name, question, score };
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
    /// The texts the charts draw whatever the subject (`prompts/fr/charts.toml`); a subject's
    /// own chart texts (titles, labels, legends) are in its pack's texts folder.
    CHARTS = [
        ChartEvolutionNote = "chart.evolution.note" { label, from, to, diff, evolution };
        ChartComparisonLowerBetter = "chart.comparison.lower_better";
        ChartComparisonHigherBetter = "chart.comparison.higher_better";
        ChartSharesRow = "chart.shares.row" { label, total };
        ChartSharesShare = "chart.shares.share" { segment, value };
        ChartPlanDivide = "chart.plan.divide" { label, value };
        ChartPlanMultiply = "chart.plan.multiply" { label, value };
        ChartPlanRoas = "chart.plan.roas" { value };
        ChartPlanRoasMeaning = "chart.plan.roas_meaning" { value };
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
