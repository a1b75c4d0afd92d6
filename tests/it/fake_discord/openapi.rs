//! Checks of the request bodies the bot sends to the fake Discord.
//!
//! Two checks, kept apart so that one can run without the other:
//! - [`Spec::validate`]: the body against the JSON schema Discord publishes for the operation (its
//!   OpenAPI 3.1 description, read from `../shared/discord-api-spec/openapi.json` or from the path
//!   in `CASEBOT_DISCORD_OPENAPI`);
//! - [`check_limits`]: Discord's documented limits on messages and modals (content of 2000 chars,
//!   embeds, components...) and the project's rule that every message disables mentions.
//!
//! [`check_all`] runs both over every recorded request that has a body.

#![allow(dead_code)]

use super::Recorded;
use jsonschema::error::ValidationErrorKind;
use jsonschema::{Draft, ValidationError, Validator};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// The environment variable that names the OpenAPI file (takes precedence over the default path).
pub const SPEC_ENV: &str = "CASEBOT_DISCORD_OPENAPI";

/// Discord's documented limit on message content, in characters (the spec allows 4000).
pub const MAX_CONTENT_CHARS: usize = 2000;

/// The default place of the spec: `../shared/discord-api-spec/openapi.json` from the crate root.
pub fn default_spec_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/discord-api-spec/openapi.json")
}

/// Discord's OpenAPI description, with a cache of compiled request-body validators.
///
/// Cheap to clone; every [`Spec::load`] of the same file in one test binary shares the parsed
/// document and the compiled validators.
#[derive(Clone)]
pub struct Spec {
    inner: Arc<SpecInner>,
}

struct SpecInner {
    path: PathBuf,
    doc: Value,
    /// Every operation: (METHOD, path template).
    operations: Vec<(String, String)>,
    /// Compiled validators by JSON pointer of the schema they check (compiled once, on first use).
    validators: Mutex<HashMap<String, Arc<Validator>>>,
}

impl Spec {
    /// The spec from `$CASEBOT_DISCORD_OPENAPI` when that variable is set, else from
    /// `../shared/discord-api-spec/openapi.json`. `None` when the file does not exist (or does not
    /// parse); then one line on stderr says that the schema check is skipped and why (once per
    /// reason and test binary).
    pub fn load() -> Option<Spec> {
        Spec::load_with(std::env::var_os(SPEC_ENV))
    }

    /// [`Spec::load`] with the value of the environment variable given (tests).
    pub fn load_with(named: Option<std::ffi::OsString>) -> Option<Spec> {
        let (path, origin) = match named {
            Some(p) if !p.is_empty() => (PathBuf::from(p), format!("named by {SPEC_ENV}")),
            _ => (
                default_spec_path(),
                format!("the default place; set {SPEC_ENV} to Discord's openapi.json"),
            ),
        };
        let problem = if path.is_file() {
            match Spec::load_from(&path) {
                Ok(spec) => return Some(spec),
                Err(e) => e,
            }
        } else {
            "does not exist".to_string()
        };
        skipped(&format!(
            "{} {problem} ({origin}); Discord's limits and the flows are still checked",
            path.display()
        ));
        None
    }

    /// The spec from an explicit file (no fallback, nothing printed).
    pub fn load_from(path: &Path) -> Result<Spec, String> {
        static CACHE: OnceLock<Mutex<HashMap<PathBuf, Arc<SpecInner>>>> = OnceLock::new();
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let cache = CACHE.get_or_init(Default::default);
        if let Some(inner) = lock(cache).get(&key) {
            return Ok(Spec {
                inner: Arc::clone(inner),
            });
        }
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
        let doc: Value = serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
        let paths = doc
            .get("paths")
            .and_then(Value::as_object)
            .ok_or("no `paths` object: not an OpenAPI description")?;
        let mut operations = Vec::new();
        for (template, item) in paths {
            if let Some(item) = item.as_object() {
                for method in item.keys() {
                    if matches!(
                        method.as_str(),
                        "get" | "put" | "post" | "delete" | "patch" | "head" | "options"
                    ) {
                        operations.push((method.to_ascii_uppercase(), template.clone()));
                    }
                }
            }
        }
        let inner = Arc::new(SpecInner {
            path: key.clone(),
            doc,
            operations,
            validators: Mutex::new(HashMap::new()),
        });
        lock(cache).insert(key, Arc::clone(&inner));
        Ok(Spec { inner })
    }

