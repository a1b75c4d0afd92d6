//! French text and JSON for the workshop: the feedback on a draft (one line per criterion and
//! the counts), the model posts with their teacher's notes, the grading grids. Every sentence
//! comes from `prompts/fr/linkedin.toml` or from the case's texts.

use super::{analyse, Analysis, Criterion, Params, Verdict, Workshop};
use crate::case::{Case, Grid};
use crate::format;
use crate::msg;
use crate::prompts::Prompts;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{json, Value};

/// One line of the feedback: the criterion, met or not, and what to do (or what was found).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    pub id: &'static str,
    pub label: String,
    pub met: bool,
    /// When not met, the concrete tip; when met, what the rule found.
    pub tip: String,
}

/// An integer the French way ("3 000").
fn int(n: usize) -> String {
    format::number(Decimal::from(n as u64), 0)
}

/// The arguments of a criterion's texts.
fn criterion_args(params: &Params, verdict: &Verdict) -> CriterionArgs {
    let limits = &params.limits;
    let count = verdict.count.unwrap_or(0);
    let (min, max) = match verdict.criterion {
        Criterion::Hook => (0, limits.hook_max_characters),
        Criterion::Length => (limits.min_characters, limits.max_characters),
        Criterion::Quote => (limits.min_quoted_words, params.testimonial_words.len()),
        Criterion::Hashtags => (limits.min_hashtags, limits.max_hashtags),
        Criterion::Emoji => (0, limits.max_emoji),
        _ => (0, 0),
    };
    CriterionArgs {
        found: crate::render::echo_cut(verdict.found.as_deref().unwrap_or_default(), 160),
        count: int(count),
        min: int(min),
        max: int(max),
        total: int(params.testimonial_words.len()),
        excess: int(count.saturating_sub(max)),
    }
}

/// The figures of a draft every criterion's text is given (the written ones).
struct CriterionArgs {
    found: String,
    count: String,
    min: String,
    max: String,
    total: String,
    excess: String,
}

impl CriterionArgs {
    /// One text of the criteria's family with these figures and the subject's names.
    fn text<'a>(
        &'a self,
        params: &'a Params,
        text: msg::LinkedinCriterionText,
    ) -> msg::LinkedinCriterion<'a> {
        msg::LinkedinCriterion {
            text,
            found: &self.found,
            count: &self.count,
            min: &self.min,
            max: &self.max,
            total: &self.total,
            excess: &self.excess,
            company: &params.company_shown,
            author: &params.author_shown,
            role: &params.role_shown,
        }
    }
}

/// The feedback lines of an analysis, in criterion order.
pub fn lines(messages: &Prompts, params: &Params, analysis: &Analysis) -> Vec<Line> {
    analysis
        .verdicts
        .iter()
        .map(|v| {
            let args = criterion_args(params, v);
            Line {
                id: v.criterion.id(),
                label: messages.text(&args.text(params, v.criterion.label())),
                met: v.met,
                tip: messages.text(&args.text(params, v.reason.text())),
            }
        })
        .collect()
}

/// The feedback a student reads: a summary, one line per criterion, the counts.
pub fn feedback(messages: &Prompts, params: &Params, analysis: &Analysis) -> String {
    let lines = lines(messages, params, analysis);
    let mut out = messages.text(&msg::LinkedinFeedbackHeader {
        met: &int(analysis.met_count()),
        total: &int(lines.len()),
    });
    for line in &lines {
        let (label, tip) = (line.label.as_str(), line.tip.as_str());
        out.push('\n');
        out.push_str(&if line.met {
            messages.text(&msg::LinkedinFeedbackMet { label, tip })
        } else {
            messages.text(&msg::LinkedinFeedbackNotMet { label, tip })
        });
    }
    out.push_str("\n\n");
    let c = &analysis.counts;
    out.push_str(&messages.text(&msg::LinkedinFeedbackCounts {
        characters: &int(c.characters),
        max: &int(params.limits.max_characters),
        before_more: &int(c.before_more),
        hashtags: &int(c.hashtags),
        emoji: &int(c.emoji),
    }));
    out
}

/// The feedback as JSON: `{"criteria": [{"id", "label", "met", "tip"}], "counts": {…}}`.
pub fn feedback_json(messages: &Prompts, params: &Params, analysis: &Analysis) -> Value {
    json!({
        "criteria": lines(messages, params, analysis),
        "counts": analysis.counts,
    })
}

