//! The LinkedIn workshop: model posts for the exam's LinkedIn question (2.3 of « Arbre-cadeau »),
//! the analysis of a student's draft post, and the grading grids of the written answers.
//!
//! The analysis is a set of plain, explainable rules ([`analyse`]): each criterion is met or
//! not, with the reason and what the rule found, so the feedback can say exactly why. The rules
//! are generic; what belongs to a case (the client company to tag, the person quoted, the words
//! of the testimonial, the offer and call-to-action keywords, the limits) comes from the pack
//! (`config/cases/<id>/linkedin.toml`, loaded into [`Params`]). The sentences students read are
//! in `prompts/fr/linkedin.toml` ([`TEXT_IDS`]); the model posts and the grids' texts are in the
//! case's texts folder. The rules are documented in `config/cases/README.md` (section 12).

pub mod cli;
pub mod render;
pub mod text;

use crate::msg;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use text::{Phrase, Word};

/// The workshop's own texts (in `prompts/fr/linkedin.toml`) with the arguments the code gives
/// them: the registry's LinkedIn section and the criteria's family ([`msg::LinkedinCriterion`]).
pub const TEXTS: &[(&str, &[&str])] = &msg::join::<
    { msg::LINKEDIN.len() + msg::LINKEDIN_CRITERIA.len() },
>(msg::LINKEDIN, msg::LINKEDIN_CRITERIA);

/// Every id of [`TEXTS`].
pub const TEXT_IDS: &[&str] = &msg::ids::<{ TEXTS.len() }>(TEXTS);

// ------------------------------------------------------------------------------------------
// Parameters.

/// The numbers of the rules. Every field has a default (LinkedIn's own figures), so the
/// `[limits]` table of a pack's `linkedin.toml` may be partial or absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Shortest post that can carry what the exam asks (a hook, the testimonial, its author and
    /// consent, the offer, the call to action, the hashtags): the testimonial of « Arbre-cadeau »
    /// alone is 170 characters, so a post under 300 cannot hold the rest.
    pub min_characters: usize,
    /// Longest post LinkedIn accepts, in characters.
    pub max_characters: usize,
    /// Longest first line that still works as a hook, in characters.
    pub hook_max_characters: usize,
    /// LinkedIn cuts a post with « voir plus » after this many lines…
    pub more_lines: usize,
    /// …or this many characters, whichever comes first.
    pub more_characters: usize,
    pub min_hashtags: usize,
    pub max_hashtags: usize,
    /// Most emoji a sober company post uses.
    pub max_emoji: usize,
    /// Fewest consecutive words of the testimonial a quotation must repeat.
    pub min_quoted_words: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            min_characters: 300,
            max_characters: 3000,
            hook_max_characters: 150,
            more_lines: 3,
            more_characters: 210,
            min_hashtags: 3,
            max_hashtags: 5,
            max_emoji: 5,
            min_quoted_words: 8,
        }
    }
}

/// The `[draft]` table of a pack's `linkedin.toml`, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftConfig {
    /// The client company, as its LinkedIn page is mentioned (`@ICOOPA`); the first is shown.
    pub company: Vec<String>,
    /// The name of the person quoted, in the forms that attribute the quotation; the first is shown.
    pub author: Vec<String>,
    /// Their function: with the company named, it attributes the quotation too.
    pub author_role: Vec<String>,
    /// The testimonial, word for word.
    pub testimonial: String,
    /// Words that present the offer to professionals (the audience: « CSE », « vos équipes »).
    pub offer: Vec<String>,
    /// What the seller delivers, the offer's assets (« prêt* à planter », « message*
    /// personnalisé* »): said to the reader or in the seller's voice, they present the offer too.
    #[serde(default)]
    pub offer_assets: Vec<String>,
    /// The seller's names (« Arbre-cadeau »): a sentence that names it speaks in its voice.
    #[serde(default)]
    pub seller: Vec<String>,
    /// Words of the call to action (the quote request).
    pub call_to_action: Vec<String>,
}

/// The parameters of the draft analysis for one case, checked and prepared.
#[derive(Debug, Clone)]
pub struct Params {
    pub company: Vec<Phrase>,
    pub author: Vec<Phrase>,
    pub author_role: Vec<Phrase>,
    pub offer: Vec<Phrase>,
    pub offer_assets: Vec<Phrase>,
    pub seller: Vec<Phrase>,
    pub call_to_action: Vec<Phrase>,
    /// The testimonial as written, and its folded words.
    pub testimonial: String,
    pub testimonial_words: Vec<String>,
    pub limits: Limits,
    /// What the texts show for `{company}`, `{author}` and `{role}`.
    pub company_shown: String,
    pub author_shown: String,
    pub role_shown: String,
}

