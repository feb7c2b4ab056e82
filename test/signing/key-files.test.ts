import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPublisherSigning, loadTrustedKeys, KeyFileError, writeNewKeyPair } from '../../engine/adapters/key-files/index.js';

const NOW = '2026-06-01T00:00:00.000Z';

describe('publishing key files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tongban-key-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('with nothing configured, generates a key pair under <data>/keys once (0600), trusts it, and reuses it on the next start', () => {
    const first = loadPublisherSigning({ env: {}, dataDir: dir, now: NOW });
    expect(first.bootstrapped).toBe(true);
    expect(statSync(join(dir, 'keys', 'signing-key.json')).mode & 0o777).toBe(0o600);
    expect(first.trustedKeys).toEqual([expect.objectContaining({ keyId: first.signer.keyId, validFrom: NOW })]);
    const second = loadPublisherSigning({ env: {}, dataDir: dir, now: '2026-06-02T00:00:00.000Z' });
    expect(second.signer.keyId).toBe(first.signer.keyId);
    // A runtime on the same machine trusts the same key without configuration.
    expect(loadTrustedKeys({ env: {}, dataDir: dir }).trustedKeys.map((k) => k.keyId)).toEqual([first.signer.keyId]);
  });

  it('refuses a private key file others can read, a key missing from the trusted list, and a key outside its validity', () => {
    const region = writeNewKeyPair(join(dir, 'region'), NOW);
    const other = writeNewKeyPair(join(dir, 'other'), NOW);
    const list = (entries: unknown[]) => {
      const file = join(dir, `trusted-${Math.random()}.json`);
      writeFileSync(file, JSON.stringify(entries));
      return file;
    };
    const env = (trusted: string) => ({ TONGBAN_SIGNING_KEY_FILE: region.privateKeyFile, TONGBAN_TRUSTED_KEYS: trusted });
    expect(loadPublisherSigning({ env: env(list([region.entry, other.entry])), dataDir: dir, now: NOW }).signer.keyId).toBe(region.entry.keyId);
    expect(() => loadPublisherSigning({ env: env(list([other.entry])), dataDir: dir, now: NOW })).toThrow(/不在受信任公钥列表/);
    expect(() => loadPublisherSigning({ env: env(list([{ ...region.entry, validUntil: '2026-05-01T00:00:00.000Z', validFrom: '2026-01-01T00:00:00.000Z' }])), dataDir: dir, now: NOW })).toThrow(KeyFileError);
    chmodSync(region.privateKeyFile, 0o644);
    expect(() => loadPublisherSigning({ env: env(list([region.entry])), dataDir: dir, now: NOW })).toThrow(/chmod 600/);
    // Configured keys never cause a key to be generated under the data directory.
    expect(existsSync(join(dir, 'keys'))).toBe(false);
    expect(readFileSync(region.publicKeyFile, 'utf8')).not.toContain('secretKey');
  });

  it('refuses a trusted-keys file with a key id that does not match its key', () => {
    const region = writeNewKeyPair(join(dir, 'region'), NOW);
    const file = join(dir, 'trusted.json');
    writeFileSync(file, JSON.stringify({ keys: [{ ...region.entry, keyId: 'ffffffffffffffff' }] }));
    expect(() => loadTrustedKeys({ env: { TONGBAN_TRUSTED_KEYS: file }, dataDir: dir })).toThrow(/密钥编号应为/);
  });
});
