import { uiText, type CatalogueKey, type CatalogueMessage, type Language, type TongbanError } from '../../engine/core/index.js';

/**
 * A value of a catalogue sentence: plain (a code, a number, a name), or one that is itself written in the
 * reader's language — a phrase of the catalogue inside the sentence, a list joined by the catalogue's separator,
 * a size with its unit.
 */
export type ComposedValue = string | number | ((language: Language) => string);

export interface ComposedMessage {
  key: CatalogueKey;
  values: Record<string, ComposedValue>;
}

function valuesIn(values: Record<string, ComposedValue>, language: Language): Record<string, string | number> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'function' ? value(language) : value]));
}

/** The sentence in `language`, each value written in it too. */
export function composedText({ key, values }: ComposedMessage, language: Language = 'zh-CN'): string {
  return uiText(key, language, valuesIn(values, language));
}

/** A catalogue phrase as a value of another sentence. */
export const phrase = (key: CatalogueKey, values: Record<string, string | number> = {}) => (language: Language): string => uiText(key, language, values);

/** A list as a value, joined by the catalogue's separator (、 in Chinese). */
export const listOf = (items: readonly (string | number)[]) => (language: Language): string => items.join(uiText('server.listSeparator', language));

/**
 * A typed error whose message is a composed sentence: `make` builds it from the catalogue message in Chinese
 * (its `message`, for logs and callers, unchanged), and its answer is rendered whole in the caller's language.
 */
export function composedError<E extends TongbanError>(make: (message: CatalogueMessage) => E, message: ComposedMessage): E {
  const error = make({ key: message.key, values: valuesIn(message.values, 'zh-CN') });
  Object.defineProperty(error, 'messageIn', { value: (language: Language) => composedText(message, language), enumerable: false });
  return error;
}
