//! `casebot cas liste | publier | depublier | retirer`: the operator's view of the subjects
//! teachers imported, publishing one to every class, giving a published one back to the class
//! that imported it (to be corrected), and removing one. Changes are seen by a running bot after
//! its restart (it loads the subjects at start-up).

use super::NOT_FOUND;
use crate::app::App;
use crate::args::CasCommand;
use crate::msg;
use crate::pack::upload::Unpacked;
use crate::prompts::Prompts;
use crate::store::{self, Store};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// One imported subject with the class that owns it (`None`: published).
#[derive(Debug, sqlx::FromRow)]
struct Listed {
    id: i64,
    class_id: Option<crate::store::ClassId>,
    case_id: String,
    title: String,
    session: i64,
    added_by: String,
    version: i64,
    class_name: Option<String>,
    class_key: Option<String>,
}

impl Listed {
    fn published(&self) -> bool {
        self.class_key.is_none()
    }

    /// Whether `given` (a class's name or platform id) names its class.
    fn of_class(&self, given: &str) -> bool {
        self.class_key.as_deref() == Some(given)
            || self
                .class_name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(given))
    }

    /// « classe « BTS NDRC 1 » (guild-1) », or « publié pour toutes les classes ».
    fn place(&self, m: &Prompts) -> String {
        match (&self.class_name, &self.class_key) {
            (Some(name), Some(key)) if name == key => m.text(&msg::CliCasClassNamed {
                name: &crate::render::echo(name),
            }),
            (Some(name), Some(key)) => m.text(&msg::CliCasClass {
                name: &crate::render::echo(name),
                key,
            }),
            _ => m.text(&msg::CliCasPublished),
        }
    }
}

async fn listed(store: &Store) -> anyhow::Result<Vec<Listed>> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.class_id, s.case_id, s.title, s.session, s.added_by, s.version,
                c.name AS class_name, c.platform_id AS class_key
         FROM subjects s LEFT JOIN classes c ON c.id = s.class_id
         ORDER BY s.case_id, s.id",
    )
    .fetch_all(&store.read)
    .await?)
}

/// What a command prints and the status it ends with.
type Said = (String, ExitCode);

fn error(text: String, code: ExitCode) -> Said {
    (format!("Erreur : {text}"), code)
}

pub(super) async fn run(
    app: &App,
    db: &Path,
    action: &CasCommand,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let m = &app.messages;
    if !db.is_file() {
        let db = db.display().to_string();
        writeln!(
            out,
            "Erreur : {}",
            m.text(&msg::CliBackupNoDatabase { db: &db })
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let store = Store::open(db).await?;
    let rows = listed(&store).await?;
    let (text, code) = match action {
        CasCommand::New(_) => return Ok(ExitCode::SUCCESS),
        CasCommand::List => (list(m, &rows), ExitCode::SUCCESS),
        CasCommand::Publish { id, class } => {
            publish(app, &store, &rows, id, class.as_deref()).await?
        }
        CasCommand::Unpublish { id } => unpublish(m, &store, &rows, id).await?,
        CasCommand::Remove { id, class } => remove(m, &store, &rows, id, class.as_deref()).await?,
    };
    writeln!(out, "{text}")?;
    Ok(code)
}

fn list(m: &Prompts, rows: &[Listed]) -> String {
    if rows.is_empty() {
        return m.text(&msg::CliCasNone);
    }
    let mut text = m.text(&msg::CliCasHeader {
        n: &rows.len().to_string(),
    });
    for r in rows {
        text.push('\n');
        text.push_str(&m.text(&msg::CliCasLine {
            id: &r.case_id,
            title: &crate::render::echo(&r.title),
            session: &r.session.to_string(),
            place: &r.place(m),
            by: &crate::render::echo(&r.added_by),
            version: &r.version.to_string(),
        }));
    }
    text
}

fn unknown(m: &Prompts, rows: &[Listed], id: &str) -> Said {
    let ids: Vec<&str> = rows.iter().map(|r| r.case_id.as_str()).collect();
    error(
        m.text(&msg::CliCasUnknown {
            id,
            list: &ids.join(", "),
        }),
        ExitCode::from(NOT_FOUND),
    )
}

/// The one class subject `id` names (`--classe` chooses among several), or what to say.
fn one_of_class<'a>(
    m: &Prompts,
    rows: &'a [Listed],
    id: &str,
    class: Option<&str>,
) -> Result<&'a Listed, Said> {
    let same: Vec<&Listed> = rows
        .iter()
        .filter(|r| r.case_id == id && !r.published())
        .collect();
    let chosen: Vec<&Listed> = same
        .iter()
        .copied()
        .filter(|r| class.is_none_or(|c| r.of_class(c)))
        .collect();
    match (chosen.as_slice(), class) {
        ([], _) => Err(unknown(m, rows, id)),
        ([one], _) => Ok(one),
        (_, _) => {
            let places: Vec<String> = same.iter().map(|r| r.place(m)).collect();
            Err(error(
                m.text(&msg::CliCasSeveral {
                    id,
                    places: &places.join(", "),
                }),
                ExitCode::FAILURE,
            ))
        }
    }
}

