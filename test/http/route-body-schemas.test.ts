import { Ajv } from 'ajv';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { createLogger } from '../../engine/http-kit/index.js';
import { itemConfigSchema, itemStandardSchema } from '../../engine/core/standard/standard-schemas.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';

type Operation = { requestBody?: { content: Record<string, { schema: unknown }> }; parameters?: { name: string; schema?: unknown }[] };

/** Every schema a request is checked with, as the OpenAPI document declares it (the route table's own schemas, refs rewritten). */
function requestSchemas(doc: { paths: Record<string, Record<string, Operation | unknown>> }): [string, unknown][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
      .flatMap(([method, op]) => {
        const operation = op as Operation;
        return [
          ...Object.values(operation.requestBody?.content ?? {}).map((c): [string, unknown] => [`${method} ${path} body`, c.schema]),
          ...(operation.parameters ?? []).filter((p) => p.schema).map((p): [string, unknown] => [`${method} ${path} ${p.name}`, p.schema]),
        ];
      }),
  );
}

/**
 * The route table compiles request schemas without checking them against JSON Schema's
 * meta-schema (that check compiled the meta-schema on a runtime's first request): it is made here.
 */
describe('request schemas', () => {
  let t: TestInstallation;
  const meta = new Ajv({ strict: false, allowUnionTypes: true });
  beforeAll(async () => {
    t = await sqliteInstallation();
  });
  afterAll(async () => t.close());

  it('the meta-schema check refuses a schema that is not one', () => {
    expect(meta.validateSchema({ type: 'strin' })).toBe(false);
    expect(meta.validateSchema({ properties: { a: { minLength: -1 } } })).toBe(false);
  });

  it('every body, query and path schema of the designer server and of a standalone runtime is a valid JSON Schema', async () => {
    const designer = (await request(t.app).get('/api/openapi.json')).body;
    const runtime = (await request(createRuntimeApp({ reader: t.reader, logger: createLogger(() => undefined) })).get('/api/openapi.json')).body;
    const schemas = [...requestSchemas(designer), ...requestSchemas(runtime), ['ItemStandard', itemStandardSchema], ['ItemConfig', itemConfigSchema]] as [string, unknown][];
    expect(schemas.filter(([where]) => where.endsWith(' body')).length).toBeGreaterThan(20);
    const invalid = schemas.filter(([, schema]) => meta.validateSchema(schema as object) !== true).map(([where]) => `${where}: ${meta.errorsText()}`);
    expect(invalid).toEqual([]);
  });
});
