//! The slash commands: each one only turns Discord's options into a [`Command`] and hands it
//! to [`super::respond`]. Names are French with English localisations; descriptions come from
//! `prompts/` (see [`super::describe`]).

use super::{respond, Ctx, Error};
use crate::play::command::{Board, Command, PartRef, Scope, VoteSubject};
use poise::serenity_prelude as serenity;

/// The slash commands only teachers see in Discord's menu: each produces nothing but
/// teacher-only engine commands (a test holds this list to [`Command::access`]). Discord hides
/// them from members without Manage Server; a server's admins can open one to the teacher role in
/// Server Settings → Integrations. The engine still checks every call.
pub const TEACHER_MENUS: &[&str] = &[
    "quiz",
    "export",
    "vote",
    "corriger",
    "config",
    "effacer-classe",
];

/// Every command, in the order Discord lists them. All of them are used in a class server only
/// (a class is a server): Discord does not offer them in direct messages.
pub fn all() -> Vec<poise::Command<super::Data, Error>> {
    let mut commands = vec![
        aide(),
        annexe(),
        question(),
        entrainement(),
        repondre(),
        indice(),
        solution(),
        kpi(),
        interpreter(),
        reflexion(),
        quiz(),
        examen(),
        classement(),
        export(),
        notes(),
        brouillon(),
        retirer_brouillon(),
        modeles(),
        vote(),
        corrige_type(),
        rediger(),
        corriger(),
        mes_donnees(),
        oublier_moi(),
        config(),
        cas(),
        effacer_classe(),
    ];
    for command in &mut commands {
        command.interaction_context = Some(vec![serenity::InteractionContext::Guild]);
        if TEACHER_MENUS.contains(&command.name.as_ref()) {
            command.default_member_permissions = serenity::Permissions::MANAGE_GUILD;
        }
    }
    commands
}

fn scope(dossier: Option<String>, questions: Option<String>) -> Scope {
    match (dossier, questions) {
        (Some(d), _) => Scope::Dossier(d.trim().to_string()),
        (None, Some(q)) => Scope::from_list(&q),
        (None, None) => Scope::All,
    }
}

/// The case the server's class plays: autocompletes follow the class's subject.
async fn class_case(ctx: Ctx<'_>) -> std::sync::Arc<crate::pack::CasePack> {
    let data = ctx.data();
    match ctx.guild_id() {
        Some(guild) => {
            data.engine
                .class_case("discord", &guild.get().to_string())
                .await
        }
        None => data.app.default_shared(),
    }
}

async fn annex_choices(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let case = Some(class_case(ctx).await);
    let partial = partial.trim().to_lowercase();
    let choices = case
        .map(|c| {
            c.annexes
                .iter()
                .filter(|a| {
                    partial.is_empty()
                        || a.number.to_string().starts_with(&partial)
                        || a.title.to_lowercase().contains(&partial)
                })
                .take(25)
                .map(|a| {
                    let label: String = format!("{} – {}", a.number, a.title)
                        .chars()
                        .take(100)
                        .collect();
                    serenity::AutocompleteChoice::new(label, i64::from(a.number))
                })
                .collect()
        })
        .unwrap_or_default();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

async fn kpi_choices(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let partial = partial.trim().to_lowercase();
    let choices = Some(class_case(ctx).await)
        .map(|c| {
            // Word matching as `/kpi` does it ("taux de clic", "panier moyen b2b"), then
            // plain substrings (a word being typed).
            let found: Vec<&crate::kpi::Kpi> = match c.find_kpis(&partial) {
                crate::case::KpiMatch::One(i) => vec![&c.kpis[i]],
                crate::case::KpiMatch::Several(list) => list.iter().map(|&i| &c.kpis[i]).collect(),
                crate::case::KpiMatch::None => c
                    .kpis
                    .iter()
                    .filter(|k| {
                        partial.is_empty()
                            || k.id.contains(&partial)
                            || k.label.to_lowercase().contains(&partial)
                            || k.aliases
                                .iter()
                                .any(|a| a.to_lowercase().contains(&partial))
                    })
                    .collect(),
            };
            found
                .into_iter()
                .take(25)
                .map(|k| {
                    serenity::AutocompleteChoice::new(
                        k.label.chars().take(100).collect::<String>(),
                        k.id.clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

#[poise::command(slash_command, name_localized("en-US", "help"))]
pub async fn aide(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::Help).await
}

#[poise::command(slash_command, name_localized("en-US", "annex"))]
pub async fn annexe(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "number")]
    #[min = 1]
    #[max = 9]
    #[autocomplete = "annex_choices"]
    numero: u8,
) -> Result<(), Error> {
    respond(ctx, Command::Annex { number: numero }).await
}

#[poise::command(slash_command, name_localized("en-US", "question"))]
pub async fn question(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "id")] id: String,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::Question {
            id: id.trim().to_string(),
        },
    )
    .await
}

#[poise::command(slash_command, name_localized("en-US", "practice"))]
pub async fn entrainement(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "folder")] dossier: Option<String>,
    #[name_localized("en-US", "questions")] questions: Option<String>,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::Practice {
            scope: scope(dossier, questions),
        },
    )
    .await
}

