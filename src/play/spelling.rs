//! Spelling feedback on written work (written answers, LinkedIn drafts, comments of a figure, and
//! the teacher's marking view): the words the French dictionary does not know, with
//! suggestions ([`crate::spell`]); the subject's own words are not flagged.

use super::Inner;
use crate::format::echo;
use crate::msg;
use crate::pack::CasePack;

/// Most unknown words listed (with suggestions) in one reply.
const LISTED: usize = 8;

/// The spelling block of `text`, « 🔤 Orthographe : … »; `criterion` names the grid's criterion
/// that marks the language, when there is one; `teacher` for the marking view. Empty when the
/// dictionary is not available.
pub(crate) fn block(
    inner: &Inner,
    case: &CasePack,
    text: &str,
    criterion: Option<&str>,
    teacher: bool,
) -> String {
    let Some(fr) = crate::spell::french() else {
        return String::new();
    };
    let m = inner.messages();
    let report = fr.check_text(text, &|w| case.knows_word(w), LISTED);
    let title = match criterion {
        Some(c) => m.text(&msg::SpellTitleCriterion { criterion: c }),
        None => m.text(&msg::SpellTitle),
    };
    if report.unknown.is_empty() {
        return format!(
            "{} {}",
            m.text(&msg::SpellNone {
                title: &title,
                checked: &report.checked.to_string(),
            }),
            not_a_mark(m, teacher)
        );
    }
    let words: Vec<String> = report
        .unknown
        .iter()
        .map(|u| {
            if u.suggestions.is_empty() {
                m.text(&msg::SpellWord {
                    word: &echo(&u.word),
                })
            } else {
                m.text(&msg::SpellWordSuggested {
                    word: &echo(&u.word),
                    suggestions: &u
                        .suggestions
                        .iter()
                        .map(|s| echo(s))
                        .collect::<Vec<_>>()
                        .join(", "),
                })
            }
        })
        .collect();
    let mut out = m.text(&msg::SpellFound {
        title: &title,
        n: &report.total.to_string(),
        words: &words.join(" · "),
    });
    if !report.more.is_empty() {
        out.push(' ');
        out.push_str(
            &m.text(&msg::SpellMore {
                words: &report
                    .more
                    .iter()
                    .map(|w| m.text(&msg::SpellWord { word: &echo(w) }))
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        );
    }
    let unlisted = report.total - report.unknown.len() - report.more.len();
    if unlisted > 0 {
        out.push(' ');
        out.push_str(&m.text(&msg::SpellUnlisted {
            n: &unlisted.to_string(),
        }));
    }
    out.push(' ');
    out.push_str(&not_a_mark(m, teacher));
    out
}

/// What the list is not: a mark (said to the student, or to the teacher who marks).
fn not_a_mark(m: &crate::prompts::Prompts, teacher: bool) -> String {
    if teacher {
        m.text(&msg::SpellNotAMarkTeacher)
    } else {
        m.text(&msg::SpellNotAMark)
    }
}

/// The label of a grid's language criterion, if it has one.
pub(crate) fn language_criterion(case: &CasePack, question: &str) -> Option<String> {
    let grid = case.grid(question)?;
    let c = grid.criteria.iter().find(|c| c.language)?;
    Some(case.text(&crate::case::Grid::label_id(question, &c.id)))
}
