//! Charts of how the class answered, as pure functions over plain data the quiz and workshop
//! engines give: the spread of the values given for one question, the podium, the class's
//! scores, one student's results per dossier, and the tally of a class vote on LinkedIn posts.
//! Names are drawn as typed (images show no Markdown), without the characters the font cannot
//! draw, and cut with "…" when too long.

use super::canvas::{clean_name, colour, size, Align, Canvas, Rgb, Style, Weight, MARGIN};
use super::{bounded, nice_step, px, step_decimals, ChartError, HEIGHT, WIDTH};
use crate::format::{self, Unit};
use crate::msg;
use crate::prompts::Prompts;
use rust_decimal::Decimal;

/// How the class answered one question, for the chart shown after its correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerSpread {
    /// The KPI's label, shown under the title.
    pub kpi_label: String,
    /// The KPI's unit and displayed precision, for the axis and the right value.
    pub unit: Unit,
    pub precision: u32,
    /// The right value (exact or rounded: it is shown at `precision`).
    pub right: Decimal,
    /// Every value read from an answer (invalid answers have none).
    pub given: Vec<Decimal>,
    /// Verdict counts.
    pub correct: usize,
    pub close: usize,
    pub wrong: usize,
}

fn points_text(messages: &Prompts, value: Decimal) -> String {
    let n = format::number_trimmed(value, 3);
    messages.text(&msg::ChartPoints { n: &n })
}

/// An axis label centred under `x`, moved inwards when it would cross the card's edge: an
/// axis label is never cut.
fn tick_label(canvas: &mut Canvas, label: &str, x: f32, baseline: f32, style: Style) {
    let half = canvas.width(label, style) / 2.0;
    let (lo, hi) = (MARGIN / 2.0 + half, canvas.width - MARGIN / 2.0 - half);
    let x = if lo <= hi {
        x.clamp(lo, hi)
    } else {
        canvas.width / 2.0
    };
    canvas.text(label, x, baseline, style, Align::Center);
}

/// Draws `label` with a coloured square before it; returns the width used.
fn swatch_label(canvas: &mut Canvas, x: f32, baseline: f32, fill: Rgb, label: &str) -> f32 {
    let style = Style::new(size::BODY, Weight::Regular, colour::INK);
    canvas.round_rect(x, baseline - 15.0, 17.0, 17.0, 3.0, fill);
    23.0 + canvas.text(label, x + 23.0, baseline, style, Align::Left)
}

/// Where the values given fell around the right one (one dot per answer, stacked when they
/// coincide), the right value marked, and the right / close / wrong counts.
///
/// Values more than half the right value away from it (a ratio given for a percentage, a
/// factor of 100…) would crush the scale: they are counted at the edges as off the scale.
pub fn render_answer_spread(
    messages: &Prompts,
    data: &AnswerSpread,
) -> Result<Vec<u8>, ChartError> {
    let data = &AnswerSpread {
        right: bounded(data.right),
        given: data.given.iter().copied().map(bounded).collect(),
        ..data.clone()
    };
    let mut canvas = Canvas::new(WIDTH, HEIGHT)?;
    let top = canvas.header(
        &messages.text(&msg::ChartAnswersTitle),
        Some(&data.kpi_label),
    );
    let right_text = format::with_unit(data.right, data.unit, data.precision);
    let right_label = messages.text(&msg::ChartAnswersRight { value: &right_text });
    let area = SpreadArea {
        x0: MARGIN + 16.0,
        x1: canvas.width - MARGIN - 16.0,
        label_y: top + 24.0,
        dots_top: top + 40.0,
        axis_y: top + 200.0,
    };
    let green = Style::new(size::BODY, Weight::Bold, colour::DARK_GREEN);

    // The window: the right value give or take half its size (at least one unit of precision).
    let unit_step = Decimal::new(1, data.precision.min(20));
    let half = (data.right.abs() / Decimal::TWO).max(unit_step);
    let (lo_limit, hi_limit) = (data.right - half, data.right + half);
    let inside: Vec<Decimal> = data
        .given
        .iter()
        .copied()
        .filter(|v| *v >= lo_limit && *v <= hi_limit)
        .collect();
    let off_low = data.given.iter().filter(|v| **v < lo_limit).count();
    let off_high = data.given.iter().filter(|v| **v > hi_limit).count();

    if data.given.is_empty() {
        let muted = Style::new(size::BODY, Weight::Regular, colour::MUTED);
        let cx = canvas.width / 2.0;
        canvas.text(&right_label, cx, area.label_y + 40.0, green, Align::Center);
        // Every stored answer has a value, so no value means no answer; the counts below
        // would contradict the sentence otherwise, and then they speak alone.
        if data.correct + data.close + data.wrong == 0 {
            let none = messages.text(&msg::ChartAnswersNone);
            let width = area.x1 - area.x0;
            canvas.text_fit(&none, cx, area.axis_y - 40.0, muted, Align::Center, width);
        }
    } else {
        let scale = SpreadScale::new(data, &inside, unit_step, &area);
        draw_spread_ticks(&mut canvas, data.unit, &scale, &area);
        // The right value.
        let rx = scale.x(data.right);
        canvas.line(
            (rx, area.dots_top - 4.0),
            (rx, area.axis_y),
            3.0,
            colour::GREEN,
            Some((8.0, 5.0)),
        );
        let w = canvas.width(&right_label, green);
        let lx = (rx - w / 2.0).clamp(MARGIN, canvas.width - MARGIN - w);
        canvas.text(&right_label, lx, area.label_y, green, Align::Left);
        draw_spread_dots(&mut canvas, &inside, &scale, &area);
        draw_off_scale(&mut canvas, messages, (off_low, off_high), &area);
    }
    draw_verdict_counts(&mut canvas, messages, data);
    canvas.png()
}

