export { canonicalJson } from './canonical-json.js';
export { contentHash, sha256Hex } from './content-hash.js';
