//! Spelling in written work: the words of a text the French dictionary does not know, with
//! suggestions, as a corrector marks the form inside each question.
//!
//! The checker is the `spellbook` crate (a Hunspell-compatible engine) with Dicollecte's French
//! dictionary « Classique » (`assets/dict/`, MPL-2.0, embedded in the binary and read once on
//! first use). What is not checked: hashtags, mentions, e-mail addresses and links, numbers and
//! words with a digit, acronyms (« CPM », « ROAS »), a capitalised word inside a sentence (a
//! name), one-letter words, and every word `known` accepts (the subject's own vocabulary: its
//! company, people and brands).
//!
//! Suggestions are the dictionary's words one edit away (a letter missing, added, changed, or
//! two swapped: « entreprize » → « entreprise », « evolution » → « évolution »), accents and
//! doubled letters first. They are found by asking the dictionary, not by `spellbook`'s own
//! suggester, which takes about 0,2 s a word on this machine (a few milliseconds here).

use std::sync::OnceLock;

static AFF: &str = include_str!("../assets/dict/fr.aff");
static DIC: &str = include_str!("../assets/dict/fr.dic");
/// The course's own words (« leads », « emailing », « followers »): accepted as written.
static TRADE: &str = include_str!("../assets/dict/ndrc.txt");

/// Text-message shortenings and what they stand for, offered first.
const SHORTENINGS: &[(&str, &str)] = &[
    ("pr", "pour"),
    ("bcp", "beaucoup"),
    ("tjrs", "toujours"),
    ("tjs", "toujours"),
    ("qd", "quand"),
    ("ds", "dans"),
    ("pb", "problème"),
    ("svt", "souvent"),
    ("mm", "même"),
    ("tt", "tout"),
    ("tte", "toute"),
    ("tts", "tous"),
    ("ms", "mais"),
    ("cad", "c’est-à-dire"),
    ("pcq", "parce que"),
    ("pq", "pourquoi"),
    ("jsp", "je ne sais pas"),
    ("stp", "s’il te plaît"),
    ("svp", "s’il vous plaît"),
    ("rdv", "rendez-vous"),
    ("dc", "donc"),
    ("vs", "contre"),
];

/// Word starts written with a hyphen (« éco-responsable »): not words of their own.
const PREFIXES: &[&str] = &[
    "éco", "e", "auto", "multi", "inter", "micro", "macro", "web", "anti", "néo", "co", "pré",
    "post", "mini", "maxi", "sur", "sous", "semi", "mi", "non", "ex", "hyper", "super", "cyber",
];

fn trade_word(word: &str) -> bool {
    static WORDS: OnceLock<std::collections::BTreeSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            TRADE
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
        .contains(word)
}

/// The French dictionary, read on first use; `None` (logged) if it could not be read.
pub fn french() -> Option<&'static Speller> {
    static SPELLER: OnceLock<Option<Speller>> = OnceLock::new();
    SPELLER
        .get_or_init(|| match spellbook::Dictionary::new(AFF, DIC) {
            Ok(dict) => Some(Speller { dict }),
            Err(e) => {
                tracing::error!(error = %e, "the French dictionary could not be read");
                None
            }
        })
        .as_ref()
}

pub struct Speller {
    dict: spellbook::Dictionary,
}

/// A word the dictionary does not know, as written, with up to three suggestions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    pub word: String,
    pub suggestions: Vec<String>,
}

/// What the spell check found in a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The unknown words, each once, in the order of the text (at most `max`).
    pub unknown: Vec<Unknown>,
    /// Further unknown words, without suggestions (at most [`MORE_LISTED`]).
    pub more: Vec<String>,
    /// How many different unknown words there were in all.
    pub total: usize,
    /// How many words were checked.
    pub checked: usize,
}

/// Most unknown words listed beyond those with suggestions.
pub const MORE_LISTED: usize = 40;

/// Most suggestions given for a word.
const SUGGESTIONS: usize = 3;

/// Letters tried in suggestions: French lowercase, accents included.
const LETTERS: &str = "esaitnrulodcpmévqfbghjàxèyêzçôîâùûkwœïëüÿ";

impl Speller {
    /// Whether the dictionary knows `word` (as written, or lowercased at a sentence start).
    pub fn knows(&self, word: &str) -> bool {
        self.dict.check(word) || self.dict.check(&normalise_apostrophe(word))
    }