#[poise::command(slash_command, name_localized("en-US", "answer"))]
pub async fn repondre(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "answer")]
    #[max_length = 200]
    reponse: String,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::Answer {
            text: reponse,
            item: None,
        },
    )
    .await
}

#[poise::command(slash_command, name_localized("en-US", "hint"))]
pub async fn indice(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "confirm")] confirmer: Option<bool>,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::Hint {
            confirm: confirmer.unwrap_or(false),
            item: None,
        },
    )
    .await
}

#[poise::command(slash_command, name_localized("en-US", "solution"))]
pub async fn solution(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::GiveUp).await
}

#[poise::command(slash_command, name_localized("en-US", "kpi"))]
pub async fn kpi(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "indicator")]
    #[autocomplete = "kpi_choices"]
    indicateur: String,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::Kpi {
            id: indicateur.trim().to_string(),
        },
    )
    .await
}

#[poise::command(
    slash_command,
    name_localized("en-US", "quiz"),
    subcommands("lancer", "pause", "reprendre", "suivante", "prolonger", "arreter"),
    subcommand_required
)]
pub async fn quiz(_: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

// poise reads a slash command's options from the function's parameters: one per option.
#[allow(clippy::too_many_arguments)]
#[poise::command(slash_command, name_localized("en-US", "start"))]
pub async fn lancer(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "folder")] dossier: Option<String>,
    #[name_localized("en-US", "questions")] questions: Option<String>,
    #[name_localized("en-US", "seconds")]
    #[min = 1]
    #[max = 3600]
    secondes: Option<u32>,
    #[name_localized("en-US", "minutes")]
    #[min = 1]
    #[max = 300]
    minutes: Option<u32>,
    #[name_localized("en-US", "speed")] vitesse: Option<bool>,
    #[name_localized("en-US", "streak")] serie: Option<bool>,
    #[name_localized("en-US", "full_time")] attendre: Option<bool>,
) -> Result<(), Error> {
    let command = Command::QuizLaunch {
        scope: scope(dossier, questions),
        seconds_per_item: secondes,
        total_minutes: minutes,
        speed_bonus: vitesse.unwrap_or(false),
        streak_bonus: serie.unwrap_or(false),
        full_time: attendre.unwrap_or(false),
    };
    respond(ctx, command).await
}

#[poise::command(slash_command, name_localized("en-US", "pause"))]
pub async fn pause(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::QuizPause).await
}

#[poise::command(slash_command, name_localized("en-US", "resume"))]
pub async fn reprendre(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::QuizResume).await
}

#[poise::command(slash_command, name_localized("en-US", "next"))]
pub async fn suivante(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::QuizNext).await
}

#[poise::command(slash_command, name_localized("en-US", "extend"))]
pub async fn prolonger(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "seconds")]
    #[min = 1]
    #[max = 3600]
    secondes: u32,
) -> Result<(), Error> {
    respond(ctx, Command::QuizExtend { seconds: secondes }).await
}

#[poise::command(slash_command, name_localized("en-US", "stop"))]
pub async fn arreter(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::QuizStop).await
}

