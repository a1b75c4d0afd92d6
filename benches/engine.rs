//! Throughput of the core engine on the bundled case pack (Arbre-cadeau).
//!
//! - `check/<kind>`: [`CasePack::check`] (parse + judge) on one typical answer each, and
//!   `check/mix` cycling through all of them.
//! - `kpi/evaluate/<id>`: the exact value of one KPI; `kpi/evaluate_all`: every KPI of the
//!   case per iteration (throughput counted per KPI).
//! - `kpi/result/a3_ctr`: value plus worked steps, allocation-heavy, for information.
//!
//! Run with `cargo bench --bench engine`.

use casebot::{App, CasePack, Paths};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

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

fn engine(c: &mut Criterion) {
    let case = load_case();
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
