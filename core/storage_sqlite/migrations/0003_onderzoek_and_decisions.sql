-- The access team's onderzoek findings and the decisions taken on a request for household help.
-- Both tables are append-only: a newer row supersedes an older one, which stays as the record of
-- what was known and decided at the time.

-- One row per onderzoek: the facts only a conversation at home establishes. Household size, rooms
-- and pets stay on client, so there is one place to correct them. NULL in cognitive_screen means
-- "not screened" and in reablement_wait_days "unknown", which the rules treat differently from 0.
CREATE TABLE onderzoek (
  id                       INTEGER PRIMARY KEY,
  client_id                INTEGER NOT NULL REFERENCES client (id),
  recorded_on              TEXT NOT NULL CHECK (recorded_on IS date(recorded_on)),
  concerns_household_help  INTEGER NOT NULL CHECK (concerns_household_help IN (0, 1)),
  terminal                 INTEGER NOT NULL CHECK (terminal IN (0, 1)),
  bedbound                 INTEGER NOT NULL CHECK (bedbound IN (0, 1)),
  cognitive_screen         INTEGER CHECK (cognitive_screen BETWEEN 0 AND 30),
  dementia                 TEXT NOT NULL CHECK (dementia IN ('none', 'mild', 'moderate', 'severe')),
  serious_psychiatric      INTEGER NOT NULL CHECK (serious_psychiatric IN (0, 1)),
  needs_institutional_care INTEGER NOT NULL CHECK (needs_institutional_care IN (0, 1)),
  cannot_communicate       INTEGER NOT NULL CHECK (cannot_communicate IN (0, 1)),
  decline_since            TEXT CHECK (decline_since IS date(decline_since)),
  decline_recoverable      INTEGER NOT NULL CHECK (decline_recoverable IN (0, 1)),
  household_goal           INTEGER NOT NULL CHECK (household_goal IN (0, 1)),
  acute_need               INTEGER NOT NULL CHECK (acute_need IN (0, 1)),
  reablement_wait_days     INTEGER CHECK (reablement_wait_days BETWEEN 0 AND 3650),
  does_light_tasks         INTEGER NOT NULL CHECK (does_light_tasks IN (0, 1)),
  does_medium_tasks        INTEGER NOT NULL CHECK (does_medium_tasks IN (0, 1)),
  limitation               TEXT NOT NULL CHECK (limitation IN ('none', 'some', 'much')),
  small_dwelling           INTEGER NOT NULL CHECK (small_dwelling IN (0, 1)),
  network_covers_all       INTEGER NOT NULL CHECK (network_covers_all IN (0, 1)),
  dropout_medical          INTEGER NOT NULL CHECK (dropout_medical IN (0, 1))
) STRICT;
-- By client, then date (and, implicitly, id): the newest findings are the last entry of a client.
CREATE INDEX onderzoek_client ON onderzoek (client_id, recorded_on);

-- One row per decision: what the engine computed, the final outcome, and every input it read, so
-- that a decision can be explained later even after the policy or the client record changed.
-- Minutes per week are exact decimals in their shortest notation ("235", "117.5"; no leading or
-- trailing zeros), so equal amounts are equal text and the override check can compare them.
-- An override (a final outcome or amount that differs from the computed one) needs the
-- assessor's written motivation. The longer checks are named so that a refusal names its rule.
CREATE TABLE decision (
  id                        INTEGER PRIMARY KEY,
  client_id                 INTEGER NOT NULL REFERENCES client (id),
  melding_id                INTEGER REFERENCES melding (id),
  trajectory_id             INTEGER REFERENCES trajectory (id),
  kind                      TEXT NOT NULL CHECK (kind IN ('initial', 'reassessment')),
  decided_on                TEXT NOT NULL CHECK (decided_on IS date(decided_on)),
  policy_id                 TEXT NOT NULL,
  policy_version            TEXT NOT NULL,
  norm_id                   TEXT NOT NULL DEFAULT '',  -- empty when no HH amount was set
  norm_version              TEXT NOT NULL DEFAULT '',
  choice                    TEXT NOT NULL CHECK (choice IN ('not_asked', 'accept', 'decline')),
  computed_outcome          TEXT NOT NULL
                            CHECK (computed_outcome IN ('not_applicable', 'reablement_first', 'reablement_offered',
                                                        'hh_granted', 'temporary_hh', 'no_hh_needed')),
  computed_minutes_per_week TEXT
                            CONSTRAINT computed_minutes_per_week_is_decimal
                            CHECK (computed_minutes_per_week GLOB '[0-9]*'
                                   AND computed_minutes_per_week NOT GLOB '*[^0-9.]*'
                                   AND computed_minutes_per_week NOT GLOB '*.*.*'
                                   AND computed_minutes_per_week NOT GLOB '0[0-9]*'
                                   AND computed_minutes_per_week NOT GLOB '*.*0'
                                   AND computed_minutes_per_week NOT GLOB '*.'),
  band                      TEXT NOT NULL DEFAULT '',
  needs_motivation          INTEGER NOT NULL CHECK (needs_motivation IN (0, 1)),
  outcome                   TEXT NOT NULL
                            CHECK (outcome IN ('not_applicable', 'reablement_first', 'reablement_offered',
                                               'hh_granted', 'temporary_hh', 'no_hh_needed')),
  minutes_per_week          TEXT
                            CONSTRAINT minutes_per_week_is_decimal
                            CHECK (minutes_per_week GLOB '[0-9]*'
                                   AND minutes_per_week NOT GLOB '*[^0-9.]*'
                                   AND minutes_per_week NOT GLOB '*.*.*'
                                   AND minutes_per_week NOT GLOB '0[0-9]*'
                                   AND minutes_per_week NOT GLOB '*.*0'
                                   AND minutes_per_week NOT GLOB '*.'),
  motivation                TEXT NOT NULL DEFAULT '',
  starts_on                 TEXT CHECK (starts_on IS date(starts_on)),
  ends_on                   TEXT CHECK (ends_on IS date(ends_on) AND ends_on >= starts_on),
  review_on                 TEXT CHECK (review_on IS date(review_on)),
  inputs_json               TEXT NOT NULL,
  result_json               TEXT NOT NULL,
  CONSTRAINT override_needs_motivation
  CHECK ((outcome = computed_outcome AND minutes_per_week IS computed_minutes_per_week) OR motivation <> '')
) STRICT;
CREATE INDEX decision_client ON decision (client_id);
