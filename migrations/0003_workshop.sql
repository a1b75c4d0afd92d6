-- The LinkedIn workshop and the written answers: drafts shared with consent, class votes on
-- posts, written answers with the student's self-assessment and the teacher's grade.

-- A draft LinkedIn post whose author agreed to let a teacher show it, anonymously, to the class.
-- Deleted when the author withdraws it or is forgotten.
CREATE TABLE shared_drafts (
    id          INTEGER PRIMARY KEY,
    class_id    INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    text        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX shared_drafts_by_class ON shared_drafts(class_id);

-- A class vote on posts (model posts of the case, shared drafts), opened by a teacher in a
-- channel; one open vote per class at a time.
CREATE TABLE discussions (
    id          INTEGER PRIMARY KEY,
    class_id    INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    channel_id  TEXT    NOT NULL,
    opened_by   INTEGER REFERENCES members(id) ON DELETE SET NULL,
    status      TEXT    NOT NULL CHECK (status IN ('open', 'closed')),
    created_at  INTEGER NOT NULL,
    closed_at   INTEGER
);
CREATE UNIQUE INDEX one_open_discussion_per_class ON discussions(class_id) WHERE status = 'open';

-- A post put to the vote: a model post of the case (its id) or a shared draft.
CREATE TABLE discussion_posts (
    id            INTEGER PRIMARY KEY,
    discussion_id INTEGER NOT NULL REFERENCES discussions(id) ON DELETE CASCADE,
    model         TEXT,
    draft_id      INTEGER REFERENCES shared_drafts(id) ON DELETE CASCADE,
    posted_at     INTEGER NOT NULL,
    CHECK ((model IS NULL) <> (draft_id IS NULL))
);
CREATE UNIQUE INDEX one_post_per_model ON discussion_posts(discussion_id, model) WHERE model IS NOT NULL;
CREATE UNIQUE INDEX one_post_per_draft ON discussion_posts(discussion_id, draft_id) WHERE draft_id IS NOT NULL;

-- One vote per student and post; voting again replaces it.
CREATE TABLE votes (
    post_id     INTEGER NOT NULL REFERENCES discussion_posts(id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    choice      INTEGER NOT NULL CHECK (choice BETWEEN 0 AND 2), -- 0 convincing, 1 mixed, 2 to rework
    voted_at    INTEGER NOT NULL,
    PRIMARY KEY (post_id, member_id)
);

-- A written answer to a question that has a grading grid. The student ticks what it covers
-- (self-assessment, never counted); a teacher's grade counts in the class's scores from the
-- time it is given. Criteria are JSON lists of criterion ids; points are milli-points.
CREATE TABLE written_answers (
    id                 INTEGER PRIMARY KEY,
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
CREATE INDEX written_by_class ON written_answers(class_id, graded_at);
CREATE INDEX written_by_member ON written_answers(member_id);
