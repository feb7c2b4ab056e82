import { describe, expect, it } from 'vitest';
import {
  channelPlaces, channels, defineVocabulary, documentKindFor, documentKindsFor, documentKinds, OUTCOMES, DOCUMENT_KINDS, DOCUMENT_OUTCOMES, draftStatuses, isChannel, isCodeOf,
  caseEventTypes, caseStages, caseStatuses, decisionResults, deliveryMethods, isDocumentKind, isDraftStatus, isLegalChangeKind, isOutcome, isRole, isRuleEventType, labelOf, labelTable, legalChangeKinds, outcomes, roles,
  ruleEventTypes, type Vocabulary,
} from './index.js';

const ALL: Vocabulary<string>[] = [outcomes, ruleEventTypes, roles, draftStatuses, legalChangeKinds, documentKinds, channels, channelPlaces, caseStatuses, caseEventTypes, decisionResults, deliveryMethods, caseStages];

describe('the vocabularies', () => {
  for (const vocabulary of ALL) {
    describe(vocabulary.name, () => {
      it('labels every code in Chinese, and nothing else', () => {
        expect(vocabulary.codes.length).toBeGreaterThan(0);
        expect(Object.keys(vocabulary.labels).sort()).toEqual([...vocabulary.codes].sort());
        for (const code of vocabulary.codes) expect(vocabulary.labels[code]?.['zh-CN'].trim()).not.toBe('');
      });

      it('has unique codes and unique Chinese labels', () => {
        expect(new Set(vocabulary.codes).size).toBe(vocabulary.codes.length);
        const labels = vocabulary.codes.map((code) => labelOf(vocabulary, code));
        expect(new Set(labels).size).toBe(labels.length);
      });

      it('falls back to Chinese while the Mongolian column is empty', () => {
        for (const code of vocabulary.codes) {
          const labels = vocabulary.labels[code]!;
          expect(labelOf(vocabulary, code, 'mn-Mong')).toBe(labels['mn-Mong'] ?? labels['zh-CN']);
        }
      });
    });
  }

  it('uses the unified wording for the decision outcomes and rule events', () => {
    expect(labelTable(outcomes)).toEqual({ accept: '予以受理', 'accept-on-commitment': '容缺受理', supplement: '需补正', reject: '不予受理', redirect: '请到指定渠道办理' });
    expect(labelTable(ruleEventTypes)).toEqual({ reject: '不予受理', requireMaterial: '需提交材料', supplement: '补正告知' });
  });

  it('takes a second language as a column: a filled label wins, an empty one falls back', () => {
    const sample = defineVocabulary('sample', ['a', 'b'] as const, { a: { 'zh-CN': '甲', 'mn-Mong': 'ᠠ' }, b: { 'zh-CN': '乙' } });
    expect(labelOf(sample, 'a', 'mn-Mong')).toBe('ᠠ');
    expect(labelOf(sample, 'b', 'mn-Mong')).toBe('乙');
    expect(labelOf(sample, 'a')).toBe('甲');
    expect(labelTable(sample, 'mn-Mong')).toEqual({ a: 'ᠠ', b: '乙' });
  });

  it('guards each vocabulary and nothing outside it', () => {
    const guards: [(value: unknown) => boolean, Vocabulary<string>][] = [
      [isOutcome, outcomes], [isRuleEventType, ruleEventTypes], [isRole, roles], [isDraftStatus, draftStatuses],
      [isLegalChangeKind, legalChangeKinds], [isDocumentKind, documentKinds], [isChannel, channels],
    ];
    for (const [guard, vocabulary] of guards) {
      for (const code of vocabulary.codes) expect(guard(code)).toBe(true);
      for (const other of ['', 'Accept', 'undecided', 'toString', 42, null, undefined, ['accept']]) expect(guard(other)).toBe(false);
    }
    expect(isCodeOf(roles, 'operator')).toBe(true);
    expect(isOutcome('requireMaterial')).toBe(false);
    expect(isRuleEventType('redirect')).toBe(false);
  });

  it('issues one notice per outcome except a redirect, and 容缺受理 its 承诺书 besides', () => {
    expect(OUTCOMES.flatMap((outcome) => documentKindsFor(outcome))).toEqual([...DOCUMENT_KINDS]);
    expect(DOCUMENT_KINDS.filter((kind) => documentKindFor(DOCUMENT_OUTCOMES[kind]) === kind)).toEqual(['acceptance-notice', 'deferred-acceptance-notice', 'supplement-notice', 'rejection-decision']);
    expect(documentKindFor('accept-on-commitment')).toBe('deferred-acceptance-notice');
    expect(documentKindsFor('accept-on-commitment')).toEqual(['deferred-acceptance-notice', 'commitment-letter']);
    expect(documentKindsFor('redirect')).toEqual([]);
    expect(documentKindFor('accept')).toBe('acceptance-notice');
    expect(documentKindFor('reject')).toBe('rejection-decision');
    expect(documentKindFor('redirect')).toBeNull();
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(outcomes.codes)).toBe(true);
    expect(Object.isFrozen(outcomes.labels)).toBe(true);
  });
});
