import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../engine/core/index.js';
import { intakeFile, sqliteFile } from '../../engine/adapters/index.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { describeAuditTampering } from './tamper.js';

/** Someone with the file: opens it directly and drops whichever guard trigger is in the way. */
function withFile<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
}
const configFile = (t: TestInstallation) => sqliteFile(t.settings);

describeAuditTampering('sqlite', sqliteInstallation, {
  async deleteAuditAfter(t, seq) {
    withFile(configFile(t), (db) => {
      db.exec('DROP TRIGGER audit_no_delete');
      db.prepare('DELETE FROM audit_events WHERE seq > ?').run(seq);
    });
  },
  async replaceAuditEvents(t, events) {
    withFile(configFile(t), (db) => {
      db.exec('DROP TRIGGER audit_no_update');
      const update = db.prepare('UPDATE audit_events SET at = ?, actor = ?, action = ?, code = ?, version = ?, hash = ?, prev_hash = ?, event_json = ? WHERE seq = ?');
      for (const e of events) update.run(e.at, e.actor, e.action, e.code, e.version, e.hash, e.prevHash, canonicalJson(e), e.seq);
    });
  },
  async setIndexedActor(t, seq, actor) {
    withFile(configFile(t), (db) => {
      db.exec('DROP TRIGGER audit_no_update');
      db.prepare('UPDATE audit_events SET actor = ? WHERE seq = ?').run(actor, seq);
    });
  },
  indexedActorDetectedAs: 'index-mismatch',
  async insertRawVersion(t, record) {
    const { config, ...meta } = record;
    withFile(configFile(t), (db) => {
      db.prepare('INSERT INTO versions (code, version, hash, published_at, meta_json, config_json) VALUES (?, ?, ?, ?, ?, ?)')
        .run(meta.code, meta.version, meta.hash, meta.publishedAt, canonicalJson(meta), canonicalJson(config));
    });
  },
  async deleteVersion(t, code, version) {
    withFile(configFile(t), (db) => {
      db.exec('DROP TRIGGER versions_no_delete');
      db.prepare('DELETE FROM versions WHERE code = ? AND version = ?').run(code, version);
    });
  },
  async snapshotConfigStore(t) {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-copy-'));
    const copy = join(dir, 'tongban.db');
    const live = new Database(configFile(t));
    await live.backup(copy);
    live.close();
    return async () => {
      // Put the old copy back over the live file, as restoring a backup would.
      const old = new Database(copy);
      await old.backup(configFile(t));
      old.close();
      rmSync(dir, { recursive: true, force: true });
    };
  },
  async deleteCaseEvent(t, caseNumber, seq) {
    withFile(intakeFile(t.settings), (db) => {
      db.exec('DROP TRIGGER case_events_no_delete');
      db.prepare('DELETE FROM case_events WHERE case_number = ? AND seq = ?').run(caseNumber, seq);
    });
  },
  async setCaseStatus(t, caseNumber, status) {
    withFile(intakeFile(t.settings), (db) => {
      db.prepare('UPDATE cases SET status = ? WHERE case_number = ?').run(status, caseNumber);
    });
  },
});
