import { draftStatuses, labelTable } from '../../../engine/core/index.js';
import type { DraftStatus, ItemSummary } from './api.js';
import { t } from './ui-text.js';

export const DRAFT_LABEL: Record<DraftStatus, string> = labelTable(draftStatuses);

export function StatusBadges({ item }: { item: Pick<ItemSummary, 'withdrawn' | 'latestVersion' | 'draft'> }) {
  return (
    <span>
      {item.withdrawn ? <span className="badge withdrawn">{t('designer.status.withdrawn')}</span> : null}
      {item.latestVersion !== null && !item.withdrawn ? <span className="badge published">{t('designer.status.published', { version: item.latestVersion })}</span> : null}
      {item.draft ? <span className={`badge ${item.draft.status}`}>{DRAFT_LABEL[item.draft.status]}</span> : null}
      {!item.draft && item.latestVersion === null && !item.withdrawn ? <span className="badge editing">{t('designer.status.empty')}</span> : null}
    </span>
  );
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
