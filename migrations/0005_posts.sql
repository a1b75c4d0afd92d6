-- What the engine posts on its own (a quiz's questions, its reveals, the end of a quiz), each
-- recorded before it is sent so that a crash or a stop neither loses nor doubles it: the row
-- is written first, the post goes out with `nonce` (the platform drops a repeat of it), then
-- `sent_at` is set and the payload emptied. On a restart, what is still unsent goes out again
-- with the same nonce.
CREATE TABLE posts (
    id          INTEGER PRIMARY KEY,
    key         TEXT    NOT NULL UNIQUE,         -- 'quiz:12:question:0', 'quiz:12:final:3'
    kind        TEXT    NOT NULL CHECK (kind IN ('question', 'reveal', 'final')),
    quiz_id     INTEGER NOT NULL REFERENCES quizzes(id) ON DELETE CASCADE,
    -- The member a private post goes to: forgetting the member drops it.
    member_id   INTEGER REFERENCES members(id) ON DELETE CASCADE,
    channel     TEXT    NOT NULL,                -- JSON: where it goes
    reply       TEXT    NOT NULL,                -- JSON: what it says, without its file
    file        BLOB,                            -- the file's bytes (a picture), if any
    nonce       TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER,
    attempts    INTEGER NOT NULL DEFAULT 0,
    retry_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX posts_unsent ON posts(retry_at) WHERE sent_at IS NULL;
