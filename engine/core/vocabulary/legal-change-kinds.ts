import { defineVocabulary, isCodeOf } from './vocabulary.js';

/** 立改废释: why the law changed the item; every published version names one. */
export const LEGAL_CHANGE_KINDS = ['establish', 'amend', 'repeal', 'interpret', 'other'] as const;
export type LegalChangeKind = (typeof LEGAL_CHANGE_KINDS)[number];

export const legalChangeKinds = defineVocabulary('legal change kind', LEGAL_CHANGE_KINDS, {
  establish: { 'zh-CN': '立（新设）', 'mn-Mong': 'ᠪᠠᠶᠢᠭᠤᠯᠬᠤ (ᠰᠢᠨ᠎ᠡ ᠪᠡᠷ)' },
  amend: { 'zh-CN': '改（修改）', 'mn-Mong': 'ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ (ᠵᠠᠰᠠᠬᠤ)' },
  repeal: { 'zh-CN': '废（废止）', 'mn-Mong': 'ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠬᠤ (ᠬᠠᠰᠤᠬᠤ)' },
  interpret: { 'zh-CN': '释（解释）', 'mn-Mong': 'ᠲᠠᠶᠢᠯᠪᠤᠷᠢᠯᠠᠬᠤ' },
  other: { 'zh-CN': '其他', 'mn-Mong': 'ᠪᠤᠰᠤᠳ' },
});

export const isLegalChangeKind = (value: unknown): value is LegalChangeKind => isCodeOf(legalChangeKinds, value);
