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
  `
  CREATE TABLE cases (
    case_number TEXT PRIMARY KEY REFERENCES intakes (case_number),
    created_at TEXT NOT NULL,
    receiving_division TEXT NOT NULL,
    handling_division TEXT NOT NULL,
    department TEXT NOT NULL,
    code TEXT NOT NULL,
    item_name TEXT NOT NULL,
    status TEXT NOT NULL,
    holder_division TEXT,
    due_stage TEXT,
    due_date TEXT,
    due_sort TEXT NOT NULL,
    promised_due TEXT,
    applicant_key TEXT,
    applicant_label TEXT,
    updated_at TEXT NOT NULL,
    seq INTEGER NOT NULL
  );
  CREATE INDEX cases_receiving_due ON cases (receiving_division, due_sort, case_number);
  CREATE INDEX cases_handling_due ON cases (handling_division, due_sort, case_number);
  CREATE INDEX cases_holder_due ON cases (holder_division, due_sort, case_number);
  CREATE INDEX cases_due ON cases (due_sort, case_number);
  CREATE INDEX cases_applicant ON cases (applicant_key);
  CREATE TABLE case_events (
    case_number TEXT NOT NULL REFERENCES intakes (case_number),
    seq INTEGER NOT NULL,
    event_json TEXT NOT NULL,
    PRIMARY KEY (case_number, seq)
  ) WITHOUT ROWID;
  CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events BEGIN SELECT RAISE(ABORT, 'case events are never changed'); END;
  CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events BEGIN SELECT RAISE(ABORT, 'case events are never deleted'); END;
  CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END;
  `,
  // The standard's material an attachment is (补正 materials handed in later are linked to their ids).
  `
  ALTER TABLE intake_attachments ADD COLUMN material_id TEXT;
  `,
];
