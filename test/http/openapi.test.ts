import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { createLogger } from '../../engine/http-kit/index.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { mountedRoutes } from '../support/mounted-routes.js';

/** Mounted routes with OpenAPI-style path parameters. */
function mountedOpenApiRoutes(app: unknown): string[] {
  return mountedRoutes(app).map((route) => route.replace(/:([A-Za-z_]\w*)/g, '{$1}'));
}

function documentedRoutes(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  // A path item also holds non-operation fields (description, x-allow).
  const methods = ['get', 'put', 'post', 'delete', 'patch'];
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => methods.includes(m)).map((m) => `${m} ${path}`));
}

describe('OpenAPI document', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
  });
  afterAll(async () => t.close());

  it('documents every route the designer server mounts, and nothing it does not', async () => {
    const doc = (await request(t.app).get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const mounted = mountedOpenApiRoutes(t.app).sort();
    expect(mounted.length).toBeGreaterThan(20);
    expect(documentedRoutes(doc).sort()).toEqual(mounted);
  });

  it('documents every route of a standalone runtime', async () => {
    const app = createRuntimeApp({ reader: t.reader, logger: createLogger(() => undefined) });
    const doc = (await request(app).get('/api/openapi.json')).body;
    expect(documentedRoutes(doc).sort()).toEqual(mountedOpenApiRoutes(app).sort());
    expect(Object.keys(doc.paths)).toContain('/api/runtime/{division}/items/{code}/evaluate');
    // A standalone runtime has no people's sessions: it declares no cookie scheme.
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearer']);
    const secured = Object.values(doc.paths as Record<string, Record<string, { security?: unknown }>>).flatMap((ops) => Object.values(ops)).filter((op) => op && typeof op === 'object' && op.security);
    for (const op of secured) expect(op.security).toEqual([{ bearer: [] }]);
  });

  it('takes request and response schemas from the standards the server validates with', async () => {
    const doc = (await request(t.app).get('/api/openapi.json')).body;
    const draftPut = doc.paths['/api/items/{code}/draft'].put;
    expect(draftPut.parameters.map((p: { name: string }) => p.name)).toEqual(['code', 'If-Match']);
    // The designer server signs people in with a session cookie too: either credential will do.
    expect(draftPut.security).toEqual([{ bearer: [] }, { sessionCookie: [] }]);
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'tongban_session' });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(draftPut['x-roles']).toEqual(['admin', 'author']);
    expect(doc.paths['/api/runtime/{division}/items'].get.security).toBeUndefined();
    expect(doc.components.schemas.ItemStandard.properties.promisedTimeLimit.title).toBe('承诺办理时限');
    expect(doc.paths['/api/items/{code}/versions/{version}'].get.responses['200'].content['application/json'].schema.properties.config).toEqual({ $ref: '#/components/schemas/ItemConfig' });
    expect(doc.components.schemas.ItemConfig.properties.standard).toEqual({ $ref: '#/components/schemas/ItemStandard' });
    const evaluate = doc.paths['/api/runtime/{division}/items/{code}/evaluate'].post;
    expect(evaluate.requestBody.content['application/json'].schema.required).toEqual(['scenario']);
    // Every $ref in the document resolves.
    const refs = JSON.stringify(doc).match(/"\$ref":"([^"]+)"/g) ?? [];
    for (const raw of refs) {
      const pointer = raw.slice(8, -1).replace(/^#\//, '').split('/');
      let node: unknown = doc;
      for (const token of pointer) node = (node as Record<string, unknown>)?.[token];
      expect(node, raw).toBeDefined();
    }
  });
});
