/**
 * The core: pure, browser-safe domain code that the designer, every runtime and both web apps
 * share — one engine everywhere. No Node built-ins, no driver, no HTTP framework, no UI library
 * (test/architecture enforces it). Server-side layers: `engine/ports`, `engine/services`,
 * `engine/adapters`, `engine/http-kit`.
 */
export * from './errors.js';
export * from './access/index.js';
export * from './audit/index.js';
export * from './calendar/index.js';
export * from './canonical/index.js';
export * from './clock/index.js';
export * from './cases/index.js';
export * from './codes/index.js';
export * from './config/index.js';
export * from './csv/index.js';
export * from './decision/index.js';
export * from './diff/index.js';
export * from './divisions/index.js';
export * from './examples/index.js';
export * from './form/index.js';
export * from './guide/index.js';
export * from './i18n/index.js';
export * from './masking/index.js';
export * from './merge/index.js';
export * from './model/index.js';
export * from './rules/index.js';
export * from './signing/index.js';
export * from './standard/index.js';
export * from './vocabulary/index.js';