async fn publish(
    app: &App,
    store: &Store,
    rows: &[Listed],
    id: &str,
    class: Option<&str>,
) -> anyhow::Result<Said> {
    let m = &app.messages;
    if rows.iter().any(|r| r.case_id == id && r.published()) {
        return Ok((
            m.text(&msg::CliCasAlreadyPublished { id }),
            ExitCode::SUCCESS,
        ));
    }
    if app.cases.iter().any(|c| c.meta.id == id) {
        return Ok(error(
            m.text(&msg::CliCasBundledId { id }),
            ExitCode::FAILURE,
        ));
    }
    let row = match one_of_class(m, rows, id, class) {
        Ok(row) => row,
        Err(said) => return Ok(said),
    };
    // Other classes have a subject of their own with this id: it would hide theirs.
    let others: Vec<String> = rows
        .iter()
        .filter(|r| r.case_id == id && r.id != row.id)
        .map(|r| r.place(m))
        .collect();
    if !others.is_empty() {
        return Ok(error(
            m.text(&msg::CliCasCollides {
                id,
                places: &others.join(", "),
            }),
            ExitCode::FAILURE,
        ));
    }
    // It must still load with this casebot before every class sees it.
    let Some(stored) = store::subjects::all(&store.read)
        .await?
        .into_iter()
        .find(|s| s.id == row.id)
    else {
        return Ok(unknown(m, rows, id));
    };
    let up = Unpacked {
        files: serde_json::from_str(&stored.files)?,
        pack_dir: stored.pack_dir,
        texts_dir: stored.texts_dir,
        ignored: Vec::new(),
    };
    if let Err(errors) = crate::pack::load_unpacked(&up) {
        let text = m.text(&msg::CliCasNoLongerLoads { id });
        return Ok(error(format!("{text}\n{errors}"), ExitCode::FAILURE));
    }
    store::subjects::publish(&store.write, row.id).await?;
    store.checkpoint().await?;
    Ok((
        m.text(&msg::CliCasPublishedDone {
            id,
            title: &crate::render::echo(&row.title),
            from: &row.place(m),
        }),
        ExitCode::SUCCESS,
    ))
}

async fn unpublish(m: &Prompts, store: &Store, rows: &[Listed], id: &str) -> anyhow::Result<Said> {
    let Some(row) = rows.iter().find(|r| r.case_id == id && r.published()) else {
        return Ok(error(
            m.text(&msg::CliCasNotPublished { id }),
            ExitCode::FAILURE,
        ));
    };
    if !store::subjects::unpublish(&store.write, row.id).await? {
        return Ok(error(
            m.text(&msg::CliCasOriginGone { id }),
            ExitCode::FAILURE,
        ));
    }
    let back = listed(store).await?;
    let mine = back.iter().find(|r| r.id == row.id);
    // Classes other than its own can no longer play it.
    store::subjects::unchoose_everywhere(&store.write, id, mine.and_then(|r| r.class_id)).await?;
    store.checkpoint().await?;
    let place = mine.map(|r| r.place(m)).unwrap_or_default();
    Ok((
        m.text(&msg::CliCasUnpublished { id, place: &place }),
        ExitCode::SUCCESS,
    ))
}

async fn remove(
    m: &Prompts,
    store: &Store,
    rows: &[Listed],
    id: &str,
    class: Option<&str>,
) -> anyhow::Result<Said> {
    let row = match rows.iter().find(|r| r.case_id == id && r.published()) {
        Some(row) if class.is_none() => row,
        _ => match one_of_class(m, rows, id, class) {
            Ok(row) => row,
            Err(said) => return Ok(said),
        },
    };
    let mut tx = store.begin().await?;
    store::subjects::delete(&mut *tx, row.id).await?;
    match row.class_id {
        Some(class) => store::subjects::unchoose(&mut *tx, class, id).await?,
        None => store::subjects::unchoose_everywhere(&mut *tx, id, None).await?,
    }
    tx.commit().await?;
    store.checkpoint().await?;
    Ok((
        m.text(&msg::CliCasRemoved {
            id,
            place: &row.place(m),
        }),
        ExitCode::SUCCESS,
    ))
}
