//! Charts of the case's figures, as its pack declares them (`charts.toml`, read and checked by
//! [`crate::pack::charts`]): each chart names the value and KPI ids it draws and the ids of its
//! texts in the pack's texts folder. The figures come from the KPI engine and the case's values
//! when the chart is drawn, the subject's words from its texts, and the words every chart
//! shares from `prompts/fr/charts.toml`. Nothing here names a subject.

use super::canvas::{colour, size, Align, Canvas, Rgb, Style, Weight, MARGIN};
use super::{figure_text, px, ChartData, ChartError, ChartFigure, ChartInfo, Sight, HEIGHT, WIDTH};
use crate::case::RefId;
use crate::msg;
use crate::pack::charts::ShareRow;
use crate::pack::charts::{Better, By, Chart, ChartBody, EvolutionNote, Labelled, Panel, Plan};
use crate::pack::CasePack;
use crate::prompts::Prompts;
use rust_decimal::Decimal;

/// A figure once looked up: its exact value and how the bot writes it; no value (and « ? »)
/// when the asker may not see it.
#[derive(Debug, Clone)]
struct Num {
    value: Option<Decimal>,
    text: String,
}

fn info(pack: &CasePack, chart: &Chart) -> ChartInfo {
    ChartInfo {
        name: chart.name.clone(),
        title: pack.text(&chart.title),
        annexes: chart.annexes.clone(),
    }
}

/// Every chart the pack declares, in the order of its `charts.toml` (none without one).
pub fn case_charts(pack: &CasePack) -> Vec<ChartInfo> {
    pack.charts.list.iter().map(|c| info(pack, c)).collect()
}

/// The charts of the pack that go with annex `annex` (may be empty).
pub fn charts_for_annex(pack: &CasePack, annex: u8) -> Vec<ChartInfo> {
    pack.charts
        .list
        .iter()
        .filter(|c| c.annexes.contains(&annex))
        .map(|c| info(pack, c))
        .collect()
}

/// Draws the case chart named `name` (see [`case_charts`]) as PNG bytes, with every figure:
/// for the command line, the teacher and the reference pictures. What a student is sent goes
/// through [`render_case_chart_for`].
pub fn render_case_chart(
    pack: &CasePack,
    messages: &Prompts,
    name: &str,
) -> Result<Vec<u8>, ChartError> {
    render_case_chart_for(pack, messages, name, &Sight::everything())
}

/// Draws the case chart named `name` as PNG bytes, drawing the computed figures `sight` hides
/// as « ? » with no bar (see [`Sight`]).
pub fn render_case_chart_for(
    pack: &CasePack,
    messages: &Prompts,
    name: &str,
    sight: &Sight,
) -> Result<Vec<u8>, ChartError> {
    let chart = prepare(pack, messages, name, sight)?;
    let mut canvas = Canvas::new(WIDTH, HEIGHT)?;
    let top = canvas.header(&chart.title, chart.subtitle.as_deref());
    canvas.footer(&chart.footer);
    match &chart.body {
        Drawn::Pairs { legend, rows } => draw_pairs(&mut canvas, top, legend, rows),
        Drawn::Evolution { rows, note } => {
            draw_evolution(&mut canvas, top, rows, note.as_deref().unwrap_or_default())
        }
        Drawn::Versus { series, panels } => draw_versus(&mut canvas, top, series, panels),
        Drawn::Shares { segments, rows } => draw_shares(&mut canvas, top, segments, rows),
        Drawn::Plan(plan) => draw_plan(&mut canvas, top, plan),
    }
    canvas.png()
}

/// What the chart named `name` draws for `sight`: every figure it looks up (hidden ones
/// without their value) and every text it writes. The picture is drawn from exactly this, so
/// tests can check what a student is given without reading pixels.
pub fn case_chart_data(
    pack: &CasePack,
    messages: &Prompts,
    name: &str,
    sight: &Sight,
) -> Result<ChartData, ChartError> {
    let chart = prepare(pack, messages, name, sight)?;
    let mut texts = vec![chart.title.clone()];
    texts.extend(chart.subtitle.clone());
    texts.push(chart.footer.clone());
    chart.body.texts(&mut texts);
    Ok(ChartData {
        name: chart.name,
        figures: chart.figures,
        texts,
    })
}

