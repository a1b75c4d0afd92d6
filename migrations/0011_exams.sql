-- Mock exams (`/examen`): the whole subject for the class at once, one clock for the paper.
-- A student's copy holds their numeric answers (saved without feedback, judged when the copy
-- is locked) and their written drafts (saved at each step, revised until handed in; at the
-- lock each becomes a written answer the teachers mark on its grid). Marks are computed from
-- the stored verdicts and grades (play::marks), never stored as such.
CREATE TABLE exams (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    class_id     INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    channel_id   TEXT    NOT NULL,
    case_id      TEXT    NOT NULL,
    launched_by  INTEGER REFERENCES members(id) ON DELETE SET NULL,
    status       TEXT    NOT NULL CHECK (status IN ('running', 'ended')),
    started_at   INTEGER NOT NULL,
    deadline_at  INTEGER NOT NULL,
    ended_at     INTEGER,
    ended_how    TEXT CHECK (ended_how IN ('time', 'stopped')),
    reminders    INTEGER NOT NULL DEFAULT 0     -- how many time reminders were posted
);
CREATE UNIQUE INDEX one_running_exam_per_class ON exams(class_id) WHERE status = 'running';

-- A student's copy, opened at their first step; locked once handed in or at the end.
CREATE TABLE exam_copies (
    exam_id      INTEGER NOT NULL REFERENCES exams(id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    opened_at    INTEGER NOT NULL,
    locked_at    INTEGER,
    locked_how   TEXT CHECK (locked_how IN ('handed_in', 'time', 'stopped')),
    bonus_milli  INTEGER NOT NULL DEFAULT 0,   -- « copie conforme aux exigences professionnelles »
    PRIMARY KEY (exam_id, member_id)
);

-- The last answer a student saved for a numeric part; judged when the copy is locked.
CREATE TABLE exam_answers (
    exam_id      INTEGER NOT NULL REFERENCES exams(id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    part_id      TEXT    NOT NULL,
    input        TEXT    NOT NULL,
    saved_at     INTEGER NOT NULL,
    verdict      TEXT CHECK (verdict IN ('correct', 'close', 'wrong')),
    mistake      TEXT,
    PRIMARY KEY (exam_id, member_id, part_id)
);

-- A written answer being drafted during the exam (the last version saved).
CREATE TABLE exam_drafts (
    exam_id      INTEGER NOT NULL REFERENCES exams(id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    question_id  TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    saved_at     INTEGER NOT NULL,
    PRIMARY KEY (exam_id, member_id, question_id)
);

-- A written answer handed in with an exam copy (NULL: written with /rediger).
ALTER TABLE written_answers ADD COLUMN exam_id INTEGER REFERENCES exams(id) ON DELETE CASCADE;
CREATE INDEX written_by_exam ON written_answers(exam_id) WHERE exam_id IS NOT NULL;
