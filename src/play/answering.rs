//! What quizzes and practice share to take an answer or a hint: the parts a scope names, the
//! stored form of a judged answer, and the offer of a hint.

use super::command::{Button, ButtonAction, ItemRef, Reply, Request, Scope};
use super::scoring::{self, Milli};
use super::{Inner, Who};
use crate::case::Case;
use crate::check::Outcome;
use crate::msg;
use crate::store::answers::Verdict;
use crate::store::AnswerRow;

/// The numeric parts a scope names, in order.
pub fn parts_of(case: &Case, scope: &Scope) -> Result<Vec<(String, usize, Milli)>, String> {
    let mut out = Vec::new();
    let push_question = |q: &crate::case::Question, out: &mut Vec<(String, usize, Milli)>| {
        for p in &q.parts {
            out.push((p.id.clone(), p.kpi, p.milli));
        }
    };
    match scope {
        Scope::All => case
            .questions
            .iter()
            .for_each(|q| push_question(q, &mut out)),
        Scope::Dossier(d) => {
            let dossier = case.dossier(d).ok_or_else(|| d.clone())?;
            case.questions
                .iter()
                .filter(|q| q.dossier == dossier.id)
                .for_each(|q| push_question(q, &mut out));
        }
        Scope::Items(ids) => {
            for id in ids {
                if let Some(q) = case.question(id) {
                    push_question(q, &mut out);
                } else if let Some((_, p)) = case.part(id) {
                    out.push((p.id.clone(), p.kpi, p.milli));
                } else {
                    return Err(id.clone());
                }
            }
        }
    }
    // A part named twice ("1.2.a,1.2" or "1.2.a,1.2.a") is asked once.
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.0.clone()));
    Ok(out)
}

/// A judged answer, before it is stored.
pub(crate) struct Judged<'a> {
    pub part_id: &'a str,
    pub kpi_id: &'a str,
    pub outcome: &'a Outcome,
    pub text: &'a str,
    pub points: Milli,
    pub now: i64,
}

/// The stored form of a judged answer (an invalid answer is never stored: an error).
pub(crate) fn answer_row(
    request: &Request,
    who: &Who,
    judged: &Judged<'_>,
    replies: &[Reply],
) -> anyhow::Result<AnswerRow> {
    let Judged {
        part_id,
        kpi_id,
        outcome,
        text,
        points,
        now,
    } = *judged;
    let Some(verdict) = Verdict::of(outcome.verdict) else {
        anyhow::bail!("an invalid answer to {part_id} is not stored");
    };
    Ok(AnswerRow {
        action_id: request.action_id.clone(),
        replies_json: super::replies_json(replies),
        class_id: who.class_id(),
        member_id: who.member(),
        quiz_id: None,
        item_idx: None,
        practice_id: None,
        part_id: part_id.to_string(),
        kpi_id: kpi_id.to_string(),
        attempt: 1,
        input: text.chars().take(200).collect(),
        given: outcome.given.map(|g| g.to_string()),
        verdict,
        mistake: match &outcome.reason {
            crate::check::Reason::Mistake(mk) => Some(mk.id()),
            _ => None,
        },
        points_milli: points,
        elapsed_ms: None,
        answered_at: now,
    })
}

/// "Hint n costs x points: confirm?", with a confirm button for quiz items.
pub(crate) fn hint_offer(inner: &Inner, level: usize, cost: Milli, item: Option<ItemRef>) -> Reply {
    let m = inner.messages();
    let reply = Reply::private(m.text(&msg::PlayHintOffer {
        level: &level.to_string(),
        cost: &crate::render::points(m, scoring::from_milli(cost)),
    }));
    match item {
        Some(item) => reply.with_buttons(vec![Button {
            label: m.text(&msg::PlayButtonHintConfirm),
            action: ButtonAction::HintConfirm(item),
        }]),
        None => reply,
    }
}
