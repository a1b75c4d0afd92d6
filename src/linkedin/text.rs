//! Reading a draft the way the rules need it: words without case or accents, keyword phrases,
//! passages between quotation marks, hashtags, mentions and emoji. Plain scanning, no
//! dependency: every rule of `super` is written with these few tools.

use std::ops::Range;

/// A word of a text: its folded form (lowercase, no accents) and where it is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    /// Byte range in the text it was read from.
    pub span: Range<usize>,
}

/// Lowercase without accents: "Écoresponsable" → "ecoresponsable", "Œuvre" → "oeuvre".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

fn push_folded(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        match lower {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'ì' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ÿ' | 'ý' => out.push('y'),
            'ñ' => out.push('n'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            other => out.push(other),
        }
    }
}

/// The words of `text`: maximal runs of letters and digits. Apostrophes, hyphens, `@`, `#` and
/// every other sign separate words ("d'entreprise" is "d" + "entreprise").
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            let (_, folded) = current.get_or_insert_with(|| (i, String::new()));
            push_folded(c, folded);
        } else if let Some((start, folded)) = current.take() {
            out.push(Word {
                folded,
                span: start..i,
            });
        }
    }
    if let Some((start, folded)) = current {
        out.push(Word {
            folded,
            span: start..text.len(),
        });
    }
    out
}

/// A keyword phrase of a rule or of a pack: its folded words, each possibly a prefix (written
/// with a final `*`: "collaborat*" matches "collaborateurs" and "collaboratrices", "cadeau*
/// d entreprise" matches "cadeaux d'entreprise").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub words: Vec<String>,
    /// For each word, whether it is a prefix.
    pub prefix: Vec<bool>,
}

impl Phrase {
    /// Reads a phrase; `Err` says what is wrong with it.
    pub fn parse(source: &str) -> Result<Phrase, String> {
        let found = words(source);
        if found.is_empty() {
            return Err(format!(
                "« {source} » n’a aucun mot : écrivez des lettres ou des chiffres"
            ));
        }
        let mut prefix = Vec::with_capacity(found.len());
        let mut stars = 0;
        for w in &found {
            let star = source[w.span.end..].starts_with('*');
            if star {
                stars += 1;
                if source[w.span.end + 1..].starts_with(char::is_alphanumeric) {
                    return Err(format!(
                        "« {source} » : « * » ne va qu’en fin de mot, pour un début de mot (par exemple « collaborat* »)"
                    ));
                }
            }
            prefix.push(star);
        }
        if source.matches('*').count() != stars {
            return Err(format!(
                "« {source} » : « * » suit une lettre ou un chiffre, pour un début de mot (par exemple « collaborat* »)"
            ));
        }
        Ok(Phrase {
            words: found.into_iter().map(|w| w.folded).collect(),
            prefix,
        })
    }

    /// Reads phrases that are known to be valid (the rules' own vocabulary).
    pub fn list(sources: &[&str]) -> Vec<Phrase> {
        sources
            .iter()
            .filter_map(|s| Phrase::parse(s).ok())
            .collect()
    }

    /// Whether the phrase starts at `words[at]`.
    fn matches_at(&self, words: &[&Word], at: usize) -> bool {
        if at + self.words.len() > words.len() {
            return false;
        }
        // In a phrase of several words, a long word may be misspelt by one letter (« son acord »,
        // « autorisaton »): the other words keep the match precise, and a class's drafts are
        // full of such slips. A single word (« devis », « CSE ») must be exact.
        let lenient = self.words.len() >= 2;
        self.words.iter().enumerate().all(|(k, w)| {
            let candidate = &words[at + k].folded;
            if self.prefix[k] {
                candidate.starts_with(w.as_str())
            } else {
                candidate == w
                    || (lenient
                        && w.chars().count() >= MIN_LENIENT_LETTERS
                        && one_slip(w, candidate))
            }
        })
    }
}

/// Shortest word of a phrase that may be misspelt by one letter.
const MIN_LENIENT_LETTERS: usize = 6;

