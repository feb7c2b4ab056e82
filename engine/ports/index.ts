/**
 * The store ports: what services and servers may ask of a store, whichever driver is behind it.
 * Adapters (`engine/adapters/<driver>`) implement them; one contract suite (test/store-contract)
 * holds every adapter to them.
 */
export * from './config-store/index.js';
export * from './decision-log/index.js';
export * from './intake-store/index.js';
