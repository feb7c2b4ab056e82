import { canonicalJson } from '../canonical/canonical-json.js';

/** What a publication signature covers. Anything else on a version (reason, provenance …) is not signed. */
export interface SignedVersionFields {
  code: string;
  version: number;
  /** The content hash of the config: signing it binds the whole config. */
  hash: string;
  publishedAt: string;
  reviewer: string | null;
}

/** Stored with each published version: which key signed it, and the signature (hex). */
export interface VersionSignature {
  keyId: string;
  signature: string;
}

/** Names the statement's purpose so that a signature over it can never be replayed as anything else. */
export const PUBLICATION_STATEMENT_PURPOSE = 'tongban/version-publication/v1';

/**
 * The exact text that is signed: the canonical JSON of the version's identity, content hash,
 * time and reviewer, and the signing key's id (so a signature cannot be re-labelled to another key).
 */
export function publicationStatement(fields: SignedVersionFields, keyId: string): string {
  return canonicalJson({
    purpose: PUBLICATION_STATEMENT_PURPOSE,
    code: fields.code,
    version: fields.version,
    hash: fields.hash,
    publishedAt: fields.publishedAt,
    reviewer: fields.reviewer,
    keyId,
  });
}
