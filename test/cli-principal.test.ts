import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../designer/cli/commands.js';
import { tokenHash } from '../engine/services/index.js';
import { openSqliteReader } from '../engine/adapters/sqlite/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tongban-cli-'));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { TONGBAN_DATA_DIR: dataDir, TONGBAN_ACTOR: 'cli:test' }, cwd: dataDir });
  return { code, stdout, stderr };
}

describe('npm run tongban -- principal', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds a principal, prints its token once, lists and revokes it', async () => {
    const added = await cli('principal', 'add', '--role', 'author', '--name', '张三', '--department', '内蒙古自治区民政厅', '--id', 'zhang-san');
    expect(added.code).toBe(0);
    const token = /token \(shown only now\): (tb_\S+)/.exec(added.stdout)?.[1] as string;
    expect(token).toMatch(/^tb_[A-Za-z0-9_-]{43}$/);
    const reader = openSqliteReader({ file: join(dataDir, 'tongban.db') });
    expect(await reader.findPrincipalByTokenHash(tokenHash(token))).toMatchObject({ id: 'zhang-san', role: 'author', department: '内蒙古自治区民政厅', createdBy: 'cli:test' });
    const listed = await cli('principal', 'list');
    expect(listed.stdout).toContain('zhang-san');
    expect(listed.stdout).not.toContain(token);
    expect((await cli('principal', 'revoke', 'zhang-san')).code).toBe(0);
    expect((await reader.findPrincipalByTokenHash(tokenHash(token)))?.revokedBy).toBe('cli:test');
    await reader.close();
  });

  it('refuses an operator without a division, naming the field', async () => {
    const refused = await cli('principal', 'add', '--role', 'operator', '--name', '窗口');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('/division');
    expect((await cli('principal', 'frobnicate')).code).toBe(2);
  });
});
