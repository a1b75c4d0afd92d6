-- Subjects teachers imported (`/cas importer`): the pack's files themselves, kept in the
-- database so that they are backed up with the results earned on them. A subject belongs to
-- the class that imported it (`class_id`), and goes with it when the class is erased; the
-- bot's operator can publish it to every class (`casebot cas publier`), which sets
-- `class_id` to NULL (`origin_class` keeps the class that imported it, so that the operator can
-- give it back to that class to be corrected: `casebot cas depublier`). Re-importing the same id in the same class updates the row (`version`
-- + 1); answers keep their stored verdicts and points.
CREATE TABLE subjects (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    class_id    INTEGER REFERENCES classes(id) ON DELETE CASCADE,  -- NULL: published to all
    origin_class INTEGER REFERENCES classes(id) ON DELETE SET NULL, -- the class that imported it
    case_id     TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    session     INTEGER NOT NULL,
    added_by    TEXT    NOT NULL,              -- display name of the teacher who imported it
    files       TEXT    NOT NULL,              -- JSON object: path in the upload -> text
    pack_dir    TEXT    NOT NULL,              -- folder of case.toml among the files
    texts_dir   TEXT,                          -- folder of the texts when sent as loose files
    version     INTEGER NOT NULL DEFAULT 1,
    added_at    INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX one_subject_per_id ON subjects(COALESCE(class_id, 0), case_id);
