//! A loaded, validated case: its annexes, figures, KPIs, questions and texts. Built only by
//! [`crate::pack::load`], which guarantees every reference resolves and every KPI evaluates, so
//! the lookups here cannot dangle.

use crate::format::{self, Unit};
use crate::kpi::Kpi;
use crate::prompts::Prompts;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// What the subject says about itself.
#[derive(Debug, Clone)]
pub struct CaseMeta {
    pub id: String,
    pub title: String,
    pub exam: String,
    pub session: u16,
    pub code: String,
    pub duration_minutes: u32,
    pub total_points: Decimal,
}

/// A part of the exam (Dossier 1, Dossier 2, the réflexion).
#[derive(Debug, Clone)]
pub struct Dossier {
    pub id: String,
    pub title: String,
    pub points: Decimal,
}

/// A figure of the subject.
#[derive(Debug, Clone)]
pub struct Value {
    pub id: String,
    pub label: String,
    /// The annex it comes from; `None` for a constant (months in a year).
    pub annex: Option<u8>,
    pub value: Decimal,
    pub unit: Unit,
    /// The figure as the subject prints it, when that differs from the French format.
    pub shown: Option<String>,
}

impl Value {
    /// The figure as a table shows it: the subject's own text, else the French format.
    pub fn display(&self) -> String {
        if let Some(shown) = &self.shown {
            return shown.clone();
        }
        match self.unit {
            Unit::Seconds => format::duration_hms(self.value),
            unit => format::with_unit(self.value, unit, self.value.normalize().scale()),
        }
    }

    /// The bare number, as written in a worked calculation: "5 865,15", "59,7", "118".
    pub fn number(&self) -> String {
        format::number(self.value, self.value.normalize().scale())
    }
}

/// A table cell: a figure of the case or literal text.
#[derive(Debug, Clone)]
pub enum Cell {
    Value(usize),
    Text(String),
}

#[derive(Debug, Clone)]
pub struct Table {
    pub id: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone)]
pub struct Annex {
    pub number: u8,
    pub title: String,
    pub source: String,
    pub tables: Vec<Table>,
}

/// A numeric sub-question: one KPI to compute.
#[derive(Debug, Clone)]
pub struct Part {
    pub id: String,
    pub kpi: usize,
    pub points: Decimal,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub dossier: String,
    pub points: Decimal,
    pub annexes: Vec<u8>,
    pub parts: Vec<Part>,
}

/// The grading grid of a question's written answer (its analysis, model answer, réflexion):
/// the points a good copy makes, each with its share of the marks. Loaded from the pack's
/// optional `grids.toml`; the shares add up to the question's points minus its numeric parts'.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The question id ("2.4").
    pub question: String,
    /// What the written answer is worth: the question's points minus its parts' points.
    pub points: Decimal,
    pub criteria: Vec<GridCriterion>,
}

/// One point a good copy makes; its texts are `grid.<question>.<id>.label` and `.explanation`.
#[derive(Debug, Clone)]
pub struct GridCriterion {
    pub id: String,
    /// Its share of the marks, in points.
    pub share: Decimal,
}

impl Grid {
    /// The id of a criterion's short label.
    pub fn label_id(question: &str, criterion: &str) -> String {
        format!("grid.{question}.{criterion}.label")
    }

    /// The id of what a good copy writes for that criterion.
    pub fn explanation_id(question: &str, criterion: &str) -> String {
        format!("grid.{question}.{criterion}.explanation")
    }
}

/// A whole case pack, loaded and checked.
#[derive(Debug, Clone)]
pub struct Case {
    pub meta: CaseMeta,
    pub dossiers: Vec<Dossier>,
    pub annexes: Vec<Annex>,
    pub values: Vec<Value>,
    pub kpis: Vec<Kpi>,
    pub questions: Vec<Question>,
    /// The case's own texts (annex bodies, statements, commentaries, model answers).
    pub texts: Prompts,
    pub(crate) value_index: HashMap<String, usize>,
    pub(crate) kpi_index: HashMap<String, usize>,
    /// One prepared answer check per KPI, in the order of `kpis`.
    pub(crate) plans: Vec<crate::check::Plan>,
    /// Grading grids of the written answers, in question order (empty without `grids.toml`).
    pub grids: Vec<Grid>,
    /// The LinkedIn workshop: model posts and draft analysis (`None` without `linkedin.toml`).
    pub linkedin: Option<crate::linkedin::Workshop>,
}

impl Case {
    pub fn value_by_id(&self, id: &str) -> Option<&Value> {
        self.value_index.get(id).map(|&i| &self.values[i])
    }

    /// The index of a KPI, by id.
    pub fn kpi_index(&self, id: &str) -> Option<usize> {
        self.kpi_index.get(id).copied()
    }

    pub fn kpi_by_id(&self, id: &str) -> Option<&Kpi> {
        self.kpi_index(id).map(|i| &self.kpis[i])
    }

    pub fn annex(&self, number: u8) -> Option<&Annex> {
        self.annexes.iter().find(|a| a.number == number)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions
            .iter()
            .find(|q| q.id.eq_ignore_ascii_case(id))
    }

    /// A numeric part and its question, by part id ("1.2.a").
    pub fn part(&self, id: &str) -> Option<(&Question, &Part)> {
        self.questions.iter().find_map(|q| {
            q.parts
                .iter()
                .find(|p| p.id.eq_ignore_ascii_case(id))
                .map(|p| (q, p))
        })
    }

    /// The grading grid of a question, by question id.
    pub fn grid(&self, question: &str) -> Option<&Grid> {
        self.grids
            .iter()
            .find(|g| g.question.eq_ignore_ascii_case(question))
    }

    pub fn dossier(&self, id: &str) -> Option<&Dossier> {
        self.dossiers.iter().find(|d| d.id.eq_ignore_ascii_case(id))
    }

    /// Renders a case text, filling `{kpi.ID}` with the KPI's displayed value and `{value.ID}`
    /// with the figure as the annex shows it. Loading has checked every placeholder resolves.
    pub fn text(&self, id: &str) -> String {
        let Some(template) = self.texts.get(id) else {
            tracing::warn!(id, case = %self.meta.id, "missing case text");
            return format!("[{id}]");
        };
        crate::prompts::render_template(template, &mut |name| self.placeholder(name))
    }

    /// The value of a `{kpi.ID}` or `{value.ID}` placeholder.
    pub(crate) fn placeholder(&self, name: &str) -> Option<String> {
        if let Some(id) = name.strip_prefix("kpi.") {
            let index = self.kpi_index(id)?;
            return self
                .evaluate(index)
                .ok()
                .map(|v| self.kpis[index].display(v));
        }
        if let Some(id) = name.strip_prefix("value.") {
            return self.value_by_id(id).map(Value::display);
        }
        None
    }
}
