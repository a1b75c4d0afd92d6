use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    casebot::telemetry::init();
    let cli = casebot::cli::Cli::parse();
    let mut stdout = std::io::stdout().lock();
    match casebot::cli::run(cli, &mut stdout) {
        Ok(code) => code,
        Err(e) => {
            tracing::error!(error = format!("{e:#}"), "casebot stopped");
            eprintln!("Erreur : {e:#}");
            ExitCode::FAILURE
        }
    }
}