/// Whether `b` is `a` with one letter missing, added, changed, or two neighbours swapped.
fn one_slip(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match (ra.len() as isize) - (rb.len() as isize) {
        0 => {
            ra.is_empty()
                || ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        1 => ra[1..] == *rb,
        -1 => *ra == rb[1..],
        _ => false,
    }
}

/// The words of `text` (from [`words`], possibly filtered) grouped by sentence: a sentence
/// ends at « . », « ! », « ? », « … » or a line break.
pub fn sentences<'a>(text: &str, words: &[&'a Word]) -> Vec<Vec<&'a Word>> {
    let mut out: Vec<Vec<&'a Word>> = Vec::new();
    let mut current: Vec<&'a Word> = Vec::new();
    let mut previous_end = 0;
    for w in words {
        let gap = text.get(previous_end..w.span.start).unwrap_or("");
        if !current.is_empty() && gap.contains(['.', '!', '?', '…', '\n']) {
            out.push(std::mem::take(&mut current));
        }
        current.push(w);
        previous_end = w.span.end;
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The first place (in text order) where any of `phrases` occurs in `words`, as a byte range
/// of the text the words come from. A phrase never spans a gap left by skipped words.
pub fn find_first(phrases: &[Phrase], words: &[&Word], text: &str) -> Option<Range<usize>> {
    for at in 0..words.len() {
        for phrase in phrases {
            if phrase.matches_at(words, at) {
                let span = words[at].span.start..words[at + phrase.words.len() - 1].span.end;
                // Words read from one passage are contiguous in the text: no quotation between.
                if !contiguous(&words[at..at + phrase.words.len()], text) {
                    continue;
                }
                return Some(span);
            }
        }
    }
    None
}

fn contiguous(words: &[&Word], text: &str) -> bool {
    words.windows(2).all(|pair| {
        let gap = &text[pair[0].span.end..pair[1].span.start];
        !gap.contains(['«', '»', '"', '“', '”', '\n'])
    })
}

/// Whether `phrase` starts the text whose words are `words`.
pub fn starts_with(phrase: &Phrase, words: &[&Word]) -> bool {
    phrase.matches_at(words, 0)
}

/// The inner byte ranges of the passages between quotation marks: « … » (nested « » stay
/// inside: « un « Olivier », symbole… »), “ … ” and "…". Only the outermost marks count; an
/// unclosed mark runs to the end of its paragraph (a blank line or the end of the text).
pub fn quoted(text: &str) -> Vec<Range<usize>> {
    #[derive(Clone, Copy)]
    enum State {
        Out,
        Guillemets(usize),
        Curly(usize),
        Straight,
    }
    let mut out = Vec::new();
    let mut state = State::Out;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let after = i + c.len_utf8();
        state = match (state, c) {
            (State::Out, '«') => {
                start = after;
                State::Guillemets(1)
            }
            (State::Out, '“') => {
                start = after;
                State::Curly(1)
            }
            (State::Out, '"') => {
                start = after;
                State::Straight
            }
            (State::Out, _) => State::Out,
            (State::Guillemets(d), '«') => State::Guillemets(d + 1),
            (State::Guillemets(1), '»') | (State::Curly(1), '”') | (State::Straight, '"') => {
                out.push(start..i);
                State::Out
            }
            (State::Guillemets(d), '»') => State::Guillemets(d - 1),
            (State::Curly(d), '“') => State::Curly(d + 1),
            (State::Curly(d), '”') => State::Curly(d - 1),
            (open, '\n')
                if text[after..].starts_with('\n') || text[after..].starts_with("\r\n") =>
            {
                // A blank line ends an unclosed quotation.
                if !matches!(open, State::Out) {
                    out.push(start..i);
                }
                State::Out
            }
            (open, _) => open,
        };
    }
    if !matches!(state, State::Out) && start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Whether byte `at` is inside one of `ranges`.
pub fn inside(ranges: &[Range<usize>], at: usize) -> bool {
    ranges.iter().any(|r| r.start <= at && at < r.end)
}

/// The longest run of consecutive words shared by `a` and `b` (the folded words of a quotation
/// and of the testimonial), in words.
pub fn longest_common_run(a: &[&str], b: &[&str]) -> usize {
    let mut best = 0;
    let mut previous = vec![0usize; b.len() + 1];
    for x in a {
        let mut row = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                row[j + 1] = previous[j] + 1;
                best = best.max(row[j + 1]);
            }
        }
        previous = row;
    }
    best
}

