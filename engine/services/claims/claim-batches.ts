import { systemClock, type Clock } from '../../core/clock/index.js';
import { isIsoDate } from '../../core/codes/calendar-date.js';
import { catalogueProblem, ValidationFailedError, type Problem } from '../../core/errors.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';
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
  if (!campaign) problems.push(catalogueProblem('', 'campaign.missing', { key: 'services.claims.campaignMissing' }));
  if (!Array.isArray(list)) {
    problems.push(catalogueProblem('/batches', 'batch.shape', { key: 'services.claims.batchesShape' }));
    throw new ValidationFailedError({ key: 'services.claims.batchesInvalid' }, problems);
  }
  const batches: ClaimBatch[] = [];
  const names = new Set<string>();
  const batchOf = new Map<string, string>();
  for (const [i, entry] of list.entries()) {
    const at = `/batches/${i}`;
    const batch = isRecord(entry) ? entry : {};
    const name = typeof batch.name === 'string' ? batch.name.trim() : '';
    if (name === '') problems.push(catalogueProblem(`${at}/name`, 'batch.name', { key: 'services.claims.batchNameMissing', values: { n: i + 1 } }));
    else if (names.has(name)) problems.push(catalogueProblem(`${at}/name`, 'batch.name-duplicate', { key: 'services.claims.batchNameDuplicate', values: { name } }));
    names.add(name);
    const label = name || uiText('services.claims.batchOrdinal', 'zh-CN', { n: i + 1 });
    const deadline = batch.deadline;
    if (typeof deadline !== 'string' || !isIsoDate(deadline)) problems.push(catalogueProblem(`${at}/deadline`, 'batch.deadline', { key: 'services.claims.batchDeadline', values: { label } }));
    const codes = Array.isArray(batch.codes) ? batch.codes : null;
    if (!codes || codes.length === 0) problems.push(catalogueProblem(`${at}/codes`, 'batch.codes', { key: 'services.claims.batchCodes', values: { label } }));
    for (const [j, code] of (codes ?? []).entries()) {
      if (typeof code !== 'string' || !(await store.getItem(code))) {
        problems.push(catalogueProblem(`${at}/codes/${j}`, 'batch.unknown-item', { key: 'services.claims.batchUnknownItem', values: { label, code: String(code) } }));
        continue;
      }
      const other = batchOf.get(code);
      if (other !== undefined) problems.push(catalogueProblem(`${at}/codes/${j}`, 'batch.item-twice', { key: 'services.claims.batchItemTwice', values: { code, other } }));
      else batchOf.set(code, label);
    }
    batches.push({ name, codes: (codes ?? []).filter((c): c is string => typeof c === 'string'), deadline: String(deadline) });
  }
  if (problems.length > 0 || !campaign) throw new ValidationFailedError({ key: 'services.claims.batchesProblems', values: { count: problems.length } }, problems);
  const updated: CampaignRecord = { ...campaign, batches, updatedAt: clock().toISOString(), updatedBy: actor };
  await store.setCampaign(updated);
  await store.appendAudit({ at: updated.updatedAt, actor, action: 'campaign.changed', code: null, version: null, reason: null, details: { name: campaign.name, deadline: campaign.deadline, batches } });
  return updated;
}
