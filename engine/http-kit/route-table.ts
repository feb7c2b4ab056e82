import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { catalogueProblem, ValidationFailedError, type Problem } from '../core/errors.js';
import { uiText } from '../core/i18n/index.js';
import { toFieldError } from '../core/form/index.js';
import { itemConfigSchema, itemStandardSchema } from '../core/standard/standard-schemas.js';
import { DEFAULT_ACCESS, type Access } from '../core/access/access-policy.js';
import { ITEM_CODE_PATTERN, type Language } from '../core/vocabulary/index.js';
import { error as errorSchema } from './api-schemas.js';
import { MAX_REQUEST_STRING_LENGTH } from './json-body.js';
import { allowedMethods } from './method-not-allowed/index.js';
import type { RateLimitTier } from './rate-limit/index.js';
import type { InlineBlocks } from './secure-headers/index.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';
export type JsonSchema = Record<string, unknown>;

/**
 * One API route, declared once: the servers mount it, validate requests with its schemas and the
 * OpenAPI document is generated from it — there is no second, hand-written description.
 */
export interface RouteSpec<Handler = unknown> {
  method: HttpMethod;
  /** Express-style path, e.g. /api/items/:code */
  path: string;
  summary: string;
  tags: string[];
  /** Request headers worth documenting (If-Match, Accept, ...). */
  headers?: { name: string; description: string; required?: boolean }[];
  query?: { name: string; description: string; schema: JsonSchema }[];
  body?: { schema: JsonSchema; required: boolean; description?: string; /** Largest JSON body in bytes when this route needs more than the app's limit (a whole catalogue bundle). */ limit?: number };
  responses: Record<number, { description: string; schema?: JsonSchema; contentType?: string; /** Further media types the same answer comes in (CSV with format=csv, HTML with Accept: text/html), each with its schema. */ alsoAs?: Record<string, JsonSchema> }>;
  /** Who may call it; a route that says nothing is for region administrators only. */
  access?: Access<any>;
  /** Anonymous calls count against this tier's budget per client address (429 beyond it); see rate-limit/. */
  rateLimit?: RateLimitTier;
  /** The inline `<style>`/`<script>` blocks of the HTML page this route answers with: its Content-Security-Policy allows exactly these, by hash. */
  inlineBlocks?: InlineBlocks;
  /**
   * Served without walking the app's router (see direct-routes/): for the few hot routes, with the same
   * edge steps; a route needing no other middleware, whose handler answers with node's own response API
   * (answerJson, setHeader) — a direct request does not get Express's prototypes (res.json, res.status).
   */
  direct?: boolean;
  handler: Handler;
}

let ajv: Ajv | undefined;
const validators = new WeakMap<JsonSchema, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    if (!ajv) {
      // Our own schemas, checked against JSON Schema's meta-schema by a test (route-body-schemas.test.ts):
      // checking them here again would compile the meta-schema on a runtime's first request, 20-30 ms of its cold start.
      ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, validateSchema: false });
      (addFormats as unknown as (a: Ajv) => void)(ajv);
      ajv.addSchema(itemStandardSchema);
      ajv.addSchema(itemConfigSchema);
    }
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

/** Validates a request body against its route's schema, naming each field at fault. */
export function checkRequestBody(spec: RouteSpec, body: unknown): void {
  if (!spec.body) return;
  if (body === undefined) {
    if (spec.body.required) throw new ValidationFailedError({ key: 'server.http.bodyMissing' }, [catalogueProblem('', 'body.required', { key: 'server.http.bodyEmpty' })]);
    return;
  }
  const validate = validatorFor(spec.body.schema);
  if (validate(body)) return;
  const problems: Problem[] = (validate.errors ?? []).map((e) => {
    // Worded as the form checks word a field (never ajv's English): named by its key in the body, the body itself as 请求体.
    const inLanguage = (language: Language) => toFieldError(e, (pointer) => (pointer === '' ? uiText('server.http.body', language) : undefined), language);
    return catalogueProblem(inLanguage('zh-CN').path, `body.${e.keyword}`, { key: 'server.http.bodyProblem', values: { message: (language: Language) => inLanguage(language).message } });
  });
  throw new ValidationFailedError({ key: 'server.http.bodyInvalid' }, problems);
}

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/**
 * Path parameters whose form every handler checks the same way (400 `bad_code`, `bad_version`):
 * declared, so a client sees the rule, and a request outside it is documented as a 400.
 */
