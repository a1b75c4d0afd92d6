//! Throughput of the core engine on the bundled case pack (Arbre-cadeau).
//!
//! - `check/<kind>`: [`CasePack::check`] (parse + judge) on one typical answer each, and
//!   `check/mix` cycling through all of them.
//! - `kpi/evaluate/<id>`: the exact value of one KPI; `kpi/evaluate_all`: every KPI of the
//!   case per iteration (throughput counted per KPI).
//! - `kpi/result/a3_ctr`: value plus worked steps, allocation-heavy, for information.
//!
//! First, a table measured by hand: each answer's check beside the same run's cost of
//! `Decimal::from_str` on the same number (the text's figure as Rust writes it: « 17,76 % » →
//! `17.76`), a yardstick that travels between machines, and the mix against its target
//! (≥ 2 M checks/s on one core: ≤ 500 ns a check), PASS/FAIL.
//!
//! Run with `cargo bench --bench engine`. Under `cargo test --all-targets` (no `--bench`) the
//! table runs a few iterations and judges nothing.

use casebot::{App, CasePack, Paths};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rust_decimal::Decimal;
use std::hint::black_box;
use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, Instant};

/// The answer mix's target: 2 million checks a second on one core.
const MIX_TARGET_NS: f64 = 500.0;

/// The typical answers: (benchmark name, KPI id, what the student typed).
const ANSWERS: &[(&str, &str, &str)] = &[
    // Right, rounded to the precision shown.
    ("correct", "a3_ctr", "17,76 %"),
    // Close: one rounding step off.
    ("close", "a3_ctr", "17,75 %"),
    // Recognised mistake: the ratio, not multiplied by 100.
    ("mistake", "a3_ctr", "0,1776"),
    // Unreadable: no number.
    ("invalid", "a3_ctr", "abc"),
    // Right, with grouped thousands and a euro sign.
    ("thousands", "a7_revenue_month", "14 613,33 €"),
    // Thousands of euros (wrong value, read in k€).
    ("keur", "a7_budget_year", "1,94 k€"),
    // Right, with a label before the number.
    ("label", "a3_ctr", "CTR = 17,76 %"),
];

fn load_case() -> CasePack {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match App::load(&Paths::under(root)) {
        Ok(mut app) if !app.cases.is_empty() => (*app.cases.swap_remove(0)).clone(),
        Ok(_) => panic!("no case pack under {}", root.display()),
        Err(e) => panic!("cannot load the bundled case pack: {e}"),
    }
}

fn kpi_index(case: &CasePack, id: &str) -> usize {
    case.kpi_index(id)
        .unwrap_or_else(|| panic!("the bundled pack has no KPI '{id}'"))
}

fn bench_check(c: &mut Criterion, case: &CasePack) {
    let answers: Vec<(&str, usize, &str)> = ANSWERS
        .iter()
        .map(|&(name, kpi, input)| (name, kpi_index(case, kpi), input))
        .collect();
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Elements(1));
    for &(name, kpi, input) in &answers {
        group.bench_function(name, |b| {
            b.iter(|| case.check(black_box(kpi), black_box(input)))
        });
    }
    group.bench_function("mix", |b| {
        let mut next = 0;
        b.iter(|| {
            let (_, kpi, input) = answers[next];
            next = (next + 1) % answers.len();
            case.check(black_box(kpi), black_box(input))
        })
    });
    group.finish();
}

fn bench_kpi(c: &mut Criterion, case: &CasePack) {
    let mut group = c.benchmark_group("kpi");
    group.throughput(Throughput::Elements(1));
    // A plain ratio of two annex figures, and a KPI that nests other KPIs three deep.
    for id in ["a3_ctr", "a7_revenue_year"] {
        let index = kpi_index(case, id);
        group.bench_function(format!("evaluate/{id}"), |b| {
            b.iter(|| case.evaluate(black_box(index)))
        });
    }
    let count = case.kpis.len();
    group.throughput(Throughput::Elements(count as u64));
    group.bench_function("evaluate_all", |b| {
        b.iter(|| {
            for i in 0..count {
                let _ = black_box(case.evaluate(black_box(i)));
            }
        })
    });
    group.throughput(Throughput::Elements(1));
    let ctr = kpi_index(case, "a3_ctr");
    group.bench_function("result/a3_ctr", |b| {
        b.iter(|| case.kpi_result(black_box(ctr)))
    });
    group.finish();
}

/// The number of a typed answer as `Decimal::from_str` reads it (« 14 613,33 € » → `14613.33`;
/// « abc » → `0`, so that the yardstick stays a parse).
fn rust_number(input: &str) -> String {
    let n: String = input
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if n.is_empty() {
        "0".into()
    } else {
        n
    }
}

/// The best per-call time of `f` over five rounds of `n` calls, in nanoseconds.
fn per_call(n: u32, mut f: impl FnMut()) -> f64 {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..n {
                f();
            }
            start.elapsed().as_nanos() as f64 / f64::from(n)
        })
        .fold(f64::INFINITY, f64::min)
}

/// The table of checks beside `Decimal::from_str`, and the mix's verdict.
fn yardstick(case: &CasePack) {
    let measuring = std::env::args().any(|a| a == "--bench");
    let n = if measuring { 200_000 } else { 10 };
    let answers: Vec<(&str, usize, &str)> = ANSWERS
        .iter()
        .map(|&(name, kpi, input)| (name, kpi_index(case, kpi), input))
        .collect();
    println!("check beside Decimal::from_str on the same number (best of 5 × {n} calls):");
    let mut checks = 0.0;
    let mut parses = 0.0;
    for &(name, kpi, input) in &answers {
        let number = rust_number(input);
        let check = per_call(n, || {
            black_box(case.check(black_box(kpi), black_box(input)));
        });
        let parse = per_call(n, || {
            let _ = black_box(Decimal::from_str(black_box(&number)));
        });
        checks += check;
        parses += parse;
        println!(
            "  check/{name:<10} {check:>8.0} ns   Decimal::from_str(\"{number}\") {parse:>5.0} ns   × {:.1}",
            check / parse
        );
    }
    let k = answers.len() as f64;
    let (mix, yard) = (checks / k, parses / k);
    let verdict = match (measuring, mix <= MIX_TARGET_NS) {
        (false, _) => "(smoke run, not judged)",
        (true, true) => "PASS",
        (true, false) => "FAIL",
    };
    println!(
        "  check/mix {mix:.0} ns = {:.2} M checks/s (target ≥ 2 M/s, ≤ {MIX_TARGET_NS:.0} ns) {verdict}; Decimal::from_str {yard:.0} ns: the mix costs {:.1} parses",
        1000.0 / mix,
        mix / yard
    );
}

fn engine(c: &mut Criterion) {
    let case = load_case();
    yardstick(&case);
    bench_check(c, &case);
    bench_kpi(c, &case);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    targets = engine
}
criterion_main!(benches);
