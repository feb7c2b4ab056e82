/**
 * Chinese and traditional Mongolian: the item texts' translations (a sidecar of the config keyed by
 * stable paths), the completeness gate of bilingual items, and the UI string catalogues.
 *
 * @module
 */
export { LANGUAGES, MONGOLIAN, MONGOLIAN_BLOCK_CSS, MONGOLIAN_FONT_FAMILY, MONGOLIAN_FONT_PATH, isLanguage, mongolianFontFace, type TranslatedLanguage } from './languages.js';
export {
  applicantStrings, codedKey, contentKeys, contentReader, fieldKey, hasTranslations, isBilingual, orphanTranslations, translationIsDraft,
  translationOf, translationsIn, untranslatedStrings, type ContentReader, type ContentString,
} from './content-strings.js';
export { translationProblems } from './translation-checks.js';
export { CATALOGUES, catalogueAwaitingReview, catalogueGaps, uiText, uiTexts, type CatalogueEntryForReview, type CatalogueKey } from './catalogue/catalogue.js';
export { localizedForm } from './localized-form.js';
export { textAround } from './text-around.js';
export { localizedDecision, type LocalizedDecision, type LocalizedMaterial, type LocalizedReason, type LocalizedText } from './localized-decision.js';
