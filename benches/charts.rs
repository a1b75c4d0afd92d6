//! How long one chart takes to draw and encode as PNG (the goal: at most 50 ms each).
//!
//! `cargo bench --bench charts`: one criterion benchmark per chart, every case chart of the
//! bundled case and every sample class chart; criterion prints the time per chart.

use casebot::chart::{self, sample};
use casebot::{App, Paths};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::Path;

fn charts(c: &mut Criterion) {
    let app = match App::load(&Paths::under(Path::new(env!("CARGO_MANIFEST_DIR")))) {
        Ok(app) => app,
        Err(e) => panic!("the bundled case does not load: {e}"),
    };
    let Some(case) = app.case(None) else {
        panic!("no case");
    };
    let mut group = c.benchmark_group("chart");
    group.sample_size(30);
    for info in chart::case_charts(case) {
        group.bench_function(info.name.as_str(), |b| {
            b.iter(|| {
                chart::render_case_chart(case, &app.messages, black_box(&info.name))
                    .map(|png| png.len())
            })
        });
    }
    for name in sample::NAMES {
        group.bench_function(*name, |b| {
            b.iter(|| sample::render(case, &app.messages, black_box(name)).map(|png| png.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, charts);
criterion_main!(benches);