/// A chart once its figures are looked up and its texts written, ready to draw.
struct Prepared {
    name: String,
    title: String,
    subtitle: Option<String>,
    footer: String,
    body: Drawn,
    figures: Vec<ChartFigure>,
}

/// One row of a 100 % bar: its label, the two shares, and the two texts under the bar.
struct ShareLine {
    label: String,
    a: Num,
    b: Num,
    left: String,
    right: String,
}

/// A plan, written.
struct PlanDrawn {
    steps: Vec<(String, Num)>,
    operations: Vec<String>,
    roas: String,
    /// What the ROAS means, when it is shown.
    meaning: Option<String>,
    /// The first step against the last, to scale, when both and the ROAS are shown.
    bars: Option<[(String, Num); 2]>,
}

enum Drawn {
    Pairs {
        legend: [(String, Rgb); 2],
        rows: Vec<(String, Num, Num)>,
    },
    Evolution {
        rows: Vec<(String, Num)>,
        note: Option<String>,
    },
    Versus {
        series: [(String, Rgb); 2],
        /// Each indicator's label, which way is better, and the two figures.
        panels: Vec<(String, Option<String>, Num, Num)>,
    },
    Shares {
        segments: [(String, Rgb); 2],
        rows: Vec<ShareLine>,
    },
    Plan(PlanDrawn),
}

impl Drawn {
    /// Every text the body writes, figures included.
    fn texts(&self, out: &mut Vec<String>) {
        let mut push = |s: &str| out.push(s.to_string());
        match self {
            Drawn::Pairs { legend, rows } => {
                legend.iter().for_each(|(l, _)| push(l));
                for (label, a, b) in rows {
                    [label, &a.text, &b.text].into_iter().for_each(|s| push(s));
                }
            }
            Drawn::Evolution { rows, note } => {
                for (label, n) in rows {
                    push(label);
                    push(&n.text);
                }
                note.iter().for_each(|s| push(s));
            }
            Drawn::Versus { series, panels } => {
                series.iter().for_each(|(l, _)| push(l));
                for (label, hint, a, b) in panels {
                    push(label);
                    hint.iter().for_each(|s| push(s));
                    push(&a.text);
                    push(&b.text);
                }
            }
            Drawn::Shares { segments, rows } => {
                segments.iter().for_each(|(l, _)| push(l));
                for r in rows {
                    [&r.label, &r.a.text, &r.b.text, &r.left, &r.right]
                        .into_iter()
                        .for_each(|s| push(s));
                }
            }
            Drawn::Plan(plan) => {
                for (label, n) in &plan.steps {
                    push(label);
                    push(&n.text);
                }
                plan.operations.iter().for_each(|s| push(s));
                push(&plan.roas);
                if let Some(meaning) = &plan.meaning {
                    push(meaning);
                }
                for (label, n) in plan.bars.iter().flatten() {
                    push(label);
                    push(&n.text);
                }
            }
        }
    }
}

/// Looks up every figure of the chart named `name` and writes its texts, hiding what `sight`
/// hides.
fn prepare(
    pack: &CasePack,
    messages: &Prompts,
    name: &str,
    sight: &Sight,
) -> Result<Prepared, ChartError> {
    let chart = pack
        .charts
        .list
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| ChartError::UnknownChart(name.to_string()))?;
    let mut figures = Figures {
        pack,
        chart: &chart.name,
        sight,
        hidden_mark: messages.text(&msg::ChartHiddenMark),
        found: Vec::new(),
    };
    let body = match &chart.body {
        ChartBody::Periods { legend, rows } => prepare_pairs(&mut figures, legend, rows)?,
        ChartBody::Evolutions { rows, note } => {
            prepare_evolution(messages, &mut figures, rows, note.as_ref())?
        }
        ChartBody::Comparison { series, panels } => {
            prepare_versus(messages, &mut figures, series, panels)?
        }
        ChartBody::Shares { segments, rows } => {
            prepare_shares(messages, &mut figures, segments, rows)?
        }
        ChartBody::Plan(plan) => prepare_plan(messages, &mut figures, plan)?,
    };
    let title = figures.say(&chart.title);
    let subtitle = chart.subtitle.as_deref().map(|s| figures.say(s));
    let source = figures.say(&chart.source);
    let found = figures.found;
    let footer = if found.iter().any(|f| f.value.is_none()) {
        messages.text(&msg::ChartHiddenFooter { source: &source })
    } else {
        source
    };
    Ok(Prepared {
        name: chart.name.clone(),
        title,
        subtitle,
        footer,
        body,
        figures: found,
    })
}

