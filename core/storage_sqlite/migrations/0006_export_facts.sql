-- What an evaluation needs that was missing or only free text: the minutes of household help the
-- client asked for at the melding (the yardstick for "HH avoided or reduced"), a coded reason for
-- a dropout or an early closure (the free-text reason is never exported), and a record of every
-- export with its manifest.

ALTER TABLE melding ADD COLUMN hh_minutes_requested INTEGER
  CHECK (hh_minutes_requested BETWEEN 1 AND 10080);

ALTER TABLE trajectory ADD COLUMN end_reason_code TEXT
  CHECK (end_reason_code IN ('admission', 'care_home', 'deceased', 'health', 'motivation', 'moved',
                             'declined_further', 'other'));

-- One row per export. A streamed export is recorded before its first byte leaves ('streaming')
-- and completed with its counts and file digests afterwards ('complete'), or marked 'aborted'
-- when the reader went away.
CREATE TABLE export_run (
  id            INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  user_name     TEXT NOT NULL CHECK (user_name <> ''),
  user_role     TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('outcomes', 'codebook', 'fhir', 'report')),
  filters_json  TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('streaming', 'complete', 'aborted')),
  manifest_json TEXT NOT NULL DEFAULT '{}'
) STRICT;
