import Database from 'better-sqlite3';
import { intakeFile } from '../../engine/adapters/index.js';
import { sqliteInstallation } from '../support/installation.js';
import { describeCaseApi } from './case-api.js';

describeCaseApi('sqlite', sqliteInstallation, async (t, caseNumber) => {
  // Someone with the file: drops the guard trigger and rewrites the dispatch comment.
  const db = new Database(intakeFile(t.settings));
  db.exec('DROP TRIGGER case_events_no_update');
  db.prepare("UPDATE case_events SET event_json = replace(event_json, '正常推送', '补录推送') WHERE case_number = ? AND seq = 2").run(caseNumber);
  db.close();
});
