import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createSigner,
  keyValidAt,
  parseTrustedKeys,
  signingKeyPairFromSecret,
  generateSigningKeyPair,
  trustedKeyEntry,
  uiText,
  ValidationFailedError,
  type CatalogueKey,
  type Signer,
  type Signing,
  type SigningKeyPair,
  type TrustedKey,
} from '../../core/index.js';

/**
 * The region's publishing key on disk. The private key file holds the secret and is written
 * 0600; it is refused when group or others may read it (as ssh does), because whoever reads it
 * can sign versions every centre will serve. Public keys and the trusted-keys list are not secret.
 */
export interface PrivateKeyFile extends SigningKeyPair {
  createdAt: string;
}

/** File names `tongban key init` writes into its directory, and the all-in-one server under <data>/keys/. */
export const KEY_FILE_NAMES = { privateKey: 'signing-key.json', publicKey: 'public-key.json', trustedKeys: 'trusted-keys.json' } as const;

export class KeyFileError extends Error {}

/** Operators read these at start-up and in the CLI: Chinese, the installation's language. */
const keyText = (key: CatalogueKey, values?: Record<string, string | number>) => uiText(key, 'zh-CN', values);

function readJson(file: string, what: { cannotRead: CatalogueKey; notJson: CatalogueKey }): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KeyFileError(keyText(what.cannotRead, { file, reason: (error as Error).message }));
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new KeyFileError(keyText(what.notJson, { file }));
  }
}

export function readPrivateKeyFile(file: string): PrivateKeyFile {
  if (process.platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) throw new KeyFileError(keyText('stores.keyFiles.privateKeyReadable', { file, mode: mode.toString(8).padStart(4, '0') }));
  }
  const value = readJson(file, { cannotRead: 'stores.keyFiles.cannotReadPrivateKey', notJson: 'stores.keyFiles.privateKeyNotJson' }) as Partial<PrivateKeyFile>;
  if (typeof value?.secretKey !== 'string') throw new KeyFileError(keyText('stores.keyFiles.noSecretKey', { file }));
  let pair: SigningKeyPair;
  try {
    pair = signingKeyPairFromSecret(value.secretKey);
  } catch (error) {
    throw new KeyFileError(keyText('stores.keyFiles.privateKeyInvalid', { file, reason: (error as Error).message }));
  }
  if (value.keyId !== undefined && value.keyId !== pair.keyId) throw new KeyFileError(keyText('stores.keyFiles.keyIdMismatch', { file }));
  return { ...pair, createdAt: typeof value.createdAt === 'string' ? value.createdAt : '1970-01-01T00:00:00.000Z' };
}

/**
 * A trusted-keys list, or a single public-key file as `tongban key init` writes it (one entry):
 * both are accepted wherever trusted keys are read.
 */
export function readTrustedKeysFile(file: string): TrustedKey[] {
  const value = readJson(file, { cannotRead: 'stores.keyFiles.cannotReadTrustedKeys', notJson: 'stores.keyFiles.trustedKeysNotJson' });
  const list = value !== null && typeof value === 'object' && !Array.isArray(value) && 'publicKey' in value ? [value] : value;
  try {
    return parseTrustedKeys(list);
  } catch (error) {
    if (error instanceof ValidationFailedError) {
      const problems = error.problems.map((p) => keyText('stores.keyFiles.problem', { pointer: p.pointer || '/', message: p.message })).join(keyText('server.notice.clauseSeparator'));
      throw new KeyFileError(keyText('stores.keyFiles.trustedKeysInvalid', { file, problems }));
    }
    throw error;
  }
}

export interface WrittenKeyPair {
  privateKeyFile: string;
  publicKeyFile: string;
  entry: TrustedKey;
}

