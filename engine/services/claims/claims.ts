import { systemClock, type Clock } from '../../core/clock/index.js';
import { requireServedLocality } from '../stations/stations.js';
import { isServicePhone, localFieldsOf, PHONE_LOCAL_FIELDS } from '../../core/config/index.js';
import { NotFoundError, ValidationFailedError, type Problem } from '../../core/errors.js';
import type { ConfigStore } from '../../ports/config-store/port.js';
import type { ClaimRecord } from '../../core/model/records.js';

const MAX_LOCAL_VALUE = 500;
const LOCAL_FIELD_TITLES: Record<string, string> = { consultPhone: '咨询电话', complaintPhone: '监督投诉电话' };

/**
 * A locality claims (认领) an item: which version it serves (following the latest, or pinned)
 * and the few local fields the standard lets it set. Anything else — above all any standard
 * element, form or rule — is refused, naming the field.
 */
export async function putClaim({ store, clock = systemClock, division, code, body, actor }: { store: ConfigStore; clock?: Clock; division: string; code: string; body: unknown; actor: string }): Promise<ClaimRecord> {
  const now = clock().toISOString();
  await requireServedLocality({ store, division });
  const item = await store.getItem(code);
  if (!item || item.latestVersion === null) throw new NotFoundError(`事项 ${code} 尚未发布，不能认领`, { code });
  if (item.withdrawn) throw new ValidationFailedError(`事项 ${code} 已撤销，不能认领`, [{ pointer: '', code: 'claim.withdrawn', message: '事项已撤销' }]);
  const latest = await store.getVersion(code, item.latestVersion);
  const allowed = new Set(latest ? localFieldsOf(latest.config.standard) : []);
  const input = (body ?? {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const key of Object.keys(input)) {
    if (key !== 'follow' && key !== 'local') problems.push({ pointer: `/${key}`, code: 'claim.unknown-field', message: `认领只能设置 follow 与 local，不能设置「${key}」` });
  }
  const follow = input.follow ?? 'latest';
  if (follow !== 'latest' && !(Number.isInteger(follow) && (follow as number) >= 1 && (follow as number) <= item.latestVersion)) {
    problems.push({ pointer: '/follow', code: 'claim.follow', message: `follow 应为 "latest" 或 1–${item.latestVersion} 之间的已发布版本号` });
  }
  const local = input.local ?? {};
  const values: Record<string, string> = {};
  if (local === null || typeof local !== 'object' || Array.isArray(local)) {
    problems.push({ pointer: '/local', code: 'claim.local', message: 'local 应为对象' });
  } else {
    for (const [key, value] of Object.entries(local)) {
      // `<field>@mn-Mong`: the locality's own traditional Mongolian for an allowed local field.
      if (!allowed.has(key.endsWith('@mn-Mong') ? key.slice(0, -'@mn-Mong'.length) : key)) {
        problems.push({ pointer: `/local/${key}`, code: 'claim.not-local', message: `「${key}」不是本事项允许属地设置的字段（允许：${[...allowed].join('、') || '无'}）；事项标准、表单和规则只能由自治区部门修改` });
      } else if (typeof value !== 'string' || value.length > MAX_LOCAL_VALUE) {
        problems.push({ pointer: `/local/${key}`, code: 'claim.local-value', message: `「${key}」应为不超过 ${MAX_LOCAL_VALUE} 字的文本` });
      } else if (PHONE_LOCAL_FIELDS.includes(key) && value.trim() !== '' && !isServicePhone(value.trim())) {
        problems.push({ pointer: `/local/${key}`, code: 'claim.phone', message: `「${LOCAL_FIELD_TITLES[key] ?? key}」应为电话号码，如 0471-1234567、13800138000 或 12345，多个号码用顿号分隔` });
      } else if (value.trim() !== '') values[key] = value.trim();
    }
  }
  if (problems.length > 0) throw new ValidationFailedError('认领信息有误', problems);
  const claim = await store.putClaim({ division, code, follow: follow as ClaimRecord['follow'], local: values, claimedAt: now, claimedBy: actor, updatedAt: now, updatedBy: actor });
  await store.appendAudit({ at: now, actor, action: 'claim.changed', code, version: follow === 'latest' ? item.latestVersion : (follow as number), reason: null, details: { division, follow, localFields: Object.keys(values) } });
  return claim;
}

export async function removeClaim({ store, clock = systemClock, division, code, actor }: { store: ConfigStore; clock?: Clock; division: string; code: string; actor: string }): Promise<void> {
  const now = clock().toISOString();
  if (!(await store.deleteClaim(division, code))) throw new NotFoundError(`${division} 未认领事项 ${code}`, { division, code });
  await store.appendAudit({ at: now, actor, action: 'claim.changed', code, version: null, reason: '取消认领', details: { division, removed: true } });
}

