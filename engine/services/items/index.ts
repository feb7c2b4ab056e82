export { ItemLifecycle, type DraftCheck, type PublishRequest } from './item-lifecycle.js';