    /// The file this spec was read from.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// The path template of the operation `method path` (`path` without `/api/v10` and without
    /// query), e.g. `("POST", "/channels/1/messages")` → `/channels/{channel_id}/messages`.
    /// Literal segments win over parameters (`.../messages/@original` over `.../{message_id}`).
    pub fn operation(&self, method: &str, path: &str) -> Option<&str> {
        let path = strip_path(path);
        let segments: Vec<&str> = path.split('/').collect();
        let method = method.to_ascii_uppercase();
        let mut best: Option<(usize, &str)> = None;
        for (m, template) in &self.inner.operations {
            if *m != method {
                continue;
            }
            let parts: Vec<&str> = template.split('/').collect();
            if parts.len() != segments.len() {
                continue;
            }
            let mut literal = 0;
            let matched = parts.iter().zip(&segments).all(|(t, s)| {
                if t.starts_with('{') && t.ends_with('}') {
                    !s.is_empty()
                } else if t == s {
                    literal += 1;
                    true
                } else {
                    false
                }
            });
            if matched && best.is_none_or(|(n, _)| literal > n) {
                best = Some((literal, template.as_str()));
            }
        }
        best.map(|(_, t)| t)
    }

    /// Validates `body` against the JSON request schema of the operation `method path` (the
    /// `application/json` one; a multipart body's `payload_json` is checked against it too, as
    /// the spec describes no separate `payload_json` schema). Every violation is listed with the
    /// JSON pointer of the offending value. Unions (`anyOf`/`oneOf` of request kinds, e.g. the
    /// interaction callback) are explained through the branch whose `type` matches the body.
    pub fn validate(&self, method: &str, path: &str, body: &Value) -> Result<(), Vec<String>> {
        let Some(template) = self.operation(method, path) else {
            return Err(vec![format!(
                "{method} {}: no such operation in Discord's API description",
                strip_path(path)
            )]);
        };
        let method_key = method.to_ascii_lowercase();
        let op = &self.inner.doc["paths"][template][method_key.as_str()];
        let content = &op["requestBody"]["content"];
        let media = ["application/json", "multipart/form-data"]
            .into_iter()
            .find(|m| content.get(*m).and_then(|c| c.get("schema")).is_some());
        let Some(media) = media else {
            return Err(vec![format!(
                "{method} {template}: the operation takes no JSON body, yet one was sent"
            )]);
        };
        let pointer = format!(
            "/paths/{}/{}/requestBody/content/{}/schema",
            escape(template),
            method_key,
            escape(media)
        );
        let body = normalise(template, body.clone());
        let validator = self.validator(&pointer).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        for e in validator.iter_errors(&body) {
            explain(&e, &mut errors);
        }
        let mut seen = HashSet::new();
        errors.retain(|e| seen.insert(e.clone()));
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Validates `value` against the spec's schema `#/components/schemas/{name}` (e.g. the fake's
    /// own answers against `ThreadResponse`), with violations listed as by [`Spec::validate`].
    pub fn validate_schema(&self, name: &str, value: &Value) -> Result<(), Vec<String>> {
        let pointer = format!("/components/schemas/{}", escape(name));
        let validator = self.validator(&pointer).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        for e in validator.iter_errors(value) {
            explain(&e, &mut errors);
        }
        let mut seen = HashSet::new();
        errors.retain(|e| seen.insert(e.clone()));
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The compiled validator of the schema at `pointer` in the spec, from the cache.
    fn validator(&self, pointer: &str) -> Result<Arc<Validator>, String> {
        if let Some(v) = lock(&self.inner.validators).get(pointer) {
            return Ok(Arc::clone(v));
        }
        let target = self
            .inner
            .doc
            .pointer(pointer)
            .ok_or_else(|| format!("no schema at #{pointer} in the spec"))?;
        // The operation's schema, with the spec's `components` beside it so that every
        // `#/components/schemas/...` reference resolves against this document.
        let schema = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "components": self.inner.doc["components"],
            "allOf": [target],
        });
        let validator = jsonschema::options()
            .with_draft(Draft::Draft202012)
            .build(&schema)
            .map_err(|e| format!("the schema at #{pointer} does not compile: {e}"))?;
        let validator = Arc::new(validator);
        lock(&self.inner.validators).insert(pointer.to_string(), Arc::clone(&validator));
        Ok(validator)
    }
}

