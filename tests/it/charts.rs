//! The charts: every case chart and every class chart (on the fixed sample data of
//! `chart::sample`) is drawn, decoded, checked for size, and compared with its reference picture
//! in `tests/it/charts/`. Run with `CASEBOT_UPDATE_CHARTS=1` to write the references again after
//! a deliberate change (then look at them).

use crate::helpers::{case, root, shared_app};
use casebot::chart::{self, sample, ChartError};
use casebot::prompts::pieces;
use casebot::prompts::Piece;
use std::path::PathBuf;

/// A pixel counts as different when a channel moves by more than this (anti-aliasing noise
/// between platforms stays below it).
const CHANNEL_TOLERANCE: u8 = 24;
/// How many such pixels a chart may have before it fails: fewer than a single digit changed.
const MAX_DIFFERENT_PIXELS: usize = 12;

fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().expect("a PNG header");
    let size = reader.output_buffer_size().expect("a sane size");
    let mut buffer = vec![0; size];
    let info = reader.next_frame(&mut buffer).expect("PNG data");
    assert_eq!(info.color_type, png::ColorType::Rgb, "8-bit RGB expected");
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "8-bit RGB expected");
    buffer.truncate(info.buffer_size());
    (info.width, info.height, buffer)
}

fn reference(name: &str) -> PathBuf {
    root()
        .join("tests")
        .join("it")
        .join("charts")
        .join(format!("{name}.png"))
}

/// Decodes a chart, checks its size, and compares it with its reference picture.
fn check(name: &str, rendered: Result<Vec<u8>, ChartError>) {
    let bytes = rendered.unwrap_or_else(|e| panic!("chart {name} fails: {e}"));
    let (width, height, pixels) = decode(&bytes);
    assert_eq!((width, height), (chart::WIDTH, chart::HEIGHT), "{name}");
    let path = reference(name);
    if std::env::var("CASEBOT_UPDATE_CHARTS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &bytes).expect("write a reference chart");
        return;
    }
    let stored = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "no reference picture {} ({e}): run with CASEBOT_UPDATE_CHARTS=1",
            path.display()
        )
    });
    if stored == bytes {
        return;
    }
    let (w, h, expected) = decode(&stored);
    let different = if (w, h) == (width, height) {
        pixels
            .chunks(3)
            .zip(expected.chunks(3))
            .filter(|(a, b)| {
                a.iter()
                    .zip(b.iter())
                    .any(|(x, y)| x.abs_diff(*y) > CHANNEL_TOLERANCE)
            })
            .count()
    } else {
        usize::MAX
    };
    if different > MAX_DIFFERENT_PIXELS {
        let out = root().join("target").join("chart-diffs");
        std::fs::create_dir_all(&out).expect("create target/chart-diffs");
        let actual = out.join(format!("{name}.png"));
        std::fs::write(&actual, &bytes).expect("write the chart drawn");
        panic!(
            "chart {name} differs from {} ({different} pixels): the chart drawn is in {}; if the \
             change is deliberate, look at it and run with CASEBOT_UPDATE_CHARTS=1",
            path.display(),
            actual.display()
        );
    }
}

#[test]
fn every_case_chart_matches_its_reference() {
    let app = shared_app();
    let charts = chart::case_charts(case());
    let names: Vec<&str> = charts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "annexe2-trafic",
            "annexe2-sessions",
            "annexe2-evolution",
            "annexes3-4-google-facebook",
            "annexe5-segments",
            "annexe7-linkedin",
        ],
        "the bundled case declares its six charts, in order"
    );
    for info in &charts {
        assert!(!info.title.starts_with('['), "{}: title missing", info.name);
        check(
            &info.name,
            chart::render_case_chart(case(), &app.messages, &info.name),
        );
    }
}

#[test]
fn every_class_chart_matches_its_reference() {
    let app = shared_app();
    for name in sample::NAMES {
        check(name, sample::render(case(), &app.messages, name));
    }
}

#[test]
fn charts_are_offered_beside_their_annexes() {
    let names = |annex: u8| -> Vec<String> {
        chart::charts_for_annex(case(), annex)
            .into_iter()
            .map(|c| c.name)
            .collect()
    };
    assert_eq!(
        names(2),
        ["annexe2-trafic", "annexe2-sessions", "annexe2-evolution"]
    );
    assert_eq!(names(3), ["annexes3-4-google-facebook"]);
    assert_eq!(names(4), ["annexes3-4-google-facebook"]);
    assert_eq!(names(5), ["annexe5-segments"]);
    assert_eq!(names(7), ["annexe7-linkedin"]);
    assert!(names(1).is_empty() && names(9).is_empty());
}

