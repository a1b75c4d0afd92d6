//! A fake Discord for end-to-end tests of the bot: REST (`/api/v10/...`) and the gateway
//! (websocket) on one port of 127.0.0.1, started by the test.
//!
//! Point serenity at it with
//! `HttpBuilder::new("fake-token").proxy(fake.base_url()).ratelimiter_disabled(true)`: every REST
//! call then arrives here as plain HTTP, and `GET /gateway` hands out `ws://127.0.0.1:PORT`.
//!
//! The gateway: HELLO on connect; IDENTIFY → READY (a new session); RESUME of the current
//! session → the missed dispatches, then RESUMED (an unknown session → op 9, not resumable);
//! heartbeats are acknowledged. [`FakeDiscord::dispatch`] sends an event with the next sequence
//! number; while no session is live, events wait and follow the next READY or RESUMED.
//!
//! REST: every call is recorded ([`Recorded`]) and answered with an object serenity 0.12.5
//! deserialises. The fake keeps what Discord would: messages (by id), interactions dispatched
//! through it (a callback for an unknown interaction → 404 `10062`, a second callback → 400
//! `40060`, a follow-up or an `@original` edit before the callback → 404), DM channels, commands,
//! and threads started from messages ([`FakeDiscord::threads`]).
//! Unknown routes → 404 JSON, recorded too. Waits are measured in real time, so they behave the
//! same under tokio's paused clock.
//!
//! Request bodies are checked against Discord's rules by [`openapi::check_all`].

#![allow(dead_code)]

pub mod openapi;

#[allow(unused_imports)]
pub use openapi::{check_all, check_limits, Spec};

use axum::extract::ws::{Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot, Notify};

/// Discord permission bits (as in the API).
pub mod perms {
    pub const ADD_REACTIONS: u64 = 1 << 6;
    pub const MANAGE_GUILD: u64 = 1 << 5;
    pub const ADMINISTRATOR: u64 = 1 << 3;
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    pub const SEND_MESSAGES: u64 = 1 << 11;
    pub const EMBED_LINKS: u64 = 1 << 14;
    pub const ATTACH_FILES: u64 = 1 << 15;
    pub const READ_MESSAGE_HISTORY: u64 = 1 << 16;
    pub const USE_EXTERNAL_EMOJIS: u64 = 1 << 18;
    pub const USE_APPLICATION_COMMANDS: u64 = 1 << 31;
    pub const SEND_MESSAGES_IN_THREADS: u64 = 1 << 38;
    /// What an ordinary member may do in a class channel.
    pub const MEMBER: u64 = VIEW_CHANNEL
        | SEND_MESSAGES
        | READ_MESSAGE_HISTORY
        | ADD_REACTIONS
        | EMBED_LINKS
        | ATTACH_FILES
        | USE_APPLICATION_COMMANDS;
    /// What the bot may do in every channel (`app_permissions` of interactions).
    pub const BOT: u64 = MEMBER | USE_EXTERNAL_EMOJIS | SEND_MESSAGES_IN_THREADS;
}

/// The heartbeat interval announced in HELLO, in milliseconds (short, so that tests exercise
/// heartbeats and their acknowledgements).
pub const HEARTBEAT_INTERVAL_MS: u64 = 1_000;

/// One REST call the bot made, as the fake received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// Without the `/api/v10` prefix and without query, e.g. `/interactions/1/tok-1/callback`.
    pub path: String,
    /// The query string without `?` and without the leading `&` serenity writes (`wait=true`).
    pub query: String,
    /// The JSON body, or the `payload_json` part of a multipart body. A body that is not JSON is
    /// kept as a string `"<not JSON: ...>"` (and answered 400), so that checks flag it.
    pub json: Option<Value>,
    /// The files of a multipart body: (filename, bytes).
    pub files: Vec<(String, Vec<u8>)>,
    pub at: Instant,
}

/// A cheap handle on a running fake Discord.
#[derive(Clone)]
pub struct FakeDiscord {
    shared: Arc<Shared>,
}

struct Shared {
    port: u16,
    inner: Mutex<Inner>,
    changed: Notify,
    fail_channel_messages: AtomicBool,
    server: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

#[derive(Default)]
struct Inner {
    port: u16,
    requests: Vec<Recorded>,
    connections: usize,
    identifies: usize,
    resumes: usize,
    heartbeats: usize,
    next_conn: u64,
    /// Every open websocket, by connection number.
    live: HashMap<u64, mpsc::UnboundedSender<Out>>,
    /// The connection whose session is established (READY or RESUMED sent on it).
    current: Option<u64>,
    session: Option<Session>,
    sessions: u64,
    /// Dispatches made while no session was live, sent after the next READY or RESUMED.
    pending: Vec<(String, Value)>,
    next_id: u64,
    messages: HashMap<u64, Value>,
    interactions: HashMap<u64, Interaction>,
    dm_channels: HashMap<u64, u64>,
    channel_guilds: HashMap<u64, u64>,
    /// Threads started from messages, in creation order.
    threads: Vec<Thread>,
    /// The channel object of each thread, by thread id (kept up to date as messages are posted).
    thread_channels: HashMap<u64, Value>,
    /// Names of the users seen in interactions.
    users: HashMap<u64, String>,
    commands: HashMap<Option<u64>, Vec<Value>>,
    shut: bool,
    /// The message created under each nonce (`enforce_nonce`: a repeat returns it).
    nonces: HashMap<String, u64>,
    /// Texts of messages to hold: the next message holding one is created, then never
    /// answered (each text holds one message).
    hold: Vec<String>,
    /// Content of the messages held so far.
    held: Vec<String>,
    /// Files users attached to commands, by attachment id (served on the CDN path).
    attachments: HashMap<u64, Vec<u8>>,
    /// How many times each attachment was downloaded.
    downloads: HashMap<u64, usize>,
}

struct Session {
    id: String,
    seq: u64,
    /// Every dispatch of the session (`s`, frame), for replay on RESUME.
    log: Vec<(u64, String)>,
}

struct Interaction {
    token: String,
    channel_id: u64,
    payload: Value,
    /// The callback type once answered.
    acknowledged: Option<u64>,
    /// The id of the message `@original` designates.
    original: Option<u64>,
}

/// A thread the bot started from a message (`POST /channels/{id}/messages/{id}/threads`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thread {
    /// The thread's channel id: the id of the message it was started from, as on Discord.
    pub id: u64,
    /// The channel of that message.
    pub parent_id: u64,
    pub message_id: u64,
    pub name: String,
}

enum Out {
    Frame(String),
    /// Close the socket without a closing handshake, then acknowledge.
    Drop(oneshot::Sender<()>),
}

impl FakeDiscord {
    pub const APP_ID: u64 = 1_234_000_000_000_000_001;
    pub const BOT_USER_ID: u64 = 1_234_000_000_000_000_002;
    /// The owner of the application (`GET /oauth2/applications/@me`).
    pub const OWNER_USER_ID: u64 = 1_234_000_000_000_000_003;

    /// Starts the fake on 127.0.0.1 (a free port): HTTP and websocket on one port.
    pub async fn start() -> FakeDiscord {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local address").port();
        let shared = Arc::new(Shared {
            port,
            inner: Mutex::new(Inner {
                port,
                next_id: 1_300_000_000_000_000_000,
                ..Inner::default()
            }),
            changed: Notify::new(),
            fail_channel_messages: AtomicBool::new(false),
            server: Mutex::new(None),
        });
        let app = Router::new()
            .route("/", get(gateway))
            .route("/attachments/{id}/{name}", get(cdn_file))
            .fallback(rest)
            .with_state(Arc::clone(&shared));
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        *lock(&shared.server) = Some(server);
        FakeDiscord { shared }
    }