/** Writes a new key pair into `dir`: the private key 0600 (never overwriting one), the public key as a trusted-key entry. */
export function writeNewKeyPair(dir: string, createdAt: string): WrittenKeyPair {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privateKeyFile = join(dir, KEY_FILE_NAMES.privateKey);
  const publicKeyFile = join(dir, KEY_FILE_NAMES.publicKey);
  const pair = generateSigningKeyPair();
  const record: PrivateKeyFile = { ...pair, createdAt };
  try {
    // 'wx': an existing private key is never replaced — losing it would orphan every signature.
    writeFileSync(privateKeyFile, JSON.stringify(record, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new KeyFileError(keyText('stores.keyFiles.privateKeyExists', { file: privateKeyFile }));
    throw error;
  }
  chmodSync(privateKeyFile, 0o600);
  const entry = trustedKeyEntry(pair.publicKey, createdAt);
  writeFileSync(publicKeyFile, JSON.stringify(entry, null, 2) + '\n');
  return { privateKeyFile, publicKeyFile, entry };
}

export interface PublisherSigning extends Signing {
  /** True when no key was configured and one was generated (or reused) under <data>/keys/. */
  bootstrapped: boolean;
  privateKeyFile: string;
  trustedKeysFile: string | null;
}

/**
 * The designer's signing key and trusted keys from configuration: TONGBAN_SIGNING_KEY_FILE and
 * TONGBAN_TRUSTED_KEYS. With neither set (a first `npm start`), a key pair is generated once
 * under <dataDir>/keys/ and trusted. Checked before anything is written: the signing key must be
 * trusted and valid now, or every version it signed would be refused by the runtimes.
 */
export function loadPublisherSigning({ env, dataDir, now }: { env: NodeJS.ProcessEnv; dataDir: string; now: string }): PublisherSigning {
  const keysDir = join(dataDir, 'keys');
  let privateKeyFile = env.TONGBAN_SIGNING_KEY_FILE || '';
  let bootstrapped = false;
  if (!privateKeyFile) {
    privateKeyFile = join(keysDir, KEY_FILE_NAMES.privateKey);
    bootstrapped = true;
    if (!existsSync(privateKeyFile)) {
      const written = writeNewKeyPair(keysDir, now);
      writeFileSync(join(keysDir, KEY_FILE_NAMES.trustedKeys), JSON.stringify([written.entry], null, 2) + '\n');
    }
  }
  const key = readPrivateKeyFile(privateKeyFile);
  const signer: Signer = createSigner(key);
  const trustedKeysFile = trustedKeysFileFrom(env, dataDir);
  const trustedKeys = trustedKeysFile ? readTrustedKeysFile(trustedKeysFile) : [trustedKeyEntry(key.publicKey, key.createdAt)];
  if (!trustedKeys.some((k) => k.keyId === signer.keyId && keyValidAt(k, now))) {
    throw new KeyFileError(trustedKeysFile
      ? keyText('stores.keyFiles.signerNotTrustedIn', { keyId: signer.keyId, file: privateKeyFile, list: trustedKeysFile })
      : keyText('stores.keyFiles.signerNotTrusted', { keyId: signer.keyId, file: privateKeyFile }));
  }
  return { signer, trustedKeys, bootstrapped, privateKeyFile, trustedKeysFile };
}

/** TONGBAN_TRUSTED_KEYS, else <dataDir>/keys/trusted-keys.json when it exists (the all-in-one installation's own key). */
export function trustedKeysFileFrom(env: NodeJS.ProcessEnv, dataDir: string): string | null {
  if (env.TONGBAN_TRUSTED_KEYS) return env.TONGBAN_TRUSTED_KEYS;
  const local = join(dataDir, 'keys', KEY_FILE_NAMES.trustedKeys);
  return existsSync(local) ? local : null;
}

/** The keys a runtime or an importer trusts; an empty list (nothing configured) trusts nothing. */
export function loadTrustedKeys({ env, dataDir }: { env: NodeJS.ProcessEnv; dataDir: string }): { trustedKeys: TrustedKey[]; file: string | null } {
  const file = trustedKeysFileFrom(env, dataDir);
  return { trustedKeys: file ? readTrustedKeysFile(file) : [], file };
}
