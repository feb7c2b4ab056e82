import { useEffect, useState } from 'react';
import { uiText } from '../core/index.js';

export interface RouterOptions<R> {
  /** Where the app is served, without a trailing slash: '/window', '/designer'. */
  base: string;
  /** The route of a path below the base ('/items/X') and its query. */
  parse(path: string, query: URLSearchParams): R;
  /** The path (and query) below the base that shows a route. */
  pathOf(route: R): string;
  /** Asked before leaving while a guard reports unsaved changes. */
  leaveQuestion?: string;
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
  /** Leave even if the guard reports unsaved changes (e.g. after signing out). */
  force?: boolean;
}

interface LinkEvent {
  preventDefault(): void;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  button: number;
}

export interface Router<R> {
  /** The route the address bar shows now. */
  current(): R;
  /** The full href of a route (base included), for `<a href>`. */
  hrefOf(route: R): string;
  navigate(route: R, options?: NavigateOptions): void;
  /** The current route, re-rendered on navigate and on the browser's back/forward. */
  useRoute(): R;
  /** An `onClick` for an `<a href={hrefOf(route)}>` that navigates in the app but keeps middle-click / new-tab. */
  linkHandler(route: R): (event: LinkEvent) => void;
  /** Registers the unsaved-change check (null removes it); navigation then asks before leaving. */
  setNavigationGuard(hasUnsavedChanges: (() => boolean) | null): void;
  /** True when there is nothing unsaved, or the user agreed to leave anyway. */
  mayLeave(): boolean;
}

/** The one client-side router of the web apps: history API under a base path, with an optional leave guard. */
export function createRouter<R>(options: RouterOptions<R>): Router<R> {
  const { base } = options;
  const leaveQuestion = options.leaveQuestion ?? uiText('webkit.router.leaveQuestion');
  const listeners = new Set<() => void>();
  let guard: (() => boolean) | null = null;

  const current = (): R => {
    const { pathname, search } = window.location;
    const path = pathname === base || pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
    return options.parse(path || '/', new URLSearchParams(search));
  };
  const hrefOf = (route: R): string => `${base}${options.pathOf(route)}`;
  const mayLeave = (): boolean => !guard || !guard() || window.confirm(leaveQuestion);

  const navigate = (route: R, navigateOptions: NavigateOptions = {}): void => {
    if (!navigateOptions.force && !mayLeave()) return;
    const href = hrefOf(route);
    if (navigateOptions.replace) window.history.replaceState(null, '', href);
    else if (href !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, '', href);
    listeners.forEach((listener) => listener());
  };

  const useRoute = (): R => {
    const [route, setRoute] = useState(current);
    useEffect(() => {
      let shown = window.location.href;
      const update = () => {
        shown = window.location.href;
        setRoute(current());
      };
      const onPop = () => {
        // Back/forward has already moved the address bar: put it back if the user stays.
        if (!mayLeave()) {
          window.history.pushState(null, '', shown);
          return;
        }
        update();
      };
      listeners.add(update);
      window.addEventListener('popstate', onPop);
      return () => {
        listeners.delete(update);
        window.removeEventListener('popstate', onPop);
      };
    }, []);
    return route;
  };

  const linkHandler = (route: R) => (event: LinkEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(route);
  };

  return {
    current,
    hrefOf,
    navigate,
    useRoute,
    linkHandler,
    setNavigationGuard: (check) => {
      guard = check;
    },
    mayLeave,
  };
}
