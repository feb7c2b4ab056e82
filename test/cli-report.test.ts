import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../designer/cli/commands.js';
import { parseCsvRecords } from '../engine/core/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tongban-cli-report-'));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { TONGBAN_DATA_DIR: dataDir, TONGBAN_ACTOR: 'cli:programme-office', MONGODB_URI: '', RUNTIME_MONGODB_URI: '' }, cwd: dataDir });
  return { code, stdout, stderr };
}

describe('npm run tongban -- report', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('takes this month’s snapshot once, refuses a second, and shows it as CSV', async () => {
    const taken = await cli('report', 'snapshot', 'month');
    expect(taken.code, taken.stderr).toBe(0);
    const key = /snapshot (\d{4}-\d{2}) /.exec(taken.stdout)?.[1];
    expect(key).toMatch(/^\d{4}-\d{2}$/);
    const again = await cli('report', 'snapshot', 'month');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在');
    const shown = await cli('report', 'show', 'month', '--csv');
    expect(shown.code).toBe(0);
    const rows = parseCsvRecords(shown.stdout).map((r) => r.fields);
    expect(rows[0]?.[0]).toBe('期次');
    expect(rows.find((r) => r[2] === '150102')?.slice(0, 4)).toEqual([key, '旗县', '150102', '新城区']);
    const json = JSON.parse((await cli('report', 'show', 'month')).stdout);
    expect(json.snapshot).toMatchObject({ key, takenBy: 'cli:programme-office' });
    expect((await cli('report', 'snapshot', 'year')).code).toBe(2);
  });
});
