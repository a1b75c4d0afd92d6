//! A pack whose one file is replaced by any bytes: the first byte picks the file (one of the
//! fourteen TOML files of the bundled pack and its texts), the rest is its new content. The
//! loader reports problems or loads; a pack that loads is then played (see
//! `casebot_fuzz::play`). Neither may panic.
#![no_main]

use casebot_fuzz::{Scratch, PACK_FILES};
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::new("pack_bytes"));
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, content)) = data.split_first() else {
        return;
    };
    let file = usize::from(pick) % PACK_FILES.len();
    let app = casebot_fuzz::app();
    SCRATCH.with_borrow_mut(|scratch| {
        scratch.set(&[(file, content)]);
        match casebot::pack::load(&scratch.pack_dir()) {
            Ok(case) => casebot_fuzz::play(&case, &app.messages),
            Err(errors) => {
                let _ = errors.to_string();
            }
        }
    });
});