#[poise::command(
    slash_command,
    name_localized("en-US", "exam"),
    subcommands(
        "examen_lancer",
        "examen_copie",
        "examen_repondre",
        "examen_rediger",
        "examen_rendre",
        "examen_arreter",
        "examen_bonus",
        "examen_copies"
    ),
    subcommand_required
)]
pub async fn examen(_: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

#[poise::command(slash_command, rename = "lancer", name_localized("en-US", "start"))]
pub async fn examen_lancer(
    ctx: Ctx<'_>,
    #[min = 1]
    #[max = 600]
    minutes: Option<u32>,
) -> Result<(), Error> {
    respond(ctx, Command::ExamLaunch { minutes }).await
}

#[poise::command(slash_command, rename = "copie", name_localized("en-US", "paper"))]
pub async fn examen_copie(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::ExamCopy).await
}

#[poise::command(slash_command, rename = "repondre", name_localized("en-US", "answer"))]
pub async fn examen_repondre(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "part")]
    #[max_length = 20]
    partie: String,
    #[name_localized("en-US", "answer")]
    #[max_length = 200]
    reponse: String,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::ExamAnswer {
            part: partie,
            text: reponse,
        },
    )
    .await
}

#[poise::command(slash_command, rename = "rediger", name_localized("en-US", "write"))]
pub async fn examen_rediger(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "question")]
    #[autocomplete = "grid_choices"]
    question: String,
) -> Result<(), Error> {
    super::exam_form(ctx, question).await
}

#[poise::command(slash_command, rename = "rendre", name_localized("en-US", "hand-in"))]
pub async fn examen_rendre(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "confirm")] confirmer: Option<bool>,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::ExamHandIn {
            confirm: confirmer.unwrap_or(false),
        },
    )
    .await
}

#[poise::command(slash_command, rename = "arreter", name_localized("en-US", "stop"))]
pub async fn examen_arreter(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::ExamStop).await
}

#[poise::command(slash_command, rename = "bonus", name_localized("en-US", "bonus"))]
pub async fn examen_bonus(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "student")] eleve: serenity::User,
    #[name_localized("en-US", "points")]
    #[max_length = 10]
    points: String,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::ExamBonus {
            student: eleve.id.get().to_string(),
            points,
        },
    )
    .await
}

#[poise::command(slash_command, rename = "copies", name_localized("en-US", "papers"))]
pub async fn examen_copies(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "student")] eleve: Option<serenity::User>,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::ExamPapers {
            student: eleve.map(|u| u.id.get().to_string()),
        },
    )
    .await
}

/// The leaderboard periods offered.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum Periode {
    #[name = "semaine"]
    #[name_localized("en-US", "week")]
    Semaine,
    #[name = "mois"]
    #[name_localized("en-US", "month")]
    Mois,
    #[name = "tout"]
    #[name_localized("en-US", "all time")]
    Tout,
    #[name = "quiz"]
    #[name_localized("en-US", "quiz")]
    Quiz,
}

#[poise::command(slash_command, name_localized("en-US", "leaderboard"))]
pub async fn classement(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "period")] periode: Option<Periode>,
    #[name_localized("en-US", "question")] question: Option<String>,
    #[name_localized("en-US", "reset")] reinitialiser: Option<bool>,
) -> Result<(), Error> {
    let command = if reinitialiser.unwrap_or(false) {
        Command::BoardReset
    } else if let Some(q) = question {
        Command::Leaderboard {
            board: Board::Question(q.trim().to_string()),
        }
    } else {
        let board = match periode {
            Some(Periode::Semaine) => Board::Week,
            Some(Periode::Mois) => Board::Month,
            Some(Periode::Quiz) => Board::Quiz,
            Some(Periode::Tout) | None => Board::AllTime,
        };
        Command::Leaderboard { board }
    };
    respond(ctx, command).await
}

#[poise::command(slash_command, name_localized("en-US", "export"))]
pub async fn export(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::Export).await
}

#[poise::command(slash_command, name_localized("en-US", "marks"))]
pub async fn notes(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "work")]
    #[max_length = 40]
    travail: Option<String>,
) -> Result<(), Error> {
    respond(ctx, Command::Marks { work: travail }).await
}

#[poise::command(slash_command, name_localized("en-US", "draft"))]
pub async fn brouillon(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "share")] partager: Option<bool>,
) -> Result<(), Error> {
    super::draft_form(ctx, partager.unwrap_or(false)).await
}

