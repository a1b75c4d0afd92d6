-- casebot storage. Times are milliseconds since the Unix epoch (UTC); points are stored as
-- integer thousandths of a point ("milli-points"), never as floating point; KPI values and
-- answers read from students are stored as decimal text.

-- A class: one Discord server, or one console session.
CREATE TABLE classes (
    id            INTEGER PRIMARY KEY,
    platform      TEXT    NOT NULL,              -- 'discord' | 'console'
    platform_id   TEXT    NOT NULL,              -- guild id, or the console's class name
    name          TEXT    NOT NULL,
    teacher_role  TEXT,                          -- platform role id that makes a member a teacher
    quiz_channel  TEXT,                          -- channel where quizzes run, if restricted
    case_id       TEXT,                          -- case pack used by default
    board_reset_at INTEGER NOT NULL DEFAULT 0,   -- class boards count what came after this
    created_at    INTEGER NOT NULL,
    UNIQUE (platform, platform_id)
);

-- A member of a class: platform id and display name only.
CREATE TABLE members (
    id            INTEGER PRIMARY KEY,
    class_id      INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    platform_user TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    role          TEXT    NOT NULL DEFAULT 'student' CHECK (role IN ('student', 'teacher')),
    created_at    INTEGER NOT NULL,
    UNIQUE (class_id, platform_user)
);

-- A timed quiz launched by a teacher in a channel.
CREATE TABLE quizzes (
    id             INTEGER PRIMARY KEY,
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
CREATE UNIQUE INDEX one_live_quiz_per_class ON quizzes(class_id) WHERE status IN ('running', 'paused');

-- The items (numeric parts) of a quiz, in order, with their clocks.
CREATE TABLE quiz_items (
    quiz_id     INTEGER NOT NULL REFERENCES quizzes(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    part_id     TEXT    NOT NULL,
    kpi_id      TEXT    NOT NULL,
    points_milli INTEGER NOT NULL,
    shown_at    INTEGER,                         -- set once the question message is posted
    deadline_at INTEGER,
    closed_at   INTEGER,                         -- answers refused after this
    revealed_at INTEGER,                         -- right value shown to the class
    PRIMARY KEY (quiz_id, idx)
);

-- A student's practice run through a dossier or a question.
CREATE TABLE practices (
    id          INTEGER PRIMARY KEY,
    class_id    INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    case_id     TEXT    NOT NULL,
    parts       TEXT    NOT NULL,                -- JSON list of part ids
    current     INTEGER NOT NULL DEFAULT 0,
    status      TEXT    NOT NULL CHECK (status IN ('active', 'done', 'abandoned')),
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER
);
CREATE UNIQUE INDEX one_active_practice ON practices(member_id) WHERE status = 'active';

-- Every answer judged (invalid answers are not stored: they cost nothing).
CREATE TABLE answers (
    id           INTEGER PRIMARY KEY,
    class_id     INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    quiz_id      INTEGER REFERENCES quizzes(id) ON DELETE CASCADE,
    item_idx     INTEGER,
    practice_id  INTEGER REFERENCES practices(id) ON DELETE CASCADE,
    part_id      TEXT    NOT NULL,
    kpi_id       TEXT    NOT NULL,
    attempt      INTEGER NOT NULL,
    input        TEXT    NOT NULL,
    given        TEXT,                           -- decimal text read from the input
    verdict      TEXT    NOT NULL CHECK (verdict IN ('correct', 'close', 'wrong')),
    mistake      TEXT,
    points_milli INTEGER NOT NULL,
    elapsed_ms   INTEGER,                        -- time from the question being shown
    answered_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX one_answer_per_quiz_item ON answers(quiz_id, item_idx, member_id) WHERE quiz_id IS NOT NULL;
CREATE INDEX answers_by_class_time ON answers(class_id, answered_at);
CREATE INDEX answers_by_member ON answers(member_id);

-- Hints taken, with what they cost.
CREATE TABLE hints (
    id          INTEGER PRIMARY KEY,
    class_id    INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    quiz_id     INTEGER REFERENCES quizzes(id) ON DELETE CASCADE,
    item_idx    INTEGER,
    practice_id INTEGER REFERENCES practices(id) ON DELETE CASCADE,
    part_id     TEXT    NOT NULL,
    level       INTEGER NOT NULL,
    cost_milli  INTEGER NOT NULL,
    taken_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX one_hint_level ON hints(member_id, COALESCE(quiz_id, 0), COALESCE(item_idx, -1), COALESCE(practice_id, 0), part_id, level);

-- Incoming actions already processed: the same id twice changes nothing the second time.
CREATE TABLE actions (
    action_id    TEXT    PRIMARY KEY,
    class_id     INTEGER REFERENCES classes(id) ON DELETE CASCADE,
    replies      TEXT    NOT NULL,               -- JSON of the replies first given
    processed_at INTEGER NOT NULL
);
