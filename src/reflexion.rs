//! The réflexion commerciale built, not only read: the structure of a student's text judged by
//! plain, explainable rules, as a corrector first reads a copy: an introduction that asks the
//! problématique (a question), an announced plan, two or three parts each with an example, a
//! conclusion, and the length the subject asks (« une trentaine de lignes »). What belongs to a
//! subject (its question, the bounds, the words that make an example from the case) comes from
//! the pack (`config/cases/<id>/reflexion.toml`, loaded into [`Params`]).
//!
//! Paragraphs are the text's non-empty lines (a phone's text has no blank lines); a line of a
//! heading alone (« I. En B to C », « 2) … ») opens a part with what follows it.

use crate::linkedin::text::{find_first, words, Phrase, Word};

/// What a pack declares for its réflexion.
#[derive(Debug, Clone)]
pub struct Params {
    /// The question of the subject that is the réflexion (« R »).
    pub question: String,
    /// Words of a copy of « une trentaine de lignes » (about twelve words a handwritten line).
    pub min_words: usize,
    pub max_words: usize,
    /// Words that make an example from the case (« icoopa », « linkedin », « b to b »…).
    pub examples: Vec<Phrase>,
}

/// Words a handwritten line of a copy holds, to say a length in lines.
pub const WORDS_PER_LINE: usize = 12;

/// What the structure is judged on, in the order the feedback lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    /// The introduction asks the problématique.
    Problematique,
    /// The plan is announced (in the introduction, or by the parts' first words).
    Announced,
    /// Two or three parts.
    Parts,
    /// Each part has an example (from the case, or a figure).
    Examples,
    /// A conclusion, opened as one.
    Conclusion,
    /// The length the subject asks.
    Length,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The question found (its first words).
    Question(String),
    NoQuestion,
    /// The connector or heading found.
    Announced(String),
    NotAnnounced,
    /// How many parts.
    Parts(usize),
    /// The parts (numbered from 1) without an example, and how many parts.
    Examples {
        missing: Vec<usize>,
        parts: usize,
    },
    /// The connector that opens the conclusion.
    Conclusion(String),
    NoConclusion,
    /// Words, and the bounds.
    Length {
        words: usize,
        min: usize,
        max: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub criterion: Criterion,
    pub met: bool,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub verdicts: Vec<Verdict>,
    pub words: usize,
    pub paragraphs: usize,
}

impl Analysis {
    pub fn met(&self) -> usize {
        self.verdicts.iter().filter(|v| v.met).count()
    }
}

/// Words that announce a plan in the introduction, besides those that open a part
/// ([`PART_OPENERS`]): « Nous verrons d’abord…, puis… ».
const ANNOUNCE: &[&str] = &[
    "puis",
    "nous verrons",
    "nous etudierons",
    "nous analyserons",
    "nous montrerons",
    "verrons",
];
/// Words that open a part, at the start of a sentence (« Tout d’abord, … », « Enfin, … »).
const PART_OPENERS: &[&str] = &[
    "tout d abord",
    "d abord",
    "premierement",
    "dans un premier temps",
    "en premier lieu",
    "d une part",
    "ensuite",
    "deuxiemement",
    "dans un second temps",
    "dans un deuxieme temps",
    "en second lieu",
    "d autre part",
    "enfin",
    "troisiemement",
    "dans un dernier temps",
    "dans un troisieme temps",
];
/// Words that bring an example (« par exemple », « comme », « notamment »).
const EXAMPLE_MARKERS: &[&str] = &[
    "par exemple",
    "exemple",
    "comme",
    "notamment",
    "tel que",
    "telle que",
    "tels que",
    "telles que",
    "a l image de",
    "c est le cas",
    "illustr*",
];

/// Words that open a conclusion.
const CONCLUSION: &[&str] = &[
    "en conclusion",
    "pour conclure",
    "pour finir",
    "en definitive",
    "en somme",
    "finalement",
    "au final",
    "ainsi",
    "en resume",
    "pour resumer",
    "conclusion",
];

/// A heading alone on its line: « I. », « II - », « 1) », « A. », « Partie 2 ».
fn heading(line: &str) -> Option<&str> {
    let t = line.trim();
    let token = t.split_whitespace().next()?;
    let bare = token.trim_end_matches(['.', ')', '-', ':', '/']);
    let roman = !bare.is_empty() && bare.len() <= 4 && bare.chars().all(|c| "IVX".contains(c));
    let number = !bare.is_empty() && bare.len() <= 2 && bare.chars().all(|c| c.is_ascii_digit());
    let letter = bare.len() == 1 && bare.chars().all(|c| c.is_ascii_uppercase());
    let marked = token.len() > bare.len();
    let part_word = token.eq_ignore_ascii_case("partie");
    ((roman || number || letter) && marked || part_word).then_some(token)
}