#[poise::command(
    slash_command,
    rename = "retirer-brouillon",
    name_localized("en-US", "withdraw-draft")
)]
pub async fn retirer_brouillon(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "number")]
    #[min = 1]
    numero: i64,
) -> Result<(), Error> {
    respond(ctx, Command::DraftWithdraw { draft: numero }).await
}

#[poise::command(
    slash_command,
    name_localized("en-US", "vote"),
    subcommands("vote_modeles", "vote_brouillon", "vote_brouillons", "vote_clore"),
    subcommand_required
)]
pub async fn vote(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

#[poise::command(slash_command, rename = "modeles", name_localized("en-US", "models"))]
pub async fn vote_modeles(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "number")]
    #[min = 1]
    #[max = 25]
    numero: Option<u8>,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::VotePost {
            subject: VoteSubject::Models(numero),
        },
    )
    .await
}

#[poise::command(slash_command, rename = "brouillon", name_localized("en-US", "draft"))]
pub async fn vote_brouillon(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "number")]
    #[min = 1]
    numero: i64,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::VotePost {
            subject: VoteSubject::Draft(numero),
        },
    )
    .await
}

#[poise::command(
    slash_command,
    rename = "brouillons",
    name_localized("en-US", "drafts")
)]
pub async fn vote_brouillons(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::VoteDrafts).await
}

#[poise::command(slash_command, rename = "clore", name_localized("en-US", "close"))]
pub async fn vote_clore(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::VoteClose).await
}

/// Autocomplete over question ids of the bundled case: those starting with what is typed.
fn id_choices<'a>(
    ids: impl Iterator<Item = &'a str>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let partial = partial.trim().to_lowercase();
    let choices = ids
        .filter(|id| partial.is_empty() || id.to_lowercase().starts_with(&partial))
        .take(25)
        .map(|id| serenity::AutocompleteChoice::new(id.to_string(), id.to_string()))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// The questions that have a grading grid.
async fn grid_choices(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let case = class_case(ctx).await;
    id_choices(case.grids.iter().map(|g| g.question.as_str()), partial)
}

/// Every question of the case.
async fn question_choices(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let case = class_case(ctx).await;
    id_choices(case.questions.iter().map(|q| q.id.as_str()), partial)
}

#[poise::command(slash_command, name_localized("en-US", "reflection"))]
pub async fn reflexion(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::Reflexion).await
}

/// The parts whose figure the class's subject offers to interpret.
async fn reading_choices(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let case = class_case(ctx).await;
    id_choices(case.readings.parts.iter().map(|p| p.part.as_str()), partial)
}

#[poise::command(slash_command, name_localized("en-US", "interpret"))]
pub async fn interpreter(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "part")]
    #[autocomplete = "reading_choices"]
    #[max_length = 20]
    partie: String,
    #[name_localized("en-US", "reading")]
    #[max_length = 3]
    lecture: Option<String>,
    #[name_localized("en-US", "comment")]
    #[max_length = 1000]
    commentaire: Option<String>,
) -> Result<(), Error> {
    // A letter that is none of A to D is passed on as such: the engine names the letters.
    let choice = lecture
        .as_deref()
        .map(|l| crate::interpret::choice_of_letter(l).unwrap_or(u8::MAX));
    respond(
        ctx,
        Command::Interpret {
            part: PartRef::Id(partie),
            choice,
            comment: commentaire,
        },
    )
    .await
}

#[poise::command(
    slash_command,
    rename = "corrige-type",
    name_localized("en-US", "model-answer")
)]
pub async fn corrige_type(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "question")]
    #[autocomplete = "question_choices"]
    question: String,
) -> Result<(), Error> {
    respond(ctx, Command::ModelAnswer { question }).await
}

#[poise::command(slash_command, name_localized("en-US", "write"))]
pub async fn rediger(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "question")]
    #[autocomplete = "grid_choices"]
    question: String,
) -> Result<(), Error> {
    super::written_form(ctx, question).await
}

