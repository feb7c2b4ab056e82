import { contentHash } from '../../core/canonical/content-hash.js';
import { ValidationFailedError } from '../../core/errors.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';
import { checkVersionSignature, type TrustedKey, type UntrustedReason } from '../../core/signing/index.js';
import { parseBundle } from './bundle.js';

export interface BundleVerificationFailure {
  code: string;
  version: number;
  reason: UntrustedReason | 'hash-mismatch';
  message: string;
}

export interface BundleVerification {
  ok: boolean;
  /** Versions checked, up to and including the first bad one. */
  checked: number;
  total: number;
  firstBad: BundleVerificationFailure | null;
}

/**
 * Checks a bundle offline — no store, no network: every version's config hashes to its recorded
 * hash, and every version carries a signature of a trusted key valid at its publication time.
 * Stops at the first bad version and names it. A bundle that is not a bundle at all (wrong
 * shape) throws ValidationFailedError, as on import.
 */
export function verifyBundle(value: unknown, trustedKeys: readonly TrustedKey[]): BundleVerification {
  // The shape first: parseBundle also refuses hash mismatches, which we report one by one instead.
  let bundle;
  try {
    bundle = parseBundle(value);
  } catch (error) {
    if (!(error instanceof ValidationFailedError) || !error.problems.every((p) => p.code === 'bundle.hash-mismatch')) throw error;
    bundle = value as ReturnType<typeof parseBundle>;
  }
  const total = bundle.items.reduce((n, item) => n + item.versions.length, 0);
  let checked = 0;
  for (const item of bundle.items) {
    for (const version of item.versions) {
      checked++;
      let actual = '';
      try {
        actual = contentHash(version.config);
      } catch {
        // A config that cannot be serialised has no hash: it cannot match.
      }
      if (actual !== version.hash) {
        return { ok: false, checked, total, firstBad: { code: item.code, version: version.version, reason: 'hash-mismatch', message: uiText('services.catalogue.verify.hashMismatch', 'zh-CN', { code: item.code, version: version.version }) } };
      }
      const check = checkVersionSignature(version, trustedKeys);
      if (!check.trusted) return { ok: false, checked, total, firstBad: { code: item.code, version: version.version, reason: check.reason, message: check.message } };
    }
  }
  return { ok: true, checked, total, firstBad: null };
}
