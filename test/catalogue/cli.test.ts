import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, ephemeralProcessSigning } from '../../engine/core/index.js';
import { importItemList } from '../../engine/services/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { itemConfig } from '../fixtures/item-config.js';
import { tempStore, versionHashes, type TempStore } from './helpers.js';

const root = new URL('../..', import.meta.url).pathname;
const samples = loadSampleCatalogue();

/** Runs the CLI exactly as `npm run tongban -- …` does, against the store in `dataDir`. */
function tongban(dataDir: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'designer/cli/tongban.ts', ...args], {
    cwd: root,
    env: { ...process.env, TONGBAN_DATA_DIR: dataDir, MONGODB_URI: '', RUNTIME_MONGODB_URI: '', INIT_CWD: dataDir, TONGBAN_ACTOR: 'cli-test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

// Each test starts the CLI as a process (tsx compiles on start), so allow for a slow, busy machine.
describe('tongban CLI', { timeout: 90_000 }, () => {
  let source: TempStore;
  let target: TempStore;
  beforeEach(async () => {
    source = await tempStore({ seed: true });
    target = await tempStore();
  });
  afterEach(async () => {
    await source.close();
    await target.close();
  });

  it('check: prints a table of every item and exits 0 when everything passes', async () => {
    const { code, stdout, stderr } = await tongban(source.dir, 'check');
    expect(stderr).toContain(`store: SQLite ${join(source.dir, 'tongban.db')}`);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^事项编码\s+检查对象\s+版本数\s+样例通过\s+样例未通过\s+问题数\s+结果$/);
    expect(stdout).not.toMatch(/\b(example|FAIL|OK|items|draft)\b/);
    for (const sample of samples) {
      expect(stdout).toMatch(new RegExp(`^${sample.code}\\s+第 1 版\\s+1\\s+${sample.examples.length}\\s+0\\s+0\\s+通过$`, 'm'));
    }
    const examples = samples.reduce((n, s) => n + s.examples.length, 0);
    expect(stdout).toContain(`共 ${samples.length} 个事项，检查了 ${samples.length} 个版本、0 个草稿：样例 ${examples} 个通过、0 个未通过，问题 0 个 —— 全部通过`);
  });

  it('check: exits 1 and names failing examples and incomplete drafts', async () => {
    const broken = itemConfig('CLI-0001');
    broken.examples[0]!.expect.outcome = 'reject';
    await source.store.upsertItem({ code: 'CLI-0001', name: broken.standard.name, department: broken.standard.department.name, createdAt: '2025-01-01T00:00:00.000Z' });
    await source.store.insertVersion({
      code: 'CLI-0001', version: 1, hash: contentHash(broken), baseVersion: null, publishedAt: '2025-01-01T00:00:00.000Z', publishedBy: 'x',
      author: 'x', reviewer: null, reason: 'r', legalBasis: 'l', changeKind: 'establish', config: broken,
    });
    await importItemList({ csv: '序号,事项名称,实施部门,事项类型,办件类型,通办范围\r\n1,骨架事项,内蒙古自治区公安厅,公共服务,承诺件,全区通办\r\n', ...source, actor: 'a' });

    const { code, stdout } = await tongban(source.dir, 'check');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^CLI-0001\s+第 1 版\s+1\s+4\s+1\s+0\s+未通过$/m);
    expect(stdout).toMatch(/^IMPORT-0001\s+草稿修订 1（编辑中）\s+0\s+0\s+0\s+[1-9]\d*\s+未通过$/m);
    expect(stdout).toContain('测试样例「本人办理材料齐全」：受理结论应为「不予受理」，实际为「予以受理」');
    expect(stdout).not.toMatch(/\b(example|FAIL|draft)\b/);
    expect(stdout).toMatch(/—— 2 项未通过\n$/);
  });

  it('export and import: a bundle file moves the catalogue, with progress on stderr; re-import is a no-op', async () => {
    const exported = await tongban(source.dir, 'export', '--out', 'bundle.json');
    expect(exported.code).toBe(0);
    const file = join(source.dir, 'bundle.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).items).toHaveLength(samples.length);
    expect(exported.stderr).toContain(`exported ${samples.length} items, ${samples.length} versions to ${file}`);

    // The target trusts the key the source was seeded with (this test process's own key).
    mkdirSync(join(target.dir, 'keys'));
    writeFileSync(join(target.dir, 'keys', 'trusted-keys.json'), JSON.stringify(ephemeralProcessSigning().trustedKeys));
    const imported = await tongban(target.dir, 'import', file);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(`[1/${samples.length}] ${samples[0]!.code} imported`);
    expect(imported.stderr).toContain(`[${samples.length}/${samples.length}] ${samples.at(-1)!.code} imported`);
    expect(imported.stdout).toContain(`${samples.length} items: ${samples.length} imported, 0 identical, 0 conflict, 0 invalid, 0 failed`);
    expect(await versionHashes(target.store)).toEqual(await versionHashes(source.store));
    expect((await target.store.listAudit({ actor: 'cli-test', limit: 1000 })).length).toBe(samples.length);

    const again = await tongban(target.dir, 'import', file);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`0 imported, ${samples.length} identical`);

    const one = await tongban(source.dir, 'export', '--code', samples[0]!.code, '--version', '1');
    expect(JSON.parse(one.stdout).items[0].versions).toHaveLength(1);

    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    bundle.items[0].versions[0].config.standard.name = '改过';
    writeFileSync(file, JSON.stringify(bundle));
    const tampered = await tongban(target.dir, 'import', file);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('bundle.hash-mismatch');
  });

  it('import FILE.csv: creates draft skeletons and reports rejected rows, exit 1 when any row is rejected', async () => {
    const csv = join(target.dir, 'list.csv');
    writeFileSync(csv, '\uFEFF序号,事项名称,实施部门,事项类型,办件类型,通办范围\r\n1,事项甲,内蒙古自治区民政厅,公共服务,承诺件,全区通办\r\n2,事项乙,内蒙古自治区民政厅,不存在,承诺件,全区通办\r\n');
    const { code, stdout, stderr } = await tongban(target.dir, 'import', 'list.csv', '--department', '内蒙古自治区民政厅');
    expect(code).toBe(1);
    expect(stderr).toContain('[1/2] row 2 IMPORT-0001 created');
    expect(stderr).toContain('[2/2] row 3 IMPORT-0002 rejected');
    expect(stdout).toContain('row 3 IMPORT-0002 rejected:\n  - 「事项类型」的值「不存在」不在代码表中');
    expect(stdout).toContain('2 rows: 1 created, 1 rejected');
    expect((await target.store.getDraft('IMPORT-0001'))?.createdBy).toBe('cli-test');
  });

  it('explains its usage and exits 2 on a usage error', async () => {
    const unknown = await tongban(target.dir, 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain('Usage: npm run tongban -- <command>');
    expect((await tongban(target.dir, 'export', '--version', '1')).code).toBe(2);
    expect((await tongban(target.dir, 'import')).code).toBe(2);
    const missing = await tongban(target.dir, 'import', 'no-such-file.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
    const help = await tongban(target.dir, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('import FILE');
  });
});
