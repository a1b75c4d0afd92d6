-- no-transaction
-- Ids shown to users (in buttons, menus and commands: a quiz, a post put to the vote, a shared
-- draft, a written answer) are never given again once their row is deleted: a button kept
-- from before a deletion must find nothing, never another student's copy. Without
-- AUTOINCREMENT, SQLite gives the id of a deleted last row to the next one.
--
-- AUTOINCREMENT can only be set by rebuilding each table (SQLite's documented procedure):
-- foreign keys off, so that dropping an old table neither cascades to nor breaks the tables
-- that reference it by name; everything in one transaction; foreign keys checked, then back
-- on. The migration runs outside sqlx's transaction because `PRAGMA foreign_keys` is ignored
-- inside one. Rerun after a crash between its commit and sqlx's bookkeeping, it rebuilds the
-- same tables again, which changes nothing.
PRAGMA foreign_keys = OFF;

BEGIN;

CREATE TABLE quizzes_rebuilt (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    class_id       INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    channel_id     TEXT    NOT NULL,
    case_id        TEXT    NOT NULL,
    launched_by    INTEGER REFERENCES members(id) ON DELETE SET NULL,
    status         TEXT    NOT NULL CHECK (status IN ('running', 'paused', 'finished', 'stopped')),
    settings       TEXT    NOT NULL,             -- JSON: seconds per item, bonuses
    current_item   INTEGER NOT NULL DEFAULT 0,   -- index of the item being asked (or next)
    paused_left_ms INTEGER,                      -- time left on the item when paused
    created_at     INTEGER NOT NULL,
    ended_at       INTEGER
);
INSERT INTO quizzes_rebuilt (id, class_id, channel_id, case_id, launched_by, status, settings,
                             current_item, paused_left_ms, created_at, ended_at)
    SELECT id, class_id, channel_id, case_id, launched_by, status, settings,
           current_item, paused_left_ms, created_at, ended_at FROM quizzes;
DROP TABLE quizzes;
ALTER TABLE quizzes_rebuilt RENAME TO quizzes;
CREATE UNIQUE INDEX one_live_quiz_per_class ON quizzes(class_id) WHERE status IN ('running', 'paused');

CREATE TABLE shared_drafts_rebuilt (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    class_id    INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    text        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
INSERT INTO shared_drafts_rebuilt (id, class_id, member_id, text, created_at)
    SELECT id, class_id, member_id, text, created_at FROM shared_drafts;
DROP TABLE shared_drafts;
ALTER TABLE shared_drafts_rebuilt RENAME TO shared_drafts;
CREATE INDEX shared_drafts_by_class ON shared_drafts(class_id);

CREATE TABLE discussions_rebuilt (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    class_id    INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    channel_id  TEXT    NOT NULL,
    opened_by   INTEGER REFERENCES members(id) ON DELETE SET NULL,
    status      TEXT    NOT NULL CHECK (status IN ('open', 'closed')),
    created_at  INTEGER NOT NULL,
    closed_at   INTEGER
);
INSERT INTO discussions_rebuilt (id, class_id, channel_id, opened_by, status, created_at, closed_at)
    SELECT id, class_id, channel_id, opened_by, status, created_at, closed_at FROM discussions;
DROP TABLE discussions;
ALTER TABLE discussions_rebuilt RENAME TO discussions;
CREATE UNIQUE INDEX one_open_discussion_per_class ON discussions(class_id) WHERE status = 'open';

CREATE TABLE discussion_posts_rebuilt (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    discussion_id INTEGER NOT NULL REFERENCES discussions(id) ON DELETE CASCADE,
    model         TEXT,
    draft_id      INTEGER REFERENCES shared_drafts(id) ON DELETE CASCADE,
    posted_at     INTEGER NOT NULL,
    CHECK ((model IS NULL) <> (draft_id IS NULL))
);
INSERT INTO discussion_posts_rebuilt (id, discussion_id, model, draft_id, posted_at)
    SELECT id, discussion_id, model, draft_id, posted_at FROM discussion_posts;
DROP TABLE discussion_posts;
ALTER TABLE discussion_posts_rebuilt RENAME TO discussion_posts;
CREATE UNIQUE INDEX one_post_per_model ON discussion_posts(discussion_id, model) WHERE model IS NOT NULL;
CREATE UNIQUE INDEX one_post_per_draft ON discussion_posts(discussion_id, draft_id) WHERE draft_id IS NOT NULL;

CREATE TABLE written_answers_rebuilt (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    class_id           INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    member_id          INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    case_id            TEXT    NOT NULL,
    question_id        TEXT    NOT NULL,
    text               TEXT    NOT NULL,
    written_at         INTEGER NOT NULL,
    self_criteria      TEXT,
    self_points_milli  INTEGER,
    self_at            INTEGER,
    grade_criteria     TEXT,
    grade_points_milli INTEGER,
    graded_by          INTEGER REFERENCES members(id) ON DELETE SET NULL,
    graded_at          INTEGER
);
INSERT INTO written_answers_rebuilt (id, class_id, member_id, case_id, question_id, text,
                                     written_at, self_criteria, self_points_milli, self_at,
                                     grade_criteria, grade_points_milli, graded_by, graded_at)
    SELECT id, class_id, member_id, case_id, question_id, text,
           written_at, self_criteria, self_points_milli, self_at,
           grade_criteria, grade_points_milli, graded_by, graded_at FROM written_answers;
DROP TABLE written_answers;
ALTER TABLE written_answers_rebuilt RENAME TO written_answers;
CREATE INDEX written_by_class ON written_answers(class_id, graded_at);
CREATE INDEX written_by_member ON written_answers(member_id);

COMMIT;

PRAGMA foreign_keys = ON;
