import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ItemConfig } from '../config/types.js';
import { compileConfig, evaluateCompiled } from '../decision/index.js';
import { conditionalBranch } from '../form/index.js';
import { buildServiceGuide } from '../guide/index.js';
import { uiText } from './index.js';
import { localizedDecision } from './localized-decision.js';

const sample = (file: string) => JSON.parse(readFileSync(new URL(`../../../standards/items/${file}.json`, import.meta.url), 'utf8')) as ItemConfig;
const MN = (config: ItemConfig) => config.translations?.['mn-Mong'] ?? {};
const applicant = { applicantName: '张三', applicantIdNumber: '11010519491231002X', phone: '13800138000', purpose: '就业' };
const station = { division: '150102', channel: 'police-station' };
const window = { division: '150102', channel: 'comprehensive-window' };

describe('a decision in traditional Mongolian', () => {
  it('says a rule’s refusal, its basis and the outcome in the item’s own Mongolian', async () => {
    const config = sample('police-no-criminal-record');
    const decision = await evaluateCompiled(compileConfig(config), { scenario: 'in-person', formData: { ...applicant, residenceDivision: '110105' }, materials: [] }, station);
    expect(decision.outcome).toBe('reject');
    const mn = localizedDecision(config, decision, 'mn-Mong');
    expect(mn.outcome).toEqual({ text: 'ᠬᠦᠪᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ', lang: 'mn-Mong' });
    const refusal = mn.reasons.find((r) => r.rule === 'residence-outside-region');
    expect(refusal?.message).toEqual({ text: MN(config)['rules.residence-outside-region.message'], lang: 'mn-Mong' });
    expect(refusal?.basis).toEqual({ text: MN(config)['rules.residence-outside-region.basis'], lang: 'mn-Mong' });
    expect(mn.scenario).toEqual({ text: MN(config)['standard.scenarios.in-person.name'], lang: 'mn-Mong' });
  });

  it('names every missing material in Mongolian, keeping the ids and whether each may follow', async () => {
    const config = sample('police-no-criminal-record');
    const decision = await evaluateCompiled(compileConfig(config), { scenario: 'in-person', formData: { ...applicant, residenceDivision: '150102' }, materials: [] }, station);
    expect(decision.missingMaterials.length).toBeGreaterThan(0);
    const mn = localizedDecision(config, decision, 'mn-Mong');
    expect(mn.missingMaterials.map((m) => m.id)).toEqual(decision.missingMaterials.map((m) => m.id));
    expect(mn.missingMaterials.map((m) => m.deferrable)).toEqual(decision.missingMaterials.map((m) => m.deferrable));
    expect(mn.missingMaterials.map((m) => m.name)).toEqual(decision.missingMaterials.map((m) => ({ text: MN(config)[`standard.materials.${m.id}.name`], lang: 'mn-Mong' })));
    expect(mn.timeLimits.promised.lang).toBe('mn-Mong');
    expect(mn.timeLimits.promised.text).toContain(String(decision.timeLimits.promised.value));
  });

  it('keeps an engine-worded message (an undecided rule asking for fields) in Chinese, marked so, instead of the rule’s other text', async () => {
    const config = sample('police-no-criminal-record');
    const decision = await evaluateCompiled(compileConfig(config), { scenario: 'in-person', formData: { ...applicant, purpose: '其他' }, materials: [] }, station);
    const undecided = decision.reasons.filter((r) => r.type === 'undecided');
    expect(undecided.length).toBeGreaterThan(0);
    const mn = localizedDecision(config, decision, 'mn-Mong');
    for (const r of undecided) expect(mn.reasons.find((x) => x.rule === r.rule && x.type === 'undecided')?.message).toEqual({ text: r.message, lang: 'zh-CN' });
  });

  it('falls back to the Chinese, marked zh-CN, where the item has no Mongolian yet', async () => {
    const config = sample('police-no-criminal-record');
    delete config.translations;
    const decision = await evaluateCompiled(compileConfig(config), { scenario: 'in-person', formData: { ...applicant, residenceDivision: '110105' }, materials: [] }, station);
    const mn = localizedDecision(config, decision, 'mn-Mong');
    expect(mn.reasons.find((r) => r.rule === 'residence-outside-region')?.message).toEqual({ text: decision.reasons.find((r) => r.rule === 'residence-outside-region')?.message, lang: 'zh-CN' });
    expect(mn.missingMaterials.every((m) => m.name.lang === 'zh-CN')).toBe(true);
  });
});

describe('a redirect in traditional Mongolian', () => {
  it('sends the applicant to the item’s own place, named in Mongolian', async () => {
    const config = sample('police-no-criminal-record');
    const decision = await evaluateCompiled(compileConfig(config), { scenario: 'in-person', formData: applicant, materials: [] }, window);
    expect(decision.outcome).toBe('redirect');
    const mn = localizedDecision(config, decision, 'mn-Mong');
    expect(mn.redirect).toEqual({ text: MN(config)['standard.channelNote'], lang: 'mn-Mong' });
    expect(mn.reasons).toEqual([{ rule: 'channel', type: 'redirect', message: { text: uiText('decision.redirect', 'mn-Mong', { where: MN(config)['standard.channelNote'] ?? '' }), lang: 'mn-Mong' } }]);
  });
});

describe('the Mongolian guide’s 申请表填写说明', () => {
  it('says each conditional field in Mongolian, with the fields’ and options’ Mongolian texts', () => {
    const config = sample('police-no-criminal-record');
    config.form.schema.allOf = [conditionalBranch({ name: 'purposeDetail', effect: 'require', when: { field: 'purpose', operator: 'equal', value: '其他' } })];
    const guide = buildServiceGuide(config, { version: 1, hash: 'h' });
    expect(guide.sections.find((s) => s.key === 'formConditions')?.items).toEqual(['当「证明用途」为「其他」时需填写「其他用途说明」']);
    const mn = guide.translations?.['mn-Mong']?.sections.find((s) => s.key === 'formConditions');
    expect(mn?.title).toBe(uiText('guide.section.formConditions', 'mn-Mong'));
    const t = MN(config);
    expect(mn?.items).toEqual([uiText('form.condition.require', 'mn-Mong', {
      when: uiText('form.condition.is', 'mn-Mong', { field: `「${t['form.purpose.title']}」`, value: `「${t['form.purpose.enum[其他]']}」` }),
      name: `「${t['form.purposeDetail.title']}」`,
    })]);
    expect(mn?.items?.join('')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
