-- Marking written answers as correctors do: each teacher's marking of a copy kept apart (points
-- per criterion, from none to all of its share, and a comment), so that two teachers can mark
-- the same copy independently. The copy's current mark stays in written_answers
-- (grade_points_milli, what boards, exports and marks read), with how it was reached.
CREATE TABLE markings (
    written_id  INTEGER NOT NULL REFERENCES written_answers(id) ON DELETE CASCADE,
    marker_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    points      TEXT    NOT NULL,             -- JSON object: criterion id -> milli-points
    comment     TEXT,
    total_milli INTEGER NOT NULL,
    marked_at   INTEGER NOT NULL,
    PRIMARY KEY (written_id, marker_id)
);

-- single: one teacher marked; agreed: two markings give the same points; settled: a teacher
-- recorded the mark both agree on; mean: two markings differ and none was settled yet.
ALTER TABLE written_answers ADD COLUMN mark_how TEXT CHECK (mark_how IN ('single', 'agreed', 'settled', 'mean'));