    /// The unknown words of `text` (at most `max` listed, with suggestions), leaving aside what
    /// the module says is not checked and every word `known` accepts.
    pub fn check_text(&self, text: &str, known: &dyn Fn(&str) -> bool, max: usize) -> Report {
        let mut report = Report::default();
        let mut seen: Vec<String> = Vec::new();
        for token in tokens(text) {
            report.checked += 1;
            // « d’entreprize »: the word after the elision is the one to read.
            let word = match token.word.split_once(['’', '\'']) {
                Some((head, tail))
                    if head.chars().count() <= 7 && !tail.is_empty() && !self.knows(token.word) =>
                {
                    tail
                }
                _ => token.word,
            };
            let parts: Vec<&str> = if self.knows(word) {
                continue;
            } else if word.contains('-') {
                // « arbres-cadeaux » unknown as one word: each part is checked.
                word.split('-').filter(|p| !p.is_empty()).collect()
            } else {
                vec![word]
            };
            for part in parts {
                let lower = part.to_lowercase();
                let proper_noun = !token.sentence_start && starts_upper(part);
                let prefix = word.contains('-') && PREFIXES.contains(&lower.as_str());
                if part.chars().count() < 2
                    || proper_noun
                    || prefix
                    || trade_word(&lower)
                    || trade_word(&word.to_lowercase())
                    || is_acronym(part)
                    || self.knows(part)
                    || (token.sentence_start && self.knows(&lower))
                    || known(&lower)
                    || seen.contains(&lower)
                {
                    continue;
                }
                seen.push(lower);
                report.total += 1;
                if report.unknown.len() < max {
                    report.unknown.push(Unknown {
                        word: part.to_string(),
                        suggestions: self.suggest(part),
                    });
                } else if report.more.len() < MORE_LISTED {
                    report.more.push(part.to_string());
                }
            }
        }
        report
    }

    /// The dictionary's words one edit away from `word`, best first.
    pub fn suggest(&self, word: &str) -> Vec<String> {
        let lower = word.to_lowercase();
        if let Some((_, full)) = SHORTENINGS.iter().find(|(short, _)| *short == lower) {
            return vec![(*full).to_string()];
        }
        let chars: Vec<char> = word.chars().collect();
        if chars.len() > 30 {
            return Vec::new();
        }
        let mut found: Vec<(u8, String)> = Vec::new();
        let offer = |candidate: String, rank: u8, found: &mut Vec<(u8, String)>| {
            if candidate != word
                && !found.iter().any(|(_, c)| *c == candidate)
                && self.dict.check(&candidate)
            {
                found.push((rank, candidate));
            }
        };
        let text = |v: &[char]| v.iter().collect::<String>();
        for i in 0..chars.len() {
            // A letter changed: an accent first (« evolution » → « évolution »).
            for l in LETTERS.chars() {
                if l != chars[i] {
                    let mut v = chars.clone();
                    v[i] = l;
                    let rank = if fold(l) == fold(chars[i]) { 0 } else { 3 };
                    offer(text(&v), rank, &mut found);
                }
            }
            // A letter too many (a doubled one first).
            let mut v = chars.clone();
            let removed = v.remove(i);
            let doubled = i > 0 && chars[i - 1] == removed;
            offer(text(&v), if doubled { 0 } else { 1 }, &mut found);
            // Two letters swapped.
            if i + 1 < chars.len() {
                let mut v = chars.clone();
                v.swap(i, i + 1);
                offer(text(&v), 1, &mut found);
            }
        }
        // A letter missing (a doubled one first).
        for i in 0..=chars.len() {
            for l in LETTERS.chars() {
                let mut v = chars.clone();
                v.insert(i, l);
                let doubled = (i > 0 && chars[i - 1] == l) || chars.get(i) == Some(&l);
                offer(text(&v), if doubled { 0 } else { 1 }, &mut found);
            }
        }
        // Two slips French writers make together: a doubled letter or « ss » for « c » (or
        // the other way round), with an accent (« planette » → « planète », « remerssier » →
        // « remercier »): after accents and single slips, before an unrelated letter.
        {
            for near in sound_alikes(&chars) {
                offer(text(&near), 2, &mut found);
                for i in 0..near.len() {
                    for &accented in accents_of(near[i]) {
                        let mut v = near.clone();
                        v[i] = accented;
                        offer(text(&v), 2, &mut found);
                    }
                }
            }
        }
        found.sort_by_key(|(rank, _)| *rank);
        found
            .into_iter()
            .take(SUGGESTIONS)
            .map(|(_, w)| w)
            .collect()
    }
}

