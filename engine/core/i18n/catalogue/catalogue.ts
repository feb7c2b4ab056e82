import type { Language } from '../../vocabulary/index.js';
import { MN_MONG_REVIEWED, mnMong } from './mn-Mong.js';
import { zhCN, type CatalogueKey } from './zh-CN.js';

export type { CatalogueKey };

/** One catalogue per language; Chinese is the source and the fallback. */
export const CATALOGUES: Readonly<Record<Language, Readonly<Record<CatalogueKey, string>>>> = { 'zh-CN': zhCN, 'mn-Mong': mnMong };

/**
 * A UI string in `language`, with `{name}` placeholders filled. A key the language lacks falls
 * back to Chinese (the parity test keeps that from happening in a release).
 */
export function uiText(key: CatalogueKey, language: Language = 'zh-CN', values: Record<string, string | number> = {}): string {
  const template = CATALOGUES[language][key] ?? zhCN[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `uiText` bound to one language: what a page or document renders with. */
export const uiTexts = (language: Language) => (key: CatalogueKey, values?: Record<string, string | number>) => uiText(key, language, values);

export interface CatalogueEntryForReview {
  key: CatalogueKey;
  zh: string;
  mn: string;
}

/**
 * The Mongolian strings still awaiting review by the region's translation office (自治区翻译机构),
 * with their Chinese: the list the office works through. Empty once every string is reviewed.
 */
export function catalogueAwaitingReview(): CatalogueEntryForReview[] {
  return (Object.keys(zhCN) as CatalogueKey[]).filter((key) => !MN_MONG_REVIEWED.has(key)).map((key) => ({ key, zh: zhCN[key], mn: mnMong[key] }));
}

/** Keys present in one catalogue and missing (or blank) in another: what the parity test asserts empty. */
export function catalogueGaps(): { language: Language; key: string }[] {
  const keys = new Set(Object.values(CATALOGUES).flatMap((c) => Object.keys(c)));
  const gaps: { language: Language; key: string }[] = [];
  for (const [language, catalogue] of Object.entries(CATALOGUES) as [Language, Record<string, string>][]) {
    for (const key of keys) if (typeof catalogue[key] !== 'string' || catalogue[key].trim() === '') gaps.push({ language, key });
  }
  return gaps;
}
