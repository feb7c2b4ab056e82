import { systemClock, type Clock } from '../../core/clock/index.js';
import { isIsoDate } from '../../core/codes/calendar-date.js';
import { ValidationFailedError, type Problem } from '../../core/errors.js';
import type { CampaignRecord, ClaimBatch } from '../../core/model/records.js';
import type { ConfigStore } from '../../ports/config-store/port.js';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Sets the claim campaign's batches (分批认领): each a name, its item codes and its own claim
 * deadline; items in no batch keep the campaign's deadline. Every problem is reported at once
 * and nothing is written on refusal; the change is an audit event.
 */
export async function setClaimBatches({ store, clock = systemClock, body, actor }: { store: ConfigStore; clock?: Clock; body: unknown; actor: string }): Promise<CampaignRecord> {
  const campaign = await store.getCampaign();
  const list = isRecord(body) ? body.batches : undefined;
  const problems: Problem[] = [];
  if (!campaign) problems.push({ pointer: '', code: 'campaign.missing', message: '请先设置认领活动（名称与截止日期），再分批设置截止日期' });
  if (!Array.isArray(list)) {
    problems.push({ pointer: '/batches', code: 'batch.shape', message: '应为批次列表，每批含名称、事项编码和认领截止日期' });
    throw new ValidationFailedError('认领批次无效', problems);
  }
  const batches: ClaimBatch[] = [];
  const names = new Set<string>();
  const batchOf = new Map<string, string>();
  for (const [i, entry] of list.entries()) {
    const at = `/batches/${i}`;
    const batch = isRecord(entry) ? entry : {};
    const name = typeof batch.name === 'string' ? batch.name.trim() : '';
    if (name === '') problems.push({ pointer: `${at}/name`, code: 'batch.name', message: `第 ${i + 1} 批须有名称` });
    else if (names.has(name)) problems.push({ pointer: `${at}/name`, code: 'batch.name-duplicate', message: `批次名称「${name}」重复` });
    names.add(name);
    const label = name || `第 ${i + 1} 批`;
    const deadline = batch.deadline;
    if (typeof deadline !== 'string' || !isIsoDate(deadline)) problems.push({ pointer: `${at}/deadline`, code: 'batch.deadline', message: `批次「${label}」的认领截止日期应为 YYYY-MM-DD` });
    const codes = Array.isArray(batch.codes) ? batch.codes : null;
    if (!codes || codes.length === 0) problems.push({ pointer: `${at}/codes`, code: 'batch.codes', message: `批次「${label}」须列出至少一个事项编码` });
    for (const [j, code] of (codes ?? []).entries()) {
      if (typeof code !== 'string' || !(await store.getItem(code))) {
        problems.push({ pointer: `${at}/codes/${j}`, code: 'batch.unknown-item', message: `批次「${label}」中的事项「${String(code)}」不存在` });
        continue;
      }
      const other = batchOf.get(code);
      if (other !== undefined) problems.push({ pointer: `${at}/codes/${j}`, code: 'batch.item-twice', message: `事项「${code}」已在批次「${other}」中，一个事项只能属于一个批次` });
      else batchOf.set(code, label);
    }
    batches.push({ name, codes: (codes ?? []).filter((c): c is string => typeof c === 'string'), deadline: String(deadline) });
  }
  if (problems.length > 0 || !campaign) throw new ValidationFailedError(`认领批次有 ${problems.length} 处问题`, problems);
  const updated: CampaignRecord = { ...campaign, batches, updatedAt: clock().toISOString(), updatedBy: actor };
  await store.setCampaign(updated);
  await store.appendAudit({ at: updated.updatedAt, actor, action: 'campaign.changed', code: null, version: null, reason: null, details: { name: campaign.name, deadline: campaign.deadline, batches } });
  return updated;
}
