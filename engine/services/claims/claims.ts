import { systemClock, type Clock } from '../../core/clock/index.js';
import { requireServedLocality } from '../stations/stations.js';
import { isServicePhone, localFieldsOf, PHONE_LOCAL_FIELDS } from '../../core/config/index.js';
import { catalogueProblem, NotFoundError, ValidationFailedError, type Problem } from '../../core/errors.js';
import { uiText, type CatalogueKey } from '../../core/i18n/catalogue/catalogue.js';
import type { ConfigStore } from '../../ports/config-store/port.js';
import type { ClaimRecord } from '../../core/model/records.js';

const MAX_LOCAL_VALUE = 500;
/** The guide's label of a phone field (咨询电话, 监督投诉电话), named in a refusal. */
const LOCAL_FIELD_TITLES: Record<string, CatalogueKey> = { consultPhone: 'guide.local.consultPhone', complaintPhone: 'guide.local.complaintPhone' };

/**
 * A locality claims (认领) an item: which version it serves (following the latest, or pinned)
 * and the few local fields the standard lets it set. Anything else — above all any standard
 * element, form or rule — is refused, naming the field.
 */
export async function putClaim({ store, clock = systemClock, division, code, body, actor }: { store: ConfigStore; clock?: Clock; division: string; code: string; body: unknown; actor: string }): Promise<ClaimRecord> {
  const now = clock().toISOString();
  await requireServedLocality({ store, division });
  const item = await store.getItem(code);
  if (!item || item.latestVersion === null) throw new NotFoundError({ key: 'services.claims.notPublished', values: { code } }, { code });
  if (item.withdrawn) throw new ValidationFailedError({ key: 'services.claims.withdrawn', values: { code } }, [catalogueProblem('', 'claim.withdrawn', { key: 'services.claims.withdrawnProblem' })]);
  const latest = await store.getVersion(code, item.latestVersion);
  const allowed = new Set(latest ? localFieldsOf(latest.config.standard) : []);
  const input = (body ?? {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const key of Object.keys(input)) {
    if (key !== 'follow' && key !== 'local') problems.push(catalogueProblem(`/${key}`, 'claim.unknown-field', { key: 'services.claims.unknownField', values: { key } }));
  }
  const follow = input.follow ?? 'latest';
  if (follow !== 'latest' && !(Number.isInteger(follow) && (follow as number) >= 1 && (follow as number) <= item.latestVersion)) {
    problems.push(catalogueProblem('/follow', 'claim.follow', { key: 'services.claims.follow', values: { latest: item.latestVersion } }));
  }
  const local = input.local ?? {};
  const values: Record<string, string> = {};
  if (local === null || typeof local !== 'object' || Array.isArray(local)) {
    problems.push(catalogueProblem('/local', 'claim.local', { key: 'services.claims.localNotObject' }));
  } else {
    for (const [key, value] of Object.entries(local)) {
      // `<field>@mn-Mong`: the locality's own traditional Mongolian for an allowed local field.
      if (!allowed.has(key.endsWith('@mn-Mong') ? key.slice(0, -'@mn-Mong'.length) : key)) {
        const listed = [...allowed].join(uiText('server.listSeparator')) || uiText('services.claims.noneAllowed');
        problems.push(catalogueProblem(`/local/${key}`, 'claim.not-local', { key: 'services.claims.notLocal', values: { key, allowed: listed } }));
      } else if (typeof value !== 'string' || value.length > MAX_LOCAL_VALUE) {
        problems.push(catalogueProblem(`/local/${key}`, 'claim.local-value', { key: 'services.claims.localValue', values: { key, max: MAX_LOCAL_VALUE } }));
      } else if (PHONE_LOCAL_FIELDS.includes(key) && value.trim() !== '' && !isServicePhone(value.trim())) {
        const title = LOCAL_FIELD_TITLES[key];
        problems.push(catalogueProblem(`/local/${key}`, 'claim.phone', { key: 'services.claims.phone', values: { title: title ? uiText(title) : key } }));
      } else if (value.trim() !== '') values[key] = value.trim();
    }
  }
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.claims.invalid' }, problems);
  const claim = await store.putClaim({ division, code, follow: follow as ClaimRecord['follow'], local: values, claimedAt: now, claimedBy: actor, updatedAt: now, updatedBy: actor });
  await store.appendAudit({ at: now, actor, action: 'claim.changed', code, version: follow === 'latest' ? item.latestVersion : (follow as number), reason: null, details: { division, follow, localFields: Object.keys(values) } });
  return claim;
}

export async function removeClaim({ store, clock = systemClock, division, code, actor }: { store: ConfigStore; clock?: Clock; division: string; code: string; actor: string }): Promise<void> {
  const now = clock().toISOString();
  if (!(await store.deleteClaim(division, code))) throw new NotFoundError({ key: 'services.claims.notClaimed', values: { division, code } }, { division, code });
  await store.appendAudit({ at: now, actor, action: 'claim.changed', code, version: null, reason: uiText('services.claims.unclaimReason'), details: { division, removed: true } });
}

