import { uiTexts, type Language } from '../../../engine/core/index.js';

/** The designer's language: its screens, and the servers' answers to it (Accept-Language). */
export const UI_LANGUAGE: Language = 'zh-CN';

/**
 * The designer's one lookup of its user-visible strings, from the core's UI catalogues
 * (engine/core/i18n/catalogue, `designer.*` keys): `t('designer.history.published')`. The designer is
 * used in Chinese; each key has its draft Mongolian in the catalogue, awaiting the region's
 * translation office like every other Mongolian string. Data (schema titles, vocabulary labels)
 * is not here: it stays where it is defined.
 */
export const t = uiTexts(UI_LANGUAGE);
