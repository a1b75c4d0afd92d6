//! The one start-up builder: what the console, the Discord bot and the tests start the play
//! engine from (the texts and packs, the rules of play, the database), built in one way.
//!
//! The command line builds a [`Startup`] from its [`Config`]; a front end then hands it its
//! clock and outbox ([`Startup::engine`]). Tests build it from a shared, already loaded
//! [`App`] with [`Startup::open`], which is what [`Startup::build`] calls too.

use crate::app::App;
use crate::clock::Clock;
use crate::config::Config;
use crate::play::command::Outbox;
use crate::play::settings::PlaySettings;
use crate::play::Engine;
use crate::store::{Store, StoreError};
use std::path::Path;
use std::sync::Arc;

/// Everything the play engine starts from.
pub struct Startup {
    pub app: Arc<App>,
    pub play: PlaySettings,
    pub store: Store,
}

impl Startup {
    /// From the configuration: the rules of play (read first: a broken file is told before the
    /// database is touched), then the database (checked, migrated). `app` is already loaded: the
    /// command line needs it for every command.
    pub async fn build(app: Arc<App>, config: &Config) -> anyhow::Result<Startup> {
        let play = config.play()?;
        Startup::open(app, play, &config.db).await
    }

    /// With the rules of play in hand: opens the database at `db`, with a French message that
    /// says why it cannot be used and what to do.
    pub async fn open(app: Arc<App>, play: PlaySettings, db: &Path) -> anyhow::Result<Startup> {
        let store = open_store(db).await?;
        Ok(Startup { app, play, store })
    }

    /// Starts the play engine with the front end's clock and outbox.
    pub async fn engine(
        self,
        clock: Arc<dyn Clock>,
        outbox: Arc<dyn Outbox>,
    ) -> anyhow::Result<Engine> {
        Engine::start(self.app, self.play, self.store, clock, outbox).await
    }
}

/// Opens the database (also for the commands that read it without the engine); on failure,
/// the cause in French, with what to do (the log gets the chain).
pub async fn open_store(db: &Path) -> anyhow::Result<Store> {
    Store::open(db).await.map_err(|e| {
        tracing::debug!(error = format!("{e:#}"), db = %db.display(), "cannot open the database");
        let io = e.chain().find_map(|c| {
            c.downcast_ref::<std::io::Error>()
                .or_else(|| match c.downcast_ref::<sqlx::Error>() {
                    Some(sqlx::Error::Io(io)) => Some(io),
                    _ => None,
                })
        });
        let store_error = e.chain().find_map(|c| c.downcast_ref::<StoreError>());
        let cause = match (store_error, io) {
            (Some(StoreError::ReadOnly), _) => {
                "le fichier, ou le disque qui le porte, est en lecture seule : casebot doit pouvoir y écrire".to_string()
            }
            (Some(StoreError::Corrupt(_)), _) => {
                "le fichier est abîmé ; remettez à sa place une sauvegarde faite avec « casebot sauvegarde »".to_string()
            }
            (_, Some(io)) => crate::problem::wording::io_error(io),
            _ => "le fichier ne peut pas être créé, ou ce n’est pas une base casebot".to_string(),
        };
        anyhow::anyhow!(
            "base de données {} : ouverture impossible ({cause}). Indiquez un fichier dans un dossier où vous pouvez écrire, avec --db FICHIER (ou la variable CASEBOT_DB).",
            db.display()
        )
    })
}
