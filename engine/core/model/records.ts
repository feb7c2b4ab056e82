import type { ItemConfig } from '../config/types.js';
import type { DraftStatus, LegalChangeKind } from '../vocabulary/index.js';
import type { VersionSignature } from '../signing/statement.js';

export type { DraftStatus, LegalChangeKind };

/** A mutable working copy of an item; `revision` guards against lost updates. */
export interface DraftRecord {
  code: string;
  revision: number;
  /** The published version this draft started from; null for a brand-new item. */
  baseVersion: number | null;
  status: DraftStatus;
  config: ItemConfig;
  hash: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /**
   * Everyone who wrote this draft's content (created it or saved a change), in order: none of
   * them may approve it. Drafts written before this was recorded have only createdBy/updatedBy.
   */
  editors?: string[];
  submittedAt?: string;
  submittedBy?: string;
  reviewedAt?: string;
  reviewedBy?: string;
  reviewComment?: string;
}

export interface VersionMeta {
  code: string;
  version: number;
  hash: string;
  baseVersion: number | null;
  publishedAt: string;
  publishedBy: string;
  author: string;
  reviewer: string | null;
  reason: string;
  legalBasis: string;
  changeKind: LegalChangeKind;
  /** The region's publication signature; absent on versions published before signing existed (never served). */
  signature?: VersionSignature;
  /** Set on a version imported from a bundle: it keeps its original publisher, reviewer and signature. */
  imported?: { at: string; by: string };
}

/** An immutable published version. */
export interface VersionRecord extends VersionMeta {
  config: ItemConfig;
}

export interface Withdrawal {
  at: string;
  by: string;
  reason: string;
}

export interface ItemRecord {
  code: string;
  name: string;
  department: string;
  createdAt: string;
  withdrawn: Withdrawal | null;
}

export interface ItemSummary extends ItemRecord {
  latestVersion: number | null;
  latestHash: string | null;
  latestPublishedAt: string | null;
  draft: { revision: number; status: DraftStatus; updatedAt: string; updatedBy: string } | null;
}

export type AuditAction =
  | 'draft.created'
  | 'draft.saved'
  | 'draft.discarded'
  | 'draft.submitted'
  | 'draft.approved'
  | 'draft.returned'
  | 'version.published'
  | 'item.withdrawn'
  | 'item.imported'
  | 'store.seeded'
  | 'principal.created'
  | 'principal.revoked'
  | 'claim.changed'
  | 'campaign.changed'
  | 'station.added'
  | 'calendar.year-stored';

export interface NewAuditEvent {
  at: string;
  actor: string;
  action: AuditAction;
  code: string | null;
  version: number | null;
  reason: string | null;
  details: Record<string, unknown> | null;
}

/** One link of the append-only, hash-chained audit trail. */
export interface AuditEvent extends NewAuditEvent {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  code?: string;
  actor?: string;
  from?: string;
  to?: string;
  /** Return events with seq greater than this (paging). */
  afterSeq?: number;
  limit?: number;
}

export interface StoreHealth {
  ok: boolean;
  adapter: 'sqlite' | 'mongodb';
  readOnly: boolean;
  details: Record<string, unknown>;
}

/** A locality's claim (认领) of an item: which version it serves and its local fields. */
export interface ClaimRecord {
  division: string;
  code: string;
  /** 'latest' follows every new version; a number pins that version. */
  follow: 'latest' | number;
  /** Only the fields the item's standard.localFields allows (address, phone, hours …). */
  local: Record<string, string>;
  claimedAt: string;
  claimedBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface ClaimQuery {
  division?: string;
  code?: string;
}

/** A batch of items the region asks to be claimed by its own deadline (分批认领). */
export interface ClaimBatch {
  name: string;
  /** Item codes; an item is in at most one batch. */
  codes: string[];
  /** YYYY-MM-DD, the region's date after which an unclaimed item of the batch is late. */
  deadline: string;
}

/** The region's claim campaign (the notice's 认领 deadline). */
export interface CampaignRecord {
  name: string;
  /** The deadline of every item in no batch. */
  deadline: string;
  /** Batches with their own deadlines; kept with the campaign (absent: one deadline for all). */
  batches?: ClaimBatch[];
  updatedAt: string;
  updatedBy: string;
}

/** A township/village service station (便民服务中心/站), added under a banner by a region admin. */
export interface StationRecord {
  /** 9-digit township or 12-digit village code under a listed banner. */
  code: string;
  name: string;
  parentCode: string;
  addedAt: string;
  addedBy: string;
}
