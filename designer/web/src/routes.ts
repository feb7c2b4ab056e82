import { createRouter } from '../../../engine/web-kit/index.js';
import { t } from './ui-text.js';

/** The designer's pages: the item list, one item's editor on one of its tabs, and the auditor workspace (auditor/). */
export type Route = { page: 'dashboard' } | { page: 'item'; code: string; tab?: string } | { page: 'audit'; view: string; code?: string; from?: string; to?: string }
  | { page: 'lists'; view: string } | { page: 'reports'; view: string };

export const DEFAULT_TAB = 'standard';

function parse(path: string, query: URLSearchParams): Route {
  const match = /^\/items\/([^/]+)\/?$/.exec(path);
  if (match?.[1]) return { page: 'item', code: decodeURIComponent(match[1]), tab: query.get('tab') ?? DEFAULT_TAB };
  const programme = /^\/(lists|reports)(?:\/([a-z]+))?\/?$/.exec(path);
  if (programme) return programme[1] === 'lists' ? { page: 'lists', view: programme[2] ?? 'needs' } : { page: 'reports', view: programme[2] ?? 'week' };
  const audit = /^\/audit(?:\/([a-z]+))?\/?$/.exec(path);
  if (audit) {
    const optional = (name: 'code' | 'from' | 'to') => (query.get(name) ? { [name]: query.get(name) as string } : {});
    return { page: 'audit', view: audit[1] ?? 'trail', ...optional('code'), ...optional('from'), ...optional('to') };
  }
  return { page: 'dashboard' };
}

function pathOf(route: Route): string {
  if (route.page === 'dashboard') return '/';
  if (route.page === 'lists' || route.page === 'reports') return `/${route.page}/${encodeURIComponent(route.view)}`;
  if (route.page === 'audit') {
    const query = new URLSearchParams();
    for (const name of ['code', 'from', 'to'] as const) if (route[name]) query.set(name, route[name] as string);
    return `/audit/${encodeURIComponent(route.view)}${query.size ? `?${query.toString()}` : ''}`;
  }
  const tab = route.tab && route.tab !== DEFAULT_TAB ? `?tab=${encodeURIComponent(route.tab)}` : '';
  return `/items/${encodeURIComponent(route.code)}${tab}`;
}

// The editor registers an unsaved-change check; leaving (in the app or by back/forward) asks first.
export const { hrefOf, navigate, useRoute, linkHandler, setNavigationGuard } = createRouter<Route>({
  base: '/designer',
  parse,
  pathOf,
  leaveQuestion: t('designer.app.leaveQuestion'),
});
