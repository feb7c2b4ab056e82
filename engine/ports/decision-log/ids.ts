import { pooledRandomBytes } from './random-pool.js';

/** Crockford base 32: ascending in ASCII, so ids compare as strings in time order. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10; // 48 bits of milliseconds, good until the year 10889
const RANDOM_CHARS = 16; // 80 bits
const RANDOM_MAX = (1n << 80n) - 1n;

export const DECISION_ID_PATTERN = /^D[0-9A-HJKMNP-TV-Z]{26}$/;

function encode(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

function randomBits(): bigint {
  return BigInt('0x' + pooledRandomBytes(10).toString('hex'));
}

/**
 * A generator of decision ids: 'D' + time + randomness, like a monotonic ULID. Ids from one
 * generator are strictly increasing even when many are made in the same millisecond or the clock
 * steps back (the random part is incremented instead); across processes they sort by time to the
 * millisecond, and 80 random bits keep them apart.
 */
export function decisionIdGenerator(clock: () => number = Date.now): () => string {
  let lastTime = -1;
  let lastRandom = 0n;
  return () => {
    const now = clock();
    if (now > lastTime) {
      lastTime = now;
      lastRandom = randomBits();
    } else if (lastRandom < RANDOM_MAX) {
      lastRandom += 1n;
    } else {
      lastTime += 1;
      lastRandom = randomBits();
    }
    return 'D' + encode(BigInt(lastTime), TIME_CHARS) + encode(lastRandom, RANDOM_CHARS);
  };
}

/** The process-wide generator every adapter uses. */
export const newDecisionId: () => string = decisionIdGenerator();

export function isDecisionId(value: unknown): value is string {
  return typeof value === 'string' && DECISION_ID_PATTERN.test(value);
}