    /// Registers a file a user attaches to a slash command, served like Discord's CDN at
    /// `http://127.0.0.1:PORT/attachments/ID/NAME`. Gives the attachment object that goes in
    /// the interaction's `data.resolved.attachments` (see [`with_attachments`]). `size` is what
    /// Discord declares (normally the byte count).
    pub fn add_attachment(&self, id: u64, filename: &str, bytes: Vec<u8>, size: usize) -> Value {
        let url = format!("{}/attachments/{id}/{filename}", self.base_url());
        self.shared.lock().attachments.insert(id, bytes);
        json!({
            "id": id.to_string(),
            "filename": filename,
            "size": size,
            "url": url,
            "proxy_url": url,
            "content_type": if filename.ends_with(".zip") { "application/zip" } else { "application/toml" },
        })
    }

    /// How many times attachment `id` was downloaded.
    pub fn downloads(&self, id: u64) -> usize {
        self.shared.lock().downloads.get(&id).copied().unwrap_or(0)
    }

    /// `http://127.0.0.1:PORT`: what the bot gets as its API base (serenity's proxy).
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.shared.port)
    }

    /// `ws://127.0.0.1:PORT`: the gateway (`GET /gateway` answers it).
    pub fn gateway_url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.shared.port)
    }

    /// Waits until a session is live: a client identified and READY was sent, or it resumed and
    /// RESUMED was sent, on a connection still open. After [`Self::drop_connection`] this waits
    /// for the client to come back.
    pub async fn wait_ready(&self, timeout: Duration) -> bool {
        self.wait_until(timeout, |i| i.current.map(|_| ()))
            .await
            .is_some()
    }

    /// Sends a dispatch (`op` 0, `t` = `event`, `d` = `data`) with the next `s` of the session.
    /// Without a live session, the event waits for the next READY or RESUMED.
    /// An INTERACTION_CREATE is remembered, so that its callback and follow-ups are accepted.
    pub async fn dispatch(&self, event: &str, data: Value) {
        let mut inner = self.shared.lock();
        if event == "INTERACTION_CREATE" {
            inner.remember_interaction(&data);
        }
        match inner.current {
            Some(conn) => inner.send_dispatch(conn, event, data),
            None => inner.pending.push((event.to_string(), data)),
        }
        drop(inner);
        self.shared.changed.notify_waiters();
    }

    /// Closes every open websocket abruptly (no closing handshake) and returns once they are
    /// closed. The client must come back by itself (RESUME, or IDENTIFY after op 9).
    pub async fn drop_connection(&self) {
        let acks: Vec<oneshot::Receiver<()>> = {
            let inner = self.shared.lock();
            inner
                .live
                .values()
                .filter_map(|tx| {
                    let (ack, done) = oneshot::channel();
                    tx.send(Out::Drop(ack)).ok().map(|_| done)
                })
                .collect()
        };
        for done in acks {
            let _ = real_timeout(Duration::from_secs(5), done).await;
        }
    }

    /// Websocket connections accepted so far.
    pub fn connections(&self) -> usize {
        self.shared.lock().connections
    }

    /// IDENTIFYs received so far.
    pub fn identifies(&self) -> usize {
        self.shared.lock().identifies
    }

    /// RESUMEs received so far.
    pub fn resumes(&self) -> usize {
        self.shared.lock().resumes
    }

    /// Heartbeats (op 1) received (and acknowledged) so far.
    pub fn heartbeats(&self) -> usize {
        self.shared.lock().heartbeats
    }

    /// Every REST call, in the order received.
    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.lock().requests.clone()
    }

    /// The first recorded REST call (past ones included) that satisfies `pred`, waiting for it
    /// up to `timeout`.
    pub async fn wait_for(
        &self,
        pred: impl Fn(&Recorded) -> bool,
        timeout: Duration,
    ) -> Option<Recorded> {
        self.wait_for_from(0, pred, timeout).await
    }

    /// Like [`Self::wait_for`], among the calls from number `start` on (`requests().len()` taken
    /// before an action gives the calls the action caused).
    pub async fn wait_for_from(
        &self,
        start: usize,
        pred: impl Fn(&Recorded) -> bool,
        timeout: Duration,
    ) -> Option<Recorded> {
        self.wait_until(timeout, |i| {
            i.requests.iter().skip(start).find(|r| pred(r)).cloned()
        })
        .await
    }

    /// While on, `POST /channels/{id}/messages` answers 500 (still recorded).
    pub fn fail_channel_messages(&self, on: bool) {
        self.shared
            .fail_channel_messages
            .store(on, Ordering::SeqCst);
    }

    /// The next message the bot posts whose content holds `text` is created (it shows in the
    /// channel) and its request never answered, as if Discord took it and the answer was
    /// lost while the bot was killed.
    pub fn hold_once(&self, text: &str) {
        self.shared.lock().hold.push(text.to_string());
    }

    /// Waits until a message holding `text` was held by [`Self::hold_once`]; its content.
    pub async fn wait_held(&self, text: &str, timeout: Duration) -> Option<String> {
        self.wait_until(timeout, |i| {
            i.held.iter().find(|c| c.contains(text)).cloned()
        })
        .await
    }

    /// Every message the bot posted so far (channels and direct messages), in order.
    pub fn posted_messages(&self) -> Vec<Value> {
        let inner = self.shared.lock();
        let mut list: Vec<(u64, Value)> = inner
            .messages
            .iter()
            .map(|(id, m)| (*id, m.clone()))
            .collect();
        list.sort_by_key(|(id, _)| *id);
        list.into_iter()
            .filter(|(_, m)| m["author"]["id"] == FakeDiscord::BOT_USER_ID.to_string().as_str())
            .map(|(_, m)| m)
            .collect()
    }

    /// A message the fake holds (sent by the bot, or the message of a dispatched component
    /// interaction), as the API returns it.
    pub fn message(&self, id: u64) -> Option<Value> {
        self.shared.lock().messages.get(&id).cloned()
    }

    /// The latest message the bot sent that holds a component with this `custom_id`, a button or
    /// a select menu, at any depth of its action rows (to put in a [`button_click`] or a
    /// [`select_menu`] as its `message`).
    pub fn message_with_component(&self, custom_id: &str) -> Option<Value> {
        let inner = self.shared.lock();
        inner
            .messages
            .iter()
            .filter(|(_, m)| has_custom_id(&m["components"], custom_id))
            .max_by_key(|(id, _)| **id)
            .map(|(_, m)| m.clone())
    }

    /// The threads started from messages, in creation order.
    pub fn threads(&self) -> Vec<Thread> {
        self.shared.lock().threads.clone()
    }

    /// Makes `channel_id` a text channel of `guild_id`, as an interaction dispatched in it does:
    /// `GET /channels/{id}` then answers it, and threads can be started from its messages.
    pub fn add_guild_channel(&self, channel_id: u64, guild_id: u64) {
        self.shared
            .lock()
            .channel_guilds
            .insert(channel_id, guild_id);
    }

    /// The DM channel the fake opened for this user (`POST /users/@me/channels`), if any.
    pub fn dm_channel_of(&self, user_id: u64) -> Option<u64> {
        self.shared.lock().dm_channels.get(&user_id).copied()
    }

    /// Stops the fake: closes every websocket and the listener. Clients then fail to reconnect.
    pub async fn shutdown(&self) {
        self.shared.lock().shut = true;
        self.drop_connection().await;
        let server = lock(&self.shared.server).take();
        if let Some(server) = server {
            server.abort();
            let _ = server.await;
        }
    }

    async fn wait_until<T>(
        &self,
        timeout: Duration,
        mut check: impl FnMut(&Inner) -> Option<T>,
    ) -> Option<T> {
        let start = Instant::now();
        let timer = RealTimer::start(timeout);
        loop {
            let notified = self.shared.changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(found) = check(&self.shared.lock()) {
                return Some(found);
            }
            if start.elapsed() >= timeout {
                return None;
            }
            tokio::select! {
                _ = &mut notified => {}
                _ = timer.notify.notified() => {}
            }
        }
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        lock(&self.inner)
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Wakes a waiter after a real (wall-clock) delay, whatever tokio's clock does.
struct RealTimer {
    notify: Arc<Notify>,
    _stop: std::sync::mpsc::Sender<()>,
}

impl RealTimer {
    fn start(after: Duration) -> RealTimer {
        let notify = Arc::new(Notify::new());
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let wake = Arc::clone(&notify);
        std::thread::spawn(move || {
            if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(after) {
                wake.notify_one();
            }
        });
        RealTimer {
            notify,
            _stop: stop,
        }
    }
}

async fn real_timeout<F: std::future::Future>(after: Duration, f: F) -> Option<F::Output> {
    let timer = RealTimer::start(after);
    tokio::select! {
        out = f => Some(out),
        _ = timer.notify.notified() => None,
    }
}

// ------------------------------------------------------------------------------------------
// The gateway

async fn gateway(State(shared): State<Arc<Shared>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| connection(shared, socket))
}

