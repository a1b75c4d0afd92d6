-- The numeric parts a student has finished in practice (right answer, last attempt or worked
-- answer shown): practice points for a part are earned once; a later run on it trains for free.
CREATE TABLE practice_done (
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    part_id     TEXT    NOT NULL,
    practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
    how         TEXT    NOT NULL CHECK (how IN ('correct', 'tries', 'solution')),
    done_at     INTEGER NOT NULL,
    PRIMARY KEY (member_id, part_id)
);
