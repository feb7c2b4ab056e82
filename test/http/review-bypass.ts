import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../engine/core/index.js';
import { createPrincipal, revokePrincipal } from '../../engine/services/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import type { InstallationFactory, TestInstallation } from '../support/installation.js';

/** Review that cannot be bypassed: editors never approve, drafts keep their department, admins cannot vanish. */
export function describeReviewBypass(name: string, open: InstallationFactory): void {
  describe(`review bypass on ${name}`, () => {
    let t: TestInstallation;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(async () => {
      await t.close();
    });

    it('refuses the approval of an admin who changed the content of an author’s draft', async () => {
      const config = itemConfig('BYPASS-1');
      expect((await request(t.app).put('/api/items/BYPASS-1/draft').set(t.as.author).send(config)).status).toBe(201);
      const edited = itemConfig('BYPASS-1');
      edited.standard.promisedTimeLimit.value = 1;
      const byAdmin = await request(t.app).put('/api/items/BYPASS-1/draft').set(t.as.admin).set('If-Match', '"1"').send(edited);
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.editors).toEqual(['author-zhang', 'admin-test']);
      // The author saves once more and submits: the admin's change is still part of the content.
      const again = await request(t.app).put('/api/items/BYPASS-1/draft').set(t.as.author).set('If-Match', '"2"').send(edited);
      expect(again.body.editors).toEqual(['author-zhang', 'admin-test']);
      expect((await request(t.app).post('/api/items/BYPASS-1/draft/submit').set(t.as.author)).status).toBe(200);

      const refused = await request(t.app).post('/api/items/BYPASS-1/draft/approve').set(t.as.admin).send({ comment: '同意' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
      expect(refused.body.error.message).toContain('修改过内容');
      expect(refused.body.error.details.editors).toContain('admin-test');
      expect((await request(t.app).get('/api/items/BYPASS-1/draft').set(t.as.admin)).body.status).toBe('submitted');

      const approved = await request(t.app).post('/api/items/BYPASS-1/draft/approve').set(t.as.reviewer).send({ comment: '同意' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', reviewedBy: 'reviewer-li', hash: contentHash(edited) });
    });

    it('refuses a draft without a department with 422 naming the field', async () => {
      const config = itemConfig('BYPASS-2');
      (config.standard.department as { name: string }).name = '  ';
      for (const who of ['admin', 'author'] as const) {
        const saved = await request(t.app).put('/api/items/BYPASS-2/draft').set(t.as[who]).send(config);
        expect(saved.status).toBe(422);
        expect(saved.body.error.details.problems).toEqual([expect.objectContaining({ pointer: '/standard/department/name', code: 'draft.department' })]);
      }
      expect((await request(t.app).get('/api/items/BYPASS-2').set(t.as.admin)).status).toBe(404);
    });

    it('lets no author of any department overwrite a draft stored without a department', async () => {
      const legacy = itemConfig('BYPASS-3');
      (legacy.standard.department as { name: string }).name = '';
      const at = new Date().toISOString();
      await t.store.upsertItem({ code: 'BYPASS-3', name: legacy.standard.name, department: '', createdAt: at });
      await t.store.createDraft({ code: 'BYPASS-3', baseVersion: null, status: 'editing', config: legacy, hash: contentHash(legacy), createdAt: at, createdBy: 'author-zhang', updatedAt: at, updatedBy: 'author-zhang' });

      const claim = itemConfig('BYPASS-3');
      (claim.standard.department as { name: string }).name = '内蒙古自治区民政厅';
      const refused = await request(t.app).put('/api/items/BYPASS-3/draft').set(t.as.otherAuthor).set('If-Match', '"1"').send(claim);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('未指定实施部门');
      expect((await request(t.app).post('/api/items/BYPASS-3/draft/submit').set(t.as.otherAuthor)).status).toBe(403);
      expect((await request(t.app).put('/api/items/BYPASS-3/draft').set(t.as.author).set('If-Match', '"1"').send(itemConfig('BYPASS-3'))).status).toBe(403);

      // The administrator gives it a department; from then on only that department's authors work on it.
      const fixed = await request(t.app).put('/api/items/BYPASS-3/draft').set(t.as.admin).set('If-Match', '"1"').send(itemConfig('BYPASS-3'));
      expect(fixed.status).toBe(200);
      expect((await request(t.app).put('/api/items/BYPASS-3/draft').set(t.as.otherAuthor).set('If-Match', '"2"').send(claim)).status).toBe(403);
      expect((await request(t.app).post('/api/items/BYPASS-3/draft/submit').set(t.as.author)).status).toBe(200);
    });

    it('keeps an administrator from revoking itself', async () => {
      const self = await request(t.app).delete('/api/principals/admin-test').set(t.as.admin);
      expect(self.status).toBe(403);
      expect(self.body.error.message).toContain('不能吊销自己');
      expect((await request(t.app).get('/api/principals').set(t.as.admin)).status).toBe(200);
    });

    it('never revokes the last active administrator, not even from racing revocations', async () => {
      const own = await open();
      try {
        const second = await createPrincipal({ store: own.store, input: { id: 'admin-second', name: '第二管理员', role: 'admin' }, actor: 'test-setup' });
        // Two administrators revoke each other at the same moment: exactly one of them stays.
        const outcomes = await Promise.allSettled([
          revokePrincipal({ store: own.store, id: 'admin-second', actor: 'admin-test' }),
          revokePrincipal({ store: own.store, id: 'admin-test', actor: 'admin-second' }),
        ]);
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
        const refusal = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
        expect(refusal.reason).toMatchObject({ status: 409, code: 'invalid_state' });
        expect((refusal.reason as Error).message).toContain('最后一名有效的管理员');
        const admins = (await own.store.listPrincipals()).filter((p) => p.role === 'admin' && p.revokedAt === null);
        expect(admins).toHaveLength(1);
        // Over HTTP the survivor cannot revoke itself, and the revoked one is signed out.
        const survivor = admins[0]!.id === 'admin-test' ? own.as.admin : { Authorization: `Bearer ${second.token}` };
        const gone = admins[0]!.id === 'admin-test' ? { Authorization: `Bearer ${second.token}` } : own.as.admin;
        expect((await request(own.app).delete(`/api/principals/${admins[0]!.id}`).set(survivor)).status).toBe(403);
        expect((await request(own.app).delete(`/api/principals/${admins[0]!.id}`).set(gone)).status).toBe(401);

        // From the CLI (another actor) the last one cannot be revoked either.
        await expect(revokePrincipal({ store: own.store, id: admins[0]!.id, actor: 'cli:ops' })).rejects.toMatchObject({ status: 409 });
        expect((await own.store.listPrincipals()).filter((p) => p.role === 'admin' && p.revokedAt === null)).toHaveLength(1);
        // Other principals are revoked as before.
        expect((await revokePrincipal({ store: own.store, id: 'reviewer-li', actor: 'cli:ops' })).revokedAt).not.toBeNull();
      } finally {
        await own.close();
      }
    });
  });
}
