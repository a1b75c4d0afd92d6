//! Pictures: charts of the case's figures and of how the class answered, as PNG bytes.
//!
//! Every chart is an opaque white card of [`WIDTH`] × [`HEIGHT`] pixels with large text (titles
//! 28 px, body 16 to 20 px), so it reads on a phone and on Discord's dark and light themes alike.
//! Text is drawn with DejaVu Sans, embedded in the binary (`assets/fonts/`), never looked up on
//! the system; the PNG carries no time or text chunk: the same chart is the same picture on every
//! machine.
//!
//! - **Case charts** ([`case_charts`], [`charts_for_annex`], [`render_case_chart`]) are what
//!   the pack declares (`charts.toml`, [`crate::pack::charts`]): their kinds, the value and KPI
//!   ids they draw, the ids of their texts. Every figure comes from the KPI engine or the case's
//!   values, the subject's words from the pack's texts, and the words every chart shares from
//!   `prompts/fr/charts.toml` (ids in [`TEXT_IDS`]). A pack without `charts.toml` has none.
//! - **Class charts** ([`render_answer_spread`], [`render_podium`],
//!   [`render_score_distribution`], [`render_student_results`], [`render_vote_tally`]) are pure
//!   functions over plain data the quiz and workshop engines give. They fail with
//!   [`ChartError::NoData`] on empty data (post no picture then), never panic on odd values
//!   (huge, negative, emoji in names).
//! - **Samples** ([`sample`]): fixed class data built from a case, drawn by the tests (reference
//!   pictures in `tests/it/charts/`), the benchmark, and `casebot chart` before any class played.
//!
//! Numbers are written by [`crate::format`] ("17,8 %", "1 940 €"); amounts stay
//! [`Decimal`] until they become pixel coordinates.

mod canvas;
mod cases;
mod class;
pub mod sample;

use crate::format::Unit;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The charts' texts with their arguments: their section of the one registry (`msg::CHARTS`).
pub use crate::msg::CHARTS as TEXTS;
pub use cases::{case_chart_data, case_charts, charts_for_annex};
pub use cases::{render_case_chart, render_case_chart_for};
pub use class::{render_answer_spread, render_podium, render_score_distribution};
pub use class::{render_student_results, render_vote_tally, AnswerSpread, VoteRow};
/// Every id the charts use.
pub const TEXT_IDS: &[&str] = &crate::msg::ids::<{ TEXTS.len() }>(TEXTS);

/// Width of every chart, in pixels.
pub const WIDTH: u32 = 800;
/// Height of every chart, in pixels.
pub const HEIGHT: u32 = 500;

/// A case chart the bot can draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartInfo {
    /// Stable name, for commands and file names: `annexe2-trafic`.
    pub name: String,
    /// Its French title, as drawn on the chart.
    pub title: String,
    /// The annexes whose figures it shows (`/annexe N` offers it beside the table).
    pub annexes: Vec<u8>,
}

/// Which computed figures (KPIs) a case chart may draw for whoever asked for it. The case's
/// own values (what the annexes print) are always drawn; a hidden KPI is drawn as « ? » with
/// no bar, so neither its digits nor its length give it away, and the footer says « ? » is
/// for the student to compute. Who may see what is decided by the play engine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sight {
    hidden: std::collections::BTreeSet<String>,
}

impl Sight {
    /// Every figure (the teacher, the command line, a reference picture).
    pub fn everything() -> Sight {
        Sight::default()
    }

    /// Every figure but the KPIs named.
    pub fn hiding<S: Into<String>>(kpi_ids: impl IntoIterator<Item = S>) -> Sight {
        Sight {
            hidden: kpi_ids.into_iter().map(Into::into).collect(),
        }
    }

    /// Whether the KPI `kpi_id` may be drawn.
    pub fn shows(&self, kpi_id: &str) -> bool {
        !self.hidden.contains(kpi_id)
    }

