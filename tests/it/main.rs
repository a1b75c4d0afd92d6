//! All integration tests, in one binary (one link, shared helpers).

mod checker;
mod cli;
mod helpers;
mod kpis;
mod pack_errors;
mod texts;
