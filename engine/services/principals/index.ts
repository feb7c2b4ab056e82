export { generateBearerToken, isWellFormedToken, tokenHash } from './bearer-token.js';
export { generateSecret, secretShape } from './random-secret.js';
export { BOOTSTRAP_ADMIN_ID, checkBootstrapToken, createPrincipal, ensureBootstrapAdmin, revokePrincipal, type NewPrincipal } from './principal-registry.js';
