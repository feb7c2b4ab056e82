export { ROLES, roleLabels, type Principal, type PrincipalRecord, type Role } from './principal.js';
export { generateBearerToken, isWellFormedToken, tokenHash } from './bearer-token.js';
export { authorize, DEFAULT_ACCESS, READERS, type Access } from './access-policy.js';
export { BOOTSTRAP_ADMIN_ID, createPrincipal, ensureBootstrapAdmin, revokePrincipal, type NewPrincipal } from './principal-registry.js';
