import { uiText, type Language, type TongbanError } from '../../engine/core/index.js';

/**
 * Gives a catalogue error values that depend on the reader's language (a vocabulary's labels, the
 * catalogue's separators): its `message` keeps the Chinese, and an answer in another language renders
 * the sentence with that language's values.
 */
export function withLanguageValues<E extends TongbanError>(error: E, values: (language: Language) => Record<string, string | number>): E {
  const message = error.catalogueMessage;
  if (message) Object.defineProperty(error, 'messageIn', { value: (language: Language) => uiText(message.key, language, { ...message.values, ...values(language) }), enumerable: false });
  return error;
}
