/** Each entry upgrades intake.db by one step; PRAGMA user_version records how far it got. */
export const migrations: readonly string[] = [
  `
  CREATE TABLE intakes (
    case_number TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    receiving_division TEXT NOT NULL,
    handling_division TEXT NOT NULL,
    code TEXT NOT NULL,
    outcome TEXT NOT NULL,
    record_json TEXT NOT NULL
  );
  CREATE INDEX intakes_created ON intakes (created_at, case_number);
  CREATE INDEX intakes_receiving ON intakes (receiving_division, created_at);
  CREATE INDEX intakes_handling ON intakes (handling_division, created_at);
  CREATE INDEX intakes_code ON intakes (code, created_at);
  CREATE TABLE intake_attachments (
    id TEXT PRIMARY KEY,
    case_number TEXT NOT NULL REFERENCES intakes (case_number),
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX intake_attachments_case ON intake_attachments (case_number, id);
  CREATE TRIGGER intakes_no_delete BEFORE DELETE ON intakes BEGIN SELECT RAISE(ABORT, 'intake records are never deleted'); END;
  CREATE TRIGGER intake_attachments_no_update BEFORE UPDATE ON intake_attachments BEGIN SELECT RAISE(ABORT, 'attachments are never changed'); END;
  CREATE TRIGGER intake_attachments_no_delete BEFORE DELETE ON intake_attachments BEGIN SELECT RAISE(ABORT, 'attachments are never deleted'); END;
  `,
];
