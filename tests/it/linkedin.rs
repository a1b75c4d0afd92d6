//! The LinkedIn workshop: the draft analysis on a set of good and bad drafts (the model posts
//! among them), with the expected verdict on every criterion; the model posts; the grading
//! grids; the workshop's texts; the pack checks of `grids.toml` and `linkedin.toml`; the CLI.

use crate::helpers::{case, root, shared_app, TempPack};
use casebot::cli::{run, Cli};
use casebot::linkedin::{self, analyse, Analysis, Criterion, Params, Reason, Workshop};
use casebot::pack::{self, PackError};
use casebot::prompts::{pieces, Piece};
use clap::Parser;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, ExitCode};

/// The testimonial of annex 8, exactly as the subject prints it.
const TESTIMONIAL: &str = "« Tous les salariés ont été ravis de recevoir un « Olivier », symbole de la cohésion, pour les 40 ans de notre entreprise. Une idée originale, pleine de sens et de valeurs ! »";

fn workshop() -> &'static Workshop {
    match &case().linkedin {
        Some(w) => w,
        None => panic!("the bundled case has no LinkedIn workshop"),
    }
}

fn params() -> &'static Params {
    &workshop().params
}

/// A draft and the criteria it must fail (every other criterion must be met); `reasons` pins
/// the rule outcome of some criteria.
struct Draft {
    name: &'static str,
    text: String,
    fails: &'static [&'static str],
    reasons: &'static [(Criterion, Reason)],
}

