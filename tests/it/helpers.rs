//! Shared helpers for the integration tests.

#![allow(dead_code)]

use casebot::{App, Paths};
use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled packs and texts, loaded.
pub fn app() -> App {
    match App::load(&Paths::under(&root())) {
        Ok(app) => app,
        Err(e) => panic!("the bundled case does not load: {e}"),
    }
}