/// The figures of one chart, looked up as its texts are written and kept in that order.
struct Figures<'a> {
    pack: &'a CasePack,
    chart: &'a str,
    sight: &'a Sight,
    /// What a hidden figure reads (« ? »).
    hidden_mark: String,
    found: Vec<ChartFigure>,
}

impl Figures<'_> {
    /// Looks a figure up: a KPI is computed by the engine and written as the bot writes it; a
    /// value is written the French way with its own decimals. `hide` forces a KPI hidden (the
    /// partner of a hidden share).
    fn lookup(&mut self, fig: RefId, hide: bool) -> Result<Num, ChartError> {
        let case = &self.pack.case;
        let missing = || ChartError::MissingFigure {
            chart: self.chart.to_string(),
            id: format!("{fig:?}"),
        };
        let (id, computed, num) = match fig {
            RefId::Kpi(k) => {
                let kpi = case.kpis.get(k).ok_or_else(missing)?;
                let value = case.evaluate(k).map_err(|source| ChartError::Eval {
                    chart: self.chart.to_string(),
                    source,
                })?;
                let text = kpi.display(value);
                let value = Some(value);
                (&kpi.id, true, Num { value, text })
            }
            RefId::Value(i) => {
                let v = case.values.get(i).ok_or_else(missing)?;
                let text = figure_text(v.value, v.unit, v.value.normalize().scale());
                let value = Some(v.value);
                (&v.id, false, Num { value, text })
            }
        };
        let shown = !(computed && (hide || !self.sight.shows(id)));
        let num = if shown {
            num
        } else {
            Num {
                value: None,
                text: self.hidden_mark.clone(),
            }
        };
        self.found.push(ChartFigure {
            id: id.clone(),
            computed,
            value: num.value,
            text: num.text.clone(),
        });
        Ok(num)
    }

    /// Looks `fig` up, hidden only if the asker may not see it.
    fn get(&mut self, fig: RefId) -> Result<Num, ChartError> {
        self.lookup(fig, false)
    }

    /// Whether the asker may not see `fig` (a KPI the sight hides).
    fn hides(&self, fig: RefId) -> bool {
        match fig {
            RefId::Kpi(k) => self
                .pack
                .kpis
                .get(k)
                .is_some_and(|kpi| !self.sight.shows(&kpi.id)),
            RefId::Value(_) => false,
        }
    }

    /// A text of the pack, a `{kpi.ID}` in it written « ? » when the sight hides that KPI.
    fn say(&self, id: &str) -> String {
        let case = &self.pack.case;
        let hidden = |k: usize| self.hides(RefId::Kpi(k));
        case.text_hiding(id, &hidden, &self.hidden_mark)
    }
}

/// Horizontal bars, two per row: the rows' labels and figures, the two periods' legend.
fn prepare_pairs(
    figures: &mut Figures<'_>,
    legend: &[String; 2],
    rows: &[Labelled<[RefId; 2]>],
) -> Result<Drawn, ChartError> {
    let mut data = Vec::with_capacity(rows.len());
    for row in rows {
        let [a, b] = row.figure;
        data.push((figures.say(&row.label), figures.get(a)?, figures.get(b)?));
    }
    let legend = [
        (figures.say(&legend[0]), colour::GREY_BLUE),
        (figures.say(&legend[1]), colour::BLUE),
    ];
    Ok(Drawn::Pairs { legend, rows: data })
}

/// Evolutions: the rows, and the note (from, to, difference, evolution).
fn prepare_evolution(
    messages: &Prompts,
    figures: &mut Figures<'_>,
    rows: &[Labelled<RefId>],
    note: Option<&EvolutionNote>,
) -> Result<Drawn, ChartError> {
    let mut data = Vec::with_capacity(rows.len());
    for row in rows {
        data.push((figures.say(&row.label), figures.get(row.figure)?));
    }
    let note = match note {
        None => None,
        Some(note) => {
            let (from, to) = (figures.get(note.from)?, figures.get(note.to)?);
            let diff = figures.get(note.difference)?;
            let evolution = figures.get(note.evolution)?;
            Some(messages.text(&msg::ChartEvolutionNote {
                label: &figures.say(&note.label),
                from: &from.text,
                to: &to.text,
                diff: &diff.text,
                evolution: &evolution.text,
            }))
        }
    };
    Ok(Drawn::Evolution { rows: data, note })
}

