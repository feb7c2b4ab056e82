import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { ValidationFailedError } from '../errors.js';
import type { ItemConfig, Rule } from '../config/types.js';
import { compileConfig } from './compiled-config.js';
import { evaluate, evaluateCompiled } from './evaluate.js';

const ADULT = '11010519491231002X';
const AGE_17 = '150102200803150027'; // born 2008-03-15
const CHILD = '150102201501010015';
const at = { division: '150102', channel: 'comprehensive-window' as const };
const form = (extra: Record<string, unknown> = {}) => ({ name: '王五', idNumber: ADULT, phone: '13912345678', employmentType: '个体经营', ...extra });

describe('evaluate', () => {
  it('without the explanation (a lean answer) decides exactly the same, in every outcome', async () => {
    const compiled = compileConfig(itemConfig(), { code: 'TEST-0001', version: 1, hash: 'a'.repeat(64) });
    const inputs = [
      { scenario: 'self', formData: form(), materials: ['id-card'], date: '2025-06-01' },
      { scenario: 'self', formData: form({ idNumber: AGE_17 }), materials: ['id-card'], date: '2025-06-01' },
      { scenario: 'self', formData: form({ idNumber: CHILD }), materials: [], date: '2025-06-01' },
      { scenario: 'agent', formData: { name: '王五' }, materials: [], date: '2025-06-01' },
    ];
    const outcomes = new Set<string>();
    for (const input of inputs) {
      const full = await evaluateCompiled(compiled, input, at);
      const lean = await evaluateCompiled(compiled, input, at, { explain: false });
      expect(full.explanation.length).toBeGreaterThan(0);
      expect(lean.explanation).toEqual([]);
      expect({ ...lean, explanation: full.explanation }).toEqual(full);
      outcomes.add(full.outcome);
    }
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it('accepts a complete application and names the version it used', async () => {
    const d = await evaluate(itemConfig(), { scenario: 'self', formData: form(), materials: ['id-card'], date: '2025-06-01' }, at, { version: 3 });
    expect(d.outcome).toBe('accept');
    expect(d.item).toMatchObject({ code: 'TEST-0001', version: 3 });
    expect(d.item.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(d.date).toBe('2025-06-01');
    expect(d.requiredMaterials.map((m) => m.id)).toEqual(['id-card']);
    expect(d.timeLimits.promised.value).toBe(5);
  });

  it('lists every missing material at once (one-time notice), and the scenario switches the list', async () => {
    const self = await evaluate(itemConfig(), { scenario: 'self', formData: form(), materials: [], date: '2025-06-01' }, at);
    expect(self.missingMaterials.map((m) => m.id)).toEqual(['id-card']);
    const agent = await evaluate(itemConfig(), { scenario: 'agent', formData: form(), materials: [], date: '2025-06-01' }, at);
    expect(agent.outcome).toBe('supplement');
    expect(agent.missingMaterials).toEqual([
      { id: 'id-card', name: '居民身份证', deferrable: false },
      { id: 'proxy-letter', name: '授权委托书', deferrable: false },
      { id: 'agent-id', name: '代理人身份证', deferrable: false },
    ]);
  });

  it('adds materials required by a requireMaterial event', async () => {
    const d = await evaluate(itemConfig(), { scenario: 'self', formData: form({ idNumber: AGE_17 }), materials: ['id-card'], date: '2025-06-01' }, at);
    expect(d.outcome).toBe('supplement');
    expect(d.missingMaterials.map((m) => m.id)).toEqual(['guardian-consent']);
    expect(d.requiredMaterials.find((m) => m.id === 'guardian-consent')?.because).toEqual({ rule: 'under-18-consent' });
    const later = await evaluate(itemConfig(), { scenario: 'self', formData: form({ idNumber: AGE_17 }), materials: ['id-card'], date: '2026-03-15' }, at);
    expect(later.outcome).toBe('accept');
  });

  it('lets reject beat supplement, with reason and legal basis', async () => {
    const d = await evaluate(itemConfig(), { scenario: 'agent', formData: form({ idNumber: CHILD, phone: 'bad' }), materials: [], date: '2025-06-01' }, at);
    expect(d.outcome).toBe('reject');
    expect(d.reasons.find((r) => r.type === 'reject')).toEqual({ rule: 'under-16', type: 'reject', message: expect.stringContaining('未满16周岁'), basis: '《中华人民共和国劳动法》第十五条' });
    expect(d.fieldErrors.map((e) => e.path)).toEqual(['/phone']);
    expect(d.missingMaterials.length).toBeGreaterThan(0);
  });

  it('reports field errors in Chinese, naming the field', async () => {
    const d = await evaluate(itemConfig(), { scenario: 'self', formData: { name: '王', idNumber: '110105194912310021', phone: '123' }, materials: ['id-card'], date: '2025-06-01' }, at);
    expect(d.outcome).toBe('supplement');
    expect(d.fieldErrors).toEqual([
      { path: '/name', keyword: 'minLength', message: '「姓名」至少应有 2 个字符' },
      { path: '/idNumber', keyword: 'format', message: '「身份证号码」不是有效的居民身份证号码' },
      { path: '/phone', keyword: 'format', message: '「手机号码」不是有效的手机号码' },
    ]);
  });

  it('never accepts when a rule cannot be decided for missing data, and names the field', async () => {
    const d = await evaluate(itemConfig(), { scenario: 'self', formData: { name: '王五', phone: '13912345678' }, materials: ['id-card'], date: '2025-06-01' }, at);
    expect(d.outcome).toBe('supplement');
    const undecided = d.reasons.filter((r) => r.type === 'undecided');
    expect(undecided.map((r) => r.rule)).toEqual(['under-16', 'under-18-consent']);
    expect(undecided[0]?.message).toContain('「身份证号码」');
    expect(d.explanation.find((t) => t.rule === 'under-16')).toMatchObject({ fired: false, undecidable: true, conditions: [{ fact: 'idNumber', held: 'unknown' }] });
  });

  it('decides a rule whose other branch settles it, and honours optional conditions', async () => {
    const config = itemConfig();
    // any(platformName filled, employmentType = 个体经营): the second branch decides even without platformName.
    config.rules.push({
      name: 'either', conditions: { any: [{ fact: 'platformName', operator: 'equal', value: 'X' }, { fact: 'employmentType', operator: 'equal', value: '个体经营' }] },
      event: { type: 'supplement', params: { message: 'either fired' } },
    });
    const decided = await evaluate(config, { scenario: 'self', formData: form(), materials: ['id-card'], date: '2025-06-01' }, at);
    expect(decided.reasons).toEqual([{ rule: 'either', type: 'supplement', message: 'either fired' }]);

    const strict = itemConfig();
    const leaf = { fact: 'residence', operator: 'divisionNotWithin', value: '150000' };
    strict.rules.push({ name: 'outside-region', conditions: { all: [leaf] }, event: { type: 'reject', params: { message: '非本区居民' } } });
    const unknown = await evaluate(strict, { scenario: 'self', formData: form(), materials: ['id-card'], date: '2025-06-01' }, at);
    expect(unknown.outcome).toBe('supplement');
    const optional = itemConfig();
    optional.rules.push({ name: 'outside-region', conditions: { all: [{ ...leaf, optional: true }] }, event: { type: 'reject', params: { message: '非本区居民' } } });
    const absent = await evaluate(optional, { scenario: 'self', formData: form(), materials: ['id-card'], date: '2025-06-01' }, at);
    expect(absent.outcome).toBe('accept');
    const outside = await evaluate(optional, { scenario: 'self', formData: form({ residence: '110105' }), materials: ['id-card'], date: '2025-06-01' }, at);
    expect(outside.outcome).toBe('reject');
  });

  it('redirects a comprehensive window to the police station for a police-station item', async () => {
    const config = itemConfig();
    config.standard.channel = 'police-station';
    const d = await evaluate(config, { scenario: 'self', formData: form(), materials: ['id-card'], date: '2025-06-01' }, at);
    expect(d.outcome).toBe('redirect');
    expect(d.redirect).toEqual({ channel: 'police-station', where: '户籍地或居住地公安派出所' });
    const atStation = await evaluate(config, { scenario: 'self', formData: form(), materials: ['id-card'], date: '2025-06-01' }, { ...at, channel: 'police-station' });
    expect(atStation.outcome).toBe('accept');
  });

  it('is deterministic: same version, input and date give the same decision anywhere', async () => {
    const compiled = compileConfig(itemConfig(), { version: 1 });
    const input = { scenario: 'agent', formData: form({ idNumber: AGE_17 }), materials: ['id-card'], date: '2025-06-01' };
    const a = await evaluateCompiled(compiled, input, { division: '150102', channel: 'comprehensive-window' });
    const b = await evaluateCompiled(compileConfig(itemConfig(), { version: 1 }), input, { division: '152921', channel: 'comprehensive-window' });
    expect({ ...b, division: a.division }).toEqual(a);
  });

  it('stays correct under concurrent evaluations on one compiled config', async () => {
    const compiled = compileConfig(itemConfig(), { version: 1 });
    const inputs = Array.from({ length: 60 }, (_, i) => ({ scenario: 'self', formData: form({ idNumber: [ADULT, AGE_17, CHILD][i % 3] }), materials: ['id-card'], date: '2025-06-01' }));
    const decisions = await Promise.all(inputs.map((input) => evaluateCompiled(compiled, input, at)));
    expect(decisions.map((d) => d.outcome)).toEqual(inputs.map((_, i) => ['accept', 'supplement', 'reject'][i % 3]));
  });

  it('refuses input that names an unknown scenario or material, naming the field', async () => {
    const attempt = evaluate(itemConfig(), { scenario: 'nope', formData: {}, materials: ['ghost'], date: '2025-02-30' }, at);
    await expect(attempt).rejects.toBeInstanceOf(ValidationFailedError);
    await attempt.catch((error: ValidationFailedError) => {
      expect(error.problems.map((p) => p.pointer)).toEqual(['/scenario', '/materials/0', '/date']);
    });
  });

  it('cannot be stalled by a catastrophic-backtracking pattern (patterns run on a linear-time engine)', async () => {
    const config: ItemConfig = itemConfig();
    (config.form.schema.properties as Record<string, Record<string, unknown>>).name!.pattern = '^(a+)+$';
    (config.form.schema.properties as Record<string, Record<string, unknown>>).name!.maxLength = 100_000;
    const d = await evaluate(config, { scenario: 'self', formData: form({ name: 'a'.repeat(50_000) + '!' }), materials: ['id-card'], date: '2025-06-01' }, at);
    expect(d.fieldErrors).toEqual([expect.objectContaining({ path: '/name', keyword: 'pattern' })]);
  });

  it('ignores rules switched off in the draft', async () => {
    const config = itemConfig();
    (config.rules[0] as Rule).enabled = false;
    const d = await evaluate(config, { scenario: 'self', formData: form({ idNumber: CHILD }), materials: ['id-card'], date: '2025-06-01' }, at);
    expect(d.outcome).toBe('accept');
  });
});

describe('容缺受理 (accept-on-commitment)', () => {
  /** The fixture with 授权委托书 as 容缺后补 and the item on the 容缺受理事项清单. */
  function deferring(allowed = true): ItemConfig {
    const config = itemConfig();
    const letter = config.standard.materials.find((m) => m.id === 'proxy-letter')!;
    letter.necessity = { code: '3', label: '容缺后补' };
    config.standard.deferredAcceptance = { allowed, basis: '某盟市容缺受理事项清单', consequence: '终止办理' };
    return config;
  }
  const agent = (extra: Record<string, unknown> = {}) => ({ scenario: 'agent', formData: form(), materials: ['id-card', 'agent-id'], date: '2025-06-01', ...extra });

  it('accepts on commitment when every missing material is 容缺后补 and all else is in order', async () => {
    const d = await evaluate(deferring(), agent(), at);
    expect(d.outcome).toBe('accept-on-commitment');
    expect(d.missingMaterials).toEqual([{ id: 'proxy-letter', name: '授权委托书', deferrable: true }]);
    expect(d.deferredAcceptance).toEqual({
      granted: true, message: '所缺「授权委托书」为容缺后补材料，申请人书面承诺限期补齐后予以容缺受理',
      materials: [{ id: 'proxy-letter', name: '授权委托书' }], consequence: '终止办理', basis: '某盟市容缺受理事项清单',
    });
  });

  it('is never granted on an item the standard does not list (or lists as not allowed): 需补正, with no 容缺 block', async () => {
    const unlisted = itemConfig();
    unlisted.standard.materials.find((m) => m.id === 'proxy-letter')!.necessity = { code: '3', label: '容缺后补' };
    for (const config of [unlisted, deferring(false)]) {
      const d = await evaluate(config, agent(), at);
      expect(d.outcome).toBe('supplement');
      expect(d.missingMaterials[0]?.deferrable).toBe(true);
      expect(d).not.toHaveProperty('deferredAcceptance');
    }
  });

  it('refuses 容缺 to an applicant marked 失信 at intake', async () => {
    const d = await evaluate(deferring(), agent({ creditBlacklisted: true }), at);
    expect(d.outcome).toBe('supplement');
    expect(d.deferredAcceptance).toMatchObject({ granted: false, refusal: 'credit', materials: [{ id: 'proxy-letter', name: '授权委托书' }] });
    expect(d.deferredAcceptance?.message).toContain('失信');
  });

  it('refuses 容缺 when a missing material may not follow, or something else needs correcting', async () => {
    const both = await evaluate(deferring(), agent({ materials: ['id-card'] }), at);
    expect(both.outcome).toBe('supplement');
    expect(both.deferredAcceptance).toMatchObject({ granted: false, refusal: 'not-deferrable' });
    expect(both.deferredAcceptance?.message).toBe('所缺「代理人身份证」不属于容缺后补材料，不适用容缺受理');
    const badPhone = await evaluate(deferring(), agent({ formData: form({ phone: '123' }) }), at);
    expect(badPhone.fieldErrors.length).toBeGreaterThan(0);
    expect(badPhone.outcome).toBe('supplement');
    expect(badPhone.deferredAcceptance).toMatchObject({ granted: false, refusal: 'other-problems' });
  });

  it('lets 不予受理 win, and accepts a complete application whatever the 失信 mark (容缺 does not arise)', async () => {
    const child = await evaluate(deferring(), agent({ formData: form({ name: '小明', idNumber: CHILD }) }), at);
    expect(child.outcome).toBe('reject');
    expect(child).not.toHaveProperty('deferredAcceptance');
    const complete = await evaluate(deferring(), agent({ materials: ['id-card', 'agent-id', 'proxy-letter'], creditBlacklisted: true }), at);
    expect(complete.outcome).toBe('accept');
    expect(complete).not.toHaveProperty('deferredAcceptance');
  });

  it('refuses a 失信 mark that is not true or false, naming the field', async () => {
    await expect(evaluate(deferring(), agent({ creditBlacklisted: 'yes' }), at)).rejects.toSatisfy(
      (e: unknown) => e instanceof ValidationFailedError && e.problems.some((p) => p.pointer === '/creditBlacklisted'),
    );
  });
});
