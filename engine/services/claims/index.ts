export { putClaim, removeClaim } from './claims.js';