/// Where the spread chart draws: the axis from `x0` to `x1` at `axis_y`, the dots between
/// `dots_top` and the axis, the right value's label at `label_y`.
struct SpreadArea {
    x0: f32,
    x1: f32,
    label_y: f32,
    dots_top: f32,
    axis_y: f32,
}

/// The spread chart's scale: from `lo` to `hi` by `step`, drawn from `x0` to `x1`.
struct SpreadScale {
    lo: Decimal,
    hi: Decimal,
    step: Decimal,
    range: f32,
    x0: f32,
    x1: f32,
}

impl SpreadScale {
    /// A scale around the values `inside` the window and the right value, padded by a tenth
    /// and cut at round steps (never below zero when every value is positive).
    fn new(
        data: &AnswerSpread,
        inside: &[Decimal],
        unit_step: Decimal,
        area: &SpreadArea,
    ) -> SpreadScale {
        let min = inside.iter().copied().fold(data.right, Decimal::min);
        let max = inside.iter().copied().fold(data.right, Decimal::max);
        let mut span = max - min;
        if span.is_zero() {
            span = (data.right.abs() / Decimal::TEN).max(unit_step * Decimal::TEN);
        }
        let pad = span / Decimal::TEN;
        let step = nice_step(span + pad * Decimal::TWO, 5);
        let mut lo = ((min - pad) / step).floor() * step;
        if min >= Decimal::ZERO && lo < Decimal::ZERO {
            lo = Decimal::ZERO;
        }
        let hi = ((max + pad) / step).ceil() * step;
        let range = px(hi - lo).max(f32::MIN_POSITIVE);
        SpreadScale {
            lo,
            hi,
            step,
            range,
            x0: area.x0,
            x1: area.x1,
        }
    }

    /// Where `v` falls on the axis.
    fn x(&self, v: Decimal) -> f32 {
        self.x0 + (px(v - self.lo) / self.range) * (self.x1 - self.x0)
    }
}

/// The axis, its grid lines, ticks and their labels (every other one if they would touch).
fn draw_spread_ticks(canvas: &mut Canvas, unit: Unit, scale: &SpreadScale, area: &SpreadArea) {
    let (x0, x1, axis_y) = (area.x0, area.x1, area.axis_y);
    let tick_style = Style::new(size::SMALL, Weight::Regular, colour::MUTED);
    let decimals = step_decimals(scale.step);
    let mut ticks = Vec::new();
    let mut v = scale.lo;
    while v <= scale.hi && ticks.len() < 20 {
        ticks.push((v, format::with_unit(v, unit, decimals)));
        v += scale.step;
    }
    let widest = ticks
        .iter()
        .map(|(_, s)| canvas.width(s, tick_style))
        .fold(0.0, f32::max);
    let spacing = (x1 - x0) / (ticks.len().max(2) - 1) as f32;
    let every = if widest + 12.0 > spacing { 2 } else { 1 };
    for (i, (v, label)) in ticks.iter().enumerate() {
        let x = scale.x(*v);
        canvas.line((x, area.dots_top), (x, axis_y), 1.0, colour::GRID, None);
        if i % every == 0 {
            canvas.line((x, axis_y), (x, axis_y + 6.0), 1.5, colour::AXIS, None);
            tick_label(canvas, label, x, axis_y + 26.0, tick_style);
        }
    }
    canvas.line((x0, axis_y), (x1, axis_y), 2.0, colour::AXIS, None);
}

/// The dots, stacked in columns one dot wide, smaller when the tallest stack would not fit.
fn draw_spread_dots(
    canvas: &mut Canvas,
    inside: &[Decimal],
    scale: &SpreadScale,
    area: &SpreadArea,
) {
    let (x0, x1, axis_y) = (area.x0, area.x1, area.axis_y);
    let height = axis_y - area.dots_top - 4.0;
    let mut diameter = 18.0f32;
    let mut columns: Vec<(i64, usize)> = Vec::new();
    for _ in 0..3 {
        columns.clear();
        for v in inside {
            let col = ((scale.x(*v) - x0) / diameter).round() as i64;
            match columns.iter_mut().find(|(c, _)| *c == col) {
                Some((_, n)) => *n += 1,
                None => columns.push((col, 1)),
            }
        }
        let tallest = columns.iter().map(|(_, n)| *n).max().unwrap_or(1) as f32;
        if tallest * diameter <= height {
            break;
        }
        diameter = (height / tallest).max(3.0);
    }
    for (col, n) in &columns {
        let cx = (x0 + *col as f32 * diameter).clamp(x0, x1);
        for k in 0..*n {
            let cy = axis_y - 2.0 - diameter / 2.0 - k as f32 * diameter;
            canvas.circle(cx, cy, diameter / 2.0, colour::WHITE);
            canvas.circle(cx, cy, (diameter / 2.0 - 1.5).max(1.0), colour::BLUE);
        }
    }
}