/// A text typed on one line (the console, some phones): cut before each heading (« I. »,
/// « II) ») and before the conclusion's first word, when a sentence ends just before.
fn inline_paragraphs(text: &str) -> Vec<&str> {
    let conclusion = Phrase::list(CONCLUSION);
    let part_openers = Phrase::list(PART_OPENERS);
    let mut cuts = vec![0];
    let mut after_end = false;
    let mut offset = 0;
    for token in text.split_inclusive(char::is_whitespace) {
        let word = token.trim_end();
        let opens = heading(word).is_some_and(|h| h == word) || {
            let rest = &text[offset..];
            let rw = words(rest);
            let rrefs: Vec<&Word> = rw.iter().take(5).collect();
            let at_start = |phrases: &[Phrase]| {
                find_first(phrases, &rrefs, rest).is_some_and(|s| s.start == 0)
            };
            word.chars().next().is_some_and(char::is_uppercase)
                && (at_start(&conclusion) || at_start(&part_openers))
        };
        if opens && after_end && offset > 0 {
            cuts.push(offset);
        }
        after_end = word.ends_with(['.', '!', '?', '…', ':']);
        offset += token.len();
    }
    cuts.push(text.len());
    cuts.windows(2)
        .map(|w| text[w[0]..w[1]].trim())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether a passage names something: a capitalised word inside a sentence (« Decathlon »,
/// « Nike »), a heading's own words aside.
fn names_something(text: &str) -> bool {
    let mut after_end = true;
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).any(char::is_lowercase);
        if capital && !after_end && heading(token).is_none() {
            return true;
        }
        after_end = token.ends_with(['.', '!', '?', ':', '…']) || heading(token).is_some();
    }
    false
}

