import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, TEST_PRINCIPALS, type TestInstallation, type TestPrincipal } from '../support/installation.js';
import { mountedRoutes } from '../support/mounted-routes.js';
import { publishThroughApi } from './designer-api.js';

const ALL: readonly Role[] = ROLES;
const PUBLIC = 'public' as const;

/**
 * Who may call every route. A route mounted without a row here fails the suite, so no route can
 * be added without deciding its access.
 */
const EXPECTED: Record<string, readonly Role[] | typeof PUBLIC> = {
  'get /api/health': PUBLIC,
  'get /api/openapi.json': PUBLIC,
  'get /api/divisions': PUBLIC,
  'get /api/enumerations': PUBLIC,
  'get /api/operators': PUBLIC,
  'get /api/calendar': PUBLIC,
  'get /api/calendar/working-days': PUBLIC,
  'get /api/calendar/:year': PUBLIC,
  'get /api/calendar/years': ALL,
  'get /api/calendar/coverage': ALL,
  'put /api/calendar/:year': ['admin'],
  'post /api/divisions/stations': ['admin'],
  'get /api/items': ALL,
  'get /api/items/:code': ALL,
  'get /api/items/:code/draft': ALL,
  'put /api/items/:code/draft': ['admin', 'author'],
  'delete /api/items/:code/draft': ['admin', 'author'],
  'post /api/items/:code/draft/validate': ALL,
  'post /api/items/:code/draft/submit': ['admin', 'author'],
  'post /api/items/:code/draft/approve': ['admin', 'reviewer'],
  'post /api/items/:code/draft/return': ['admin', 'reviewer'],
  'post /api/items/:code/publish': ['admin', 'author'],
  'post /api/items/:code/withdraw': ['admin', 'author'],
  'get /api/items/:code/versions': ALL,
  'get /api/items/:code/versions/:version': ALL,
  'get /api/items/:code/diff': ALL,
  'get /api/items/:code/description': ALL,
  'post /api/validate': ALL,
  'get /api/audit': ['admin', 'auditor', 'reviewer'],
  'get /api/audit/verify': ['admin', 'auditor', 'reviewer'],
  'get /api/catalogue/export': ALL,
  'post /api/catalogue/import': ['admin'],
  'post /api/catalogue/import-csv': ['admin'],
  'get /api/catalogue/data-needs': ALL,
  'post /api/session': PUBLIC,
  'delete /api/session': PUBLIC,
  'get /api/me': PUBLIC,
  'get /api/people': ALL,
  'get /api/principals': ['admin'],
  'post /api/principals': ['admin'],
  'delete /api/principals/:id': ['admin'],
  'get /api/localities/:division/claims': ALL,
  'put /api/localities/:division/claims/:code': ['admin', 'operator'],
  'delete /api/localities/:division/claims/:code': ['admin', 'operator'],
  'get /api/campaign': ALL,
  'put /api/campaign': ['admin'],
  'put /api/campaign/batches': ['admin'],
  'get /api/reports/progress': ['admin', 'auditor', 'reviewer'],
  'get /api/reports/adoption': ['admin', 'auditor', 'reviewer'],
  'get /api/lists/:kind': ALL,
  'put /api/lists/:kind/:id': ['admin', 'author'],
  'delete /api/lists/:kind/:id': ['admin', 'author'],
  'get /api/reports/periods/:period': ['admin', 'auditor', 'reviewer'],
  'get /api/reports/periods/:period/snapshots': ['admin', 'auditor', 'reviewer'],
  'post /api/reports/periods/:period/snapshots': ['admin'],
  'post /api/templates': ['admin', 'author'],
  'get /api/templates/:hash': PUBLIC,
  'get /api/decisions': ['admin', 'auditor', 'reviewer'],
  'post /api/audit/replay': ['admin', 'auditor', 'reviewer'],
  'post /api/items/:code/impact': ['admin', 'auditor', 'reviewer'],
  'get /api/runtime/:division/items': PUBLIC,
  'get /api/runtime/:division/items/:code': PUBLIC,
  'get /api/runtime/:division/items/:code/guide': PUBLIC,
  'post /api/runtime/:division/items/:code/evaluate': PUBLIC,
  'post /api/runtime/:division/intakes': ['admin', 'operator'],
  'get /api/runtime/:division/intakes': ['admin', 'operator'],
  'get /api/runtime/:division/intakes/:caseNumber': ['admin', 'operator'],
  'post /api/runtime/:division/intakes/:caseNumber/attachments': ['admin', 'operator'],
  'get /api/runtime/:division/intakes/:caseNumber/attachments/:id': ['admin', 'operator'],
  'get /api/runtime/:division/intakes/:caseNumber/documents/:kind': ['admin', 'operator'],
  'get /api/cases': ['admin', 'auditor', 'reviewer', 'operator', 'handler'],
  'get /api/cases/overdue-report': ['admin', 'auditor', 'reviewer', 'operator'],
  'get /api/cases/verify': ['admin', 'auditor'],
  'get /api/cases/:caseNumber': ['admin', 'auditor', 'reviewer', 'operator', 'handler'],
  'post /api/cases/:caseNumber/events': ['operator', 'handler'],
  'get /api/public/cases/:caseNumber': PUBLIC,
};

