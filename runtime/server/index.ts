/**
 * The runtime's public surface: what a process (its own `main.ts`, or the region's all-in-one
 * process) composes a league/banner runtime from. Everything else in runtime/server is internal.
 */
export { createRuntimeApp, type RuntimeAppOptions } from './runtime-app.js';
export { runtimeModule, type RuntimeModule, type RuntimeModuleOptions } from './runtime-module.js';
export { calendarRoutes } from './calendar-routes.js';
export { DEFAULT_UPLOAD_LIMIT } from './intake-routes.js';
export type { PublishedConfigs } from './published-configs.js';
export { templateDownloadRoutes } from './template-download-routes.js';