fn draft(name: &'static str, text: &str, fails: &'static [&'static str]) -> Draft {
    Draft {
        name,
        text: text.replace("{T}", TESTIMONIAL),
        fails,
        reasons: &[],
    }
}

fn with(mut d: Draft, reasons: &'static [(Criterion, Reason)]) -> Draft {
    d.reasons = reasons;
    d
}

/// Students' drafts, good and bad. `{T}` is the testimonial between guillemets.
fn student_drafts() -> Vec<Draft> {
    let long_paragraph = "Chez Arbre-cadeau, chaque arbre est choisi avec soin, emballé dans un \
        emballage écoresponsable et accompagné d'un message personnalisé pour vos équipes. ";
    let too_long = format!(
        "Un olivier pour 40 ans d'histoire 🌳\n@ICOOPA a offert un olivier à ses salariés. \
         Emilie HERROU BEBIN, Responsable Ressources Humaines, a accepté de témoigner :\n{{T}}\n{}\n\
         Demandez votre devis sur www.arbre-cadeau.fr\n\
         #MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE\n[Visuel : l'olivier]",
        long_paragraph.repeat(20)
    );
    vec![
        draft(
            "complete student post",
            "Un olivier pour 40 ans de travail en équipe 🌳
Pour fêter ses 40 ans, @ICOOPA a fait le choix d'un cadeau vivant pour ses salariés. Sa Responsable Ressources Humaines, Emilie HERROU BEBIN, nous a donné son accord pour partager son témoignage :
{T}
Vous aussi, vous voulez marquer un moment fort avec vos équipes ? Nos arbres sont livrés prêts à planter, avec un message personnalisé.
Demandez votre devis en ligne : www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE #Bretagne
[Photo : les salariés d'ICOOPA autour de leur olivier]",
            &[],
        ),
        with(
            draft(
                "testimonial without quotation marks",
                "40 ans, ça se fête avec un cadeau qui grandit.
@ICOOPA a offert un olivier à ses salariés. Emilie HERROU BEBIN, Responsable RH, a accepté que nous partagions ses mots : Tous les salariés ont été ravis de recevoir un Olivier, symbole de la cohésion, pour les 40 ans de notre entreprise. Une idée originale, pleine de sens et de valeurs !
CSE, services RH : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier d'ICOOPA]",
                &["quote"],
            ),
            &[(Criterion::Quote, Reason::QuoteUnquoted)],
        ),
        with(
            draft(
                "paraphrased testimonial",
                "Quand un cadeau d'entreprise devient un symbole.
Pour ses 40 ans, @ICOOPA a offert un olivier à ses salariés. Avec son accord, nous partageons les mots d'Emilie HERROU BEBIN, Responsable Ressources Humaines : « Nos salariés ont adoré leur olivier, c'était une idée pleine de sens. »
Offrez un arbre à vos collaborateurs : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #RSE #CadeauDEntreprise
[Visuel : photo de l'olivier]",
                &["quote"],
            ),
            &[(Criterion::Quote, Reason::QuoteOther)],
        ),
        with(
            draft(
                "greeting as a hook",
                "Bonjour à tous !
Nous partageons aujourd'hui, avec son aimable autorisation, le témoignage d'Emilie HERROU BEBIN, Responsable Ressources Humaines chez @ICOOPA, qui a offert un olivier à ses salariés pour ses 40 ans :
{T}
Entreprises, CSE : pensez à l'arbre pour vos cadeaux. Demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier d'ICOOPA]",
                &["hook"],
            ),
            &[(Criterion::Hook, Reason::HookGeneric)],
        ),
        draft(
            "self-congratulation as a hook",
            "Nous sommes ravis de vous présenter le témoignage d'une cliente !
@ICOOPA a fêté ses 40 ans avec un olivier. Emilie HERROU BEBIN, Responsable RH, a bien voulu nous confier son avis :
{T}
Un cadeau d'entreprise qui a du sens : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : photo de l'équipe]",
            &["hook"],
        ),
        with(
            draft(
                "first line too long for a hook",
                "Pour célébrer ses 40 ans d'existence, l'entreprise @ICOOPA a choisi d'offrir à l'ensemble de ses salariés un olivier, symbole de cohésion, livré dans un emballage écoresponsable.
Emilie HERROU BEBIN, Responsable Ressources Humaines, a accepté de témoigner :
{T}
Pour vos équipes aussi, demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
                &["hook"],
            ),
            &[(Criterion::Hook, Reason::HookTooLong)],
        ),
        with(
            draft(
                "company named but not tagged",
                "Un olivier pour 40 ans ?
C'est le cadeau qu'ICOOPA a offert à ses salariés. Emilie HERROU BEBIN, Responsable Ressources Humaines, a accepté de partager son avis :
{T}
Offrez un arbre à vos collaborateurs : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
                &["tag"],
            ),
            &[(Criterion::Tag, Reason::TagNotTagged)],
        ),
        with(
            draft(
                "company never named",
                "Un olivier pour 40 ans ?
Emilie HERROU BEBIN, Responsable Ressources Humaines, a accepté de nous dire ce que ses collègues ont pensé de leur cadeau :
{T}
Offrez un arbre à vos collaborateurs : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
                &["tag"],
            ),
            &[(Criterion::Tag, Reason::TagMissing)],
        ),
        with(
            draft(
                "quotation attributed to a function",
                "Un olivier pour 40 ans ?
La Responsable Ressources Humaines d'@ICOOPA a accepté de nous raconter le cadeau offert aux salariés :
{T}
Offrez un arbre à vos collaborateurs : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
                &[],
            ),
            &[(Criterion::Attribution, Reason::AttributionRole)],
        ),
        draft(
            "no consent stated",
            "Un olivier pour 40 ans ?
C'est le cadeau qu'@ICOOPA a offert à ses salariés. Emilie HERROU BEBIN, Responsable Ressources Humaines, raconte :
{T}
Offrez un arbre à vos collaborateurs : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
            &["consent"],
        ),
        draft(
            "consent stated as thanks for the permission",
            "Un olivier pour 40 ans ?
C'est le cadeau qu'@ICOOPA a offert à ses salariés. Emilie HERROU BEBIN, Responsable Ressources Humaines, raconte :
{T}
Merci à elle pour son autorisation de publier ces mots.
Offrez un arbre à vos collaborateurs : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
            &[],
        ),
        draft(
            "thanks only, no offer and no call to action",
            "Une belle histoire d'olivier 🌳
Merci à @ICOOPA et à Emilie HERROU BEBIN, Responsable Ressources Humaines, qui a accepté de témoigner :
{T}
Nous sommes touchés par ce retour.
#MonEntrepriseMaOffertUnArbre #Olivier #Merci
[Visuel : photo de l'olivier]",
            &["offer", "cta"],
        ),
        draft(
            "offer only inside the quotation and a hashtag",
            "Ils ont planté leurs 40 ans 🌳
@ICOOPA a offert un olivier à ses salariés. Emilie HERROU BEBIN, Responsable Ressources Humaines, a accepté de nous confier :
{T}
Envie d'en faire autant ? Demandez votre devis sur www.arbre-cadeau.fr
#CadeauDEntreprise #RSE #MonEntrepriseMaOffertUnArbre
[Visuel : l'olivier]",
            &["offer"],
        ),
        with(
            draft(
                "seven hashtags",
                "Un olivier pour 40 ans ?
@ICOOPA a offert un olivier à ses salariés. Emilie HERROU BEBIN, Responsable RH, a accepté de témoigner :
{T}
Offrez un arbre à vos équipes : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE #Arbre #Olivier #RH #Bretagne
[Visuel : l'olivier]",
                &["hashtags"],
            ),
            &[(Criterion::Hashtags, Reason::HashtagsMany)],
        ),
        with(
            draft(
                "two hashtags",
                "Un olivier pour 40 ans ?
@ICOOPA a offert un olivier à ses salariés. Emilie HERROU BEBIN, Responsable RH, a accepté de témoigner :
{T}
Offrez un arbre à vos équipes : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise
[Visuel : l'olivier]",
                &["hashtags"],
            ),
            &[(Criterion::Hashtags, Reason::HashtagsFew)],
        ),
        with(
            draft(
                "a hashtag repeated",
                "Un olivier pour 40 ans ?
@ICOOPA a offert un olivier à ses salariés. Emilie HERROU BEBIN, Responsable RH, a accepté de témoigner :
{T}
Offrez un arbre à vos équipes : demandez votre devis sur www.arbre-cadeau.fr
#RSE #CadeauDEntreprise #Olivier #rse
[Visuel : l'olivier]",
                &["hashtags"],
            ),
            &[(Criterion::Hashtags, Reason::HashtagsDuplicate)],
        ),
        draft(
            "emoji overload",
            "🎉🎉 Un olivier pour 40 ans ?! 🌳🌳
@ICOOPA a offert un olivier à ses salariés 😍 Emilie HERROU BEBIN, Responsable RH, a accepté de témoigner :
{T}
👉 Offrez un arbre à vos équipes : demandez votre devis sur www.arbre-cadeau.fr 🙌🙌
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
            &["emoji"],
        ),
        draft(
            "no visual",
            "Un olivier pour 40 ans ?
@ICOOPA a offert un olivier à ses salariés. Emilie HERROU BEBIN, Responsable RH, a accepté de témoigner :
{T}
Offrez un arbre à vos équipes : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE",
            &["visual"],
        ),
        draft(
            "visual announced in a sentence",
            "Un olivier pour 40 ans ?
Sur la photo, l'olivier qu'@ICOOPA a offert à ses salariés. Emilie HERROU BEBIN, Responsable RH, a accepté de témoigner :
{T}
Offrez un arbre à vos équipes : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE",
            &[],
        ),
        with(
            Draft {
                name: "longer than LinkedIn allows",
                text: too_long.replace("{T}", TESTIMONIAL),
                fails: &["length"],
                reasons: &[],
            },
            &[(Criterion::Length, Reason::LengthTooLong)],
        ),
        with(
            draft(
                "empty draft",
                "   \n\n  ",
                &[
                    "hook",
                    "quote",
                    "attribution",
                    "consent",
                    "tag",
                    "offer",
                    "cta",
                    "hashtags",
                    "visual",
                ],
            ),
            &[(Criterion::Hook, Reason::HookEmpty)],
        ),
        draft(
            "only the second sentence quoted",
            "« Une idée originale, pleine de sens et de valeurs ! »
C'est ainsi qu'Emilie HERROU BEBIN, Responsable Ressources Humaines chez @ICOOPA, qui a accepté de témoigner, parle de l'olivier offert aux salariés pour les 40 ans de l'entreprise.
Offrez un arbre à vos équipes : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
            &[],
        ),
        draft(
            "straight quotation marks",
            "Un olivier pour 40 ans ?
@ICOOPA a offert un olivier à ses salariés. Emilie HERROU BEBIN, Responsable RH, a accepté de témoigner :
\"Tous les salariés ont été ravis de recevoir un « Olivier », symbole de la cohésion, pour les 40 ans de notre entreprise. Une idée originale, pleine de sens et de valeurs !\"
Offrez un arbre à vos équipes : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
            &[],
        ),
        draft(
            "curly quotation marks, lowercase mention",
            "Un olivier pour 40 ans ?
@Icoopa a offert un olivier à ses salariés. Emilie HERROU BEBIN, Responsable RH, a accepté de témoigner :
“Tous les salariés ont été ravis de recevoir un Olivier, symbole de la cohésion, pour les 40 ans de notre entreprise. Une idée originale, pleine de sens et de valeurs !”
Offrez un arbre à vos équipes : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
            &[],
        ),
        draft(
            "contact as the call to action",
            "Un olivier pour 40 ans ?
@ICOOPA a offert un olivier à ses salariés. Emilie HERROU BEBIN, Responsable RH, a accepté de témoigner :
{T}
CSE, services RH : contactez-nous pour votre prochain cadeau d'entreprise.
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
            &[],
        ),
        draft(
            "call to action only in a note line",
            "Un olivier pour 40 ans ?
@ICOOPA a offert un olivier à ses salariés. Emilie HERROU BEBIN, Responsable RH, a accepté de témoigner :
{T}
Et si c'était le prochain cadeau pour vos équipes ?
[Lien vers le formulaire de devis]
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
            &["cta"],
        ),
        draft(
            "a one-liner",
            "Merci ICOOPA ! #arbre",
            &[
                "quote",
                "attribution",
                "consent",
                "tag",
                "offer",
                "cta",
                "hashtags",
                "visual",
            ],
        ),
        draft(
            "guillemet never closed",
            "Un olivier pour 40 ans ?
@ICOOPA a offert un olivier à ses salariés. Emilie HERROU BEBIN, Responsable RH, a accepté de témoigner :
« Tous les salariés ont été ravis de recevoir un Olivier, symbole de la cohésion, pour les 40 ans de notre entreprise. Une idée originale, pleine de sens et de valeurs !

Offrez un arbre à vos équipes : demandez votre devis sur www.arbre-cadeau.fr
#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE
[Visuel : l'olivier]",
            &[],
        ),
    ]
}

/// The model posts of the pack, which must meet every criterion.
fn model_drafts() -> Vec<Draft> {
    let w = workshop();
    w.models
        .iter()
        .map(|id| Draft {
            name: "model post",
            text: case().text(&Workshop::post_id(id)),
            fails: &[],
            reasons: &[],
        })
        .collect()
}

fn failing(a: &Analysis) -> BTreeSet<&'static str> {
    a.verdicts
        .iter()
        .filter(|v| !v.met)
        .map(|v| v.criterion.id())
        .collect()
}

#[test]
fn every_draft_gets_the_expected_verdict_on_every_criterion() {
    let mut drafts = student_drafts();
    drafts.extend(model_drafts());
    assert!(drafts.len() >= 20, "only {} drafts", drafts.len());
    let mut problems = Vec::new();
    for d in &drafts {
        let a = analyse(&d.text, params());
        assert_eq!(a.verdicts.len(), Criterion::ALL.len());
        for (v, c) in a.verdicts.iter().zip(Criterion::ALL) {
            assert_eq!(v.criterion, c, "criteria come in ALL order");
            assert_eq!(v.met, v.reason.met());
        }
        let expected: BTreeSet<&str> = d.fails.iter().copied().collect();
        for c in Criterion::ALL {
            let fails = failing(&a).contains(c.id());
            if fails != expected.contains(c.id()) {
                problems.push(format!(
                    "{}: criterion '{}' should be {} but is {} ({:?})",
                    d.name,
                    c.id(),
                    if expected.contains(c.id()) {
                        "not met"
                    } else {
                        "met"
                    },
                    if fails { "not met" } else { "met" },
                    a.verdict(c)
                ));
            }
        }
        for (c, reason) in d.reasons {
            if a.verdict(*c).reason != *reason {
                problems.push(format!(
                    "{}: criterion '{}' should be {reason:?}, is {:?}",
                    d.name,
                    c.id(),
                    a.verdict(*c).reason
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every criterion is met by some draft and failed by another.
    for c in Criterion::ALL {
        assert!(
            drafts.iter().any(|d| d.fails.contains(&c.id())),
            "no draft fails '{}'",
            c.id()
        );
    }
}

#[test]
fn counts_of_a_draft() {
    let text = "Un olivier pour 40 ans ? 🌳\nDeuxième ligne.\n\nQuatrième ligne, cachée.\n#A #B #C\n[Visuel : photo]";
    let a = analyse(text, params());
    // The note line is not published.
    assert_eq!(a.counts.characters, text.chars().count() - 17);
    // Three lines are shown: "Un olivier… 🌳", "Deuxième ligne.", "".
    assert_eq!(a.counts.before_more, 26 + 1 + 15 + 1);
    assert_eq!(a.counts.hashtags, 3);
    assert_eq!(a.counts.emoji, 1);
}

#[test]
fn the_model_posts_are_four_approaches_that_meet_every_criterion() {
    let w = workshop();
    assert_eq!(w.question, "2.3");
    assert!(w.models.len() >= 4, "{:?}", w.models);
    for id in ["temoignage", "valeurs-rse", "court", "marque-employeur"] {
        assert!(w.models.iter().any(|m| m == id), "no model '{id}'");
    }
    let mut titles = BTreeSet::new();
    let mut first_lines = BTreeSet::new();
    for id in &w.models {
        let post = case().text(&Workshop::post_id(id));
        let a = analyse(&post, params());
        assert!(a.all_met(), "{id}: {a:#?}");
        assert!(a.counts.characters <= 3000, "{id}");
        assert!(a.counts.emoji <= 5, "{id}");
        assert!((3..=5).contains(&a.counts.hashtags), "{id}");
        // The testimonial word for word, with its guillemets, attributed, with the consent.
        assert!(
            post.contains(TESTIMONIAL),
            "{id} does not quote annex 8 exactly"
        );
        assert!(post.contains("Emilie HERROU BEBIN"), "{id}");
        assert!(post.contains("@ICOOPA"), "{id}");
        assert!(post.contains("#MonEntrepriseMaOffertUnArbre"), "{id}");
        assert!(!post.contains("\u{FFFD}"));
        let note = case().text(&Workshop::note_id(id));
        assert!(
            note.contains("Points forts") && note.contains("Points faibles"),
            "{id}"
        );
        assert!(note.contains("À débattre"), "{id}");
        titles.insert(case().text(&Workshop::title_id(id)));
        first_lines.insert(post.lines().next().unwrap_or("").to_string());
    }
    assert_eq!(titles.len(), w.models.len(), "two models share a title");
    assert_eq!(first_lines.len(), w.models.len(), "two models share a hook");
}

#[test]
fn the_parameters_follow_the_subject() {
    let p = params();
    assert_eq!(
        format!("« {} »", p.testimonial),
        TESTIMONIAL,
        "the testimonial of linkedin.toml differs from annex 8"
    );
    assert_eq!(p.testimonial_words.len(), 30);
    assert_eq!(p.company_shown, "ICOOPA");
    assert_eq!(p.author_shown, "Emilie HERROU BEBIN");
    let l = p.limits;
    assert_eq!(
        (
            l.max_characters,
            l.hook_max_characters,
            l.more_lines,
            l.more_characters
        ),
        (3000, 150, 3, 210)
    );
    assert_eq!((l.min_hashtags, l.max_hashtags, l.max_emoji), (3, 5, 5));
}

// ------------------------------------------------------------------------------------------
// Feedback and texts.

#[test]
fn the_feedback_has_one_line_per_criterion_and_the_counts() {
    let app = shared_app();
    let a = analyse("Bonjour ! #a", params());
    let text = linkedin::render::feedback(&app.messages, params(), &a);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].contains("2 sur 11 critères remplis"),
        "{}",
        lines[0]
    );
    let verdict_lines: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with('✅') || l.starts_with('❌'))
        .collect();
    assert_eq!(verdict_lines.len(), 11, "{text}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("❌ **Accroche** : ta première ligne commence par « Bonjour »")),
        "{text}"
    );
    assert!(text.contains("avant « voir plus »"), "{text}");
    assert!(
        !text.contains('{') && !text.contains("[linkedin."),
        "{text}"
    );
    // Tips name the case's company and person.
    assert!(text.contains("@ICOOPA"), "{text}");
    assert!(text.contains("Emilie HERROU BEBIN"), "{text}");
}

#[test]
fn every_workshop_text_exists_with_the_arguments_the_code_gives() {
    let messages = &shared_app().messages;
    assert_eq!(linkedin::TEXT_IDS.len(), linkedin::TEXTS.len());
    let mut seen = BTreeSet::new();
    for (id, args) in linkedin::TEXTS {
        assert!(seen.insert(*id), "{id} is declared twice");
        assert!(linkedin::TEXT_IDS.contains(id));
        let Some(template) = messages.get(id) else {
            panic!("text '{id}' is missing from prompts/fr");
        };
        for piece in pieces(template).expect("a valid template") {
            if let Piece::Arg(name) = piece {
                assert!(args.contains(&name), "{id} uses {{{name}}}");
            }
        }
    }
    // Every rule outcome and every label has its text.
    for c in Criterion::ALL {
        assert!(linkedin::TEXT_IDS.contains(&c.label_id()), "{}", c.id());
    }
    // And the startup check knows them: removing one is reported.
    let file = root().join("prompts/fr/linkedin.toml");
    let src = std::fs::read_to_string(&file).expect("read linkedin.toml");
    let needle = "label = \"Accroche\"";
    assert!(src.contains(needle));
    let mut messages = casebot::prompts::Prompts::default();
    for entry in std::fs::read_dir(root().join("prompts/fr")).expect("prompts/fr") {
        let path = entry.expect("entry").path();
        if path == file || path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let other = std::fs::read_to_string(&path).expect("read");
        messages.add_source(&path, &other).expect("valid texts");
    }
    messages
        .add_source(&file, &src.replace(needle, ""))
        .expect("valid TOML");
    let problems = casebot::app::check_messages(&messages);
    assert_eq!(
        problems,
        vec!["le texte « linkedin.criterion.hook.label » manque".to_string()]
    );
}

// ------------------------------------------------------------------------------------------
// Grading grids.

#[test]
fn every_written_answer_has_a_grid_that_adds_up() {
    let c = case();
    let ids: Vec<&str> = c.grids.iter().map(|g| g.question.as_str()).collect();
    assert_eq!(ids, ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "R"]);
    for g in &c.grids {
        let q = c.question(&g.question).expect("the grid's question");
        let parts: Decimal = q.parts.iter().map(|p| p.points).sum();
        let shares: Decimal = g.criteria.iter().map(|x| x.share).sum();
        assert_eq!(shares, q.points - parts, "grid {}", g.question);
        assert_eq!(g.points, q.points - parts);
        for x in &g.criteria {
            let label = c.text(&casebot::case::Grid::label_id(&g.question, &x.id));
            let explanation = c.text(&casebot::case::Grid::explanation_id(&g.question, &x.id));
            assert!(!label.is_empty() && !label.starts_with('['), "{}", x.id);
            assert!(explanation.len() > 40, "{}.{}", g.question, x.id);
        }
    }
    let worth = |id: &str| c.grid(id).map(|g| g.points).unwrap_or_default();
    assert_eq!(worth("1.1"), Decimal::from(3));
    assert_eq!(worth("1.2"), Decimal::new(25, 1));
    assert_eq!(worth("2.2"), Decimal::from(2));
    assert_eq!(worth("R"), Decimal::from(8));
}

#[test]
fn the_grid_of_question_2_4_covers_the_expected_precautions() {
    let c = case();
    let g = c.grid("2.4").expect("a grid for 2.4");
    let all: String = g
        .criteria
        .iter()
        .map(|x| {
            format!(
                "{} {}\n",
                c.text(&casebot::case::Grid::label_id("2.4", &x.id)),
                c.text(&casebot::case::Grid::explanation_id("2.4", &x.id))
            )
        })
        .collect();
    for needle in [
        "mêmes droits",
        "administre",
        "droit à l’image",
        "Emilie HERROU BEBIN",
        "RGPD",
        "ligne éditoriale",
        "calendrier",
        "modération",
        "visuel",
        "lien",
        "heures",
        "Technique",
        "Juridique",
        "Managérial",
    ] {
        assert!(
            all.contains(needle),
            "the 2.4 grid does not mention « {needle} »"
        );
    }
}

#[test]
fn a_grid_reads_well() {
    let app = shared_app();
    let c = case();
    let text = linkedin::render::grid(&app.messages, c, c.grid("1.1").expect("grid"));
    assert!(
        text.starts_with("**Grille de correction – question 1.1** (6 points)"),
        "{text}"
    );
    assert!(
        text.contains("Les calculs comptent pour 3 points"),
        "{text}"
    );
    assert!(text.contains("(0,75 point)"), "{text}");
    assert!(
        crate::helpers::plain(&text).contains("+32,63 %"),
        "figures come from the engine: {text}"
    );
    assert!(!text.contains('{'), "{text}");
}

// ------------------------------------------------------------------------------------------
// Pack checks of grids.toml and linkedin.toml.

const GRIDS: &str = "config/cases/arbre-cadeau/grids.toml";
const LINKEDIN: &str = "config/cases/arbre-cadeau/linkedin.toml";
const TEXT_LINKEDIN: &str = "prompts/cases/arbre-cadeau/linkedin.toml";
const TEXT_GRIDS: &str = "prompts/cases/arbre-cadeau/grids.toml";

fn load_errors(pack: &TempPack) -> Vec<PackError> {
    let dir = pack.pack_dir();
    match std::panic::catch_unwind(|| pack::load(&dir)) {
        Err(_) => panic!("loading the broken pack panicked"),
        Ok(Ok(_)) => panic!("the broken pack loaded"),
        Ok(Err(errors)) => {
            for e in &errors.0 {
                crate::pack_errors::in_french(e);
            }
            errors.0
        }
    }
}

fn find<'a>(errors: &'a [PackError], file: &str, location: &str) -> &'a PackError {
    match errors
        .iter()
        .find(|e| e.file.ends_with(Path::new(file)) && e.location == location)
    {
        Some(e) => e,
        None => panic!("no problem in {file} at {location:?}; got:\n{errors:#?}"),
    }
}

#[test]
fn a_pack_without_the_optional_files_still_loads() {
    let pack = TempPack::new("linkedin_optional");
    std::fs::remove_file(pack.dir.path.join(GRIDS)).expect("remove grids.toml");
    std::fs::remove_file(pack.dir.path.join(LINKEDIN)).expect("remove linkedin.toml");
    let case = match pack::load(&pack.pack_dir()) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    assert!(case.grids.is_empty());
    assert!(case.linkedin.is_none());
}

#[test]
fn grid_shares_must_add_up_to_the_written_part() {
    let pack = TempPack::new("linkedin_grid_sum");
    pack.replace(
        GRIDS,
        "{ id = \"bounce\", share = \"0.25\" }",
        "{ id = \"bounce\", share = \"0.5\" }",
    );
    let errors = load_errors(&pack);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = find(&errors, GRIDS, "grids.\"1.1\".criteria");
    assert!(
        e.problem.contains("les critères totalisent 3.25 points, il en faut 3 (les 6 points de la question moins 3 pour ses calculs)"),
        "{}",
        e.problem
    );
}

#[test]
fn grid_errors_name_the_file_and_the_key() {
    let pack = TempPack::new("linkedin_grid_errors");
    pack.replace(GRIDS, "[grids.\"2.1\"]", "[grids.\"2.9\"]");
    pack.replace(
        GRIDS,
        "{ id = \"method\", share = \"0.5\" }",
        "{ id = \"offer\", share = \"0.5\" }",
    );
    pack.replace(
        GRIDS,
        "{ id = \"tone\", share = \"0.75\" }",
        "{ id = \"Tone\", share = \"0.75\", points = \"1\" }",
    );
    pack.replace(TEXT_GRIDS, "label = \"Bilan et pistes\"", "");
    let errors = load_errors(&pack);
    assert!(find(&errors, GRIDS, "grids.\"2.9\"")
        .problem
        .contains("aucune question « 2.9 »"));
    assert!(find(&errors, GRIDS, "grids.\"1.3\".criteria[1].id")
        .problem
        .contains("déclaré deux fois"));
    assert!(find(&errors, GRIDS, "grids.\"2.3\"")
        .problem
        .contains("champ inconnu `points`"));
    assert!(find(
        &errors,
        TEXT_GRIDS.trim_end_matches("/grids.toml"),
        "grid.1.1.conclusion.label"
    )
    .problem
    .contains("ce texte manque"));
}

#[test]
fn a_model_post_that_fails_a_criterion_stops_the_pack() {
    let pack = TempPack::new("linkedin_model_fails");
    pack.replace(
        TEXT_LINKEDIN,
        "#MonEntrepriseMaOffertUnArbre #CadeauDEntreprise #RSE\n[Visuel : photo de l’olivier d’ICOOPA",
        "#MonEntrepriseMaOffertUnArbre\n[Visuel : photo de l’olivier d’ICOOPA",
    );
    let errors = load_errors(&pack);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = find(&errors, TEXT_LINKEDIN, "linkedin.model.court.post");
    assert!(e.problem.contains("critère « hashtags »"), "{}", e.problem);
    assert!(
        e.problem.contains("linkedin.criterion.hashtags.few"),
        "{}",
        e.problem
    );
}

#[test]
fn linkedin_toml_errors_name_the_file_and_the_key() {
    let pack = TempPack::new("linkedin_params_errors");
    pack.replace(LINKEDIN, "question = \"2.3\"", "question = \"2.7\"");
    pack.replace(
        LINKEDIN,
        "\"court\", \"marque-employeur\"",
        "\"court\", \"court\", \"Marque\"",
    );
    pack.replace(LINKEDIN, "  \"cadeau* d affaires\",\n", "  \"cadeau*d\",\n");
    pack.replace(LINKEDIN, "min_hashtags = 3", "min_hashtags = 7");
    let errors = load_errors(&pack);
    assert!(find(&errors, LINKEDIN, "question")
        .problem
        .contains("aucune question « 2.7 »"));
    assert!(find(&errors, LINKEDIN, "models[3]")
        .problem
        .contains("cité deux fois"));
    assert!(find(&errors, LINKEDIN, "models[4]")
        .problem
        .contains("n’est pas un identifiant de modèle"));
    assert!(find(&errors, LINKEDIN, "draft.offer[1]")
        .problem
        .contains("« * » ne va qu’en fin de mot"));
    assert!(find(&errors, LINKEDIN, "limits.min_hashtags")
        .problem
        .contains("max_hashtags"));

    let pack = TempPack::new("linkedin_unknown_field");
    pack.replace(LINKEDIN, "max_emoji = 5", "max_emojis = 5");
    let errors = load_errors(&pack);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].file.ends_with(LINKEDIN));
    assert!(errors[0].location.starts_with("ligne "), "{:?}", errors[0]);
    assert!(
        errors[0].problem.contains("champ inconnu `max_emojis`"),
        "{}",
        errors[0].problem
    );

    let pack = TempPack::new("linkedin_missing_note");
    pack.replace(
        LINKEDIN,
        "models = [\"temoignage\",",
        "models = [\"absent\", \"temoignage\",",
    );
    let errors = load_errors(&pack);
    for id in [
        "linkedin.model.absent.title",
        "linkedin.model.absent.post",
        "linkedin.model.absent.note",
    ] {
        assert!(find(
            &errors,
            TEXT_LINKEDIN.trim_end_matches("/linkedin.toml"),
            id
        )
        .problem
        .contains("ce texte manque"));
    }
}

/// One break per kind of problem of the grids and of the LinkedIn workshop: each is said in
/// French (checked by `load_errors`) at its file and key, with what to write instead.
#[test]
fn every_workshop_problem_is_said_in_french_with_its_fix() {
    let grid_13 = "  { id = \"offer\", share = \"0.5\" },\n  { id = \"method\", share = \"0.5\" },";
    for (i, (file, from, to, at, says)) in [
        (
            GRIDS,
            grid_13,
            "  { id = \"Offre\", share = \"0.5\" },\n  { id = \"method\", share = \"0.5\" },",
            "grids.\"1.3\".criteria[0].id",
            &[
                "« Offre » n’est pas un identifiant de critère",
                "minuscules",
            ][..],
        ),
        (
            GRIDS,
            grid_13,
            "  { id = \"offer\", share = \"0\" },\n  { id = \"method\", share = \"1\" },",
            "grids.\"1.3\".criteria[0].share",
            &["un critère vaut plus de 0 point"][..],
        ),
        (
            GRIDS,
            "[grids.\"1.3\"]\ncriteria = [",
            "[grids.\"1.3\"]\ncriteria = []\nunused = [",
            "grids.\"1.3\"",
            &["champ inconnu `unused`"][..],
        ),
        (
            LINKEDIN,
            "company = [\"ICOOPA\"]",
            "company = []",
            "draft.company",
            &["la liste est vide", "écrivez au moins une expression"][..],
        ),
        (
            LINKEDIN,
            "company = [\"ICOOPA\"]",
            "company = [\"ICOO*\"]",
            "draft.company[0]",
            &["une entreprise se cite par son nom complet, sans « * »"][..],
        ),
        (
            LINKEDIN,
            "call_to_action = [\n  \"devis\",",
            "call_to_action = [\n  \"!!\",",
            "draft.call_to_action[0]",
            &["n’a aucun mot", "écrivez des lettres ou des chiffres"][..],
        ),
        (
            LINKEDIN,
            "\"vos collaborat*\",",
            "\"vos * collaborat\",",
            "draft.offer[9]",
            &["« * » suit une lettre ou un chiffre"][..],
        ),
        (
            LINKEDIN,
            "min_quoted_words = 8",
            "min_quoted_words = 80",
            "draft.testimonial",
            &[
                "moins que limits.min_quoted_words (80)",
                "recopiez le témoignage mot pour mot",
            ][..],
        ),
        (
            LINKEDIN,
            "more_lines = 3",
            "more_lines = 0",
            "limits.more_lines",
            &["vaut au moins 1"][..],
        ),
        (
            LINKEDIN,
            "hook_max_characters = 150",
            "hook_max_characters = 3500",
            "limits.hook_max_characters",
            &[
                "dépasse max_characters (3000)",
                "la première ligne est plus courte",
            ][..],
        ),
        (
            LINKEDIN,
            "min_hashtags = 3",
            "min_hashtags = \"3\"",
            "",
            &["un texte (\"3\") trouvé", "écrivez 3, sans guillemets"][..],
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let pack = TempPack::new(&format!("workshop_kind_{i}"));
        pack.replace(file, from, to);
        let errors = load_errors(&pack);
        let e = if at.is_empty() {
            // A TOML type error: at its line.
            match errors.iter().find(|e| e.file.ends_with(Path::new(file))) {
                Some(e) => {
                    assert!(e.location.starts_with("ligne "), "{e:?}");
                    e
                }
                None => panic!("no problem in {file}: {errors:#?}"),
            }
        } else {
            find(&errors, file, at)
        };
        for w in says {
            assert!(e.problem.contains(w), "{w:?} not in {e:?}");
        }
    }
}

// ------------------------------------------------------------------------------------------
// Command line.

fn cli(args: &[&str]) -> (ExitCode, String) {
    let mut argv: Vec<String> = vec![
        "casebot".into(),
        "--cases-dir".into(),
        root().join("config/cases").display().to_string(),
        "--messages-dir".into(),
        root().join("prompts/fr").display().to_string(),
    ];
    argv.extend(args.iter().map(|a| a.to_string()));
    let mut out: Vec<u8> = Vec::new();
    let code = match run(Cli::parse_from(argv), &mut out) {
        Ok(code) => code,
        Err(e) => panic!("casebot {args:?} failed: {e:#}"),
    };
    (code, String::from_utf8(out).expect("UTF-8 output"))
}

fn keys(v: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v
        .as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn cli_linkedin_models() {
    let (code, out) = cli(&["linkedin", "models"]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(
        out.starts_with("**Modèles de publication LinkedIn – question 2.3** (4 modèles"),
        "{out}"
    );
    for n in 1..=4 {
        assert!(out.contains(&format!("**Modèle {n} – ")), "{out}");
    }
    assert_eq!(out.matches("**Note pour la discussion**").count(), 4);
    assert_eq!(out.matches(TESTIMONIAL).count(), 4);

    let (code, out) = cli(&["linkedin", "models", "--json"]);
    assert_eq!(code, ExitCode::SUCCESS);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let list = v.as_array().expect("an array");
    assert_eq!(list.len(), 4);
    assert_eq!(keys(&list[0]), ["counts", "id", "note", "post", "title"]);
    assert_eq!(list[0]["id"], "temoignage");
}

#[test]
fn cli_linkedin_check_json_shape_and_exit_status() {
    let dir = crate::helpers::TempDir::new("linkedin_cli_check");
    let file = dir.path.join("brouillon.txt");
    std::fs::write(
        &file,
        "Bonjour à tous ! Merci ICOOPA 🌳\n#arbre #olivier #rse",
    )
    .expect("write");
    let path = file.display().to_string();
    let (code, out) = cli(&["linkedin", "check", &path, "--json"]);
    assert_eq!(
        code,
        ExitCode::SUCCESS,
        "a bad draft is still analysed: {out}"
    );
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(keys(&v), ["counts", "criteria"]);
    assert_eq!(
        keys(&v["counts"]),
        ["before_more", "characters", "emoji", "hashtags"]
    );
    assert_eq!(v["counts"]["emoji"], 1);
    assert_eq!(v["counts"]["hashtags"], 3);
    let criteria = v["criteria"].as_array().expect("an array");
    let ids: Vec<&str> = criteria.iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "hook",
            "length",
            "quote",
            "attribution",
            "consent",
            "tag",
            "offer",
            "cta",
            "hashtags",
            "visual",
            "emoji"
        ]
    );
    for c in criteria {
        assert_eq!(keys(c), ["id", "label", "met", "tip"]);
        assert!(c["met"].is_boolean());
        assert!(!c["tip"].as_str().unwrap_or("").is_empty());
    }
    assert_eq!(criteria[0]["met"], false);
    assert_eq!(criteria[8]["met"], true);

    // The text form: one line per criterion.
    let (code, out) = cli(&["linkedin", "check", &path]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with('✅') || l.starts_with('❌'))
            .count(),
        11
    );

    // A model post, saved to a file, meets everything.
    let model = case().text(&Workshop::post_id("court"));
    std::fs::write(&file, format!("\u{FEFF}{model}\r\n")).expect("write");
    let (_, out) = cli(&["linkedin", "check", &path, "--json"]);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let all_met = v["criteria"]
        .as_array()
        .expect("an array")
        .iter()
        .all(|c| c["met"] == true);
    assert!(all_met, "{out}");
}

#[test]
fn cli_linkedin_grid() {
    let (code, out) = cli(&["linkedin", "grid", "2.4", "--json"]);
    assert_eq!(code, ExitCode::SUCCESS);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(keys(&v), ["criteria", "points", "question"]);
    assert_eq!(v["question"], "2.4");
    assert_eq!(v["points"], "3");
    let first = &v["criteria"][0];
    assert_eq!(keys(first), ["explanation", "id", "label", "share"]);
    assert_eq!(first["share"], "0.5");

    let (code, out) = cli(&["linkedin", "grid"]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert_eq!(out.matches("**Grille de correction – question ").count(), 8);

    let (code, out) = cli(&["linkedin", "grid", "3.1"]);
    assert_eq!(code, ExitCode::from(2));
    assert!(
        out.contains("Pas de grille pour la question « 3.1 »"),
        "{out}"
    );
}

#[test]
fn cli_linkedin_check_of_a_missing_file_exits_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_casebot"))
        .args(["linkedin", "check", "no/such/draft.txt", "--json"])
        .current_dir(root())
        .env_remove("CASEBOT_CASES_DIR")
        .env_remove("CASEBOT_MESSAGES_DIR")
        .env_remove("CASEBOT_CASE")
        .output()
        .expect("the casebot binary runs");
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("n’existe pas"), "{stdout}");
}