/// How many values fell off the scale, below and above, under the axis's ends.
fn draw_off_scale(
    canvas: &mut Canvas,
    messages: &Prompts,
    (off_low, off_high): (usize, usize),
    area: &SpreadArea,
) {
    let off = Style::new(size::SMALL, Weight::Bold, colour::MUTED);
    if off_low > 0 {
        let text = messages.text(&msg::ChartAnswersOffLow {
            n: &off_low.to_string(),
        });
        canvas.text(&text, area.x0, area.axis_y + 52.0, off, Align::Left);
    }
    if off_high > 0 {
        let text = messages.text(&msg::ChartAnswersOffHigh {
            n: &off_high.to_string(),
        });
        canvas.text(&text, area.x1, area.axis_y + 52.0, off, Align::Right);
    }
}

/// Right, close, wrong: the legend with the counts, and one bar cut in their proportions.
fn draw_verdict_counts(canvas: &mut Canvas, messages: &Prompts, data: &AnswerSpread) {
    let counts = [
        (
            messages.text(&msg::ChartAnswersCorrect {
                n: &data.correct.to_string(),
            }),
            data.correct,
            colour::GREEN,
        ),
        (
            messages.text(&msg::ChartAnswersClose {
                n: &data.close.to_string(),
            }),
            data.close,
            colour::ORANGE,
        ),
        (
            messages.text(&msg::ChartAnswersWrong {
                n: &data.wrong.to_string(),
            }),
            data.wrong,
            colour::RED,
        ),
    ];
    let legend_y = canvas.height - 82.0;
    let mut x = MARGIN;
    for (label, _, fill) in &counts {
        x += swatch_label(canvas, x, legend_y, *fill, label) + 34.0;
    }
    let total = (data.correct + data.close + data.wrong) as f32;
    let bar_y = legend_y + 16.0;
    let full = canvas.width - 2.0 * MARGIN;
    if total > 0.0 {
        let mut x = MARGIN;
        for (_, n, fill) in counts {
            let w = full * n as f32 / total;
            canvas.rect(x, bar_y, w, 30.0, fill);
            x += w;
        }
    } else {
        canvas.rect(MARGIN, bar_y, full, 30.0, colour::TRACK);
    }
}

/// Ranks shared by ties ("1, 1, 3"), best first; the order among equals is kept.
fn ranked<T>(rows: &[(T, Decimal)]) -> Vec<(usize, &(T, Decimal))> {
    let mut sorted: Vec<&(T, Decimal)> = rows.iter().collect();
    sorted.sort_by_key(|row| std::cmp::Reverse(row.1));
    let mut out = Vec::with_capacity(sorted.len());
    let mut rank = 0;
    for (i, row) in sorted.iter().enumerate() {
        if i == 0 || sorted[i - 1].1 != row.1 {
            rank = i + 1;
        }
        out.push((rank, *row));
    }
    out
}

