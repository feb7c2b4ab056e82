import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { contentHash } from '../canonical/index.js';
import { validateConfig } from '../config/index.js';
import type { ItemConfig } from '../config/types.js';
import { diffConfigs } from '../diff/index.js';
import { buildServiceGuide, renderServiceGuideHtml } from '../guide/index.js';
import {
  applicantStrings, catalogueAwaitingReview, catalogueGaps, CATALOGUES, localizedForm, orphanTranslations, translationProblems, uiText, untranslatedStrings,
} from './index.js';

const sample = (file: string) => JSON.parse(readFileSync(new URL(`../../../standards/items/${file}.json`, import.meta.url), 'utf8')) as ItemConfig;
const BILINGUAL_SAMPLES = ['police-no-criminal-record', 'yb-insured-info-change'];
const MONGOLIAN_LETTER = /[\u1820-\u18AA]/;

function bilingual(config: ItemConfig): ItemConfig {
  config.standard.bilingual = true;
  return config;
}

function translatedFully(config: ItemConfig): ItemConfig {
  config.translations = { 'mn-Mong': Object.fromEntries(applicantStrings(config).map((s) => [s.key, `ᠮᠣᠩᠭᠣᠯ ${s.key}`])) };
  return config;
}

describe('UI string catalogues', () => {
  it('hold the same keys in Chinese and in Mongolian, none blank', () => {
    expect(catalogueGaps()).toEqual([]);
    expect(Object.keys(CATALOGUES['mn-Mong']).sort()).toEqual(Object.keys(CATALOGUES['zh-CN']).sort());
    expect(Object.keys(CATALOGUES['zh-CN']).length).toBeGreaterThan(80);
  });

  it('write the Mongolian in Mongolian script, and list every string awaiting the translation office’s review', () => {
    const awaiting = catalogueAwaitingReview();
    expect(awaiting).toHaveLength(Object.keys(CATALOGUES['zh-CN']).length);
    // Chinese names itself in the switch; a string of placeholders only has no words to write.
    const notMongolian = awaiting.filter((e) => e.key !== 'language.zh-CN' && /\p{L}/u.test(e.mn.replace(/\{\w+\}/g, '')) && !MONGOLIAN_LETTER.test(e.mn));
    expect(notMongolian).toEqual([]);
  });

  it('fills placeholders and falls back to nothing else', () => {
    expect(uiText('guide.title', 'zh-CN', { name: '婚姻登记' })).toBe('婚姻登记办事指南');
    expect(uiText('guide.title', 'mn-Mong', { name: 'X' })).toMatch(/^X ᠠᠵᠢᠯ/);
  });
});

