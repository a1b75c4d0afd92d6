//! Time, injected: the engine asks a [`Clock`] for "now" (milliseconds since the Unix epoch,
//! UTC) so tests drive it. [`TokioClock`] follows tokio's clock, which tests pause and advance.

use std::time::{SystemTime, UNIX_EPOCH};

pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> i64;
}

fn system_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Wall-clock time that advances with tokio's clock: real time in production, paused and
/// auto-advanced time under `tokio::time::pause()`.
#[derive(Debug, Clone)]
pub struct TokioClock {
    base_ms: i64,
    base: tokio::time::Instant,
}

impl TokioClock {
    /// Starts at the system time.
    pub fn new() -> TokioClock {
        TokioClock::starting_at(system_ms())
    }

    /// Starts at a chosen time (tests).
    pub fn starting_at(ms: i64) -> TokioClock {
        TokioClock {
            base_ms: ms,
            base: tokio::time::Instant::now(),
        }
    }
}

impl Default for TokioClock {
    fn default() -> Self {
        TokioClock::new()
    }
}

impl Clock for TokioClock {
    fn now_ms(&self) -> i64 {
        self.base_ms + self.base.elapsed().as_millis() as i64
    }
}

/// A clock that moves only when told to (tests, benchmarks).
#[derive(Debug, Clone, Default)]
pub struct ManualClock {
    now: std::sync::Arc<std::sync::atomic::AtomicI64>,
}

impl ManualClock {
    pub fn starting_at(ms: i64) -> ManualClock {
        ManualClock {
            now: std::sync::Arc::new(std::sync::atomic::AtomicI64::new(ms)),
        }
    }

    /// Moves the clock forward by `ms` milliseconds.
    pub fn advance(&self, ms: i64) {
        self.now.fetch_add(ms, std::sync::atomic::Ordering::SeqCst);
    }

    pub fn set(&self, ms: i64) {
        self.now.store(ms, std::sync::atomic::Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.now.load(std::sync::atomic::Ordering::SeqCst)
    }
}
