/**
 * What makes a runtime's start cheap must not make it trust more: the native signature check
 * refuses what the core's refuses, a wrong signature is refused however many good ones were
 * remembered, and cached validator code that was altered is never run but compiled again.
 */
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
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

/**
 * V8's compiled code kept beside each validator's source. Each step runs in a process of its own,
 * as a restart does (within one process V8 would reuse its own compilation and never read a cache).
 */
describe("V8's compiled code of a validator kept beside its source", () => {
  const schema = itemConfig().form.schema;
  const samples: unknown[] = [{}, { name: '王' }, { employmentType: '其他', name: '王五' }, itemConfig().examples[0]?.input.formData ?? {}, { idNumber: 12, phone: 'x' }];
  const reference = samples.map((data) => compileFormValidator(schema)(data));
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const step = `
    import { formValidatorCompiler } from './engine/core/index.ts';
    import { ValidatorCodeFiles } from './runtime/server/validator-code-files.ts';
    const files = new ValidatorCodeFiles(process.env.CODE_DIR);
    const compile = formValidatorCompiler({ store: files });
    const validate = compile(JSON.parse(process.env.SCHEMA));
    const answers = JSON.parse(process.env.SAMPLES).map((data) => validate(data));
    const pending = files.pendingCodeCaches;
    files.flushCodeCaches();
    process.stdout.write(JSON.stringify({ counts: compile.counts, cache: files.cacheCounts, refused: files.refused, answers, pending }));`;
  interface Step { counts: { compiled: number; loaded: number }; cache: { used: number; compiled: number; written: number }; refused: { reason: string }[]; answers: unknown[]; pending: number }
  /** One process: loads (or compiles) the validator, answers the samples, writes what caches it owes. */
  function processStep(dir: string): Step {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', step], { cwd: root, env: { ...process.env, CODE_DIR: dir, SCHEMA: JSON.stringify(schema), SAMPLES: JSON.stringify(samples) }, encoding: 'utf8' });
    return JSON.parse(out) as Step;
  }
  const cacheFile = (dir: string) => join(dir, `${formValidatorKey(schema)}.v8cache`);

  it('is made once the validator has run (0600) and used by the next process, which neither parses nor compiles the source again, with the same answers', () => {
    const dir = join(tempDir(), 'validator-code');
    const first = processStep(dir);
    expect(first.counts).toMatchObject({ compiled: 1, loaded: 0 });
    expect(first.cache).toEqual({ used: 0, compiled: 1, written: 1 });
    expect(first.answers).toEqual(reference);
    expect(statSync(cacheFile(dir)).mode & 0o777).toBe(0o600);
    const next = processStep(dir);
    expect(next.counts).toMatchObject({ compiled: 0, loaded: 1 });
    expect(next.cache).toEqual({ used: 1, compiled: 0, written: 0 });
    expect(next.pending).toBe(0);
    expect(next.refused).toEqual([]);
    expect(next.answers).toEqual(reference);
  }, 60_000);

  it('is never handed to V8 once altered, cut short, or taken from other code of the same length: the source is compiled and the cache made again', () => {
    const dir = join(tempDir(), 'validator-code');
    processStep(dir);
    const original = readFileSync(cacheFile(dir));
    const sourceFile = readFileSync(join(dir, `${formValidatorKey(schema)}.js`), 'utf8');
    const source = sourceFile.slice(sourceFile.indexOf('\n') + 1);
    // Code that accepts anything, padded to the length of the real source: V8 checks a cache against the source's length only.
    const accepting = '"use strict";module.exports = function validate(){ return true; };';
    const malicious = new Script(`(function (a, b, c, d, e) {\n${accepting.padEnd(source.length, ' ')}\n})`).createCachedData();
    const flipped = Buffer.from(original);
    flipped[flipped.length - 7] = (flipped[flipped.length - 7] ?? 0) ^ 0xff;
    const tamperings: [Buffer, string][] = [
      [flipped, 'altered'],
      [original.subarray(0, Math.floor(original.length / 2)), 'cut short'],
      [Buffer.concat([original.subarray(0, 32), malicious]), "other code's cache under the old seal"],
      [original.subarray(0, 32), 'no code'],
    ];
    for (const [bytes, what] of tamperings) {
      writeFileSync(cacheFile(dir), bytes);
      const run = processStep(dir);
      expect(run.refused, what).toEqual([{ key: formValidatorKey(schema), reason: 'cache-bad-seal' }]);
      expect(run.cache, what).toEqual({ used: 0, compiled: 1, written: 1 });
      expect(run.answers, what).toEqual(reference);
      expect(run.answers.some((errors) => (errors as unknown[]).length > 0), what).toBe(true);
      const after = processStep(dir);
      expect(after.cache, what).toEqual({ used: 1, compiled: 0, written: 0 });
      expect(after.answers, what).toEqual(reference);
    }
  }, 120_000);

  it('a sealed cache V8 rejects (made by another node or under other flags) is compiled from source and made again', () => {
    const dir = join(tempDir(), 'validator-code');
    processStep(dir);
    // Sealed as the store seals, over bytes V8 does not take for a cache.
    const key = formValidatorKey(schema);
    const sourceFile = readFileSync(join(dir, `${key}.js`), 'utf8');
    const sourceSeal = sourceFile.slice('// tongban form validator '.length, sourceFile.indexOf('\n'));
    // The parameters generated code runs under (form-validator-code.ts; the last is the linear regex engine's name in ajv's code).
    const names = ['require', 'module', 'exports', 'tongbanFormats', 'tongbanLinearRegExp'];
    const garbage = Buffer.alloc(4096, 7);
    const codeKey = Buffer.from(readFileSync(join(dir, 'code.key'), 'utf8').trim(), 'hex');
    const seal = (params: string) => createHmac('sha256', codeKey).update('tongban v8 code cache\n').update(key).update('\n').update(sourceSeal).update('\n').update(params).update('\n').update(garbage).digest();
    writeFileSync(cacheFile(dir), Buffer.concat([seal(names.join(', ')), garbage]));
    let run = processStep(dir);
    expect(run.refused).toEqual([{ key, reason: 'cache-rejected' }]);
    expect(run.cache).toEqual({ used: 0, compiled: 1, written: 1 });
    expect(run.answers).toEqual(reference);
    run = processStep(dir);
    expect(run.cache).toEqual({ used: 1, compiled: 0, written: 0 });
  }, 60_000);
});
