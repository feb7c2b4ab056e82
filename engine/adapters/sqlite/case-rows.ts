import type { CaseRow } from '../../ports/intake-store/port.js';
import type { CaseStage, CaseStatus } from '../../core/vocabulary/index.js';

/** Sorts after every date: a case nobody must act on lists last. */
const UNDATED = '9999-12-31';

export const dueSort = (dueDate: string | null): string => dueDate ?? UNDATED;

/** A row of the `cases` table. */
export interface CaseRowColumns {
  case_number: string;
  created_at: string;
  receiving_division: string;
  handling_division: string;
  department: string;
  code: string;
  item_name: string;
  status: string;
  holder_division: string | null;
  due_stage: string | null;
  due_date: string | null;
  due_sort: string;
  promised_due: string | null;
  applicant_key: string | null;
  applicant_label: string | null;
  updated_at: string;
  seq: number;
}

export function caseRowFrom(row: CaseRowColumns): CaseRow {
  return {
    caseNumber: row.case_number, createdAt: row.created_at, receivingDivision: row.receiving_division, handlingDivision: row.handling_division,
    department: row.department, code: row.code, itemName: row.item_name, status: row.status as CaseStatus, holderDivision: row.holder_division,
    dueStage: row.due_stage as CaseStage | null, dueDate: row.due_date, promisedDue: row.promised_due, applicantKey: row.applicant_key, applicantLabel: row.applicant_label,
    updatedAt: row.updated_at, seq: row.seq,
  };
}
