import type { OfferedItem } from './api.js';
import { t } from './ui-text.js';

/**
 * A locality pinned to an older version decides differently from its neighbours: say so plainly
 * on the counter, with both versions, whenever the region has published a newer one.
 */
export function OlderVersionBanner({ item, divisionName }: { item: OfferedItem | undefined; divisionName: string }) {
  if (!item || item.version >= item.latestVersion) return null;
  const published = item.publishedAt ? t('runtime.olderVersion.published', { date: item.publishedAt.slice(0, 10) }) : '';
  return (
    <p role="alert" className="banner warn older-version" data-testid="older-version">
      {t('runtime.olderVersion.notice', { division: divisionName, version: item.version, latest: item.latestVersion, published })}
    </p>
  );
}
