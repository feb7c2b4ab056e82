import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';

/** Validation reports every problem at once with its place in the designer; submitting is gated on rule coverage. */
describe('draft checks over HTTP', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation({ bodyLimit: 256 * 1024 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports a missing 审查要点 and a wrong 通办范围 label in one answer, each with its tab and section', async () => {
    const config = itemConfig('CHECK-1') as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    delete config.standard.reviewPoints;
    config.standard.scope.label = '全盟市通办';
    config.rules[1].conditions.all[0].fact = 'ghost';
    const check = await request(t.app).post('/api/validate').set(t.as.author).send(config);
    expect(check.status).toBe(200);
    expect(check.body.valid).toBe(false);
    expect(check.body.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ pointer: '/standard/reviewPoints', message: '请填写「审查要点」', location: { tab: 'standard', tabLabel: '事项标准', section: '「审查要点」' } }),
      expect.objectContaining({ pointer: '/standard/scope/label', code: 'standard.label-mismatch', location: expect.objectContaining({ tab: 'standard' }) }),
      expect.objectContaining({ pointer: '/rules/1/conditions/all/0/fact', code: 'rule.unknown-fact', location: expect.objectContaining({ tab: 'rules', section: '规则「16至18周岁需监护人同意书」 · 条件' }) }),
    ]));
    // The examples still run beside the problems, each with its per-condition trace.
    expect(check.body.examples.results[2].trace[0]).toMatchObject({ rule: 'under-16', fired: true, conditions: [{ fact: 'idNumber', held: true, age: 10 }] });
  });

  it('refuses to submit while an enabled rule is fired by no example, naming the rule in Chinese', async () => {
    const config = itemConfig('CHECK-2');
    config.rules[2]!.title = '新就业形态须填写平台名称';
    config.examples = config.examples.filter((e) => e.name !== '新就业形态未填平台名称');
    const put = await request(t.app).put('/api/items/CHECK-2/draft').set(t.as.author).send(config);
    expect(put.status).toBe(201);
    const check = await request(t.app).post('/api/items/CHECK-2/draft/validate').set(t.as.author);
    expect(check.body).toMatchObject({ valid: true, coverage: [expect.objectContaining({ pointer: '/rules/2', code: 'rule.not-covered' })] });
    const submit = await request(t.app).post('/api/items/CHECK-2/draft/submit').set(t.as.author);
    expect(submit.status).toBe(422);
    expect(submit.body.error.code).toBe('validation_failed');
    expect(submit.body.error.message).toBe('规则「新就业形态须填写平台名称」没有任何测试样例触发，不能提交审核；请为每条启用的规则添加触发它的样例');
    expect(submit.body.error.details.problems).toEqual([expect.objectContaining({ pointer: '/rules/2', location: expect.objectContaining({ tab: 'rules', tabLabel: '受理规则' }) })]);
    expect((await request(t.app).get('/api/items/CHECK-2/draft').set(t.as.author)).body.status).toBe('editing');

    // A disabled rule needs no example; with every enabled rule covered the draft goes to review.
    const current = await request(t.app).get('/api/items/CHECK-2/draft').set(t.as.author);
    config.rules[2]!.enabled = false;
    const saved = await request(t.app).put('/api/items/CHECK-2/draft').set(t.as.author).set('If-Match', current.headers.etag as string).send(config);
    expect(saved.status).toBe(200);
    const accepted = await request(t.app).post('/api/items/CHECK-2/draft/submit').set(t.as.author);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('submitted');
  });
});
