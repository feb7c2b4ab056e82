import { useEffect, useState } from 'react';

export const BASE = '/window';

export type Route =
  | { page: 'divisions' }
  | { page: 'clerk'; division: string; code: string | null }
  | { page: 'public'; division: string; code: string | null };

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = rest.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  if (parts[0] === 'public' && parts[1]) return { page: 'public', division: parts[1], code: parts[2] ?? null };
  if (parts[0] && /^\d{6,12}$/.test(parts[0])) return { page: 'clerk', division: parts[0], code: parts[1] ?? null };
  return { page: 'divisions' };
}

export function hrefOf(route: Route): string {
  if (route.page === 'divisions') return `${BASE}/`;
  const prefix = route.page === 'public' ? `${BASE}/public` : BASE;
  return `${prefix}/${encodeURIComponent(route.division)}${route.code ? `/${encodeURIComponent(route.code)}` : ''}`;
}

const listeners = new Set<() => void>();

export function navigate(route: Route): void {
  const href = hrefOf(route);
  if (href !== location.pathname) history.pushState(null, '', href);
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** A link that navigates inside the app (keeps middle-click / new-tab behaviour of a real link). */
export function linkHandler(route: Route) {
  return (event: { preventDefault(): void; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; button: number }) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(route);
  };
}
