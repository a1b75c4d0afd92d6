-- How long a quiz item is open for, extensions included and pauses excluded, so that the speed
-- bonus measures answering time only.
ALTER TABLE quiz_items ADD COLUMN limit_ms INTEGER;