describe('applicant-facing strings and their translations', () => {
  it('lists the standard’s, the form’s and the rules’ texts under stable keys', () => {
    const keys = applicantStrings(sample('yb-insured-info-change')).map((s) => s.key);
    for (const key of ['standard.name', 'standard.materials.police-proof.name', 'standard.scenarios.key-info.description', 'coded.materialForm.3', 'form.insuredStatus.enum[终止参保]', 'form.changeItems.enum[姓名]', 'form.newIdNumber.placeholder', 'rules.terminated-insurance.message']) {
      expect(keys, key).toContain(key);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps a translation attached when materials and conditions are reordered', () => {
    const config = translatedFully(bilingual(sample('yb-insured-info-change')));
    config.standard.materials.reverse();
    config.standard.acceptanceConditions.reverse();
    config.standard.scenarios.reverse();
    config.rules.reverse();
    expect(untranslatedStrings(config, 'mn-Mong')).toEqual([]);
    expect(translationProblems(config)).toEqual([]);
  });

  it('refuses a bilingual item with any untranslated string, naming each one; a Chinese-only item passes', () => {
    const config = bilingual(itemConfig('I18N-1'));
    const all = applicantStrings(config);
    const problems = translationProblems(config);
    expect(problems).toHaveLength(all.length);
    expect(problems[0]).toMatchObject({ pointer: '/translations/mn-Mong/standard.name', code: 'translation.missing' });
    expect(problems[0]?.message).toContain(`事项名称「${config.standard.name}」`);
    expect(validateConfig(config).filter((p) => p.code === 'translation.missing')).toHaveLength(all.length);
    translatedFully(config);
    delete config.translations?.['mn-Mong']?.['standard.materials.id-card.name'];
    const one = validateConfig(config).filter((p) => p.code === 'translation.missing');
    expect(one.map((p) => p.pointer)).toEqual(['/translations/mn-Mong/standard.materials.id-card.name']);
    config.standard.bilingual = false;
    expect(validateConfig(config).filter((p) => p.code === 'translation.missing')).toEqual([]);
  });

  it('notices a translation whose Chinese changed: the old key is an orphan, the new text untranslated', () => {
    const config = translatedFully(itemConfig('I18N-2'));
    const before = config.standard.acceptanceConditions[0] as string;
    config.standard.acceptanceConditions[0] = `${before}（已修改）`;
    expect(orphanTranslations(config, 'mn-Mong')).toEqual([`standard.acceptanceConditions[${before}]`]);
    expect(untranslatedStrings(config, 'mn-Mong').map((s) => s.key)).toEqual([`standard.acceptanceConditions[${before}（已修改）]`]);
  });

  it('is covered by the content hash and shown by the diff', () => {
    const a = translatedFully(itemConfig('I18N-3'));
    const b = structuredClone(a);
    (b.translations?.['mn-Mong'] as Record<string, string>)['standard.name'] = 'ᠰᠢᠨ᠎ᠡ';
    expect(contentHash(b)).not.toBe(contentHash(a));
    const changes = diffConfigs(a, b).changes.filter((c) => c.pointer.startsWith('/translations/'));
    expect(changes).toEqual([expect.objectContaining({ kind: 'changed', pointer: '/translations/mn-Mong/standard.name', label: '蒙古文译文「standard.name」', afterText: 'ᠰᠢᠨ᠎ᠡ', affectsDecision: false })]);
  });

  it('translates the form’s titles and option labels but not its data', () => {
    const config = sample('yb-insured-info-change');
    const form = localizedForm(config, 'mn-Mong');
    const status = (form.schema.properties as Record<string, { title: string; enum: string[] }>).insuredStatus;
    expect(status?.title).toBe(config.translations?.['mn-Mong']?.['form.insuredStatus.title']);
    expect(status?.enum).toEqual(['参保缴费', '暂停缴费', '终止参保']);
    expect((form.uiSchema?.insuredStatus as Record<string, unknown>)['ui:enumNames']).toEqual(['参保缴费', '暂停缴费', '终止参保'].map((v) => config.translations?.['mn-Mong']?.[`form.insuredStatus.enum[${v}]`]));
  });
});

describe('the two bilingual samples', () => {
  for (const file of BILINGUAL_SAMPLES) {
    it(`${file}: bilingual, every string translated into Mongolian script, marked a draft`, () => {
      const config = sample(file);
      expect(config.standard.bilingual).toBe(true);
      expect(untranslatedStrings(config, 'mn-Mong')).toEqual([]);
      expect(orphanTranslations(config, 'mn-Mong')).toEqual([]);
      const notMongolian = Object.entries(config.translations?.['mn-Mong'] ?? {}).filter(([, text]) => !MONGOLIAN_LETTER.test(text));
      expect(notMongolian).toEqual([]);
      expect(config.translations?.review?.['mn-Mong']?.status).toBe('draft');
      expect(validateConfig(config)).toEqual([]);
    });
  }

  it('get a guide in Mongolian beside the Chinese one, printed vertically after it', () => {
    const config = sample('police-no-criminal-record');
    const guide = buildServiceGuide(config, { version: 1, hash: 'h' });
    const mn = guide.translations?.['mn-Mong'];
    expect(guide.bilingual).toBe(true);
    expect(mn?.lang).toBe('mn-Mong');
    expect(mn?.draft).toBe(true);
    expect(mn?.title).toContain(config.translations?.['mn-Mong']?.['standard.name']);
    expect(mn?.sections.map((s) => s.key)).toEqual(guide.sections.map((s) => s.key));
    expect(guide.title).toBe('无犯罪记录证明办事指南');
    const html = renderServiceGuideHtml(guide);
    expect(html.indexOf('<article class="mongolian" lang="mn-Mong"')).toBeGreaterThan(html.indexOf('<h1>无犯罪记录证明办事指南</h1>'));
    expect(html).toContain('writing-mode:vertical-lr');
    expect(html).toContain('url(/fonts/NotoSansMongolian-Regular.ttf)');
  });

  it('leaves a Chinese-only item’s guide as it was', () => {
    const guide = buildServiceGuide(sample('mz-marriage-record-inquiry'), { version: 1, hash: 'h' });
    expect(guide.translations).toBeUndefined();
    expect(renderServiceGuideHtml(guide)).not.toContain('lang="mn-Mong"');
  });
});