const PATH_PARAMETER_SCHEMAS: Record<string, JsonSchema> = {
  code: { type: 'string', pattern: ITEM_CODE_PATTERN },
  version: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' },
  year: { type: 'string', pattern: '^[0-9]{4}$' },
};

/** Request headers whose form the server checks the same way everywhere (400 `bad_precondition`). */
const HEADER_SCHEMAS: Record<string, JsonSchema> = {
  'If-Match': { type: 'string', pattern: '^(W/)?"?[0-9]{1,9}"?$' },
};

function pathParameterSchema(name: string): JsonSchema {
  return PATH_PARAMETER_SCHEMAS[name] ?? { type: 'string' };
}

/**
 * The answers the framework gives on any route before or beside its handler: a request it cannot
 * read (400: malformed JSON, a path parameter, query parameter or header of the wrong form), one
 * that breaks a declared rule (422, every problem at once), and for bodies their size and type.
 */
function frameworkResponses(route: RouteSpec): Record<string, unknown> {
  const takesInput = Boolean(route.body || route.query?.length || route.headers?.length || pathParameters(route.path).length);
  return {
    ...(takesInput ? { 400: { $ref: '#/components/responses/BadRequest' }, 422: { $ref: '#/components/responses/ValidationFailed' } } : {}),
    ...(route.body ? { 413: { $ref: '#/components/responses/PayloadTooLarge' }, 415: { $ref: '#/components/responses/UnsupportedMediaType' } } : {}),
  };
}

function pathParameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string);
}

/** JSON Schema `$ref`s to the standards become OpenAPI component references. */
function rewriteRefs(value: unknown, localBase = '#/components/schemas/ItemStandard'): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, localBase));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') {
        out[key] = v
          .replace(/^urn:tongban:schema:item-standard#\/definitions\//, '#/components/schemas/ItemStandard/definitions/')
          .replace(/^urn:tongban:schema:item-standard$/, '#/components/schemas/ItemStandard')
          .replace(/^urn:tongban:schema:item-config$/, '#/components/schemas/ItemConfig')
          .replace(/^#\/definitions\//, `${localBase}/definitions/`);
      } else if (key === '$id' || key === '$schema') {
        continue;
      } else out[key] = rewriteRefs(v, localBase);
    }
    return out;
  }
  return value;
}

/** How the server signs callers in, beyond bearer tokens. */
export interface OpenApiSignIn {
  /** The session cookie's name when the server also accepts people's session cookies (sign-in for people). */
  sessionCookie?: string;
}