impl Params {
    /// Checks and prepares the parameters; every problem comes back as (key, what is wrong).
    pub fn new(config: &DraftConfig, limits: Limits) -> Result<Params, Vec<(String, String)>> {
        let mut problems = Vec::new();
        let phrases = |key: &str, sources: &[String], problems: &mut Vec<(String, String)>| {
            if sources.is_empty() {
                problems.push((
                    format!("draft.{key}"),
                    "la liste est vide : écrivez au moins une expression".to_string(),
                ));
            }
            let mut out = Vec::new();
            for (i, s) in sources.iter().enumerate() {
                match Phrase::parse(s) {
                    Ok(p) => out.push(p),
                    Err(e) => problems.push((format!("draft.{key}[{i}]"), e)),
                }
            }
            out
        };
        let company = phrases("company", &config.company, &mut problems);
        let author = phrases("author", &config.author, &mut problems);
        let author_role = phrases("author_role", &config.author_role, &mut problems);
        let offer = phrases("offer", &config.offer, &mut problems);
        let call_to_action = phrases("call_to_action", &config.call_to_action, &mut problems);
        // Optional lists: empty is allowed (the offer is then recognised by its audience only).
        let optional = |key: &str, sources: &[String], problems: &mut Vec<(String, String)>| {
            let mut out = Vec::new();
            for (i, s) in sources.iter().enumerate() {
                match Phrase::parse(s) {
                    Ok(p) => out.push(p),
                    Err(e) => problems.push((format!("draft.{key}[{i}]"), e)),
                }
            }
            out
        };
        let offer_assets = optional("offer_assets", &config.offer_assets, &mut problems);
        let seller = optional("seller", &config.seller, &mut problems);
        for (i, c) in config.company.iter().enumerate() {
            if c.contains('*') {
                problems.push((
                    format!("draft.company[{i}]"),
                    format!("« {c} » : une entreprise se cite par son nom complet, sans « * »"),
                ));
            }
        }
        let testimonial_words: Vec<String> = text::words(&config.testimonial)
            .into_iter()
            .map(|w| w.folded)
            .collect();
        if testimonial_words.len() < limits.min_quoted_words {
            problems.push((
                "draft.testimonial".to_string(),
                format!(
                    "le témoignage a {} mots, moins que limits.min_quoted_words ({}) : recopiez le témoignage mot pour mot",
                    testimonial_words.len(),
                    limits.min_quoted_words
                ),
            ));
        }
        let positive = [
            ("max_characters", limits.max_characters),
            ("hook_max_characters", limits.hook_max_characters),
            ("more_lines", limits.more_lines),
            ("more_characters", limits.more_characters),
            ("max_hashtags", limits.max_hashtags),
            ("min_quoted_words", limits.min_quoted_words),
        ];
        for (key, value) in positive {
            if value == 0 {
                problems.push((format!("limits.{key}"), "vaut au moins 1".to_string()));
            }
        }
        if limits.min_hashtags > limits.max_hashtags {
            problems.push((
                "limits.min_hashtags".to_string(),
                format!(
                    "{} dépasse max_hashtags ({}) : min_hashtags ne peut pas dépasser max_hashtags",
                    limits.min_hashtags, limits.max_hashtags
                ),
            ));
        }
        if limits.min_characters > limits.max_characters {
            problems.push((
                "limits.min_characters".to_string(),
                format!(
                    "{} is more than max_characters ({}) (expected min_characters ≤ max_characters)",
                    limits.min_characters, limits.max_characters
                ),
            ));
        }
        if limits.hook_max_characters > limits.max_characters {
            problems.push((
                "limits.hook_max_characters".to_string(),
                format!(
                    "{} dépasse max_characters ({}) : la première ligne est plus courte que toute la publication",
                    limits.hook_max_characters, limits.max_characters
                ),
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Params {
            company,
            author,
            author_role,
            offer,
            offer_assets,
            seller,
            call_to_action,
            testimonial: config.testimonial.clone(),
            testimonial_words,
            limits,
            company_shown: config.company[0].clone(),
            author_shown: config.author[0].clone(),
            role_shown: config.author_role[0].clone(),
        })
    }
}

/// A case's LinkedIn workshop: the question it serves, its model posts, its draft analysis.
#[derive(Debug, Clone)]
pub struct Workshop {
    /// The question whose answer is a LinkedIn post ("2.3").
    pub question: String,
    /// Ids of the model posts, in order; their texts are `linkedin.model.<id>.title`, `.post`
    /// and `.note` in the case's texts folder.
    pub models: Vec<String>,
    pub params: Params,
}

impl Workshop {
    pub fn title_id(model: &str) -> String {
        format!("linkedin.model.{model}.title")
    }
    pub fn post_id(model: &str) -> String {
        format!("linkedin.model.{model}.post")
    }
    pub fn note_id(model: &str) -> String {
        format!("linkedin.model.{model}.note")
    }
}

// ------------------------------------------------------------------------------------------
// The rules' own vocabulary (generic French; the case's words are in its Params).

/// Openings that make a weak hook: greetings and self-congratulation. Compared with the first
/// words of the first line, case and accents ignored.
pub const GENERIC_OPENERS: &[&str] = &[
    "bonjour",
    "bonsoir",
    "hello",
    "salut",
    "coucou",
    "cher",
    "chers",
    "chere",
    "cheres",
    "voici",
    "nous sommes heureux",
    "nous sommes heureuses",
    "nous sommes fiers",
    "nous sommes fieres",
    "nous sommes ravis",
    "nous sommes ravies",
    "nous avons le plaisir",
    "nous avons la joie",
    "nous avons l honneur",
    "je suis heureux",
    "je suis heureuse",
    "je suis fier",
    "je suis fiere",
    "j ai le plaisir",
    "c est avec plaisir",
    "c est avec joie",
    "c est avec fierte",
    "nouveau post",
    "nouvelle publication",
];

/// Phrases that state the consent of the person quoted.
pub const CONSENT_PHRASES: &[&str] = &[
    "avec son accord",
    "avec leur accord",
    "avec l accord",
    "avec son autorisation",
    "avec leur autorisation",
    "avec l autorisation",
    "avec son aimable autorisation",
    "avec leur aimable autorisation",
    "avec l aimable autorisation",
    "avec sa permission",
    "avec leur permission",
    "avec son consentement",
    "avec leur consentement",
    "a accepte*",
    "ont accepte*",
    "avoir accepte*",
    "a bien voulu",
    "ont bien voulu",
    "avoir bien voulu",
    "a donne son accord",
    "ont donne leur accord",
    "nous autoris*",
    "nous a autorise*",
    "nous ont autorise*",
    "pour son autorisation",
    "pour leur autorisation",
    "pour son accord",
    "pour leur accord",
    "autorisation de publi*",
    "accord de publi*",
    "nous a permis",
    "nous ont permis",
    "m a permis",
    "permis de publi*",
    "permis de partag*",
    "d accord pour",
    // The words of consent themselves, however the sentence goes (« a gentiment accepté de
    // nous répondre », « nous a donné l'autorisation de partager »).
    "accepte* de",
    "accepte* qu*",
    "son accord",
    "leur accord",
    "l accord d*",
    "son autorisation",
    "leur autorisation",
    "l autorisation",
    "sa permission",
];

/// Words that announce a visual. "image" counts only right after "[" or "(" ("[Image : …]"),
/// so that "image de marque" does not.
pub const VISUAL_WORDS: &[&str] = &[
    "visuel*",
    "photo*",
    "video*",
    "illustration*",
    "infographie*",
    "carrousel*",
    "carousel*",
];

/// Shortest run of the testimonial's words that a word of a quotation must belong to (see the
/// quote rule): two words in common (« une idée ») are a coincidence, three are the client's.
pub const ALTERED_RUN: usize = 3;

/// Emoji that announce a visual (« 📸 l'olivier dans le hall »).
pub const VISUAL_EMOJI: &[char] = &['📸', '📷', '🎥', '📹', '🎬', '🖼'];

/// Words that speak in the seller's voice or to the reader: with an asset of the offer in the
/// same sentence, they make it an offer (« Nos arbres sont livrés prêts à planter », « on vous
/// livre… ») rather than the client's story (« ICOOPA a offert un olivier prêt à planter »).
pub const VOICE_WORDS: &[&str] = &["nous", "nos", "notre", "on", "vous", "vos", "votre"];

// ------------------------------------------------------------------------------------------
// The analysis.

/// A criterion of a good LinkedIn company post, in the order the feedback lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// A short, engaging first line (what shows before « voir plus »).
    Hook,
    /// At most `max_characters`.
    Length,
    /// The testimonial between quotation marks.
    Quote,
    /// Its author named (or their function and company).
    Attribution,
    /// The author's consent stated.
    Consent,
    /// The client company mentioned with `@`.
    Tag,
    /// The offer to professionals.
    Offer,
    /// A call to action towards the quote request.
    Cta,
    /// `min_hashtags` to `max_hashtags` distinct hashtags.
    Hashtags,
    /// A visual suggested.
    Visual,
    /// At most `max_emoji` emoji.
    Emoji,
}

impl Criterion {
    pub const ALL: [Criterion; 11] = [
        Criterion::Hook,
        Criterion::Length,
        Criterion::Quote,
        Criterion::Attribution,
        Criterion::Consent,
        Criterion::Tag,
        Criterion::Offer,
        Criterion::Cta,
        Criterion::Hashtags,
        Criterion::Visual,
        Criterion::Emoji,
    ];

