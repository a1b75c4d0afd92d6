//! Console input as typed: the bytes are cut into lines as the console reads them (an
//! unreadable line is skipped, as the console answers and skips it), each split into its user
//! and its command, and the command parsed; question lists are read as every front end reads
//! them. Nothing may panic.
#![no_main]

use casebot::console::{parse_command, plain, split_user, LineError, MAX_LINE_BYTES};
use casebot::play::command::{Command, Scope};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for raw in data.split(|&b| b == b'\n') {
        if raw.len() > MAX_LINE_BYTES {
            continue;
        }
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let Ok(line) = std::str::from_utf8(raw) else {
            continue;
        };
        let (_user, rest) = split_user(line);
        let _ = plain(rest);
        let _ = Scope::from_list(rest);
        match parse_command(rest) {
            Ok(command) => {
                let _ = command.access();
                let _ = command.mutates();
                if let Command::Practice { scope } | Command::QuizLaunch { scope, .. } = &command {
                    let _ = format!("{scope:?}");
                }
            }
            Err(LineError::MultiLine(pending)) => {
                let _ = format!("{pending:?}");
            }
            Err(_) => {}
        }
    }
});