/// Panels of two vertical bars, and the two series' legend.
fn prepare_versus(
    messages: &Prompts,
    figures: &mut Figures<'_>,
    series: &[String; 2],
    panels: &[Panel],
) -> Result<Drawn, ChartError> {
    let mut data = Vec::with_capacity(panels.len());
    for p in panels {
        let hint = p.better.map(|better| match better {
            Better::Lower => messages.text(&msg::ChartComparisonLowerBetter),
            Better::Higher => messages.text(&msg::ChartComparisonHigherBetter),
        });
        let [a, b] = p.figures;
        data.push((
            figures.say(&p.label),
            hint,
            figures.get(a)?,
            figures.get(b)?,
        ));
    }
    let series = [
        (figures.say(&series[0]), colour::ORANGE),
        (figures.say(&series[1]), colour::BLUE),
    ];
    Ok(Drawn::Versus {
        series,
        panels: data,
    })
}

/// 100 % bars: each row's total in its label, its two shares (both hidden when one is) and the
/// texts under the bar.
fn prepare_shares(
    messages: &Prompts,
    figures: &mut Figures<'_>,
    segments: &[String; 2],
    rows: &[ShareRow],
) -> Result<Drawn, ChartError> {
    let segments = [
        (figures.say(&segments[0]), colour::ORANGE),
        (figures.say(&segments[1]), colour::BLUE),
    ];
    let mut data = Vec::with_capacity(rows.len());
    for r in rows {
        let total = figures.get(r.total)?;
        let label = messages.text(&msg::ChartSharesRow {
            label: &figures.say(&r.label),
            total: &total.text,
        });
        // The two shares make 100 %: one shown would give the other away.
        let hide = r.shares.iter().any(|f| figures.hides(*f));
        let [a, b] = r.shares;
        let (a, b) = (figures.lookup(a, hide)?, figures.lookup(b, hide)?);
        let share = |segment: &str, num: &Num| {
            messages.text(&msg::ChartSharesShare {
                segment,
                value: &num.text,
            })
        };
        let (left, right) = (share(&segments[0].0, &a), share(&segments[1].0, &b));
        data.push(ShareLine {
            label,
            a,
            b,
            left,
            right,
        });
    }
    Ok(Drawn::Shares {
        segments,
        rows: data,
    })
}

/// A plan: its steps, operations and ROAS, with the first and last steps to scale when they
/// can be drawn.
fn prepare_plan(
    messages: &Prompts,
    figures: &mut Figures<'_>,
    plan: &Plan,
) -> Result<Drawn, ChartError> {
    let mut steps = Vec::with_capacity(plan.steps.len());
    for step in &plan.steps {
        steps.push((figures.say(&step.label), figures.get(step.figure)?));
    }
    let mut operations = Vec::with_capacity(plan.operations.len());
    for op in &plan.operations {
        let label = figures.say(&op.label);
        let value = figures.get(op.figure)?.text;
        operations.push(match op.by {
            By::Divide => messages.text(&msg::ChartPlanDivide {
                label: &label,
                value: &value,
            }),
            By::Multiply => messages.text(&msg::ChartPlanMultiply {
                label: &label,
                value: &value,
            }),
        });
    }
    let roas = figures.get(plan.roas)?;
    let roas_text = messages.text(&msg::ChartPlanRoas { value: &roas.text });
    let meaning = roas
        .value
        .map(|_| messages.text(&msg::ChartPlanRoasMeaning { value: &roas.text }));
    // Two bars to scale draw the ratio (the ROAS): only when it and both figures are
    // shown.
    let bars = match (steps.first(), steps.last()) {
        (Some(first), Some(last))
            if first.1.value.is_some() && last.1.value.is_some() && roas.value.is_some() =>
        {
            Some([first.clone(), last.clone()])
        }
        _ => None,
    };
    Ok(Drawn::Plan(PlanDrawn {
        steps,
        operations,
        roas: roas_text,
        meaning,
        bars,
    }))
}

fn label_style() -> Style {
    Style::new(size::LABEL, Weight::Regular, colour::INK)
}

