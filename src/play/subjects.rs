//! The subjects a class can play: the packs bundled with the bot (the cases folder), those
//! its operator published to every class, and those the class's teachers imported
//! (`/cas importer`). An imported subject is stored whole in the database (its files), loaded
//! with the same checks as a bundled one, and seen by its class only.

use super::command::{Reply, Upload};
use super::{case_name, ClassInfo, Ctx, Inner};
use crate::msg;
use crate::pack::upload::{self, Unpacked};
use crate::pack::{self, CasePack, Files};
use crate::store;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// Where a subject comes from, as `/cas liste` says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    Bundled,
    Published { by: String },
    Class { by: String },
}

#[derive(Debug, Clone)]
struct Imported {
    pack: Arc<CasePack>,
    added_by: String,
}

/// Every loaded subject. Bundled ones never change; imported ones change with imports, and are
/// kept by owner (`None`: published), so a request reads only its class's and the published
/// ones, however many classes there are.
#[derive(Debug)]
pub(crate) struct Library {
    bundled: Vec<Arc<CasePack>>,
    default: Arc<CasePack>,
    imported: RwLock<HashMap<Option<i64>, Vec<Imported>>>,
}

impl Library {
    pub fn new(app: &crate::app::App) -> Library {
        Library {
            bundled: app.cases.clone(),
            default: app.default_shared(),
            imported: RwLock::new(HashMap::new()),
        }
    }

    /// The subjects class `class` can play, bundled first, then published, then its own.
    pub fn available(&self, class: i64) -> Vec<(Arc<CasePack>, Origin)> {
        let mut out: Vec<(Arc<CasePack>, Origin)> = self
            .bundled
            .iter()
            .map(|c| (c.clone(), Origin::Bundled))
            .collect();
        let Ok(imported) = self.imported.read() else {
            return out;
        };
        for i in imported.get(&None).into_iter().flatten() {
            let by = i.added_by.clone();
            out.push((i.pack.clone(), Origin::Published { by }));
        }
        for i in imported.get(&Some(class)).into_iter().flatten() {
            let by = i.added_by.clone();
            out.push((i.pack.clone(), Origin::Class { by }));
        }
        out
    }

    /// The subjects class `class` imported itself (not bundled, not published).
    pub fn own(&self, class: i64) -> Vec<Arc<CasePack>> {
        self.imported
            .read()
            .ok()
            .and_then(|imported| {
                imported
                    .get(&Some(class))
                    .map(|list| list.iter().map(|i| i.pack.clone()).collect())
            })
            .unwrap_or_default()
    }

    /// Subject `id` as class `class` sees it.
    pub fn find(&self, class: i64, id: &str) -> Option<Arc<CasePack>> {
        if let Some(c) = self.bundled.iter().find(|c| c.meta.id == id) {
            return Some(c.clone());
        }
        let imported = self.imported.read().ok()?;
        [None, Some(class)]
            .iter()
            .filter_map(|owner| imported.get(owner))
            .flatten()
            .find(|i| i.pack.meta.id == id)
            .map(|i| i.pack.clone())
    }

    /// The subject a teacher names, by id or title, whatever the capitals.
    pub fn find_given(&self, class: i64, given: &str) -> Option<(Arc<CasePack>, Origin)> {
        let given = given.trim();
        self.available(class).into_iter().find(|(c, _)| {
            c.meta.id.eq_ignore_ascii_case(given) || c.meta.title.trim().eq_ignore_ascii_case(given)
        })
    }

    /// The subject a class plays: the one it chose, else the default.
    pub fn for_class(&self, class: &ClassInfo) -> Arc<CasePack> {
        class
            .case_id
            .as_deref()
            .and_then(|id| self.find(class.id, id))
            .unwrap_or_else(|| self.default.clone())
    }

    fn put(&self, class: Option<i64>, pack: Arc<CasePack>, added_by: String) {
        if let Ok(mut imported) = self.imported.write() {
            let list = imported.entry(class).or_default();
            list.retain(|i| i.pack.meta.id != pack.meta.id);
            list.push(Imported { pack, added_by });
        }
    }

    fn take_out(&self, class: i64, id: &str) {
        if let Ok(mut imported) = self.imported.write() {
            if let Some(list) = imported.get_mut(&Some(class)) {
                list.retain(|i| i.pack.meta.id != id);
            }
        }
    }

