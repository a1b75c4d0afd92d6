//! The réflexion commerciale built, not only read: `/reflexion` guides a student through it
//! (the consigne, a problématique, a plan of two or three parts with examples from the case, a
//! conclusion, the length, the corrector's grid), and a réflexion written with `/rediger` gets
//! the structure judged ([`crate::reflexion::analyse`]) beside its spelling and its grid.

use super::command::Reply;
use super::Ctx;
use super::Inner;
use crate::msg;
use crate::pack::CasePack;
use crate::reflexion::{analyse, Criterion, Reason, WORDS_PER_LINE};
use crate::render::points;

/// `/reflexion`: the guide.
pub async fn guide(cx: &Ctx<'_>) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, case, .. } = *cx;
    let m = inner.messages();
    let (Some(params), Some(grid)) = (
        case.reflexion.as_ref(),
        case.reflexion.as_ref().and_then(|p| case.grid(&p.question)),
    ) else {
        return Ok(vec![Reply::private(m.text(&msg::ReflexionNone))]);
    };
    let consigne = case.text(&format!("question.{}.consigne", params.question));
    let lines = |w: usize| (w / WORDS_PER_LINE).to_string();
    let text = m.text(&msg::ReflexionGuide {
        question: &params.question,
        points: &points(m, grid.points),
        consigne: &crate::format::block_quote(&consigne),
        case: &case.meta.title,
        min: &params.min_words.to_string(),
        max: &params.max_words.to_string(),
        lines_min: &lines(params.min_words),
        lines_max: &lines(params.max_words),
        grid: &super::grids::criteria_lines(inner, case, grid),
    });
    Ok(vec![Reply::private(text)])
}

/// The structure block of a written answer to the réflexion; `None` for another question.
pub(crate) fn structure(
    inner: &Inner,
    case: &CasePack,
    question: &str,
    text: &str,
) -> Option<String> {
    let params = case.reflexion.as_ref().filter(|p| p.question == question)?;
    let m = inner.messages();
    let analysis = analyse(text, params);
    let lines = |w: usize| (w / WORDS_PER_LINE).to_string();
    // Far too short, a structure is not judged as if it were there.
    let mut out = if analysis.words * 2 < params.min_words {
        m.text(&msg::ReflexionHeadShort {
            words: &analysis.words.to_string(),
            lines: &lines(analysis.words),
        })
    } else {
        m.text(&msg::ReflexionHead {
            met: &analysis.met().to_string(),
            total: &analysis.verdicts.len().to_string(),
            words: &analysis.words.to_string(),
            lines: &lines(analysis.words),
        })
    };
    for v in &analysis.verdicts {
        let label: msg::Plain = match v.criterion {
            Criterion::Problematique => msg::ReflexionLabelQuestion.into(),
            Criterion::Announced => msg::ReflexionLabelAnnounced.into(),
            Criterion::Parts => msg::ReflexionLabelParts.into(),
            Criterion::Examples => msg::ReflexionLabelExamples.into(),
            Criterion::Conclusion => msg::ReflexionLabelConclusion.into(),
            Criterion::Length => msg::ReflexionLabelLength.into(),
        };
        let detail = match &v.reason {
            Reason::Question(q) | Reason::Announced(q) | Reason::Conclusion(q) => {
                m.text(&msg::ReflexionFound {
                    found: &crate::format::echo(q),
                })
            }
            Reason::NoQuestion => m.text(&msg::ReflexionNoQuestion),
            Reason::NotAnnounced => m.text(&msg::ReflexionNotAnnounced),
            Reason::Parts(n) if v.met => m.text(&msg::ReflexionPartsOk { n: &n.to_string() }),
            Reason::Parts(n) if *n < 2 => m.text(&msg::ReflexionPartsFew { n: &n.to_string() }),
            Reason::Parts(n) => m.text(&msg::ReflexionPartsMany { n: &n.to_string() }),
            Reason::Examples { missing, .. } if missing.is_empty() && v.met => {
                m.text(&msg::ReflexionExamplesOk)
            }
            Reason::Examples { missing, .. } if missing.is_empty() => {
                m.text(&msg::ReflexionExamplesNoPart)
            }
            Reason::Examples { missing, .. } => {
                let list: Vec<String> = missing.iter().map(usize::to_string).collect();
                let which = m.text(&msg::ReflexionPartsWhich {
                    n: &list.len().to_string(),
                    list: &list.join(", "),
                });
                m.text(&msg::ReflexionExamplesMissing {
                    which: &which,
                    case: &case.meta.title,
                })
            }
            Reason::NoConclusion => m.text(&msg::ReflexionNoConclusion),
            Reason::Length { words, min, max } => {
                let (words, min, max, lines) = (
                    words.to_string(),
                    min.to_string(),
                    max.to_string(),
                    lines(*words),
                );
                let args = (&words, &min, &max, &lines);
                if v.met {
                    m.text(&msg::ReflexionLengthOk { words: args.0 })
                } else if analysis.words < params.min_words {
                    m.text(&msg::ReflexionLengthShort {
                        words: args.0,
                        min: args.1,
                        max: args.2,
                        lines: args.3,
                    })
                } else {
                    m.text(&msg::ReflexionLengthLong {
                        words: args.0,
                        max: args.2,
                        lines: args.3,
                    })
                }
            }
        };
        let mark = if v.met { "✅" } else { "❌" };
        out.push('\n');
        out.push_str(&format!("{mark} **{}** : {detail}", m.text(&label)));
    }
    Some(out)
}
