//! All integration tests, in one binary (one link, shared helpers).

mod backup;
mod charts;
mod checker;
mod cli;
mod consignes;
mod console_input;
mod discord_e2e;
mod extreme_packs;
mod fake_discord;
mod fake_discord_selftest;
mod helpers;
mod inert;
mod kpi_lookup;
mod kpis;
mod linkedin;
mod pack_errors;
mod play;
mod play_data;
mod play_practice;
mod play_quiz;
mod play_workshop;
mod sealed;
mod sigterm;
mod stop;
mod texts;
