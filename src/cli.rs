//! The command line: what teachers and tests run. Each command is a thin shell over the core.

use crate::app::App;
use crate::case::Case;
use crate::check::Verdict;
use crate::config::Config;
use crate::startup::Startup;
use crate::{msg, render};
use clap::{Parser, Subcommand};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

// The help is compiled in, not read from `prompts/fr`: it must work before the texts are found
// (from another folder, or with a wrong --messages-dir, which is what it explains). Its
// headings, the help and version flags and clap's errors are put into French by [`command`]
// and [`french_error`].
#[derive(Debug, Parser)]
#[command(
    name = "casebot",
    version,
    about = "Tuteur BTS NDRC (épreuve E5) : le cas, ses indicateurs, les quiz et la correction.",
    after_help = "Sans commande : le bot Discord si un jeton est défini, sinon la console.\n\
                  Lancez casebot depuis le dossier du projet (celui qui contient config/ et prompts/).\n\
                  Guide de l’enseignant : GUIDE-ENSEIGNANT.md"
)]
pub struct Cli {
    /// Dossier des cas (un sous-dossier par cas).
    #[arg(
        long,
        env = "CASEBOT_CASES_DIR",
        default_value = "config/cases",
        global = true,
        value_name = "DOSSIER"
    )]
    pub cases_dir: PathBuf,
    /// Dossier des textes du bot.
    #[arg(
        long,
        env = "CASEBOT_MESSAGES_DIR",
        default_value = "prompts/fr",
        global = true,
        value_name = "DOSSIER"
    )]
    pub messages_dir: PathBuf,
    /// Cas à utiliser (son identifiant) ; le premier cas par défaut.
    #[arg(long, env = "CASEBOT_CASE", global = true, value_name = "ID")]
    pub case: Option<String>,
    /// Fichier de la base SQLite (créé au premier lancement).
    #[arg(
        long,
        env = "CASEBOT_DB",
        default_value = "data/casebot.db",
        global = true,
        value_name = "FICHIER"
    )]
    pub db: PathBuf,
    /// Règles du jeu (points, indices, durées des quiz).
    #[arg(
        long,
        env = "CASEBOT_PLAY_CONFIG",
        default_value = "config/play.toml",
        global = true,
        value_name = "FICHIER"
    )]
    pub play_config: PathBuf,
    /// Fichier non versionné qui peut contenir le jeton Discord (`discord_token = "…"`).
    #[arg(
        long,
        env = "CASEBOT_SECRETS",
        default_value = "secrets.toml",
        global = true,
        value_name = "FICHIER"
    )]
    pub secrets: PathBuf,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Un indicateur avec son calcul détaillé (« kpi list » : tous les indicateurs).
    Kpi {
        /// « list », ou un indicateur : identifiant, nom ou mots (« taux de clic »).
        #[arg(value_name = "INDICATEUR")]
        id: String,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Corrige une réponse à un indicateur, comme le bot : juste, presque, faux ou illisible.
    Check {
        /// L’indicateur : identifiant, nom ou mots.
        #[arg(value_name = "INDICATEUR")]
        kpi: String,
        /// La réponse, telle qu’un élève l’écrit (« 17,76 % »).
        #[arg(allow_hyphen_values = true, value_name = "RÉPONSE")]
        answer: String,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Affiche une annexe (de 1 à 9), comme le bot.
    Annex {
        /// Le numéro de l’annexe.
        #[arg(value_name = "NUMÉRO")]
        number: u8,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Affiche une question (« 1.1 ») ou un calcul (« 1.1.a »), comme le bot.
    Question {
        /// La question ou le calcul.
        #[arg(value_name = "QUESTION")]
        id: String,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Joue une classe dans le terminal : « alice> /repondre 17,76 % », « prof> /quiz lancer dossier:1 ».
    Console {
        /// Nom de la classe.
        #[arg(long, default_value = "console", value_name = "NOM")]
        class: String,
        /// Utilisateur enseignant (répétez l’option pour plusieurs).
        #[arg(long = "teacher", default_value = "prof", value_name = "NOM")]
        teachers: Vec<String>,
        /// Qui écrit quand une ligne ne nomme personne.
        #[arg(long, default_value = "eleve", value_name = "NOM")]
        user: String,
    },
    /// Lance le bot Discord (jeton : DISCORD_TOKEN ou secrets.toml).
    Discord,
    /// Présente le cas, ses dossiers et ses questions.
    Case,
    /// Dessine un graphique en PNG (« chart list » : tous les graphiques).
    Chart {
        /// « list », ou le nom d’un graphique.
        #[arg(value_name = "NOM")]
        name: String,
        /// Fichier PNG à écrire (par défaut : <NOM>.png).
        #[arg(long, value_name = "FICHIER")]
        out: Option<PathBuf>,
        /// Numéro du quiz, pour les graphiques de classe (sans lui : données d’exemple).
        #[arg(long, value_name = "NUMÉRO")]
        quiz: Option<i64>,
        /// Rang de la question dans le quiz (1 = la première), pour classe-reponses.
        #[arg(long, default_value_t = 1, value_name = "RANG")]
        item: i64,
        /// Nom de l’élève, pour classe-resultats.
        #[arg(long, value_name = "NOM")]
        student: Option<String>,
    },
    /// L’atelier LinkedIn : publications modèles, analyse d’un brouillon, grilles de correction.
    Linkedin {
        #[command(subcommand)]
        action: crate::linkedin::cli::LinkedinCommand,
    },
    /// Sauvegarde la base pendant que le bot tourne : une copie cohérente, vérifiée (voir le guide d’exploitation du README).
    #[command(name = "sauvegarde")]
    Backup {
        /// Le fichier de la copie (il ne doit pas exister).
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
    },
    /// Charge un cas et liste chaque problème trouvé, avec sa correction.
    Validate {
        /// Le dossier du cas ; tous les cas de --cases-dir s’il est absent.
        #[arg(value_name = "DOSSIER")]
        pack_dir: Option<PathBuf>,
    },
}

/// The command line as the binary reads it: [`Cli`]'s arguments with French headings, help
/// and version flags, usage placeholders and annotations (default values, variables).
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    // The options of every command come before the ones all commands share.
    let root = french(Cli::command().mut_args(|arg| arg.display_order(900)));
    root.disable_version_flag(true).arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .display_order(1001)
            .help("Affiche la version"),
    )
}

/// One command (and, recursively, its subcommands) in French.
fn french(cmd: clap::Command) -> clap::Command {
    let cmd = cmd
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .subcommand_value_name("COMMANDE")
        .mut_args(|arg| {
            // clap writes "[default: …]" and "[env: …]": said here in French instead.
            let mut notes = Vec::new();
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && arg.get_action().takes_values() {
                notes.push(format!("par défaut : {}", defaults.join(", ")));
            }
            if let Some(env) = arg.get_env() {
                notes.push(format!("variable {}", env.to_string_lossy()));
            }
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            let arg = if arg.get_action().takes_values() {
                arg.hide_default_value(true)
            } else {
                arg
            };
            let arg = arg.hide_env(true);
            if notes.is_empty() {
                arg
            } else {
                arg.help(format!("{help} [{}]", notes.join(" ; ")))
            }
        })
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::HelpShort)
                .display_order(1000)
                .help("Affiche cette aide"),
        )
        .mut_subcommands(french);
    let mut template = String::from("{about-with-newline}\nUtilisation : {usage}\n");
    if cmd.get_subcommands().next().is_some() {
        template.push_str("\nCommandes :\n{subcommands}\n");
    }
    if cmd.get_positionals().next().is_some() {
        template.push_str("\nArguments :\n{positionals}\n");
    }
    template.push_str("\nOptions :\n{options}");
    if cmd.get_after_help().is_some() {
        template.push_str("{after-help}");
    }
    cmd.help_template(template)
}