#[poise::command(slash_command, name_localized("en-US", "grade"))]
pub async fn corriger(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "paper")]
    #[min = 1]
    copie: Option<i64>,
    #[name_localized("en-US", "points")]
    #[max_length = 200]
    points: Option<String>,
    #[name_localized("en-US", "comment")]
    #[max_length = 1000]
    commentaire: Option<String>,
    #[name_localized("en-US", "agree")] accord: Option<bool>,
) -> Result<(), Error> {
    let marking = points.is_some() || commentaire.is_some() || accord.is_some();
    let command = match copie {
        Some(answer) if marking => Command::Mark {
            answer,
            points: points
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            comment: commentaire,
            agree: accord.unwrap_or(false),
        },
        Some(answer) => Command::Grade {
            answer,
            criteria: None,
        },
        None => Command::GradeQueue,
    };
    respond(ctx, command).await
}

#[poise::command(slash_command, name_localized("en-US", "models"))]
pub async fn modeles(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::LinkedinModels).await
}

#[poise::command(
    slash_command,
    rename = "mes-donnees",
    name_localized("en-US", "my-data")
)]
pub async fn mes_donnees(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::MyData).await
}

#[poise::command(
    slash_command,
    rename = "oublier-moi",
    name_localized("en-US", "forget-me")
)]
pub async fn oublier_moi(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "confirm")] confirmer: Option<bool>,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::ForgetMe {
            confirm: confirmer.unwrap_or(false),
        },
    )
    .await
}

#[poise::command(slash_command, name_localized("en-US", "settings"))]
pub async fn config(
    ctx: Ctx<'_>,
    #[rename = "role-enseignant"]
    #[name_localized("en-US", "teacher-role")]
    role_enseignant: Option<serenity::RoleId>,
    #[rename = "salon-quiz"]
    #[name_localized("en-US", "quiz-channel")]
    salon_quiz: Option<serenity::ChannelId>,
    #[name_localized("en-US", "case")]
    #[autocomplete = "case_choices"]
    cas: Option<String>,
) -> Result<(), Error> {
    let command = Command::Config {
        teacher_role: role_enseignant.map(|r| r.get().to_string()),
        quiz_channel: salon_quiz.map(|c| c.get().to_string()),
        case: cas,
    };
    respond(ctx, command).await
}

/// The loaded subjects, by title and exam session (the value is the case id).
async fn case_choices(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    subject_choices(ctx, partial, false).await
}

/// The subjects the class imported (`/cas retirer`).
async fn own_case_choices(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    subject_choices(ctx, partial, true).await
}

/// The class's subjects, by title and exam session (the value is the case id); with `own`,
/// only those it imported.
async fn subject_choices(
    ctx: Ctx<'_>,
    partial: &str,
    own: bool,
) -> serenity::CreateAutocompleteResponse {
    let data = ctx.data();
    let partial = partial.trim().to_lowercase();
    let cases = match ctx.guild_id() {
        Some(guild) => {
            data.engine
                .class_cases("discord", &guild.get().to_string(), own)
                .await
        }
        None if own => Vec::new(),
        None => data.app.cases.clone(),
    };
    let choices = cases
        .iter()
        .filter(|c| {
            partial.is_empty()
                || c.meta.id.contains(&partial)
                || c.meta.title.to_lowercase().contains(&partial)
                || c.meta.session.to_string().starts_with(&partial)
        })
        .take(25)
        .map(|c| {
            let name = data.app.messages.text(&crate::msg::PlayCaseName {
                title: &c.meta.title,
                session: &c.meta.session.to_string(),
            });
            serenity::AutocompleteChoice::new(
                name.chars().take(100).collect::<String>(),
                c.meta.id.clone(),
            )
        })
        .collect::<Vec<_>>();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

// `/cas liste`, `/cas importer`, `/cas retirer`: the subjects the class can play.
#[poise::command(
    slash_command,
    subcommands("cas_liste", "cas_importer", "cas_retirer"),
    subcommand_required,
    name_localized("en-US", "case")
)]
pub async fn cas(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

#[poise::command(slash_command, rename = "liste", name_localized("en-US", "list"))]
pub async fn cas_liste(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, Command::Cases).await
}

/// How long a file attached to `/cas importer` may take to download.
const DOWNLOAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

