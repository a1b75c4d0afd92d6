//! Charts of the case's figures. Each chart is a specification naming the KPI and value ids it
//! shows and the ids of its French texts; the figures come from the KPI engine and the case's
//! values when the chart is drawn, never from here.

use super::canvas::{colour, size, Align, Canvas, Rgb, Style, Weight, MARGIN};
use super::{figure_text, px, ChartData, ChartError, ChartFigure, ChartInfo, Sight, HEIGHT, WIDTH};
use crate::case::Case;
use crate::msg::{self, Plain};
use crate::prompts::Prompts;
use rust_decimal::Decimal;

/// A figure of the case: a KPI (computed by the engine) or a value of an annex.
#[derive(Debug, Clone, Copy)]
enum Fig {
    Kpi(&'static str),
    Value(&'static str),
}

/// A figure once looked up: its exact value and how the bot writes it; no value (and « ? »)
/// when the asker may not see it.
#[derive(Debug, Clone)]
struct Num {
    value: Option<Decimal>,
    text: String,
}

/// One side-by-side pair of bars: a label and the two periods.
type Pair = (Plain, Fig, Fig);

/// A text given one figure (a row's total, a step's rate), rendered when the figure is known.
type WithFigure = fn(&Prompts, &str) -> String;

/// One panel comparing two campaigns on one indicator.
struct Panel {
    label: Plain,
    hint: Plain,
    a: Fig,
    b: Fig,
}

/// One row of shares: a label (with the total) and the two segments' shares.
struct ShareRow {
    label: WithFigure,
    total: Fig,
    a: Fig,
    b: Fig,
}

/// The LinkedIn plan: four figures linked by three operations, and the resulting ROAS.
struct Plan {
    steps: [(Plain, Fig); 4],
    operations: [(WithFigure, Fig); 3],
    roas: Fig,
}

enum Body {
    /// Horizontal bars, two per row (the two periods).
    Pairs {
        legend: [Plain; 2],
        rows: &'static [Pair],
    },
    /// Evolutions in %, bars either side of zero, and a note (from, to, difference, evolution).
    Evolution {
        rows: &'static [(Plain, Fig)],
        note: [Fig; 4],
    },
    /// Panels of two vertical bars.
    Versus {
        series: [Plain; 2],
        panels: &'static [Panel],
    },
    /// 100 % bars split between two segments.
    Shares {
        segments: [Plain; 2],
        rows: &'static [ShareRow],
    },
    Plan(&'static Plan),
}

struct Spec {
    name: &'static str,
    annexes: &'static [u8],
    title: Plain,
    subtitle: Plain,
    source: Plain,
    body: Body,
}

const TRAFFIC_ROWS: &[Pair] = &[
    (
        msg::ChartOriginOrganic.plain(),
        Fig::Value("a2_organic_2019"),
        Fig::Value("a2_organic_2020"),
    ),
    (
        msg::ChartOriginDirect.plain(),
        Fig::Value("a2_direct_2019"),
        Fig::Value("a2_direct_2020"),
    ),
    (
        msg::ChartOriginSocial.plain(),
        Fig::Value("a2_social_2019"),
        Fig::Value("a2_social_2020"),
    ),
    (
        msg::ChartOriginPaid.plain(),
        Fig::Value("a2_paid_2019"),
        Fig::Value("a2_paid_2020"),
    ),
    (
        msg::ChartOriginDisplay.plain(),
        Fig::Value("a2_display_2019"),
        Fig::Value("a2_display_2020"),
    ),
    (
        msg::ChartOriginEmail.plain(),
        Fig::Value("a2_email_2019"),
        Fig::Value("a2_email_2020"),
    ),
    (
        msg::ChartOriginReferral.plain(),
        Fig::Value("a2_referral_2019"),
        Fig::Value("a2_referral_2020"),
    ),
];

const SESSIONS_ROWS: &[Pair] = &[
    (
        msg::ChartOriginOrganic.plain(),
        Fig::Kpi("a2_organic_sessions_2019"),
        Fig::Kpi("a2_organic_sessions_2020"),
    ),
    (
        msg::ChartOriginDirect.plain(),
        Fig::Kpi("a2_direct_sessions_2019"),
        Fig::Kpi("a2_direct_sessions_2020"),
    ),
    (
        msg::ChartOriginSocial.plain(),
        Fig::Kpi("a2_social_sessions_2019"),
        Fig::Kpi("a2_social_sessions_2020"),
    ),
    (
        msg::ChartOriginPaid.plain(),
        Fig::Kpi("a2_paid_sessions_2019"),
        Fig::Kpi("a2_paid_sessions_2020"),
    ),
    (
        msg::ChartOriginDisplay.plain(),
        Fig::Kpi("a2_display_sessions_2019"),
        Fig::Kpi("a2_display_sessions_2020"),
    ),
    (
        msg::ChartOriginEmail.plain(),
        Fig::Kpi("a2_email_sessions_2019"),
        Fig::Kpi("a2_email_sessions_2020"),
    ),
    (
        msg::ChartOriginReferral.plain(),
        Fig::Kpi("a2_referral_sessions_2019"),
        Fig::Kpi("a2_referral_sessions_2020"),
    ),
];

const EVOLUTION_ROWS: &[(Plain, Fig)] = &[
    (msg::ChartSiteUsers.plain(), Fig::Kpi("a2_users_evol")),
    (
        msg::ChartSiteNewUsers.plain(),
        Fig::Kpi("a2_new_users_evol"),
    ),
    (msg::ChartSiteSessions.plain(), Fig::Kpi("a2_sessions_evol")),
    (
        msg::ChartSiteSessionsPerUser.plain(),
        Fig::Kpi("a2_sessions_per_user_evol"),
    ),
    (
        msg::ChartSitePageviews.plain(),
        Fig::Kpi("a2_pageviews_evol"),
    ),
    (
        msg::ChartSitePagesPerSession.plain(),
        Fig::Kpi("a2_pages_per_session_evol"),
    ),
    (msg::ChartSiteDuration.plain(), Fig::Kpi("a2_duration_evol")),
];

const ADS_PANELS: &[Panel] = &[
    Panel {
        label: msg::ChartAdsCostPerSale.plain(),
        hint: msg::ChartAdsLowerBetter.plain(),
        a: Fig::Kpi("a3_cost_per_sale"),
        b: Fig::Value("a4_cost_per_purchase"),
    },
    Panel {
        label: msg::ChartAdsConversion.plain(),
        hint: msg::ChartAdsHigherBetter.plain(),
        a: Fig::Kpi("a3_conversion"),
        b: Fig::Kpi("a4_conversion"),
    },
    Panel {
        label: msg::ChartAdsRoas.plain(),
        hint: msg::ChartAdsHigherBetter.plain(),
        a: Fig::Kpi("a3_roas"),
        b: Fig::Kpi("a4_roas"),
    },
];

const SEGMENT_ROWS: &[ShareRow] = &[
    ShareRow {
        label: |m, total| m.text(&msg::ChartSegmentsRevenue { total }),
        total: Fig::Kpi("a5_total_revenue"),
        a: Fig::Kpi("a5_b2c_revenue_share"),
        b: Fig::Kpi("a5_b2b_revenue_share"),
    },
    ShareRow {
        label: |m, total| m.text(&msg::ChartSegmentsOrders { total }),
        total: Fig::Kpi("a5_total_orders"),
        a: Fig::Kpi("a5_b2c_orders_share"),
        b: Fig::Kpi("a5_b2b_orders_share"),
    },
    ShareRow {
        label: |m, total| m.text(&msg::ChartSegmentsTrees { total }),
        total: Fig::Kpi("a5_total_trees"),
        a: Fig::Kpi("a5_b2c_trees_share"),
        b: Fig::Kpi("a5_b2b_trees_share"),
    },
];

const LINKEDIN_PLAN: Plan = Plan {
    steps: [
        (
            msg::ChartLinkedinBudget.plain(),
            Fig::Value("a7_budget_month"),
        ),
        (
            msg::ChartLinkedinClicks.plain(),
            Fig::Kpi("a7_clicks_month"),
        ),
        (
            msg::ChartLinkedinOrders.plain(),
            Fig::Kpi("a7_orders_month"),
        ),
        (
            msg::ChartLinkedinRevenue.plain(),
            Fig::Kpi("a7_revenue_month"),
        ),
    ],
    operations: [
        (
            |m, value| m.text(&msg::ChartLinkedinByCpc { value }),
            Fig::Value("a7_cpc"),
        ),
        (
            |m, value| m.text(&msg::ChartLinkedinByConversion { value }),
            Fig::Value("a7_conversion"),
        ),
        (
            |m, value| m.text(&msg::ChartLinkedinByBasket { value }),
            Fig::Kpi("a5_b2b_basket"),
        ),
    ],
    roas: Fig::Kpi("a7_roas"),
};

/// Every case chart, in the order they are offered.
const SPECS: &[Spec] = &[
    Spec {
        name: "annexe2-trafic",
        annexes: &[2],
        title: msg::ChartTrafficTitle.plain(),
        subtitle: msg::ChartTrafficSubtitle.plain(),
        source: msg::ChartTrafficSource.plain(),
        body: Body::Pairs {
            legend: [
                msg::ChartPeriodFirst.plain(),
                msg::ChartPeriodSecond.plain(),
            ],
            rows: TRAFFIC_ROWS,
        },
    },
    Spec {
        name: "annexe2-sessions",
        annexes: &[2],
        title: msg::ChartSessionsTitle.plain(),
        subtitle: msg::ChartSessionsSubtitle.plain(),
        source: msg::ChartSessionsSource.plain(),
        body: Body::Pairs {
            legend: [
                msg::ChartPeriodFirst.plain(),
                msg::ChartPeriodSecond.plain(),
            ],
            rows: SESSIONS_ROWS,
        },
    },
    Spec {
        name: "annexe2-evolution",
        annexes: &[2],
        title: msg::ChartEvolutionTitle.plain(),
        subtitle: msg::ChartEvolutionSubtitle.plain(),
        source: msg::ChartEvolutionSource.plain(),
        body: Body::Evolution {
            rows: EVOLUTION_ROWS,
            note: [
                Fig::Value("a2_bounce_2019"),
                Fig::Value("a2_bounce_2020"),
                Fig::Kpi("a2_bounce_diff"),
                Fig::Kpi("a2_bounce_evol"),
            ],
        },
    },
    Spec {
        name: "annexes3-4-google-facebook",
        annexes: &[3, 4],
        title: msg::ChartAdsTitle.plain(),
        subtitle: msg::ChartAdsSubtitle.plain(),
        source: msg::ChartAdsSource.plain(),
        body: Body::Versus {
            series: [msg::ChartAdsGoogle.plain(), msg::ChartAdsFacebook.plain()],
            panels: ADS_PANELS,
        },
    },
    Spec {
        name: "annexe5-segments",
        annexes: &[5],
        title: msg::ChartSegmentsTitle.plain(),
        subtitle: msg::ChartSegmentsSubtitle.plain(),
        source: msg::ChartSegmentsSource.plain(),
        body: Body::Shares {
            segments: [msg::ChartSegmentsB2c.plain(), msg::ChartSegmentsB2b.plain()],
            rows: SEGMENT_ROWS,
        },
    },
    Spec {
        name: "annexe7-linkedin",
        annexes: &[7],
        title: msg::ChartLinkedinTitle.plain(),
        subtitle: msg::ChartLinkedinSubtitle.plain(),
        source: msg::ChartLinkedinSource.plain(),
        body: Body::Plan(&LINKEDIN_PLAN),
    },
];

/// The names of every case chart this build knows, whatever the case (a case offers those whose
/// figures it has: see [`case_charts`]).
pub const CHART_NAMES: &[&str] = &[
    "annexe2-trafic",
    "annexe2-sessions",
    "annexe2-evolution",
    "annexes3-4-google-facebook",
    "annexe5-segments",
    "annexe7-linkedin",
];

impl Spec {
    /// Every figure the chart shows.
    fn figures(&self) -> Vec<Fig> {
        match &self.body {
            Body::Pairs { rows, .. } => rows.iter().flat_map(|(_, a, b)| [*a, *b]).collect(),
            Body::Evolution { rows, note } => rows
                .iter()
                .map(|(_, f)| *f)
                .chain(note.iter().copied())
                .collect(),
            Body::Versus { panels, .. } => panels.iter().flat_map(|p| [p.a, p.b]).collect(),
            Body::Shares { rows, .. } => rows.iter().flat_map(|r| [r.total, r.a, r.b]).collect(),
            Body::Plan(plan) => plan
                .steps
                .iter()
                .map(|(_, f)| *f)
                .chain(plan.operations.iter().map(|(_, f)| *f))
                .chain([plan.roas])
                .collect(),
        }
    }

    fn info(&self, messages: &Prompts) -> ChartInfo {
        ChartInfo {
            name: self.name.to_string(),
            title: messages.text(&self.title),
            annexes: self.annexes.to_vec(),
        }
    }
}

/// Looks a figure up: a KPI is computed by the engine and written as the bot writes it; a
/// value is written the French way with its own decimals.
fn resolve(case: &Case, chart: &str, fig: Fig) -> Result<Num, ChartError> {
    let missing = |id: &str| ChartError::MissingFigure {
        chart: chart.to_string(),
        id: id.to_string(),
    };
    match fig {
        Fig::Kpi(id) => {
            let index = case.kpi_index(id).ok_or_else(|| missing(id))?;
            let value = case.evaluate(index).map_err(|source| ChartError::Eval {
                chart: chart.to_string(),
                source,
            })?;
            let text = case.kpis[index].display(value);
            Ok(Num {
                value: Some(value),
                text,
            })
        }
        Fig::Value(id) => {
            let v = case.value_by_id(id).ok_or_else(|| missing(id))?;
            let text = figure_text(v.value, v.unit, v.value.normalize().scale());
            Ok(Num {
                value: Some(v.value),
                text,
            })
        }
    }
}

/// Whether every figure of the chart exists in the case.
fn available(case: &Case, spec: &Spec) -> bool {
    spec.figures().into_iter().all(|f| match f {
        Fig::Kpi(id) => case.kpi_index(id).is_some(),
        Fig::Value(id) => case.value_by_id(id).is_some(),
    })
}

/// Every chart the case has the figures for, in a stable order.
pub fn case_charts(case: &Case, messages: &Prompts) -> Vec<ChartInfo> {
    SPECS
        .iter()
        .filter(|s| available(case, s))
        .map(|s| s.info(messages))
        .collect()
}

/// The charts of the case that show figures of annex `annex` (may be empty).
pub fn charts_for_annex(case: &Case, messages: &Prompts, annex: u8) -> Vec<ChartInfo> {
    SPECS
        .iter()
        .filter(|s| s.annexes.contains(&annex) && available(case, s))
        .map(|s| s.info(messages))
        .collect()
}

/// Draws the case chart named `name` (see [`case_charts`]) as PNG bytes, with every figure:
/// for the command line, the teacher and the reference pictures. What a student is sent goes
/// through [`render_case_chart_for`].
pub fn render_case_chart(
    case: &Case,
    messages: &Prompts,
    name: &str,
) -> Result<Vec<u8>, ChartError> {
    render_case_chart_for(case, messages, name, &Sight::everything())
}

/// Draws the case chart named `name` as PNG bytes, drawing the computed figures `sight` hides
/// as « ? » with no bar (see [`Sight`]).
pub fn render_case_chart_for(
    case: &Case,
    messages: &Prompts,
    name: &str,
    sight: &Sight,
) -> Result<Vec<u8>, ChartError> {
    let chart = prepare(case, messages, name, sight)?;
    let mut canvas = Canvas::new(WIDTH, HEIGHT)?;
    let top = canvas.header(&chart.title, Some(&chart.subtitle));
    canvas.footer(&chart.footer);
    match &chart.body {
        Drawn::Pairs { legend, rows } => draw_pairs(&mut canvas, top, legend, rows),
        Drawn::Evolution { rows, note } => draw_evolution(&mut canvas, top, rows, note),
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
    case: &Case,
    messages: &Prompts,
    name: &str,
    sight: &Sight,
) -> Result<ChartData, ChartError> {
    let chart = prepare(case, messages, name, sight)?;
    let mut texts = vec![
        chart.title.clone(),
        chart.subtitle.clone(),
        chart.footer.clone(),
    ];
    chart.body.texts(&mut texts);
    Ok(ChartData {
        name: chart.name.to_string(),
        figures: chart.figures,
        texts,
    })
}

/// A chart once its figures are looked up and its texts written, ready to draw.
struct Prepared {
    name: &'static str,
    title: String,
    subtitle: String,
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

/// The LinkedIn plan, written.
struct PlanDrawn {
    steps: Vec<(String, Num)>,
    operations: Vec<String>,
    roas: String,
    /// What the ROAS means, when it is shown.
    meaning: Option<String>,
    /// The budget against the revenue, to scale, when both are shown.
    bars: Option<[(String, Num); 2]>,
}

enum Drawn {
    Pairs {
        legend: [(String, Rgb); 2],
        rows: Vec<(String, Num, Num)>,
    },
    Evolution {
        rows: Vec<(String, Num)>,
        note: String,
    },
    Versus {
        series: [(String, Rgb); 2],
        panels: Vec<(String, String, Num, Num)>,
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
                push(note);
            }
            Drawn::Versus { series, panels } => {
                series.iter().for_each(|(l, _)| push(l));
                for (label, hint, a, b) in panels {
                    [label, hint, &a.text, &b.text]
                        .into_iter()
                        .for_each(|s| push(s));
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
    case: &Case,
    messages: &Prompts,
    name: &str,
    sight: &Sight,
) -> Result<Prepared, ChartError> {
    let spec = SPECS
        .iter()
        .find(|s| s.name == name)
        .ok_or_else(|| ChartError::UnknownChart(name.to_string()))?;
    let mut figures = Figures {
        case,
        chart: spec.name,
        sight,
        hidden_mark: messages.text(&msg::ChartHiddenMark),
        found: Vec::new(),
    };
    let body = match &spec.body {
        Body::Pairs { legend, rows } => prepare_pairs(messages, &mut figures, legend, rows)?,
        Body::Evolution { rows, note } => prepare_evolution(messages, &mut figures, rows, note)?,
        Body::Versus { series, panels } => prepare_versus(messages, &mut figures, series, panels)?,
        Body::Shares { segments, rows } => prepare_shares(messages, &mut figures, segments, rows)?,
        Body::Plan(plan) => prepare_plan(messages, &mut figures, plan)?,
    };
    let figures = figures.found;
    let source = messages.text(&spec.source);
    let footer = if figures.iter().any(|f| f.value.is_none()) {
        messages.text(&msg::ChartHiddenFooter { source: &source })
    } else {
        source
    };
    Ok(Prepared {
        name: spec.name,
        title: messages.text(&spec.title),
        subtitle: messages.text(&spec.subtitle),
        footer,
        body,
        figures,
    })
}

/// The figures of one chart, looked up as its texts are written and kept in that order.
struct Figures<'a> {
    case: &'a Case,
    chart: &'static str,
    sight: &'a Sight,
    /// What a hidden figure reads (« ? »).
    hidden_mark: String,
    found: Vec<ChartFigure>,
}

impl Figures<'_> {
    /// Looks `fig` up; `hide` forces a figure hidden (the partner of a hidden share).
    fn lookup(&mut self, fig: Fig, hide: bool) -> Result<Num, ChartError> {
        let num = resolve(self.case, self.chart, fig)?;
        let (id, computed) = match fig {
            Fig::Kpi(id) => (id, true),
            Fig::Value(id) => (id, false),
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
            id: id.to_string(),
            computed,
            value: num.value,
            text: num.text.clone(),
        });
        Ok(num)
    }

    /// Looks `fig` up, hidden only if the asker may not see it.
    fn get(&mut self, fig: Fig) -> Result<Num, ChartError> {
        self.lookup(fig, false)
    }
}

/// Horizontal bars, two per row: the rows' labels and figures, the two periods' legend.
fn prepare_pairs(
    messages: &Prompts,
    figures: &mut Figures<'_>,
    legend: &[Plain; 2],
    rows: &[Pair],
) -> Result<Drawn, ChartError> {
    let mut data = Vec::with_capacity(rows.len());
    for (label, a, b) in rows.iter() {
        data.push((messages.text(label), figures.get(*a)?, figures.get(*b)?));
    }
    let legend = [
        (messages.text(&legend[0]), colour::GREY_BLUE),
        (messages.text(&legend[1]), colour::BLUE),
    ];
    Ok(Drawn::Pairs { legend, rows: data })
}

/// Evolutions: the rows, and the note (from, to, difference, evolution).
fn prepare_evolution(
    messages: &Prompts,
    figures: &mut Figures<'_>,
    rows: &[(Plain, Fig)],
    note: &[Fig; 4],
) -> Result<Drawn, ChartError> {
    let mut data = Vec::with_capacity(rows.len());
    for (label, fig) in rows.iter() {
        data.push((messages.text(label), figures.get(*fig)?));
    }
    let (from, to) = (figures.get(note[0])?, figures.get(note[1])?);
    let (diff, evolution) = (figures.get(note[2])?, figures.get(note[3])?);
    let note = messages.text(&msg::ChartEvolutionNote {
        from: &from.text,
        to: &to.text,
        diff: &diff.text,
        evolution: &evolution.text,
    });
    Ok(Drawn::Evolution { rows: data, note })
}

/// Panels of two vertical bars, and the two series' legend.
fn prepare_versus(
    messages: &Prompts,
    figures: &mut Figures<'_>,
    series: &[Plain; 2],
    panels: &[Panel],
) -> Result<Drawn, ChartError> {
    let mut data = Vec::with_capacity(panels.len());
    for p in panels.iter() {
        data.push((
            messages.text(&p.label),
            messages.text(&p.hint),
            figures.get(p.a)?,
            figures.get(p.b)?,
        ));
    }
    let series = [
        (messages.text(&series[0]), colour::ORANGE),
        (messages.text(&series[1]), colour::BLUE),
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
    segments: &[Plain; 2],
    rows: &[ShareRow],
) -> Result<Drawn, ChartError> {
    let segments = [
        (messages.text(&segments[0]), colour::ORANGE),
        (messages.text(&segments[1]), colour::BLUE),
    ];
    let mut data = Vec::with_capacity(rows.len());
    for r in rows.iter() {
        let total = figures.get(r.total)?;
        let label = (r.label)(messages, &total.text);
        // The two shares make 100 %: one shown would give the other away.
        let hide = [r.a, r.b]
            .iter()
            .any(|f| matches!(f, Fig::Kpi(id) if !figures.sight.shows(id)));
        let (a, b) = (figures.lookup(r.a, hide)?, figures.lookup(r.b, hide)?);
        let share = |segment: &str, num: &Num| {
            messages.text(&msg::ChartSegmentsShare {
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

/// The LinkedIn plan: its steps, operations and ROAS, with the two bars to scale when they can
/// be drawn.
fn prepare_plan(
    messages: &Prompts,
    figures: &mut Figures<'_>,
    plan: &Plan,
) -> Result<Drawn, ChartError> {
    let mut steps = Vec::with_capacity(4);
    for (label, fig) in plan.steps.iter() {
        steps.push((messages.text(label), figures.get(*fig)?));
    }
    let mut operations = Vec::with_capacity(3);
    for (id, fig) in plan.operations.iter() {
        operations.push(id(messages, &figures.get(*fig)?.text));
    }
    let roas = figures.get(plan.roas)?;
    let roas_text = messages.text(&msg::ChartLinkedinRoas { value: &roas.text });
    let meaning = roas
        .value
        .map(|_| messages.text(&msg::ChartLinkedinRoasMeaning { value: &roas.text }));
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
    panels: &[(String, String, Num, Num)],
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
        canvas.text_fit(note, cx, top + 48.0, hint, Align::Center, pw - 12.0);
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

/// The plan as a chain of boxes (budget, clicks, orders, revenue) joined by the operation
/// that leads from one to the next, and beside it the ROAS and the budget against the revenue
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
    use super::*;

    #[test]
    fn chart_names_list_every_spec_once() {
        let names: Vec<&str> = SPECS.iter().map(|s| s.name).collect();
        assert_eq!(names, CHART_NAMES);
        for spec in SPECS {
            assert!(!spec.annexes.is_empty(), "{}", spec.name);
            assert!(!spec.figures().is_empty(), "{}", spec.name);
        }
    }
}
