//! One configuration: every setting casebot starts with is resolved here, once, into [`Config`].
//!
//! Precedence, for every setting: **flag > environment > file > default**.
//!
//! | setting | flag | environment | file | default |
//! |---|---|---|---|---|
//! | cases folder | `--cases-dir` | `CASEBOT_CASES_DIR` | – | `config/cases` |
//! | texts folder | `--messages-dir` | `CASEBOT_MESSAGES_DIR` | – | `prompts/fr` |
//! | case | `--case` | `CASEBOT_CASE` | – | the first case |
//! | database | `--db` | `CASEBOT_DB` | – | `data/casebot.db` |
//! | rules of play | `--play-config` | `CASEBOT_PLAY_CONFIG` | that file's contents | `config/play.toml` |
//! | secrets file | `--secrets` | `CASEBOT_SECRETS` | – | `secrets.toml` |
//! | Discord token | none (a flag shows in `ps`) | `DISCORD_TOKEN` | `discord_token` in the secrets file | none: the console |
//! | Discord API base | – | `CASEBOT_DISCORD_API` | – | Discord itself |
//! | development server | – | `CASEBOT_DISCORD_GUILD` | – | commands registered globally |
//! | log filter | – | `RUST_LOG` | – | `warn` (read by [`crate::telemetry`], before anything else) |
//!
//! Flags and the variables that mirror them are read by clap ([`crate::args::Cli`]); the others
//! through an [`Environment`], so that tests resolve a configuration without touching the
//! process's environment.

use crate::app::Paths;
use crate::args::{Cli, Command};
use crate::play::settings::PlaySettings;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where the variables that no flag mirrors are read from.
pub trait Environment {
    fn var(&self, name: &str) -> Option<String>;
}

/// The process's own environment.
pub struct ProcessEnvironment;

impl Environment for ProcessEnvironment {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
}

/// A fixed environment (tests).
impl Environment for HashMap<&str, &str> {
    fn var(&self, name: &str) -> Option<String> {
        self.get(name).map(|v| v.to_string())
    }
}

/// Everything casebot starts with.
#[derive(Debug, Clone)]
pub struct Config {
    pub paths: Paths,
    /// The case asked for (its id); the first case when `None`.
    pub case: Option<String>,
    pub db: PathBuf,
    /// The file of the rules of play (read by [`Config::play`]).
    pub play_file: PathBuf,
    pub secrets_file: PathBuf,
    /// How to reach Discord; `None` when no token is set anywhere, or when the command does not
    /// run the bot (the secrets file is then not read).
    pub discord: Option<DiscordConfig>,
}

impl Config {
    /// Resolves the configuration of a parsed command line.
    pub fn resolve(cli: &Cli, env: &dyn Environment) -> anyhow::Result<Config> {
        let runs_the_bot = matches!(cli.command, None | Some(Command::Discord));
        let discord = if runs_the_bot {
            discord(&cli.secrets, env)?
        } else {
            None
        };
        Ok(Config {
            paths: Paths {
                cases_dir: cli.cases_dir.clone(),
                messages_dir: cli.messages_dir.clone(),
            },
            case: cli.case.clone(),
            db: cli.db.clone(),
            play_file: cli.play_config.clone(),
            secrets_file: cli.secrets.clone(),
            discord,
        })
    }

    /// The rules of play, read and checked (French errors with the file and key).
    pub fn play(&self) -> Result<PlaySettings, crate::play::settings::SettingsError> {
        PlaySettings::load(&self.play_file)
    }
}

#[derive(serde::Deserialize)]
struct Secrets {
    discord_token: Option<String>,
}

/// The token from `DISCORD_TOKEN`, else from the secrets file (`discord_token = "…"`); `None`
/// when neither has one. The API base and the development server come from the environment.
fn discord(secrets_file: &Path, env: &dyn Environment) -> anyhow::Result<Option<DiscordConfig>> {
    let from_env = env.var("DISCORD_TOKEN").filter(|t| !t.trim().is_empty());
    let token = match from_env {
        Some(t) => Some(t),
        None if secrets_file.is_file() => token_in(secrets_file)?,
        None => None,
    };
    let Some(token) = token else { return Ok(None) };
    let dev_guild = match env.var("CASEBOT_DISCORD_GUILD") {
        Some(g) if !g.trim().is_empty() => Some(g.trim().parse().map_err(|_| {
            anyhow::anyhow!(
                "CASEBOT_DISCORD_GUILD vaut « {} » : écrivez l’identifiant du serveur, en chiffres (clic droit sur le serveur, « Copier l’identifiant du serveur », en mode développeur)",
                g.trim()
            )
        })?),
        _ => None,
    };
    Ok(Some(DiscordConfig {
        token: Token::new(token.trim()),
        api_base: env
            .var("CASEBOT_DISCORD_API")
            .filter(|b| !b.trim().is_empty()),
        dev_guild,
    }))
}

