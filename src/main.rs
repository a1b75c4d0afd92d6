use std::process::ExitCode;

fn main() -> ExitCode {
    casebot::telemetry::init();
    let cli = match casebot::cli::parse_from(std::env::args_os()) {
        Ok(cli) => cli,
        Err((text, code)) => {
            // Help and version go to standard output, mistakes to standard error.
            if code == ExitCode::SUCCESS {
                print!("{text}");
            } else {
                eprint!("{text}");
            }
            return code;
        }
    };
    // Not locked: the console writes to standard output from several tasks.
    let mut stdout = std::io::stdout();
    match casebot::cli::run(cli, &mut stdout) {
        Ok(code) => code,
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            // The reader went away (`casebot annex 3 | head`): nothing to say.
            ExitCode::SUCCESS
        }
        Err(e) => {
            // The message is for the teacher; the log keeps it for whoever reads logs, without
            // printing it twice on the terminal at the default level.
            tracing::debug!(error = format!("{e:#}"), "casebot stopped");
            eprintln!("Erreur : {e:#}");
            ExitCode::FAILURE
        }
    }
}
