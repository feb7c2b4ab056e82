/** Each entry upgrades decisions.db by one step; PRAGMA user_version records how far it got. */
export const migrations: readonly string[] = [
  `
  CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    division TEXT NOT NULL,
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    record_json TEXT NOT NULL
  );
  CREATE INDEX decisions_code_version ON decisions (code, version, id);
  CREATE INDEX decisions_division ON decisions (division, id);
  CREATE INDEX decisions_outcome ON decisions (outcome, id);
  CREATE INDEX decisions_at ON decisions (at);
  CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;
  CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;
  `,
];
