import { uiTexts } from '../../../engine/core/index.js';

/**
 * The window app's lookup of its staff screens' strings, from the core's UI catalogues
 * (engine/core/i18n/catalogue, `runtime.*` keys): `t('runtime.queue.title')`. Clerks' and handlers'
 * screens are in Chinese; what an applicant reads (the guide, the public page, progress lookup)
 * follows the language switch through `uiTexts(useLanguage())` instead. Every key has its draft
 * Mongolian in the catalogue, awaiting the region's translation office.
 */
export const t = uiTexts('zh-CN');