    /// The id used in JSON and in tests.
    pub fn id(self) -> &'static str {
        match self {
            Criterion::Hook => "hook",
            Criterion::Length => "length",
            Criterion::Quote => "quote",
            Criterion::Attribution => "attribution",
            Criterion::Consent => "consent",
            Criterion::Tag => "tag",
            Criterion::Offer => "offer",
            Criterion::Cta => "cta",
            Criterion::Hashtags => "hashtags",
            Criterion::Visual => "visual",
            Criterion::Emoji => "emoji",
        }
    }

    /// The id of its label.
    pub fn label_id(self) -> &'static str {
        self.label().id()
    }

    /// Its label, a text of the criteria's family.
    pub fn label(self) -> msg::LinkedinCriterionText {
        match self {
            Criterion::Hook => msg::LinkedinCriterionText::HookLabel,
            Criterion::Length => msg::LinkedinCriterionText::LengthLabel,
            Criterion::Quote => msg::LinkedinCriterionText::QuoteLabel,
            Criterion::Attribution => msg::LinkedinCriterionText::AttributionLabel,
            Criterion::Consent => msg::LinkedinCriterionText::ConsentLabel,
            Criterion::Tag => msg::LinkedinCriterionText::TagLabel,
            Criterion::Offer => msg::LinkedinCriterionText::OfferLabel,
            Criterion::Cta => msg::LinkedinCriterionText::CtaLabel,
            Criterion::Hashtags => msg::LinkedinCriterionText::HashtagsLabel,
            Criterion::Visual => msg::LinkedinCriterionText::VisualLabel,
            Criterion::Emoji => msg::LinkedinCriterionText::EmojiLabel,
        }
    }
}

/// Why a criterion is met or not: one per rule outcome, each with its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    HookOk,
    HookEmpty,
    HookTooLong,
    HookGeneric,
    /// The post is one short line: there is nothing for a hook to open.
    HookAlone,
    LengthOk,
    LengthTooLong,
    /// Fewer than `min_characters`: too short to carry the testimonial and the offer.
    LengthTooShort,
    QuoteOk,
    /// Nothing between quotation marks.
    QuoteNone,
    /// Something quoted, but not the testimonial.
    QuoteOther,
    /// The testimonial is there, but not between quotation marks.
    QuoteUnquoted,
    /// A quotation repeats the testimonial but changes or adds words.
    QuoteAltered,
    AttributionName,
    AttributionRole,
    AttributionMissing,
    ConsentOk,
    ConsentMissing,
    TagOk,
    /// The company is named, without `@`.
    TagNotTagged,
    TagMissing,
    /// The audience is named (« CSE », « vos équipes »).
    OfferOk,
    /// What the seller delivers is said to the reader or in the seller's voice, or several of
    /// the offer's assets are listed.
    OfferDelivery,
    OfferMissing,
    /// An asset is told only as part of the client's story.
    OfferStoryOnly,
    /// The reader is asked a question, but nothing is said of what is offered.
    OfferQuestionOnly,
    CtaOk,
    CtaMissing,
    HashtagsOk,
    HashtagsFew,
    HashtagsMany,
    HashtagsDuplicate,
    VisualOk,
    VisualMissing,
    EmojiOk,
    EmojiTooMany,
}

impl Reason {
    /// Whether the criterion is met.
    pub fn met(self) -> bool {
        matches!(
            self,
            Reason::HookOk
                | Reason::LengthOk
                | Reason::QuoteOk
                | Reason::AttributionName
                | Reason::AttributionRole
                | Reason::ConsentOk
                | Reason::TagOk
                | Reason::OfferOk
                | Reason::OfferDelivery
                | Reason::CtaOk
                | Reason::HashtagsOk
                | Reason::VisualOk
                | Reason::EmojiOk
        )
    }

