//! Any bytes as a subject a teacher uploads (`/cas importer`): the first byte says how they are
//! sent (a zip, or a loose TOML file among the bundled pack's), the rest is the file. Unpacking
//! refuses or gives files, under the bounds of `config/play.toml`; files that unpack are loaded
//! with every check, and a pack that loads is played (see `casebot_fuzz::play`). Nothing may
//! panic, and nothing unpacked may exceed the bounds.
#![no_main]

use casebot::pack::upload::{self, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    let limits = Limits::default();
    let sent: Vec<(String, Vec<u8>)> = if how % 2 == 0 {
        vec![("sujet.zip".to_string(), bytes.to_vec())]
    } else {
        // A loose file replacing one of the pack's (the others sent as they are).
        let mut files = casebot_fuzz::loose_pack();
        let i = usize::from(how / 2) % files.len();
        files[i].1 = bytes.to_vec();
        files
    };
    let Ok(up) = upload::unpack_all(&sent, &limits) else {
        return;
    };
    assert!(up.files.len() <= limits.max_files);
    assert!(up.files.total_bytes() <= limits.max_unpacked_bytes);
    assert!(up
        .files
        .iter()
        .all(|(p, t)| !p.contains("..") && t.len() <= limits.max_file_bytes));
    let app = casebot_fuzz::app();
    match casebot::pack::load_unpacked(&up) {
        Ok(case) => casebot_fuzz::play(&case, &app.messages),
        Err(errors) => {
            let _ = errors.to_string();
        }
    }
});
