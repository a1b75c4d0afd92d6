//! Packs with extreme numbers never crash the bot (issue 11, item 1). A property test copies
//! the bundled pack and writes extreme decimals into it (zero, tiny, negative, 10^20, 10^27,
//! the largest decimal, many decimals; figures, points, grid shares, formula constants,
//! tolerances; all points or all figures scaled at once, which keeps the pack consistent), then:
//! - a pack that fails validation fails with French problems, without panicking;
//! - a pack that validates is played whole without panicking: every KPI worked and checked
//!   with many answers, every case chart drawn, every annex and KPI asked through the engine,
//!   a practice with answers, hints and a worked answer, a quiz launched and run to its end
//!   with answers (reveals, podium and their charts), boards, a written answer graded, the
//!   export and the personal data.
//!
//! `CASES` = 16 generated packs with a fixed seed (8 validate and are played, 8 are refused)
//! and 10 named ones, each a fresh copy of the pack and, when it validates, a fresh engine:
//! about 40 s in a debug build on two shared cores.

use crate::helpers::{last_quiz_id, quiz_state, root, spawn_engine_with, texts, TempPack};
use crate::pack_errors::in_french;
use casebot::case::Case;
use casebot::chart::{case_charts, render_case_chart};
use casebot::play::command::{Board, Command, Scope};
use casebot::{pack, App};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::str::FromStr;
use std::sync::Arc;

/// Generated cases; each one that validates plays a quiz, a practice and the rest.
const CASES: u32 = 16;

const CASE: &str = "config/cases/arbre-cadeau/case.toml";
const ANNEXES: &str = "config/cases/arbre-cadeau/annexes.toml";
const KPIS: &str = "config/cases/arbre-cadeau/kpis.toml";
const QUESTIONS: &str = "config/cases/arbre-cadeau/questions.toml";
const GRIDS: &str = "config/cases/arbre-cadeau/grids.toml";

/// Where a number is written in the pack: the file and what precedes it.
#[derive(Debug, Clone, Copy)]
enum Target {
    /// A figure of `annexes.toml` (`value = "…"`).
    Figure,
    /// A part's or a question's points (`points = "…"` in `questions.toml`).
    Points,
    /// A dossier's points or the subject's total (`case.toml`).
    CasePoints,
    /// A grid criterion's share (`share = "…"`).
    Share,
    /// The `100` of a formula (`* 100`).
    Constant,
    /// A tolerance added to a KPI.
    Tolerance,
}

/// One number written over another.
#[derive(Debug, Clone)]
struct Mutation {
    target: Target,
    /// Which occurrence (taken modulo their number).
    occurrence: usize,
    value: Decimal,
}

/// A generated pack: every figure and every number of points scaled, then a few numbers
/// replaced.
#[derive(Debug, Clone)]
struct Extreme {
    figures_times: Decimal,
    points_times: Decimal,
    mutations: Vec<Mutation>,
}

fn d(text: &str) -> Decimal {
    match Decimal::from_str(text) {
        Ok(v) => v,
        Err(e) => panic!("{text}: {e}"),
    }
}

/// Decimals at the edges: zero, tiny, negative, at and past the bounds, 10^20, 10^27, the
/// largest decimal, many decimals; and any decimal at all.
fn extreme_decimal() -> impl Strategy<Value = Decimal> {
    let fixed = prop::sample::select(vec![
        "0",
        "0.000001",
        "0.0000001",
        "0.0000000000000000000000000001",
        "-1",
        "-0.25",
        "1000000000000",
        "-1000000000000",
        "1000000000000.000001",
        "100000000000000000000",
        "1000000000000000000000000000",
        "79228162514264337593543950335",
        "-79228162514264337593543950335",
        "3.1415926535897932384626433833",
        "0.125",
        "100",
        "100.001",
        "40",
    ])
    .prop_map(d);
    let any = (any::<i128>(), 0u32..=28).prop_map(|(m, scale)| {
        // 96 bits of mantissa at most.
        let m = m % (1i128 << 96);
        Decimal::try_from_i128_with_scale(m, scale).unwrap_or(Decimal::ZERO)
    });
    prop_oneof![3 => fixed, 1 => any]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    (
        prop::sample::select(vec![
            Target::Figure,
            Target::Points,
            Target::CasePoints,
            Target::Share,
            Target::Constant,
            Target::Tolerance,
        ]),
        0usize..64,
        extreme_decimal(),
    )
        .prop_map(|(target, occurrence, value)| Mutation {
            target,
            occurrence,
            value,
        })
}