async fn connection(shared: Arc<Shared>, mut socket: WebSocket) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let id = {
        let mut inner = shared.lock();
        if inner.shut {
            return;
        }
        inner.connections += 1;
        inner.next_conn += 1;
        let id = inner.next_conn;
        inner.live.insert(id, tx);
        id
    };
    shared.changed.notify_waiters();
    let hello =
        json!({"op": 10, "s": null, "t": null, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}});
    let mut ack = None;
    if socket
        .send(WsMessage::Text(hello.to_string().into()))
        .await
        .is_ok()
    {
        loop {
            tokio::select! {
                incoming = socket.recv() => match incoming {
                    Some(Ok(WsMessage::Text(text))) => {
                        shared.lock().on_gateway_message(id, text.as_str());
                        shared.changed.notify_waiters();
                    }
                    Some(Ok(WsMessage::Close(_))) | Some(Err(_)) | None => break,
                    Some(Ok(_)) => {}
                },
                out = rx.recv() => match out {
                    Some(Out::Frame(text)) => {
                        if socket.send(WsMessage::Text(text.into())).await.is_err() {
                            break;
                        }
                    }
                    Some(Out::Drop(done)) => {
                        ack = Some(done);
                        break;
                    }
                    None => break,
                },
            }
        }
    }
    drop(socket);
    {
        let mut inner = shared.lock();
        inner.live.remove(&id);
        if inner.current == Some(id) {
            inner.current = None;
        }
    }
    shared.changed.notify_waiters();
    if let Some(done) = ack {
        let _ = done.send(());
    }
}

impl Inner {
    fn send_frame(&self, conn: u64, frame: String) {
        if let Some(tx) = self.live.get(&conn) {
            let _ = tx.send(Out::Frame(frame));
        }
    }

    /// A dispatch on the live session: next `s`, logged for replay, sent.
    fn send_dispatch(&mut self, conn: u64, event: &str, data: Value) {
        let Some(session) = self.session.as_mut() else {
            self.pending.push((event.to_string(), data));
            return;
        };
        session.seq += 1;
        let s = session.seq;
        let frame = json!({"op": 0, "s": s, "t": event, "d": data}).to_string();
        session.log.push((s, frame.clone()));
        self.send_frame(conn, frame);
    }

    fn flush_pending(&mut self, conn: u64) {
        for (event, data) in std::mem::take(&mut self.pending) {
            self.send_dispatch(conn, &event, data);
        }
    }

    fn on_gateway_message(&mut self, conn: u64, text: &str) {
        let Ok(msg) = serde_json::from_str::<Value>(text) else {
            return;
        };
        match msg["op"].as_u64() {
            Some(1) => {
                self.heartbeats += 1;
                self.send_frame(
                    conn,
                    json!({"op": 11, "s": null, "t": null, "d": null}).to_string(),
                );
            }
            Some(2) => {
                self.identifies += 1;
                self.sessions += 1;
                let shard = match &msg["d"]["shard"] {
                    Value::Array(a) if a.len() == 2 => Value::Array(a.clone()),
                    _ => json!([0, 1]),
                };
                let session = Session {
                    id: format!("fake-session-{}", self.sessions),
                    seq: 1,
                    log: Vec::new(),
                };
                let ready = json!({
                    "op": 0, "s": 1, "t": "READY",
                    "d": {
                        "v": 10,
                        "user": bot_user(),
                        "guilds": [],
                        "session_id": session.id,
                        "resume_gateway_url": format!("ws://127.0.0.1:{}", self.port),
                        "shard": shard,
                        "application": {"id": FakeDiscord::APP_ID.to_string(), "flags": 0},
                        "private_channels": [],
                        "relationships": [],
                    }
                });
                self.session = Some(session);
                self.send_frame(conn, ready.to_string());
                self.current = Some(conn);
                self.flush_pending(conn);
            }
            Some(6) => {
                self.resumes += 1;
                let wanted = msg["d"]["session_id"].as_str().unwrap_or("");
                let after = msg["d"]["seq"].as_u64().unwrap_or(0);
                let Some(session) = self.session.as_mut().filter(|s| s.id == wanted) else {
                    self.send_frame(
                        conn,
                        json!({"op": 9, "s": null, "t": null, "d": false}).to_string(),
                    );
                    return;
                };
                let replay: Vec<String> = session
                    .log
                    .iter()
                    .filter(|(s, _)| *s > after)
                    .map(|(_, f)| f.clone())
                    .collect();
                session.seq += 1;
                let resumed = json!({"op": 0, "s": session.seq, "t": "RESUMED", "d": {}});
                for frame in replay {
                    self.send_frame(conn, frame);
                }
                self.send_frame(conn, resumed.to_string());
                self.current = Some(conn);
                self.flush_pending(conn);
            }
            _ => {} // presence updates, member requests...: nothing to answer
        }
    }

    fn remember_interaction(&mut self, data: &Value) {
        let (Some(id), Some(token)) = (snowflake(&data["id"]), data["token"].as_str()) else {
            return;
        };
        let channel_id = snowflake(&data["channel_id"]).unwrap_or(0);
        if let Some(guild) = snowflake(&data["guild_id"]) {
            self.channel_guilds.insert(channel_id, guild);
            // Channels named in options can be fetched too (poise does, for `Channel` arguments).
            if let Some(channels) = data["data"]["resolved"]["channels"].as_object() {
                for id in channels.keys().filter_map(|k| k.parse().ok()) {
                    self.channel_guilds.entry(id).or_insert(guild);
                }
            }
        }
        for user in [&data["member"]["user"], &data["user"]].into_iter().chain(
            data["data"]["resolved"]["users"]
                .as_object()
                .into_iter()
                .flat_map(|m| m.values()),
        ) {
            if let (Some(id), Some(name)) = (snowflake(&user["id"]), user["username"].as_str()) {
                self.users.insert(id, name.to_string());
            }
        }
        if let Some(message) = data.get("message").filter(|m| m.is_object()) {
            if let Some(mid) = snowflake(&message["id"]) {
                self.messages.entry(mid).or_insert_with(|| message.clone());
            }
        }
        self.interactions.insert(
            id,
            Interaction {
                token: token.to_string(),
                channel_id,
                payload: data.clone(),
                acknowledged: None,
                original: None,
            },
        );
    }

    fn user_name(&self, id: u64) -> String {
        self.users
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("user{id}"))
    }

    fn new_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }
}

// ------------------------------------------------------------------------------------------
// REST

