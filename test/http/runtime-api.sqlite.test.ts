import Database from 'better-sqlite3';
import request from 'supertest';
import { expect, it } from 'vitest';
import { createLogger } from '../../engine/http-kit/index.js';
import { sqliteFile } from '../../engine/adapters/index.js';
import { canonicalJson, sha256Hex } from '../../engine/core/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';
import { describeRuntimeApi } from './runtime-api.js';

describeRuntimeApi('sqlite', sqliteInstallation);

it('sqlite: a runtime refuses to serve a version edited behind the store’s back (drift)', async () => {
  const t = await sqliteInstallation();
  try {
    await publishThroughApi(t, itemConfig('DRIFT-1'));
    await request(t.app).put('/api/localities/150102/claims/DRIFT-1').set(t.as.admin).send({ follow: 'latest' });
    const db = new Database(sqliteFile(t.settings));
    db.exec('DROP TRIGGER versions_no_update');
    const row = db.prepare("SELECT config_json FROM versions WHERE code = 'DRIFT-1'").get() as { config_json: string };
    const edited = JSON.parse(row.config_json);
    edited.rules = [];
    db.prepare("UPDATE versions SET config_json = ? WHERE code = 'DRIFT-1'").run(JSON.stringify(edited));
    db.close();
    const runtime = createRuntimeApp({ reader: t.reader, logger: createLogger(() => undefined) });
    const res = await request(runtime).post('/api/runtime/150102/items/DRIFT-1/evaluate').send({ scenario: 'self', formData: {}, materials: [] });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'drift_detected', details: { code: 'DRIFT-1', version: 1 } });
    expect(res.body.error.details.actualHash).not.toBe(res.body.error.details.recordedHash);
  } finally {
    await t.close();
  }
});

it('sqlite: the stored config text is its canonical JSON, so its SHA-256 is the recorded hash; the same content stored in another layout is still served', async () => {
  const t = await sqliteInstallation();
  try {
    await publishThroughApi(t, itemConfig('LAYOUT-1'));
    await request(t.app).put('/api/localities/150102/claims/LAYOUT-1').set(t.as.admin).send({ follow: 'latest' });
    const stored = await t.reader.getVersionWithConfigText?.('LAYOUT-1', 1);
    expect(stored).toBeTruthy();
    expect(sha256Hex(stored!.configText)).toBe(stored!.version.hash);
    expect(stored!.configText).toBe(canonicalJson(stored!.version.config));
    // Re-indented behind the store's back: the text no longer hashes to the record, the content still does.
    const db = new Database(sqliteFile(t.settings));
    db.exec('DROP TRIGGER versions_no_update');
    db.prepare("UPDATE versions SET config_json = ? WHERE code = 'LAYOUT-1'").run(JSON.stringify(stored!.version.config, null, 2));
    db.close();
    expect(sha256Hex((await t.reader.getVersionWithConfigText?.('LAYOUT-1', 1))!.configText)).not.toBe(stored!.version.hash);
    const runtime = createRuntimeApp({ reader: t.reader, logger: createLogger(() => undefined) });
    const res = await request(runtime).post('/api/runtime/150102/items/LAYOUT-1/evaluate').send({ scenario: 'self', formData: {}, materials: [] });
    expect(res.status).toBe(200);
    expect(res.headers['x-tongban-version']).toBe('1');
  } finally {
    await t.close();
  }
});
