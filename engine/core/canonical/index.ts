export { canonicalJson } from './canonical-json.js';
export { contentHash, sha256Hex, sha256HexOfBytes } from './content-hash.js';
