//! `casebot cas liste` and `casebot cas publier ID`: the operator's view of the subjects
//! teachers imported, and publishing one to every class.

use super::NOT_FOUND;
use crate::app::App;
use crate::args::CasCommand;
use crate::msg;
use crate::pack::upload::Unpacked;
use crate::store::{self, Store};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// One imported subject with the class that owns it (`None`: published).
#[derive(Debug, sqlx::FromRow)]
struct Listed {
    id: i64,
    case_id: String,
    title: String,
    session: i64,
    added_by: String,
    version: i64,
    class_name: Option<String>,
    class_key: Option<String>,
}

async fn listed(store: &Store) -> anyhow::Result<Vec<Listed>> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.case_id, s.title, s.session, s.added_by, s.version,
                c.name AS class_name, c.platform_id AS class_key
         FROM subjects s LEFT JOIN classes c ON c.id = s.class_id
         ORDER BY s.case_id, s.id",
    )
    .fetch_all(&store.read)
    .await?)
}

pub(super) async fn run(
    app: &App,
    db: &Path,
    action: &CasCommand,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let m = &app.messages;
    if !db.is_file() {
        writeln!(
            out,
            "Erreur : {}",
            m.text(&msg::CliBackupNoDatabase {
                db: &db.display().to_string()
            })
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let store = Store::open(db).await?;
    let rows = listed(&store).await?;
    let place = |r: &Listed| match (&r.class_name, &r.class_key) {
        (Some(name), Some(key)) => m.text(&msg::CliCasClass {
            name: &crate::render::echo(name),
            key,
        }),
        _ => m.text(&msg::CliCasPublished),
    };
    match action {
        CasCommand::New { .. } => Ok(ExitCode::SUCCESS),
        CasCommand::List => {
            writeln!(
                out,
                "{}",
                m.text(&msg::CliCasHeader {
                    n: &rows.len().to_string()
                })
            )?;
            for r in &rows {
                writeln!(
                    out,
                    "{}",
                    m.text(&msg::CliCasLine {
                        id: &r.case_id,
                        title: &crate::render::echo(&r.title),
                        session: &r.session.to_string(),
                        place: &place(r),
                        by: &crate::render::echo(&r.added_by),
                        version: &r.version.to_string(),
                    })
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        CasCommand::Publish { id, class } => {
            let same: Vec<&Listed> = rows.iter().filter(|r| r.case_id == *id).collect();
            if same.iter().any(|r| r.class_key.is_none()) {
                writeln!(out, "{}", m.text(&msg::CliCasAlreadyPublished { id }))?;
                return Ok(ExitCode::SUCCESS);
            }
            let chosen: Vec<&&Listed> = same
                .iter()
                .filter(|r| {
                    class.as_deref().is_none_or(|c| {
                        r.class_key.as_deref() == Some(c)
                            || r.class_name
                                .as_deref()
                                .is_some_and(|n| n.eq_ignore_ascii_case(c))
                    })
                })
                .collect();
            let row = match chosen.as_slice() {
                [] => {
                    let ids: Vec<&str> = rows.iter().map(|r| r.case_id.as_str()).collect();
                    writeln!(
                        out,
                        "Erreur : {}",
                        m.text(&msg::CliCasUnknown {
                            id,
                            list: &ids.join(", ")
                        })
                    )?;
                    return Ok(ExitCode::from(NOT_FOUND));
                }
                [one] if same.len() == 1 => **one,
                _ if class.is_none() => {
                    let places: Vec<String> = same.iter().map(|r| place(r)).collect();
                    writeln!(
                        out,
                        "Erreur : {}",
                        m.text(&msg::CliCasSeveral {
                            id,
                            places: &places.join(", ")
                        })
                    )?;
                    return Ok(ExitCode::FAILURE);
                }
                [one] => {
                    // Other classes have a subject of their own with this id: it would hide
                    // theirs, or theirs it.
                    let others: Vec<String> = same
                        .iter()
                        .filter(|r| r.id != one.id)
                        .map(|r| place(r))
                        .collect();
                    writeln!(
                        out,
                        "Erreur : {}",
                        m.text(&msg::CliCasCollides {
                            id,
                            places: &others.join(", ")
                        })
                    )?;
                    return Ok(ExitCode::FAILURE);
                }
                _ => return Ok(ExitCode::FAILURE),
            };
            if app.cases.iter().any(|c| c.meta.id == *id) {
                writeln!(out, "Erreur : {}", m.text(&msg::CliCasBundledId { id }))?;
                return Ok(ExitCode::FAILURE);
            }
            // It must still load with this casebot before every class sees it.
            let Some(stored) = store::subjects::all(&store.read)
                .await?
                .into_iter()
                .find(|s| s.id == row.id)
            else {
                return Ok(ExitCode::FAILURE);
            };
            let files = serde_json::from_str(&stored.files)?;
            let up = Unpacked {
                files,
                pack_dir: stored.pack_dir,
                texts_dir: stored.texts_dir,
                ignored: Vec::new(),
            };
            if let Err(errors) = crate::pack::load_unpacked(&up) {
                writeln!(out, "Erreur : {}", m.text(&msg::CliCasNoLongerLoads { id }))?;
                write!(out, "{errors}")?;
                return Ok(ExitCode::FAILURE);
            }
            store::subjects::publish(&store.write, row.id).await?;
            store.checkpoint().await?;
            writeln!(
                out,
                "{}",
                m.text(&msg::CliCasPublishedDone {
                    id,
                    title: &crate::render::echo(&row.title),
                    from: &place(row),
                })
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