    /// Forgets the subjects of an erased class (their rows went with it).
    pub fn forget_class(&self, class: i64) {
        if let Ok(mut imported) = self.imported.write() {
            imported.remove(&Some(class));
        }
    }
}

/// Loads the stored subjects at start-up. One that no longer loads (a stricter casebot, an id
/// now bundled) is left out with a warning; it stays stored, and its class can import it again.
pub(crate) async fn restore(inner: &Inner) -> anyhow::Result<()> {
    let rows = store::subjects::all(&inner.store.read).await?;
    for row in rows {
        let files: Files = match serde_json::from_str(&row.files) {
            Ok(f) => f,
            Err(e) => {
                tracing::warn!(subject = %row.case_id, error = %e, "stored subject unreadable, left out");
                continue;
            }
        };
        let up = Unpacked {
            files,
            pack_dir: row.pack_dir.clone(),
            texts_dir: row.texts_dir.clone(),
            ignored: Vec::new(),
        };
        let loaded = tokio::task::spawn_blocking(move || pack::load_unpacked(&up)).await?;
        match loaded {
            Ok(case)
                if inner
                    .library
                    .bundled
                    .iter()
                    .any(|b| b.meta.id == case.meta.id) =>
            {
                tracing::warn!(subject = %case.meta.id, "stored subject has the id of a bundled one, left out");
            }
            Ok(case) => {
                tracing::info!(subject = %case.meta.id, class = ?row.class_id, version = row.version, "imported subject loaded");
                inner.library.put(
                    row.class_id.map(|c| c.0),
                    Arc::new(case),
                    row.added_by.clone(),
                );
            }
            Err(errors) => {
                tracing::warn!(subject = %row.case_id, problems = errors.0.len(), first = ?errors.0.first().map(ToString::to_string), "stored subject no longer loads, left out");
            }
        }
    }
    Ok(())
}

/// How many problems an import refusal lists (the rest is counted), and the longest line of
/// one (a key a teacher wrote may be long).
const SHOWN_PROBLEMS: usize = 12;
const PROBLEM_CHARS: usize = 600;

/// `/cas importer`: unpacks, validates whole, checks the id, then installs for the class
/// (or updates the class's subject of that id). Nothing is written unless all of it passes.
pub(crate) async fn import(cx: &Ctx<'_>, files: &[Upload]) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let refuse = |reason: String| {
        Ok(vec![Reply::private(
            m.text(&msg::PlaySubjectsRefused { reason: &reason }),
        )])
    };
    let attachments: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| (f.name.clone(), f.bytes.clone()))
        .collect();
    let limits = inner.settings.subjects.clone();
    let up = match upload::unpack_all(&attachments, &limits) {
        Ok(up) => up,
        Err(e) => return refuse(e.to_string()),
    };
    let ignored = up.ignored.clone();
    let (up, loaded) = tokio::task::spawn_blocking(move || {
        let loaded = pack::load_unpacked(&up);
        (up, loaded)
    })
    .await?;
    let case = match loaded {
        Ok(case) => case,
        Err(errors) => return Ok(vec![Reply::private(problems_text(m, &errors))]),
    };
    let id = case.meta.id.clone();
    let class = who.class.id;
    if let Some(refusal) = identity_refusal(inner, class, &case, &limits) {
        return Ok(vec![Reply::private(refusal)]);
    }
    let json = serde_json::to_string(&up.files)?;
    let live = inner.class_live(class);
    let live = live.lock().await;
    if live.quiz.as_ref().is_some_and(|q| q.case_id == id) {
        return Ok(vec![Reply::private(m.text(&msg::PlaySubjectsDuringQuiz))]);
    }
    // The same files again: nothing to update (a teacher who sends twice is told so).
    if let Some(stored) =
        store::subjects::find(&inner.store.write, Some(who.class_id()), &id).await?
    {
        if same_contents(&stored.files, &up.files) {
            return Ok(vec![Reply::private(m.text(&msg::PlaySubjectsUnchanged {
                case: &case_name(m, &case),
                version: &stored.version.to_string(),
            }))]);
        }
    }
    let version = store::subjects::upsert(
        &inner.store.write,
        &store::subjects::NewSubject {
            class: who.class_id(),
            case_id: &id,
            title: &case.meta.title,
            session: i64::from(case.meta.session),
            added_by: &cx.request.actor.name,
            files: &json,
            pack_dir: &up.pack_dir,
            texts_dir: up.texts_dir.as_deref(),
        },
        inner.now(),
    )
    .await?;
    let case = Arc::new(case);
    let added_by = store::subjects::find(&inner.store.write, Some(who.class_id()), &id)
        .await?
        .map_or_else(|| cx.request.actor.name.clone(), |r| r.added_by);
    inner.library.put(Some(class), case.clone(), added_by);
    drop(live);
    tracing::info!(subject = %id, class, version, files = up.files.len(), bytes = up.files.total_bytes(), "subject imported");

    let parts: usize = case.questions.iter().map(|q| q.parts.len()).sum();
    let name = case_name(m, &case);
    let counts = m.text(&msg::PlaySubjectsCounts {
        annexes: &case.annexes.len().to_string(),
        questions: &case.questions.len().to_string(),
        parts: &parts.to_string(),
    });
    let mut text = if version == 1 {
        m.text(&msg::PlaySubjectsInstalled {
            case: &name,
            id: &id,
            counts: &counts,
        })
    } else {
        let playing = if who.class.case_id.as_deref() == Some(id.as_str()) {
            m.text(&msg::PlaySubjectsUpdatedPlaying)
        } else {
            String::new()
        };
        m.text(&msg::PlaySubjectsUpdated {
            case: &name,
            version: &version.to_string(),
            counts: &counts,
            playing: &playing,
        })
    };
    if !ignored.is_empty() {
        text.push('\n');
        text.push_str(&m.text(&msg::PlaySubjectsIgnored {
            list: &crate::render::echo(&ignored.join(", ")),
        }));
    }
    Ok(vec![Reply::private(text)])
}

