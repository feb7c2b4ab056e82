import { defineVocabulary, isCodeOf } from './vocabulary.js';

/**
 * Facts every rule may read besides the form's own fields (a form may not shadow them): the
 * evaluation date, the receiving division, the scenario and the materials received. Their names
 * are the ones the rule editor, the diff and the example traces show.
 */
export const CONTEXT_FACTS = ['today', 'division', 'scenario', 'materials'] as const;
export type ContextFact = (typeof CONTEXT_FACTS)[number];

export const contextFacts = defineVocabulary('context fact', CONTEXT_FACTS, {
  today: { 'zh-CN': '评估日期', 'mn-Mong': 'ᠦᠨᠡᠯᠡᠬᠦ ᠡᠳᠦᠷ' },
  division: { 'zh-CN': '受理地行政区划', 'mn-Mong': 'ᠬᠦᠪᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠬᠤᠪᠢᠶᠠᠷᠢ' },
  scenario: { 'zh-CN': '办理情形', 'mn-Mong': 'ᠪᠠᠷᠢᠬᠤ ᠪᠠᠶᠢᠳᠠᠯ' },
  materials: { 'zh-CN': '已提交材料', 'mn-Mong': 'ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ' },
});

export const isContextFact = (value: unknown): value is ContextFact => isCodeOf(contextFacts, value);