    /// The id of the text that explains it (what was found, or the tip).
    pub fn text_id(self) -> &'static str {
        self.text().id()
    }

    /// The text that explains it, a text of the criteria's family.
    pub fn text(self) -> msg::LinkedinCriterionText {
        match self {
            Reason::HookOk => msg::LinkedinCriterionText::HookOk,
            Reason::HookEmpty => msg::LinkedinCriterionText::HookEmpty,
            Reason::HookTooLong => msg::LinkedinCriterionText::HookTooLong,
            Reason::HookGeneric => msg::LinkedinCriterionText::HookGeneric,
            Reason::HookAlone => msg::LinkedinCriterionText::HookAlone,
            Reason::LengthOk => msg::LinkedinCriterionText::LengthOk,
            Reason::LengthTooLong => msg::LinkedinCriterionText::LengthTooLong,
            Reason::LengthTooShort => msg::LinkedinCriterionText::LengthTooShort,
            Reason::QuoteOk => msg::LinkedinCriterionText::QuoteOk,
            Reason::QuoteNone => msg::LinkedinCriterionText::QuoteNone,
            Reason::QuoteOther => msg::LinkedinCriterionText::QuoteOther,
            Reason::QuoteUnquoted => msg::LinkedinCriterionText::QuoteUnquoted,
            Reason::QuoteAltered => msg::LinkedinCriterionText::QuoteAltered,
            Reason::AttributionName => msg::LinkedinCriterionText::AttributionName,
            Reason::AttributionRole => msg::LinkedinCriterionText::AttributionRole,
            Reason::AttributionMissing => msg::LinkedinCriterionText::AttributionMissing,
            Reason::ConsentOk => msg::LinkedinCriterionText::ConsentOk,
            Reason::ConsentMissing => msg::LinkedinCriterionText::ConsentMissing,
            Reason::TagOk => msg::LinkedinCriterionText::TagOk,
            Reason::TagNotTagged => msg::LinkedinCriterionText::TagNotTagged,
            Reason::TagMissing => msg::LinkedinCriterionText::TagMissing,
            Reason::OfferOk => msg::LinkedinCriterionText::OfferOk,
            Reason::OfferDelivery => msg::LinkedinCriterionText::OfferDelivery,
            Reason::OfferMissing => msg::LinkedinCriterionText::OfferMissing,
            Reason::OfferStoryOnly => msg::LinkedinCriterionText::OfferStoryOnly,
            Reason::OfferQuestionOnly => msg::LinkedinCriterionText::OfferQuestionOnly,
            Reason::CtaOk => msg::LinkedinCriterionText::CtaOk,
            Reason::CtaMissing => msg::LinkedinCriterionText::CtaMissing,
            Reason::HashtagsOk => msg::LinkedinCriterionText::HashtagsOk,
            Reason::HashtagsFew => msg::LinkedinCriterionText::HashtagsFew,
            Reason::HashtagsMany => msg::LinkedinCriterionText::HashtagsMany,
            Reason::HashtagsDuplicate => msg::LinkedinCriterionText::HashtagsDuplicate,
            Reason::VisualOk => msg::LinkedinCriterionText::VisualOk,
            Reason::VisualMissing => msg::LinkedinCriterionText::VisualMissing,
            Reason::EmojiOk => msg::LinkedinCriterionText::EmojiOk,
            Reason::EmojiTooMany => msg::LinkedinCriterionText::EmojiTooMany,
        }
    }
}

/// The verdict on one criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub criterion: Criterion,
    pub met: bool,
    pub reason: Reason,
    /// The passage the rule found (the hashtags, the keyword, the generic opening…).
    pub found: Option<String>,
    /// The number the rule measured (characters, words quoted, hashtags, emoji).
    pub count: Option<usize>,
}

/// The counts LinkedIn users look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Characters of the published text.
    pub characters: usize,
    /// Characters shown before « voir plus ».
    pub before_more: usize,
    pub hashtags: usize,
    pub emoji: usize,
}

/// The analysis of a draft: one verdict per criterion (in [`Criterion::ALL`] order), the counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub verdicts: Vec<Verdict>,
    pub counts: Counts,
}

impl Analysis {
    /// The verdict on `criterion`.
    pub fn verdict(&self, criterion: Criterion) -> &Verdict {
        // Every criterion has exactly one verdict, in ALL order.
        let i = Criterion::ALL
            .iter()
            .position(|c| *c == criterion)
            .unwrap_or(0);
        &self.verdicts[i]
    }

    /// Whether every criterion is met.
    pub fn all_met(&self) -> bool {
        self.verdicts.iter().all(|v| v.met)
    }

    /// How many criteria are met.
    pub fn met_count(&self) -> usize {
        self.verdicts.iter().filter(|v| v.met).count()
    }
}

/// A draft split into the published text and the notes to the reader: a line entirely between
/// square brackets (« [Visuel : photo de l'équipe] ») is a note, not part of the post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The text LinkedIn would publish: the other lines, without leading and trailing blanks.
    pub post: String,
    /// The note lines, trimmed.
    pub notes: Vec<String>,
}

impl Draft {
    pub fn read(draft: &str) -> Draft {
        let mut lines = Vec::new();
        let mut notes = Vec::new();
        for line in draft.lines() {
            let trimmed = line.trim();
            if trimmed.starts_with('[') && trimmed.ends_with(']') {
                notes.push(trimmed.to_string());
            } else {
                lines.push(line.trim_end());
            }
        }
        Draft {
            post: lines.join("\n").trim().to_string(),
            notes,
        }
    }
}

/// Analyses a draft post with the case's parameters: the verdict on every criterion and the
/// counts. Pure and cheap (a few passes over the text).
pub fn analyse(draft: &str, params: &Params) -> Analysis {
    let draft = Draft::read(draft);
    let post = draft.post.as_str();
    let limits = &params.limits;
    let quoted = text::quoted(post);
    let all_words = text::words(post);
    let every: Vec<&Word> = all_words.iter().collect();
    let own: Vec<&Word> = all_words
        .iter()
        .filter(|w| !text::inside(&quoted, w.span.start))
        .collect();
    let hashtag_list = text::hashtags(post);
    let counts = Counts {
        characters: text::characters(post),
        before_more: text::before_more(post, limits.more_lines, limits.more_characters),
        hashtags: hashtag_list.len(),
        emoji: text::emoji_count(post),
    };
    let company_named = text::find_first(&params.company, &every, post);
    let (offer_reason, offer_found) = offer(params, post, &own);
    let verdicts = vec![
        hook(post, limits),
        length(&counts, limits),
        quote(post, params, &quoted, &all_words),
        attribution(post, params, &own, company_named.is_some()),
        consent(post, &own),
        tag(post, params, company_named),
        // Offer and call to action, outside the quotation.
        verdict(Criterion::Offer, offer_reason, offer_found, None),
        cta(post, params, &own),
        hashtags(&hashtag_list, limits),
        visual(&draft, &own),
        emoji(&counts, limits),
    ];
    Analysis { verdicts, counts }
}

