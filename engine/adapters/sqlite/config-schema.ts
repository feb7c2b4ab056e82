/** Each entry upgrades the file by one step; PRAGMA user_version records how far it got. */
export const migrations: readonly string[] = [
  `
  CREATE TABLE items (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    department TEXT NOT NULL,
    created_at TEXT NOT NULL,
    withdrawn_json TEXT
  );
  CREATE TABLE drafts (
    code TEXT PRIMARY KEY,
    revision INTEGER NOT NULL,
    -- A discarded or published draft stays as a tombstone so that revisions never repeat:
    -- an If-Match taken from an old draft can never match a new one.
    deleted INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    record_json TEXT NOT NULL
  );
  CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    hash TEXT NOT NULL,
    published_at TEXT NOT NULL,
    meta_json TEXT NOT NULL,
    config_json TEXT NOT NULL,
    UNIQUE (code, version)
  );
  CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;
  CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;
  CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    code TEXT,
    version INTEGER,
    hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    event_json TEXT NOT NULL
  );
  CREATE INDEX audit_events_code ON audit_events (code, seq);
  CREATE INDEX audit_events_actor ON audit_events (actor, seq);
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  `,
  `
  CREATE TABLE principals (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    record_json TEXT NOT NULL
  );
  CREATE TABLE claims (
    division TEXT NOT NULL,
    code TEXT NOT NULL,
    record_json TEXT NOT NULL,
    PRIMARY KEY (division, code)
  );
  CREATE INDEX claims_code ON claims (code);
  CREATE TABLE campaign (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    record_json TEXT NOT NULL
  );
  `,
  `
  CREATE TABLE stations (
    code TEXT PRIMARY KEY,
    parent_code TEXT NOT NULL,
    record_json TEXT NOT NULL
  );
  `,
  `
  -- Working-calendar years stored by region administrators; each replaces the file's year.
  CREATE TABLE calendar_years (
    year INTEGER PRIMARY KEY,
    record_json TEXT NOT NULL
  );
  `,
  `
  -- Signed audit checkpoints (count, head hash, time, key): written with publications and every N events.
  CREATE TABLE audit_checkpoints (
    count INTEGER PRIMARY KEY,
    head_hash TEXT NOT NULL,
    at TEXT NOT NULL,
    cause TEXT NOT NULL,
    key_id TEXT NOT NULL,
    signature TEXT NOT NULL
  );
  CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
  CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
  `,
  `
  -- People's browser sessions: only the SHA-256 of the session id is kept.
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    principal_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE INDEX sessions_principal ON sessions (principal_id);
  `,
  `
  -- The programme office's 责任清单 and 负面清单 (the 需求清单 is derived from the items' data needs).
  CREATE TABLE data_list_entries (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    department TEXT NOT NULL,
    data_item TEXT NOT NULL,
    record_json TEXT NOT NULL,
    PRIMARY KEY (kind, id)
  );
  -- 周调度 / 月通报 snapshots: history, never replaced.
  CREATE TABLE report_snapshots (
    period TEXT NOT NULL,
    key TEXT NOT NULL,
    record_json TEXT NOT NULL,
    PRIMARY KEY (period, key)
  );
  CREATE TRIGGER report_snapshots_no_update BEFORE UPDATE ON report_snapshots BEGIN SELECT RAISE(ABORT, 'report snapshots are history'); END;
  `,
  `
  -- Material templates' files, by the SHA-256 of their content (items reference them by hash).
  CREATE TABLE template_files (
    hash TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    stored_at TEXT NOT NULL,
    stored_by TEXT NOT NULL
  );
  `,
];