/// A file of Discord's CDN: an attachment registered with [`FakeDiscord::add_attachment`].
async fn cdn_file(
    State(shared): State<Arc<Shared>>,
    axum::extract::Path((id, _name)): axum::extract::Path<(u64, String)>,
) -> Response {
    let mut inner = shared.lock();
    *inner.downloads.entry(id).or_default() += 1;
    match inner.attachments.get(&id) {
        Some(bytes) => (StatusCode::OK, bytes.clone()).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn rest(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let method = req.method().as_str().to_string();
    let uri = req.uri().clone();
    let headers = req.headers().clone();
    let bytes = axum::body::to_bytes(req.into_body(), 256 << 20)
        .await
        .unwrap_or_default();
    let raw = uri.path();
    let path = raw
        .strip_prefix("/api/v10")
        .or_else(|| raw.strip_prefix("/api/v9"))
        .unwrap_or(raw)
        .to_string();
    let query = uri
        .query()
        .unwrap_or("")
        .trim_start_matches('&')
        .to_string();
    let (json, files, bad_json) = parse_body(&headers, &bytes);
    let recorded = Recorded {
        method,
        path,
        query,
        json,
        files,
        at: Instant::now(),
    };
    let ((status, body), hold) = {
        let mut inner = shared.lock();
        let answer = if bad_json {
            error(
                StatusCode::BAD_REQUEST,
                50109,
                "The request body contains invalid JSON.",
            )
        } else {
            answer(&shared, &mut inner, &recorded)
        };
        let content = recorded
            .json
            .as_ref()
            .and_then(|j| j["content"].as_str())
            .unwrap_or("")
            .to_string();
        let hold = recorded.method == "POST"
            && recorded.path.ends_with("/messages")
            && answer.0 == StatusCode::OK
            && inner.hold.iter().any(|h| content.contains(h.as_str()));
        if hold {
            inner.hold.retain(|h| !content.contains(h.as_str()));
            inner.held.push(content);
        }
        inner.requests.push(recorded);
        (answer, hold)
    };
    shared.changed.notify_waiters();
    if hold {
        // Taken, and never answered: the bot waits until it is killed.
        std::future::pending::<()>().await;
    }
    match body {
        Some(body) => (status, Json(body)).into_response(),
        None => status.into_response(),
    }
}

type Answer = (StatusCode, Option<Value>);

fn ok(v: Value) -> Answer {
    (StatusCode::OK, Some(v))
}

fn no_content() -> Answer {
    (StatusCode::NO_CONTENT, None)
}

fn error(status: StatusCode, code: u64, message: &str) -> Answer {
    (status, Some(json!({"message": message, "code": code})))
}

fn not_found() -> Answer {
    error(StatusCode::NOT_FOUND, 0, "404: Not Found")
}

fn answer(shared: &Shared, inner: &mut Inner, r: &Recorded) -> Answer {
    let segments: Vec<&str> = r.path.trim_matches('/').split('/').collect();
    let body = r.json.clone().unwrap_or(Value::Null);
    let id = |s: &str| s.parse::<u64>().ok();
    match (r.method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) => ok(json!({"url": format!("ws://127.0.0.1:{}", shared.port)})),
        ("GET", ["gateway", "bot"]) => ok(json!({
            "url": format!("ws://127.0.0.1:{}", shared.port),
            "shards": 1,
            "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1},
        })),
        ("GET", ["oauth2", "applications", "@me"]) | ("GET", ["applications", "@me"]) => {
            ok(application())
        }
        ("GET", ["users", "@me"]) => ok(bot_user()),
        ("GET", ["users", user]) => match id(user) {
            Some(u) => ok(user_json(u, &inner.user_name(u))),
            None => not_found(),
        },
        ("GET", ["guilds", _, "members", user]) => match id(user) {
            Some(u) => ok(member_json(&Member::new(u, &inner.user_name(u)))),
            None => not_found(),
        },
        ("POST", ["users", "@me", "channels"]) => {
            let Some(user) = snowflake(&body["recipient_id"]) else {
                return error(StatusCode::BAD_REQUEST, 50035, "Invalid Form Body");
            };
            let channel = match inner.dm_channels.get(&user) {
                Some(c) => *c,
                None => {
                    let c = inner.new_id();
                    inner.dm_channels.insert(user, c);
                    c
                }
            };
            ok(dm_channel(channel, user, &inner.user_name(user)))
        }
        ("GET", ["channels", channel]) => {
            let Some(channel) = id(channel) else {
                return not_found();
            };
            if let Some(thread) = inner.thread_channels.get(&channel) {
                return ok(thread.clone());
            }
            if let Some((user, _)) = inner.dm_channels.iter().find(|(_, c)| **c == channel) {
                return ok(dm_channel(channel, *user, &inner.user_name(*user)));
            }
            match inner.channel_guilds.get(&channel) {
                Some(guild) => ok(guild_channel(channel, *guild)),
                None => error(StatusCode::NOT_FOUND, 10003, "Unknown Channel"),
            }
        }
        ("POST", ["channels", channel, "messages"]) => {
            if shared.fail_channel_messages.load(Ordering::SeqCst) {
                return error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    0,
                    "500: Internal Server Error",
                );
            }
            let Some(channel) = id(channel) else {
                return not_found();
            };
            // As Discord: with `enforce_nonce`, a nonce seen before returns the message it
            // created, and nothing new is posted.
            let nonce = nonce_of(&body["nonce"]);
            if let (Some(nonce), true) = (&nonce, body["enforce_nonce"] == json!(true)) {
                if let Some(m) = inner
                    .nonces
                    .get(nonce)
                    .and_then(|mid| inner.messages.get(mid))
                {
                    return ok(m.clone());
                }
            }
            let mid = inner.new_id();
            let mut m = new_message(inner, mid, channel, &body, &r.files, false);
            if let Some(nonce) = nonce {
                m["nonce"] = json!(nonce);
                inner.nonces.insert(nonce, mid);
            }
            ok(m)
        }
        ("GET", ["channels", channel, "messages"]) => {
            let channel = channel.to_string();
            let limit = query_param(&r.query, "limit")
                .and_then(|l| l.parse::<usize>().ok())
                .unwrap_or(50);
            let mut list: Vec<(&u64, &Value)> = inner
                .messages
                .iter()
                .filter(|(_, m)| m["channel_id"] == channel.as_str())
                .collect();
            list.sort_by_key(|(id, _)| std::cmp::Reverse(**id));
            ok(Value::Array(
                list.into_iter()
                    .take(limit)
                    .map(|(_, m)| m.clone())
                    .collect(),
            ))
        }
        ("POST", ["channels", channel, "messages", message, "threads"]) => {
            start_thread(inner, id(channel), id(message), &body)
        }
        ("POST", ["channels", _, "typing"]) => no_content(),
        ("PUT" | "DELETE", ["channels", _, "messages", _, "reactions", ..]) => no_content(),
        ("GET", ["channels", _, "messages", message]) => {
            match id(message).and_then(|m| inner.messages.get(&m)) {
                Some(m) => ok(m.clone()),
                None => unknown_message(),
            }
        }
        ("PATCH", ["channels", _, "messages", message]) => match id(message) {
            Some(m) if inner.messages.contains_key(&m) => {
                ok(edit_message(inner, m, &body, &r.files))
            }
            _ => unknown_message(),
        },
        ("DELETE", ["channels", _, "messages", message]) => {
            match id(message).and_then(|m| inner.messages.remove(&m)) {
                Some(_) => no_content(),
                None => unknown_message(),
            }
        }
        ("POST", ["interactions", interaction, token, "callback"]) => {
            callback(inner, id(interaction), token, &body, &r.files)
        }
        ("POST", ["webhooks", app, token]) => {
            let Some(channel) = acknowledged(inner, app, token).map(|i| i.channel_id) else {
                return unknown_webhook();
            };
            let mid = inner.new_id();
            ok(new_message(inner, mid, channel, &body, &r.files, true))
        }
        (method @ ("GET" | "PATCH" | "DELETE"), ["webhooks", app, token, "messages", message]) => {
            let Some(interaction) = acknowledged(inner, app, token) else {
                return unknown_webhook();
            };
            let target = if *message == "@original" {
                interaction.original
            } else {
                id(message)
            };
            let Some(mid) = target.filter(|m| inner.messages.contains_key(m)) else {
                return unknown_message();
            };
            match method {
                "GET" => ok(inner.messages[&mid].clone()),
                "PATCH" => ok(edit_message(inner, mid, &body, &r.files)),
                _ => {
                    inner.messages.remove(&mid);
                    no_content()
                }
            }
        }
        ("PUT", ["applications", app, "commands"]) if is_app(app) => {
            set_commands(inner, None, &body)
        }
        ("PUT", ["applications", app, "guilds", guild, "commands"]) if is_app(app) => {
            set_commands(inner, id(guild), &body)
        }
        ("GET", ["applications", app, "commands"]) if is_app(app) => ok(Value::Array(
            inner.commands.get(&None).cloned().unwrap_or_default(),
        )),
        ("GET", ["applications", app, "guilds", guild, "commands"]) if is_app(app) => ok(
            Value::Array(inner.commands.get(&id(guild)).cloned().unwrap_or_default()),
        ),
        ("POST", ["applications", app, "commands"]) if is_app(app) => {
            upsert_command(inner, None, &body)
        }
        ("POST", ["applications", app, "guilds", guild, "commands"]) if is_app(app) => {
            upsert_command(inner, id(guild), &body)
        }
        _ => not_found(),
    }
}