fn token_in(secrets_file: &Path) -> anyhow::Result<Option<String>> {
    let src = std::fs::read_to_string(secrets_file).map_err(|e| {
        anyhow::anyhow!(
            "{} : lecture impossible ({}). Corrigez les droits de ce fichier, ou indiquez-en un autre avec --secrets FICHIER.",
            secrets_file.display(),
            crate::problem::wording::io_error(&e)
        )
    })?;
    let secrets: Secrets = toml::from_str(&src).map_err(|e| {
        anyhow::anyhow!(
            "{} : {} : {}. Ce fichier contient une seule ligne : discord_token = \"le jeton\".",
            secrets_file.display(),
            crate::problem::toml_location(&src, &e),
            crate::problem::wording::toml_message(e.message())
        )
    })?;
    Ok(secrets.discord_token.filter(|t| !t.trim().is_empty()))
}

/// The bot token; never printed.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    /// The token, registered at once with the log's scrubber so no log line can show it.
    pub fn new(token: impl Into<String>) -> Token {
        let token = token.into();
        crate::telemetry::redact(&token);
        Token(token)
    }
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
    #[cfg(test)]
    pub(crate) fn expose_for_tests(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(hidden)")
    }
}

/// How to reach Discord.
#[derive(Debug, Clone)]
pub struct DiscordConfig {
    pub token: Token,
    /// Base URL of Discord's HTTP API when not Discord itself (a rate-limiting proxy, or the
    /// tests' fake Discord): requests go to `{base}/api/v10/...`, serenity's own rate limiter is
    /// off, and the gateway URL is the one `{base}/api/v10/gateway` returns.
    pub api_base: Option<String>,
    /// Registers the slash commands in this server only (development); globally when `None`.
    pub dev_guild: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cli(args: &[&str]) -> Cli {
        match crate::args::parse_from(std::iter::once("casebot").chain(args.iter().copied())) {
            Ok(cli) => cli,
            Err((text, _)) => panic!("{text}"),
        }
    }

    fn secrets(name: &str, text: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("casebot-config-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("secrets.toml");
        std::fs::write(&file, text).expect("secrets");
        file
    }

    #[test]
    fn the_token_comes_from_the_environment_before_the_secrets_file() {
        let file = secrets("order", "discord_token = \"from-file\"\n");
        let path = file.display().to_string();
        let args = ["--secrets", path.as_str(), "discord"];
        let env: HashMap<&str, &str> = HashMap::from([("DISCORD_TOKEN", "from-env")]);
        let config = Config::resolve(&cli(&args), &env).expect("config");
        let discord = config.discord.expect("a token");
        assert_eq!(discord.token.expose_for_tests(), "from-env");
        assert_eq!(discord.api_base, None);
        assert_eq!(discord.dev_guild, None);

        // Without the variable (or with a blank one), the file's.
        for env in [HashMap::new(), HashMap::from([("DISCORD_TOKEN", "  ")])] {
            let config = Config::resolve(&cli(&args), &env).expect("config");
            assert_eq!(
                config.discord.expect("a token").token.expose_for_tests(),
                "from-file"
            );
        }
    }

    #[test]
    fn no_token_anywhere_means_the_console_and_other_commands_never_read_secrets() {
        let missing = std::env::temp_dir().join("casebot-config-no-such-file.toml");
        let path = missing.display().to_string();
        let config =
            Config::resolve(&cli(&["--secrets", path.as_str()]), &HashMap::new()).expect("config");
        assert!(config.discord.is_none());
        // A broken secrets file matters only to the commands that run the bot.
        let broken = secrets("broken", "discord_token = \n");
        let path = broken.display().to_string();
        let env = HashMap::new();
        assert!(Config::resolve(&cli(&["--secrets", path.as_str(), "case"]), &env).is_ok());
        let e = Config::resolve(&cli(&["--secrets", path.as_str(), "discord"]), &env)
            .expect_err("a broken secrets file");
        assert!(
            e.to_string().contains("discord_token = \"le jeton\""),
            "{e}"
        );
    }

    #[test]
    fn discord_settings_are_read_and_checked_from_the_environment() {
        let env: HashMap<&str, &str> = HashMap::from([
            ("DISCORD_TOKEN", "t"),
            ("CASEBOT_DISCORD_API", "http://127.0.0.1:9"),
            ("CASEBOT_DISCORD_GUILD", " 42 "),
        ]);
        let discord = Config::resolve(&cli(&["discord"]), &env)
            .expect("config")
            .discord
            .expect("a token");
        assert_eq!(discord.api_base.as_deref(), Some("http://127.0.0.1:9"));
        assert_eq!(discord.dev_guild, Some(42));
        let env: HashMap<&str, &str> = HashMap::from([
            ("DISCORD_TOKEN", "t"),
            ("CASEBOT_DISCORD_GUILD", "mon-serveur"),
        ]);
        let e = Config::resolve(&cli(&["discord"]), &env).expect_err("not a number");
        assert!(
            e.to_string()
                .starts_with("CASEBOT_DISCORD_GUILD vaut « mon-serveur » : écrivez l’identifiant du serveur, en chiffres"),
            "{e}"
        );
    }

    #[test]
    fn flags_give_the_paths() {
        let config = Config::resolve(
            &cli(&["--db", "/tmp/x.db", "--case", "arbre-cadeau", "case"]),
            &HashMap::new(),
        )
        .expect("config");
        assert_eq!(config.db, PathBuf::from("/tmp/x.db"));
        assert_eq!(config.case.as_deref(), Some("arbre-cadeau"));
        assert_eq!(config.play_file, PathBuf::from("config/play.toml"));
    }
}
