import { describe, expect, it } from 'vitest';
import * as vocabularyModule from './index.js';
import type { Vocabulary } from './index.js';

const MONGOLIAN_LETTER = /[\u1820-\u18AA]/;
const CHINESE = /[\u3400-\u9fff]/;

/** Every vocabulary the folder exports (whatever defineVocabulary made), so a new one is covered without listing it. */
const VOCABULARIES = (Object.values(vocabularyModule) as unknown[]).filter((value): value is Vocabulary<string> =>
  typeof value === 'object' && value !== null && 'codes' in value && 'labels' in value && 'name' in value);

describe('the vocabularies’ Mongolian column (drafts awaiting the translation office)', () => {
  it('finds every exported vocabulary', () => {
    expect(VOCABULARIES.map((v) => v.name)).toEqual(expect.arrayContaining(['outcome', 'role']));
    expect(VOCABULARIES.length).toBeGreaterThanOrEqual(15);
  });

  for (const vocabulary of VOCABULARIES) {
    it(`${vocabulary.name}: every code has a non-blank label in Mongolian script, with no Chinese in it`, () => {
      const missing = vocabulary.codes.filter((code) => {
        const mn = vocabulary.labels[code]?.['mn-Mong'] ?? '';
        return mn.trim() === '' || !MONGOLIAN_LETTER.test(mn) || CHINESE.test(mn) || mn.includes('\ufffd');
      });
      expect(missing).toEqual([]);
    });
  }
});
