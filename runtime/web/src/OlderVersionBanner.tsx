import type { OfferedItem } from './api.js';

/**
 * A locality pinned to an older version decides differently from its neighbours: say so plainly
 * on the counter, with both versions, whenever the region has published a newer one.
 */
export function OlderVersionBanner({ item, divisionName }: { item: OfferedItem | undefined; divisionName: string }) {
  if (!item || item.version >= item.latestVersion) return null;
  return (
    <p role="alert" className="banner warn older-version" data-testid="older-version">
      注意：{divisionName}执行本事项第 {item.version} 版，自治区现行第 {item.latestVersion} 版
      {item.publishedAt ? `（${item.publishedAt.slice(0, 10)} 发布）` : ''}。本窗口的受理判定可能与其他地区不同；如需按现行版本受理，请联系本级认领管理员改为「跟随最新版」。
    </p>
  );
}
