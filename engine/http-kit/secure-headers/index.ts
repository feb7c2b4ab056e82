import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Router } from 'express';
import helmet from 'helmet';
import type { RouteSpec } from '../route-table.js';

/** The inline `<style>` and `<script>` blocks of an HTML page a route answers with, exactly as written between the tags. */
export interface InlineBlocks {
  styles?: readonly string[];
  scripts?: readonly string[];
}

type Directives = Record<string, string[]>;
type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/** The CSP source that allows exactly this inline block: `'sha256-…'` of its text. */
export function inlineBlockSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function hashesOf(blocks: InlineBlocks, kind: keyof InlineBlocks): string[] {
  return [...new Set((blocks[kind] ?? []).map(inlineBlockSource))];
}

/** Nobody may frame, re-base or post forms from any page of ours. */
const everyPage: Directives = {
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'script-src-attr': ["'none'"],
};

/**
 * API answers (JSON, attachment bytes) load nothing at all; a route that answers with an HTML page
 * (service guide, notice) may run only the inline blocks it declares, matched by hash.
 */
function apiPolicy(blocks: InlineBlocks): Directives {
  const styles = hashesOf(blocks, 'styles');
  const scripts = hashesOf(blocks, 'scripts');
  return {
    'default-src': ["'none'"],
    ...(styles.length ? { 'style-src': styles } : {}),
    ...(scripts.length ? { 'script-src': scripts } : {}),
    'img-src': ["'self'", 'data:'],
    // The guide and the notices set traditional Mongolian in the self-hosted Noto Sans Mongolian (a notice embeds it).
    'font-src': ["'self'", 'data:'],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    ...everyPage,
  };
}

/**
 * The web apps (window app, designer) are Vite bundles: scripts and styles from our origin only.
 * - 'unsafe-eval': the forms' validators are compiled in the browser (Ajv generates functions), so
 *   the apps need it; nothing under /api gets it.
 * - The inline blocks of every HTML page the API declares are allowed here too, by hash: the window
 *   app shows the notices it fetched through blob: URLs, and such a document inherits the policy of
 *   the app that opened it.
 */
function appPolicy(blocks: InlineBlocks): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-eval'", ...hashesOf(blocks, 'scripts')],
    'style-src': ["'self'", ...hashesOf(blocks, 'styles')],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    ...everyPage,
  };
}

function contentSecurityPolicy(directives: Directives): Middleware {
  return helmet.contentSecurityPolicy({ useDefaults: false, directives }) as unknown as Middleware;
}

const CSP = 'Content-Security-Policy';

type HeaderChange = { set: [string, string] } | { remove: string };

/**
 * What a helmet middleware does to a response, recorded once: its headers are constants (no
 * nonces, no per-request directives), so every response then gets them set directly — the same
 * names and values helmet writes, without running helmet on each request.
 */
function recorded(middleware: Middleware): HeaderChange[] {
  const changes: HeaderChange[] = [];
  const probe = {
    setHeader: (name: string, value: unknown) => void changes.push({ set: [name, Array.isArray(value) ? value.join(', ') : String(value)] }),
    removeHeader: (name: string) => void changes.push({ remove: name }),
    getHeader: () => undefined,
    hasHeader: () => false,
  };
  let called = false;
  let failed: unknown;
  middleware({ headers: {}, method: 'GET', url: '/' } as IncomingMessage, probe as unknown as ServerResponse, (error?: unknown) => {
    called = true;
    failed = error;
  });
  if (!called || failed) throw new Error(`security headers could not be precomputed: ${String(failed ?? 'middleware did not finish synchronously')}`);
  return changes;
}

function applying(changes: readonly HeaderChange[]): (res: ServerResponse) => void {
  const sets = changes.flatMap((c) => ('set' in c ? [c.set] : []));
  const removes = changes.flatMap((c) => ('remove' in c ? [c.remove] : []));
  return (res) => {
    for (let i = 0; i < removes.length; i++) res.removeHeader(removes[i] as string);
    for (let i = 0; i < sets.length; i++) res.setHeader(sets[i]![0], sets[i]![1]);
  };
}

