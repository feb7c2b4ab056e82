import { defineVocabulary, isCodeOf } from './vocabulary.js';

/** The acceptance decision at a window (受理结论). */
export const OUTCOMES = ['accept', 'supplement', 'reject', 'redirect'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The wording of 行政许可法第三十二条: 予以受理, 一次告知需补正, 不予受理; an item handled only at
 * another kind of window is not refused here but sent on (请到指定渠道办理).
 */
export const outcomes = defineVocabulary('outcome', OUTCOMES, {
  accept: { 'zh-CN': '予以受理' },
  supplement: { 'zh-CN': '需补正' },
  reject: { 'zh-CN': '不予受理' },
  redirect: { 'zh-CN': '请到指定渠道办理' },
});

export const isOutcome = (value: unknown): value is Outcome => isCodeOf(outcomes, value);
