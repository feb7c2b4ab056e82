import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, createSigner, keyIdOf, parseTrustedKeys, signVersion, signingKeyPairFromSecret, type ItemConfig } from '../../engine/core/index.js';
import { exportBundle, seedEmptyStore, type CatalogueBundle } from '../../engine/services/index.js';
import { openSqliteStore } from '../../engine/adapters/sqlite/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';

const root = new URL('../..', import.meta.url).pathname;

/** Runs the CLI as `npm run tongban -- …` does, in `cwd`, with no store configured and no network needed. */
function tongban(cwd: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TONGBAN_DATA_DIR: join(cwd, 'no-data'), INIT_CWD: cwd, MONGODB_URI: '', RUNTIME_MONGODB_URI: '' };
  delete env.TONGBAN_TRUSTED_KEYS;
  const child = spawn(process.execPath, ['--import', 'tsx', 'designer/cli/tongban.ts', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('tongban key init and verify', { timeout: 120_000 }, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tongban-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('key init writes a 0600 private key and a public key, prints the trusted-key entry, and never overwrites a key', async () => {
    const { code, stdout, stderr } = await tongban(dir, 'key', 'init', '--out', 'region-key');
    expect(code).toBe(0);
    const privateFile = join(dir, 'region-key', 'signing-key.json');
    expect(statSync(privateFile).mode & 0o777).toBe(0o600);
    const secret = JSON.parse(readFileSync(privateFile, 'utf8'));
    const pair = signingKeyPairFromSecret(secret.secretKey);
    const [entry] = parseTrustedKeys([JSON.parse(stdout)]);
    expect(entry).toMatchObject({ keyId: pair.keyId, publicKey: pair.publicKey });
    expect(keyIdOf(pair.publicKey)).toBe(pair.keyId);
    expect(JSON.parse(readFileSync(join(dir, 'region-key', 'public-key.json'), 'utf8'))).toEqual(entry);
    expect(readFileSync(join(dir, 'region-key', 'public-key.json'), 'utf8')).not.toContain(secret.secretKey);
    expect(stderr).toContain('TONGBAN_SIGNING_KEY_FILE');
    const again = await tongban(dir, 'key', 'init', '--out', 'region-key');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在，不会覆盖');
    expect(JSON.parse(readFileSync(privateFile, 'utf8')).secretKey).toBe(secret.secretKey);
  });

  it('verify checks a bundle offline: exit 0 when every version is good, 1 naming the first bad one and why', async () => {
    expect((await tongban(dir, 'key', 'init', '--out', 'k')).code).toBe(0);
    const signer = createSigner(signingKeyPairFromSecret(JSON.parse(readFileSync(join(dir, 'k', 'signing-key.json'), 'utf8')).secretKey));
    const store = openSqliteStore({ file: join(dir, 'source.db') });
    const samples = loadSampleCatalogue().slice(0, 3);
    await seedEmptyStore({ store, catalogue: samples, signer });
    const bundle = await exportBundle({ store });
    await store.close();
    const write = (name: string, value: CatalogueBundle) => writeFileSync(join(dir, name), JSON.stringify(value));
    write('good.json', bundle);

    const good = await tongban(dir, 'verify', 'good.json', '--key', 'k/public-key.json');
    expect(good.stderr).toContain(`trusted keys: ${signer.keyId}`);
    expect(good.stdout).toBe('OK 3 versions verified (content hash and signature of a trusted key)\n');
    expect(good.code).toBe(0);

    const [, second, third] = samples as [ItemConfig, ItemConfig, ItemConfig];
    const fabricated = structuredClone(bundle);
    fabricated.items[1]!.versions[0]!.reviewer = 'nobody-fabricated';
    fabricated.items[2]!.versions[0]!.reviewer = 'nobody-fabricated';
    write('fabricated.json', fabricated);
    const bad = await tongban(dir, 'verify', 'fabricated.json', '--key', 'k/public-key.json');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe(`FAIL ${second.code} v1 bad-signature: 事项 ${second.code} 第 1 版的签名无效：编码、版本号、内容哈希、发布时间或审核人在签名后被改动过，拒绝使用\n`);

    const edited = structuredClone(bundle);
    edited.items[2]!.versions[0]!.config.rules = [];
    write('edited.json', edited);
    expect((await tongban(dir, 'verify', 'edited.json', '--key', 'k/public-key.json')).stdout).toMatch(new RegExp(`^FAIL ${third.code} v1 hash-mismatch`));

    const rehashed = structuredClone(edited);
    rehashed.items[2]!.versions[0]!.hash = contentHash(rehashed.items[2]!.versions[0]!.config);
    write('rehashed.json', rehashed);
    expect((await tongban(dir, 'verify', 'rehashed.json', '--key', 'k/public-key.json')).stdout).toMatch(new RegExp(`^FAIL ${third.code} v1 bad-signature`));

    const unsigned = structuredClone(bundle);
    delete unsigned.items[0]!.versions[0]!.signature;
    write('unsigned.json', unsigned);
    const none = await tongban(dir, 'verify', 'unsigned.json', '--key', 'k/public-key.json');
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/ unsigned: .*没有发布签名/);

    // Signed by another key: a stranger's valid signature is no better than none.
    expect((await tongban(dir, 'key', 'init', '--out', 'other')).code).toBe(0);
    const stranger = await tongban(dir, 'verify', 'good.json', '--key', 'other/public-key.json');
    expect(stranger.code).toBe(1);
    expect(stranger.stdout).toMatch(/ unknown-key: /);

    // A forger who re-signs with their own key under the region's key id is caught too.
    const forger = createSigner(signingKeyPairFromSecret(JSON.parse(readFileSync(join(dir, 'other', 'signing-key.json'), 'utf8')).secretKey));
    const forged = structuredClone(rehashed);
    const target = forged.items[2]!.versions[0]!;
    target.signature = { keyId: signer.keyId, signature: signVersion(target, forger).signature };
    write('forged.json', forged);
    expect((await tongban(dir, 'verify', 'forged.json', '--key', 'k/public-key.json')).stdout).toMatch(new RegExp(`^FAIL ${third.code} v1 bad-signature`));

    const usage = await tongban(dir, 'verify', 'good.json');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--key FILE');
  });
});