fn extreme() -> impl Strategy<Value = Extreme> {
    let figures = prop::sample::select(vec![
        "1",
        "1",
        "1",
        "1",
        "1000",
        "1000",
        "1000000",
        "0.001",
        "-1",
        "1000000000000000000000",
    ])
    .prop_map(d);
    let points = prop::sample::select(vec![
        "1",
        "1",
        "1",
        "2.5",
        "2.5",
        "0.001",
        "1000000000000000000000",
        "1000000000000000000000000000",
    ])
    .prop_map(d);
    // Half the packs keep every number but the scaled ones, so that many validate.
    let mutations = prop_oneof![
        1 => Just(Vec::new()),
        1 => prop::collection::vec(mutation(), 1..=2),
    ];
    (figures, points, mutations).prop_map(|(figures_times, points_times, mutations)| Extreme {
        figures_times,
        points_times,
        mutations,
    })
}

/// The spans of the numbers that follow `prefix` (up to the closing quote) in `src`.
fn quoted_after(src: &str, prefix: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = src[from..].find(prefix) {
        let start = from + i + prefix.len();
        let Some(len) = src[start..].find('"') else {
            break;
        };
        out.push((start, start + len));
        from = start + len;
    }
    out
}

/// `src` with every number after `prefix` multiplied by `times` (the largest decimal when the
/// product does not fit).
fn scale_all(src: &str, prefix: &str, times: Decimal) -> String {
    let mut out = String::new();
    let mut last = 0;
    for (start, end) in quoted_after(src, prefix) {
        let v = Decimal::from_str(&src[start..end]).unwrap_or(Decimal::ONE);
        let scaled = v.checked_mul(times).unwrap_or(Decimal::MAX);
        out.push_str(&src[last..start]);
        out.push_str(&scaled.to_string());
        last = end;
    }
    out.push_str(&src[last..]);
    out
}

fn edit(pack: &TempPack, file: &str, change: impl FnOnce(&str) -> String) {
    let path = pack.dir.path.join(file);
    let src = std::fs::read_to_string(&path).expect("read a pack file");
    std::fs::write(&path, change(&src)).expect("write a pack file");
}

/// Writes `value` over occurrence `n` (modulo their number) of what follows `prefix`.
fn replace_nth(src: &str, prefix: &str, n: usize, value: &str) -> String {
    let spans = quoted_after(src, prefix);
    let (start, end) = spans[n % spans.len()];
    format!("{}{value}{}", &src[..start], &src[end..])
}

