/**
 * The region's publishing key and the trusted public keys, as files named by configuration
 * (TONGBAN_SIGNING_KEY_FILE, TONGBAN_TRUSTED_KEYS) — never in a store.
 */
export {
  KEY_FILE_NAMES,
  KeyFileError,
  loadPublisherSigning,
  loadTrustedKeys,
  readPrivateKeyFile,
  readTrustedKeysFile,
  trustedKeysFileFrom,
  writeNewKeyPair,
  type PrivateKeyFile,
  type PublisherSigning,
  type WrittenKeyPair,
} from './key-files.js';