fn value_style() -> Style {
    Style::new(size::SMALL + 1.0, Weight::Bold, colour::INK)
}

/// Horizontal bars, two per row, with their figures at the end of the bars.
fn draw_pairs(
    canvas: &mut Canvas,
    top: f32,
    legend: &[(String, Rgb); 2],
    rows: &[(String, Num, Num)],
) {
    let entries: Vec<(&str, Rgb)> = legend.iter().map(|(l, c)| (l.as_str(), *c)).collect();
    canvas.legend(&entries, MARGIN, top + 14.0);
    let plot_top = top + 34.0;
    let plot_bottom = canvas.footer_top() - 4.0;
    let n = rows.len().max(1) as f32;
    let group = (plot_bottom - plot_top) / n;
    let bar = ((group - 12.0) / 2.0).clamp(6.0, 22.0);
    let labels = label_style();
    let values = value_style();
    let label_width = rows
        .iter()
        .map(|(l, _, _)| canvas.width(l, labels))
        .fold(0.0, f32::max)
        .min(260.0);
    let value_width = rows
        .iter()
        .flat_map(|(_, a, b)| [canvas.width(&a.text, values), canvas.width(&b.text, values)])
        .fold(0.0, f32::max);
    let x0 = MARGIN + label_width + 14.0;
    let room = canvas.width - MARGIN - value_width - 10.0 - x0;
    // The scale follows the figures shown only: a hidden one must not shape the others.
    let max = rows
        .iter()
        .flat_map(|(_, a, b)| [a.value, b.value])
        .flatten()
        .fold(Decimal::ZERO, Decimal::max);
    let scale = if max > Decimal::ZERO {
        room / px(max)
    } else {
        0.0
    };
    for (i, (label, a, b)) in rows.iter().enumerate() {
        let g = plot_top + group * i as f32;
        let y = g + (group - 2.0 * bar - 2.0) / 2.0;
        canvas.text_fit(
            label,
            x0 - 14.0,
            g + group / 2.0 + 6.0,
            labels,
            Align::Right,
            label_width,
        );
        for (k, (num, fill)) in [(a, legend[0].1), (b, legend[1].1)].into_iter().enumerate() {
            let top = y + k as f32 * (bar + 2.0);
            let w = match num.value {
                Some(v) => {
                    let w = (px(v).max(0.0) * scale).max(0.0);
                    canvas.rect(x0, top, w, bar, fill);
                    w
                }
                None => {
                    canvas.rect(x0, top, room, bar, colour::TRACK);
                    room
                }
            };
            canvas.text(
                &num.text,
                x0 + w + 6.0,
                top + bar / 2.0 + 6.0,
                values,
                Align::Left,
            );
        }
    }
    canvas.line((x0, plot_top), (x0, plot_bottom), 1.5, colour::AXIS, None);
}