/// Builds the pack of `x` in a fresh copy of the bundled one.
fn build(x: &Extreme, test: &str) -> TempPack {
    let pack = TempPack::new(test);
    if x.figures_times != Decimal::ONE {
        edit(&pack, ANNEXES, |s| {
            scale_all(s, "value = \"", x.figures_times)
        });
    }
    if x.points_times != Decimal::ONE {
        edit(&pack, CASE, |s| scale_all(s, "points = \"", x.points_times));
        edit(&pack, QUESTIONS, |s| {
            scale_all(s, "points = \"", x.points_times)
        });
        edit(&pack, GRIDS, |s| scale_all(s, "share = \"", x.points_times));
    }
    for m in &x.mutations {
        let v = m.value.to_string();
        let n = m.occurrence;
        match m.target {
            Target::Figure => edit(&pack, ANNEXES, |s| replace_nth(s, "value = \"", n, &v)),
            Target::Points => edit(&pack, QUESTIONS, |s| replace_nth(s, "points = \"", n, &v)),
            Target::CasePoints => edit(&pack, CASE, |s| replace_nth(s, "points = \"", n, &v)),
            Target::Share => edit(&pack, GRIDS, |s| replace_nth(s, "share = \"", n, &v)),
            Target::Constant => edit(&pack, KPIS, |s| {
                let spots: Vec<usize> = s.match_indices("* 100\"").map(|(i, _)| i).collect();
                let i = spots[n % spots.len()];
                format!("{}* {v}\"{}", &s[..i], &s[i + "* 100\"".len()..])
            }),
            Target::Tolerance => edit(&pack, KPIS, |s| {
                let spots: Vec<usize> = s.match_indices("\nprecision = ").map(|(i, _)| i).collect();
                let i = spots[n % spots.len()];
                format!("{}\ntolerance = \"{v}\"{}", &s[..i], &s[i..])
            }),
        }
    }
    pack
}

/// Answers a student may give to a KPI worth `exact`: as shown, rounded, cut, scaled,
/// signed, in other units, the parser's extremes.
fn answers(case: &Case, kpi: usize, exact: Decimal) -> Vec<String> {
    let k = &case.kpis[kpi];
    let mut out = vec![
        k.display(exact),
        casebot::format::number(exact, k.precision),
        casebot::format::number(exact, 0),
        casebot::format::number(exact, 12),
        format!("{} %", casebot::format::number(exact, k.precision)),
        format!("{} pts", casebot::format::number(exact, k.precision)),
        format!("x{}", casebot::format::number(exact, 2)),
        format!("{} k€", casebot::format::number(exact, 2)),
        "0".into(),
        "-1".into(),
        "0,000000000001".into(),
        "999 999 999 999".into(),
        "-999999999999,999999999999".into(),
        "1 000 000 000 000".into(),
        "16.000".into(),
        "53 centimes".into(),
        "baisse de 5,08 %".into(),
        "environ 1,94 k€".into(),
    ];
    for times in ["100", "0.01", "-1", "1.01", "0.995"] {
        if let Some(v) = exact.checked_mul(d(times)) {
            out.push(casebot::format::number(v, k.precision));
        }
    }
    out
}

/// Everything that reads a loaded case without the engine: KPIs, checks, charts.
fn read_whole(case: &casebot::CasePack, app: &App) {
    for i in 0..case.kpis.len() {
        let result = match case.kpi_result(i) {
            Ok(r) => r,
            Err(e) => panic!("KPI {} of a loaded pack: {e}", case.kpis[i].id),
        };
        for answer in answers(case, i, result.exact) {
            let _ = case.check(i, &answer);
        }
        let _ = case.raw_values(i);
    }
    for v in 0..case.values.len() {
        let _ = case.value_place(v);
    }
    for chart in case_charts(case) {
        if let Err(e) = render_case_chart(case, &app.messages, &chart.name) {
            panic!("chart {} of a loaded pack: {e}", chart.name);
        }
    }
}

