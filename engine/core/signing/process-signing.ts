import { createSigner, generateSigningKeyPair, type Signer } from './keys.js';
import { trustedKeyEntry, type TrustedKey } from './trusted-keys.js';

export interface Signing {
  signer: Signer;
  trustedKeys: TrustedKey[];
}

let processSigning: Signing | undefined;

/**
 * A key pair made in memory the first time it is asked for and never written anywhere: the
 * default of every service and app that is not handed the region's key (tests, embedding). It
 * fails closed — nothing it signs is trusted by any other process, nor by this one after a
 * restart — so a production process that forgot its configuration cannot serve anything.
 */
export function ephemeralProcessSigning(): Signing {
  if (!processSigning) {
    const signer = createSigner(generateSigningKeyPair());
    processSigning = { signer, trustedKeys: [trustedKeyEntry(signer.publicKey, '1970-01-01T00:00:00.000Z')] };
  }
  return processSigning;
}
