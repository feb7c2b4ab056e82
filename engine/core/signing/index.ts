export { createSigner, generateSigningKeyPair, isPublicKeyHex, keyIdOf, signingKeyPairFromSecret, verifyStatement, type PublicKeyHex, type Signer, type SigningKeyPair } from './keys.js';
export { PUBLICATION_STATEMENT_PURPOSE, publicationStatement, type SignedVersionFields, type VersionSignature } from './statement.js';
export { keyValidAt, parseTrustedKeys, trustedKeyEntry, type TrustedKey } from './trusted-keys.js';
export { checkVersionSignature, signVersion, type SignatureCheck, type StatementVerifier, type UntrustedReason } from './verify-version.js';
export { ephemeralProcessSigning, type Signing } from './process-signing.js';
export { UntrustedVersionError } from './untrusted-version-error.js';
