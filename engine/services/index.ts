/**
 * The use cases: what the designer, the runtimes and the CLI do, over the store ports only — never
 * an adapter, never HTTP. Each takes its store and clock from the caller.
 */
export * from './audit/index.js';
export * from './calendar/index.js';
export * from './cases/index.js';
export * from './catalogue/index.js';
export * from './claims/index.js';
export * from './decisions/index.js';
export * from './intakes/index.js';
export * from './items/index.js';
export * from './principals/index.js';
export * from './replay/index.js';
export * from './reports/index.js';
export * from './seed/index.js';
export * from './sessions/index.js';
export * from './stations/index.js';
export * from './lists/index.js';
export * from './templates/index.js';
