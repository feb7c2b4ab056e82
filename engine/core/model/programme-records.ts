import type { CommitmentStatus, ReportPeriod } from '../vocabulary/data-lists.js';

/** What every entry of the 责任清单 and the 负面清单 carries: the department answering for it and who last changed it. */
interface DataListEntryBase {
  /** Chosen by the store's caller (a service), unique within its list. */
  id: string;
  /** The providing (owning) department: only its authors and the region's administrators may change the entry. */
  department: string;
  dataItem: string;
  note?: string;
  updatedAt: string;
  updatedBy: string;
}

/** 责任清单: the providing department's commitment for a data need of the 需求清单. */
export interface ResponsibilityEntry extends DataListEntryBase {
  kind: 'responsibility';
  /** The interface (system and service) through which the data is provided. */
  interfaceName: string;
  /** A sharing-method code of the item standard (接口调用, 批量交换 …). */
  sharingMethod: string;
  /** The date the department commits to (YYYY-MM-DD). */
  dueDate: string;
  status: CommitmentStatus;
}

/** 负面清单: data the department may not share, with the legal basis for it. */
export interface NegativeEntry extends DataListEntryBase {
  kind: 'negative';
  basis: string;
}

export type DataListEntry = ResponsibilityEntry | NegativeEntry;

/** The figures of one locality (league or banner) at a moment. */
export interface LocalityFigures {
  division: string;
  name: string;
  level: 'league_city' | 'banner_county';
  parentCode: string | null;
  claimed: number;
  localFieldsCompleted: number;
  casesAccepted: number;
  casesDispatched: number;
  casesOverdue: number;
  /** Offered items still unclaimed after their batch's (or the campaign's) deadline; absent in snapshots taken before batches. */
  claimsLate?: number;
  /** The batches (by name; the campaign's name for items in no batch) with such items. */
  lateBatches?: string[];
}

export interface DepartmentFigures {
  department: string;
  published: number;
  drafts: number;
  casesAccepted: number;
  casesDispatched: number;
  casesOverdue: number;
}

/** 周调度 / 月通报: the figures of one week or month, kept as taken (never recomputed). */
export interface ReportSnapshot {
  period: ReportPeriod;
  /** 2026-W49 (ISO week) or 2026-12, in the region's time zone. */
  key: string;
  /** First and last day of the period (YYYY-MM-DD). */
  start: string;
  end: string;
  takenAt: string;
  /** The principal who took it, or `system` when it was taken because the period was asked for. */
  takenBy: string;
  localities: LocalityFigures[];
  departments: DepartmentFigures[];
}

/** A material template's file as the config store keeps it (content-addressed: the hash is `sha256:` + the content's hex digest). */
export interface TemplateFile {
  hash: string;
  /** MIME type checked on upload (PDF, Word, Excel, WPS, images). */
  type: string;
  size: number;
  content: Uint8Array;
  storedAt: string;
  storedBy: string;
}
