export { collectBody, jsonBody, parseJsonText, PayloadTooLargeError, UnsupportedMediaTypeError } from './json-body.js';
export { toErrorResponse, type ErrorBody } from './error-response.js';
export { buildOpenApi, checkRequestBody, type HttpMethod, type JsonSchema, type RouteSpec } from './route-table.js';
export { apiErrorHandler, apiNotFound, mountRoutes, type ApiHandler, type ApiRequest, type ApiResponse, type ApiRoute, type Authenticate, type Mountable } from './mount.js';
export { bearerAuthenticator } from './bearer-auth.js';
export { createLogger, requestLog, type Logger } from './request-log.js';
export * as apiSchemas from './api-schemas.js';
export { createApiApp, DEFAULT_BODY_LIMIT, type ApiAppOptions, type RawBodyRoute } from './api-app.js';
export { serveUntilSignalled, type ServeOptions } from './serve.js';
