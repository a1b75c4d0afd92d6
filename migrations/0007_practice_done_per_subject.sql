-- A part finished in practice is finished on one subject: two subjects share part ids ("1.2.a")
-- but not their figures, so a part worked on one still earns practice points on another. The
-- table is rebuilt with the subject in its key (nothing references it); existing rows take
-- the subject of the practice they were finished in.
CREATE TABLE practice_done_rebuilt (
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    case_id     TEXT    NOT NULL,
    part_id     TEXT    NOT NULL,
    practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
    how         TEXT    NOT NULL CHECK (how IN ('correct', 'tries', 'solution')),
    done_at     INTEGER NOT NULL,
    PRIMARY KEY (member_id, case_id, part_id)
);
INSERT INTO practice_done_rebuilt (member_id, case_id, part_id, practice_id, how, done_at)
    SELECT d.member_id, p.case_id, d.part_id, d.practice_id, d.how, d.done_at
    FROM practice_done d JOIN practices p ON p.id = d.practice_id;
DROP TABLE practice_done;
ALTER TABLE practice_done_rebuilt RENAME TO practice_done;
