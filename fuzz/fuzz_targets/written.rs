//! Any text as written work of the bundled case: a one-sentence comment of every figure with
//! readings, a réflexion's structure, and the spell check (with suggestions) never panic.
#![no_main]

use casebot::interpret::analyse_comment;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let case = casebot_fuzz::case();
    for readings in &case.readings.parts {
        let _ = analyse_comment(
            &text,
            readings,
            case,
            &case.plans,
            case.readings.sentence_max,
        );
    }
    if let Some(params) = &case.reflexion {
        let _ = casebot::reflexion::analyse(&text, params);
    }
    if let Some(fr) = casebot::spell::french() {
        let _ = fr.check_text(&text, &|w| case.knows_word(w), 3);
    }
});
