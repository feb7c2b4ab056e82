import { defineVocabulary, isCodeOf } from './vocabulary.js';

/** The acceptance decision at a window (受理结论). */
export const OUTCOMES = ['accept', 'accept-on-commitment', 'supplement', 'reject', 'redirect'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The wording of 行政许可法第三十二条: 予以受理, 一次告知需补正, 不予受理; an item handled only at
 * another kind of window is not refused here but sent on (请到指定渠道办理). 容缺受理 is its own outcome:
 * accepted now on the applicant's written commitment to hand in the missing 容缺后补 materials later.
 */
export const outcomes = defineVocabulary('outcome', OUTCOMES, {
  accept: { 'zh-CN': '予以受理', 'mn-Mong': 'ᠬᠦᠪᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠨᠠ' },
  'accept-on-commitment': { 'zh-CN': '容缺受理', 'mn-Mong': 'ᠳᠤᠲᠠᠭᠤ ᠮᠠᠲᠡᠷᠢᠠᠯ ᠢ ᠬᠣᠶᠢᠨᠠ ᠨᠥᠭᠦᠬᠦ ᠪᠡᠷ ᠬᠦᠪᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠨᠠ' },
  supplement: { 'zh-CN': '需补正', 'mn-Mong': 'ᠨᠥᠭᠦᠬᠦ ᠬᠡᠷᠡᠭ᠎ᠲᠡᠢ' },
  reject: { 'zh-CN': '不予受理', 'mn-Mong': 'ᠬᠦᠪᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ' },
  redirect: { 'zh-CN': '请到指定渠道办理', 'mn-Mong': 'ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ ᠰᠤᠸᠠᠭ ᠲᠤ ᠣᠴᠢᠵᠤ ᠪᠠᠷᠢᠭᠲᠤᠨ᠎ᠠ' },
});

export const isOutcome = (value: unknown): value is Outcome => isCodeOf(outcomes, value);
