//! The command line's shape: flags, commands and their French help (clap), and the French
//! wording of clap's errors. Read by `config` (which resolves the settings) and by `cli` (which
//! runs the commands); it imports nothing of casebot.

use clap::{Parser, Subcommand};
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
    /// Écrit le squelette d’un nouveau sujet, valide tel quel, à compléter (voir config/cases/README.md).
    #[command(name = "nouveau-cas", alias = "new-case")]
    NewCase(NewCaseArgs),
    /// Les sujets que les enseignants ont importés : « cas liste », « cas publier ID », « cas depublier ID », « cas retirer ID ».
    Cas {
        #[command(subcommand)]
        action: CasCommand,
    },
    /// Charge un cas et liste chaque problème trouvé, avec sa correction.
    Validate {
        /// Le dossier du cas ; tous les cas de --cases-dir s’il est absent.
        #[arg(value_name = "DOSSIER")]
        pack_dir: Option<PathBuf>,
    },
}

/// The arguments of `nouveau-cas` (and `cas nouveau`).
#[derive(Debug, clap::Args)]
pub struct NewCaseArgs {
    /// L’identifiant du sujet : minuscules sans accent, chiffres et « - » (« mon-sujet-2024 »).
    #[arg(value_name = "ID")]
    pub id: String,
    /// Dossier du modèle de sujet.
    #[arg(
        long,
        env = "CASEBOT_SKELETON_DIR",
        default_value = "config/skeleton",
        value_name = "DOSSIER"
    )]
    pub skeleton_dir: PathBuf,
}

/// `casebot cas …`: what the bot's operator does with the subjects teachers imported.
#[derive(Debug, Subcommand)]
pub enum CasCommand {
    /// Liste les sujets importés : identifiant, titre, classe, enseignant, version.
    #[command(name = "liste", alias = "list")]
    List,
    /// Publie à toutes les classes un sujet qu’une classe a importé.
    #[command(name = "publier", alias = "publish")]
    Publish {
        /// L’identifiant du sujet (voir « casebot cas liste »).
        #[arg(value_name = "ID")]
        id: String,
        /// La classe qui l’a importé, quand plusieurs classes ont un sujet de cet identifiant (son nom ou son identifiant Discord).
        #[arg(long = "classe", value_name = "CLASSE")]
        class: Option<String>,
    },
    /// Rend un sujet publié à la classe qui l’a importé, pour qu’elle le corrige (puis « cas publier » de nouveau).
    #[command(name = "depublier", alias = "unpublish")]
    Unpublish {
        /// L’identifiant du sujet publié.
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Retire un sujet importé (publié, ou d’une classe avec --classe) ; les résultats obtenus dessus restent.
    #[command(name = "retirer", alias = "remove")]
    Remove {
        /// L’identifiant du sujet.
        #[arg(value_name = "ID")]
        id: String,
        /// La classe qui l’a importé (son nom ou son identifiant Discord), pour un sujet non publié.
        #[arg(long = "classe", value_name = "CLASSE")]
        class: Option<String>,
    },
    /// Écrit le squelette d’un nouveau sujet (comme « casebot nouveau-cas »).
    #[command(name = "nouveau", alias = "new")]
    New(NewCaseArgs),
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
