/**
 * The browser-safe engine: what the designer, every runtime and the web apps share. Server-only
 * parts have their own entry points: `engine/store` (the store port and adapters),
 * `engine/lifecycle`, `engine/http`.
 */
export * from './errors.js';
export * from './canonical/index.js';
export * from './codes/index.js';
export * from './config/index.js';
export * from './decision/index.js';
export * from './divisions/index.js';
export * from './examples/index.js';
export * from './form/index.js';
export * from './guide/index.js';
export * from './rules/index.js';
export * from './standard/index.js';
