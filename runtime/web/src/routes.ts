import { createRouter } from '../../../engine/web-kit/index.js';

/**
 * The window app's pages: the division picker, a division's counter (an item, one case, or the
 * operator's 属地信息 screen), a
 * department's desk at a division (审批部门), and a division's public page.
 */
export type Route =
  | { page: 'divisions' }
  | { page: 'clerk'; division: string; code: string | null }
  | { page: 'case'; division: string; caseNumber: string }
  | { page: 'local-fields'; division: string }
  | { page: 'department'; division: string; caseNumber: string | null }
  | { page: 'public'; division: string; code: string | null };

const DIVISION = /^\d{6,12}$/;
const LOCAL_FIELDS_SEGMENT = '_local-fields';

function parse(path: string): Route {
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  if (parts[0] === 'public' && parts[1]) return { page: 'public', division: parts[1], code: parts[2] ?? null };
  if (parts[0] === 'department' && parts[1] && DIVISION.test(parts[1])) return { page: 'department', division: parts[1], caseNumber: parts[2] ?? null };
  if (parts[0] && DIVISION.test(parts[0])) {
    if (parts[1] === 'cases' && parts[2]) return { page: 'case', division: parts[0], caseNumber: parts[2] };
    // No item code starts with '_' (see the item-code pattern), so this segment cannot shadow one.
    if (parts[1] === LOCAL_FIELDS_SEGMENT) return { page: 'local-fields', division: parts[0] };
    return { page: 'clerk', division: parts[0], code: parts[1] ?? null };
  }
  return { page: 'divisions' };
}

function pathOf(route: Route): string {
  const d = (division: string) => encodeURIComponent(division);
  switch (route.page) {
    case 'divisions': return '/';
    case 'clerk': return `/${d(route.division)}${route.code ? `/${encodeURIComponent(route.code)}` : ''}`;
    case 'case': return `/${d(route.division)}/cases/${encodeURIComponent(route.caseNumber)}`;
    case 'local-fields': return `/${d(route.division)}/${LOCAL_FIELDS_SEGMENT}`;
    case 'department': return `/department/${d(route.division)}${route.caseNumber ? `/${encodeURIComponent(route.caseNumber)}` : ''}`;
    case 'public': return `/public/${d(route.division)}${route.code ? `/${encodeURIComponent(route.code)}` : ''}`;
  }
}

export const { hrefOf, navigate, useRoute, linkHandler } = createRouter<Route>({ base: '/window', parse, pathOf });
