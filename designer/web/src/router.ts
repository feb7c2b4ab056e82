import { useEffect, useState } from 'react';

export const BASE = '/designer';

export type Route = { page: 'dashboard' } | { page: 'item'; code: string; tab: string };

function parse(): Route {
  const path = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : window.location.pathname;
  const match = /^\/items\/([^/]+)\/?$/.exec(path);
  if (match?.[1]) return { page: 'item', code: decodeURIComponent(match[1]), tab: new URLSearchParams(window.location.search).get('tab') ?? 'standard' };
  return { page: 'dashboard' };
}

/** Unsaved-change guard: the editor registers a check; navigation asks before leaving. */
let guard: (() => boolean) | null = null;
export function setNavigationGuard(check: (() => boolean) | null): void {
  guard = check;
}
export function mayLeave(): boolean {
  return !guard || !guard() || window.confirm('有尚未保存的修改。离开将丢失这些修改，确定离开吗？');
}

export function navigate(path: string, options: { replace?: boolean; force?: boolean } = {}): void {
  if (!options.force && !mayLeave()) return;
  const url = `${BASE}${path}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event('tongban:navigate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    let current = window.location.href;
    const update = () => {
      current = window.location.href;
      setRoute(parse());
    };
    const onPop = () => {
      if (!mayLeave()) {
        window.history.pushState(null, '', current);
        return;
      }
      update();
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('tongban:navigate', update);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('tongban:navigate', update);
    };
  }, []);
  return route;
}