/// `word` with one doubled letter made single, one letter doubled, or « ss », « c » and « ç »
/// exchanged.
fn sound_alikes(word: &[char]) -> Vec<Vec<char>> {
    let mut out = Vec::new();
    for i in 0..word.len() {
        if i > 0 && word[i] == word[i - 1] {
            let mut v = word.to_vec();
            v.remove(i);
            out.push(v);
        }
        if word[i].is_alphabetic() && !"aeiouyéèêàâîôûù".contains(word[i]) {
            let mut v = word.to_vec();
            v.insert(i, word[i]);
            out.push(v);
        }
        if word[i] == 's' && word.get(i + 1) == Some(&'s') {
            let mut v = word.to_vec();
            v.splice(i..i + 2, ['c']);
            out.push(v);
        }
        if word[i] == 'c' || word[i] == 'ç' {
            let mut v = word.to_vec();
            v.splice(i..=i, ['s', 's']);
            out.push(v);
        }
    }
    out
}

/// The accented forms of a vowel.
fn accents_of(c: char) -> &'static [char] {
    match c {
        'a' => &['à', 'â'],
        'e' => &['é', 'è', 'ê'],
        'i' => &['î', 'ï'],
        'o' => &['ô'],
        'u' => &['ù', 'û'],
        'c' => &['ç'],
        _ => &[],
    }
}

fn fold(c: char) -> char {
    crate::format::unaccented(c)
}

fn normalise_apostrophe(word: &str) -> String {
    word.replace('\'', "’")
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// « CPM », « ROAS », « BtoB »: two to six letters, at least two of them capitals.
fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n) && word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// A word of a text to check, and whether it opens a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub word: &'a str,
    pub sentence_start: bool,
}

/// The words of `text` a spell check reads: split at blanks and punctuation (an apostrophe or
/// a hyphen inside a word keeps it whole: « l’audience », « arbre-cadeau »), without hashtags,
/// mentions, links, e-mail addresses and anything with a digit.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    for chunk in text.split_whitespace() {
        let skipped = chunk.starts_with(['#', '@'])
            || chunk.contains("://")
            || chunk.starts_with("www.")
            || chunk.contains('@');
        let ends_sentence = chunk.ends_with(['.', '!', '?', '…', ':']);
        if !skipped {
            let mut rest = chunk;
            // « (réseaux » or « clients, » : the word inside; « 2,74 % » has no word.
            loop {
                let start = rest.find(char::is_alphabetic);
                let Some(start) = start else { break };
                let tail = &rest[start..];
                let end = tail
                    .char_indices()
                    .find(|&(i, c)| {
                        !(c.is_alphanumeric()
                            || (matches!(c, '’' | '\'' | '-')
                                && tail[i + c.len_utf8()..]
                                    .chars()
                                    .next()
                                    .is_some_and(char::is_alphabetic)))
                    })
                    .map_or(tail.len(), |(i, _)| i);
                let word = &tail[..end];
                let before_digit =
                    start > 0 && rest[..start].ends_with(|c: char| c.is_ascii_digit());
                if !word.chars().any(|c| c.is_ascii_digit()) && !before_digit {
                    out.push(Token {
                        word,
                        sentence_start,
                    });
                }
                sentence_start = false;
                rest = &tail[end..];
            }
        }
        if ends_sentence {
            sentence_start = true;
        } else if !skipped {
            sentence_start = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn tokens_leave_out_tags_links_and_numbers() {
        assert_eq!(
            words("Bonjour @Lucie ! Voir www.arbre-cadeau.fr et https://x.fr #RSE, l’audience (+32 %)."),
            ["Bonjour", "Voir", "et", "l’audience"]
        );
        assert_eq!(
            words("arbres-cadeaux, 2e rang, B2B"),
            ["arbres-cadeaux", "rang"]
        );
    }

    #[test]
    fn unknown_words_come_with_suggestions_and_names_are_left_alone() {
        let Some(fr) = french() else {
            panic!("the embedded dictionary reads");
        };
        let report = fr.check_text(
            "Notre entreprize améliore sa rentabilitée. Merci à Lucie Martin et au CSE de Arbrecadeau, evolution.",
            &|w| w == "arbrecadeau",
            10,
        );
        let found: Vec<(&str, Vec<&str>)> = report
            .unknown
            .iter()
            .map(|u| {
                (
                    u.word.as_str(),
                    u.suggestions.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(found[0].0, "entreprize");
        assert_eq!(found[0].1.first(), Some(&"entreprise"));
        assert_eq!(found[1].0, "rentabilitée");
        assert!(found[1].1.contains(&"rentabilité"), "{found:?}");
        assert_eq!(found[2].0, "evolution");
        assert_eq!(found[2].1.first(), Some(&"évolution"));
        assert_eq!(report.total, 3, "{found:?}");
        assert!(fr.knows("d’entreprise") && fr.knows("qu'il"));
        assert_eq!(
            fr.suggest("planette").first().map(String::as_str),
            Some("planète")
        );
        assert!(fr.suggest("remerssier").contains(&"remercier".to_string()));
    }
}