/// The verdict on `criterion` for `reason`, with what the rule found and measured.
fn verdict(
    criterion: Criterion,
    reason: Reason,
    found: Option<String>,
    count: Option<usize>,
) -> Verdict {
    Verdict {
        criterion,
        met: reason.met(),
        reason,
        found,
        count,
    }
}

/// Hook: the first line, short and not a generic opening.
fn hook(post: &str, limits: &Limits) -> Verdict {
    let first_line = post.lines().next().unwrap_or("");
    let first_len = text::characters(first_line);
    let first_words = text::words(first_line);
    let first_refs: Vec<&Word> = first_words.iter().collect();
    let opener = Phrase::list(GENERIC_OPENERS)
        .into_iter()
        .find(|p| text::starts_with(p, &first_refs));
    if post.is_empty() {
        verdict(Criterion::Hook, Reason::HookEmpty, None, Some(0))
    } else if let Some(p) = opener {
        let end = first_refs[p.words.len() - 1].span.end;
        let start = first_refs[0].span.start;
        let found = first_line[start..end].to_string();
        verdict(
            Criterion::Hook,
            Reason::HookGeneric,
            Some(found),
            Some(first_len),
        )
    } else if first_len > limits.hook_max_characters {
        verdict(Criterion::Hook, Reason::HookTooLong, None, Some(first_len))
    } else if post.lines().skip(1).all(|l| l.trim().is_empty()) {
        verdict(Criterion::Hook, Reason::HookAlone, None, Some(first_len))
    } else {
        verdict(Criterion::Hook, Reason::HookOk, None, Some(first_len))
    }
}

/// Length: the published text's characters, between the limits.
fn length(counts: &Counts, limits: &Limits) -> Verdict {
    let reason = if counts.characters > limits.max_characters {
        Reason::LengthTooLong
    } else if counts.characters < limits.min_characters {
        Reason::LengthTooShort
    } else {
        Reason::LengthOk
    };
    verdict(Criterion::Length, reason, None, Some(counts.characters))
}

/// Quote: the longest run of the testimonial's words inside one quotation.
fn quote(post: &str, params: &Params, quoted: &[Range<usize>], all_words: &[Word]) -> Verdict {
    let limits = &params.limits;
    let testimonial: Vec<&str> = params
        .testimonial_words
        .iter()
        .map(String::as_str)
        .collect();
    // A quotation of it must be word for word: besides one slip (« ravi » for « ravis »), every
    // word belongs to a run of at least ALTERED_RUN words of the testimonial, so that a quotation
    // that starts with the client's words and goes on in the student's is not a citation.
    let mut best_quoted = 0;
    let mut faithful = false;
    let mut altered: Option<String> = None;
    for r in quoted {
        let inner_words = text::words(&post[r.clone()]);
        let inner: Vec<&str> = inner_words.iter().map(|w| w.folded.as_str()).collect();
        let run = text::longest_common_run(&inner, &testimonial);
        best_quoted = best_quoted.max(run);
        if run < limits.min_quoted_words {
            continue;
        }
        let foreign = text::outside_runs(&inner, &testimonial, ALTERED_RUN);
        if foreign.len() <= 1 {
            faithful = true;
        } else if altered.is_none() {
            let shown: Vec<&str> = foreign
                .iter()
                .map(|&i| {
                    &post[r.start + inner_words[i].span.start..r.start + inner_words[i].span.end]
                })
                .collect();
            altered = Some(shown.join(" "));
        }
    }
    let anywhere: Vec<&str> = all_words.iter().map(|w| w.folded.as_str()).collect();
    let best_anywhere = text::longest_common_run(&anywhere, &testimonial);
    let mut quote_found = None;
    let reason = if faithful {
        Reason::QuoteOk
    } else if altered.is_some() {
        quote_found = altered;
        Reason::QuoteAltered
    } else if best_anywhere >= limits.min_quoted_words {
        Reason::QuoteUnquoted
    } else if quoted.is_empty() {
        Reason::QuoteNone
    } else {
        Reason::QuoteOther
    };
    verdict(Criterion::Quote, reason, quote_found, Some(best_quoted))
}

/// Attribution: the author's name, or their function with the company named.
fn attribution(post: &str, params: &Params, own: &[&Word], company_named: bool) -> Verdict {
    let slice = |r: Range<usize>| post[r].to_string();
    if let Some(at) = text::find_first(&params.author, own, post) {
        verdict(
            Criterion::Attribution,
            Reason::AttributionName,
            Some(slice(at)),
            None,
        )
    } else if let (Some(at), true) = (
        text::find_first(&params.author_role, own, post),
        company_named,
    ) {
        verdict(
            Criterion::Attribution,
            Reason::AttributionRole,
            Some(slice(at)),
            None,
        )
    } else {
        verdict(
            Criterion::Attribution,
            Reason::AttributionMissing,
            None,
            None,
        )
    }
}

/// Consent: a phrase saying the client agreed to be quoted.
fn consent(post: &str, own: &[&Word]) -> Verdict {
    match text::find_first(&Phrase::list(CONSENT_PHRASES), own, post) {
        Some(at) => verdict(
            Criterion::Consent,
            Reason::ConsentOk,
            Some(post[at].to_string()),
            None,
        ),
        None => verdict(Criterion::Consent, Reason::ConsentMissing, None, None),
    }
}

/// Tag: @Company, or else the company only named (`company_named`, where).
fn tag(post: &str, params: &Params, company_named: Option<Range<usize>>) -> Verdict {
    let slice = |r: Range<usize>| post[r].to_string();
    let mention = params
        .company
        .iter()
        .filter_map(|c| text::mention(post, c))
        .min_by_key(|r| r.start);
    match (mention, company_named) {
        (Some(at), _) => verdict(Criterion::Tag, Reason::TagOk, Some(slice(at)), None),
        (None, Some(at)) => verdict(Criterion::Tag, Reason::TagNotTagged, Some(slice(at)), None),
        (None, None) => verdict(Criterion::Tag, Reason::TagMissing, None, None),
    }
}