/// The podium: the first three places (ties share a step and a rank), names and points above
/// each step; a student at 0 point (or less) is never on it. Fails with [`ChartError::NoData`]
/// when nobody scored.
pub fn render_podium(
    messages: &Prompts,
    rows: &[(String, Decimal)],
) -> Result<Vec<u8>, ChartError> {
    let rows: Vec<(String, Decimal)> = rows
        .iter()
        .filter(|(_, p)| *p > Decimal::ZERO)
        .cloned()
        .collect();
    if rows.is_empty() {
        return Err(ChartError::NoData("no player on the podium"));
    }
    let mut canvas = Canvas::new(WIDTH, HEIGHT)?;
    canvas.header(&messages.text(&msg::ChartPodiumTitle), None);
    // Groups of equal points, at most three, each with its rank.
    let mut groups: Vec<(usize, Decimal, Vec<String>)> = Vec::new();
    let rows: Vec<(&str, Decimal)> = rows
        .iter()
        .map(|(n, p)| (n.as_str(), bounded(*p)))
        .collect();
    for (rank, (name, points)) in ranked(&rows) {
        if rank > 3 {
            break;
        }
        let name = clean_name(&canvas.fonts, name);
        let full = groups.len() == 3;
        match groups.last_mut() {
            Some((r, _, names)) if *r == rank => names.push(name),
            _ if full => break,
            _ => groups.push((rank, *points, vec![name])),
        }
    }
    let step_w = 220.0;
    let gap = 12.0;
    let base = canvas.height - 24.0;
    let centre = canvas.width / 2.0 - step_w / 2.0;
    // Position on the podium: first group in the middle, second left, third right.
    let places = [
        (centre, 250.0),
        (centre - gap - step_w, 185.0),
        (centre + step_w + gap, 135.0),
    ];
    let rank_style = Style::new(36.0, Weight::Bold, colour::INK);
    let name_style = Style::new(size::BODY, Weight::Bold, colour::INK);
    let points_style = Style::new(size::LABEL, Weight::Regular, colour::MUTED);
    for ((rank, points, names), (x, h)) in groups.iter().zip(places) {
        let top = base - h;
        let fill = match rank {
            1 => colour::GOLD,
            2 => colour::SILVER,
            _ => colour::BRONZE,
        };
        canvas.round_rect(x, top, step_w, h, 10.0, fill);
        canvas.rect(x, top + 10.0, step_w, h - 10.0, fill);
        // The rank as a number: French ordinals carry a gender ("1er", "1re").
        let rank_text = messages.text(&msg::ChartPodiumRank {
            n: &rank.to_string(),
        });
        canvas.text(
            &rank_text,
            x + step_w / 2.0,
            top + 50.0,
            rank_style,
            Align::Center,
        );
        let cx = x + step_w / 2.0;
        canvas.text(
            &points_text(messages, *points),
            cx,
            top - 12.0,
            points_style,
            Align::Center,
        );
        let mut lines: Vec<String> = names.clone();
        if lines.len() > 3 {
            let more = messages.text(&msg::ChartPodiumMore {
                n: &(lines.len() - 2).to_string(),
            });
            lines.truncate(2);
            lines.push(more);
        }
        for (k, line) in lines.iter().rev().enumerate() {
            let y = top - 40.0 - 26.0 * k as f32;
            canvas.text_fit(line, cx, y, name_style, Align::Center, step_w - 8.0);
        }
    }
    canvas.line(
        (places[1].0 - 8.0, base),
        (places[2].0 + step_w + 8.0, base),
        2.0,
        colour::AXIS,
        None,
    );
    canvas.png()
}

/// The smallest bin width of the form 1, 2, 2.5 or 5 × 10^k that cuts `span` into at most
/// `max` bins.
fn bin_width(span: Decimal, max: u32) -> Decimal {
    let max = Decimal::from(max.max(1));
    let mut power = Decimal::new(1, 3);
    for _ in 0..30 {
        for m in [
            Decimal::ONE,
            Decimal::TWO,
            Decimal::new(25, 1),
            Decimal::new(5, 0),
        ] {
            let width = power * m;
            if span <= width * max {
                return width;
            }
        }
        match power.checked_mul(Decimal::TEN) {
            Some(p) => power = p,
            None => break,
        }
    }
    power
}

/// How many students scored in each band of points, from 0 to the most a student could earn,
/// with the class mean. Fails with [`ChartError::NoData`] when nobody scored.
pub fn render_score_distribution(
    messages: &Prompts,
    points: &[Decimal],
    max_points: Decimal,
) -> Result<Vec<u8>, ChartError> {
    if points.is_empty() {
        return Err(ChartError::NoData("no score to show"));
    }
    let points: Vec<Decimal> = points.iter().copied().map(bounded).collect();
    let max_points = bounded(max_points);
    let mut canvas = Canvas::new(WIDTH, HEIGHT)?;
    let n = points.len();
    let students = messages.text(&msg::ChartScoresStudents {
        n: &count_text(n as u64),
    });
    let subtitle = messages.text(&msg::ChartScoresSubtitle {
        students: &students,
        max: &points_text(messages, max_points),
    });
    let top = canvas.header(&messages.text(&msg::ChartScoresTitle), Some(&subtitle));
    let lo = points.iter().copied().fold(Decimal::ZERO, Decimal::min);
    let hi = points.iter().copied().fold(max_points, Decimal::max);
    let width = bin_width(hi - lo, 10);
    let lo = (lo / width).floor() * width;
    let mut hi = (hi / width).ceil() * width;
    if hi <= lo {
        hi = lo + width;
    }
    let bins = ((hi - lo) / width)
        .round()
        .try_into()
        .unwrap_or(1usize)
        .clamp(1, 40);
    let mut counts = vec![0usize; bins];
    for p in &points {
        let index: usize = ((*p - lo) / width).floor().try_into().unwrap_or(0);
        counts[index.min(bins - 1)] += 1;
    }
    let x0 = MARGIN + 8.0;
    let x1 = canvas.width - MARGIN - 8.0;
    let base = canvas.height - 64.0;
    let bars_top = top + 64.0;
    let slot = (x1 - x0) / bins as f32;
    let tallest = counts.iter().copied().max().unwrap_or(1).max(1) as f32;
    let count_style = Style::new(size::BODY, Weight::Bold, colour::INK);
    let tick_style = Style::new(size::SMALL, Weight::Regular, colour::MUTED);
    for (i, count) in counts.iter().enumerate() {
        let x = x0 + slot * i as f32;
        let h = (base - bars_top) * *count as f32 / tallest;
        canvas.rect(x + 3.0, base - h, slot - 6.0, h, colour::BLUE);
        if *count > 0 {
            canvas.text(
                &count.to_string(),
                x + slot / 2.0,
                base - h - 8.0,
                count_style,
                Align::Center,
            );
        }
    }
    canvas.line((x0, base), (x1, base), 2.0, colour::AXIS, None);
    // Band edges, every other one when they would touch.
    let decimals = step_decimals(width);
    let labels: Vec<String> = (0..=bins)
        .map(|i| format::number_trimmed(lo + width * Decimal::from(i as u64), decimals))
        .collect();
    let widest = labels
        .iter()
        .map(|l| canvas.width(l, tick_style))
        .fold(0.0, f32::max);
    let every = ((widest + 10.0) / slot).ceil().max(1.0) as usize;
    for (i, label) in labels.iter().enumerate() {
        if i % every != 0 && i != bins {
            continue;
        }
        if i == bins && i % every != 0 && slot * (i % every) as f32 <= widest + 10.0 {
            continue;
        }
        let x = x0 + slot * i as f32;
        canvas.line((x, base), (x, base + 6.0), 1.5, colour::AXIS, None);
        tick_label(&mut canvas, label, x, base + 26.0, tick_style);
    }
    // The mean.
    let sum: Decimal = points.iter().copied().sum();
    let mean = sum / Decimal::from(n as u64);
    let range = px(hi - lo).max(f32::MIN_POSITIVE);
    let mx = x0 + px(mean - lo) / range * (x1 - x0);
    canvas.line(
        (mx, bars_top - 30.0),
        (mx, base),
        3.0,
        colour::ORANGE,
        Some((8.0, 5.0)),
    );
    let mean_text = messages.text(&msg::ChartScoresMean {
        value: &points_text(messages, format::round(mean, 2)),
    });
    let style = Style::new(size::BODY, Weight::Bold, colour::INK);
    let w = canvas.width(&mean_text, style);
    let lx = (mx - w / 2.0).clamp(MARGIN, canvas.width - MARGIN - w);
    canvas.text(&mean_text, lx, bars_top - 38.0, style, Align::Left);
    canvas.png()
}

