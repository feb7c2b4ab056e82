import type { Problem } from '../errors.js';
import type { ItemConfig } from '../config/types.js';
import { uiText } from './catalogue/catalogue.js';
import { isBilingual, untranslatedStrings } from './content-strings.js';
import { MONGOLIAN } from './languages.js';

const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The translation-completeness gate: an item its standard marks bilingual (汉蒙双语) has a problem
 * for every applicant-facing string without its Mongolian, each naming the string, so that it can
 * be neither submitted nor published half translated. Items not marked bilingual pass whatever
 * they hold.
 */
export function translationProblems(config: ItemConfig): Problem[] {
  if (!isBilingual(config)) return [];
  return untranslatedStrings(config, MONGOLIAN).map((s) => ({
    pointer: `/translations/${MONGOLIAN}/${escape(s.key)}`,
    code: 'translation.missing',
    message: uiText('translation.missing', 'zh-CN', { where: s.where, zh: s.zh.length > 40 ? `${s.zh.slice(0, 40)}…` : s.zh }),
  }));
}
