//! Any text as written work of the bundled case: a one-sentence comment of a figure with
//! readings (the first byte picks which), a réflexion's structure, and the spell check (with a
//! short word's suggestions) never panic.
#![no_main]

use casebot::interpret::analyse_comment;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let case = casebot_fuzz::case();
    let parts = &case.readings.parts;
    if !parts.is_empty() {
        let readings = &parts[usize::from(pick) % parts.len()];
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
        // Unknown words listed without suggestions; one short word's suggestions (each asks
        // the dictionary a few hundred times).
        let _ = fr.check_text(&text, &|w| case.knows_word(w), 0);
        let short: String = text.chars().take(6).collect();
        let _ = fr.suggest(&short);
    }
});
