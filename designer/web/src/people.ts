import { useEffect, useState } from 'react';
import { createApiClient, type Person } from '../../../engine/web-kit/index.js';
import { t } from './ui-text.js';

const client = createApiClient();
let everyone: Promise<Map<string, Person>> | null = null;

/** GET /api/people once per page load (a failed load is retried by the next screen that asks). */
function loadPeople(): Promise<Map<string, Person>> {
  everyone ??= client.request<{ people: Person[] }>('/api/people').then(
    (r) => new Map(r.people.map((p) => [p.id, p])),
    (error: unknown) => { everyone = null; throw error; },
  );
  return everyone;
}

/**
 * id → the person's name, so screens show 张编制 rather than author-f62126ab; an id nobody knows
 * (or while the list loads) is shown as it is.
 */
export function usePeople(): (id: string | null | undefined) => string {
  const [people, setPeople] = useState<Map<string, Person>>(new Map());
  useEffect(() => {
    let live = true;
    loadPeople().then((found) => { if (live) setPeople(found); }, () => undefined);
    return () => { live = false; };
  }, []);
  return (id) => {
    if (!id) return '—';
    if (id.startsWith('system:')) return t('designer.people.system');
    return people.get(id)?.name ?? id;
  };
}