/// Known differences between the spec and what Discord documents and accepts, applied to a copy
/// of the body before validation:
/// - `default_member_permissions` of application commands is a string in Discord's documentation
///   (and in serenity), an integer in the spec;
/// - the `attachments[].id` of a message body are integers for new uploads in Discord's
///   documentation (`"id": 0`, as serenity sends them), snowflake strings in the spec.
fn normalise(template: &str, mut body: Value) -> Value {
    fn attachment_ids(message: &mut Value) {
        if let Some(list) = message.get_mut("attachments").and_then(Value::as_array_mut) {
            for a in list {
                if let Some(id) = a.get_mut("id") {
                    if let Some(n) = id.as_u64() {
                        *id = json!(n.to_string());
                    }
                }
            }
        }
    }
    attachment_ids(&mut body);
    if let Some(data) = body.get_mut("data") {
        attachment_ids(data);
    }
    if template.starts_with("/applications/") && template.contains("/commands") {
        let fix = |command: &mut Value| {
            if let Some(p) = command.get_mut("default_member_permissions") {
                if let Some(n) = p.as_str().and_then(|s| s.parse::<u64>().ok()) {
                    *p = json!(n);
                }
            }
        };
        match &mut body {
            Value::Array(commands) => commands.iter_mut().for_each(fix),
            command @ Value::Object(_) => fix(command),
            _ => {}
        }
    }
    body
}

