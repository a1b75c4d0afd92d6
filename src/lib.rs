//! casebot: a tutor for BTS NDRC classes revising the E5 written exam.
//!
//! The core (case packs, the KPI engine, the answer checker, texts) knows nothing of Discord;
//! front ends only translate commands in and replies out. See ARCHITECTURE.md.

pub mod app;
pub mod args;
pub mod case;
pub mod chart;
pub mod check;
pub mod cli;
pub mod clock;
pub mod config;
pub mod console;
pub mod discord;
pub mod format;
pub mod formula;
pub mod interpret;
pub mod kpi;
pub mod linkedin;
pub mod msg;
pub mod pack;
pub mod play;
pub mod problem;
pub mod prompts;
pub mod reflexion;
pub mod render;
pub mod spell;
pub mod startup;
pub mod store;
pub mod telemetry;

pub use app::{App, LoadError, Paths};
pub use case::Case;
pub use pack::CasePack;