/// Plays the case through the engine: practice, quiz to its end, boards, grading, export.
async fn play_whole(app: Arc<App>, test: &str, seed: usize) {
    let play = spawn_engine_with(test, app.clone()).await;
    let case = &app.cases[0];
    let prof = play.teacher("Prof");
    let ana = play.student("Ana");
    let ben = play.student("Ben");

    for annex in &case.annexes {
        play.send(
            &ana,
            Command::Annex {
                number: annex.number,
            },
        )
        .await;
    }
    for k in &case.kpis {
        play.send(&ana, Command::Kpi { id: k.id.clone() }).await;
    }
    for q in &case.questions {
        play.send(&ana, Command::Question { id: q.id.clone() })
            .await;
    }

    // Three parts, one of them chosen by the case, and a whole question.
    let parts: Vec<&casebot::case::Part> = case.questions.iter().flat_map(|q| &q.parts).collect();
    let chosen = parts[seed % parts.len()];
    let scope = vec![
        chosen.id.clone(),
        parts[0].id.clone(),
        parts[parts.len() - 1].id.clone(),
    ];
    let right = |kpi: usize| match case.kpi_result(kpi) {
        Ok(r) => r.text,
        Err(e) => panic!("{e}"),
    };

    // A practice: hints, a right answer, a wrong one, a worked answer.
    play.send(
        &ben,
        Command::Practice {
            scope: Scope::Items(scope.clone()),
        },
    )
    .await;
    play.send(
        &ben,
        Command::Hint {
            confirm: true,
            item: None,
        },
    )
    .await;
    play.send(
        &ben,
        Command::Answer {
            text: right(chosen.kpi),
            item: None,
        },
    )
    .await;
    play.send(
        &ben,
        Command::Answer {
            text: "0".into(),
            item: None,
        },
    )
    .await;
    play.send(&ben, Command::GiveUp).await;
    for _ in 0..4 {
        play.send(
            &ben,
            Command::Answer {
                text: "1 000 000 000 000".into(),
                item: None,
            },
        )
        .await;
    }

    // A quiz run to its end, both students answering every question.
    let launched = play
        .send(
            &prof,
            Command::QuizLaunch {
                scope: Scope::Items(scope.clone()),
                seconds_per_item: Some(20),
                total_minutes: None,
                speed_bonus: true,
                streak_bonus: true,
                full_time: false,
            },
        )
        .await;
    play.engine.tick().await;
    let quiz = last_quiz_id(&play).await;
    assert!(quiz > 0, "the quiz did not launch: {}", texts(&launched));
    let mut turns = 0;
    loop {
        let (status, item, _) = quiz_state(&play, quiz).await;
        if status != "running" {
            assert_eq!(status, "finished");
            break;
        }
        turns += 1;
        assert!(turns < 200, "the quiz does not end (item {item})");
        let kpi = usize::try_from(item)
            .ok()
            .and_then(|i| scope.get(i))
            .and_then(|id| case.part(id))
            .map_or(chosen.kpi, |(_, p)| p.kpi);
        play.send(
            &ana,
            Command::Hint {
                confirm: true,
                item: None,
            },
        )
        .await;
        play.send(
            &ana,
            Command::Answer {
                text: right(kpi),
                item: None,
            },
        )
        .await;
        play.send(
            &ben,
            Command::Answer {
                text: "-999 999 999 999".into(),
                item: None,
            },
        )
        .await;
        play.advance_and_tick(5_000).await;
    }
    // The end of the quiz (podium, summaries, their charts) may still be on its way.
    for _ in 0..5 {
        play.engine.tick().await;
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }

    for board in [Board::Quiz, Board::Week, Board::AllTime] {
        play.send(&ana, Command::Leaderboard { board }).await;
    }
    // A written answer, assessed and graded with every criterion of its grid.
    if let Some(grid) = case.grids.first() {
        play.send(
            &ana,
            Command::WrittenAnswer {
                question: grid.question.clone(),
                text: "Une analyse.".into(),
            },
        )
        .await;
        let all: Vec<String> = (1..=grid.criteria.len()).map(|i| i.to_string()).collect();
        play.send(
            &ana,
            Command::SelfAssess {
                answer: 1,
                criteria: all.clone(),
            },
        )
        .await;
        play.send(
            &prof,
            Command::Grade {
                answer: 1,
                criteria: Some(all),
            },
        )
        .await;
    }
    let export = play.send(&prof, Command::Export).await;
    assert!(
        export.iter().any(|r| r.attachment.is_some()),
        "no export: {}",
        texts(&export)
    );
    play.send(&ana, Command::MyData).await;
    play.send(
        &prof,
        Command::Leaderboard {
            board: Board::AllTime,
        },
    )
    .await;
}