fn is_app(app: &str) -> bool {
    app == FakeDiscord::APP_ID.to_string()
}

fn unknown_message() -> Answer {
    error(StatusCode::NOT_FOUND, 10008, "Unknown Message")
}

/// A 400 `50035` with Discord's `errors` tree for one field (serenity reads it into `errors`).
fn invalid_form(field: &str, code: &str, message: &str) -> Answer {
    let mut errors = json!({});
    errors[field] = json!({"_errors": [{"code": code, "message": message}]});
    (
        StatusCode::BAD_REQUEST,
        Some(json!({"message": "Invalid Form Body", "code": 50035, "errors": errors})),
    )
}

/// The thread durations Discord accepts (`auto_archive_duration`, in minutes).
const AUTO_ARCHIVE_DURATIONS: [u64; 4] = [60, 1440, 4320, 10080];

/// Start Thread from Message. As on Discord: the body is checked first (400 `50035`: `name` of 1
/// to 100 characters, `auto_archive_duration` among [`AUTO_ARCHIVE_DURATIONS`],
/// `rate_limit_per_user` within 0..=21600), then the message (404 `10008` unless it is in that
/// channel), then that it has no thread yet (400 `160004`). DM channels and threads take none
/// (400 `50024`); a channel whose guild the fake does not know → 404 `10003`. The thread is a
/// PUBLIC_THREAD (type 11) with the message's id; the message gets it as `thread` and the
/// HAS_THREAD flag. Answered 201, like Discord.
fn start_thread(
    inner: &mut Inner,
    channel: Option<u64>,
    message: Option<u64>,
    body: &Value,
) -> Answer {
    let name = match body.get("name") {
        Some(Value::String(n)) if (1..=100).contains(&n.chars().count()) => n.clone(),
        Some(Value::String(_)) => {
            return invalid_form(
                "name",
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.",
            )
        }
        None | Some(Value::Null) => {
            return invalid_form("name", "BASE_TYPE_REQUIRED", "This field is required")
        }
        Some(_) => {
            return invalid_form(
                "name",
                "STRING_TYPE_CONVERT",
                "Could not interpret as string.",
            )
        }
    };
    let auto_archive = match body.get("auto_archive_duration") {
        None | Some(Value::Null) => 1440,
        Some(d) => match d.as_u64().filter(|d| AUTO_ARCHIVE_DURATIONS.contains(d)) {
            Some(d) => d,
            None => {
                return invalid_form(
                    "auto_archive_duration",
                    "BASE_TYPE_CHOICES",
                    "Value must be one of {60, 1440, 4320, 10080}.",
                )
            }
        },
    };
    let rate_limit = match body.get("rate_limit_per_user") {
        None | Some(Value::Null) => 0,
        Some(r) => match r.as_u64().filter(|r| *r <= 21_600) {
            Some(r) => r,
            None => {
                return invalid_form(
                    "rate_limit_per_user",
                    "NUMBER_TYPE_MAX",
                    "int value should be less than or equal to 21600.",
                )
            }
        },
    };
    let (Some(channel), Some(mid)) = (channel, message) else {
        return unknown_message();
    };
    let Some(parent_message) = inner
        .messages
        .get(&mid)
        .filter(|m| snowflake(&m["channel_id"]) == Some(channel))
    else {
        return unknown_message();
    };
    if parent_message.get("thread").is_some_and(|t| !t.is_null())
        || inner.thread_channels.contains_key(&mid)
    {
        return error(
            StatusCode::BAD_REQUEST,
            160004,
            "A thread has already been created for this message",
        );
    }
    if inner.dm_channels.values().any(|c| *c == channel)
        || inner.thread_channels.contains_key(&channel)
    {
        return error(
            StatusCode::BAD_REQUEST,
            50024,
            "Cannot execute action on this channel type",
        );
    }
    let Some(guild) = inner.channel_guilds.get(&channel).copied() else {
        eprintln!(
            "fake Discord: no thread in channel {channel}: its guild is unknown (dispatch an \
             interaction in it, or call FakeDiscord::add_guild_channel)"
        );
        return error(StatusCode::NOT_FOUND, 10003, "Unknown Channel");
    };
    let thread = thread_channel(mid, guild, channel, &name, auto_archive, rate_limit);
    if let Some(m) = inner.messages.get_mut(&mid) {
        let flags = m["flags"].as_u64().unwrap_or(0) | (1 << 5); // HAS_THREAD
        m["flags"] = json!(flags);
        m["thread"] = thread.clone();
    }
    inner.channel_guilds.insert(mid, guild);
    inner.thread_channels.insert(mid, thread.clone());
    inner.threads.push(Thread {
        id: mid,
        parent_id: channel,
        message_id: mid,
        name,
    });
    (StatusCode::CREATED, Some(thread))
}

/// A message was posted in `channel`: when it is a thread, its counts and last message follow,
/// in the thread's channel object and in the `thread` of the message it was started from.
fn count_thread_message(inner: &mut Inner, channel: u64, message: u64) {
    let Some(thread) = inner.thread_channels.get_mut(&channel) else {
        return;
    };
    for key in ["message_count", "total_message_sent"] {
        thread[key] = json!(thread[key].as_u64().unwrap_or(0) + 1);
    }
    thread["last_message_id"] = json!(message.to_string());
    let thread = thread.clone();
    if let Some(starter) = inner.messages.get_mut(&channel) {
        starter["thread"] = thread;
    }
}

fn unknown_webhook() -> Answer {
    error(StatusCode::NOT_FOUND, 10015, "Unknown Webhook")
}

/// The interaction of a webhook token, once its callback was received.
fn acknowledged<'a>(inner: &'a Inner, app: &str, token: &str) -> Option<&'a Interaction> {
    if !is_app(app) {
        return None;
    }
    inner
        .interactions
        .values()
        .find(|i| i.token == token && i.acknowledged.is_some())
}

