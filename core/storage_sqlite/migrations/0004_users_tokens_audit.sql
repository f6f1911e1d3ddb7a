-- Users and their roles, bearer tokens, and the NEN 7513 audit log.
-- Passwords are stored only as PBKDF2-HMAC-SHA256 hashes; tokens only as their SHA-256 digest, so
-- a copy of the database gives no way in.

CREATE TABLE app_user (
  id              INTEGER PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE CHECK (username GLOB '[a-z]*' AND username NOT GLOB '*[^a-z0-9._-]*'
                                              AND length(username) BETWEEN 2 AND 64),
  display_name    TEXT NOT NULL CHECK (display_name <> ''),
  role            TEXT NOT NULL
                  CHECK (role IN ('team_member', 'access_assessor', 'evaluator', 'administrator')),
  -- A team member is one member of one team (team and discipline follow from it).
  member_id       INTEGER REFERENCES member (id),
  -- An access assessor works for one municipality.
  municipality_id INTEGER REFERENCES municipality (id),
  password_hash   TEXT NOT NULL CHECK (password_hash GLOB 'pbkdf2-sha256$*'),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      TEXT NOT NULL,
  CHECK ((role = 'team_member') = (member_id IS NOT NULL)),
  CHECK ((role = 'access_assessor') = (municipality_id IS NOT NULL))
) STRICT;

CREATE TABLE auth_token (
  digest     TEXT PRIMARY KEY CHECK (length(digest) = 64),
  user_id    INTEGER NOT NULL REFERENCES app_user (id),
  issued_at  TEXT NOT NULL,
  expires_at TEXT NOT NULL CHECK (expires_at > issued_at),
  revoked_at TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX auth_token_user ON auth_token (user_id);

-- One line per access to client data (and per login, logout and user change). Append-only: the
-- triggers refuse UPDATE and DELETE, and each row carries the SHA-256 of its own fields and of
-- the previous row's hash, so `reable audit verify` finds a row that was changed or removed by
-- someone who went around the triggers.
CREATE TABLE audit_event (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,                 -- UTC, ISO 8601 with milliseconds
  user_id      INTEGER,                       -- NULL: no user could be established (a failed login)
  username     TEXT NOT NULL,
  user_role    TEXT NOT NULL,
  on_behalf_of TEXT NOT NULL,                 -- the responsible user the user acted for
  client_id    INTEGER,                       -- NULL for events without a client (login, user list)
  action       TEXT NOT NULL CHECK (action IN ('read', 'create', 'update', 'login', 'logout', 'admin')),
  data         TEXT NOT NULL,                 -- which data: "client", "trajectory", "decision" …
  resource     TEXT NOT NULL,                 -- "GET /api/v1/clients/{id}" or "cli: decide"
  result       TEXT NOT NULL CHECK (result IN ('success', 'denied', 'failed')),
  basis        TEXT NOT NULL,                 -- the authorisation basis: the role and its scope
  emergency    INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),
  prev_hash    TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash         TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
CREATE INDEX audit_event_client ON audit_event (client_id, id) WHERE client_id IS NOT NULL;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

