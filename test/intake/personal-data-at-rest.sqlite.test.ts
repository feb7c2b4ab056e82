// ID numbers and mobiles are encrypted at rest in both SQLite stores (intake.db and decisions.db):
// the raw file never holds them, `get` gives them back, and another key cannot read them.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../engine/core/index.js';
import { loadDataKey } from '../../engine/adapters/index.js';
import { openSqliteDecisionLog, openSqliteDecisionLogReader, openSqliteIntakeStore } from '../../engine/adapters/sqlite/index.js';
import { newDecision } from '../decision-log/fixtures.js';
import { ID_NUMBER, MOBILE, newIntake } from './fixtures.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-at-rest-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every byte the store left on disk (the file and its WAL), as text. */
function storedBytes(dir: string, name: string): string {
  return readdirSync(dir).filter((file) => file.startsWith(name)).map((file) => readFileSync(join(dir, file)).toString('latin1')).join('');
}

describe('personal data at rest (SQLite)', () => {
  it('intake.db holds no ID number or mobile, get returns them, another key is refused', async () => {
    const dir = tempDir();
    const file = join(dir, 'intake.db');
    const key = randomBytes(32);
    const store = openSqliteIntakeStore({ file, key });
    const created = await store.create(newIntake());
    expect(await store.get(created.caseNumber)).toEqual(created);
    expect(created.formData).toMatchObject({ applicant: { idNumber: ID_NUMBER, mobile: MOBILE } });
    await store.close();

    const raw = new Database(file, { readonly: true });
    const { record_json: json } = raw.prepare('SELECT record_json FROM intakes WHERE case_number = ?').get(created.caseNumber) as { record_json: string };
    raw.close();
    expect(json).not.toContain(ID_NUMBER);
    expect(json).not.toContain(MOBILE);
    expect(JSON.parse(json).formData.applicant.idNumber).toMatch(/^enc:v2:[0-9a-f]{16}:[A-Za-z0-9+/=]+$/);
    expect(JSON.parse(json).formData.applicant.name).toBe('张三');
    expect(storedBytes(dir, 'intake.db')).not.toContain(ID_NUMBER);
    expect(storedBytes(dir, 'intake.db')).not.toContain(MOBILE);

    const again = openSqliteIntakeStore({ file, key });
    expect(await again.get(created.caseNumber)).toEqual(created);
    await again.close();
    const stranger = openSqliteIntakeStore({ file, key: randomBytes(32) });
    await expect(stranger.get(created.caseNumber)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(stranger.list()).rejects.toThrow(/数据密钥/);
    await stranger.close();
  });

  it('decisions.db holds no ID number or mobile, get returns them, another key is refused', async () => {
    const dir = tempDir();
    const file = join(dir, 'decisions.db');
    const key = randomBytes(32);
    const log = openSqliteDecisionLog({ file, key });
    const recorded = await log.record(newDecision());
    expect(await log.get(recorded.id)).toEqual(recorded);
    expect(recorded.input.formData).toMatchObject({ applicant: { idNumber: ID_NUMBER, mobile: MOBILE } });
    await log.close();

    const raw = new Database(file, { readonly: true });
    const { record_json: stored } = raw.prepare('SELECT record_json FROM decisions WHERE id = ?').get(recorded.id) as { record_json: Buffer };
    raw.close();
    // The whole body is one ciphertext: not even the applicant's name is readable.
    const text = stored.toString('utf8');
    for (const plain of [ID_NUMBER, MOBILE, '张三']) expect(text).not.toContain(plain);
    expect(storedBytes(dir, 'decisions.db')).not.toContain(ID_NUMBER);
    expect(storedBytes(dir, 'decisions.db')).not.toContain(MOBILE);

    const reader = openSqliteDecisionLogReader({ file, key });
    expect(await reader.list()).toEqual([recorded]);
    await reader.close();
    const stranger = openSqliteDecisionLogReader({ file, key: randomBytes(32) });
    await expect(stranger.get(recorded.id)).rejects.toBeInstanceOf(StoreUnavailableError);
    await stranger.close();
  });

  it('without a configured key, makes data.key once (mode 0600) next to the store and reads with it after reopening', async () => {
    const dir = tempDir();
    const store = openSqliteIntakeStore({ file: join(dir, 'intake.db') });
    const created = await store.create(newIntake());
    await store.close();
    expect(statSync(join(dir, 'data.key')).mode & 0o777).toBe(0o600);
    expect(Buffer.from(loadDataKey({ dataDir: dir }, {})).length).toBe(32);
    const again = openSqliteIntakeStore({ file: join(dir, 'intake.db') });
    expect(await again.get(created.caseNumber)).toEqual(created);
    await again.close();
  });

  it('TONGBAN_DATA_KEY must hold at least 32 bytes', () => {
    expect(() => loadDataKey({ dataDir: tempDir() }, { TONGBAN_DATA_KEY: randomBytes(16).toString('base64') })).toThrow(/TONGBAN_DATA_KEY/);
    const configured = randomBytes(48);
    expect(Buffer.from(loadDataKey({ dataDir: tempDir() }, { TONGBAN_DATA_KEY: configured.toString('base64') }))).toEqual(configured);
  });
});