fn callback(
    inner: &mut Inner,
    interaction: Option<u64>,
    token: &str,
    body: &Value,
    files: &[(String, Vec<u8>)],
) -> Answer {
    let Some(iid) = interaction.filter(|i| inner.interactions.contains_key(i)) else {
        return error(StatusCode::NOT_FOUND, 10062, "Unknown interaction");
    };
    let it = &inner.interactions[&iid];
    if it.token != token {
        return error(StatusCode::UNAUTHORIZED, 50027, "Invalid Webhook Token");
    }
    if it.acknowledged.is_some() {
        return error(
            StatusCode::BAD_REQUEST,
            40060,
            "Interaction has already been acknowledged.",
        );
    }
    let kind = body["type"].as_u64();
    let channel = it.channel_id;
    let component_message = snowflake(&it.payload["message"]["id"]);
    let data = body.get("data").cloned().unwrap_or(Value::Null);
    let original = match kind {
        Some(1) | Some(8) | Some(9) | Some(12) => None,
        Some(4) => {
            let mid = inner.new_id();
            new_message(inner, mid, channel, &data, files, true);
            Some(mid)
        }
        Some(5) => {
            let mid = inner.new_id();
            let mut data = data.clone();
            let flags = data["flags"].as_u64().unwrap_or(0) | (1 << 7); // LOADING
            data["flags"] = json!(flags);
            new_message(inner, mid, channel, &data, files, true);
            Some(mid)
        }
        Some(6) => component_message,
        Some(7) => {
            if let Some(mid) = component_message {
                edit_message(inner, mid, &data, files);
            }
            component_message
        }
        _ => return error(StatusCode::BAD_REQUEST, 50035, "Invalid Form Body"),
    };
    if let Some(it) = inner.interactions.get_mut(&iid) {
        it.acknowledged = kind;
        it.original = original;
    }
    no_content()
}

fn set_commands(inner: &mut Inner, guild: Option<u64>, body: &Value) -> Answer {
    let Some(list) = body.as_array() else {
        return error(StatusCode::BAD_REQUEST, 50035, "Invalid Form Body");
    };
    let echoed: Vec<Value> = list.iter().map(|c| command_echo(c, guild)).collect();
    let echoed =
        match serde_json::from_value::<Vec<serenity::all::Command>>(Value::Array(echoed.clone())) {
            Ok(_) => echoed,
            Err(e) => {
                eprintln!(
                    "fake Discord: the commands echoed would not deserialise ({e}); answering []"
                );
                Vec::new()
            }
        };
    inner.commands.insert(guild, echoed.clone());
    ok(Value::Array(echoed))
}

fn upsert_command(inner: &mut Inner, guild: Option<u64>, body: &Value) -> Answer {
    let echoed = command_echo(body, guild);
    let list = inner.commands.entry(guild).or_default();
    list.retain(|c| c["name"] != echoed["name"]);
    list.push(echoed.clone());
    (StatusCode::CREATED, Some(echoed))
}

fn command_echo(c: &Value, guild: Option<u64>) -> Value {
    let mut out = c.clone();
    if !out.is_object() {
        out = json!({});
    }
    let name = c["name"].as_str().unwrap_or("");
    out["id"] = json!(command_id(name).to_string());
    out["application_id"] = json!(FakeDiscord::APP_ID.to_string());
    out["version"] = json!("1");
    if out.get("type").is_none_or(Value::is_null) {
        out["type"] = json!(1);
    }
    if out.get("description").is_none_or(Value::is_null) {
        out["description"] = json!("");
    }
    if let Some(g) = guild {
        out["guild_id"] = json!(g.to_string());
    }
    out
}

/// The id the fake gives to the command of this name (stable; also used by [`slash_command`]).
pub fn command_id(name: &str) -> u64 {
    // FNV-1a, kept within a plausible snowflake range.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h >> 8) | (1 << 56)
}

/// A nonce as Discord takes it: a string, or an integer.
fn nonce_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn new_message(
    inner: &mut Inner,
    id: u64,
    channel: u64,
    body: &Value,
    files: &[(String, Vec<u8>)],
    webhook: bool,
) -> Value {
    let attachments: Vec<Value> = files
        .iter()
        .map(|(name, data)| attachment(inner.new_id(), channel, name, data.len()))
        .collect();
    let mut m = json!({
        "id": id.to_string(),
        "channel_id": channel.to_string(),
        "author": bot_user(),
        "content": body["content"].as_str().unwrap_or(""),
        "timestamp": now(),
        "edited_timestamp": null,
        "tts": body["tts"].as_bool().unwrap_or(false),
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": attachments,
        "embeds": embeds(&body["embeds"]),
        "components": body.get("components").filter(|c| c.is_array()).cloned().unwrap_or(json!([])),
        "reactions": [],
        "pinned": false,
        "type": 0,
        "flags": body["flags"].as_u64().unwrap_or(0),
    });
    if webhook {
        m["webhook_id"] = json!(FakeDiscord::APP_ID.to_string());
        m["application_id"] = json!(FakeDiscord::APP_ID.to_string());
    }
    let m = deserialisable(m);
    inner.messages.insert(id, m.clone());
    count_thread_message(inner, channel, id);
    m
}

