//! Any text as a KPI formula: parsing, listing its references, rendering it for students and
//! evaluating it over extreme figures never panic (the arithmetic is checked: an overflow or a
//! division by zero is an error, not a crash).
#![no_main]

use casebot::formula::parse;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

/// Figures a reference may stand for: ordinary, zero, tiny and the largest decimals.
const FIGURES: [Decimal; 8] = [
    Decimal::ONE,
    Decimal::ZERO,
    Decimal::ONE_HUNDRED,
    Decimal::MAX,
    Decimal::MIN,
    Decimal::from_parts(1, 0, 0, false, 28),
    Decimal::from_parts(1, 0, 0, true, 28),
    Decimal::from_parts(1940, 0, 0, false, 2),
];

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(expr) = parse(src) else {
        return;
    };
    let refs = expr.refs();
    let _ = expr.render(&mut |r: &String| r.clone());
    for shift in 0..FIGURES.len() {
        let mut leaf =
            |r: &String| -> Result<Decimal, ()> { Ok(FIGURES[(r.len() + shift) % FIGURES.len()]) };
        let _ = expr.eval(&mut leaf, || ());
    }
    drop(refs);
});