/// Writes the violations of one validation error. A failed union (`anyOf`/`oneOf`) is explained
/// through its branches of the right kind: branches that want another JSON type here, or another
/// `type` discriminator (the interaction callback kinds), are left out; when one branch is left,
/// its own violations are listed; when none is, the discriminating violations are.
fn explain(e: &ValidationError<'_>, out: &mut Vec<String>) {
    let here = e.instance_path().to_string();
    let at = if here.is_empty() { "/" } else { here.as_str() };
    let context = match e.kind() {
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            context
        }
        _ => {
            out.push(format!("{at}: {}", message(e)));
            return;
        }
    };
    let discriminator = format!("{here}/type");
    let other_kind = |b: &ValidationError<'_>| {
        let path = b.instance_path().to_string();
        (path == here && matches!(b.kind(), ValidationErrorKind::Type { .. }))
            || (path == discriminator
                && matches!(
                    b.kind(),
                    ValidationErrorKind::Enum { .. } | ValidationErrorKind::Constant { .. }
                ))
    };
    let kept: Vec<&Vec<ValidationError<'static>>> = context
        .iter()
        .filter(|branch| !branch.iter().any(other_kind))
        .collect();
    match kept.len() {
        1 => kept[0].iter().for_each(|b| explain(b, out)),
        0 => {
            out.push(format!(
                "{at}: matches none of the {} kinds the schema allows here",
                context.len()
            ));
            // What discriminates: the JSON types wanted here, the `type` values allowed.
            let mut allowed: Vec<Value> = Vec::new();
            for b in context.iter().flatten() {
                let path = b.instance_path().to_string();
                match b.kind() {
                    ValidationErrorKind::Enum { options } if path == discriminator => {
                        allowed.extend(options.as_array().cloned().unwrap_or_default());
                    }
                    ValidationErrorKind::Constant { expected_value } if path == discriminator => {
                        allowed.push(Value::clone(expected_value));
                    }
                    ValidationErrorKind::Type { .. } if path == here || path == discriminator => {
                        out.push(format!(
                            "{}: {}",
                            if path.is_empty() { "/" } else { &path },
                            message(b)
                        ));
                    }
                    _ => {}
                }
            }
            allowed.sort_by_key(|v| (v.as_u64().unwrap_or(u64::MAX), v.to_string()));
            allowed.dedup();
            if !allowed.is_empty() {
                let list: Vec<String> = allowed.iter().map(Value::to_string).collect();
                let given = e
                    .instance()
                    .get("type")
                    .map_or("absent".to_string(), Value::to_string);
                out.push(format!(
                    "{discriminator}: {given} is none of the allowed values {}",
                    list.join(", ")
                ));
            }
        }
        n => {
            out.push(format!(
                "{at}: matches none of the {} kinds the schema allows here; the {n} closest say:",
                context.len()
            ));
            for branch in kept {
                branch.iter().for_each(|b| explain(b, out));
            }
        }
    }
}

/// The error's message, without dumping a long instance.
fn message(e: &ValidationError<'_>) -> String {
    let instance = e.instance().to_string();
    let text = if instance.chars().count() > 80 {
        let shown: String = instance.chars().take(60).collect();
        e.masked_with(format!("{shown}…")).to_string()
    } else {
        e.to_string()
    };
    shorten(&text, 300)
}

/// JSON-pointer escaping of one reference token.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn strip_path(path: &str) -> &str {
    let path = path.split('?').next().unwrap_or(path);
    let path = path
        .strip_prefix("/api/v10")
        .or_else(|| path.strip_prefix("/api/v9"))
        .unwrap_or(path);
    path.strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path)
}

