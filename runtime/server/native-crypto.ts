import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, type StatementVerifier } from '../../engine/core/index.js';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo: the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const HEX_SIGNATURE = /^[0-9a-f]{128}$/;
const HEX_KEY = /^[0-9a-f]{64}$/;

const keyObjects = new Map<string, KeyObject>();

function keyObject(publicKey: string): KeyObject {
  let key = keyObjects.get(publicKey);
  if (!key) {
    key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKey, 'hex')]), format: 'der', type: 'spki' });
    keyObjects.set(publicKey, key);
  }
  return key;
}

/**
 * The core's signature check on node:crypto (OpenSSL) instead of the pure-JS one: the same
 * Ed25519 verification of the same statement, about a hundred times cheaper, for servers. False
 * for anything malformed, as the core's is.
 */
export const nativeStatementVerifier: StatementVerifier = (statement, signature, publicKey) => {
  if (!HEX_SIGNATURE.test(signature) || !HEX_KEY.test(publicKey)) return false;
  try {
    return verify(null, Buffer.from(statement, 'utf8'), keyObject(publicKey), Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
};

/** The core's contentHash (SHA-256 hex of canonical JSON) with node:crypto's SHA-256: the same hash. */
export function nativeContentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

/** SHA-256 hex of a text on node:crypto: the HTTP kit's, which also hashes every bearer token. */
export { nativeSha256Hex } from '../../engine/http-kit/index.js';