    /// The KPIs hidden, sorted.
    pub fn hidden(&self) -> impl Iterator<Item = &str> {
        self.hidden.iter().map(String::as_str)
    }
}

/// What a case chart draws, for one [`Sight`]: see [`case_chart_data`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartData {
    pub name: String,
    /// Every figure looked up, in drawing order.
    pub figures: Vec<ChartFigure>,
    /// Every text written on the picture (titles, labels, notes, figures).
    pub texts: Vec<String>,
}

/// One figure of a case chart as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartFigure {
    /// The KPI or value id.
    pub id: String,
    /// A KPI (computed), not a value of an annex.
    pub computed: bool,
    /// Its value, or `None` when hidden.
    pub value: Option<Decimal>,
    /// As written on the picture (« ? » when hidden).
    pub text: String,
}

/// Why a chart cannot be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("no chart named '{0}' (see `case_charts`)")]
    UnknownChart(String),
    #[error("chart '{chart}' needs the figure '{id}', which this case does not have")]
    MissingFigure { chart: String, id: String },
    #[error("chart '{chart}': {source}")]
    Eval {
        chart: String,
        source: crate::kpi::EvalError,
    },
    #[error("nothing to draw: {0}")]
    NoData(&'static str),
    #[error("the embedded font cannot be read")]
    Font,
    #[error("cannot create a {WIDTH}×{HEIGHT} canvas")]
    Canvas,
    #[error("PNG encoding failed: {0}")]
    Png(#[from] png::EncodingError),
}

/// A decimal as a drawing coordinate (the only place figures become floating point).
pub(crate) fn px(value: Decimal) -> f32 {
    value.to_f32().unwrap_or(0.0)
}

/// The largest magnitude a class chart draws: anything beyond is drawn as this, so no
/// computation on what students typed can overflow.
pub(crate) fn bounded(value: Decimal) -> Decimal {
    let limit = Decimal::from(1_000_000_000_000_000i64);
    value.clamp(-limit, limit)
}

/// The smallest step of the form 1, 2 or 5 × 10^k that cuts `span` into at most `max` steps.
pub(crate) fn nice_step(span: Decimal, max: u32) -> Decimal {
    let span = span.abs();
    let max = Decimal::from(max.max(1));
    let mut power = Decimal::new(1, 6);
    for _ in 0..30 {
        for m in [1u32, 2, 5] {
            let step = power * Decimal::from(m);
            if span <= step * max {
                return step;
            }
        }
        match power.checked_mul(Decimal::TEN) {
            Some(p) => power = p,
            None => break,
        }
    }
    power
}

/// The decimals a tick step needs to be written exactly.
pub(crate) fn step_decimals(step: Decimal) -> u32 {
    step.normalize().scale()
}

/// A value with its unit, French style, with as many decimals as the value itself has (at
/// most `max`).
pub(crate) fn figure_text(value: Decimal, unit: Unit, max: u32) -> String {
    let rounded = crate::format::round(value, max).normalize();
    crate::format::with_unit(rounded, unit, rounded.scale())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(dec!(100), 5), dec!(20));
        assert_eq!(nice_step(dec!(7.3), 6), dec!(2));
        assert_eq!(nice_step(dec!(0.3), 6), dec!(0.05));
        assert_eq!(nice_step(dec!(40), 10), dec!(5));
        assert_eq!(nice_step(dec!(0), 10), dec!(0.000001));
        assert_eq!(step_decimals(dec!(0.050)), 2);
        assert_eq!(step_decimals(dec!(20)), 0);
    }

    #[test]
    fn figures_keep_their_own_decimals() {
        let plain = |s: String| s.replace(['\u{202F}', '\u{A0}'], " ");
        assert_eq!(plain(figure_text(dec!(59.70), Unit::Percent, 2)), "59,7 %");
        assert_eq!(plain(figure_text(dec!(1940), Unit::Eur, 2)), "1 940 €");
        assert_eq!(plain(figure_text(dec!(6.06), Unit::Eur, 2)), "6,06 €");
    }
}
