//! What a student may see of the case's computed figures (KPIs) in a picture.
//!
//! An annex's chart draws the subject's own figures; a KPI drawn on it is an answer (or a step
//! of one), so a student is shown it only once it is hers:
//! - never while the class's running quiz asks it, a KPI it is computed from, or one computed
//!   from it, until that question is corrected (a picture must not answer the quiz);
//! - a KPI a question asks: once she settled it in practice (right answer, last try, or worked
//!   answer shown) or a quiz of her class revealed it;
//! - a KPI no question asks (a step such as the sessions of one traffic origin): once every
//!   asked KPI it is computed from, or that is computed from it, is hers as above; a KPI tied
//!   to no question gives nothing away and is shown.
//!
//! Teachers see every figure. `/kpi` outside a quiz stays the explicit way to look a figure up.

use super::{Inner, Who};
use crate::case::Case;
use crate::chart::Sight;
use crate::kpi::RefId;
use crate::store;
use std::collections::BTreeSet;

/// The KPIs `kpi` is computed from (directly or not), `kpi` itself, and those computed from it.
pub(crate) fn related(case: &Case, kpi: usize) -> BTreeSet<usize> {
    let inputs = |k: usize| -> Vec<usize> {
        case.kpis.get(k).map_or_else(Vec::new, |kpi| {
            kpi.expr
                .refs()
                .into_iter()
                .filter_map(|r| match r {
                    RefId::Kpi(i) => Some(*i),
                    RefId::Value(_) => None,
                })
                .collect()
        })
    };
    // Ancestors: walk the formulas down to the values.
    let mut out = BTreeSet::from([kpi]);
    let mut todo = vec![kpi];
    while let Some(k) = todo.pop() {
        for i in inputs(k) {
            if out.insert(i) {
                todo.push(i);
            }
        }
    }
    // Descendants: every KPI whose formula reaches `kpi` (the pack has no cycle).
    let mut below = BTreeSet::from([kpi]);
    loop {
        let before = below.len();
        for k in 0..case.kpis.len() {
            if !below.contains(&k) && inputs(k).iter().any(|i| below.contains(i)) {
                below.insert(k);
            }
        }
        if below.len() == before {
            break;
        }
    }
    out.extend(below);
    out
}

/// The KPIs `kpi` is computed from, directly or not (not `kpi` itself).
pub(crate) fn ancestors(case: &Case, kpi: usize) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    let mut todo = vec![kpi];
    while let Some(k) = todo.pop() {
        let Some(found) = case.kpis.get(k) else {
            continue;
        };
        for r in found.expr.refs() {
            if let RefId::Kpi(i) = r {
                if out.insert(*i) {
                    todo.push(*i);
                }
            }
        }
    }
    out
}

/// The KPIs sealed while the KPIs `asked` (indices into `case.kpis`) are asked and not
/// corrected: each of them and every KPI related to it.
pub(crate) fn sealed_by(case: &Case, asked: impl IntoIterator<Item = usize>) -> BTreeSet<usize> {
    asked.into_iter().flat_map(|k| related(case, k)).collect()
}

/// The KPIs (indices into `case.kpis`) the running quiz of the class still seals: every KPI
/// related to an item not yet corrected.
pub(crate) async fn sealed_by_quiz(inner: &Inner, class_id: i64, case: &Case) -> BTreeSet<usize> {
    let live = inner.class_live(class_id);
    let guard = live.lock().await;
    // A mock exam seals every computed figure of its subject until it ends.
    if guard.exam.is_some() {
        return (0..case.kpis.len()).collect();
    }
    let Some(quiz) = guard.quiz.as_ref() else {
        return BTreeSet::new();
    };
    let Some(shared_quiz_case) = inner.case_in(quiz.class_id, &quiz.case_id) else {
        return BTreeSet::new();
    };
    let quiz_case: &crate::pack::CasePack = &shared_quiz_case;
    // Items hold indices into the quiz's case; the class's case is looked up by id.
    let asked = quiz
        .items
        .iter()
        .filter(|i| i.revealed_at.is_none())
        .filter_map(|item| {
            quiz_case
                .kpis
                .get(item.kpi)
                .and_then(|k| case.kpi_index(&k.id))
        });
    sealed_by(case, asked.collect::<Vec<_>>())
}