/// One student's points per dossier: a bar filled to the share earned, "earned / possible
/// (percent)" beside it, and the total. Fails with [`ChartError::NoData`] when empty.
pub fn render_student_results(
    messages: &Prompts,
    per_dossier: &[(String, Decimal, Decimal)],
) -> Result<Vec<u8>, ChartError> {
    if per_dossier.is_empty() {
        return Err(ChartError::NoData("no dossier to show"));
    }
    const SHOWN: usize = 5;
    let per_dossier: Vec<(&str, Decimal, Decimal)> = per_dossier
        .iter()
        .map(|(l, e, p)| (l.as_str(), bounded(*e), bounded(*p)))
        .collect();
    let mut canvas = Canvas::new(WIDTH, HEIGHT)?;
    let top = canvas.header(&messages.text(&msg::ChartResultsTitle), None);
    let line = |earned: Decimal, possible: Decimal| {
        let percent = if possible > Decimal::ZERO {
            format::with_unit(earned / possible * Decimal::ONE_HUNDRED, Unit::Percent, 0)
        } else {
            "–".to_string()
        };
        messages.text(&msg::ChartResultsLine {
            earned: &format::number_trimmed(earned, 3),
            possible: &format::number_trimmed(possible, 3),
            percent: &percent,
        })
    };
    let shown = if per_dossier.len() > SHOWN {
        SHOWN - 1
    } else {
        per_dossier.len()
    };
    let total_y = canvas.height - 28.0;
    let area = total_y - 40.0 - top;
    let row = (area / shown.max(3) as f32).min(100.0);
    let head = Style::new(size::BODY, Weight::Bold, colour::INK);
    let figures = Style::new(size::BODY, Weight::Regular, colour::INK);
    let figures_w = 210.0;
    let bar_x = MARGIN;
    let bar_w = canvas.width - 2.0 * MARGIN - figures_w - 16.0;
    for (i, (label, earned, possible)) in per_dossier.iter().take(shown).enumerate() {
        let y = top + 8.0 + row * i as f32;
        let label = clean_name(&canvas.fonts, label);
        canvas.text_fit(
            &label,
            MARGIN,
            y + 22.0,
            head,
            Align::Left,
            canvas.width - 2.0 * MARGIN,
        );
        let bar_y = y + 34.0;
        canvas.round_rect(bar_x, bar_y, bar_w, 26.0, 6.0, colour::TRACK);
        let share = if *possible > Decimal::ZERO {
            px(*earned / *possible).clamp(0.0, 1.0)
        } else {
            0.0
        };
        canvas.round_rect(bar_x, bar_y, bar_w * share, 26.0, 6.0, colour::BLUE);
        let text = line(*earned, *possible);
        canvas.text_fit(
            &text,
            canvas.width - MARGIN,
            bar_y + 20.0,
            figures,
            Align::Right,
            figures_w,
        );
    }
    if shown < per_dossier.len() {
        let more = messages.text(&msg::ChartResultsMore {
            n: &(per_dossier.len() - shown).to_string(),
        });
        let y = top + 8.0 + row * shown as f32 + 22.0;
        let muted = Style::new(size::LABEL, Weight::Regular, colour::MUTED);
        canvas.text(&more, MARGIN, y, muted, Align::Left);
    }
    let earned: Decimal = per_dossier.iter().map(|(_, e, _)| *e).sum();
    let possible: Decimal = per_dossier.iter().map(|(_, _, p)| *p).sum();
    // The total names its unit, agreeing with the maximum (« sur 1 point », « / 2 points »).
    let total = {
        let percent = if possible > Decimal::ZERO {
            format::with_unit(earned / possible * Decimal::ONE_HUNDRED, Unit::Percent, 0)
        } else {
            "–".to_string()
        };
        messages.text(&msg::ChartResultsTotal {
            earned: &format::number_trimmed(earned, 3),
            possible: &points_text(messages, possible),
            percent: &percent,
        })
    };
    canvas.line(
        (MARGIN, total_y - 32.0),
        (canvas.width - MARGIN, total_y - 32.0),
        1.0,
        colour::GRID,
        None,
    );
    canvas.text_fit(
        &total,
        MARGIN,
        total_y,
        head,
        Align::Left,
        canvas.width - 2.0 * MARGIN,
    );
    canvas.png()
}