// `/cas importer fichier:… [fichier2:…]…`: a zip of the subject, or its TOML files. Each
// file's size is checked against the bound before it is downloaded, and again after.
#[poise::command(slash_command, rename = "importer", name_localized("en-US", "import"))]
#[allow(clippy::too_many_arguments)]
pub async fn cas_importer(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "file")] fichier: serenity::Attachment,
    #[name_localized("en-US", "file2")] fichier2: Option<serenity::Attachment>,
    #[name_localized("en-US", "file3")] fichier3: Option<serenity::Attachment>,
    #[name_localized("en-US", "file4")] fichier4: Option<serenity::Attachment>,
    #[name_localized("en-US", "file5")] fichier5: Option<serenity::Attachment>,
    #[name_localized("en-US", "file6")] fichier6: Option<serenity::Attachment>,
    #[name_localized("en-US", "file7")] fichier7: Option<serenity::Attachment>,
    #[name_localized("en-US", "file8")] fichier8: Option<serenity::Attachment>,
    #[name_localized("en-US", "file9")] fichier9: Option<serenity::Attachment>,
    #[name_localized("en-US", "file10")] fichier10: Option<serenity::Attachment>,
) -> Result<(), Error> {
    let attachments: Vec<serenity::Attachment> = [
        Some(fichier),
        fichier2,
        fichier3,
        fichier4,
        fichier5,
        fichier6,
        fichier7,
        fichier8,
        fichier9,
        fichier10,
    ]
    .into_iter()
    .flatten()
    .collect();
    // Downloading and checking a subject can take longer than Discord's 3 seconds.
    ctx.defer_ephemeral().await?;
    let engine = &ctx.data().engine;
    let max = engine.upload_limits().max_upload_bytes;
    let mut files = Vec::new();
    for a in &attachments {
        let declared = usize::try_from(a.size).unwrap_or(usize::MAX);
        if declared > max {
            return say(ctx, engine.upload_too_large(&a.filename, declared)).await;
        }
        match tokio::time::timeout(DOWNLOAD_TIMEOUT, a.download()).await {
            Ok(Ok(bytes)) if bytes.len() > max => {
                return say(ctx, engine.upload_too_large(&a.filename, bytes.len())).await;
            }
            Ok(Ok(bytes)) => files.push(crate::play::command::Upload {
                name: a.filename.clone(),
                bytes,
            }),
            failed => {
                match failed {
                    Ok(Err(e)) => {
                        tracing::warn!(error = %e, file = %a.filename, "attachment not downloaded")
                    }
                    _ => tracing::warn!(file = %a.filename, "attachment download timed out"),
                }
                let text = ctx
                    .data()
                    .app
                    .messages
                    .text(&crate::msg::DiscordDownloadFailed {
                        file: &crate::render::echo(&a.filename),
                    });
                return say(ctx, text).await;
            }
        }
    }
    respond(ctx, Command::CaseImport { files }).await
}

/// A private answer that does not go through the engine (a file refused before it is read).
async fn say(ctx: Ctx<'_>, text: String) -> Result<(), Error> {
    ctx.send(
        poise::CreateReply::default()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(super::send::no_mentions()),
    )
    .await?;
    Ok(())
}

// `/cas retirer cas:…`: a subject the class imported.
#[poise::command(slash_command, rename = "retirer", name_localized("en-US", "remove"))]
pub async fn cas_retirer(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "case")]
    #[autocomplete = "own_case_choices"]
    cas: String,
) -> Result<(), Error> {
    respond(ctx, Command::CaseRemove { case: cas }).await
}

