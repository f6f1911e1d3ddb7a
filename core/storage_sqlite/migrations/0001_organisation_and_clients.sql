-- Municipalities, their areas, teams and members; clients with their identity kept apart; meldingen.
-- Dates are ISO text (YYYY-MM-DD), checked to be real calendar days.

CREATE TABLE municipality (
  id   INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code GLOB 'GM[0-9][0-9][0-9][0-9]'),
  name TEXT NOT NULL CHECK (name <> '')
) STRICT;

CREATE TABLE area (
  id              INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipality (id),
  name            TEXT NOT NULL CHECK (name <> ''),
  UNIQUE (municipality_id, name)
) STRICT;

CREATE TABLE team (
  id              INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipality (id),
  name            TEXT NOT NULL CHECK (name <> ''),
  UNIQUE (municipality_id, name)
) STRICT;

CREATE TABLE member (
  id         INTEGER PRIMARY KEY,
  team_id    INTEGER NOT NULL REFERENCES team (id),
  name       TEXT NOT NULL CHECK (name <> ''),
  discipline TEXT NOT NULL
             CHECK (discipline IN ('ergotherapist', 'physiotherapist', 'household_helper', 'social_worker')),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (team_id, name)
) STRICT;

-- Clinical and household facts only: no BSN, no name.
CREATE TABLE client (
  id               INTEGER PRIMARY KEY,
  birth_date       TEXT NOT NULL CHECK (birth_date IS date(birth_date)),
  sex              TEXT NOT NULL CHECK (sex IN ('female', 'male')),
  area_id          INTEGER NOT NULL REFERENCES area (id),
  household        TEXT NOT NULL CHECK (household IN ('single', 'couple', 'with_children', 'with_others')),
  household_size   INTEGER NOT NULL CHECK (household_size BETWEEN 1 AND 20),
  dwelling         TEXT NOT NULL
                   CHECK (dwelling IN ('apartment', 'single_family_house', 'sheltered_housing', 'other')),
  rooms_in_use     INTEGER NOT NULL CHECK (rooms_in_use BETWEEN 0 AND 50),
  rooms_not_in_use INTEGER NOT NULL CHECK (rooms_not_in_use BETWEEN 0 AND 50),
  pets             INTEGER NOT NULL CHECK (pets BETWEEN 0 AND 50)
) STRICT;

-- Who the client is, apart from every clinical table, so that exports and clinical queries never
-- read it. The BSN is stored normalised to 9 digits after the elfproef.
CREATE TABLE client_identity (
  client_id INTEGER PRIMARY KEY REFERENCES client (id),
  bsn       TEXT NOT NULL UNIQUE CHECK (length(bsn) = 9 AND bsn NOT GLOB '*[^0-9]*'),
  name      TEXT NOT NULL CHECK (name <> '')
) STRICT;

CREATE TABLE informal_carer (
  id             INTEGER PRIMARY KEY,
  client_id      INTEGER NOT NULL REFERENCES client (id),
  relationship   TEXT NOT NULL CHECK (relationship <> ''),
  hours_per_week INTEGER NOT NULL CHECK (hours_per_week BETWEEN 0 AND 168),
  lives_in       INTEGER NOT NULL CHECK (lives_in IN (0, 1))
) STRICT;
CREATE INDEX informal_carer_client ON informal_carer (client_id);

CREATE TABLE melding (
  id                INTEGER PRIMARY KEY,
  client_id         INTEGER NOT NULL REFERENCES client (id),
  received_on       TEXT NOT NULL CHECK (received_on IS date(received_on)),
  onderzoek_done_on TEXT CHECK (onderzoek_done_on IS date(onderzoek_done_on) AND onderzoek_done_on >= received_on),
  aanvraag_on       TEXT CHECK (aanvraag_on IS date(aanvraag_on) AND aanvraag_on >= received_on),
  decided_on        TEXT CHECK (decided_on IS date(decided_on) AND decided_on >= aanvraag_on)
) STRICT;
CREATE INDEX melding_client ON melding (client_id);
