/**
 * The web kit: what both browser apps (the window app, the designer) share at their edge, as
 * `engine/http-kit` is for the servers — the API client and its errors, the session, the RJSF
 * validator built from the engine's own form options, the Chinese form messages, one router.
 * Imports only the core's public entry, react and @rjsf/* (no Node built-ins).
 */
export { advice, ApiError, createApiClient, type ApiClient, type ApiClientOptions, type RequestOptions } from './api-client.js';
export { followReaderLanguage, readerLanguage } from './reader-language.js';
export { sessionFor, signInWithToken, signOut, whoAmI, type Person, type Session, type SignedIn } from './session.js';
export { SESSION_SELECTOR_HEADER, setTabPersonId, tabPersonId } from './tab-person.js';
export { chineseFormErrors, errorFieldPath, formErrorsIn, formValidator } from './form-validator.js';
export { formStringTranslator, translateString } from './form-labels.js';
export { createRouter, type NavigateOptions, type Router, type RouterOptions } from './router.js';
export { withElement } from './with-element.js';
