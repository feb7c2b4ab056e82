export { seedEmptyStore, SEED_ACTOR } from './seed.js';