/// Why a subject that loaded cannot be installed in class `class`: its id is a bundled or
/// published subject's, its title another's, or the class has as many subjects as it may keep.
fn identity_refusal(
    inner: &Inner,
    class: i64,
    case: &CasePack,
    limits: &upload::Limits,
) -> Option<String> {
    let m = inner.messages();
    let id = case.meta.id.clone();
    // Taken by a subject the class sees that is not its own: refused, whatever its version.
    if let Some((other, origin)) = inner.library.find_given(class, &id) {
        let text = match origin {
            _ if other.meta.id != id => None,
            Origin::Class { .. } => None,
            Origin::Published { .. } => Some(m.text(&msg::PlaySubjectsPublishedId { id: &id })),
            Origin::Bundled => Some(m.text(&msg::PlaySubjectsIdTaken {
                id: &id,
                other: &case_name(m, &other),
            })),
        };
        if let Some(text) = text {
            return Some(text);
        }
    }
    let own = inner
        .library
        .own(class)
        .iter()
        .filter(|c| c.meta.id != id)
        .count();
    if own >= limits.max_per_class {
        return Some(m.text(&msg::PlaySubjectsTooMany {
            max: &limits.max_per_class.to_string(),
        }));
    }
    // Two subjects of one title could not be told apart by `/config cas:<title>`, nor by a
    // student reading « Arbre-cadeau » beside « arbre cadeau ».
    let title = case.meta.title.trim();
    let key = title_key(title);
    if let Some((other, _)) = inner
        .library
        .available(class)
        .into_iter()
        .find(|(c, _)| c.meta.id != id && title_key(&c.meta.title) == key)
    {
        return Some(m.text(&msg::PlaySubjectsTitleTaken {
            title: &crate::render::echo(title),
            other: &other.meta.id,
        }));
    }
    None
}

