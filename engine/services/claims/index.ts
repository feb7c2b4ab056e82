export { putClaim, removeClaim } from './claims.js';
export { setClaimBatches } from './claim-batches.js';