/// Reads the command line; on a mistake or for --help, what to print and the exit status.
pub fn parse_from<I, T>(args: I) -> Result<Cli, (String, ExitCode)>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let mut cmd = command();
    let matches = cmd
        .try_get_matches_from_mut(args.clone())
        .map_err(|e| french_error(&mut cmd, &args, &e))?;
    Cli::from_arg_matches(&matches).map_err(|e| french_error(&mut cmd, &args, &e))
}

/// The (sub)command the arguments name, as the words to type (`casebot linkedin check`), and
/// its usage.
fn named_command(cmd: &mut clap::Command, args: &[std::ffi::OsString]) -> (String, String) {
    cmd.build();
    let mut path = Vec::new();
    let mut current: &clap::Command = cmd;
    for arg in args.iter().skip(1) {
        let Some(word) = arg.to_str() else { break };
        if let Some(sub) = current.find_subcommand(word) {
            path.push(word.to_string());
            current = sub;
        }
    }
    fn usage_of(cmd: &mut clap::Command, path: &[String]) -> String {
        match path.split_first() {
            Some((word, rest)) => match cmd.find_subcommand_mut(word) {
                Some(sub) => usage_of(sub, rest),
                None => cmd.render_usage().to_string(),
            },
            None => cmd.render_usage().to_string(),
        }
    }
    let usage = usage_of(cmd, &path);
    let mut words = vec![cmd.get_name().to_string()];
    words.extend(path);
    // clap's usage starts with its own heading.
    let usage = usage.trim().trim_start_matches("Usage:").trim().to_string();
    (words.join(" "), usage)
}

