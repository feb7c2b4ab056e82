/**
 * A runtime keeps the principals it has seen between store changes (engine/http-kit/bearer-auth.ts) rather
 * than reading the store on every request, and a revocation still stops the token at once: the revoking
 * write (by the designer's connection) changes the store's change marker. Real SQLite, real runtime app.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../engine/http-kit/index.js';
import { generateBearerToken, tokenHash } from '../../engine/services/principals/bearer-token.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { openClaimedRuntime } from './runtime-api.js';

const PATH = '/api/runtime/150102/items/RT-1/evaluate';
const application = { scenario: 'self', formData: { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employmentType: '个体经营' }, materials: ['id-card'], date: '2025-06-01' };

describe('principals cached by the runtime between store changes', () => {
  let t: TestInstallation;
  let app: ReturnType<typeof createRuntimeApp>;
  let reads = 0;
  beforeAll(async () => {
    t = await openClaimedRuntime(sqliteInstallation);
    const reader = t.reader;
    // The same reader, counted: how often the store is asked for a principal.
    const counted = new Proxy(reader, {
      get(target, property) {
        if (property === 'findPrincipalByTokenHash') {
          return (hash: string) => {
            reads += 1;
            return target.findPrincipalByTokenHash(hash);
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    app = createRuntimeApp({ reader: counted, decisionLog: t.decisionLog, logger: createLogger(() => {}) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads a principal once while nothing changes, then stops a revoked token on the very next request', async () => {
    const token = generateBearerToken();
    await t.store.createPrincipal({ id: 'operator-cache', name: '缓存窗口', role: 'operator', department: null, division: '150102', tokenHash: tokenHash(token), createdAt: '2026-12-02T00:00:00.000Z', createdBy: 'admin-test', revokedAt: null, revokedBy: null });
    const bearer = { Authorization: `Bearer ${token}` };
    const before = reads;
    for (let i = 0; i < 5; i++) expect((await request(app).post(PATH).set(bearer).send(application)).status).toBe(200);
    expect(reads - before).toBe(1);

    await t.store.revokePrincipal('operator-cache', '2026-12-02T00:01:00.000Z', 'admin-test');
    const after = await request(app).post(PATH).set(bearer).send(application);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
    expect(reads - before).toBe(2);
  });

  it('keeps an unknown token unknown on every request (a miss is never cached as a principal)', async () => {
    const bearer = { Authorization: `Bearer ${generateBearerToken()}` };
    for (let i = 0; i < 2; i++) expect((await request(app).post(PATH).set(bearer).send(application)).status).toBe(401);
  });
});
