// `tongban calendar put|list` as a region administrator runs it, as a process over a SQLite store.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../engine/core/index.js';
import { tempStore, type TempStore } from '../catalogue/helpers.js';

const root = new URL('../..', import.meta.url).pathname;

function tongban(dataDir: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'designer/cli/tongban.ts', ...args], {
    cwd: root,
    env: { ...process.env, TONGBAN_DATA_DIR: dataDir, MONGODB_URI: '', RUNTIME_MONGODB_URI: '', INIT_CWD: dataDir, TONGBAN_ACTOR: 'cli-admin' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const notice = { issuer: '国务院办公厅', title: '国务院办公厅关于2027年部分节假日安排的通知', documentNumber: '测试〔2026〕27号', published: '2026-11-10' };
const year2027 = { $schema: './calendar-year.schema.json', year: 2027, notice, holidays: [{ name: '元旦', days: 3, daysOff: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkdays: [] }] };

describe('tongban calendar', { timeout: 90_000 }, () => {
  let s: TempStore;
  beforeEach(async () => {
    s = await tempStore();
  });
  afterEach(async () => s.close());

  it('put: adds a year from a file, audited; list shows each year with its source', async () => {
    writeFileSync(join(s.dir, '2027.json'), JSON.stringify(year2027));
    const put = await tongban(s.dir, 'calendar', 'put', '2027.json', '--reason', '国务院办公厅发布 2027 年放假安排');
    expect(put.stderr).toContain(`store: SQLite ${join(s.dir, 'tongban.db')}`);
    expect(put.code).toBe(0);
    expect(put.stdout).toMatch(/^calendar 2027 added \(audit event #\d+\)$/m);
    expect(put.stdout).toContain('days off added: 2027-01-01, 2027-01-02, 2027-01-03');
    const stored = await s.store.calendarYears();
    expect(stored.map((r) => [r.year, r.storedBy, r.reason, r.calendar.notice.documentNumber])).toEqual([[2027, 'cli-admin', '国务院办公厅发布 2027 年放假安排', '测试〔2026〕27号']]);
    const events = await s.store.listAudit({ limit: 1000 });
    expect(events.filter((e) => e.action === 'calendar.year-stored').map((e) => e.actor)).toEqual(['cli-admin']);
    expect(verifyAuditChain(events).ok).toBe(true);

    const list = await tongban(s.dir, 'calendar', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^year\s+source\s+notice\s+holidays\s+stored at\s+stored by\s+reason$/m);
    expect(list.stdout).toMatch(/^2026\s+file\s+国办发明电〔2025〕7号\s+7\s*$/m);
    expect(list.stdout).toMatch(/^2027\s+stored\s+测试〔2026〕27号\s+1\s+\S+\s+cli-admin\s+国务院办公厅发布 2027 年放假安排$/m);

    writeFileSync(join(s.dir, '2027b.json'), JSON.stringify({ ...year2027, holidays: [{ name: '元旦', days: 1, daysOff: ['2027-01-01'], makeUpWorkdays: [] }] }));
    const again = await tongban(s.dir, 'calendar', 'put', '2027b.json');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('calendar 2027 replaced the year stored earlier');
    expect(again.stdout).toContain('days off removed: 2027-01-02, 2027-01-03');
  });

  it('put: refuses bad data listing every problem, exit 1, and writes nothing; usage errors exit 2', async () => {
    writeFileSync(join(s.dir, 'bad.json'), JSON.stringify({ year: 2027, notice, holidays: [{ name: '元旦', days: 2, daysOff: ['2027-01-01'], makeUpWorkdays: ['2027-01-06'] }], extra: 1 }));
    const bad = await tongban(s.dir, 'calendar', 'put', 'bad.json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('/holidays/0/days calendar.count');
    expect(bad.stderr).toContain('/holidays/0/makeUpWorkdays/0 calendar.make-up-weekday');
    expect(bad.stderr).toContain('/extra schema.additionalProperties');
    expect(await s.store.calendarYears()).toEqual([]);
    expect((await tongban(s.dir, 'calendar', 'put')).code).toBe(2);
    expect((await tongban(s.dir, 'calendar', 'put', 'missing.json')).code).toBe(1);
  });
});