const PRINCIPAL_OF: Record<Role, TestPrincipal> = { admin: 'admin', author: 'author', reviewer: 'reviewer', operator: 'operator', auditor: 'auditor', handler: 'handler' };

const BODIES: Record<string, unknown> = {
  'put /api/items/:code/draft': itemConfig('ACL-1'),
  'post /api/items/:code/draft/approve': { comment: '同意' },
  'post /api/items/:code/draft/return': { comment: '请修改' },
  'post /api/items/:code/publish': { reason: 'r', legalBasis: 'b' },
  'post /api/items/:code/withdraw': { reason: 'r' },
  'post /api/validate': itemConfig('ACL-1'),
  'post /api/catalogue/import': { format: 'tongban-bundle' },
  'post /api/catalogue/import-csv': { csv: '序号,事项名称\r\n' },
  'post /api/principals': { name: '临时', role: 'auditor' },
  'put /api/localities/:division/claims/:code': { follow: 'latest' },
  'put /api/campaign': { name: '认领', deadline: '2030-01-01' },
  'put /api/campaign/batches': { batches: [] },
  'post /api/divisions/stations': { code: '150102004', name: '测试服务站' },
  'put /api/calendar/:year': { year: 2026 },
  'post /api/audit/replay': { id: 'D0000000000000000000000000' },
  'post /api/runtime/:division/items/:code/evaluate': { scenario: 'self' },
  'post /api/runtime/:division/intakes': { code: 'ACL-1', scenario: 'self' },
  'post /api/cases/:caseNumber/events': { type: 'receive' },
};

function concrete(path: string): string {
  return path.replace(':code', 'ACL-1').replace(':division', '150102').replace(':version', '1').replace(':id', 'nobody-here')
    .replace(':caseNumber', 'TB15010220250101-000001').replace(':kind', 'acceptance-notice').replace(':year', '2026');
}