/// One post of a class vote and how many students chose each answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteRow {
    /// The post's title as the class sees it ("Modèle 1 : Le témoignage en tête", "Brouillon n° 3").
    pub title: String,
    /// Votes for convaincant, mitigé, à retravailler, in this order.
    pub counts: [u32; 3],
}

/// "1 vote", "28 votes", "1 post"… with French thousands: 0 and 1 take the singular.
fn count_text(n: u64) -> String {
    format::number(Decimal::from(n), 0)
}

/// How many posts the vote chart shows with their title above the bar; more go one a line,
/// the title on the left.
const VOTES_ABOVE_MAX: usize = 6;
/// The least height of a line when titles are on the left: past what fits, the last line
/// says how many posts are left out.
const VOTES_MIN_PITCH: f32 = 28.0;

/// How many of `posts` posts the vote chart shows in `area` pixels of height, and on how many
/// lines: all of them when they fit, else one line fewer and a last line for the rest, which
/// is then at least two posts (hence the plural of "autres posts").
fn vote_lines(posts: usize, area: f32) -> (usize, usize) {
    let fit = ((area / VOTES_MIN_PITCH).floor() as usize).max(VOTES_ABOVE_MAX);
    if posts <= fit {
        (posts, posts)
    } else {
        (fit - 1, fit)
    }
}

/// A class vote's tally: the three answers' legend, then one bar per post, in the given order,
/// cut into its convaincant / mitigé / à retravailler votes (each count written in its segment
/// when it fits) with the post's total at its end. Every bar is on the scale of the largest
/// total. Posts beyond what fits legibly are summed up on a last line. Fails with
/// [`ChartError::NoData`] when there is no post.
pub fn render_vote_tally(
    messages: &Prompts,
    rows: &[VoteRow],
    voters: usize,
) -> Result<Vec<u8>, ChartError> {
    if rows.is_empty() {
        return Err(ChartError::NoData("no post in the vote"));
    }
    let mut canvas = Canvas::new(WIDTH, HEIGHT)?;
    let posts = messages.text(&msg::ChartVotesPosts {
        n: &count_text(rows.len() as u64),
    });
    let voters = messages.text(&msg::ChartVotesVoters {
        n: &count_text(voters as u64),
    });
    let subtitle = messages.text(&msg::ChartVotesSubtitle {
        posts: &posts,
        voters: &voters,
    });
    let top = canvas.header(&messages.text(&msg::ChartVotesTitle), Some(&subtitle));
    let answers = [
        (messages.text(&msg::ChartVotesConvincing), colour::GREEN),
        (messages.text(&msg::ChartVotesMixed), colour::ORANGE),
        (messages.text(&msg::ChartVotesRework), colour::RED),
    ];
    let legend: Vec<(&str, Rgb)> = answers.iter().map(|(l, c)| (l.as_str(), *c)).collect();
    canvas.legend(&legend, MARGIN, top + 20.0);
    let fills = [answers[0].1, answers[1].1, answers[2].1];

    let lines = VoteLines::new(canvas.height, top, rows.len());
    let columns = VoteColumns::new(&canvas, messages, &rows[..lines.shown], &lines);
    let (above, pitch, bar_h) = (lines.above, lines.pitch, lines.bar_h);
    let (bar_x, right) = (columns.bar_x, columns.right);
    for (i, (row, title)) in rows[..lines.shown].iter().zip(&columns.titles).enumerate() {
        let y = lines.area_top + pitch * i as f32;
        let bar_y = if above {
            y + 28.0
        } else {
            y + (pitch - bar_h) / 2.0
        };
        let middle = bar_y + bar_h / 2.0;
        let title_style = columns.title_style;
        let title_y = if above {
            y + 19.0
        } else {
            middle + title_style.size * 0.36
        };
        canvas.text_fit(
            title,
            MARGIN,
            title_y,
            title_style,
            Align::Left,
            columns.title_w,
        );
        let baseline = middle + lines.figure_size * 0.36;
        if columns.totals[i] == 0 {
            canvas.text_fit(
                &columns.total_texts[i],
                bar_x,
                baseline,
                columns.zero_style,
                Align::Left,
                right - bar_x,
            );
            continue;
        }
        let bar = VoteBar {
            x: bar_x,
            y: bar_y,
            h: bar_h,
            full: columns.full,
            largest: columns.largest,
            baseline,
            figure_size: lines.figure_size,
        };
        let end = draw_vote_bar(&mut canvas, &row.counts, &fills, &bar);
        canvas.text_fit(
            &columns.total_texts[i],
            end + 10.0,
            baseline,
            columns.total_style,
            Align::Left,
            right - end - 10.0,
        );
    }
    if lines.shown < rows.len() {
        let more = messages.text(&msg::ChartVotesMore {
            n: &format::number(Decimal::from((rows.len() - lines.shown) as u64), 0),
        });
        let y = lines.area_top + pitch * lines.shown as f32 + pitch / 2.0 + 6.0;
        let muted = Style::new(size::LABEL, Weight::Regular, colour::MUTED);
        canvas.text_fit(&more, MARGIN, y, muted, Align::Left, right - MARGIN);
    }
    canvas.png()
}

