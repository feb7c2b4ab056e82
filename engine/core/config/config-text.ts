import { uiText } from '../i18n/catalogue/catalogue.js';

/** A name as a problem quotes it (「name」), in the catalogue's quotation marks. */
export function quoted(name: string): string {
  return uiText('designer.references.quoted', 'zh-CN', { name });
}

/** Words joined with the catalogue's list separator (、). */
export function listed(words: readonly string[]): string {
  return words.join(uiText('server.listSeparator'));
}