/// Loads the pack of `x`; French problems, or a case played whole; never a panic.
fn run(x: &Extreme, n: usize) -> bool {
    let test = format!("extreme-{n}");
    let pack = build(x, &test);
    let dir = pack.pack_dir();
    let loaded = match catch_unwind(|| pack::load(&dir)) {
        Ok(loaded) => loaded,
        Err(_) => panic!("loading panicked: {x:?}"),
    };
    match loaded {
        Err(errors) => {
            assert!(!errors.0.is_empty(), "an error without problems: {x:?}");
            for e in &errors.0 {
                in_french(e);
            }
            false
        }
        Ok(_) => {
            let app = match App::load_pack(&root().join("prompts/fr"), &dir) {
                Ok(app) => Arc::new(app),
                Err(e) => panic!("loaded once, not twice: {e}"),
            };
            let read = catch_unwind(AssertUnwindSafe(|| read_whole(&app.cases[0], &app)));
            assert!(read.is_ok(), "reading the case panicked: {x:?}");
            let runtime = match tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
            {
                Ok(r) => r,
                Err(e) => panic!("no runtime: {e}"),
            };
            runtime.block_on(play_whole(app, &test, n));
            true
        }
    }
}

/// The packs the brief names, every time: huge and tiny figures, huge points, a KPI of 10^27,
/// a consistent pack with all points scaled (valid and not), figures at the bounds.
#[test]
fn the_named_extreme_packs_fail_in_french_or_play() {
    let none = Vec::new;
    let one = |target, occurrence, value: &str| {
        vec![Mutation {
            target,
            occurrence,
            value: d(value),
        }]
    };
    let cases = [
        // A KPI of about 10^27 (the first `* 100` is the share of new users'): refused.
        (
            "1",
            "1",
            one(Target::Constant, 0, "1000000000000000000000000000"),
            false,
        ),
        // Points past the largest decimal once they are summed: refused.
        (
            "1",
            "1",
            one(Target::Points, 3, "79228162514264337593543950335"),
            false,
        ),
        // A consistent pack with huge points: refused.
        ("1", "1000000000000000000000000000", none(), false),
        // A consistent pack on 100 points: plays.
        ("1", "2.5", none(), true),
        // Figures a thousand times larger (their products a million times): plays.
        ("1000", "1", none(), true),
        // A million times larger: products past the bound, refused.
        ("1000000", "1", none(), false),
        // Figures past the bound: refused.
        ("1000000000000000000000", "1", none(), false),
        // A figure of zero (a division by it): refused.
        ("1", "1", one(Target::Figure, 0, "0"), false),
        // A figure at the bound: plays or is refused, never panics.
        ("1", "1", one(Target::Figure, 5, "-1000000000000"), false),
        // A tolerance with many decimals: refused.
        (
            "1",
            "1",
            one(Target::Tolerance, 2, "0.0000000000000000000000000001"),
            false,
        ),
    ];
    for (i, (figures, points, mutations, plays)) in cases.into_iter().enumerate() {
        let x = Extreme {
            figures_times: d(figures),
            points_times: d(points),
            mutations,
        };
        let played = run(&x, 1000 + i);
        // The last two's outcome depends on the figures around: only no panic is asked.
        if i < 8 {
            assert_eq!(played, plays, "{x:?}");
        }
    }
}

/// The property, over `CASES` generated packs, with a fixed seed (the same packs every run):
/// each fails in French or plays without panicking; both happen.
#[test]
fn an_extreme_pack_fails_in_french_or_plays_without_panicking() {
    use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};
    let config = ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let rng = TestRng::deterministic_rng(RngAlgorithm::ChaCha);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let n = std::sync::atomic::AtomicUsize::new(0);
    let played = std::sync::atomic::AtomicUsize::new(0);
    let outcome = runner.run(&extreme(), |x| {
        let i = n.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if run(&x, i) {
            played.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        Ok(())
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
    let (n, played) = (n.into_inner(), played.into_inner());
    eprintln!(
        "extreme packs: {n} generated, {played} played whole, {} refused",
        n - played
    );
    assert!(
        played >= 3 && n - played >= 3,
        "{played} of {n} played: both outcomes must be met"
    );
}
