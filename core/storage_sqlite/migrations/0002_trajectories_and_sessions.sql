-- Trajectories started from a template, their care team and history; sessions, signals, test
-- results and COPM goals.

CREATE TABLE trajectory (
  id               INTEGER PRIMARY KEY,
  client_id        INTEGER NOT NULL REFERENCES client (id),
  melding_id       INTEGER REFERENCES melding (id),
  template_id      TEXT NOT NULL,
  template_version TEXT NOT NULL,
  start_date       TEXT NOT NULL CHECK (start_date IS date(start_date)),
  state            TEXT NOT NULL
                   CHECK (state IN ('referred', 'intake', 'training', 'follow_up', 'closed', 'dropped_out')),
  ended_on         TEXT CHECK (ended_on IS date(ended_on) AND ended_on >= start_date),
  closure          TEXT CHECK (closure IN ('completed', 'early', 'dropout')),
  end_reason       TEXT NOT NULL DEFAULT '',
  CHECK ((state IN ('closed', 'dropped_out')) = (ended_on IS NOT NULL AND closure IS NOT NULL))
) STRICT;
CREATE INDEX trajectory_client ON trajectory (client_id);
CREATE INDEX trajectory_open ON trajectory (state) WHERE state NOT IN ('closed', 'dropped_out');

CREATE TABLE trajectory_member (
  trajectory_id INTEGER NOT NULL REFERENCES trajectory (id),
  discipline    TEXT NOT NULL
                CHECK (discipline IN ('ergotherapist', 'physiotherapist', 'household_helper', 'social_worker')),
  member_id     INTEGER NOT NULL REFERENCES member (id),
  PRIMARY KEY (trajectory_id, discipline)
) STRICT, WITHOUT ROWID;
CREATE INDEX trajectory_member_member ON trajectory_member (member_id);

CREATE TABLE trajectory_transition (
  id            INTEGER PRIMARY KEY,
  trajectory_id INTEGER NOT NULL REFERENCES trajectory (id),
  from_state    TEXT NOT NULL,
  to_state      TEXT NOT NULL,
  on_date       TEXT NOT NULL CHECK (on_date IS date(on_date)),
  reason        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX trajectory_transition_trajectory ON trajectory_transition (trajectory_id);

CREATE TABLE copm_goal (
  id            INTEGER PRIMARY KEY,
  trajectory_id INTEGER NOT NULL REFERENCES trajectory (id),
  problem       TEXT NOT NULL CHECK (problem <> ''),
  importance    INTEGER NOT NULL CHECK (importance BETWEEN 1 AND 10),
  set_on        TEXT NOT NULL CHECK (set_on IS date(set_on))
) STRICT;
CREATE INDEX copm_goal_trajectory ON copm_goal (trajectory_id);

CREATE TABLE copm_rating (
  goal_id      INTEGER NOT NULL REFERENCES copm_goal (id),
  occasion     TEXT NOT NULL,
  performance  INTEGER NOT NULL CHECK (performance BETWEEN 1 AND 10),
  satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 10),
  rated_on     TEXT NOT NULL CHECK (rated_on IS date(rated_on)),
  PRIMARY KEY (goal_id, occasion)
) STRICT, WITHOUT ROWID;

-- One row per logged contact. A member logs one session of a kind per trajectory per day: a
-- second one is refused as a duplicate.
CREATE TABLE session (
  id             INTEGER PRIMARY KEY,
  trajectory_id  INTEGER NOT NULL REFERENCES trajectory (id),
  member_id      INTEGER NOT NULL REFERENCES member (id),
  discipline     TEXT NOT NULL
                 CHECK (discipline IN ('ergotherapist', 'physiotherapist', 'household_helper', 'social_worker')),
  session_date   TEXT NOT NULL CHECK (session_date IS date(session_date)),
  minutes        INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  kind           TEXT NOT NULL CHECK (kind IN ('training', 'assessment', 'home_visit', 'phone', 'team_meeting')),
  attendance     TEXT NOT NULL CHECK (attendance IN ('attended', 'cancelled', 'no_show')),
  absence_reason TEXT NOT NULL DEFAULT '',
  activities     TEXT NOT NULL DEFAULT '',  -- one activity per line
  notes          TEXT NOT NULL DEFAULT '',
  UNIQUE (trajectory_id, member_id, session_date, kind)
) STRICT;
CREATE INDEX session_member_date ON session (member_id, session_date);

CREATE TABLE session_goal (
  session_id INTEGER NOT NULL REFERENCES session (id),
  goal_id    INTEGER NOT NULL REFERENCES copm_goal (id),
  PRIMARY KEY (session_id, goal_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE signal (
  id            INTEGER PRIMARY KEY,
  trajectory_id INTEGER NOT NULL REFERENCES trajectory (id),
  session_id    INTEGER REFERENCES session (id),
  kind          TEXT NOT NULL CHECK (kind IN ('caregiver_overload', 'loneliness', 'cognitive_decline', 'fall',
                                              'financial_trouble', 'unsafe_home')),
  raised_on     TEXT NOT NULL CHECK (raised_on IS date(raised_on)),
  raised_by     INTEGER NOT NULL REFERENCES member (id),
  note          TEXT NOT NULL DEFAULT '',
  handled_on    TEXT CHECK (handled_on IS date(handled_on) AND handled_on >= raised_on)
) STRICT;
CREATE INDEX signal_open ON signal (raised_on) WHERE handled_on IS NULL;

CREATE TABLE test_result (
  id                 INTEGER PRIMARY KEY,
  trajectory_id      INTEGER NOT NULL REFERENCES trajectory (id),
  occasion           TEXT NOT NULL,
  instrument_id      TEXT NOT NULL,
  instrument_version TEXT NOT NULL,
  member_id          INTEGER NOT NULL REFERENCES member (id),
  discipline         TEXT NOT NULL
                     CHECK (discipline IN ('ergotherapist', 'physiotherapist', 'household_helper', 'social_worker')),
  tested_on          TEXT NOT NULL CHECK (tested_on IS date(tested_on)),
  inputs_json        TEXT NOT NULL,
  scores_json        TEXT NOT NULL,
  total              TEXT,
  UNIQUE (trajectory_id, occasion, instrument_id)
) STRICT;