#[test]
fn drawing_is_deterministic() {
    let app = shared_app();
    let a = chart::render_case_chart(case(), &app.messages, "annexe2-trafic").expect("draws");
    let b = chart::render_case_chart(case(), &app.messages, "annexe2-trafic").expect("draws");
    assert_eq!(a, b);
    // Only the chunks a plain picture needs: no time, no text.
    let mut at = 8;
    let mut chunks = Vec::new();
    while at + 8 <= a.len() {
        let len = u32::from_be_bytes([a[at], a[at + 1], a[at + 2], a[at + 3]]) as usize;
        chunks.push(String::from_utf8_lossy(&a[at + 4..at + 8]).to_string());
        at += 12 + len;
    }
    chunks.dedup();
    assert_eq!(chunks, ["IHDR", "IDAT", "IEND"]);
}

#[test]
fn unknown_charts_and_empty_data_are_errors_not_panics() {
    let app = shared_app();
    let m = &app.messages;
    assert!(matches!(
        chart::render_case_chart(case(), m, "annexe99"),
        Err(ChartError::UnknownChart(_))
    ));
    assert!(matches!(
        chart::render_podium(m, &[]),
        Err(ChartError::NoData(_))
    ));
    assert!(matches!(
        chart::render_score_distribution(m, &[], rust_decimal::Decimal::TEN),
        Err(ChartError::NoData(_))
    ));
    assert!(matches!(
        chart::render_student_results(m, &[]),
        Err(ChartError::NoData(_))
    ));
    assert!(matches!(
        chart::render_vote_tally(m, &[], 28),
        Err(ChartError::NoData(_))
    ));
}

#[test]
fn odd_class_data_still_draws() {
    use rust_decimal::Decimal;
    let app = shared_app();
    let m = &app.messages;
    let mut spread = sample::answer_spread(case()).expect("a KPI");
    // One value only, equal to the right one; then a zero right value; then huge values.
    spread.given = vec![spread.right];
    chart::render_answer_spread(m, &spread).expect("one answer");
    spread.right = Decimal::ZERO;
    spread.given = vec![Decimal::ZERO, Decimal::ONE, Decimal::new(-5, 0)];
    chart::render_answer_spread(m, &spread).expect("zero right value");
    spread.given = vec![Decimal::MAX, Decimal::MIN, Decimal::ZERO];
    chart::render_answer_spread(m, &spread).expect("extreme values");
    spread.given = vec![Decimal::ONE; 500];
    spread.right = Decimal::ONE;
    chart::render_answer_spread(m, &spread).expect("a tall stack");
    chart::render_podium(m, &[("".to_string(), Decimal::ONE)]).expect("an empty name");
    // Nobody on the podium at 0 point (or less): with nobody who scored, no picture.
    assert!(matches!(
        chart::render_podium(
            m,
            &[
                ("Ana".to_string(), Decimal::ZERO),
                ("Ben".to_string(), Decimal::NEGATIVE_ONE)
            ]
        ),
        Err(ChartError::NoData(_))
    ));
    let many: Vec<(String, Decimal)> = (0..200)
        .map(|i| (format!("Élève {i}"), Decimal::from(i % 7)))
        .collect();
    chart::render_podium(m, &many).expect("a big class");
    chart::render_score_distribution(
        m,
        &[Decimal::new(-1, 0), Decimal::new(45, 0)],
        Decimal::ZERO,
    )
    .expect("points outside the scale");
    chart::render_score_distribution(m, &[Decimal::MAX], Decimal::MAX).expect("huge points");
    let rows: Vec<(String, Decimal, Decimal)> = (0..9)
        .map(|i| (format!("Dossier {i}"), Decimal::from(i), Decimal::from(i)))
        .collect();
    chart::render_student_results(m, &rows).expect("many dossiers");
}

#[test]
fn odd_votes_still_draw() {
    use chart::VoteRow;
    let app = shared_app();
    let m = &app.messages;
    let row = |title: String, counts: [u32; 3]| VoteRow { title, counts };
    let draws = |what: &str, rows: &[VoteRow], voters: usize| {
        let bytes =
            chart::render_vote_tally(m, rows, voters).unwrap_or_else(|e| panic!("{what}: {e}"));
        let (width, height, _) = decode(&bytes);
        assert_eq!((width, height), (chart::WIDTH, chart::HEIGHT), "{what}");
    };
    // 25 posts: the first ones, and a line for the rest; then every count from 1 to 25.
    let many: Vec<VoteRow> = (1..=25u32)
        .map(|i| row(format!("Brouillon n° {i}"), [i, 26 - i, i % 4]))
        .collect();
    for n in 1..=many.len() {
        draws(&format!("{n} posts"), &many[..n], 28);
    }
    // Nobody voted (on one post, then on any).
    let (mut sample, voters) = sample::vote_tally();
    sample[1].counts = [0; 3];
    draws("a post with no vote", &sample, voters);
    for r in &mut sample {
        r.counts = [0; 3];
    }
    draws("no vote at all", &sample, 0);
    // Counts whose sum overflows a u32, and more voters than anyone has.
    let huge = [
        row("Modèle 1".into(), [u32::MAX; 3]),
        row("Modèle 2".into(), [u32::MAX, 0, 1]),
        row("Brouillon n° 1".into(), [1, 1, 1]),
    ];
    draws("huge counts", &huge, usize::MAX);
    let huge_many: Vec<VoteRow> = (0..25).map(|_| row("X".into(), [u32::MAX; 3])).collect();
    draws("25 posts of huge counts", &huge_many, usize::MAX);
    // Titles: 300 characters, emoji and controls only, empty, one long word.
    let titles = [
        "Un titre très long "
            .repeat(16)
            .chars()
            .take(300)
            .collect::<String>(),
        "🎉🎉\n\t".to_string(),
        String::new(),
        "é".repeat(300),
    ];
    let rows: Vec<VoteRow> = titles.iter().map(|t| row(t.clone(), [3, 4, 5])).collect();
    draws("odd titles above the bars", &rows, 12);
    let rows: Vec<VoteRow> = titles
        .iter()
        .cycle()
        .take(20)
        .map(|t| row(t.clone(), [3, 4, 5]))
        .collect();
    draws("odd titles beside the bars", &rows, 12);
}

