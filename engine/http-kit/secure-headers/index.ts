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

/** Sets the policy unless a more specific layer (a route declaring its inline blocks) already did. */
function unlessSet(middleware: Middleware): Middleware {
  return (req, res, next) => (res.hasHeader(CSP) ? next() : middleware(req, res, next));
}

/**
 * Security headers on every response (helmet): a Content-Security-Policy with `frame-ancestors
 * 'none'`, nosniff, Referrer-Policy no-referrer, X-Frame-Options DENY, cross-origin isolation of
 * resources. HSTS is left to the proxy that terminates TLS: these servers speak plain HTTP.
 * Routes declaring `inlineBlocks` get a policy allowing exactly those blocks.
 */
export function secureHeaders(routes: readonly RouteSpec[]): Router {
  const router = express.Router();
  router.use(
    helmet({
      contentSecurityPolicy: false,
      strictTransportSecurity: false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }) as never,
  );
  const declared: Required<InlineBlocks> = { styles: [], scripts: [] };
  for (const route of routes) {
    if (!route.inlineBlocks) continue;
    declared.styles = [...declared.styles, ...(route.inlineBlocks.styles ?? [])];
    declared.scripts = [...declared.scripts, ...(route.inlineBlocks.scripts ?? [])];
    router[route.method](route.path, contentSecurityPolicy(apiPolicy(route.inlineBlocks)) as never);
  }
  router.use('/api', unlessSet(contentSecurityPolicy(apiPolicy({}))) as never);
  router.use(unlessSet(contentSecurityPolicy(appPolicy(declared))) as never);
  return router;
}
