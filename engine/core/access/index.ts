export type { Principal, PrincipalRecord, Role } from './principal.js';
export { authorize, DEFAULT_ACCESS, READERS, type Access } from './access-policy.js';
export { operatesFor } from './operates-for.js';
export type { SessionRecord, SessionWithPrincipal } from './session.js';