#[poise::command(
    slash_command,
    rename = "effacer-classe",
    name_localized("en-US", "erase-class")
)]
pub async fn effacer_classe(
    ctx: Ctx<'_>,
    #[name_localized("en-US", "confirm")] confirmer: Option<bool>,
) -> Result<(), Error> {
    respond(
        ctx,
        Command::EraseClass {
            confirm: confirmer.unwrap_or(false),
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::play::command::Access;

    /// Every engine command each slash command can produce (all of its subcommands and
    /// options). A slash command missing here fails the test: adding one means saying who sees it.
    fn produces(name: &str) -> Vec<Command> {
        let text = || String::from("x");
        let scope = Scope::All;
        match name {
            "aide" => vec![Command::Help],
            "annexe" => vec![Command::Annex { number: 1 }],
            "question" => vec![Command::Question { id: text() }],
            "entrainement" => vec![Command::Practice { scope }],
            "repondre" => vec![Command::Answer {
                text: text(),
                item: None,
            }],
            "indice" => vec![
                Command::Hint {
                    confirm: false,
                    item: None,
                },
                Command::Hint {
                    confirm: true,
                    item: None,
                },
            ],
            "solution" => vec![Command::GiveUp],
            "kpi" => vec![Command::Kpi { id: text() }],
            "reflexion" => vec![Command::Reflexion],
            "interpreter" => vec![Command::Interpret {
                part: PartRef::Id(text()),
                choice: Some(1),
                comment: Some(text()),
            }],
            "quiz" => vec![
                Command::QuizLaunch {
                    scope,
                    seconds_per_item: None,
                    total_minutes: None,
                    speed_bonus: false,
                    streak_bonus: false,
                    full_time: false,
                },
                Command::QuizPause,
                Command::QuizResume,
                Command::QuizNext,
                Command::QuizExtend { seconds: 30 },
                Command::QuizStop,
            ],
            "classement" => vec![
                Command::Leaderboard {
                    board: Board::AllTime,
                },
                Command::BoardReset,
            ],
            "export" => vec![Command::Export],
            "notes" => vec![Command::Marks { work: None }],
            "examen" => vec![
                Command::ExamLaunch { minutes: None },
                Command::ExamCopy,
                Command::ExamAnswer {
                    part: text(),
                    text: text(),
                },
                Command::ExamWrite {
                    question: text(),
                    text: text(),
                },
                Command::ExamHandIn { confirm: true },
                Command::ExamStop,
                Command::ExamBonus {
                    student: text(),
                    points: text(),
                },
                Command::ExamPapers { student: None },
            ],
            "brouillon" => vec![Command::DraftCheck {
                text: text(),
                share: true,
            }],
            "retirer-brouillon" => vec![Command::DraftWithdraw { draft: 1 }],
            "modeles" => vec![Command::LinkedinModels],
            "vote" => vec![
                Command::VotePost {
                    subject: VoteSubject::Models(None),
                },
                Command::VoteDrafts,
                Command::VoteClose,
            ],
            "corrige-type" => vec![Command::ModelAnswer { question: text() }],
            "rediger" => vec![Command::WrittenAnswer {
                question: text(),
                text: text(),
            }],
            "corriger" => vec![
                Command::Mark {
                    answer: 1,
                    points: vec![],
                    comment: None,
                    agree: true,
                },
                Command::GradeQueue,
                Command::Grade {
                    answer: 1,
                    criteria: None,
                },
            ],
            "mes-donnees" => vec![Command::MyData],
            "oublier-moi" => vec![Command::ForgetMe { confirm: true }],
            "config" => vec![Command::Config {
                teacher_role: None,
                quiz_channel: None,
                case: None,
            }],
            "cas" => vec![
                Command::Cases,
                Command::CaseImport { files: Vec::new() },
                Command::CaseRemove { case: text() },
            ],
            "effacer-classe" => vec![Command::EraseClass { confirm: true }],
            other => {
                panic!("slash command /{other} has no row: say which engine commands it sends")
            }
        }
    }

    #[test]
    fn teachers_alone_see_the_commands_only_teachers_may_run() {
        let commands = all();
        for name in TEACHER_MENUS {
            assert!(
                commands.iter().any(|c| c.name == *name),
                "/{name} is not a command"
            );
        }
        for command in &commands {
            let sent = produces(&command.name);
            let teacher_only = sent.iter().all(|c| c.access() == Access::Teacher);
            let hidden = command.default_member_permissions == serenity::Permissions::MANAGE_GUILD;
            assert_eq!(
                hidden, teacher_only,
                "/{}: hidden from students = {hidden}, but it sends {sent:?}",
                command.name
            );
            assert!(
                command.default_member_permissions.is_empty() || hidden,
                "/{}: only Manage Server is used to hide a command",
                command.name
            );
        }
    }

    #[test]
    fn every_command_is_offered_in_class_servers_only() {
        for command in all() {
            assert_eq!(
                command.interaction_context,
                Some(vec![serenity::InteractionContext::Guild]),
                "/{}",
                command.name
            );
        }
    }
}
