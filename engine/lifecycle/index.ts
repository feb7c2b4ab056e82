export { ItemLifecycle, type DraftCheck, type PublishRequest } from './item-lifecycle.js';
export { seedEmptyStore, SEED_ACTOR } from './seed.js';
