import { defineVocabulary, isCodeOf } from './vocabulary.js';

/** What a rule does when its conditions hold. */
export const RULE_EVENT_TYPES = ['reject', 'requireMaterial', 'supplement'] as const;
export type RuleEventType = (typeof RULE_EVENT_TYPES)[number];

export const ruleEventTypes = defineVocabulary('rule event type', RULE_EVENT_TYPES, {
  reject: { 'zh-CN': '不予受理', 'mn-Mong': 'ᠬᠦᠪᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ' },
  requireMaterial: { 'zh-CN': '需提交材料', 'mn-Mong': 'ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠬᠡᠷᠡᠭᠲᠡᠢ' },
  supplement: { 'zh-CN': '补正告知', 'mn-Mong': 'ᠨᠥᠬᠥᠵᠦ ᠵᠠᠰᠠᠬᠤ ᠮᠡᠳᠡᠭᠳᠡᠯ' },
});

export const isRuleEventType = (value: unknown): value is RuleEventType => isCodeOf(ruleEventTypes, value);
