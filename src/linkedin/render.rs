//! French text and JSON for the workshop: the feedback on a draft (one line per criterion and
//! the counts), the model posts with their teacher's notes, the grading grids. Every sentence
//! comes from `prompts/fr/linkedin.toml` or from the case's texts.

use super::{analyse, ids, Analysis, Counts, Criterion, Params, Verdict, Workshop};
use crate::case::{Case, Grid};
use crate::format;
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
fn criterion_args(params: &Params, verdict: &Verdict) -> Vec<(&'static str, String)> {
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
    vec![
        (
            "found",
            crate::render::echo_cut(verdict.found.as_deref().unwrap_or_default(), 160),
        ),
        ("count", int(count)),
        ("min", int(min)),
        ("max", int(max)),
        ("total", int(params.testimonial_words.len())),
        ("excess", int(count.saturating_sub(max))),
        ("company", params.company_shown.clone()),
        ("author", params.author_shown.clone()),
        ("role", params.role_shown.clone()),
    ]
}

/// The feedback lines of an analysis, in criterion order.
pub fn lines(messages: &Prompts, params: &Params, analysis: &Analysis) -> Vec<Line> {
    analysis
        .verdicts
        .iter()
        .map(|v| {
            let args = criterion_args(params, v);
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            Line {
                id: v.criterion.id(),
                label: messages.render(v.criterion.label_id(), &args),
                met: v.met,
                tip: messages.render(v.reason.text_id(), &args),
            }
        })
        .collect()
}

/// The counts line.
fn counts_line(messages: &Prompts, id: &str, counts: &Counts, max: usize) -> String {
    messages.render(
        id,
        &[
            ("characters", &int(counts.characters)),
            ("max", &int(max)),
            ("before_more", &int(counts.before_more)),
            ("hashtags", &int(counts.hashtags)),
            ("emoji", &int(counts.emoji)),
        ],
    )
}

/// The feedback a student reads: a summary, one line per criterion, the counts.
pub fn feedback(messages: &Prompts, params: &Params, analysis: &Analysis) -> String {
    let lines = lines(messages, params, analysis);
    let mut out = messages.render(
        ids::FEEDBACK_HEADER,
        &[
            ("met", &int(analysis.met_count())),
            ("total", &int(lines.len())),
        ],
    );
    for line in &lines {
        let id = if line.met {
            ids::FEEDBACK_MET
        } else {
            ids::FEEDBACK_NOT_MET
        };
        out.push('\n');
        out.push_str(&messages.render(id, &[("label", &line.label), ("tip", &line.tip)]));
    }
    out.push_str("\n\n");
    out.push_str(&counts_line(
        messages,
        ids::FEEDBACK_COUNTS,
        &analysis.counts,
        params.limits.max_characters,
    ));
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
    let mut out = messages.render(
        ids::MODELS_ITEM,
        &[
            ("number", &int(index + 1)),
            ("title", &case.text(&Workshop::title_id(id))),
        ],
    );
    out.push_str("\n\n");
    out.push_str(&post);
    out.push_str("\n\n");
    out.push_str(&counts_line(
        messages,
        ids::MODELS_COUNTS,
        &analysis.counts,
        workshop.params.limits.max_characters,
    ));
    out.push_str("\n\n");
    out.push_str(&messages.render(
        ids::MODELS_NOTE,
        &[("note", &case.text(&Workshop::note_id(id)))],
    ));
    Some(out)
}

/// Every model post of the case, or `None` when the case has no LinkedIn workshop.
pub fn models(messages: &Prompts, case: &Case, workshop: Option<&Workshop>) -> Option<String> {
    let workshop = workshop?;
    let mut out = messages.render(
        ids::MODELS_HEADER,
        &[
            ("question", &workshop.question),
            ("count", &int(workshop.models.len())),
        ],
    );
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
    let mut out = messages.render(
        ids::GRID_HEADER,
        &[
            ("question", &grid.question),
            ("points", &crate::render::points(messages, question_points)),
        ],
    );
    if question_points != grid.points {
        out.push('\n');
        out.push_str(&messages.render(
            ids::GRID_NUMERIC,
            &[
                (
                    "points",
                    &crate::render::points(messages, question_points - grid.points),
                ),
                ("written", &crate::render::points(messages, grid.points)),
            ],
        ));
    }
    for c in &grid.criteria {
        out.push('\n');
        out.push_str(&messages.render(
            ids::GRID_CRITERION,
            &[
                ("label", &case.text(&Grid::label_id(&grid.question, &c.id))),
                ("points", &crate::render::points(messages, c.share)),
                (
                    "explanation",
                    &case.text_hiding(&Grid::explanation_id(&grid.question, &c.id), hidden, mark),
                ),
            ],
        ));
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
