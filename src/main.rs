use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    casebot::telemetry::init();
    let cli = casebot::cli::Cli::parse();
    // Not locked: the console writes to standard output from several tasks.
    let mut stdout = std::io::stdout();
    match casebot::cli::run(cli, &mut stdout) {
        Ok(code) => code,
        Err(e) => {
            tracing::error!(error = format!("{e:#}"), "casebot stopped");
            eprintln!("Erreur : {e:#}");
            ExitCode::FAILURE
        }
    }
}