/// Evolutions in %: bars right of zero for a rise, left for a fall, with a note below. A
/// hidden evolution is a grey track across the row (its sign is part of the answer).
fn draw_evolution(canvas: &mut Canvas, top: f32, rows: &[(String, Num)], note: &str) {
    let plot_top = top + 6.0;
    let note_y = canvas.footer_top() - 10.0;
    let plot_bottom = note_y - 30.0;
    let n = rows.len().max(1) as f32;
    let group = (plot_bottom - plot_top) / n;
    let bar = (group - 14.0).clamp(6.0, 30.0);
    let labels = label_style();
    let values = value_style();
    let label_width = rows
        .iter()
        .map(|(l, _)| canvas.width(l, labels))
        .fold(0.0, f32::max)
        .min(300.0);
    let text_width = |negative: bool| {
        rows.iter()
            .filter(|(_, v)| v.value.is_some_and(|v| (v < Decimal::ZERO) == negative))
            .map(|(_, v)| canvas.width(&v.text, values) + 8.0)
            .fold(0.0, f32::max)
    };
    let (room_neg, room_pos) = (text_width(true), text_width(false));
    let shown = || rows.iter().filter_map(|(_, v)| v.value);
    let min = shown().fold(Decimal::ZERO, Decimal::min);
    let max = shown().fold(Decimal::ZERO, Decimal::max);
    let left = MARGIN + label_width + 16.0;
    let right = canvas.width - MARGIN;
    // A pack's figures are bounded (`pack::bounds`); past the largest decimal, the widest span.
    let span = max.checked_sub(min).map_or(f32::MAX, px);
    let scale = if span > 0.0 {
        (right - left - room_neg - room_pos) / span
    } else {
        0.0
    };
    let zero = left + room_neg + px(-min) * scale;
    for i in 0..=rows.len() {
        let y = plot_top + group * i as f32;
        canvas.line((left, y), (right, y), 1.0, colour::GRID, None);
    }
    for (i, (label, num)) in rows.iter().enumerate() {
        let g = plot_top + group * i as f32;
        let y = g + (group - bar) / 2.0;
        let mid = g + group / 2.0 + 6.0;
        canvas.text_fit(label, left - 16.0, mid, labels, Align::Right, label_width);
        match num.value {
            Some(v) if v < Decimal::ZERO => {
                let w = px(v).abs() * scale;
                canvas.rect(zero - w, y, w, bar, colour::RED);
                canvas.text(&num.text, zero - w - 6.0, mid, values, Align::Right);
            }
            Some(v) => {
                let w = px(v).abs() * scale;
                canvas.rect(zero, y, w, bar, colour::GREEN);
                canvas.text(&num.text, zero + w + 6.0, mid, values, Align::Left);
            }
            None => {
                canvas.rect(left, y, right - left, bar, colour::TRACK);
                canvas.text(&num.text, (left + right) / 2.0, mid, values, Align::Center);
            }
        }
    }
    canvas.line(
        (zero, plot_top),
        (zero, plot_bottom),
        2.0,
        colour::AXIS,
        None,
    );
    let style = Style::new(size::LABEL, Weight::Regular, colour::INK);
    canvas.text_fit(
        note,
        MARGIN,
        note_y,
        style,
        Align::Left,
        canvas.width - 2.0 * MARGIN,
    );
}

/// Panels side by side, each comparing the two series on one indicator. A hidden figure is a
/// grey bar of the panel's full height marked « ? »; the figure beside it keeps its own scale.
fn draw_versus(
    canvas: &mut Canvas,
    top: f32,
    series: &[(String, Rgb); 2],
    panels: &[(String, Option<String>, Num, Num)],
) {
    let entries: Vec<(&str, Rgb)> = series.iter().map(|(l, c)| (l.as_str(), *c)).collect();
    canvas.legend(&entries, MARGIN, top + 14.0);
    let top = top + 30.0;
    let n = panels.len().max(1) as f32;
    let pw = (canvas.width - 2.0 * MARGIN) / n;
    let head = Style::new(size::BODY, Weight::Bold, colour::INK);
    let hint = Style::new(size::SMALL, Weight::Regular, colour::MUTED);
    let values = Style::new(size::BODY, Weight::Bold, colour::INK);
    let base = canvas.footer_top() - 14.0;
    let bars_top = top + 86.0;
    let bar_w = (pw / 2.0 - 34.0).clamp(20.0, 80.0);
    for (i, (label, note, a, b)) in panels.iter().enumerate() {
        let x = MARGIN + pw * i as f32;
        let cx = x + pw / 2.0;
        if i > 0 {
            canvas.line((x, top + 6.0), (x, base), 1.0, colour::GRID, None);
        }
        canvas.text_fit(label, cx, top + 24.0, head, Align::Center, pw - 12.0);
        if let Some(note) = note {
            canvas.text_fit(note, cx, top + 48.0, hint, Align::Center, pw - 12.0);
        }
        let max = [a.value, b.value]
            .into_iter()
            .flatten()
            .fold(Decimal::ZERO, Decimal::max);
        let scale = if max > Decimal::ZERO {
            (base - bars_top) / px(max)
        } else {
            0.0
        };
        for (k, num) in [a, b].into_iter().enumerate() {
            let bx = cx + if k == 0 { -bar_w - 10.0 } else { 10.0 };
            let h = match num.value {
                Some(v) => {
                    let h = px(v).max(0.0) * scale;
                    canvas.rect(bx, base - h, bar_w, h, series[k].1);
                    h
                }
                None => {
                    let h = base - bars_top;
                    canvas.rect(bx, base - h, bar_w, h, colour::TRACK);
                    h
                }
            };
            canvas.text_fit(
                &num.text,
                bx + bar_w / 2.0,
                base - h - 8.0,
                values,
                Align::Center,
                pw / 2.0,
            );
        }
        canvas.line(
            (x + 12.0, base),
            (x + pw - 12.0, base),
            1.5,
            colour::AXIS,
            None,
        );
    }
}