describe('access control: every route × every role', () => {
  let t: TestInstallation;
  let mounted: string[];
  beforeAll(async () => {
    t = await sqliteInstallation();
    await publishThroughApi(t, itemConfig('ACL-1'));
    mounted = mountedRoutes(t.app);
  });
  afterAll(async () => t.close());

  it('has decided the access of every mounted route', () => {
    expect(mounted.filter((route) => !(route in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((route) => !mounted.includes(route))).toEqual([]);
  });

  it('answers 401 without a token, with a malformed one and with an unknown one, on every non-public route', async () => {
    for (const [route, access] of Object.entries(EXPECTED)) {
      const [method, path] = route.split(' ') as ['get' | 'put' | 'post' | 'delete', string];
      for (const auth of [undefined, 'Bearer nonsense', `Bearer tb_${'A'.repeat(43)}`]) {
        const req = request(t.app)[method](concrete(path));
        if (auth) req.set('Authorization', auth);
        const res = await (BODIES[route] ? req.send(BODIES[route] as object) : req);
        if (access === PUBLIC) {
          if (auth) expect(res.status, `${route} with ${auth}`).toBe(401);
          else expect(res.status, route).not.toBe(401);
        } else {
          expect(res.status, `${route} with ${auth ?? 'no token'}`).toBe(401);
          expect(res.body.error.code).toBe('unauthorized');
        }
      }
    }
  });

  it('answers 403 to every role the route does not admit, and lets every admitted role through', async () => {
    const outcomes: string[] = [];
    for (const [route, access] of Object.entries(EXPECTED)) {
      if (access === PUBLIC) continue;
      const [method, path] = route.split(' ') as ['get' | 'put' | 'post' | 'delete', string];
      for (const role of ROLES) {
        const req = request(t.app)[method](concrete(path)).set(t.as[PRINCIPAL_OF[role]]);
        const res = await (BODIES[route] ? req.send(BODIES[route] as object) : req);
        const roleDenied = res.status === 403 && Array.isArray(res.body?.error?.details?.allowed);
        const admitted = access.includes(role);
        if (admitted === roleDenied || res.status === 401) outcomes.push(`${route} as ${role}: ${res.status} ${JSON.stringify(res.body?.error ?? '')}`);
      }
    }
    expect(outcomes).toEqual([]);
  });
});

describe('access control: scopes and the review workflow', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
  });
  afterAll(async () => t.close());

  it('keeps an author to the items of their own department', async () => {
    const own = await request(t.app).put('/api/items/SCOPE-1/draft').set(t.as.author).send(itemConfig('SCOPE-1'));
    expect(own.status).toBe(201);
    const intruder = await request(t.app).put('/api/items/SCOPE-1/draft').set(t.as.otherAuthor).set('If-Match', '"1"').send(itemConfig('SCOPE-1'));
    expect(intruder.status).toBe(403);
    expect(intruder.body.error.details).toMatchObject({ department: '内蒙古自治区民政厅', itemDepartment: '内蒙古自治区人力资源和社会保障厅' });
    expect((await request(t.app).post('/api/items/SCOPE-1/draft/submit').set(t.as.otherAuthor)).status).toBe(403);
    const foreign = itemConfig('SCOPE-2');
    const claimedOther = await request(t.app).put('/api/items/SCOPE-2/draft').set(t.as.author).send({ ...foreign, standard: { ...foreign.standard, department: { name: '内蒙古自治区民政厅' } } });
    expect(claimedOther.status).toBe(403);
    expect((await request(t.app).get('/api/items/SCOPE-1/draft').set(t.as.otherAuthor)).status).toBe(200);
  });

  it('cannot skip review, and an author cannot approve their own draft', async () => {
    await request(t.app).put('/api/items/REV-1/draft').set(t.as.author).send(itemConfig('REV-1'));
    expect((await request(t.app).post('/api/items/REV-1/publish').set(t.as.author).send({ reason: 'r', legalBasis: 'b' })).body.error.code).toBe('invalid_state');
    expect((await request(t.app).post('/api/items/REV-1/draft/approve').set(t.as.author)).status).toBe(403);
    await request(t.app).post('/api/items/REV-1/draft/submit').set(t.as.admin);
    const selfApproval = await request(t.app).post('/api/items/REV-1/draft/approve').set(t.as.admin);
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.error.message).toContain('不能审核通过自己');
    expect((await request(t.app).post('/api/items/REV-1/publish').set(t.as.author).send({ reason: 'r', legalBasis: 'b' })).status).toBe(409);
    expect((await request(t.app).post('/api/items/REV-1/draft/approve').set(t.as.reviewer)).status).toBe(200);
    expect((await request(t.app).post('/api/items/REV-1/publish').set(t.as.author).send({ reason: 'r', legalBasis: 'b' })).status).toBe(201);
    const actions = (await request(t.app).get('/api/audit?code=REV-1').set(t.as.auditor)).body.events.map((e: { action: string; actor: string }) => `${e.action}:${e.actor}`);
    expect(actions).toEqual(['draft.created:author-zhang', 'draft.submitted:admin-test', 'draft.approved:reviewer-li', 'version.published:author-zhang']);
  });

  it('revokes a token at once', async () => {
    const created = await request(t.app).post('/api/principals').set(t.as.admin).send({ name: '临时审计', role: 'auditor' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^tb_/);
    const bearer = { Authorization: `Bearer ${created.body.token}` };
    expect((await request(t.app).get('/api/items').set(bearer)).status).toBe(200);
    expect((await request(t.app).delete(`/api/principals/${created.body.principal.id}`).set(t.as.admin)).body.revokedBy).toBe('admin-test');
    const after = await request(t.app).get('/api/items').set(bearer);
    expect(after.status).toBe(401);
    expect(after.body.error.message).toContain('吊销');
    const listed = (await request(t.app).get('/api/principals').set(t.as.admin)).body.principals;
    expect(listed.every((p: Record<string, unknown>) => !('tokenHash' in p) && !('token' in p))).toBe(true);
    const bad = await request(t.app).post('/api/principals').set(t.as.admin).send({ name: '窗口', role: 'operator', division: '999999' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems[0].pointer).toBe('/division');
    expect(Object.keys(TEST_PRINCIPALS).length).toBeGreaterThan(5);
  });
});
