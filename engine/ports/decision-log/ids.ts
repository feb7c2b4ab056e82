import { pooledRandomBytes } from './random-pool.js';

/** Crockford base 32: ascending in ASCII, so ids compare as strings in time order. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10; // 48 bits of milliseconds, good until the year 10889
/** The 80 random bits as two halves of 40 (8 characters each): whole numbers a double holds exactly, with no BigInt per id. */
const HALF_CHARS = 8;
const HALF = 2 ** 40;

export const DECISION_ID_PATTERN = /^D[0-9A-HJKMNP-TV-Z]{26}$/;

/** `value` (a whole number below 32^length) in `length` base-32 characters, most significant first. */
function encode(value: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/** 40 random bits from 5 random bytes. */
function randomHalf(bytes: Uint8Array, at: number): number {
  let value = 0;
  for (let i = at; i < at + 5; i++) value = value * 256 + (bytes[i] as number);
  return value;
}

/**
 * A generator of decision ids: 'D' + time + randomness, like a monotonic ULID. Ids from one
 * generator are strictly increasing even when many are made in the same millisecond or the clock
 * steps back (the random part is incremented instead); across processes they sort by time to the
 * millisecond, and 80 random bits keep them apart. (`random`: the system's, but in tests.)
 */
export function decisionIdGenerator(clock: () => number = Date.now, random: (size: number) => Uint8Array = pooledRandomBytes): () => string {
  let lastTime = -1;
  let high = 0;
  let low = 0;
  const draw = () => {
    const bytes = random(10);
    high = randomHalf(bytes, 0);
    low = randomHalf(bytes, 5);
  };
  return () => {
    const now = clock();
    if (now > lastTime) {
      lastTime = now;
      draw();
    } else if (low < HALF - 1) {
      low += 1;
    } else if (high < HALF - 1) {
      high += 1;
      low = 0;
    } else {
      lastTime += 1;
      draw();
    }
    return 'D' + encode(lastTime, TIME_CHARS) + encode(high, HALF_CHARS) + encode(low, HALF_CHARS);
  };
}

/** The process-wide generator every adapter uses. */
export const newDecisionId: () => string = decisionIdGenerator();

export function isDecisionId(value: unknown): value is string {
  return typeof value === 'string' && DECISION_ID_PATTERN.test(value);
}
