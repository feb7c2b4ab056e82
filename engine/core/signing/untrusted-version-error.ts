import { TongbanError } from '../errors.js';

/** A runtime was asked to serve a version that is unsigned, or not signed by a key it trusts: it never serves it. */
export class UntrustedVersionError extends TongbanError {
  readonly status = 409;
  readonly code = 'untrusted_version';
}
