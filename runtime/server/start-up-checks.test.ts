/**
 * What makes a runtime's start cheap must not make it trust more: the native signature check
 * refuses what the core's refuses, a wrong signature is refused however many good ones were
 * remembered, and cached validator code that was altered is never run but compiled again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compileFormValidator,
  contentHash,
  createSigner,
  formValidatorCompiler,
  formValidatorKey,
  generateSigningKeyPair,
  publicationStatement,
  signVersion,
  trustedKeyEntry,
  UntrustedVersionError,
  verifyStatement,
  type ItemConfig,
  type VersionRecord,
} from '../../engine/core/index.js';
import { openSqliteReader, openSqliteStore } from '../../engine/adapters/sqlite/index.js';
import { itemConfig } from '../../test/fixtures/item-config.js';
import { nativeContentHash, nativeStatementVerifier } from './native-crypto.js';
import { PublishedConfigs } from './published-configs.js';
import { ValidatorCodeFiles } from './validator-code-files.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-start-up-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const signer = createSigner(generateSigningKeyPair());
const stranger = createSigner(generateSigningKeyPair());
const trusted = [trustedKeyEntry(signer.publicKey, '2000-01-01T00:00:00.000Z')];

describe('native signature and hash checks', () => {
  it('agree with the core on good, altered and malformed signatures', () => {
    const fields = { code: 'TEST-0001', version: 1, hash: 'a'.repeat(64), publishedAt: '2026-01-01T00:00:00.000Z', reviewer: 'reviewer-li' };
    const statement = publicationStatement(fields, signer.keyId);
    const signature = signer.sign(statement);
    const cases: [string, string, string][] = [
      [statement, signature, signer.publicKey],
      [statement.replace('TEST-0001', 'TEST-0002'), signature, signer.publicKey],
      [statement, `${signature.slice(0, -2)}${signature.endsWith('00') ? '01' : '00'}`, signer.publicKey],
      [statement, signature, stranger.publicKey],
      [statement, 'zz', signer.publicKey],
      [statement, signature, 'not a key'],
    ];
    expect(cases.map((c) => nativeStatementVerifier(...c))).toEqual(cases.map((c) => verifyStatement(...c)));
    expect(cases.map((c) => nativeStatementVerifier(...c))).toEqual([true, false, false, false, false, false]);
  });

  it('hash a config exactly as the core does', () => {
    const config = itemConfig();
    expect(nativeContentHash(config)).toBe(contentHash(config));
  });
});

describe('a runtime remembering the signatures it checked', () => {
  it('still refuses a version whose signature is wrong, after good ones were checked and remembered', async () => {
    const dir = tempDir();
    const file = join(dir, 'tongban.db');
    const store = openSqliteStore({ file });
    const at = '2026-01-01T00:00:00.000Z';
    const publish = async (config: ItemConfig, version: number, sign: (record: VersionRecord) => VersionRecord['signature']) => {
      const record: VersionRecord = { code: config.code, version, hash: contentHash(config), baseVersion: version > 1 ? version - 1 : null, publishedAt: at, publishedBy: 'test', author: 'test', reviewer: null, reason: 'test', legalBasis: 'test', changeKind: version > 1 ? 'amend' : 'establish', config };
      await store.insertVersion({ ...record, signature: sign(record) });
    };
    const config = itemConfig('TEST-0001');
    await store.upsertItem({ code: config.code, name: config.standard.name, department: 'test', createdAt: at });
    await store.putClaim({ division: '150102', code: config.code, follow: 'latest', local: {}, claimedAt: at, claimedBy: 'test', updatedAt: at, updatedBy: 'test' });
    await publish(config, 1, (record) => signVersion(record, signer));
    const reader = openSqliteReader({ file });
    try {
      const configs = new PublishedConfigs(reader, { trustedKeys: trusted, verifyStatement: nativeStatementVerifier, hashConfig: nativeContentHash, cacheCapacity: 10 });
      expect((await configs.inForce(config.code, '150102')).item.version).toBe(1);
      expect((await configs.exact(config.code, 1, contentHash(config))).item.version).toBe(1);
      // Version 2 carries version 1's signature (valid bytes, trusted key id, wrong statement), then a stranger's under our key id.
      const v2 = { ...config, standard: { ...config.standard, name: `${config.standard.name}（第二版）` } };
      await publish(v2, 2, () => signVersion({ code: config.code, version: 1, hash: contentHash(config), publishedAt: at, reviewer: null }, signer));
      const v3 = { ...config, standard: { ...config.standard, name: `${config.standard.name}（第三版）` } };
      await publish(v3, 3, (record) => ({ keyId: signer.keyId, signature: stranger.sign(publicationStatement(record, signer.keyId)) }));
      for (let attempt = 0; attempt < 2; attempt++) {
        for (const [version, hash] of [[2, contentHash(v2)], [3, contentHash(v3)]] as const) {
          const refusal = await configs.exact(config.code, version, hash).catch((error: unknown) => error);
          expect(refusal).toBeInstanceOf(UntrustedVersionError);
          expect((refusal as UntrustedVersionError).details).toMatchObject({ reason: 'bad-signature', version });
        }
      }
      expect(configs.alarms.map((a) => a.version).sort()).toEqual([2, 3]);
      // The good version stays served from what was remembered.
      expect((await configs.exact(config.code, 1, contentHash(config))).item.version).toBe(1);
    } finally {
      await reader.close();
      await store.close();
    }
  });
});

describe('generated validator code kept in the data directory', () => {
  const schema = itemConfig().form.schema;
  const samples: unknown[] = [{}, { name: '王' }, { employmentType: '个体经营' }, { employmentType: '其他', name: '王五' }, itemConfig().examples[0]?.input.formData ?? {}, { idNumber: 12, phone: 'x' }];

  it('is written 0600 in a 0700 directory and loaded, not compiled, by the next process, with the same answers', () => {
    const dir = join(tempDir(), 'validator-code');
    const first = formValidatorCompiler({ store: new ValidatorCodeFiles(dir) });
    const compiled = first(schema);
    expect(first.counts).toMatchObject({ compiled: 1, loaded: 0 });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o600);
    const next = formValidatorCompiler({ store: new ValidatorCodeFiles(dir) });
    const loaded = next(schema);
    expect(next.counts).toMatchObject({ compiled: 0, loaded: 1 });
    const reference = compileFormValidator(schema);
    for (const data of samples) {
      expect(loaded(data)).toEqual(reference(data));
      expect(compiled(data)).toEqual(reference(data));
    }
  });

  it('is never run once altered, cut short or unsealed: the schema is compiled again and the file rewritten', () => {
    const dir = join(tempDir(), 'validator-code');
    formValidatorCompiler({ store: new ValidatorCodeFiles(dir) })(schema);
    const file = join(dir, `${formValidatorKey(schema)}.js`);
    const original = readFileSync(file, 'utf8');
    const tamperings: [string, string, string][] = [
      // Code that would accept anything, under the old seal.
      ['bad-seal', original.replace(/\n[\s\S]*$/, '\n"use strict";module.exports = function validate(){ return true; };'), 'altered'],
      ['bad-seal', original.slice(0, Math.floor(original.length / 2)), 'cut short'],
      ['no-seal', original.slice(original.indexOf('\n') + 1), 'unsealed'],
    ];
    for (const [reason, text, what] of tamperings) {
      writeFileSync(file, text);
      const files = new ValidatorCodeFiles(dir);
      const compile = formValidatorCompiler({ store: files });
      const validate = compile(schema);
      expect(compile.counts, what).toMatchObject({ compiled: 1, loaded: 0 });
      expect(files.refused, what).toEqual([{ key: formValidatorKey(schema), reason }]);
      expect(validate({}), what).toEqual(compileFormValidator(schema)({}));
      expect(validate({}).length, what).toBeGreaterThan(0);
      // Sealed again: the next process loads it.
      const after = formValidatorCompiler({ store: new ValidatorCodeFiles(dir) });
      after(schema);
      expect(after.counts, what).toMatchObject({ compiled: 0, loaded: 1 });
    }
  });

  it('is not used for another schema (a changed form has another key), and identical forms share one validator', () => {
    const dir = join(tempDir(), 'validator-code');
    const compile = formValidatorCompiler({ store: new ValidatorCodeFiles(dir) });
    compile(schema);
    const changed = { ...schema, required: [...((schema.required as string[] | undefined) ?? []), 'extraField'] };
    expect(formValidatorKey(changed)).not.toBe(formValidatorKey(schema));
    compile(changed);
    compile(JSON.parse(JSON.stringify(schema)) as Record<string, unknown>);
    expect(compile.counts).toMatchObject({ compiled: 2, shared: 1 });
    expect(compile(changed)({}).some((error) => error.path.includes('extraField'))).toBe(true);
  });
});