export function buildOpenApi(routes: readonly RouteSpec[], info: { title: string; version: string; description: string }, signIn: OpenApiSignIn = {}): Record<string, unknown> {
  // Either credential signs a caller in: the security requirements are alternatives.
  const security = signIn.sessionCookie ? [{ bearer: [] }, { sessionCookie: [] }] : [{ bearer: [] }];
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: route.tags,
      operationId: `${route.method}${toOpenApiPath(route.path).replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [
        ...pathParameters(route.path).map((name) => ({ name, in: 'path', required: true, schema: pathParameterSchema(name) })),
        ...(route.query ?? []).map((q) => ({ name: q.name, in: 'query', required: false, description: q.description, schema: q.schema })),
        ...(route.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: h.required ?? false, description: h.description, schema: HEADER_SCHEMAS[h.name] ?? { type: 'string' } })),
      ],
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.schema
              ? {
                content: {
                  [response.contentType ?? 'application/json']: { schema: rewriteRefs(response.schema) },
                  ...Object.fromEntries(Object.entries(response.alsoAs ?? {}).map(([type, schema]) => [type, { schema: rewriteRefs(schema) }])),
                },
              }
              : {}),
          },
        ]),
      ),
    };
    const declared = operation.responses as Record<string, unknown>;
    for (const [status, response] of Object.entries(frameworkResponses(route))) declared[status] ??= response;
    const access = route.access ?? DEFAULT_ACCESS;
    if ('roles' in access) {
      operation.security = security;
      operation['x-roles'] = access.roles;
      const responses = operation.responses as Record<string, unknown>;
      responses['401'] ??= { description: signIn.sessionCookie ? 'No valid bearer token or session cookie' : 'No valid bearer token' };
      responses['403'] ??= { description: 'Role or organisation not allowed' };
    }
    if (route.rateLimit) {
      (operation.responses as Record<string, unknown>)['429'] ??= { $ref: '#/components/responses/TooManyRequests' };
      operation['x-rate-limit'] = route.rateLimit;
    }
    if (route.body) {
      operation.requestBody = {
        required: route.body.required,
        ...(route.body.description ? { description: route.body.description } : {}),
        content: { 'application/json': { schema: rewriteRefs(route.body.schema) } },
      };
      operation['x-max-string-length'] = MAX_REQUEST_STRING_LENGTH;
    }
    (paths[toOpenApiPath(route.path)] ??= {})[route.method] = operation;
  }
  // A method a path does not declare answers 405 with Allow (method-not-allowed/): said once per path.
  for (const [path, item] of Object.entries(paths)) {
    const allow = allowedMethods(Object.keys(item) as HttpMethod[]);
    item.description = `Other methods answer 405 (see components.responses.MethodNotAllowed) with Allow: ${allow.join(', ')}`;
    item['x-allow'] = allow;
    paths[path] = item;
  }
  const standard = rewriteRefs(itemStandardSchema) as Record<string, unknown>;
  const config = rewriteRefs(itemConfigSchema, '#/components/schemas/ItemConfig') as Record<string, unknown>;
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    paths,
    components: {
      responses: {
        BadRequest: {
          description: 'The request cannot be read: malformed JSON, or a path parameter, query parameter or header (If-Match, X-Filename) of the wrong form; the error names it',
          content: { 'application/json': { schema: errorSchema } },
        },
        ValidationFailed: {
          description: `The request breaks a declared rule: the body schema, a missing body, a number that overflows (1e400), a string or key over ${MAX_REQUEST_STRING_LENGTH} characters, or a query value outside its range; details.problems lists every problem at once`,
          content: { 'application/json': { schema: errorSchema } },
        },
        PayloadTooLarge: {
          description: 'The body is larger than the server accepts (TONGBAN_BODY_LIMIT, or the route\'s own limit)',
          content: { 'application/json': { schema: errorSchema } },
        },
        UnsupportedMediaType: {
          description: 'The body is not JSON (Content-Type application/json)',
          content: { 'application/json': { schema: errorSchema } },
        },
        MethodNotAllowed: {
          description: 'The path exists but does not answer this method',
          headers: { Allow: { description: 'The methods this path answers', schema: { type: 'string' } } },
          content: { 'application/json': { schema: errorSchema } },
        },
        TooManyRequests: {
          description: 'Too many anonymous calls from this client address (TONGBAN_PUBLIC_RATE_LIMIT per minute)',
          headers: {
            'Retry-After': { description: 'Seconds until the budget is renewed', schema: { type: 'integer' } },
            RateLimit: { description: 'Remaining budget (IETF draft-ietf-httpapi-ratelimit-headers-08)', schema: { type: 'string' } },
            'RateLimit-Policy': { description: 'The limit and window (IETF draft 8)', schema: { type: 'string' } },
          },
          content: { 'application/json': { schema: errorSchema } },
        },
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A principal token (tb_…), created by an administrator' },
        ...(signIn.sessionCookie
          ? {
            sessionCookie: {
              type: 'apiKey',
              in: 'cookie',
              name: signIn.sessionCookie,
              description: `A person's session (tbs_…), set HttpOnly by POST /api/session in exchange for their token; a bearer token, when sent, is used instead. A tab signed in as one of several people sends X-Tongban-Principal and that person's ${signIn.sessionCookie}.<id> cookie. Requests that change something with a cookie must come from the same origin.`,
            },
          }
          : {}),
      },
      schemas: {
        ItemStandard: standard,
        ItemConfig: config,
      },
    },
  };
}
