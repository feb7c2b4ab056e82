import type { Outcome } from './outcomes.js';
import { defineVocabulary, isCodeOf } from './vocabulary.js';

/** The print-ready notices a window issues for a saved case. */
export const DOCUMENT_KINDS = ['acceptance-notice', 'deferred-acceptance-notice', 'commitment-letter', 'supplement-notice', 'rejection-decision'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const documentKinds = defineVocabulary('document kind', DOCUMENT_KINDS, {
  'acceptance-notice': { 'zh-CN': '受理通知书', 'mn-Mong': 'ᠬᠦᠪᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠪᠢᠴᠢᠭ' },
  'deferred-acceptance-notice': { 'zh-CN': '容缺受理通知书', 'mn-Mong': 'ᠳᠤᠲᠠᠭᠤ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠢ ᠬᠣᠶᠢᠨᠠ ᠨᠥᠭᠦᠬᠦ ᠪᠡᠷ ᠬᠦᠪᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠪᠢᠴᠢᠭ' },
  'commitment-letter': { 'zh-CN': '容缺受理承诺书', 'mn-Mong': 'ᠳᠤᠲᠠᠭᠤ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠢ ᠬᠣᠶᠢᠨᠠ ᠨᠥᠭᠦᠬᠦ ᠠᠮᠠᠯᠠᠯᠲᠤ ᠪᠢᠴᠢᠭ' },
  'supplement-notice': { 'zh-CN': '补正材料通知书', 'mn-Mong': 'ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠨᠥᠭᠦᠬᠦ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠪᠢᠴᠢᠭ' },
  'rejection-decision': { 'zh-CN': '不予受理决定书', 'mn-Mong': 'ᠬᠦᠪᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ ᠲᠤᠬᠠᠢ ᠱᠢᠢᠳᠪᠦᠷᠢ ᠪᠢᠴᠢᠭ' },
});

export const isDocumentKind = (value: unknown): value is DocumentKind => isCodeOf(documentKinds, value);

/** The outcome each notice is issued for (行政许可法第三十二条); a redirect gets none. */
export const DOCUMENT_OUTCOMES: Readonly<Record<DocumentKind, Exclude<Outcome, 'redirect'>>> = {
  'acceptance-notice': 'accept',
  'deferred-acceptance-notice': 'accept-on-commitment',
  'commitment-letter': 'accept-on-commitment',
  'supplement-notice': 'supplement',
  'rejection-decision': 'reject',
};

/** Every document a case with `outcome` receives: 容缺受理 has its notice and the applicant's 承诺书. */
export function documentKindsFor(outcome: Outcome): DocumentKind[] {
  return DOCUMENT_KINDS.filter((kind) => DOCUMENT_OUTCOMES[kind] === outcome);
}

/** The notice a case with `outcome` receives, or null when none is issued. */
export function documentKindFor(outcome: Outcome): DocumentKind | null {
  return DOCUMENT_KINDS.find((kind) => DOCUMENT_OUTCOMES[kind] === outcome) ?? null;
}
