import type { Language } from '../core/index.js';

/**
 * The language the app's reader reads, as the app holds it (the window app's language switch; the
 * designer is in Chinese). Every API client asks the servers to answer in it (Accept-Language), so
 * an error message arrives in the reader's language. Chinese until an app says where to look.
 */
let source: () => Language = () => 'zh-CN';

/** Tells the web kit where the app keeps its reader's current language (called once, at start). */
export function followReaderLanguage(current: () => Language): void {
  source = current;
}

/** The reader's current language. */
export function readerLanguage(): Language {
  return source();
}
