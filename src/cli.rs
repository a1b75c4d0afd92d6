//! The command line: what teachers and tests run. Each command is a thin shell over the core.

use crate::app::App;
use crate::case::Case;
use crate::check::Verdict;
use crate::config::Config;
use crate::startup::Startup;
use crate::{msg, render};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub use crate::args::{command, parse_from, Cli, Command};

mod new_case;
mod subjects;

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
                    let line = app.messages.text(&msg::CliValidateOk {
                        case: &case.meta.id,
                        annexes: &case.annexes.len().to_string(),
                        kpis: &case.kpis.len().to_string(),
                        questions: &case.questions.len().to_string(),
                        texts: &case.texts.ids().len().to_string(),
                    });
                    writeln!(out, "{line}")?;
                    validate_warnings(&app, case, out)?;
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
    let new_case = match &cli.command {
        Some(Command::NewCase(args))
        | Some(Command::Cas {
            action: crate::args::CasCommand::New(args),
        }) => Some(args),
        _ => None,
    };
    if let Some(crate::args::NewCaseArgs { id, skeleton_dir }) = new_case {
        // Only the bot's texts: the packs already there may be unfinished, and a first pack has
        // none beside it.
        let messages = crate::app::load_messages(&paths.messages_dir)?;
        return new_case::run(&messages, &paths.cases_dir, skeleton_dir, id, out);
    }
    let mut app = App::load(&paths)?;
    // `--case` sets the default for every command: the console, the bot (the classes that have
    // not chosen their subject) and the commands on a case.
    if let Some(id) = config.case.as_deref() {
        if !app.set_default_case(id) {
            let ids: Vec<&str> = app.cases.iter().map(|c| c.meta.id.as_str()).collect();
            let list = ids.join(", ");
            writeln!(
                out,
                "{}",
                app.messages.text(&msg::CliUnknownCase {
                    given: &crate::render::echo(id),
                    list: &list
                })
            )?;
            return Ok(ExitCode::from(NOT_FOUND));
        }
    }
    if let Some(Command::Backup { file }) = &cli.command {
        return backup(&app, &config.db, file, out);
    }
    if let Some(Command::Cas { action }) = &cli.command {
        return runtime()?.block_on(subjects::run(&app, &config.db, action, out));
    }
    if matches!(cli.command, Some(Command::Discord)) && config.discord.is_none() {
        let file = config.secrets_file.display().to_string();
        writeln!(
            out,
            "{}",
            app.messages.text(&msg::CliNoToken { file: &file })
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
    case_command(&app, app.default_case(), &config, cli.command, out)
}

/// What `validate` points out without refusing the pack: texts nothing reads, and a texts
/// folder another pack uses too (each subject has its own: a change to one would change both).
fn validate_warnings(
    app: &App,
    case: &crate::pack::CasePack,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let m = &app.messages;
    for id in case.unused_texts() {
        let file = case
            .texts
            .file_of(&id)
            .map(|f| f.display().to_string())
            .unwrap_or_default();
        writeln!(
            out,
            "{}",
            m.text(&msg::CliValidateUnusedText {
                case: &case.meta.id,
                id: &id,
                file: &file
            })
        )?;
    }
    let folder = |c: &crate::pack::CasePack| {
        c.texts
            .file_of("case.intro")
            .and_then(std::path::Path::parent)
            // `a/../../prompts/x` and `b/../../prompts/x` are one folder.
            .and_then(|dir| std::fs::canonicalize(dir).ok())
    };
    if let Some(mine) = folder(case) {
        for other in app.cases.iter().filter(|c| c.meta.id != case.meta.id) {
            if folder(other).as_ref() == Some(&mine) {
                writeln!(
                    out,
                    "{}",
                    m.text(&msg::CliValidateSharedTexts {
                        case: &case.meta.id,
                        other: &other.meta.id,
                        dir: &mine.display().to_string()
                    })
                )?;
            }
        }
    }
    Ok(())
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
        | Some(Command::Validate { .. })
        | Some(Command::Cas { .. })
        | Some(Command::NewCase(_)) => Ok(ExitCode::SUCCESS),
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
            m.text(&msg::KpiListHeader {
                count: &case.kpis.len().to_string(),
                case: &case.meta.title
            })
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
        writeln!(out, "{}", render::annex_unknown(m, case, number))?;
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
            m.text(&msg::QuestionUnknown {
                id,
                list: &list.join(", ")
            })
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
    case: &crate::pack::CasePack,
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
        for info in chart::case_charts(case) {
            let annexes: Vec<String> = info.annexes.iter().map(u8::to_string).collect();
            let annexes = m.text(&msg::CliChartAnnexes {
                n: &annexes.len().to_string(),
                list: &annexes.join(","),
            });
            writeln!(out, "{:<28} {:<16} {}", info.name, annexes, info.title)?;
        }
        for class in [
            "classe-reponses",
            "classe-podium",
            "classe-scores",
            "classe-resultats",
        ] {
            writeln!(out, "{class:<28} {}", m.text(&msg::CliChartClass))?;
        }
        let vote = "classe-vote";
        writeln!(out, "{vote:<28} {}", m.text(&msg::CliChartSample))?;
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
                        let text = m.text(&msg::CliChartNothing {
                            quiz: &quiz,
                            item: &item,
                        });
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
                writeln!(out, "{}", m.text(&msg::CliChartUnknown { name }))?;
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
        m.text(&msg::CliChartWritten {
            file: &file,
            bytes: &bytes
        })
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
                m.text(&msg::CliBackupDone {
                    file: &file_text,
                    size: &size,
                    db: &db_text
                })
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            tracing::debug!(error = %e, "backup failed");
            let text = match &e {
                BackupError::Exists(_) => m.text(&msg::CliBackupExists { file: &file_text }),
                BackupError::NoDatabase(_) => m.text(&msg::CliBackupNoDatabase { db: &db_text }),
                BackupError::Io(io) => m.text(&msg::CliBackupFailed {
                    file: &file_text,
                    cause: &crate::problem::wording::io_error(io),
                }),
                BackupError::Db(_) => m.text(&msg::CliBackupFailed {
                    file: &file_text,
                    cause: &m.text(&msg::CliBackupCauseDb),
                }),
                BackupError::Corrupt(_) => m.text(&msg::CliBackupFailed {
                    file: &file_text,
                    cause: &m.text(&msg::CliBackupCauseCorrupt),
                }),
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
    let app = startup.app.clone();
    let out: crate::console::Output = Arc::new(Mutex::new(Box::new(std::io::stdout())));
    let files_dir = db.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    let outbox = Arc::new(crate::console::ConsoleOutbox::new(
        out.clone(),
        files_dir.clone(),
        app.messages.clone(),
    ));
    let engine = startup
        .engine(Arc::new(crate::clock::TokioClock::new()), outbox)
        .await?;
    {
        // The subject the console's class plays: the one it chose, else `--case`'s.
        let case_title = engine
            .class_case("console", &class)
            .await
            .meta
            .title
            .clone();
        let mut o = out
            .lock()
            .map_err(|_| anyhow::anyhow!("console output poisoned"))?;
        let m = &app.messages;
        if by_default {
            writeln!(o, "{}", m.text(&msg::ConsoleNoToken))?;
        }
        let db_text = db.display().to_string();
        let banner = m.text(&msg::ConsoleBanner {
            class: &class,
            case: &case_title,
            db: &db_text,
            teachers: &teachers.join(", "),
            n: &teachers.len().to_string(),
        });
        writeln!(o, "{banner}\n")?;
    }
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
        crate::case::KpiMatch::None => Err(m.text(&msg::KpiUnknown {
            id: name.trim(),
            examples: &render::kpi_examples(case),
        })),
    }
}

/// What `casebot case` prints: the case and what can be asked.
fn overview(app: &App, case: &Case) -> String {
    let m = &app.messages;
    let mut out = m.text(&msg::CliCaseHeader {
        title: &case.meta.title,
        exam: &case.meta.exam,
        session: &case.meta.session.to_string(),
        code: &case.meta.code,
    });
    if let Some(source) = &case.meta.points_source {
        out.push('\n');
        out.push_str(&render::points_source(m, source));
    }
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