fn edit_message(inner: &mut Inner, id: u64, body: &Value, files: &[(String, Vec<u8>)]) -> Value {
    let channel = inner
        .messages
        .get(&id)
        .and_then(|m| snowflake(&m["channel_id"]))
        .unwrap_or(0);
    let new: Vec<Value> = files
        .iter()
        .map(|(name, data)| attachment(inner.new_id(), channel, name, data.len()))
        .collect();
    let Some(m) = inner.messages.get_mut(&id) else {
        return Value::Null;
    };
    if let Some(content) = body.get("content") {
        m["content"] = json!(content.as_str().unwrap_or(""));
    }
    if body.get("embeds").is_some() {
        m["embeds"] = embeds(&body["embeds"]);
    }
    if let Some(c) = body.get("components") {
        m["components"] = if c.is_array() { c.clone() } else { json!([]) };
    }
    if let Some(flags) = body.get("flags").and_then(Value::as_u64) {
        m["flags"] = json!(flags);
    }
    if body.get("attachments").is_some() || !new.is_empty() {
        let keep: Vec<Value> = body["attachments"]
            .as_array()
            .map(|kept| {
                let ids: Vec<Option<u64>> = kept.iter().map(|a| snowflake(&a["id"])).collect();
                m["attachments"]
                    .as_array()
                    .map(|old| {
                        old.iter()
                            .filter(|a| ids.contains(&snowflake(&a["id"])))
                            .cloned()
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        m["attachments"] = Value::Array(keep.into_iter().chain(new).collect());
    }
    m["edited_timestamp"] = json!(now());
    let out = deserialisable(m.clone());
    *m = out.clone();
    out
}

/// The message as given if serenity reads it; else without the echoed embeds and components
/// (and a warning), so that the bot is never failed by the fake's own echo.
fn deserialisable(mut m: Value) -> Value {
    if let Err(e) = serde_json::from_value::<serenity::all::Message>(m.clone()) {
        eprintln!("fake Discord: the echoed message would not deserialise ({e}); dropping its embeds and components");
        m["embeds"] = json!([]);
        m["components"] = json!([]);
    }
    m
}

fn embeds(v: &Value) -> Value {
    let list = v.as_array().cloned().unwrap_or_default();
    Value::Array(
        list.into_iter()
            .map(|mut e| {
                if e.is_object() && e.get("type").is_none_or(Value::is_null) {
                    e["type"] = json!("rich");
                }
                e
            })
            .collect(),
    )
}

fn attachment(id: u64, channel: u64, name: &str, size: usize) -> Value {
    let url = format!("https://cdn.discordapp.com/attachments/{channel}/{id}/{name}");
    json!({
        "id": id.to_string(),
        "filename": name,
        "size": size,
        "url": url,
        "proxy_url": url.replace("cdn.discordapp.com", "media.discordapp.net"),
        "content_type": content_type(name),
    })
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn now() -> String {
    serenity::all::Timestamp::now().to_string()
}

fn query_param<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// A snowflake given as a string or a number.
fn snowflake(v: &Value) -> Option<u64> {
    match v {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

fn has_custom_id(v: &Value, custom_id: &str) -> bool {
    match v {
        Value::Array(a) => a.iter().any(|c| has_custom_id(c, custom_id)),
        Value::Object(o) => {
            o.get("custom_id").and_then(Value::as_str) == Some(custom_id)
                || o.get("components")
                    .is_some_and(|c| has_custom_id(c, custom_id))
        }
        _ => false,
    }
}

/// The files of a multipart body: (filename, bytes).
type Files = Vec<(String, Vec<u8>)>;

/// Splits a body into (JSON or payload_json, files, "was not JSON").
fn parse_body(headers: &HeaderMap, bytes: &[u8]) -> (Option<Value>, Files, bool) {
    if bytes.is_empty() {
        return (None, Vec::new(), false);
    }
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let parse = |raw: &[u8]| match serde_json::from_slice::<Value>(raw) {
        Ok(v) => (Some(v), false),
        Err(e) => (Some(json!(format!("<not JSON: {e}>"))), true),
    };
    if let Some(boundary) = ctype
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))
        .filter(|_| ctype.starts_with("multipart/form-data"))
    {
        let mut json = (None, false);
        let mut files = Vec::new();
        for part in multipart_parts(bytes, boundary.trim_matches('"')) {
            if part.name == "payload_json" {
                json = parse(&part.data);
            } else if let Some(filename) = part.filename {
                files.push((filename, part.data));
            }
        }
        return (json.0, files, json.1);
    }
    let (json, bad) = parse(bytes);
    (json, Vec::new(), bad)
}

struct Part {
    name: String,
    filename: Option<String>,
    data: Vec<u8>,
}

/// The parts of a `multipart/form-data` body (RFC 7578), as reqwest writes them.
fn multipart_parts(body: &[u8], boundary: &str) -> Vec<Part> {
    let delimiter = format!("--{boundary}").into_bytes();
    let mut parts = Vec::new();
    let mut starts = Vec::new();
    let mut i = 0;
    while let Some(pos) = find(&body[i..], &delimiter) {
        starts.push(i + pos);
        i += pos + delimiter.len();
    }
    for w in starts.windows(2) {
        let mut chunk = &body[w[0] + delimiter.len()..w[1]];
        if chunk.starts_with(b"--") {
            break;
        }
        chunk = chunk.strip_prefix(b"\r\n").unwrap_or(chunk);
        chunk = chunk.strip_suffix(b"\r\n").unwrap_or(chunk);
        let Some(split) = find(chunk, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&chunk[..split]).to_string();
        let data = chunk[split + 4..].to_vec();
        let mut name = String::new();
        let mut filename = None;
        for line in head.lines() {
            if !line
                .to_ascii_lowercase()
                .starts_with("content-disposition:")
            {
                continue;
            }
            for param in line.split(';').map(str::trim) {
                if let Some(v) = param.strip_prefix("name=") {
                    name = v.trim_matches('"').to_string();
                } else if let Some(v) = param.strip_prefix("filename=") {
                    filename = Some(v.trim_matches('"').to_string());
                }
            }
        }
        parts.push(Part {
            name,
            filename,
            data,
        });
    }
    parts
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

// ------------------------------------------------------------------------------------------
// Objects

fn bot_user() -> Value {
    json!({
        "id": FakeDiscord::BOT_USER_ID.to_string(),
        "username": "casebot",
        "discriminator": "0",
        "global_name": "casebot",
        "avatar": null,
        "bot": true,
        "verified": true,
        "mfa_enabled": false,
        "flags": 0,
        "public_flags": 0,
    })
}

fn user_json(id: u64, name: &str) -> Value {
    json!({
        "id": id.to_string(),
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": null,
        "public_flags": 0,
    })
}

fn application() -> Value {
    json!({
        "id": FakeDiscord::APP_ID.to_string(),
        "name": "casebot",
        "icon": null,
        "description": "",
        "bot_public": false,
        "bot_require_code_grant": false,
        "verify_key": "0000000000000000000000000000000000000000000000000000000000000000",
        "owner": user_json(FakeDiscord::OWNER_USER_ID, "owner"),
        "team": null,
        "flags": 0,
        "bot": bot_user(),
    })
}

fn dm_channel(id: u64, user: u64, name: &str) -> Value {
    json!({
        "id": id.to_string(),
        "type": 1,
        "last_message_id": null,
        "recipients": [user_json(user, name)],
        "flags": 0,
    })
}

fn guild_channel(id: u64, guild: u64) -> Value {
    json!({
        "id": id.to_string(),
        "type": 0,
        "guild_id": guild.to_string(),
        "name": format!("salon-{id}"),
        "position": 0,
        "permission_overwrites": [],
        "nsfw": false,
        "topic": null,
        "parent_id": null,
        "last_message_id": null,
        "rate_limit_per_user": 0,
        "flags": 0,
    })
}

/// A PUBLIC_THREAD (type 11) the bot just started, as Discord's GuildChannel (ThreadResponse).
fn thread_channel(
    id: u64,
    guild: u64,
    parent: u64,
    name: &str,
    auto_archive_duration: u64,
    rate_limit_per_user: u64,
) -> Value {
    let now = now();
    json!({
        "id": id.to_string(),
        "type": 11,
        "guild_id": guild.to_string(),
        "parent_id": parent.to_string(),
        "name": name,
        "owner_id": FakeDiscord::BOT_USER_ID.to_string(),
        "last_message_id": null,
        "member_count": 1,
        "message_count": 0,
        "total_message_sent": 0,
        "rate_limit_per_user": rate_limit_per_user,
        "flags": 0,
        "thread_metadata": {
            "archived": false,
            "auto_archive_duration": auto_archive_duration,
            "archive_timestamp": now,
            "locked": false,
            "create_timestamp": now,
        },
    })
}

fn role_json(id: u64) -> Value {
    json!({
        "id": id.to_string(),
        "name": format!("role-{id}"),
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": 1,
        "permissions": "0",
        "managed": false,
        "mentionable": false,
        "flags": 0,
    })
}

// ------------------------------------------------------------------------------------------
// INTERACTION_CREATE payloads

/// Who acts in an interaction.
#[derive(Clone, Debug)]
pub struct Member {
    pub user_id: u64,
    pub name: String,
    pub roles: Vec<u64>,
    /// Permission bits as Discord sends them (a decimal string in JSON); see [`perms`].
    pub permissions: u64,
}

impl Member {
    pub const MANAGE_GUILD: u64 = perms::MANAGE_GUILD;

    /// A member with an ordinary member's permissions and no role.
    pub fn new(user_id: u64, name: &str) -> Member {
        Member {
            user_id,
            name: name.to_string(),
            roles: Vec::new(),
            permissions: perms::MEMBER,
        }
    }

    pub fn with_roles(mut self, roles: &[u64]) -> Member {
        self.roles = roles.to_vec();
        self
    }

    pub fn with_permissions(mut self, permissions: u64) -> Member {
        self.permissions = permissions;
        self
    }
}

/// The token the fake gives to interaction `id`.
pub fn interaction_token(id: u64) -> String {
    format!("tok-{id}")
}

fn member_json(m: &Member) -> Value {
    json!({
        "user": user_json(m.user_id, &m.name),
        "nick": null,
        "avatar": null,
        "roles": m.roles.iter().map(u64::to_string).collect::<Vec<_>>(),
        "joined_at": "2024-09-02T08:00:00.000000+00:00",
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "permissions": m.permissions.to_string(),
        "communication_disabled_until": null,
    })
}

/// The fields every interaction has. `guild_id` 0 makes a DM interaction (`user`, no `member`).
fn interaction(id: u64, kind: u64, guild_id: u64, channel_id: u64, member: &Member) -> Value {
    let mut v = json!({
        "id": id.to_string(),
        "application_id": FakeDiscord::APP_ID.to_string(),
        "type": kind,
        "channel_id": channel_id.to_string(),
        "token": interaction_token(id),
        "version": 1,
        "app_permissions": perms::BOT.to_string(),
        "locale": "fr",
        "entitlements": [],
        "attachment_size_limit": 26_214_400,
    });
    if guild_id != 0 {
        v["guild_id"] = json!(guild_id.to_string());
        v["guild_locale"] = json!("fr");
        v["member"] = member_json(member);
        v["channel"] = json!({
            "id": channel_id.to_string(),
            "type": 0,
            "name": format!("salon-{channel_id}"),
            "guild_id": guild_id.to_string(),
            "permissions": perms::BOT.to_string(),
        });
        v["authorizing_integration_owners"] = json!({"0": guild_id.to_string()});
        v["context"] = json!(0);
    } else {
        v["user"] = user_json(member.user_id, &member.name);
        v["channel"] = json!({"id": channel_id.to_string(), "type": 1});
        v["authorizing_integration_owners"] = json!({"0": "0"});
        v["context"] = json!(1);
    }
    v
}

/// `resolved` objects for the user (6), channel (7) and role (8) options, as Discord sends them.
fn resolved(options: &Value, guild_id: u64) -> Value {
    fn walk(options: &Value, guild_id: u64, out: &mut Value) {
        for o in options.as_array().map_or(&[][..], Vec::as_slice) {
            let id = snowflake(&o["value"]);
            match (o["type"].as_u64(), id) {
                (Some(6), Some(id)) => {
                    out["users"][id.to_string()] = user_json(id, &format!("user{id}"));
                    if guild_id != 0 {
                        let mut m = member_json(&Member::new(id, &format!("user{id}")));
                        if let Some(m) = m.as_object_mut() {
                            m.remove("user");
                        }
                        out["members"][id.to_string()] = m;
                    }
                }
                (Some(7), Some(id)) => {
                    out["channels"][id.to_string()] = json!({
                        "id": id.to_string(),
                        "name": format!("salon-{id}"),
                        "type": 0,
                        "permissions": perms::BOT.to_string(),
                    });
                }
                (Some(8), Some(id)) => out["roles"][id.to_string()] = role_json(id),
                _ => {}
            }
            walk(&o["options"], guild_id, out);
        }
    }
    let mut out = json!({});
    walk(options, guild_id, &mut out);
    out
}

fn command_data(name: &str, options: &Value, guild_id: u64) -> Value {
    let options = if options.is_array() {
        options.clone()
    } else {
        json!([])
    };
    json!({
        "id": command_id(name).to_string(),
        "name": name,
        "type": 1,
        "resolved": resolved(&options, guild_id),
        "options": options,
    })
}

/// Puts attachment objects (from [`FakeDiscord::add_attachment`]) in a command interaction's
/// `data.resolved.attachments`, as Discord sends the files of attachment options (type 11,
/// whose `value` is the attachment id).
pub fn with_attachments(mut payload: Value, attachments: &[Value]) -> Value {
    for a in attachments {
        if let Some(id) = a["id"].as_str() {
            payload["data"]["resolved"]["attachments"][id] = a.clone();
        }
    }
    payload
}

/// A slash command (type 2). `options`: Discord's option array (`[{"name", "type", "value"}]`,
/// subcommands as `{"name", "type": 1, "options": [...]}`). User, channel and role options get
/// their `resolved` objects. The command id is [`command_id`]`(name)`, as the fake registers it.
pub fn slash_command(
    id: u64,
    guild_id: u64,
    channel_id: u64,
    member: &Member,
    name: &str,
    options: Value,
) -> Value {
    let mut v = interaction(id, 2, guild_id, channel_id, member);
    v["data"] = command_data(name, &options, guild_id);
    v
}

/// An autocomplete request (type 4); one option of `options` carries `"focused": true`.
pub fn autocomplete(
    id: u64,
    guild_id: u64,
    channel_id: u64,
    member: &Member,
    name: &str,
    options: Value,
) -> Value {
    let mut v = interaction(id, 4, guild_id, channel_id, member);
    v["data"] = command_data(name, &options, guild_id);
    v
}

/// A click on a button (type 3, component_type 2). Its `message` is a bot message (id
/// `id + 1_000_000_000`) holding that button; put the real one instead with
/// `payload["message"] = fake.message_with_component(custom_id).unwrap()`.
pub fn button_click(
    id: u64,
    guild_id: u64,
    channel_id: u64,
    member: &Member,
    custom_id: &str,
) -> Value {
    let mut v = interaction(id, 3, guild_id, channel_id, member);
    v["data"] = json!({"custom_id": custom_id, "component_type": 2});
    let button = json!({"type": 2, "style": 1, "label": "bouton", "custom_id": custom_id});
    v["message"] = placeholder_message(id, channel_id, button);
    v
}

/// A choice in a string select menu (type 3, component_type 3): `data.values` are the values
/// chosen. Its `message` is a bot message (id `id + 1_000_000_000`) holding that select, with one
/// option per value; as for [`button_click`], put the real one instead with
/// `payload["message"] = fake.message_with_component(custom_id).unwrap()`.
pub fn select_menu(
    id: u64,
    guild_id: u64,
    channel_id: u64,
    member: &Member,
    custom_id: &str,
    values: &[&str],
) -> Value {
    let mut v = interaction(id, 3, guild_id, channel_id, member);
    v["data"] = json!({"custom_id": custom_id, "component_type": 3, "values": values});
    let mut options: Vec<Value> = values
        .iter()
        .map(|value| json!({"label": value, "value": value, "default": false}))
        .collect();
    if options.is_empty() {
        // Discord wants at least one option; nothing chosen needs `min_values` 0.
        options.push(json!({"label": "option", "value": "option", "default": false}));
    }
    let select = json!({
        "type": 3,
        "custom_id": custom_id,
        "options": options,
        "min_values": values.len().min(1),
        "max_values": values.len().max(1),
    });
    v["message"] = placeholder_message(id, channel_id, select);
    v
}

/// The bot message a component interaction `id` comes from when the test gives none: id
/// `id + 1_000_000_000`, one action row holding `component`.
fn placeholder_message(id: u64, channel_id: u64, component: Value) -> Value {
    json!({
        "id": (id + 1_000_000_000).to_string(),
        "channel_id": channel_id.to_string(),
        "author": bot_user(),
        "content": "",
        "timestamp": now(),
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "components": [{"type": 1, "components": [component]}],
        "pinned": false,
        "type": 0,
        "flags": 0,
        "application_id": FakeDiscord::APP_ID.to_string(),
    })
}

/// A modal submission (type 5): one action row per text input (`(custom_id, value)`).
pub fn modal_submit(
    id: u64,
    guild_id: u64,
    channel_id: u64,
    member: &Member,
    custom_id: &str,
    fields: &[(&str, &str)],
) -> Value {
    let mut v = interaction(id, 5, guild_id, channel_id, member);
    let rows: Vec<Value> = fields
        .iter()
        .map(|(field, value)| {
            json!({"type": 1, "components": [
                {"type": 4, "custom_id": field, "value": value}
            ]})
        })
        .collect();
    v["data"] = json!({"custom_id": custom_id, "components": rows});
    v
}
