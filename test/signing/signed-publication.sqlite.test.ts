import Database from 'better-sqlite3';
import { canonicalJson } from '../../engine/core/index.js';
import { sqliteFile } from '../../engine/adapters/index.js';
import { sqliteInstallation } from '../support/installation.js';
import { describeSignedPublication } from './signed-publication.js';

describeSignedPublication('sqlite', sqliteInstallation, {
  async rewriteVersion(t, code, version, edit) {
    const db = new Database(sqliteFile(t.settings));
    try {
      const row = db.prepare('SELECT meta_json, config_json FROM versions WHERE code = ? AND version = ?').get(code, version) as { meta_json: string; config_json: string };
      const edited = edit({ ...JSON.parse(row.meta_json), config: JSON.parse(row.config_json) });
      const { config, ...meta } = edited;
      db.exec('DROP TRIGGER IF EXISTS versions_no_update');
      db.prepare('UPDATE versions SET hash = ?, meta_json = ?, config_json = ? WHERE code = ? AND version = ?').run(meta.hash, canonicalJson(meta), canonicalJson(config), code, version);
    } finally {
      db.close();
    }
  },
  async insertRawVersion(t, record) {
    const { config, ...meta } = record;
    const db = new Database(sqliteFile(t.settings));
    try {
      db.prepare('INSERT INTO versions (code, version, hash, published_at, meta_json, config_json) VALUES (?, ?, ?, ?, ?, ?)')
        .run(meta.code, meta.version, meta.hash, meta.publishedAt, canonicalJson(meta), canonicalJson(config));
    } finally {
      db.close();
    }
  },
});
