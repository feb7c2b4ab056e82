/**
 * People's sign-in at the HTTP edge: the session cookie, the same-origin check that guards
 * cookie-signed changes (CSRF), and the sign-in / sign-out / who-am-I routes.
 */
export { PERSON_COOKIE_PREFIX, SESSION_COOKIE, SESSION_SELECTOR_HEADER, personCookieName, requestCookies, sessionCookie, isHttps } from './cookies.js';
export { CrossSiteRequestError, requireSameOrigin } from './same-origin.js';
export { sessionCookieAuthenticator, requestSessionId } from './session-auth.js';
export { personOf, personSchema, sessionRoutes } from './session-routes.js';
