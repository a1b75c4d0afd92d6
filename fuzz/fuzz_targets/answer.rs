//! Any bytes as an answer to every KPI of the bundled pack: the parser, the checker and the
//! French verdict never panic, whatever a student types.
#![no_main]

use casebot::check::parse::{dot_readings, is_ambiguous_dot, parse_answer};
use casebot::render;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Discord and the console hand the engine text; anything else becomes text the same way.
    let text = String::from_utf8_lossy(data);
    let app = casebot_fuzz::app();
    let case = casebot_fuzz::case();
    let _ = parse_answer(&text);
    let _ = is_ambiguous_dot(&text);
    let _ = dot_readings(&text);
    for kpi in 0..case.kpis.len() {
        let outcome = case.check(kpi, &text);
        let _ = render::verdict(&app.messages, case, kpi, &outcome);
    }
});
