import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * A keyed hash of an ID number: lets a centre find an applicant's cases while no index holds the
 * number itself (an unkeyed hash of an 18-character ID number is easily reversed).
 */
export function applicantKey(lookupKey: Uint8Array, idNumber: string | null): string | null {
  if (idNumber === null || idNumber.trim() === '') return null;
  return bytesToHex(hmac(sha256, lookupKey, utf8ToBytes(idNumber.trim().toUpperCase())));
}