function policyValue(directives: Directives): string {
  const changes = recorded(contentSecurityPolicy(directives));
  const value = changes.flatMap((c) => ('set' in c && c.set[0].toLowerCase() === CSP.toLowerCase() ? [c.set[1]] : []))[0];
  if (value === undefined) throw new Error('helmet set no Content-Security-Policy');
  return value;
}

/** `app.use('/api', …)` matches /api and everything under it, in any letter case. */
function underApi(url: string | undefined): boolean {
  if (!url || url.length < 4) return false;
  const prefix = url.slice(0, 4);
  if (prefix !== '/api' && prefix.toLowerCase() !== '/api') return false;
  const next = url.charCodeAt(4);
  // the path ends, goes on below /api, or a query follows
  return Number.isNaN(next) || next === 47 || next === 63;
}

/** The security headers worked out once: what every response gets, and each policy by where it applies. */
export interface SecurePolicies {
  /** Headers every response carries (nosniff, frame and referrer policies, cross-origin isolation …). */
  common: (res: ServerResponse) => void;
  /** The Content-Security-Policy of a declared route: its inline blocks' policy, or that of every API answer. */
  policyOf: (route: RouteSpec) => string;
  /** The policy of API answers that declare no inline blocks. */
  api: string;
  /** The web apps' policy (scripts and styles from our origin, the API's inline blocks by hash). */
  apps: string;
}

export function securePolicies(routes: readonly RouteSpec[]): SecurePolicies {
  const common = applying(recorded(
    helmet({
      contentSecurityPolicy: false,
      strictTransportSecurity: false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }) as unknown as Middleware,
  ));
  const declared: Required<InlineBlocks> = { styles: [], scripts: [] };
  const byRoute = new Map<RouteSpec, string>();
  for (const route of routes) {
    if (!route.inlineBlocks) continue;
    declared.styles = [...declared.styles, ...(route.inlineBlocks.styles ?? [])];
    declared.scripts = [...declared.scripts, ...(route.inlineBlocks.scripts ?? [])];
    byRoute.set(route, policyValue(apiPolicy(route.inlineBlocks)));
  }
  const api = policyValue(apiPolicy({}));
  return { common, policyOf: (route) => byRoute.get(route) ?? api, api, apps: policyValue(appPolicy(declared)) };
}

/** A declared route's security headers, set directly (the direct routes' edge: the same headers the router below sets). */
export function routeSecureHeaders(policies: SecurePolicies, route: RouteSpec): (res: ServerResponse) => void {
  const policy = policies.policyOf(route);
  return (res) => {
    policies.common(res);
    res.setHeader(CSP, policy);
  };
}

/**
 * Security headers on every response (helmet): a Content-Security-Policy with `frame-ancestors
 * 'none'`, nosniff, Referrer-Policy no-referrer, X-Frame-Options DENY, cross-origin isolation of
 * resources. HSTS is left to the proxy that terminates TLS: these servers speak plain HTTP.
 * Routes declaring `inlineBlocks` get a policy allowing exactly those blocks.
 */
export function secureHeaders(routes: readonly RouteSpec[], policies: SecurePolicies = securePolicies(routes)): Router {
  const router = express.Router();
  const { common, api, apps } = policies;
  router.use(((_req: IncomingMessage, res: ServerResponse, next: Next) => {
    common(res);
    next();
  }) as never);
  for (const route of routes) {
    if (!route.inlineBlocks) continue;
    const policy = policies.policyOf(route);
    router[route.method](route.path, ((_req: IncomingMessage, res: ServerResponse, next: Next) => {
      res.setHeader(CSP, policy);
      next();
    }) as never);
  }
  // Unless a route declaring its inline blocks set a more specific one: API answers, then the web apps.
  router.use(((req: IncomingMessage, res: ServerResponse, next: Next) => {
    if (!res.hasHeader(CSP)) res.setHeader(CSP, underApi(req.url) ? api : apps);
    next();
  }) as never);
  return router;
}