/// One model post: its title, the post, its counts and the teacher's note.
pub fn model(messages: &Prompts, case: &Case, workshop: &Workshop, index: usize) -> Option<String> {
    let id = workshop.models.get(index)?;
    let post = case.text(&Workshop::post_id(id));
    let analysis = analyse(&post, &workshop.params);
    let mut out = messages.text(&msg::LinkedinModelsItem {
        number: &int(index + 1),
        title: &case.text(&Workshop::title_id(id)),
    });
    out.push_str("\n\n");
    out.push_str(&post);
    out.push_str("\n\n");
    let c = &analysis.counts;
    out.push_str(&messages.text(&msg::LinkedinModelsCounts {
        characters: &int(c.characters),
        before_more: &int(c.before_more),
        hashtags: &int(c.hashtags),
        emoji: &int(c.emoji),
    }));
    out.push_str("\n\n");
    out.push_str(&messages.text(&msg::LinkedinModelsNote {
        note: &case.text(&Workshop::note_id(id)),
    }));
    Some(out)
}

/// Every model post of the case, or `None` when the case has no LinkedIn workshop.
pub fn models(messages: &Prompts, case: &Case, workshop: Option<&Workshop>) -> Option<String> {
    let workshop = workshop?;
    let mut out = messages.text(&msg::LinkedinModelsHeader {
        question: &workshop.question,
        count: &int(workshop.models.len()),
    });
    for i in 0..workshop.models.len() {
        if let Some(text) = model(messages, case, workshop, i) {
            out.push_str("\n\n");
            out.push_str(&text);
        }
    }
    Some(out)
}

/// Every model post as JSON: `id`, `title`, `post`, `note`, `counts`.
pub fn models_json(case: &Case, workshop: Option<&Workshop>) -> Value {
    let Some(workshop) = workshop else {
        return json!([]);
    };
    let list: Vec<Value> = workshop
        .models
        .iter()
        .map(|id| {
            let post = case.text(&Workshop::post_id(id));
            let counts = analyse(&post, &workshop.params).counts;
            json!({
                "id": id,
                "title": case.text(&Workshop::title_id(id)),
                "post": post,
                "note": case.text(&Workshop::note_id(id)),
                "counts": counts,
            })
        })
        .collect();
    Value::Array(list)
}

/// The grading grid of a question: what the written answer is worth, then each point a good
/// copy makes with its share of the marks.
pub fn grid(messages: &Prompts, case: &Case, grid: &Grid) -> String {
    grid_hiding(messages, case, grid, &|_| false, "")
}

/// The grading grid like [`grid`], writing `mark` instead of the KPIs `hidden` names (what a
/// student reads while a quiz asks them).
pub fn grid_hiding(
    messages: &Prompts,
    case: &Case,
    grid: &Grid,
    hidden: &dyn Fn(usize) -> bool,
    mark: &str,
) -> String {
    let question_points = case
        .question(&grid.question)
        .map(|q| q.points)
        .unwrap_or(grid.points);
    let mut out = messages.text(&msg::LinkedinGridHeader {
        question: &grid.question,
        points: &crate::render::points(messages, question_points),
    });
    if question_points != grid.points {
        out.push('\n');
        out.push_str(&messages.text(&msg::LinkedinGridNumeric {
            points: &crate::render::points(messages, question_points - grid.points),
            written: &crate::render::points(messages, grid.points),
        }));
    }
    for c in &grid.criteria {
        out.push('\n');
        out.push_str(&messages.text(&msg::LinkedinGridCriterion {
            label: &case.text(&Grid::label_id(&grid.question, &c.id)),
            points: &crate::render::points(messages, c.share),
            explanation: &case.text_hiding(
                &Grid::explanation_id(&grid.question, &c.id),
                hidden,
                mark,
            ),
        }));
    }
    out
}

/// A grid as JSON: `question`, `points` (the written answer's share), `criteria` (`id`,
/// `label`, `share`, `explanation`), decimals as strings.
pub fn grid_json(case: &Case, grid: &Grid) -> Value {
    let criteria: Vec<Value> = grid
        .criteria
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "label": case.text(&Grid::label_id(&grid.question, &c.id)),
                "share": c.share.normalize().to_string(),
                "explanation": case.text(&Grid::explanation_id(&grid.question, &c.id)),
            })
        })
        .collect();
    json!({
        "question": grid.question,
        "points": grid.points.normalize().to_string(),
        "criteria": criteria,
    })
}