/// The positions of `a` (the words of a quotation) that belong to no run of at least `min_run`
/// consecutive words shared with `b` (the testimonial): the words it adds or changes.
pub fn outside_runs(a: &[&str], b: &[&str], min_run: usize) -> Vec<usize> {
    // ends[i][j]: length of the common run ending at a[i], b[j]; starts: beginning there.
    let (n, m) = (a.len(), b.len());
    let mut ends = vec![vec![0usize; m]; n];
    let mut starts = vec![vec![0usize; m]; n];
    for i in 0..n {
        for j in 0..m {
            if a[i] == b[j] {
                ends[i][j] = 1 + if i > 0 && j > 0 {
                    ends[i - 1][j - 1]
                } else {
                    0
                };
            }
        }
    }
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            if a[i] == b[j] {
                starts[i][j] = 1 + if i + 1 < n && j + 1 < m {
                    starts[i + 1][j + 1]
                } else {
                    0
                };
            }
        }
    }
    (0..n)
        .filter(|&i| !(0..m).any(|j| a[i] == b[j] && ends[i][j] + starts[i][j] > min_run))
        .collect()
}

/// The hashtags of `text`, in order: `#` at the start of the text or after a character that is
/// not a letter or a digit, followed by letters, digits (accents allowed) or `_`, with at least
/// one letter. "#️⃣" or "page#2" are not hashtags.
pub fn hashtags(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        if c == '#' && !previous.is_some_and(|p| p.is_alphanumeric() || p == '_' || p == '&') {
            let rest = &text[i + 1..];
            let len: usize = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .map(char::len_utf8)
                .sum();
            let tag = &rest[..len];
            if tag.chars().any(char::is_alphabetic) {
                out.push(&text[i..i + 1 + len]);
            }
        }
        previous = Some(c);
    }
    out
}

/// Where `@name` is written in `text` (the mention of a LinkedIn page), case and accents
/// ignored, the name's words in order right after the `@`: "@ICOOPA", "@Icoopa", "@Arbre-cadeau".
pub fn mention(text: &str, name: &Phrase) -> Option<Range<usize>> {
    for (i, _) in text.match_indices('@') {
        let rest = &text[i + 1..];
        if !rest.starts_with(char::is_alphanumeric) {
            continue;
        }
        let rest_words = words(rest);
        let refs: Vec<&Word> = rest_words.iter().collect();
        if starts_with(name, &refs) && contiguous(&refs[..name.words.len()], rest) {
            let end = refs[name.words.len() - 1].span.end;
            // "@ICOOPAX" is another page.
            if name.prefix.last() == Some(&true) || !rest[end..].starts_with(char::is_alphanumeric)
            {
                return Some(i..i + 1 + end);
            }
        }
    }
    None
}

/// Number of characters (Unicode scalar values) of `text`.
pub fn characters(text: &str) -> usize {
    text.chars().count()
}

/// How many characters LinkedIn shows before « voir plus »: the text up to the end of its
/// `lines`-th line or its `chars`-th character, whichever comes first (blank lines count as
/// lines). The whole text when it is shorter.
pub fn before_more(text: &str, lines: usize, chars: usize) -> usize {
    let mut count = 0;
    let mut line = 1;
    for c in text.chars() {
        if count >= chars {
            break;
        }
        if c == '\n' {
            if line >= lines {
                break;
            }
            line += 1;
        }
        count += 1;
    }
    count
}

/// Number of emoji in `text`. An emoji sequence counts once: a pictograph with its skin tone,
/// variation selector or zero-width-joined partners (👩‍💼), a flag (two regional indicators),
/// a keycap (1️⃣). A character counts as a pictograph when it is in one of the emoji blocks
/// (U+1F000–U+1FAFF except the alchemical symbols, U+2600–U+27BF, a few others such as ⭐ ⌚ ⏰
/// 〽), or when it is followed by the emoji variation selector U+FE0F (©️, ↗️).
pub fn emoji_count(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let is_emoji = is_pictograph(c) || (next == Some('\u{FE0F}') && !is_joiner_or_modifier(c));
        if !is_emoji {
            i += 1;
            continue;
        }
        count += 1;
        let regional = is_regional_indicator(c);
        i += 1;
        if regional && chars.get(i).copied().is_some_and(is_regional_indicator) {
            i += 1;
        }
        // Swallow the rest of the sequence: modifiers, selectors, keycap, joined pictographs.
        while i < chars.len() {
            let c = chars[i];
            if is_joiner_or_modifier(c) || chars[i - 1] == '\u{200D}' {
                i += 1;
            } else {
                break;
            }
        }
    }
    count
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

fn is_joiner_or_modifier(c: char) -> bool {
    matches!(c,
        '\u{200D}'                      // zero width joiner
        | '\u{FE0E}' | '\u{FE0F}'       // variation selectors
        | '\u{20E3}'                    // combining enclosing keycap
        | '\u{1F3FB}'..='\u{1F3FF}'     // skin tones
        | '\u{E0020}'..='\u{E007F}'     // tags (subdivision flags)
    )
}

