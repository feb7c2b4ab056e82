import { createRouter } from '../../../engine/web-kit/index.js';

/** The window app's pages: the division picker, a division's counter, a division's public page. */
export type Route =
  | { page: 'divisions' }
  | { page: 'clerk'; division: string; code: string | null }
  | { page: 'public'; division: string; code: string | null };

function parse(path: string): Route {
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  if (parts[0] === 'public' && parts[1]) return { page: 'public', division: parts[1], code: parts[2] ?? null };
  if (parts[0] && /^\d{6,12}$/.test(parts[0])) return { page: 'clerk', division: parts[0], code: parts[1] ?? null };
  return { page: 'divisions' };
}

function pathOf(route: Route): string {
  if (route.page === 'divisions') return '/';
  const prefix = route.page === 'public' ? '/public' : '';
  return `${prefix}/${encodeURIComponent(route.division)}${route.code ? `/${encodeURIComponent(route.code)}` : ''}`;
}

export const { hrefOf, navigate, useRoute, linkHandler } = createRouter<Route>({ base: '/window', parse, pathOf });