fn skipped(reason: &str) {
    static SAID: OnceLock<Mutex<HashSet<String>>> = OnceLock::new();
    if lock(SAID.get_or_init(Default::default)).insert(reason.to_string()) {
        eprintln!("Discord OpenAPI schema check skipped: {reason}");
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

// ------------------------------------------------------------------------------------------
// Discord's documented limits

/// What a request body is, for the limit checks.
enum BodyKind {
    /// A message being created: allowed mentions are required.
    CreateMessage,
    /// A message being edited: allowed mentions are required when content is set.
    EditMessage,
    Modal,
    Autocomplete,
    /// A thread started from a message.
    Thread,
    /// Nothing to check (acknowledgements, commands, DM channels...).
    Other,
}

/// Discord's documented limits on a message-like body (message create and edit, interaction
/// callback data, follow-up, webhook edit), on modals (callback type 9) and autocomplete choices
/// (type 8). Returns every violation, each with its JSON pointer. Other routes pass.
///
/// Messages: content ≤ 2000 characters (Unicode scalar values, not bytes); ≤ 10 embeds, their
/// text ≤ 6000 in all, title ≤ 256, description ≤ 4096, ≤ 25 fields, field name ≤ 256, value ≤
/// 1024, footer ≤ 2048, author ≤ 256; ≤ 5 action rows, ≤ 5 buttons (or one select) per row,
/// `custom_id` ≤ 100, button label ≤ 80; and mentions disabled: `allowed_mentions` present with
/// `parse` empty or absent, no `users`/`roles` listed and no `replied_user` (required on every
/// created message, and on edits and deferrals that set `content`).
/// Modals: title ≤ 45, `custom_id` ≤ 100, 1 to 5 rows of one text input each, label ≤ 45,
/// value ≤ 4000, placeholder ≤ 100.
/// Threads started from a message: `name` of 1 to 100 characters, `auto_archive_duration` one of
/// 60, 1440, 4320, 10080.
pub fn check_limits(method: &str, path: &str, body: &Value) -> Result<(), Vec<String>> {
    let mut errors = Vec::new();
    let path = strip_path(path);
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let method = method.to_ascii_uppercase();
    let (kind, data, at) = match (method.as_str(), segments.as_slice()) {
        ("POST", ["channels", _, "messages"]) | ("POST", ["webhooks", _, _]) => {
            (BodyKind::CreateMessage, body, "")
        }
        ("PATCH", ["channels", _, "messages", _])
        | ("PATCH", ["webhooks", _, _, "messages", _]) => (BodyKind::EditMessage, body, ""),
        ("POST", ["channels", _, "messages", _, "threads"]) => (BodyKind::Thread, body, ""),
        ("POST", ["interactions", _, _, "callback"]) => {
            let data = body.get("data").unwrap_or(&Value::Null);
            match body.get("type").and_then(Value::as_u64) {
                Some(4) => (BodyKind::CreateMessage, data, "/data"),
                Some(5) | Some(7) => (BodyKind::EditMessage, data, "/data"),
                Some(8) => (BodyKind::Autocomplete, data, "/data"),
                Some(9) => (BodyKind::Modal, data, "/data"),
                Some(1) | Some(6) => (BodyKind::Other, data, "/data"),
                _ => {
                    errors.push(format!(
                        "/type: {} is not an interaction callback type Discord accepts",
                        body.get("type").unwrap_or(&Value::Null)
                    ));
                    (BodyKind::Other, data, "/data")
                }
            }
        }
        _ => (BodyKind::Other, body, ""),
    };
    match kind {
        BodyKind::CreateMessage => message_limits(data, at, true, &mut errors),
        BodyKind::EditMessage => message_limits(data, at, false, &mut errors),
        BodyKind::Modal => modal_limits(data, at, &mut errors),
        BodyKind::Autocomplete => autocomplete_limits(data, at, &mut errors),
        BodyKind::Thread => thread_limits(data, &mut errors),
        BodyKind::Other => {}
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

fn max_chars(v: &Value, max: usize, at: &str, what: &str, errors: &mut Vec<String>) {
    let n = chars(v);
    if n > max {
        errors.push(format!(
            "{at}: {what} has {n} characters, Discord allows {max}"
        ));
    }
}

fn message_limits(data: &Value, at: &str, creates: bool, errors: &mut Vec<String>) {
    if data.is_null() {
        if creates {
            errors.push(format!("{at}: a message needs data"));
        }
        return;
    }
    let Some(obj) = data.as_object() else {
        errors.push(format!("{at}: a message body must be an object"));
        return;
    };
    if let Some(content) = obj.get("content") {
        max_chars(
            content,
            MAX_CONTENT_CHARS,
            &format!("{at}/content"),
            "content",
            errors,
        );
    }
    // Mentions: every message disables them.
    let has_content = obj.get("content").is_some_and(|c| !c.is_null());
    match obj.get("allowed_mentions") {
        None | Some(Value::Null) => {
            if creates || has_content {
                errors.push(format!(
                    "{at}/allowed_mentions: absent; every message must disable mentions \
                     (allowed_mentions with an empty `parse`)"
                ));
            }
        }
        Some(am) => {
            let p = format!("{at}/allowed_mentions");
            if am
                .get("parse")
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty())
            {
                errors.push(format!(
                    "{p}/parse: {} enables mentions; it must be empty",
                    am["parse"]
                ));
            }
            for key in ["users", "roles"] {
                if am
                    .get(key)
                    .and_then(Value::as_array)
                    .is_some_and(|a| !a.is_empty())
                {
                    errors.push(format!(
                        "{p}/{key}: lists {key} to mention; it must be empty"
                    ));
                }
            }
            if am.get("replied_user") == Some(&Value::Bool(true)) {
                errors.push(format!("{p}/replied_user: true pings the replied user"));
            }
        }
    }
    if let Some(embeds) = obj.get("embeds").and_then(Value::as_array) {
        embed_limits(embeds, &format!("{at}/embeds"), errors);
    }
    if let Some(rows) = obj.get("components").and_then(Value::as_array) {
        component_limits(rows, &format!("{at}/components"), errors);
    }
}

fn embed_limits(embeds: &[Value], at: &str, errors: &mut Vec<String>) {
    if embeds.len() > 10 {
        errors.push(format!("{at}: {} embeds, Discord allows 10", embeds.len()));
    }
    let mut total = 0;
    for (i, e) in embeds.iter().enumerate() {
        let p = format!("{at}/{i}");
        let mut field = |v: &Value, max: usize, key: &str| {
            max_chars(v, max, &format!("{p}/{key}"), key, errors);
            total += chars(v);
        };
        field(&e["title"], 256, "title");
        field(&e["description"], 4096, "description");
        field(&e["footer"]["text"], 2048, "footer/text");
        field(&e["author"]["name"], 256, "author/name");
        if let Some(fields) = e.get("fields").and_then(Value::as_array) {
            if fields.len() > 25 {
                errors.push(format!(
                    "{p}/fields: {} fields, Discord allows 25",
                    fields.len()
                ));
            }
            for (j, f) in fields.iter().enumerate() {
                let q = format!("{p}/fields/{j}");
                max_chars(&f["name"], 256, &format!("{q}/name"), "field name", errors);
                max_chars(
                    &f["value"],
                    1024,
                    &format!("{q}/value"),
                    "field value",
                    errors,
                );
                total += chars(&f["name"]) + chars(&f["value"]);
            }
        }
    }
    if total > 6000 {
        errors.push(format!(
            "{at}: the embeds hold {total} characters of text, Discord allows 6000 in all"
        ));
    }
}

fn component_limits(rows: &[Value], at: &str, errors: &mut Vec<String>) {
    if rows.len() > 5 {
        errors.push(format!(
            "{at}: {} action rows, Discord allows 5",
            rows.len()
        ));
    }
    for (i, row) in rows.iter().enumerate() {
        let p = format!("{at}/{i}");
        if row.get("type").and_then(Value::as_u64) != Some(1) {
            continue; // Components v2 layouts are left to the schema check.
        }
        let items = row["components"].as_array().map_or(&[][..], Vec::as_slice);
        let buttons = items.iter().filter(|c| c["type"] == 2).count();
        let selects = items.len() - buttons;
        if buttons > 5 {
            errors.push(format!(
                "{p}/components: {buttons} buttons in a row, Discord allows 5"
            ));
        }
        if selects > 0 && items.len() > 1 {
            errors.push(format!(
                "{p}/components: a select menu must be alone in its row"
            ));
        }
        for (j, c) in items.iter().enumerate() {
            let q = format!("{p}/components/{j}");
            max_chars(
                &c["custom_id"],
                100,
                &format!("{q}/custom_id"),
                "custom_id",
                errors,
            );
            max_chars(&c["label"], 80, &format!("{q}/label"), "label", errors);
        }
    }
}

fn modal_limits(data: &Value, at: &str, errors: &mut Vec<String>) {
    max_chars(
        &data["title"],
        45,
        &format!("{at}/title"),
        "modal title",
        errors,
    );
    max_chars(
        &data["custom_id"],
        100,
        &format!("{at}/custom_id"),
        "custom_id",
        errors,
    );
    let rows = data["components"].as_array().map_or(&[][..], Vec::as_slice);
    if rows.is_empty() || rows.len() > 5 {
        errors.push(format!(
            "{at}/components: {} rows, a modal takes 1 to 5",
            rows.len()
        ));
    }
    for (i, row) in rows.iter().enumerate() {
        let p = format!("{at}/components/{i}");
        let items = row["components"].as_array().map_or(&[][..], Vec::as_slice);
        if row["type"] == 1 && items.len() != 1 {
            errors.push(format!(
                "{p}/components: {} inputs in a row, a modal row takes one",
                items.len()
            ));
        }
        for (j, c) in items.iter().enumerate() {
            let q = format!("{p}/components/{j}");
            max_chars(
                &c["custom_id"],
                100,
                &format!("{q}/custom_id"),
                "custom_id",
                errors,
            );
            max_chars(&c["label"], 45, &format!("{q}/label"), "label", errors);
            max_chars(&c["value"], 4000, &format!("{q}/value"), "value", errors);
            max_chars(
                &c["placeholder"],
                100,
                &format!("{q}/placeholder"),
                "placeholder",
                errors,
            );
        }
    }
}

fn thread_limits(data: &Value, errors: &mut Vec<String>) {
    match data.get("name") {
        Some(Value::String(name)) if name.is_empty() => {
            errors.push("/name: empty; a thread name has 1 to 100 characters".to_string());
        }
        Some(name @ Value::String(_)) => max_chars(name, 100, "/name", "thread name", errors),
        _ => errors.push("/name: a thread needs a name (a string)".to_string()),
    }
    if let Some(d) = data.get("auto_archive_duration").filter(|d| !d.is_null()) {
        if !d
            .as_u64()
            .is_some_and(|d| [60, 1440, 4320, 10080].contains(&d))
        {
            errors.push(format!(
                "/auto_archive_duration: {d} is none of 60, 1440, 4320, 10080 (minutes)"
            ));
        }
    }
}

fn autocomplete_limits(data: &Value, at: &str, errors: &mut Vec<String>) {
    let choices = data["choices"].as_array().map_or(&[][..], Vec::as_slice);
    if choices.len() > 25 {
        errors.push(format!(
            "{at}/choices: {} choices, Discord allows 25",
            choices.len()
        ));
    }
    for (i, c) in choices.iter().enumerate() {
        let p = format!("{at}/choices/{i}");
        max_chars(&c["name"], 100, &format!("{p}/name"), "choice name", errors);
        max_chars(
            &c["value"],
            100,
            &format!("{p}/value"),
            "choice value",
            errors,
        );
    }
}

// ------------------------------------------------------------------------------------------

/// Both checks over every recorded request with a body (the schema part only when `spec` is
/// `Some`). `Err` holds a readable report: one paragraph per failing request, with its number,
/// method, path and every violation.
pub fn check_all(spec: Option<&Spec>, requests: &[Recorded]) -> Result<(), String> {
    let mut report = String::new();
    let mut failing = 0;
    for (i, r) in requests.iter().enumerate() {
        let Some(body) = &r.json else { continue };
        let mut problems = Vec::new();
        if let Some(spec) = spec {
            if let Err(e) = spec.validate(&r.method, &r.path, body) {
                problems.extend(e.into_iter().map(|e| format!("schema: {e}")));
            }
        }
        if let Err(e) = check_limits(&r.method, &r.path, body) {
            problems.extend(e.into_iter().map(|e| format!("limits: {e}")));
        }
        if problems.is_empty() {
            continue;
        }
        failing += 1;
        report.push_str(&format!("#{i} {} {}\n", r.method, r.path));
        for p in problems {
            report.push_str(&format!("  - {p}\n"));
        }
        report.push_str(&format!("  body: {}\n", shorten(&body.to_string(), 600)));
    }
    if failing == 0 {
        Ok(())
    } else {
        Err(format!(
            "{failing} of the {} recorded requests break Discord's rules:\n{report}",
            requests.len()
        ))
    }
}