/// Bars of 100 %, each split between the two segments, the shares written under the bar; a
/// row whose shares are hidden is a grey bar marked « ? ».
fn draw_shares(canvas: &mut Canvas, top: f32, segments: &[(String, Rgb); 2], rows: &[ShareLine]) {
    let plot_top = top + 4.0;
    let plot_bottom = canvas.footer_top();
    let n = rows.len().max(1) as f32;
    let group = (plot_bottom - plot_top) / n;
    let head = Style::new(size::LABEL, Weight::Bold, colour::INK);
    let share = Style::new(size::LABEL, Weight::Regular, colour::INK);
    let mark = Style::new(size::LABEL, Weight::Bold, colour::MUTED);
    let full = canvas.width - 2.0 * MARGIN;
    for (i, row) in rows.iter().enumerate() {
        let g = plot_top + group * i as f32;
        canvas.text_fit(&row.label, MARGIN, g + 22.0, head, Align::Left, full);
        let bar_top = g + 32.0;
        let bar_h = (group - 70.0).clamp(16.0, 36.0);
        match (row.a.value, row.b.value) {
            (Some(a), Some(b)) => {
                let total = a.checked_add(b);
                let wa = if let Some(total) = total.filter(|t| *t > Decimal::ZERO) {
                    full * px(a) / px(total)
                } else {
                    0.0
                };
                canvas.rect(MARGIN, bar_top, wa, bar_h, segments[0].1);
                canvas.rect(MARGIN + wa, bar_top, full - wa, bar_h, segments[1].1);
            }
            _ => {
                canvas.rect(MARGIN, bar_top, full, bar_h, colour::TRACK);
                let y = bar_top + bar_h / 2.0 + 6.0;
                canvas.text(&row.a.text, MARGIN + full / 2.0, y, mark, Align::Center);
            }
        }
        let y = bar_top + bar_h + 22.0;
        let half = full / 2.0 - 32.0;
        canvas.round_rect(MARGIN, y - 14.0, 16.0, 16.0, 3.0, segments[0].1);
        canvas.text_fit(&row.left, MARGIN + 22.0, y, share, Align::Left, half);
        let right = canvas.fonts.fit(&row.right, share, half);
        let w = canvas.text(&right, MARGIN + full, y, share, Align::Right);
        canvas.round_rect(
            MARGIN + full - w - 22.0,
            y - 14.0,
            16.0,
            16.0,
            3.0,
            segments[1].1,
        );
    }
}

