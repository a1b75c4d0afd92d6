//! Any text as a LinkedIn draft of the bundled case: the analysis (eleven rules and the
//! counts) and its feedback, as text and JSON, never panic.
#![no_main]

use casebot::linkedin::{analyse, render, Draft};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let app = casebot_fuzz::app();
    let Some(workshop) = &casebot_fuzz::case().workshop else {
        return;
    };
    let _ = Draft::read(&text);
    let analysis = analyse(&text, &workshop.params);
    let _ = analysis.all_met();
    let _ = render::feedback(&app.messages, &workshop.params, &analysis);
    let _ = render::feedback_json(&app.messages, &workshop.params, &analysis);
});