#[test]
fn every_chart_text_exists_with_the_arguments_the_code_gives() {
    let messages = &shared_app().messages;
    let mut problems = Vec::new();
    for (id, args) in chart::TEXTS {
        let Some(template) = messages.get(id) else {
            problems.push(format!("text '{id}' is missing from prompts/fr"));
            continue;
        };
        for piece in pieces(template).expect("templates parse at load") {
            if let Piece::Arg(name) = piece {
                if !args.contains(&name) {
                    problems.push(format!(
                        "text '{id}' uses {{{name}}}, which the code does not give"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(chart::TEXT_IDS.len(), chart::TEXTS.len());
    for id in chart::TEXT_IDS {
        assert!(messages.contains(id), "{id}");
    }
    // And every text of charts.toml is used.
    let file = root().join("prompts/fr/charts.toml");
    for id in messages.ids() {
        if messages.file_of(id) == Some(file.as_path()) {
            assert!(
                chart::TEXT_IDS.contains(&id),
                "{id} is in charts.toml but unused"
            );
        }
    }
}

/// Whether every pixel of the band just inside the card's border (the outer half of the
/// margin) is white: nothing drawn there, so no label runs off the picture.
fn margin_is_blank(bytes: &[u8]) -> Result<(), String> {
    let (w, h, pixels) = decode(bytes);
    let (w, h) = (w as usize, h as usize);
    let band = 4..12usize;
    for y in 4..h - 4 {
        for x in band.clone().chain(w - 12..w - 4) {
            let i = (y * w + x) * 3;
            if pixels[i..i + 3] != [255, 255, 255] {
                return Err(format!("ink at ({x}, {y}): {:?}", &pixels[i..i + 3]));
            }
        }
    }
    Ok(())
}

/// Issue #10, item 8: axis labels are never cut, on every class chart, for sample data and
/// for scales whose labels are wide (large maxima, many decimals, negative values).
#[test]
fn no_class_chart_draws_into_its_outer_margin() {
    use rust_decimal::Decimal;
    let app = shared_app();
    let m = &app.messages;
    for name in sample::NAMES {
        let png = sample::render(case(), m, name).expect("a sample chart");
        margin_is_blank(&png).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let d = |v: i64, scale: u32| Decimal::new(v, scale);
    for (points, max) in [
        (vec![d(0, 0), d(12_345_678, 3)], d(12_345_678, 3)),
        (vec![d(-3, 0), d(99_999, 0)], d(100_000, 0)),
        (vec![d(1, 3), d(7, 3)], d(125, 3)),
        (vec![d(5, 1)], d(5, 1)),
    ] {
        let png = chart::render_score_distribution(m, &points, max).expect("scores");
        margin_is_blank(&png).unwrap_or_else(|e| panic!("scores {points:?} / {max}: {e}"));
    }
    let mut spread = sample::answer_spread(case()).expect("a KPI");
    for (right, given) in [
        (d(123_456_789, 2), vec![d(123_456_789, 2), d(1_300_000, 0)]),
        (d(-5_08, 2), vec![d(-5, 0), d(-6, 0)]),
        (d(17_76, 2), vec![d(17_76, 2), d(10, 0), d(25, 0)]),
    ] {
        spread.right = right;
        spread.given = given;
        let png = chart::render_answer_spread(m, &spread).expect("spread");
        margin_is_blank(&png).unwrap_or_else(|e| panic!("spread around {right}: {e}"));
    }
}

/// Issue #10, item 8: the podium picture never shows a student at 0 point.
#[test]
fn the_podium_picture_leaves_out_students_at_zero_point() {
    use rust_decimal::Decimal;
    let m = &shared_app().messages;
    let with_zero = [
        ("Ana".to_string(), Decimal::ONE),
        ("Ben".to_string(), Decimal::ZERO),
    ];
    let alone = [("Ana".to_string(), Decimal::ONE)];
    assert_eq!(
        chart::render_podium(m, &with_zero).expect("podium"),
        chart::render_podium(m, &alone).expect("podium"),
        "Ben at 0 point is not drawn"
    );
}
