//! The console reads whatever it is given without ending the class's session: a line that is
//! not UTF-8 or is too long is answered and skipped; a file it cannot write is reported, leaves
//! nothing half-written, and the session goes on.

use crate::helpers::{plain, spawn_engine, TempDir};
use crate::play::SharedBuf;
use std::path::PathBuf;

async fn run_console(name: &str, script: &[u8], files_dir: PathBuf) -> String {
    let play = spawn_engine(name).await;
    let buf = SharedBuf::default();
    let out: casebot::console::Output = std::sync::Arc::new(std::sync::Mutex::new(Box::new(
        buf.clone(),
    )
        as Box<dyn std::io::Write + Send>));
    let options = casebot::console::ConsoleOptions {
        class: "classe-console".into(),
        teachers: vec!["prof".into()],
        default_user: "alice".into(),
        files_dir,
    };
    let input = tokio::io::BufReader::new(script);
    casebot::console::run(play.engine.clone(), input, out, options)
        .await
        .expect("the console goes on to the end of its input");
    let bytes = buf.0.lock().expect("buffer").clone();
    plain(&String::from_utf8(bytes).expect("the console writes UTF-8"))
}

const NOT_TEXT: &str =
    "Cette ligne n’est pas du texte lisible (UTF-8) : elle est ignorée, rien n’a changé.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_skips_lines_it_cannot_read_and_goes_on() {
    let files = TempDir::new("console-input-files");
    let mut script: Vec<u8> = b"alice> /entrainement 1.2.a\n".to_vec();
    script.extend_from_slice(b"alice> /repondre 17,76 \xff\xfe %\n");
    script.extend_from_slice(&vec![b'7'; casebot::console::MAX_LINE_BYTES + 10]);
    script.extend_from_slice(b"\n");
    // A draft on several lines with an unreadable line inside: that line is skipped.
    script.extend_from_slice(b"alice> /brouillon\nUn olivier pour ICOOPA\n\xc3\x28\n#RSE\n.\n");
    script.extend_from_slice(b"alice> /repondre 17,76 %\r\n");
    let output = run_console("console-bad-lines", &script, files.path.clone()).await;
    assert_eq!(output.matches(NOT_TEXT).count(), 2, "{output}");
    assert!(
        output.contains("Cette ligne dépasse 64 Ko : elle est ignorée, rien n’a changé."),
        "{output}"
    );
    assert!(
        output.contains("hashtags : 1"),
        "the draft was read: {output}"
    );
    assert!(
        output.contains("[privé → alice] 1.2.a (calcul 1/1)\n✅ Juste : 17,76 %."),
        "the answer after the bad lines is judged, with its CRLF: {output}"
    );
    assert!(
        !output.contains("Ce n’est pas ça"),
        "no try was lost: {output}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_the_console_cannot_write_is_reported_and_the_session_goes_on() {
    let dir = TempDir::new("console-unwritable");
    // The files folder is a file: nothing can be written under it.
    let blocked = dir.path.join("not-a-folder");
    std::fs::write(&blocked, b"x").expect("write the blocking file");
    let script = b"alice> /annexe 7\nalice> /annexe 3\nalice> /question 1.2\n";
    let output = run_console("console-unwritable", script, blocked.clone()).await;
    let failed = "n’a pas pu être écrit (vérifiez que le dossier existe, que vous pouvez y écrire et qu’il reste de la place) ; la console continue.";
    assert!(output.matches(failed).count() >= 2, "{output}");
    assert!(
        output.contains("1.2"),
        "the next command is answered: {output}"
    );
    assert_eq!(std::fs::read(&blocked).expect("still a file"), b"x");

    // A folder that can be written gets the whole picture and no temporary file.
    let ok = dir.path.join("images");
    let output = run_console("console-writable", b"alice> /annexe 7\n", ok.clone()).await;
    assert!(output.contains("📎"), "{output}");
    let names: Vec<String> = std::fs::read_dir(&ok)
        .expect("the folder was made")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.is_empty() && names.iter().all(|n| n.ends_with(".png")),
        "{names:?}"
    );
}
