import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { mountedRoutes } from '../support/mounted-routes.js';
import { publishThroughApi } from './designer-api.js';

/** Bodies a careless or hostile client might send, as raw JSON text. */
const BODIES = ['null', '[]', '"text"', '42', 'true', '{}', '{"code":{"$gt":""}}', '{"scenario":[],"formData":"x","materials":{}}', JSON.stringify({ a: { b: { c: { d: [1, { e: null }] } } } }), JSON.stringify(itemConfig('JUNK-1'))];
const PARAMS = ['ACL-1', 'x', '..%2F..', '%E4%B8%AD%E6%96%87', 'A'.repeat(300), '0', '-1', '1e9', '150102', '999999999999'];

describe('no input makes the server answer 500', () => {
  let t: TestInstallation;
  let routes: string[];
  beforeAll(async () => {
    t = await sqliteInstallation();
    await publishThroughApi(t, itemConfig('ACL-1'));
    routes = mountedRoutes(t.app);
  });
  afterAll(async () => t.close());

  it('answers every route, with odd parameters and odd bodies, without a 5xx', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ') as ['get' | 'put' | 'post' | 'delete', string];
      for (const param of PARAMS) {
        const url = path.replace(/:[A-Za-z_]\w*/g, param);
        const bodies = method === 'get' || method === 'delete' ? [undefined] : BODIES;
        for (const body of bodies) {
          let req = request(t.app)[method](url).set(t.as.admin);
          if (body !== undefined) req = req.set('Content-Type', 'application/json').send(body);
          const res = await req;
          if (res.status >= 500) failures.push(`${method.toUpperCase()} ${url} ${body ?? ''} → ${res.status} ${JSON.stringify(res.body)}`);
          else if (res.status >= 400) expect(res.body.error?.code, `${method} ${url}`).toEqual(expect.any(String));
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