fn is_pictograph(c: char) -> bool {
    if is_joiner_or_modifier(c) {
        return false;
    }
    matches!(c,
        '\u{1F000}'..='\u{1F6FF}'
        | '\u{1F780}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{231A}' | '\u{231B}' | '\u{2328}' | '\u{23CF}'
        | '\u{23E9}'..='\u{23F3}'
        | '\u{23F8}'..='\u{23FA}'
        | '\u{24C2}'
        | '\u{25AA}' | '\u{25AB}' | '\u{25B6}' | '\u{25C0}'
        | '\u{25FB}'..='\u{25FE}'
        | '\u{2934}' | '\u{2935}'
        | '\u{2B05}'..='\u{2B07}'
        | '\u{2B1B}' | '\u{2B1C}' | '\u{2B50}' | '\u{2B55}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn words_are_folded_and_split_on_signs() {
        assert_eq!(
            folded("Cadeaux d’entreprise, CSE & Écoresponsable !"),
            ["cadeaux", "d", "entreprise", "cse", "ecoresponsable"]
        );
        assert_eq!(folded("contactez-nous"), ["contactez", "nous"]);
        assert_eq!(folded("Œuvre 40 ans"), ["oeuvre", "40", "ans"]);
        let w = words("un « Olivier »");
        assert_eq!(&"un « Olivier »"[w[1].span.clone()], "Olivier");
    }

    #[test]
    fn phrases_match_whole_words_or_prefixes() {
        let text = "Offrez un arbre à vos collaboratrices.";
        let ws = words(text);
        let refs: Vec<&Word> = ws.iter().collect();
        let p = Phrase::list(&["collaborat*"]);
        let at = find_first(&p, &refs, text).unwrap();
        assert_eq!(&text[at], "collaboratrices");
        assert!(find_first(&Phrase::list(&["collaborat"]), &refs, text).is_none());
        let p = Phrase::list(&["à vos"]);
        assert_eq!(&text[find_first(&p, &refs, text).unwrap()], "à vos");
        let p = Phrase::list(&["cadeau* d entreprise"]);
        let text = "Des cadeaux d’entreprise";
        let ws = words(text);
        let refs: Vec<&Word> = ws.iter().collect();
        assert_eq!(
            &text[find_first(&p, &refs, text).unwrap()],
            "cadeaux d’entreprise"
        );
        assert!(Phrase::parse("col*lab").is_err());
        assert!(Phrase::parse("col **").is_err());
        assert!(Phrase::parse(" * ").is_err());
        assert!(Phrase::parse("- *").is_err());
        assert!(Phrase::parse("").is_err());
    }

    #[test]
    fn a_phrase_does_not_jump_over_a_quotation_or_a_line() {
        let text = "avec son\naccord";
        let ws = words(text);
        let refs: Vec<&Word> = ws.iter().collect();
        assert!(find_first(&Phrase::list(&["avec son accord"]), &refs, text).is_none());
    }

    #[test]
    fn quotations_nest_and_pair() {
        let text = "Elle dit : « Tous ravis d'un « Olivier », oui ! » Puis \"court\" et “ça”.";
        let q: Vec<&str> = quoted(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(q, [" Tous ravis d'un « Olivier », oui ! ", "court", "ça"]);
        let text = "« jamais fermé\n\nsuite";
        let q: Vec<&str> = quoted(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(q, [" jamais fermé"]);
        let text = "« jamais fermé";
        assert_eq!(quoted(text).len(), 1);
        assert!(quoted("rien").is_empty());
    }

    #[test]
    fn longest_run() {
        let a = ["une", "idee", "originale", "et", "pleine"];
        let b = ["x", "une", "idee", "originale", "pleine"];
        assert_eq!(longest_common_run(&a, &b), 3);
        assert_eq!(longest_common_run(&[], &b), 0);
    }

    #[test]
    fn hashtags_need_a_letter_and_a_boundary() {
        assert_eq!(
            hashtags("#RSE et #CadeauDEntreprise, #Économie_verte #2021 page#3 #️⃣ # seul (#B2B)"),
            ["#RSE", "#CadeauDEntreprise", "#Économie_verte", "#B2B"]
        );
    }

    #[test]
    fn mentions() {
        let name = Phrase::parse("ICOOPA").unwrap();
        let text = "Merci @Icoopa !";
        assert_eq!(&text[mention(text, &name).unwrap()], "@Icoopa");
        assert!(mention("Merci ICOOPA", &name).is_none());
        assert!(mention("Merci @ ICOOPA", &name).is_none());
        assert!(mention("Merci @ICOOPAX", &name).is_none());
        let name = Phrase::parse("Arbre-cadeau").unwrap();
        let text = "avec @Arbre-cadeau.";
        assert_eq!(&text[mention(text, &name).unwrap()], "@Arbre-cadeau");
    }

    #[test]
    fn before_more_stops_at_three_lines_or_the_character_limit() {
        assert_eq!(before_more("court", 3, 210), 5);
        assert_eq!(before_more("a\nb\n\nd\ne", 3, 210), 4);
        let long = "x".repeat(500);
        assert_eq!(before_more(&long, 3, 210), 210);
        assert_eq!(before_more("ab\ncd", 3, 4), 4);
    }

    #[test]
    fn emoji_sequences_count_once() {
        assert_eq!(emoji_count("Bravo 🌳🌱 !"), 2);
        assert_eq!(emoji_count("👩🏽‍💼 au travail"), 1);
        assert_eq!(emoji_count("🇫🇷🇧🇪"), 2);
        assert_eq!(emoji_count("1️⃣ 2️⃣"), 2);
        assert_eq!(emoji_count("❤️ ✅ ⭐ ✨"), 4);
        assert_eq!(
            emoji_count("«Texte» – → • © 40 € ✓"),
            1,
            "only ✓ (a dingbat)"
        );
        assert_eq!(emoji_count("©️"), 1);
        assert_eq!(emoji_count("🏴󠁧󠁢󠁳󠁣󠁴󠁿"), 1);
        assert_eq!(emoji_count(""), 0);
    }

    #[test]
    fn characters_are_scalar_values() {
        assert_eq!(characters("écoresponsable"), 14);
        assert_eq!(characters("« »"), 3);
    }
}

#[cfg(test)]
mod lenient_tests {
    use super::*;

    #[test]
    fn one_slip_is_one_letter_or_one_swap() {
        for (a, b) in [
            ("accord", "acord"),
            ("accord", "accords"),
            ("accord", "accprd"),
            ("accord", "accrod"),
            ("accord", "accord"),
        ] {
            assert!(one_slip(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("accord", "acrd"),
            ("accord", "record"),
            ("accord", "abords"),
        ] {
            assert!(!one_slip(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn long_words_of_a_phrase_tolerate_one_slip_single_words_do_not() {
        let find = |phrase: &str, text: &str| {
            let p = Phrase::parse(phrase).unwrap_or_else(|e| panic!("{e}"));
            let ws = words(text);
            let refs: Vec<&Word> = ws.iter().collect();
            find_first(&[p], &refs, text).is_some()
        };
        assert!(find("a donne son accord", "elle a donné son acord"));
        assert!(find("avec son autorisation", "avec son autorisaton"));
        // Short words stay exact: « son » is not « mon ».
        assert!(!find("avec son accord", "avec mon accord"));
        // A single word is never approximate.
        assert!(!find("formulaire", "formulaires"));
        assert!(!find("devis", "devise"));
    }

    #[test]
    fn words_outside_the_runs_of_the_testimonial() {
        let t = [
            "tous",
            "les",
            "salaries",
            "ont",
            "ete",
            "ravis",
            "une",
            "idee",
            "originale",
        ];
        let q = [
            "les", "salaries", "ont", "ete", "ravi", "une", "idee", "pleine",
        ];
        // « ravi » (a slip), « une idée » (two words only) and « pleine » are not the client's.
        assert_eq!(outside_runs(&q, &t, 3), [4, 5, 6, 7]);
        assert_eq!(outside_runs(&t, &t, 3), Vec::<usize>::new());
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks() {
        let text = "Vous préparez un séminaire ? Nos arbres sont livrés.\nDemandez un devis !";
        let ws = words(text);
        let refs: Vec<&Word> = ws.iter().collect();
        let s: Vec<Vec<&str>> = sentences(text, &refs)
            .iter()
            .map(|s| s.iter().map(|w| w.folded.as_str()).collect())
            .collect();
        assert_eq!(
            s,
            [
                vec!["vous", "preparez", "un", "seminaire"],
                vec!["nos", "arbres", "sont", "livres"],
                vec!["demandez", "un", "devis"],
            ]
        );
    }
}