/// The plan as a chain of boxes (budget, clicks, orders, revenue…) joined by the operation
/// that leads from one to the next, and beside it the ROAS and the first step against the last
/// (only when both are shown: their lengths would give the ratio away).
fn draw_plan(canvas: &mut Canvas, top: f32, plan: &PlanDrawn) {
    let steps = &plan.steps;
    let left = MARGIN;
    let width = 440.0;
    let bottom = canvas.footer_top() - 4.0;
    let n = steps.len().max(1) as f32;
    let gap = 34.0;
    let box_h = ((bottom - top - gap * (n - 1.0)) / n).clamp(30.0, 60.0);
    let label = Style::new(size::BODY, Weight::Regular, colour::INK);
    let value = Style::new(size::TITLE - 4.0, Weight::Bold, colour::INK);
    let op = Style::new(size::SMALL, Weight::Regular, colour::MUTED);
    for (i, (name, num)) in steps.iter().enumerate() {
        let y = top + i as f32 * (box_h + gap);
        let fill = if i + 1 == steps.len() {
            Rgb(0xDC, 0xEE, 0xF8)
        } else {
            colour::TRACK
        };
        canvas.round_rect(left, y, width, box_h, 8.0, fill);
        let mid = y + box_h / 2.0;
        canvas.text_fit(name, left + 16.0, mid + 7.0, label, Align::Left, 200.0);
        canvas.text(
            &num.text,
            left + width - 16.0,
            mid + 9.0,
            value,
            Align::Right,
        );
        if let Some(text) = plan.operations.get(i) {
            let ay = y + box_h;
            let ax = left + 40.0;
            canvas.line(
                (ax, ay + 3.0),
                (ax, ay + gap - 10.0),
                2.5,
                colour::AXIS,
                None,
            );
            canvas.polygon(
                &[
                    (ax - 7.0, ay + gap - 12.0),
                    (ax + 7.0, ay + gap - 12.0),
                    (ax, ay + gap - 3.0),
                ],
                colour::AXIS,
            );
            canvas.text_fit(
                text,
                ax + 18.0,
                ay + gap / 2.0 + 6.0,
                op,
                Align::Left,
                width - 60.0,
            );
        }
    }
    let px0 = left + width + 40.0;
    let pw = canvas.width - MARGIN - px0;
    let head = Style::new(size::BODY, Weight::Bold, colour::INK);
    let meaning = Style::new(size::SMALL, Weight::Regular, colour::MUTED);
    canvas.text_fit(
        &plan.roas,
        px0 + pw / 2.0,
        top + 18.0,
        head,
        Align::Center,
        pw,
    );
    if let Some(text) = &plan.meaning {
        let lines = canvas.fonts.wrap(text, meaning, pw, 2);
        for (k, line) in lines.iter().enumerate() {
            canvas.text(
                line,
                px0 + pw / 2.0,
                top + 42.0 + 20.0 * k as f32,
                meaning,
                Align::Center,
            );
        }
    }
    let Some(bars) = &plan.bars else {
        return;
    };
    let base = bottom - 46.0;
    let bars_top = top + 110.0;
    let max = bars
        .iter()
        .filter_map(|(_, n)| n.value)
        .fold(Decimal::ZERO, Decimal::max);
    let scale = if max > Decimal::ZERO {
        (base - bars_top) / px(max)
    } else {
        0.0
    };
    let bar_w = 70.0;
    let values = value_style();
    let names = label_style();
    for (k, (name, num)) in bars.iter().enumerate() {
        let cx = px0 + pw * (0.25 + 0.5 * k as f32);
        let h = (px(num.value.unwrap_or_default()).max(0.0) * scale).max(2.0);
        let fill = if k == 0 {
            colour::GREY_BLUE
        } else {
            colour::BLUE
        };
        canvas.rect(cx - bar_w / 2.0, base - h, bar_w, h, fill);
        canvas.text_fit(
            &num.text,
            cx,
            base - h - 8.0,
            values,
            Align::Center,
            pw / 2.0 + 20.0,
        );
        for (line, text) in canvas
            .fonts
            .wrap(name, names, pw / 2.0 - 4.0, 2)
            .iter()
            .enumerate()
        {
            canvas.text(
                text,
                cx,
                base + 22.0 + 21.0 * line as f32,
                names,
                Align::Center,
            );
        }
    }
    canvas.line((px0, base), (px0 + pw, base), 1.5, colour::AXIS, None);
}

#[cfg(test)]
mod tests {
    /// No chart of this module names a figure of a subject: what a chart draws is data
    /// (`charts.toml`). The ids of the bundled pack's values and KPIs (read from its files)
    /// appear, as whole words, in no source file of `src/chart/`.
    #[test]
    fn no_chart_source_names_a_subject_figure() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut ids = Vec::new();
        for file in ["annexes.toml", "kpis.toml"] {
            let path = root.join("config/cases/arbre-cadeau").join(file);
            let src = std::fs::read_to_string(&path).expect("the bundled pack");
            let table: toml::Table = src.parse().expect("TOML");
            for section in ["values", "kpis"] {
                if let Some(toml::Value::Table(t)) = table.get(section) {
                    ids.extend(t.keys().cloned());
                }
            }
        }
        assert!(ids.len() > 100, "{} ids", ids.len());
        let dir = root.join("src/chart");
        for entry in std::fs::read_dir(&dir).expect("src/chart") {
            let path = entry.expect("an entry").path();
            let src = std::fs::read_to_string(&path).expect("a source file");
            let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
            for id in &ids {
                let named = src.match_indices(id.as_str()).any(|(at, _)| {
                    let before = src[..at].chars().next_back();
                    let after = src[at + id.len()..].chars().next();
                    !before.is_some_and(word) && !after.is_some_and(word)
                });
                assert!(
                    !named,
                    "{} names the id {id} of the bundled pack",
                    path.display()
                );
            }
        }
    }
}