fn with_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// What to print for a clap error, in French, and the exit status (0 for --help and
/// --version, 2 for a mistake on the command line, as clap does).
fn french_error(
    cmd: &mut clap::Command,
    args: &[std::ffi::OsString],
    e: &clap::Error,
) -> (String, ExitCode) {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            return (with_newline(e.render().to_string()), ExitCode::SUCCESS)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return (with_newline(e.render().to_string()), ExitCode::from(2))
        }
        _ => {}
    }
    let text = |kind: ContextKind| -> String {
        match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(list)) => list.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(list)) => list
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut message = match e.kind() {
        ErrorKind::UnknownArgument => format!("option ou argument inattendu : « {arg} »."),
        ErrorKind::InvalidSubcommand => format!(
            "commande inconnue : « {} ».",
            text(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingSubcommand => format!(
            "il manque la commande après « {} » (au choix : {}).",
            text(ContextKind::InvalidSubcommand),
            text(ContextKind::ValidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => format!("il manque : {arg}."),
        ErrorKind::InvalidValue if value.is_empty() => format!("il manque la valeur de {arg}."),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = text(ContextKind::ValidValue);
            let mut m = format!("« {value} » ne convient pas pour {arg}");
            if !valid.is_empty() {
                m.push_str(&format!(" (au choix : {valid})"));
            } else if e.kind() == ErrorKind::ValueValidation {
                m.push_str(" : écrivez un nombre entier, par exemple 2");
            }
            m.push('.');
            m
        }
        ErrorKind::NoEquals => format!("écrivez {arg}=VALEUR."),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("trop de valeurs pour {arg} (« {value} »).")
        }
        ErrorKind::TooFewValues => format!("il manque des valeurs pour {arg}."),
        ErrorKind::ArgumentConflict => format!(
            "{arg} ne peut pas être utilisé avec {}.",
            text(ContextKind::PriorArg)
        ),
        ErrorKind::InvalidUtf8 => "un argument n’est pas du texte UTF-8.".to_string(),
        _ => "ligne de commande incorrecte.".to_string(),
    };
    let suggested = [
        text(ContextKind::SuggestedArg),
        text(ContextKind::SuggestedSubcommand),
        text(ContextKind::SuggestedValue),
    ];
    if let Some(s) = suggested.iter().find(|s| !s.is_empty()) {
        message.push_str(&format!(" Vouliez-vous dire « {s} » ?"));
    }
    let (more, usage) = named_command(cmd, args);
    (
        format!(
            "Erreur : {message}\n\nUtilisation : {usage}\n\nPour en savoir plus : {more} --help\n"
        ),
        ExitCode::from(2),
    )
}

/// Exit status for "what you asked for does not exist".
const NOT_FOUND: u8 = 2;

/// Runs the command line and returns the exit status.
pub fn run(cli: Cli, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let config = Config::resolve(&cli, &crate::config::ProcessEnvironment)?;
    let paths = config.paths.clone();
    if let Some(Command::Validate { pack_dir }) = &cli.command {
        let loaded = match pack_dir {
            Some(dir) => App::load_pack(&paths.messages_dir, dir),
            None => App::load(&paths),
        };
        return match loaded {
            Ok(app) => {
                for case in &app.cases {
                    let line = app.messages.render(
                        msg::CLI_VALIDATE_OK,
                        &[
                            ("case", &case.meta.id),
                            ("annexes", &case.annexes.len().to_string()),
                            ("kpis", &case.kpis.len().to_string()),
                            ("questions", &case.questions.len().to_string()),
                            ("texts", &case.texts.ids().len().to_string()),
                        ],
                    );
                    writeln!(out, "{line}")?;
                }
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                // As every start-up error reads: « Erreur : le cas du dossier … ».
                writeln!(out, "Erreur : {e}")?;
                Ok(ExitCode::FAILURE)
            }
        };
    }
    let app = App::load(&paths)?;
    if let Some(Command::Backup { file }) = &cli.command {
        return backup(&app, &config.db, file, out);
    }
    if matches!(cli.command, Some(Command::Discord)) && config.discord.is_none() {
        let file = config.secrets_file.display().to_string();
        writeln!(
            out,
            "{}",
            app.messages.render(msg::CLI_NO_TOKEN, &[("file", &file)])
        )?;
        return Ok(ExitCode::FAILURE);
    }
    if let Some(discord) = config.discord.clone() {
        let runtime = runtime()?;
        return runtime.block_on(async {
            let startup = Startup::build(std::sync::Arc::new(app), &config).await?;
            tracing::info!(db = %config.db.display(), api = ?discord.api_base, "starting the Discord bot");
            let clock = std::sync::Arc::new(crate::clock::TokioClock::new());
            crate::discord::run(discord, startup, clock).await?;
            Ok(ExitCode::SUCCESS)
        });
    }
    let console = match &cli.command {
        None => Some((
            "console".to_string(),
            vec!["prof".to_string()],
            "eleve".to_string(),
            true,
        )),
        Some(Command::Console {
            class,
            teachers,
            user,
        }) => Some((class.clone(), teachers.clone(), user.clone(), false)),
        _ => None,
    };
    if let Some((class, teachers, user, by_default)) = console {
        let runtime = runtime()?;
        return runtime.block_on(run_console(app, &config, class, teachers, user, by_default));
    }
    let case = match app.case(config.case.as_deref()) {
        Some(c) => c,
        None => {
            let ids: Vec<&str> = app.cases.iter().map(|c| c.meta.id.as_str()).collect();
            let list = ids.join(", ");
            writeln!(
                out,
                "{}",
                app.messages
                    .render(msg::CLI_UNKNOWN_CASE, &[("list", &list)])
            )?;
            return Ok(ExitCode::from(NOT_FOUND));
        }
    };
    case_command(&app, case, &config, cli.command, out)
}

/// A command on the case (`case`, `kpi`, `check`, `annex`, `question`, `linkedin`, `chart`).
fn case_command(
    app: &App,
    case: &crate::pack::CasePack,
    config: &Config,
    command: Option<Command>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let m = &app.messages;
    match command {
        None
        | Some(Command::Console { .. })
        | Some(Command::Discord)
        | Some(Command::Backup { .. })
        | Some(Command::Validate { .. }) => Ok(ExitCode::SUCCESS),
        Some(Command::Case) => {
            writeln!(out, "{}", overview(app, case))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Kpi { id, json }) if id == "list" => kpi_list(m, case, json, out),
        Some(Command::Kpi { id, json }) => kpi(m, case, &id, json, out),
        Some(Command::Check { kpi, answer, json }) => check(m, case, &kpi, &answer, json, out),
        Some(Command::Annex { number, json }) => annex(m, case, number, json, out),
        Some(Command::Question { id, json }) => question(m, case, &id, json, out),
        Some(Command::Linkedin { action }) => {
            crate::linkedin::cli::run(m, case, case.workshop.as_ref(), action, out)
        }
        Some(Command::Chart {
            name,
            out: file,
            quiz,
            item,
            student,
        }) => chart(app, case, &config.db, &name, file, quiz, item, student, out),
    }
}

/// `casebot kpi list`.
fn kpi_list(
    m: &crate::prompts::Prompts,
    case: &Case,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    if json {
        let list: Vec<_> = (0..case.kpis.len())
            .filter_map(|i| case.kpi_result(i).ok())
            .map(|r| {
                json!({"id": r.id, "label": r.label, "unit": r.unit, "precision": r.precision,
                       "value": r.value, "exact": r.exact, "text": r.text, "annexes": r.annexes})
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
    } else {
        writeln!(
            out,
            "{}",
            m.render(
                msg::KPI_LIST_HEADER,
                &[
                    ("count", &case.kpis.len().to_string()),
                    ("case", &case.meta.title)
                ]
            )
        )?;
        for (i, k) in case.kpis.iter().enumerate() {
            let value = case.evaluate(i).map(|v| k.display(v)).unwrap_or_default();
            writeln!(out, "{:<34} {:>16}  {}", k.id, value, k.label)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `casebot kpi <name>`.
fn kpi(
    m: &crate::prompts::Prompts,
    case: &Case,
    id: &str,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let index = match named_kpi(m, case, id, |id| format!("casebot kpi {id}")) {
        Ok(index) => index,
        Err(text) => {
            writeln!(out, "{text}")?;
            return Ok(ExitCode::from(NOT_FOUND));
        }
    };
    let result = case.kpi_result(index)?;
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&result)?)?;
    } else {
        writeln!(out, "{}", render::kpi(m, &result))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `casebot check <kpi> <answer>`.
fn check(
    m: &crate::prompts::Prompts,
    case: &crate::pack::CasePack,
    kpi: &str,
    answer: &str,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let example = |id: &str| format!("casebot check {id} \"{answer}\"");
    let index = match named_kpi(m, case, kpi, example) {
        Ok(index) => index,
        Err(text) => {
            writeln!(out, "{text}")?;
            return Ok(ExitCode::from(NOT_FOUND));
        }
    };
    let outcome = case.check(index, answer);
    let message = render::verdict(m, case, index, &outcome);
    if json {
        let k = &case.kpis[index];
        let exact = case.evaluate(index)?;
        let mistake = match &outcome.reason {
            crate::check::Reason::Mistake(mk) => Some(mk.id()),
            _ => None,
        };
        let value = json!({
            "kpi": k.id,
            "verdict": outcome.verdict,
            "expected": k.rounded(exact),
            "expected_text": k.display(exact),
            "exact": exact,
            "given": outcome.given,
            "unit": k.unit,
            "mistake": mistake,
            "message": message,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else {
        writeln!(out, "{message}")?;
        if outcome.verdict == Verdict::Invalid {
            tracing::debug!(?outcome, "answer not understood");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `casebot annex <n>`.
fn annex(
    m: &crate::prompts::Prompts,
    case: &Case,
    number: u8,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let Some(text) = render::annex(m, case, number) else {
        let max = case.annexes.iter().map(|a| a.number).max().unwrap_or(0);
        writeln!(
            out,
            "{}",
            m.render(
                msg::ANNEX_UNKNOWN,
                &[("number", &number.to_string()), ("max", &max.to_string())]
            )
        )?;
        return Ok(ExitCode::from(NOT_FOUND));
    };
    if json {
        let annex = case.annex(number).map(|a| (&a.title, &a.source));
        let value = json!({"number": number, "title": annex.map(|a| a.0),
                           "source": annex.map(|a| a.1), "text": text});
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else {
        writeln!(out, "{text}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `casebot question <id>`.
fn question(
    m: &crate::prompts::Prompts,
    case: &Case,
    id: &str,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let text = if let Some(q) = case.question(id) {
        render::question(m, case, q)
    } else if let Some((_, p)) = case.part(id) {
        render::part(m, case, p)
    } else {
        let list: Vec<&str> = case.questions.iter().map(|q| q.id.as_str()).collect();
        writeln!(
            out,
            "{}",
            m.render(
                msg::QUESTION_UNKNOWN,
                &[("id", id), ("list", &list.join(", "))]
            )
        )?;
        return Ok(ExitCode::from(NOT_FOUND));
    };
    if json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json!({"id": id, "text": text}))?
        )?;
    } else {
        writeln!(out, "{text}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `casebot chart`.
#[allow(clippy::too_many_arguments)]
fn chart(
    app: &App,
    case: &Case,
    db: &std::path::Path,
    name: &str,
    file: Option<PathBuf>,
    quiz: Option<i64>,
    item: i64,
    student: Option<String>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    use crate::chart;
    let m = &app.messages;
    if name == "list" {
        for info in chart::case_charts(case, m) {
            let annexes: Vec<String> = info.annexes.iter().map(u8::to_string).collect();
            let annexes = m.render(
                msg::CLI_CHART_ANNEXES,
                &[
                    ("n", &annexes.len().to_string()),
                    ("list", &annexes.join(",")),
                ],
            );
            writeln!(out, "{:<28} {:<16} {}", info.name, annexes, info.title)?;
        }
        for class in [
            "classe-reponses",
            "classe-podium",
            "classe-scores",
            "classe-resultats",
        ] {
            writeln!(out, "{class:<28} {}", m.render(msg::CLI_CHART_CLASS, &[]))?;
        }
        let vote = "classe-vote";
        writeln!(out, "{vote:<28} {}", m.render(msg::CLI_CHART_SAMPLE, &[]))?;
        return Ok(ExitCode::SUCCESS);
    }
    let png = if name.starts_with("classe-") {
        match quiz {
            None => chart::sample::render(case, m, name)?,
            Some(quiz) => {
                let runtime = runtime()?;
                let rendered = runtime.block_on(async {
                    let store = crate::startup::open_store(db).await?;
                    let report = crate::play::report::answer_spread;
                    let png = match name {
                        "classe-reponses" => match report(&store, case, quiz, item - 1).await? {
                            Some(data) => Some(chart::render_answer_spread(m, &data)?),
                            None => None,
                        },
                        "classe-podium" => Some(chart::render_podium(
                            m,
                            &crate::play::report::quiz_points(&store, quiz).await?,
                        )?),
                        "classe-scores" => {
                            let points: Vec<_> = crate::play::report::quiz_points(&store, quiz)
                                .await?
                                .into_iter()
                                .map(|p| p.1)
                                .collect();
                            let max = crate::play::report::quiz_max_points(&store, quiz).await?;
                            Some(chart::render_score_distribution(m, &points, max)?)
                        }
                        "classe-resultats" => {
                            let who = student.clone().unwrap_or_default();
                            let rows =
                                crate::play::report::student_results(&store, case, quiz, &who)
                                    .await?;
                            Some(chart::render_student_results(m, &rows)?)
                        }
                        _ => None,
                    };
                    anyhow::Ok(png)
                })?;
                match rendered {
                    Some(png) => png,
                    None => {
                        let (quiz, item) = (quiz.to_string(), item.to_string());
                        let text =
                            m.render(msg::CLI_CHART_NOTHING, &[("quiz", &quiz), ("item", &item)]);
                        writeln!(out, "{text}")?;
                        return Ok(ExitCode::from(NOT_FOUND));
                    }
                }
            }
        }
    } else {
        match chart::render_case_chart(case, m, name) {
            Ok(png) => png,
            Err(chart::ChartError::UnknownChart(_)) => {
                writeln!(
                    out,
                    "{}",
                    m.render(msg::CLI_CHART_UNKNOWN, &[("name", name)])
                )?;
                return Ok(ExitCode::from(NOT_FOUND));
            }
            Err(e) => return Err(e.into()),
        }
    };
    let path = file.unwrap_or_else(|| PathBuf::from(format!("{name}.png")));
    if let Err(e) = std::fs::write(&path, &png) {
        anyhow::bail!(
            "{} : écriture impossible ({}). Choisissez un autre fichier avec --out FICHIER.png.",
            path.display(),
            crate::problem::wording::io_error(&e)
        );
    }
    let (file, bytes) = (path.display().to_string(), png.len().to_string());
    writeln!(
        out,
        "{}",
        m.render(
            msg::CLI_CHART_WRITTEN,
            &[("file", &file), ("bytes", &bytes)]
        )
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The async runtime, or a French error.
fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Runtime::new().map_err(|e| {
        anyhow::anyhow!(
            "le moteur de casebot ne peut pas démarrer ({})",
            crate::problem::wording::io_error(&e)
        )
    })
}

/// Opens the database, or says in French why not and what to do (the cause chain, in English,
/// goes to the log).
/// `casebot sauvegarde FICHIER`: a checked copy of the database, taken while the bot may run.
fn backup(
    app: &App,
    db: &std::path::Path,
    file: &std::path::Path,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    use crate::store::BackupError;
    let m = &app.messages;
    let result = runtime()?.block_on(crate::store::backup_file(db, file));
    let (db_text, file_text) = (db.display().to_string(), file.display().to_string());
    match result {
        Ok(size) => {
            let size = crate::format::number(rust_decimal::Decimal::from(size), 0);
            writeln!(
                out,
                "{}",
                m.render(
                    msg::CLI_BACKUP_DONE,
                    &[("file", &file_text), ("size", &size), ("db", &db_text)],
                )
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            tracing::debug!(error = %e, "backup failed");
            let text = match &e {
                BackupError::Exists(_) => m.render(msg::CLI_BACKUP_EXISTS, &[("file", &file_text)]),
                BackupError::NoDatabase(_) => {
                    m.render(msg::CLI_BACKUP_NO_DATABASE, &[("db", &db_text)])
                }
                BackupError::Io(io) => m.render(
                    msg::CLI_BACKUP_FAILED,
                    &[
                        ("file", &file_text),
                        ("cause", &crate::problem::wording::io_error(io)),
                    ],
                ),
                BackupError::Db(_) => m.render(
                    msg::CLI_BACKUP_FAILED,
                    &[
                        ("file", &file_text),
                        ("cause", &m.render(msg::CLI_BACKUP_CAUSE_DB, &[])),
                    ],
                ),
                BackupError::Corrupt(_) => m.render(
                    msg::CLI_BACKUP_FAILED,
                    &[
                        ("file", &file_text),
                        ("cause", &m.render(msg::CLI_BACKUP_CAUSE_CORRUPT, &[])),
                    ],
                ),
            };
            writeln!(out, "Erreur : {text}")?;
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Starts the engine on the database and runs the console on standard input and output.
async fn run_console(
    app: App,
    config: &Config,
    class: String,
    teachers: Vec<String>,
    user: String,
    by_default: bool,
) -> anyhow::Result<ExitCode> {
    use std::sync::{Arc, Mutex};
    let db = config.db.as_path();
    // Opened first: when the database cannot be used, no banner promises a session.
    let startup = Startup::build(Arc::new(app), config).await?;
    let app = &startup.app;
    let out: crate::console::Output = Arc::new(Mutex::new(Box::new(std::io::stdout())));
    let case_title = app
        .cases
        .first()
        .map(|c| c.meta.title.clone())
        .unwrap_or_default();
    {
        let mut o = out
            .lock()
            .map_err(|_| anyhow::anyhow!("console output poisoned"))?;
        let m = &app.messages;
        if by_default {
            writeln!(o, "{}", m.render(msg::CONSOLE_NO_TOKEN, &[]))?;
        }
        let db_text = db.display().to_string();
        let banner = m.render(
            msg::CONSOLE_BANNER,
            &[
                ("class", &class),
                ("case", &case_title),
                ("db", &db_text),
                ("teachers", &teachers.join(", ")),
                ("n", &teachers.len().to_string()),
            ],
        );
        writeln!(o, "{banner}\n")?;
    }
    let files_dir = db.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    let outbox = Arc::new(crate::console::ConsoleOutbox::new(
        out.clone(),
        files_dir.clone(),
        app.messages.clone(),
    ));
    let engine = startup
        .engine(Arc::new(crate::clock::TokioClock::new()), outbox)
        .await?;
    let options = crate::console::ConsoleOptions {
        class,
        teachers,
        default_user: user,
        files_dir,
    };
    crate::console::run(
        engine,
        tokio::io::BufReader::new(tokio::io::stdin()),
        out,
        options,
    )
    .await?;
    Ok(ExitCode::SUCCESS)
}

/// The KPI a name given on the command line designates, read as `/kpi` reads it (id, label,
/// alias or their words: see [`Case::find_kpis`]). Otherwise, what to print: the unknown-KPI
/// message, or the KPIs the name fits with `example(id)` showing how to name the first one.
fn named_kpi(
    m: &crate::prompts::Prompts,
    case: &Case,
    name: &str,
    example: impl Fn(&str) -> String,
) -> Result<usize, String> {
    match case.find_kpis(name) {
        crate::case::KpiMatch::One(index) => Ok(index),
        crate::case::KpiMatch::Several(found) => {
            let example = example(&case.kpis[found[0]].id);
            Err(case.kpi_choices(m, name, &found, &example, true))
        }
        crate::case::KpiMatch::None => Err(m.render(msg::KPI_UNKNOWN, &[("id", name.trim())])),
    }
}

/// What `casebot case` prints: the case and what can be asked.
fn overview(app: &App, case: &Case) -> String {
    let m = &app.messages;
    let mut out = m.render(
        msg::CLI_CASE_HEADER,
        &[
            ("title", &case.meta.title),
            ("exam", &case.meta.exam),
            ("session", &case.meta.session.to_string()),
            ("code", &case.meta.code),
        ],
    );
    out.push_str("\n\n");
    out.push_str(&case.text("case.intro"));
    out.push('\n');
    for d in &case.dossiers {
        out.push_str(&format!(
            "\n**{} – {}** ({})\n",
            d.id,
            d.title,
            render::points(m, d.points)
        ));
        for q in case.questions.iter().filter(|q| q.dossier == d.id) {
            out.push_str(&format!("- {} ({})\n", q.id, render::points(m, q.points)));
        }
    }
    out
}
