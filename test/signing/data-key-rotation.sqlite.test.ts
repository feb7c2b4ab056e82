import { createCipheriv, createHash, hkdfSync, randomBytes, createSecretKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataKeyRing, rotateDataKey, storeSettingsFromEnv } from '../../engine/adapters/index.js';
import { StoreUnavailableError } from '../../engine/core/index.js';
import { openSqliteIntakeStore } from '../../engine/adapters/sqlite/index.js';
import { ID_NUMBER, newIntake } from '../intake/fixtures.js';
import { describeDataKeyRotation } from './data-key-rotation.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-rotate-'));
  dirs.push(dir);
  return dir;
};

function texts(file: string, sql: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    // The decision log keeps each body as bytes (`enc:v2:<key id>:` and the ciphertext): read as latin1, its key id shows as in text.
    return (db.prepare(sql).all() as { json: string | Buffer }[]).map((row) => (typeof row.json === 'string' ? row.json : row.json.toString('latin1')));
  } finally {
    db.close();
  }
}

describe('data key rotation (SQLite)', () => {
  describeDataKeyRotation('SQLite', async () => {
    const dataDir = tempDir();
    return {
      env: {},
      dataDir,
      storedTexts: async () => [
        ...texts(join(dataDir, 'decisions.db'), 'SELECT record_json AS json FROM decisions'),
        ...texts(join(dataDir, 'intake.db'), 'SELECT record_json AS json FROM intakes'),
      ],
      // The decision log stays append-only: its trigger is back after every batch, killed or not.
      checkIntact: async () => {
        const db = new Database(join(dataDir, 'decisions.db'));
        try {
          expect(() => db.prepare("UPDATE decisions SET record_json = '{}'").run()).toThrow(/append-only/);
        } finally {
          db.close();
        }
      },
    };
  }, { decisions: 1500, intakes: 40, killWindowMs: 2000 });

  it('reads values written before key ids (enc:v1) with any key of the ring, and rotation rewrites them under the current key', async () => {
    const dir = tempDir();
    const file = join(dir, 'intake.db');
    const old = randomBytes(32);
    const store = openSqliteIntakeStore({ file, key: old });
    const created = await store.create(newIntake());
    await store.close();
    // Rewrite the stored ID number as the first release wrote it: enc:v1:<base64 iv|ciphertext|tag>, no key id.
    const secret = createSecretKey(Buffer.from(hkdfSync('sha256', old, new Uint8Array(0), 'tongban personal data v1', 32)));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', secret, iv);
    const legacy = `enc:v1:${Buffer.concat([iv, cipher.update(ID_NUMBER, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64')}`;
    const db = new Database(file);
    const row = db.prepare('SELECT record_json FROM intakes').get() as { record_json: string };
    const record = JSON.parse(row.record_json);
    record.formData.applicant.idNumber = legacy;
    db.prepare('UPDATE intakes SET record_json = ?').run(JSON.stringify(record));
    db.close();

    const current = randomBytes(32);
    const rotated = openSqliteIntakeStore({ file, key: { current, previous: [old] } });
    expect((await rotated.get(created.caseNumber))?.formData).toEqual(created.formData);
    await rotated.close();
    // What `tongban key rotate-data --reencrypt` does once the operator has put the new key first in TONGBAN_DATA_KEY.
    const env = { TONGBAN_DATA_KEY: [current, old].map((k) => k.toString('base64')).join(',') };
    const rotation = await rotateDataKey(storeSettingsFromEnv({ ...env, TONGBAN_DATA_DIR: dir }), { env, reencryptOnly: true });
    expect(rotation.intakes).toEqual({ scanned: 1, reencrypted: 1 });
    expect(rotation.created).toBe(false);
    expect(rotation.keyId).toBe(createHash('sha256').update('tongban data key id\0').update(current).digest('hex').slice(0, 16));
    const currentId = createHash('sha256').update('tongban data key id\0').update(current).digest('hex').slice(0, 16);
    const stored = JSON.parse(texts(file, 'SELECT record_json AS json FROM intakes')[0] as string);
    expect(stored.formData.applicant.idNumber).toMatch(new RegExp(`^enc:v2:${currentId}:`));
    const onlyCurrent = openSqliteIntakeStore({ file, key: current });
    expect((await onlyCurrent.get(created.caseNumber))?.formData).toEqual(created.formData);
    await onlyCurrent.close();
  });

  it('a ring reads what any of its keys wrote; a value whose key left the ring is refused naming that key id', async () => {
    const dir = tempDir();
    const file = join(dir, 'intake.db');
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const store = openSqliteIntakeStore({ file, key: a });
    const created = await store.create(newIntake());
    await store.close();
    // TONGBAN_DATA_KEY as a list: the first key writes, the others read.
    const ring = loadDataKeyRing({ dataDir: dir }, { TONGBAN_DATA_KEY: `${b.toString('base64')},${a.toString('base64')}` });
    expect(Buffer.from(ring.current)).toEqual(b);
    const rotated = openSqliteIntakeStore({ file, key: ring });
    expect((await rotated.get(created.caseNumber))?.formData).toEqual(created.formData);
    await rotated.close();
    const withoutOld = openSqliteIntakeStore({ file, key: b });
    const keyIdOfA = createHash('sha256').update('tongban data key id\0').update(a).digest('hex').slice(0, 16);
    const refused = await withoutOld.get(created.caseNumber).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect((refused as StoreUnavailableError).details).toMatchObject({ reason: 'data-key-missing', keyId: keyIdOfA });
    expect((refused as Error).message).toContain(keyIdOfA);
    await withoutOld.close();
    expect(() => loadDataKeyRing({ dataDir: dir }, { TONGBAN_DATA_KEY: `${b.toString('base64')},short` })).toThrow(/TONGBAN_DATA_KEY/);
  });
});