/// Call to action, outside the quotation.
fn cta(post: &str, params: &Params, own: &[&Word]) -> Verdict {
    match text::find_first(&params.call_to_action, own, post) {
        Some(at) => verdict(
            Criterion::Cta,
            Reason::CtaOk,
            Some(post[at].to_string()),
            None,
        ),
        None => verdict(Criterion::Cta, Reason::CtaMissing, None, None),
    }
}

/// Hashtags: between min and max, all distinct.
fn hashtags(hashtag_list: &[&str], limits: &Limits) -> Verdict {
    let mut distinct: Vec<String> = Vec::new();
    let mut duplicate = None;
    for tag in hashtag_list {
        let folded = text::fold(tag);
        if distinct.contains(&folded) {
            duplicate.get_or_insert(*tag);
        } else {
            distinct.push(folded);
        }
    }
    let shown = hashtag_list.join(" ");
    if distinct.len() < limits.min_hashtags {
        verdict(
            Criterion::Hashtags,
            Reason::HashtagsFew,
            Some(shown),
            Some(distinct.len()),
        )
    } else if hashtag_list.len() > limits.max_hashtags {
        verdict(
            Criterion::Hashtags,
            Reason::HashtagsMany,
            Some(shown),
            Some(hashtag_list.len()),
        )
    } else if let Some(dup) = duplicate {
        verdict(
            Criterion::Hashtags,
            Reason::HashtagsDuplicate,
            Some(dup.to_string()),
            Some(hashtag_list.len()),
        )
    } else {
        verdict(
            Criterion::Hashtags,
            Reason::HashtagsOk,
            Some(shown),
            Some(hashtag_list.len()),
        )
    }
}

/// Visual: a note line or a word of the post that announces one.
fn visual(draft: &Draft, own: &[&Word]) -> Verdict {
    let post = draft.post.as_str();
    let visual_words = Phrase::list(VISUAL_WORDS);
    let visual_note = draft.notes.iter().find(|note| {
        let ws = text::words(note);
        let refs: Vec<&Word> = ws.iter().collect();
        text::find_first(&visual_words, &refs, note).is_some() || image_after_bracket(note, &ws)
    });
    let visual_in_post = text::find_first(&visual_words, own, post)
        .or_else(|| {
            own.iter()
                .find(|w| image_word_after_bracket(post, w))
                .map(|w| w.span.clone())
        })
        .or_else(|| visual_emoji_line(post));
    let visual_note =
        visual_note.or_else(|| draft.notes.iter().find(|note| note.contains(VISUAL_EMOJI)));
    match (visual_note, visual_in_post) {
        (Some(note), _) => verdict(
            Criterion::Visual,
            Reason::VisualOk,
            Some(note.clone()),
            None,
        ),
        (None, Some(at)) => verdict(
            Criterion::Visual,
            Reason::VisualOk,
            Some(post[at].to_string()),
            None,
        ),
        (None, None) => verdict(Criterion::Visual, Reason::VisualMissing, None, None),
    }
}

/// Emoji: not more than the limit.
fn emoji(counts: &Counts, limits: &Limits) -> Verdict {
    let reason = if counts.emoji > limits.max_emoji {
        Reason::EmojiTooMany
    } else {
        Reason::EmojiOk
    };
    verdict(Criterion::Emoji, reason, None, Some(counts.emoji))
}

/// How the offer is presented, in the own text: its audience named (« vos équipes »), or what
/// the seller delivers (an asset of the offer in a sentence spoken by the seller or to the
/// reader, or two different assets); otherwise why not, with what was found.
fn offer(params: &Params, post: &str, own: &[&Word]) -> (Reason, Option<String>) {
    let slice = |r: Range<usize>| post[r].to_string();
    if let Some(at) = text::find_first(&params.offer, own, post) {
        return (Reason::OfferOk, Some(slice(at)));
    }
    let voice = Phrase::list(VOICE_WORDS);
    let sentences = text::sentences(post, own);
    let mut story = None;
    for sentence in &sentences {
        if let Some(at) = text::find_first(&params.offer_assets, sentence, post) {
            let spoken = text::find_first(&voice, sentence, post).is_some()
                || text::find_first(&params.seller, sentence, post).is_some();
            if spoken {
                return (Reason::OfferDelivery, Some(slice(at)));
            }
            story.get_or_insert(at);
        }
    }
    let assets: Vec<Range<usize>> = params
        .offer_assets
        .iter()
        .filter_map(|a| text::find_first(std::slice::from_ref(a), own, post))
        .collect();
    if assets.len() >= 2 {
        let mut assets = assets;
        assets.sort_by_key(|r| r.start);
        let shown: Vec<String> = assets.into_iter().map(slice).collect();
        return (Reason::OfferDelivery, Some(shown.join(" », « ")));
    }
    if let Some(at) = story {
        return (Reason::OfferStoryOnly, Some(slice(at)));
    }
    let reader = Phrase::list(&["vous", "vos", "votre"]);
    let question = sentences.iter().find(|s| {
        s.last()
            .is_some_and(|w| post[w.span.end..].trim_start().starts_with('?'))
            && text::find_first(&reader, s, post).is_some()
    });
    match question {
        Some(s) => {
            let (start, end) = (s[0].span.start, s[s.len() - 1].span.end);
            (
                Reason::OfferQuestionOnly,
                Some(format!("{} ?", &post[start..end])),
            )
        }
        None => (Reason::OfferMissing, None),
    }
}

