import type { Clock } from '../../core/clock/index.js';
import type { Principal } from '../../core/access/principal.js';
import { ROLES } from '../../core/vocabulary/index.js';
import { SessionEndedError, type Sessions } from '../../services/sessions/index.js';
import { error as errorSchema } from '../api-schemas.js';
import type { ApiRequest, ApiResponse, ApiRoute } from '../mount.js';
import { isHttps, PERSON_COOKIE_PREFIX, personCookieName, requestCookies, SESSION_COOKIE, SESSION_SELECTOR_HEADER, sessionCookie } from './cookies.js';
import { requestSessionId } from './session-auth.js';
import { requireSameOrigin } from './same-origin.js';

const ERR = { description: 'Error', schema: errorSchema };

/** Who a person is, as the apps show them: never a token, never a hash. */
export const personSchema = {
  type: 'object',
  required: ['id', 'name', 'role', 'department', 'division'],
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, role: { enum: [...ROLES] },
    department: { type: ['string', 'null'] }, division: { type: ['string', 'null'] },
  },
};

export function personOf(principal: Principal): { id: string; name: string; role: Principal['role']; department: string | null; division: string | null } {
  return { id: principal.id, name: principal.name, role: principal.role, department: principal.department, division: principal.division };
}

function setCookies(res: ApiResponse, cookies: string[]): void {
  const previous = res.getHeader('Set-Cookie');
  res.setHeader('Set-Cookie', [...(Array.isArray(previous) ? previous : previous ? [String(previous)] : []), ...cookies]);
}

/** The cookies a browser holds for the session it signs out of: the tab's person's, and the latest sign-in's when it is the same session. */
function cookiesOfSession(req: ApiRequest, id: string): string[] {
  const names: string[] = [];
  for (const [name, value] of requestCookies(req)) {
    if (value === id && (name === SESSION_COOKIE || name.startsWith(PERSON_COOKIE_PREFIX))) names.push(name);
  }
  return names;
}

/**
 * Sign-in for people: a personal token is exchanged for a session cookie (HttpOnly, SameSite=Strict,
 * Secure over https, expiring with the session), `GET /api/me` says who is signed in, and sign-out
 * revokes the session in the store. Bearer tokens keep working for tools and the CLI.
 */
export function sessionRoutes({ sessions, clock }: { sessions: Sessions | null; clock: Clock }): ApiRoute[] {
  // Without a session store (a stand-alone runtime over its read-only reader) only GET /api/me is served: bearer tokens only.
  return [...(sessions ? signInRoutes(sessions, clock) : []), meRoute(sessions)];
}

function signInRoutes(sessions: Sessions, clock: Clock): ApiRoute[] {
  return [
    {
      method: 'post', path: '/api/session', summary: 'Sign in: exchange a personal token for a session cookie (HttpOnly, SameSite=Strict) lasting the working day', tags: ['access'],
      access: { public: true }, rateLimit: 'public',
      body: { schema: { type: 'object', required: ['token'], additionalProperties: false, properties: { token: { type: 'string', minLength: 1, maxLength: 200 } } }, required: true },
      responses: {
        201: { description: 'Signed in; Set-Cookie carries the session', schema: { type: 'object', required: ['principal', 'expiresAt'], properties: { principal: personSchema, expiresAt: { type: 'string' } } } },
        401: ERR, 403: { description: 'Sent from another site', schema: errorSchema },
      },
      handler: async (req: ApiRequest, res: ApiResponse) => {
        requireSameOrigin(req, { strict: false });
        const opened = await sessions.open((req.body as { token: string }).token);
        const options = { expiresAt: new Date(opened.expiresAt), now: clock(), secure: isHttps(req) };
        const personCookie = personCookieName(opened.principal.id);
        setCookies(res, [sessionCookie(SESSION_COOKIE, opened.id, options), ...(personCookie ? [sessionCookie(personCookie, opened.id, options)] : [])]);
        res.setHeader('Cache-Control', 'no-store');
        res.status(201).json({ principal: personOf(opened.principal), expiresAt: opened.expiresAt });
      },
    },
    {
      method: 'delete', path: '/api/session', summary: 'Sign out: revoke this browser tab’s session in the store and clear its cookies', tags: ['access'],
      access: { public: true },
      headers: [{ name: 'X-Tongban-Principal', description: 'the principal id the tab signed in as (chooses among the browser’s sessions)' }],
      responses: { 200: { description: 'Signed out', schema: { type: 'object', required: ['signedOut'], properties: { signedOut: { type: 'boolean' } } } }, 403: { description: 'Sent from another site', schema: errorSchema } },
      handler: async (req: ApiRequest, res: ApiResponse) => {
        const id = requestSessionId(req);
        requireSameOrigin(req, { strict: id !== undefined });
        const signedOut = id !== undefined && (await sessions.close(id));
        const now = clock();
        const secure = isHttps(req);
        const selector = req.headers[SESSION_SELECTOR_HEADER];
        const named = typeof selector === 'string' ? personCookieName(selector) : null;
        const names = new Set([...(id ? cookiesOfSession(req, id) : []), ...(named ? [named] : [])]);
        if (names.size > 0) setCookies(res, [...names].map((name) => sessionCookie(name, '', { expiresAt: null, now, secure })));
        res.json({ signedOut });
      },
    },
  ];
}

function meRoute(sessions: Sessions | null): ApiRoute {
  return {
    method: 'get', path: '/api/me', summary: 'Who is signed in: the principal (id, name, role, department, division) and, for a session, when it ends; principal null when nobody is', tags: ['access'],
    // Public so that a tab nobody has signed in to yet learns it without an error: the answer names nobody then.
    access: { public: true },
    headers: [{ name: 'X-Tongban-Principal', description: 'the principal id the tab signed in as (chooses among the browser’s sessions)' }],
    responses: {
      200: {
        description: 'The signed-in principal, or principal null with why the session ended',
        schema: { type: 'object', required: ['principal', 'via', 'expiresAt'], properties: { principal: { oneOf: [personSchema, { type: 'null' }] }, via: { enum: ['session', 'token', null] }, expiresAt: { type: ['string', 'null'] }, ended: { type: ['string', 'null'] } } },
      },
    },
    handler: async (req: ApiRequest, res: ApiResponse) => {
      res.setHeader('Cache-Control', 'no-store');
      // A bearer token was checked by the mount already.
      if (req.principal) return res.json({ principal: personOf(req.principal), via: 'token', expiresAt: null });
      const id = sessions ? requestSessionId(req) : undefined;
      if (!sessions || id === undefined) return res.json({ principal: null, via: null, expiresAt: null, ended: null });
      try {
        const { principal, expiresAt } = await sessions.resolve(id);
        return res.json({ principal: personOf(principal), via: 'session', expiresAt });
      } catch (error) {
        if (!(error instanceof SessionEndedError)) throw error;
        return res.json({ principal: null, via: null, expiresAt: null, ended: (error.details as { session?: string } | null)?.session ?? null });
      }
    },
  };
}
