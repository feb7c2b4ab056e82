export { canonicalJson } from './canonical-json.js';
export { contentHash, sha256Hex, sha256HexOfBytes } from './content-hash.js';
export { jsonTextOnce, knownJsonText } from './json-text.js';