/// The line of the published text that holds a camera emoji, if any.
fn visual_emoji_line(post: &str) -> Option<Range<usize>> {
    let at = post.find(VISUAL_EMOJI)?;
    let start = post[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = post[at..].find('\n').map_or(post.len(), |i| at + i);
    Some(start..end)
}

fn image_after_bracket(text: &str, words: &[Word]) -> bool {
    words.iter().any(|w| image_word_after_bracket(text, w))
}

/// "image" right after "[" or "(" (spaces allowed between): « [Image : … ] ».
fn image_word_after_bracket(text: &str, word: &Word) -> bool {
    word.folded.starts_with("image") && text[..word.span.start].trim_end().ends_with(['[', '('])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> Params {
        match Params::new(&config(), Limits::default()) {
            Ok(p) => p,
            Err(e) => panic!("{e:?}"),
        }
    }

    fn config() -> DraftConfig {
        DraftConfig {
            company: vec!["ICOOPA".into()],
            author: vec!["Emilie HERROU BEBIN".into(), "HERROU BEBIN".into()],
            author_role: vec!["responsable RH".into(), "responsable des ressources humaines".into()],
            testimonial: "Tous les salariés ont été ravis de recevoir un « Olivier », symbole de la cohésion, pour les 40 ans de notre entreprise. Une idée originale, pleine de sens et de valeurs !".into(),
            offer: vec!["cadeau* d entreprise".into(), "CSE".into(), "vos collaborat*".into()],
            offer_assets: vec![],
            seller: vec![],
            call_to_action: vec!["devis".into()],
        }
    }

    const GOOD: &str = "Et si votre prochain cadeau d'entreprise prenait racine ?\n\
        Pour ses 40 ans, @ICOOPA a offert un olivier à ses équipes.\n\
        Emilie HERROU BEBIN, responsable RH, nous a confié (avec son accord) :\n\
        « Tous les salariés ont été ravis de recevoir un « Olivier », symbole de la cohésion, pour les 40 ans de notre entreprise. Une idée originale, pleine de sens et de valeurs ! »\n\
        Un CSE, une équipe à remercier ? Demandez votre devis 🌳\n\
        #CadeauDEntreprise #RSE #MarqueEmployeur\n\
        [Visuel : photo de l'olivier]";

    fn failing(draft: &str) -> Vec<&'static str> {
        analyse(draft, &params())
            .verdicts
            .iter()
            .filter(|v| !v.met)
            .map(|v| v.criterion.id())
            .collect()
    }

    #[test]
    fn a_good_draft_meets_everything() {
        let a = analyse(GOOD, &params());
        assert!(a.all_met(), "{a:#?}");
        assert_eq!(a.counts.hashtags, 3);
        assert_eq!(a.counts.emoji, 1);
        assert_eq!(a.verdict(Criterion::Quote).count, Some(30));
        assert_eq!(
            a.verdict(Criterion::Visual).found.as_deref(),
            Some("[Visuel : photo de l'olivier]")
        );
        assert_eq!(a.verdict(Criterion::Tag).found.as_deref(), Some("@ICOOPA"));
        // The note line is not published.
        assert!(a.counts.characters < text::characters(GOOD));
    }

    #[test]
    fn each_rule_can_fail_alone() {
        let swap = |from: &str, to: &str| {
            assert!(GOOD.contains(from), "{from}");
            GOOD.replace(from, to)
        };
        assert_eq!(
            failing(&swap(
                "Et si votre prochain cadeau d'entreprise prenait racine ?",
                "Bonjour à tous, un cadeau d'entreprise !"
            )),
            ["hook"]
        );
        assert_eq!(failing(&swap("@ICOOPA", "ICOOPA")), ["tag"]);
        assert_eq!(failing(&swap(" (avec son accord)", "")), ["consent"]);
        assert_eq!(
            failing(&swap("Emilie HERROU BEBIN, responsable RH,", "Elle")),
            ["attribution"]
        );
        assert_eq!(failing(&swap(" #RSE", "")), ["hashtags"]);
        assert_eq!(
            failing(&swap("[Visuel : photo de l'olivier]", "")),
            ["visual"]
        );
        assert_eq!(failing(&swap("devis", "cadeau")), ["cta"]);
        assert_eq!(failing(&swap("🌳", "🌳🌳🌳🌳🌳🌳")), ["emoji"]);
        let unquoted = swap("« Tous", "Tous").replace("valeurs ! »", "valeurs !");
        assert_eq!(failing(&unquoted), ["quote"]);
    }

    #[test]
    fn quote_reasons() {
        let p = params();
        let a = analyse("« Bravo » @ICOOPA", &p);
        assert_eq!(a.verdict(Criterion::Quote).reason, Reason::QuoteOther);
        let a = analyse("Rien de cité.", &p);
        assert_eq!(a.verdict(Criterion::Quote).reason, Reason::QuoteNone);
        let a = analyse(
            "Une idée originale, pleine de sens et de valeurs, nous dit-on.",
            &p,
        );
        assert_eq!(a.verdict(Criterion::Quote).reason, Reason::QuoteUnquoted);
        let a = analyse("« Une idée originale, pleine de sens et de valeurs ! »", &p);
        assert_eq!(a.verdict(Criterion::Quote).reason, Reason::QuoteOk);
        assert_eq!(a.verdict(Criterion::Quote).count, Some(9));
    }

    #[test]
    fn words_inside_the_quotation_do_not_count_as_the_offer() {
        // "entreprise" and "salariés" are in the testimonial: quoting it is not presenting the offer.
        let p = params();
        let a = analyse(
            "« pour les 40 ans de notre entreprise, un cadeau d'entreprise »",
            &p,
        );
        assert_eq!(a.verdict(Criterion::Offer).reason, Reason::OfferMissing);
    }

    #[test]
    fn attribution_by_role_needs_the_company() {
        let p = params();
        let a = analyse("La responsable RH nous l'a dit.", &p);
        assert_eq!(
            a.verdict(Criterion::Attribution).reason,
            Reason::AttributionMissing
        );
        let a = analyse("La responsable RH d'ICOOPA nous l'a dit.", &p);
        assert_eq!(
            a.verdict(Criterion::Attribution).reason,
            Reason::AttributionRole
        );
        let a = analyse("Merci Émilie Herrou-Bebin !", &p);
        assert_eq!(
            a.verdict(Criterion::Attribution).reason,
            Reason::AttributionName
        );
    }

    #[test]
    fn hashtag_reasons() {
        let p = params();
        let v = |d: &str| analyse(d, &p).verdict(Criterion::Hashtags).reason;
        assert_eq!(v("#a #b"), Reason::HashtagsFew);
        assert_eq!(v("#a #b #A"), Reason::HashtagsFew);
        assert_eq!(v("#a #b #c #A"), Reason::HashtagsDuplicate);
        assert_eq!(v("#a #b #c #d #e #f"), Reason::HashtagsMany);
        assert_eq!(v("#a #b #c #d #e"), Reason::HashtagsOk);
    }

    #[test]
    fn hook_and_empty_draft() {
        let p = params();
        let a = analyse("", &p);
        assert_eq!(a.verdict(Criterion::Hook).reason, Reason::HookEmpty);
        // Nothing meets only the emoji rule: a length has a floor (issue #10).
        assert_eq!(a.met_count(), 1, "only emoji hold for nothing");
        assert_eq!(a.verdict(Criterion::Length).reason, Reason::LengthTooShort);
        let long = format!("{}\nsuite", "mot ".repeat(40));
        let a = analyse(&long, &p);
        assert_eq!(a.verdict(Criterion::Hook).reason, Reason::HookTooLong);
        let a = analyse("👋 Nous sommes fiers de vous présenter…", &p);
        let hook = a.verdict(Criterion::Hook);
        assert_eq!(hook.reason, Reason::HookGeneric);
        assert_eq!(hook.found.as_deref(), Some("Nous sommes fiers"));
        // A note line first: the hook is the first published line.
        let a = analyse(
            "[Photo : l'olivier]\nUn olivier pour 40 ans ?\nLa suite.",
            &p,
        );
        assert_eq!(a.verdict(Criterion::Hook).reason, Reason::HookOk);
        assert_eq!(a.verdict(Criterion::Hook).count, Some(24));
    }

    #[test]
    fn a_one_line_post_has_no_hook_and_a_short_one_no_length() {
        let p = params();
        let a = analyse("Merci ICOOPA !!!", &p);
        assert_eq!(a.verdict(Criterion::Hook).reason, Reason::HookAlone);
        assert_eq!(a.verdict(Criterion::Length).reason, Reason::LengthTooShort);
        assert_eq!(a.verdict(Criterion::Length).count, Some(16));
        // At the floor, the length holds.
        let at_floor = format!("Un olivier ?\n{}", "x".repeat(300 - 13));
        assert_eq!(text::characters(&at_floor), 300);
        assert_eq!(
            analyse(&at_floor, &p).verdict(Criterion::Length).reason,
            Reason::LengthOk
        );
        let below = &at_floor[..at_floor.len() - 1];
        assert_eq!(
            analyse(below, &p).verdict(Criterion::Length).reason,
            Reason::LengthTooShort
        );
    }

    #[test]
    fn the_offer_is_its_audience_or_what_the_seller_delivers() {
        let mut config = config();
        config.offer_assets = vec!["pret* a planter".into(), "message* personnalise*".into()];
        config.seller = vec!["Arbre-cadeau".into()];
        let p = match Params::new(&config, Limits::default()) {
            Ok(p) => p,
            Err(e) => panic!("{e:?}"),
        };
        let v = |d: &str| {
            let v = analyse(d, &p).verdict(Criterion::Offer).clone();
            (v.reason, v.found)
        };
        let found = |s: &str| Some(s.to_string());
        assert_eq!(
            v("Pour vos collaborateurs."),
            (Reason::OfferOk, found("vos collaborateurs"))
        );
        // The seller's voice, the reader's, the seller's name: an asset makes it an offer.
        assert_eq!(
            v("Vous préparez un anniversaire ? Nos arbres sont livrés prêts à planter."),
            (Reason::OfferDelivery, found("prêts à planter"))
        );
        assert_eq!(
            v("On vous livre un arbre prêt à planter."),
            (Reason::OfferDelivery, found("prêt à planter"))
        );
        assert_eq!(
            v("Arbre-cadeau livre des arbres prêts à planter."),
            (Reason::OfferDelivery, found("prêts à planter"))
        );
        // Two assets listed are the offer, whoever speaks.
        assert_eq!(
            v("🎁 Arbre prêt à planter\n💌 Message personnalisé"),
            (
                Reason::OfferDelivery,
                found("prêt à planter », « Message personnalisé")
            )
        );
        // One asset in the client's story is not an offer; it is said why.
        assert_eq!(
            v("ICOOPA a offert à ses salariés un olivier prêt à planter."),
            (Reason::OfferStoryOnly, found("prêt à planter"))
        );
        // A question to the reader without the offer.
        assert_eq!(
            v("Vous cherchez une idée pour votre anniversaire ? Demandez un devis."),
            (
                Reason::OfferQuestionOnly,
                found("Vous cherchez une idée pour votre anniversaire ?")
            )
        );
        assert_eq!(v("Merci ICOOPA."), (Reason::OfferMissing, None));
        // Inside the quotation, the assets are the client's words.
        assert_eq!(
            v("« Nos arbres prêts à planter, votre message personnalisé »").0,
            Reason::OfferMissing
        );
    }

    #[test]
    fn a_camera_emoji_announces_a_visual() {
        let p = params();
        let v = |d: &str| analyse(d, &p).verdict(Criterion::Visual).clone();
        let a = v("Texte.\n📸 l'olivier dans le hall");
        assert!(a.met);
        assert_eq!(a.found.as_deref(), Some("📸 l'olivier dans le hall"));
        assert!(v("Texte.\n[📷 l'olivier]").met);
        assert!(!v("Texte 🌳 et rien d'autre.").met);
    }

    #[test]
    fn image_counts_only_as_an_announced_visual() {
        let p = params();
        let v = |d: &str| analyse(d, &p).verdict(Criterion::Visual).met;
        assert!(v("Texte.\n[Image : l'olivier]"));
        assert!(v("Texte (image : l'olivier)."));
        assert!(!v("Soignez votre image de marque."));
        assert!(v("En photo : l'olivier."));
    }

    #[test]
    fn params_are_checked() {
        let config = DraftConfig {
            company: vec![],
            author: vec!["*".into()],
            author_role: vec!["RH".into()],
            testimonial: "Trop court.".into(),
            offer: vec!["a*b".into()],
            offer_assets: vec![],
            seller: vec![],
            call_to_action: vec!["devis".into()],
        };
        let limits = Limits {
            min_hashtags: 6,
            max_emoji: 0,
            ..Limits::default()
        };
        let errors = Params::new(&config, limits).unwrap_err();
        let keys: Vec<&str> = errors.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "draft.company",
                "draft.author[0]",
                "draft.offer[0]",
                "draft.testimonial",
                "limits.min_hashtags"
            ],
            "{errors:#?}"
        );
    }
}
