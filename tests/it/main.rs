//! All integration tests, in one binary (one link, shared helpers).

mod checker;
mod cli;
mod fake_discord;
mod fake_discord_selftest;
mod helpers;
mod kpis;
mod pack_errors;
mod play;
mod play_data;
mod play_practice;
mod play_quiz;
mod texts;
