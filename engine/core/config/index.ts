export { validateConfig } from './validate-config.js';
export { CONTEXT_FACTS, type ContextFact } from './form-checks.js';
export type * from './types.js';
