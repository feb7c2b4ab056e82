import Database from 'better-sqlite3';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../engine/core/index.js';
import { sqliteFile } from '../../engine/adapters/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

describe('adoption and drift report', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
    const v1 = itemConfig('AD-1');
    await publishThroughApi(t, v1);
    await request(t.app).put('/api/localities/150102/claims/AD-1').set(t.as.operator).send({ follow: 'latest' });
    await request(t.app).put('/api/localities/152921/claims/AD-1').set(t.as.otherOperator).send({ follow: 1 });
    const v2 = itemConfig('AD-1');
    v2.standard.promisedTimeLimit.value = 3;
    await publishThroughApi(t, v2, { reason: '压缩时限', legalBasis: '测试', changeKind: 'amend' });
    await publishThroughApi(t, itemConfig('AD-2'));
    await request(t.app).put('/api/localities/150102/claims/AD-2').set(t.as.operator).send({});
  });
  afterAll(async () => t.close());

  it('shows which locality serves which version and who lags since when', async () => {
    const report = (await request(t.app).get('/api/reports/adoption').set(t.as.auditor)).body;
    const ad1 = report.items.find((i: { code: string }) => i.code === 'AD-1');
    const versions = (await request(t.app).get('/api/items/AD-1/versions').set(t.as.auditor)).body.versions;
    expect(ad1).toMatchObject({ latestVersion: 2, summary: { claimed: 2, upToDate: 1, lagging: 1, drift: 0 } });
    expect(ad1.localities).toEqual([
      { division: '150102', name: '新城区', follow: 'latest', serves: 2, hash: versions[1].hash, upToDate: true, laggingSince: null, drift: false },
      { division: '152921', name: '阿拉善左旗', follow: 1, serves: 1, hash: versions[0].hash, upToDate: false, laggingSince: versions[1].publishedAt, drift: false },
    ]);
    expect(report.drift).toEqual([]);
  });

  it('reports a served version whose stored content no longer matches its hash, and the runtime refuses it', async () => {
    const db = new Database(sqliteFile(t.settings));
    db.exec('DROP TRIGGER IF EXISTS versions_no_update');
    const row = db.prepare("SELECT config_json FROM versions WHERE code = 'AD-2' AND version = 1").get() as { config_json: string };
    const edited = JSON.parse(row.config_json);
    edited.standard.promisedTimeLimit.value = 1;
    db.prepare("UPDATE versions SET config_json = ? WHERE code = 'AD-2' AND version = 1").run(JSON.stringify(edited));
    db.close();
    const report = (await request(t.app).get('/api/reports/adoption').set(t.as.auditor)).body;
    expect(report.drift).toEqual([{ code: 'AD-2', version: 1, recordedHash: contentHash(itemConfig('AD-2')), actualHash: contentHash(edited), servedAt: ['150102'] }]);
    expect(report.items.find((i: { code: string }) => i.code === 'AD-2').summary).toMatchObject({ drift: 1 });
    const served = await request(t.app).get('/api/runtime/150102/items/AD-2');
    expect(served.status).toBe(409);
    expect(served.body.error.code).toBe('drift_detected');
  });
});