/// Judges the structure of a réflexion.
pub fn analyse(text: &str, params: &Params) -> Analysis {
    let lines: Vec<&str> = if text.trim().contains('\n') {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    } else {
        inline_paragraphs(text.trim())
    };
    let all_words = words(text);
    let n_words = all_words.len();
    let plan: Vec<Phrase> = Phrase::list(PART_OPENERS)
        .into_iter()
        .chain(Phrase::list(ANNOUNCE))
        .collect();
    let conclusion_words = Phrase::list(CONCLUSION);
    let starts = |line: &str, phrases: &[Phrase]| -> Option<String> {
        let w = words(line);
        let refs: Vec<&Word> = w.iter().take(6).collect();
        let span = find_first(phrases, &refs, line)?;
        // Only at the start of the line (its first words).
        (span.start <= refs.first()?.span.start + 2).then(|| line[span].to_string())
    };
    // The parts: the lines between the first and the last, grouped under their headings.
    // The introduction runs to the first part (a heading or a part's first words), else it is
    // the first paragraph.
    let part_openers = Phrase::list(PART_OPENERS);
    let first_part = lines
        .iter()
        .enumerate()
        .skip(1)
        .take(lines.len().saturating_sub(2))
        .find(|(_, l)| heading(l).is_some() || starts(l, &part_openers).is_some())
        .map_or(1, |(i, _)| i);
    let intro_text = lines[..first_part.min(lines.len())].join("\n");
    let (intro, conclusion, middle): (&str, &str, &[&str]) = match lines.as_slice() {
        [] => ("", "", &[]),
        [one] => (one, "", &[]),
        [.., last] => (
            intro_text.as_str(),
            last,
            &lines[first_part..lines.len() - 1],
        ),
    };
    let mut parts: Vec<Vec<&str>> = Vec::new();
    let headed = middle.iter().any(|l| heading(l).is_some());
    for line in middle {
        if !headed || heading(line).is_some() || parts.is_empty() {
            parts.push(vec![line]);
        } else if let Some(last) = parts.last_mut() {
            last.push(line);
        }
    }
    let mut verdicts = Vec::new();
    let question = intro
        .split_inclusive(['.', '!', '?'])
        .find(|s| s.trim_end().ends_with('?'))
        .map(|q| q.trim().to_string());
    verdicts.push(Verdict {
        criterion: Criterion::Problematique,
        met: question.is_some(),
        reason: question.map_or(Reason::NoQuestion, Reason::Question),
    });
    let announced = {
        let w = words(intro);
        let refs: Vec<&Word> = w.iter().collect();
        find_first(&plan, &refs, intro)
            .map(|s| intro[s].to_string())
            .or_else(|| {
                middle
                    .iter()
                    .find_map(|l| heading(l).map(str::to_string).or_else(|| starts(l, &plan)))
            })
    };
    verdicts.push(Verdict {
        criterion: Criterion::Announced,
        met: announced.is_some(),
        reason: announced.map_or(Reason::NotAnnounced, Reason::Announced),
    });
    verdicts.push(Verdict {
        criterion: Criterion::Parts,
        met: (2..=3).contains(&parts.len()),
        reason: Reason::Parts(parts.len()),
    });
    let markers = Phrase::list(EXAMPLE_MARKERS);
    let missing: Vec<usize> = parts
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            let text = p.join("\n");
            let w = words(&text);
            let refs: Vec<&Word> = w.iter().collect();
            find_first(&params.examples, &refs, &text).is_none()
                && find_first(&markers, &refs, &text).is_none()
                && !text.chars().any(|c| c.is_ascii_digit())
                && !names_something(&text)
        })
        .map(|(i, _)| i + 1)
        .collect();
    verdicts.push(Verdict {
        criterion: Criterion::Examples,
        met: !parts.is_empty() && missing.is_empty(),
        reason: Reason::Examples {
            missing,
            parts: parts.len(),
        },
    });
    let concluded = starts(conclusion, &conclusion_words);
    verdicts.push(Verdict {
        criterion: Criterion::Conclusion,
        met: concluded.is_some(),
        reason: concluded.map_or(Reason::NoConclusion, Reason::Conclusion),
    });
    verdicts.push(Verdict {
        criterion: Criterion::Length,
        met: (params.min_words..=params.max_words).contains(&n_words),
        reason: Reason::Length {
            words: n_words,
            min: params.min_words,
            max: params.max_words,
        },
    });
    Analysis {
        verdicts,
        words: n_words,
        paragraphs: lines.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(a: &Analysis, c: Criterion) -> &Verdict {
        a.verdicts
            .iter()
            .find(|v| v.criterion == c)
            .expect("judged")
    }

    fn params() -> Params {
        Params {
            question: "R".into(),
            min_words: 40,
            max_words: 200,
            examples: Phrase::list(&["arbre cadeau", "icoopa", "linkedin"]),
        }
    }

    #[test]
    fn a_structured_reflexion_meets_every_rule() {
        let text = "Les réseaux sociaux sont partout. Comment adapter la stratégie digitale à chaque segment ? Nous verrons d’abord les particuliers, puis les entreprises.\n\
            I. Pour les particuliers, Arbre-cadeau mise sur Facebook et l’émotion des fêtes.\n\
            II. Pour les entreprises, LinkedIn et le témoignage d’ICOOPA créent la confiance.\n\
            En conclusion, une stratégie commune dans ses valeurs, différente dans ses réseaux, répond à chaque cible ; reste à relier ces réseaux au CRM.";
        let a = analyse(text, &params());
        for v in &a.verdicts {
            assert!(v.met, "{v:?}");
        }
        assert_eq!(a.verdicts[2].reason, Reason::Parts(2));
        // The same typed on one line.
        let one_line = text.replace('\n', " ");
        let b = analyse(&one_line, &params());
        assert_eq!(b.verdicts, a.verdicts);
    }

    #[test]
    fn what_is_missing_is_said() {
        let text = "Les réseaux sociaux comptent beaucoup.\nIl faut être présent partout.\nC’est important pour vendre.";
        let a = analyse(text, &params());
        let by = |c: Criterion| verdict(&a, c);
        assert_eq!(by(Criterion::Problematique).reason, Reason::NoQuestion);
        assert_eq!(by(Criterion::Parts).reason, Reason::Parts(1));
        assert_eq!(
            by(Criterion::Examples).reason,
            Reason::Examples {
                missing: vec![1],
                parts: 1
            }
        );
        assert_eq!(by(Criterion::Conclusion).reason, Reason::NoConclusion);
        assert!(!by(Criterion::Length).met);
    }

    #[test]
    fn a_plan_of_connectors_on_one_line_has_its_parts_and_examples() {
        let text = "Les réseaux sociaux comptent. Comment adapter la stratégie à chaque segment ? Tout d’abord, les particuliers aiment les contenus émouvants, par exemple les vidéos de Decathlon. Ensuite, les entreprises attendent des preuves comme un témoignage client. Enfin, il faut piloter l’ensemble avec des indicateurs suivis chaque mois. En conclusion, une stratégie différenciée répond à chaque cible et reste cohérente.";
        let a = analyse(text, &params());
        let by = |c: Criterion| verdict(&a, c);
        assert_eq!(by(Criterion::Parts).reason, Reason::Parts(3));
        assert!(by(Criterion::Problematique).met);
        assert!(by(Criterion::Conclusion).met);
        // The third part has no example.
        assert_eq!(
            by(Criterion::Examples).reason,
            Reason::Examples {
                missing: vec![3],
                parts: 3
            }
        );
    }

    #[test]
    fn headings_are_read_and_a_sentence_is_not_one() {
        assert_eq!(heading("I. En B to C"), Some("I."));
        assert_eq!(heading("2) Les entreprises"), Some("2)"));
        assert_eq!(heading("Il faut"), None);
        assert_eq!(heading("A la fin"), None);
    }
}
