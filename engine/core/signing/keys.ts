import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import { uiText } from '../i18n/catalogue/catalogue.js';

/** An Ed25519 public key as 64 lowercase hex digits. */
export type PublicKeyHex = string;

/**
 * The region's publishing key. The secret half only ever lives in a file named by configuration
 * (TONGBAN_SIGNING_KEY_FILE) and in the publishing process's memory — never in a store.
 */
export interface SigningKeyPair {
  keyId: string;
  /** 32-byte Ed25519 secret key, hex. */
  secretKey: string;
  publicKey: PublicKeyHex;
}

/** Signs statements with one key; what the publishing services are handed. */
export interface Signer {
  readonly keyId: string;
  readonly publicKey: PublicKeyHex;
  sign(statement: string): string;
}

const HEX_32 = /^[0-9a-f]{64}$/;

/** A key's short, stable name: the first 16 hex digits of SHA-256 over the raw public key. */
export function keyIdOf(publicKey: PublicKeyHex): string {
  return bytesToHex(sha256(hexToBytes(publicKey))).slice(0, 16);
}

export function generateSigningKeyPair(): SigningKeyPair {
  const secret = ed25519.utils.randomSecretKey();
  return signingKeyPairFromSecret(bytesToHex(secret));
}

/** Rebuilds the pair (public key, key id) from the secret half, refusing anything but 32 bytes of hex. */
export function signingKeyPairFromSecret(secretKey: string): SigningKeyPair {
  const normalised = secretKey.trim().toLowerCase();
  if (!HEX_32.test(normalised)) throw new TypeError(uiText('core.signing.secretKeyHex'));
  const publicKey = bytesToHex(ed25519.getPublicKey(hexToBytes(normalised)));
  return { keyId: keyIdOf(publicKey), secretKey: normalised, publicKey };
}

export function isPublicKeyHex(value: unknown): value is PublicKeyHex {
  return typeof value === 'string' && HEX_32.test(value);
}

export function createSigner(pair: SigningKeyPair): Signer {
  const secret = hexToBytes(pair.secretKey);
  return {
    keyId: pair.keyId,
    publicKey: pair.publicKey,
    sign: (statement) => bytesToHex(ed25519.sign(new TextEncoder().encode(statement), secret)),
  };
}

/** False for any malformed input as well as for a signature that does not verify. */
export function verifyStatement(statement: string, signature: string, publicKey: PublicKeyHex): boolean {
  if (!/^[0-9a-f]{128}$/.test(signature) || !isPublicKeyHex(publicKey)) return false;
  try {
    return ed25519.verify(hexToBytes(signature), new TextEncoder().encode(statement), hexToBytes(publicKey));
  } catch {
    return false;
  }
}