/// A title as it reads, whatever the capitals, accents aside, and the blanks or dashes
/// between its words: « Arbre-cadeau » and « arbre cadeau » are one title.
fn title_key(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the stored files (JSON) hold the same texts as those sent, wherever the archive put
/// them: a subject zipped again from another folder is the same subject.
fn same_contents(stored: &str, sent: &Files) -> bool {
    let Ok(stored) = serde_json::from_str::<Files>(stored) else {
        return false;
    };
    let texts = |files: &Files| {
        let mut all: Vec<String> = files.iter().map(|(_, t)| t.to_string()).collect();
        all.sort();
        all
    };
    texts(&stored) == texts(sent)
}

/// Every problem of a subject that did not load, as the teacher reads them (bounded).
fn problems_text(m: &crate::prompts::Prompts, errors: &pack::PackErrors) -> String {
    let n = errors.0.len();
    let list: Vec<String> = errors
        .0
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|e| {
            format!(
                "- {}",
                crate::format::echo_cut(&e.to_string(), PROBLEM_CHARS)
            )
        })
        .collect();
    let more = if n > SHOWN_PROBLEMS {
        m.text(&msg::PlaySubjectsMore {
            n: &(n - SHOWN_PROBLEMS).to_string(),
        })
    } else {
        String::new()
    };
    m.text(&msg::PlaySubjectsInvalid {
        n: &n.to_string(),
        list: &list.join("\n"),
        more: &more,
    })
}

/// `/cas retirer`: removes a subject the class imported; the class, if it played it, goes back
/// to the default. Results earned on it stay.
pub(crate) async fn remove(cx: &Ctx<'_>, given: &str) -> anyhow::Result<Vec<Reply>> {
    let Ctx { inner, who, .. } = *cx;
    let m = inner.messages();
    let class = who.class.id;
    let own = inner.library.own(class);
    let (case, origin) = match inner.library.find_given(class, given) {
        Some(found) => found,
        None if own.is_empty() => {
            return Ok(vec![Reply::private(m.text(&msg::PlaySubjectsNoneImported))])
        }
        None => {
            let ids: Vec<&str> = own.iter().map(|c| c.meta.id.as_str()).collect();
            return Ok(vec![Reply::private(m.text(
                &msg::PlaySubjectsRemoveUnknown {
                    given: &crate::render::echo(given),
                    list: &ids.join(", "),
                },
            ))]);
        }
    };
    match origin {
        Origin::Class { .. } => {}
        Origin::Published { .. } => {
            return Ok(vec![Reply::private(m.text(
                &msg::PlaySubjectsPublishedRemove {
                    case: &case_name(m, &case),
                    id: &case.meta.id,
                },
            ))])
        }
        Origin::Bundled => {
            return Ok(vec![Reply::private(m.text(&msg::PlaySubjectsNotOwn {
                case: &case_name(m, &case),
            }))])
        }
    }
    let id = case.meta.id.clone();
    let live = inner.class_live(class);
    let live = live.lock().await;
    if live.quiz.as_ref().is_some_and(|q| q.case_id == id) {
        return Ok(vec![Reply::private(m.text(&msg::PlaySubjectsDuringQuiz))]);
    }
    let mut tx = inner.store.begin().await?;
    store::subjects::remove(&mut *tx, who.class_id(), &id).await?;
    store::subjects::unchoose(&mut *tx, who.class_id(), &id).await?;
    tx.commit().await?;
    inner.library.take_out(class, &id);
    drop(live);
    inner.forget_class_info(&cx.request.place);
    tracing::info!(subject = %id, class, "subject removed");
    let playing = who.class.case_id.as_deref() == Some(id.as_str());
    let default = case_name(m, &inner.library.default);
    let fallback = if playing {
        m.text(&msg::PlaySubjectsRemovedFallback { case: &default })
    } else {
        String::new()
    };
    let mut replies = vec![Reply::private(m.text(&msg::PlaySubjectsRemoved {
        case: &case_name(m, &case),
        fallback: &fallback,
    }))];
    // The class is told its subject changed, as with /config cas:.
    if playing {
        replies.push(Reply::channel(
            m.text(&msg::PlayCasesAnnounce { case: &default }),
        ));
    }
    Ok(replies)
}

/// The words after a subject's line in `/cas liste`: where it comes from.
pub(crate) fn origin_words(m: &crate::prompts::Prompts, origin: &Origin) -> String {
    match origin {
        Origin::Bundled => m.text(&msg::PlaySubjectsOriginBundled),
        Origin::Published { by } => m.text(&msg::PlaySubjectsOriginPublished {
            who: &crate::render::echo(by),
        }),
        Origin::Class { by } => m.text(&msg::PlaySubjectsOriginClass {
            who: &crate::render::echo(by),
        }),
    }
}
