import type { AuditAction } from '../../../engine/core/index.js';
import { t } from './ui-text.js';

/** Every audit action by its name (the catalogue's `designer.auditActions.*`), for the version history and the auditor workspace alike. */
export const AUDIT_ACTION_LABELS = {
  'draft.created': t('designer.auditActions.draftCreated'),
  'draft.saved': t('designer.auditActions.draftSaved'),
  'draft.discarded': t('designer.auditActions.draftDiscarded'),
  'draft.submitted': t('designer.auditActions.draftSubmitted'),
  'draft.approved': t('designer.auditActions.draftApproved'),
  'draft.returned': t('designer.auditActions.draftReturned'),
  'version.published': t('designer.auditActions.versionPublished'),
  'item.withdrawn': t('designer.auditActions.itemWithdrawn'),
  'item.imported': t('designer.auditActions.itemImported'),
  'store.seeded': t('designer.auditActions.storeSeeded'),
  'principal.created': t('designer.auditActions.principalCreated'),
  'principal.revoked': t('designer.auditActions.principalRevoked'),
  'claim.changed': t('designer.auditActions.claimChanged'),
  'campaign.changed': t('designer.auditActions.campaignChanged'),
  'station.added': t('designer.auditActions.stationAdded'),
  'calendar.year-stored': t('designer.auditActions.calendarYearStored'),
} satisfies Record<AuditAction, string>;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
