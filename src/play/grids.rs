//! A question's grading grid as the bot lists it (one numbered criterion a line, with its
//! points): shared by written answers, marking and the réflexion's guide.

use super::Inner;
use crate::case::{Case, Grid};
use crate::msg;
use crate::render::points;

/// The numbered criteria of a grid, one per line.
pub(crate) fn criteria_lines(inner: &Inner, case: &Case, grid: &Grid) -> String {
    let m = inner.messages();
    grid.criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            m.text(&msg::WorkshopCriterionLine {
                number: &(i + 1).to_string(),
                label: &case.text(&Grid::label_id(&grid.question, &c.id)),
                points: &points(m, c.share),
            })
        })
        .collect::<Vec<_>>()
        .join("\n")
}