/// What the running quiz seals for the asker: nothing for a teacher.
pub(crate) async fn sealed_for(inner: &Inner, who: &Who, case: &Case) -> BTreeSet<usize> {
    if who.teacher {
        return BTreeSet::new();
    }
    sealed_by_quiz(inner, who.class.id, case).await
}

/// The KPIs the asker's practice still asks of them: the figure of the part they are on, and
/// those tied to it, until they settle it (looking it up would answer it). Nothing without a
/// practice on `case`.
pub(crate) async fn pending_in_practice(
    inner: &Inner,
    who: &Who,
    case: &Case,
) -> anyhow::Result<BTreeSet<usize>> {
    let Some(row) = store::practice::active(&inner.store.write, who.member()).await? else {
        return Ok(BTreeSet::new());
    };
    if row.case_id != case.meta.id {
        return Ok(BTreeSet::new());
    }
    let parts: Vec<String> = serde_json::from_str(&row.parts)?;
    let pending = usize::try_from(row.current)
        .ok()
        .and_then(|i| parts.get(i))
        .and_then(|id| case.part(id))
        .map(|(_, p)| p.kpi);
    Ok(sealed_by(case, pending))
}

/// Whether working on `kpi` (its worked calculation shows the KPIs it is computed from) would
/// show a figure of `sealed`.
pub(crate) fn touches(case: &Case, kpi: usize, sealed: &BTreeSet<usize>) -> bool {
    sealed.contains(&kpi) || ancestors(case, kpi).iter().any(|a| sealed.contains(a))
}

/// The KPIs of the case the student has: settled in practice, or revealed by a quiz of her
/// class.
async fn known(inner: &Inner, who: &Who, case: &Case) -> anyhow::Result<BTreeSet<usize>> {
    let mut known = BTreeSet::new();
    let done = store::practice::done_parts(&inner.store.read, who.member(), &case.meta.id).await?;
    known.extend(
        done.iter()
            .filter_map(|p| case.part(p).map(|(_, part)| part.kpi)),
    );
    let revealed =
        store::quizzes::revealed_kpis(&inner.store.read, who.class_id(), &case.meta.id).await?;
    known.extend(revealed.iter().filter_map(|k| case.kpi_index(k)));
    Ok(known)
}

/// What a picture may show the asker, and why a figure is hidden.
pub(crate) struct Seen {
    pub sight: Sight,
    /// The KPI ids hidden because the running quiz asks them (or a figure tied to them).
    pub by_quiz: BTreeSet<String>,
}

/// What the asker may see of the case's KPIs in a picture (see the module's rules).
pub(crate) async fn sight(inner: &Inner, who: &Who, case: &Case) -> anyhow::Result<Seen> {
    if who.teacher {
        return Ok(Seen {
            sight: Sight::everything(),
            by_quiz: BTreeSet::new(),
        });
    }
    let sealed = sealed_by_quiz(inner, who.class.id, case).await;
    let known = known(inner, who, case).await?;
    let asked: BTreeSet<usize> = case
        .questions
        .iter()
        .flat_map(|q| q.parts.iter().map(|p| p.kpi))
        .collect();
    let hidden = (0..case.kpis.len()).filter(|k| {
        if sealed.contains(k) {
            return true;
        }
        if asked.contains(k) {
            return !known.contains(k);
        }
        related(case, *k)
            .iter()
            .any(|r| asked.contains(r) && !known.contains(r))
    });
    let id = |k: usize| case.kpis[k].id.clone();
    Ok(Seen {
        sight: Sight::hiding(hidden.map(id)),
        by_quiz: sealed.into_iter().map(id).collect(),
    })
}
