import { todayInRegion } from '../codes/index.js';

export const CASE_NUMBER_PATTERN = /^TB(\d{6}|\d{9})(\d{8})-(\d{6})$/;
export const MAX_SEQUENCE = 999_999;

/** 'TB' + division + YYYYMMDD + '-': every case number of one division and day starts with it. */
export function caseNumberPrefix(division: string, createdAt: string): string {
  return `TB${division}${todayInRegion(new Date(createdAt)).replaceAll('-', '')}-`;
}

export function formatCaseNumber(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(6, '0')}`;
}

/** The next sequence after the highest case number of the prefix (null: none yet). */
export function nextSequence(highest: string | null): number {
  if (highest === null) return 1;
  return Number(highest.slice(-6)) + 1;
}

export function isCaseNumber(value: unknown): value is string {
  return typeof value === 'string' && CASE_NUMBER_PATTERN.test(value);
}
