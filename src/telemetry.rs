//! Logging: `tracing` to standard error, filtered by `RUST_LOG` (default: warnings).
//!
//! Two guards keep secrets out of the log at every level, `RUST_LOG=trace` included:
//! - the websocket libraries' frame dumps (`tungstenite` at trace level prints every frame
//!   sent, the gateway's IDENTIFY with the bot token among them) are never recorded;
//! - every line written is scrubbed of the secrets registered with [`redact`] (the Discord
//!   token, as soon as it is read), whatever library logged it.
//!
//! Colour codes are written only when standard error is a terminal (not in a journal or a file).

use std::io::{IsTerminal, Write};
use std::sync::{Mutex, OnceLock};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::Layer;

/// What a secret is replaced with in the log.
pub const REDACTED: &str = "[secret masqué]";

/// Secrets shorter than this are not scrubbed (they would match ordinary text); a real Discord
/// token is about 70 characters.
const MIN_SECRET_LEN: usize = 8;

fn secrets() -> &'static Mutex<Vec<String>> {
    static SECRETS: OnceLock<Mutex<Vec<String>>> = OnceLock::new();
    SECRETS.get_or_init(|| Mutex::new(Vec::new()))
}

/// Registers a secret: from now on no log line shows it.
pub fn redact(secret: &str) {
    let secret = secret.trim();
    if secret.len() < MIN_SECRET_LEN {
        return;
    }
    if let Ok(mut list) = secrets().lock() {
        if !list.iter().any(|s| s == secret) {
            list.push(secret.to_string());
        }
    }
}

/// `text` with every registered secret replaced by [`REDACTED`].
pub fn scrub(text: &str) -> std::borrow::Cow<'_, str> {
    let Ok(list) = secrets().lock() else {
        return std::borrow::Cow::Borrowed(text);
    };
    if !list.iter().any(|s| text.contains(s.as_str())) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for secret in list.iter() {
        out = out.replace(secret.as_str(), REDACTED);
    }
    std::borrow::Cow::Owned(out)
}

/// A writer that scrubs each write. The fmt layer writes one whole event per call, so a secret
/// is never split across two writes.
pub struct Scrubbing<W>(W);

impl<W: Write> Write for Scrubbing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(scrub(&text).as_bytes())?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Makes [`Scrubbing`] writers around another writer maker.
pub struct ScrubbingWriter<M>(pub M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for ScrubbingWriter<M> {
    type Writer = Scrubbing<M::Writer>;
    fn make_writer(&'a self) -> Self::Writer {
        Scrubbing(self.0.make_writer())
    }
}

/// Whether an event may be recorded: never the websocket libraries' trace-level frame dumps.
fn allowed(meta: &tracing::Metadata<'_>) -> bool {
    let target = meta.target();
    let websocket = target.starts_with("tungstenite") || target.starts_with("tokio_tungstenite");
    !(websocket && *meta.level() == tracing::Level::TRACE)
}

/// The subscriber casebot logs with, writing to `writer` (standard error in the binary; a
/// buffer in tests), with colour codes or not.
pub fn subscriber<W>(filter: &str, writer: W, ansi: bool) -> impl tracing::Subscriber + Send + Sync
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let layer = tracing_subscriber::fmt::layer()
        .with_ansi(ansi)
        .with_writer(ScrubbingWriter(writer))
        .with_filter(tracing_subscriber::filter::filter_fn(allowed))
        .with_filter(filter);
    tracing_subscriber::registry().with(layer)
}

/// Installs the log subscriber once; later calls do nothing.
pub fn init() {
    let filter = std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".to_string());
    let ansi = std::io::stderr().is_terminal();
    // `try_init` also routes the `log` records of libraries such as tungstenite to the same
    // subscriber, through the same guards.
    use tracing_subscriber::util::SubscriberInitExt;
    let _ = subscriber(&filter, std::io::stderr, ansi).try_init();
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[derive(Clone, Default)]
    struct Buf(Arc<Mutex<Vec<u8>>>);
    impl Write for Buf {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .map_err(|_| std::io::Error::other("poisoned"))?
                .extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    impl<'a> MakeWriter<'a> for Buf {
        type Writer = Buf;
        fn make_writer(&'a self) -> Buf {
            self.clone()
        }
    }

    #[test]
    fn no_log_line_shows_the_token_at_any_level() {
        let token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.test-token-never-logged-0123456789";
        redact(token);
        redact("short");
        let buf = Buf::default();
        let sub = subscriber("trace", buf.clone(), false);
        tracing::subscriber::with_default(sub, || {
            let identify = format!(r#"{{"op":2,"d":{{"token":"{token}","intents":1}}}}"#);
            tracing::trace!(target: "tungstenite::protocol", "Sending frame: {identify}");
            tracing::trace!(target: "tokio_tungstenite", "{identify}");
            tracing::debug!(target: "tungstenite::protocol", "Received close frame");
            tracing::trace!(target: "serenity::gateway", "payload {identify}");
            tracing::error!(token, "an error that names the token");
        });
        let out = String::from_utf8(buf.0.lock().expect("buffer").clone()).expect("utf-8");
        assert!(!out.contains(token), "{out}");
        assert!(
            !out.contains("Sending frame"),
            "frame dumps are dropped: {out}"
        );
        assert!(
            out.contains("Received close frame"),
            "debug from tungstenite is kept: {out}"
        );
        assert_eq!(out.matches(REDACTED).count(), 2, "{out}");
        assert!(
            !out.contains('\u{1b}'),
            "no colour codes when asked for none: {out}"
        );
        assert_eq!(scrub("short text"), "short text");
    }
}