/// The vote chart's lines: which posts are shown, and how tall each line is.
struct VoteLines {
    /// Where the first line starts.
    area_top: f32,
    /// Titles above the bars (few posts), or on their left.
    above: bool,
    /// How many posts are drawn (a last line sums up the others).
    shown: usize,
    pitch: f32,
    bar_h: f32,
    /// The size of the figures (counts and totals).
    figure_size: f32,
}

impl VoteLines {
    /// The lines of `posts` posts under a legend ending at `top`, on a card `height` tall.
    fn new(height: f32, top: f32, posts: usize) -> VoteLines {
        let area_top = top + 40.0;
        let area = height - MARGIN + 4.0 - area_top;
        let above = posts <= VOTES_ABOVE_MAX;
        let (shown, lines) = vote_lines(posts, area);
        let pitch = (area / lines.max(4) as f32).min(76.0);
        let bar_h = if above {
            (pitch - 38.0).clamp(20.0, 28.0)
        } else {
            (pitch - 10.0).clamp(18.0, 28.0)
        };
        let figure_size = if bar_h >= 24.0 {
            size::LABEL
        } else {
            size::SMALL
        };
        VoteLines {
            area_top,
            above,
            shown,
            pitch,
            bar_h,
            figure_size,
        }
    }
}

/// The vote chart's columns: the titles, the bars from `bar_x`, the totals after them.
struct VoteColumns {
    title_style: Style,
    /// The titles as drawn (without what the font cannot draw).
    titles: Vec<String>,
    /// The width a title may take.
    title_w: f32,
    bar_x: f32,
    /// The right edge of the drawing.
    right: f32,
    /// The width of a bar at the largest total.
    full: f32,
    /// The largest total (at least 1), the scale of every bar.
    largest: f64,
    totals: Vec<u64>,
    total_texts: Vec<String>,
    total_style: Style,
    zero_style: Style,
}

impl VoteColumns {
    /// Titles on the left take what the widest needs (at most 340 pixels, the rest is cut);
    /// totals after the bars take what the widest needs.
    fn new(
        canvas: &Canvas,
        messages: &Prompts,
        rows: &[VoteRow],
        lines: &VoteLines,
    ) -> VoteColumns {
        let (above, figure_size) = (lines.above, lines.figure_size);
        let title_style = Style::new(
            if above { size::LABEL } else { figure_size },
            Weight::Bold,
            colour::INK,
        );
        let titles: Vec<String> = rows
            .iter()
            .map(|r| clean_name(&canvas.fonts, &r.title))
            .collect();
        let (title_w, bar_x) = if above {
            (canvas.width - 2.0 * MARGIN, MARGIN)
        } else {
            let widest = titles
                .iter()
                .map(|s| canvas.width(s, title_style))
                .fold(0.0, f32::max)
                .clamp(120.0, 340.0);
            (widest, MARGIN + widest + 14.0)
        };
        let total_style = Style::new(figure_size, Weight::Bold, colour::INK);
        let zero_style = Style::new(figure_size, Weight::Regular, colour::MUTED);
        let totals: Vec<u64> = rows
            .iter()
            .map(|r| r.counts.iter().map(|c| u64::from(*c)).sum())
            .collect();
        let total_texts: Vec<String> = totals
            .iter()
            .map(|n| messages.text(&msg::ChartVotesVotes { n: &count_text(*n) }))
            .collect();
        let reserve = total_texts
            .iter()
            .map(|s| canvas.width(s, total_style))
            .fold(0.0, f32::max)
            .min(240.0)
            + 12.0;
        let right = canvas.width - MARGIN;
        let full = (right - reserve - bar_x).max(40.0);
        let largest = totals.iter().copied().max().unwrap_or(0).max(1) as f64;
        VoteColumns {
            title_style,
            titles,
            title_w,
            bar_x,
            right,
            full,
            largest,
            totals,
            total_texts,
            total_style,
            zero_style,
        }
    }
}

/// Where one post's bar goes and its scale.
struct VoteBar {
    x: f32,
    y: f32,
    h: f32,
    /// The width at the largest total, `largest` votes.
    full: f32,
    largest: f64,
    /// The baseline of the counts written in the segments.
    baseline: f32,
    figure_size: f32,
}

/// One post's bar, cut into its convaincant / mitigé / à retravailler votes (`fills`), each
/// count written in its segment when it fits. Returns where the bar ends.
fn draw_vote_bar(canvas: &mut Canvas, counts: &[u32; 3], fills: &[Rgb; 3], bar: &VoteBar) -> f32 {
    let (bar_x, bar_y, bar_h) = (bar.x, bar.y, bar.h);
    // Segment edges from the running sums, so the bar ends exactly at its total.
    let edge = |votes: u64| bar_x + (f64::from(bar.full) * votes as f64 / bar.largest) as f32;
    let last = counts.iter().rposition(|c| *c > 0).unwrap_or(0);
    let first = counts.iter().position(|c| *c > 0).unwrap_or(0);
    let mut sum = 0u64;
    for (k, (count, fill)) in counts.iter().zip(fills).enumerate() {
        if *count == 0 {
            continue;
        }
        let x = edge(sum);
        sum += u64::from(*count);
        // A white gap of 2 pixels before the next segment.
        let end = if k == last {
            edge(sum)
        } else {
            edge(sum) - 2.0
        };
        let w = end - x;
        if w <= 0.0 {
            continue;
        }
        let r = 6.0f32.min(w / 2.0);
        canvas.round_rect(x, bar_y, w, bar_h, 6.0, *fill);
        if k != first {
            canvas.rect(x, bar_y, r, bar_h, *fill);
        }
        if k != last {
            canvas.rect(end - r, bar_y, r, bar_h, *fill);
        }
        let text = format::number(Decimal::from(*count), 0);
        let ink = if *fill == colour::ORANGE {
            colour::INK
        } else {
            colour::WHITE
        };
        let style = Style::new(bar.figure_size, Weight::Bold, ink);
        if canvas.width(&text, style) + 10.0 <= w {
            canvas.text(&text, x + w / 2.0, bar.baseline, style, Align::Center);
        }
    }
    edge(sum)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn ties_share_a_rank() {
        let rows = vec![
            ("b", dec!(8)),
            ("a", dec!(10)),
            ("c", dec!(10)),
            ("d", dec!(7)),
        ];
        let ranks: Vec<(usize, &str)> = ranked(&rows).into_iter().map(|(r, x)| (r, x.0)).collect();
        assert_eq!(ranks, vec![(1, "a"), (1, "c"), (3, "b"), (4, "d")]);
    }

    #[test]
    fn vote_lines_fit_or_sum_up_the_rest() {
        // The room under the legend on an 800 × 500 card.
        let area = 340.0;
        assert_eq!(vote_lines(1, area), (1, 1));
        assert_eq!(vote_lines(5, area), (5, 5));
        assert_eq!(vote_lines(12, area), (12, 12));
        assert_eq!(vote_lines(13, area), (11, 12));
        assert_eq!(vote_lines(25, area), (11, 12));
        for posts in 1..200 {
            let (shown, lines) = vote_lines(posts, area);
            assert!(shown >= 1 && shown <= posts && lines * 28 <= 340, "{posts}");
            assert!(shown == posts || posts - shown >= 2, "{posts}");
        }
        // A tiny area still shows the posts the title-above layout takes.
        assert_eq!(vote_lines(6, 0.0), (6, 6));
        assert_eq!(vote_lines(9, 0.0), (5, 6));
    }

    #[test]
    fn vote_counts_in_french() {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/fr/charts.toml");
        let mut messages = Prompts::default();
        let src = std::fs::read_to_string(&file).expect("charts.toml");
        messages
            .add_source(&file, &src)
            .expect("charts.toml parses");
        let votes = |n| {
            messages
                .text(&msg::ChartVotesVotes { n: &count_text(n) })
                .replace('\u{202F}', " ")
        };
        assert_eq!(votes(0), "0 vote");
        assert_eq!(votes(1), "1 vote");
        assert_eq!(votes(2), "2 votes");
        assert_eq!(votes(12_884_901_885), "12 884 901 885 votes");
        let voters = messages.text(&msg::ChartVotesVoters { n: &count_text(1) });
        assert_eq!(voters, "1 votant");
        let posts = messages.text(&msg::ChartVotesPosts { n: &count_text(28) });
        assert_eq!(posts, "28 posts");
    }

    #[test]
    fn bins() {
        assert_eq!(bin_width(dec!(40), 10), dec!(5));
        assert_eq!(bin_width(dec!(3), 10), dec!(0.5));
        assert_eq!(bin_width(dec!(17), 10), dec!(2));
        assert_eq!(bin_width(dec!(25), 10), dec!(2.5));
    }
}
