import { isValidIdNumber, maskIdNumber, maskPhone } from '../../core/codes/index.js';
import { maskPersonalData } from '../../core/masking/index.js';
import type { Decision } from '../../core/decision/types.js';
import type { IntakeRecord } from '../../ports/intake-store/port.js';
import type { ItemConfig } from '../../core/config/types.js';

/** What a clerk's list shows of a record: no form data beyond the masked applicant. */
export interface IntakeSummary {
  caseNumber: string;
  createdAt: string;
  createdBy: string;
  receivingDivision: string;
  handling: IntakeRecord['handling'];
  item: IntakeRecord['item'];
  scenario: Decision['scenario'];
  outcome: Decision['outcome'];
  applicant: { name: string | null; idNumber: string | null; phone: string | null };
  attachments: number;
  mismatch: boolean;
}

/** The form's own designation of its applicant fields (`form.applicant` of the item config). */
export type ApplicantFields = NonNullable<ItemConfig['form']['applicant']>;

const NAME_KEYS = ['applicantName', 'name', 'fullName', 'xm', '姓名', '申请人姓名', '申请人'];
const ID_KEYS = ['idNumber', 'applicantIdNumber', 'idCard', 'certNo', 'sfzh', '身份证号码', '身份证号'];
const PHONE_KEYS = ['phone', 'mobile', 'applicantPhone', 'contactPhone', 'sjhm', '联系电话', '手机号码'];

/** 张三 → 张*, 欧阳娜娜 → 欧***: the surname is enough to call the applicant up at the window. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}

function pick(formData: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = formData[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

function flatten(formData: Record<string, unknown>): Record<string, unknown> {
  const nested = formData.applicant;
  return nested !== null && typeof nested === 'object' && !Array.isArray(nested) ? { ...(nested as Record<string, unknown>), ...formData } : formData;
}

/**
 * The applicant as the form names them, unmasked (for the notices handed to the applicant): by the
 * fields the config designates, else by common field names (top level or under `applicant`) and
 * the ID number as the first valid ID number.
 */
export function applicantOf(record: Pick<IntakeRecord, 'formData'>, fields: ApplicantFields = {}): { name: string | null; idNumber: string | null; phone: string | null } {
  const formData = flatten(record.formData);
  const named = (key: string | undefined, fallback: readonly string[]) => pick(formData, key ? [key] : fallback);
  if (fields.name || fields.idNumber || fields.phone) {
    return { name: named(fields.name, NAME_KEYS), idNumber: named(fields.idNumber, ID_KEYS), phone: named(fields.phone, PHONE_KEYS) };
  }
  let idNumber = pick(formData, ID_KEYS);
  if (idNumber === null) idNumber = Object.values(formData).find((v): v is string => typeof v === 'string' && isValidIdNumber(v)) ?? null;
  return { name: pick(formData, NAME_KEYS), idNumber, phone: pick(formData, PHONE_KEYS) };
}

/** An enterprise applicant as the notices address it: the company first, its legal representative second. */
export interface EnterpriseApplicant {
  companyName: string;
  creditCode: string | null;
  legalRepresentative: string | null;
}

/**
 * The enterprise behind an application, when the form designates a company name field and it is
 * filled in; the legal representative is the designated field, else the applicant's name field.
 */
export function enterpriseApplicantOf(record: Pick<IntakeRecord, 'formData'>, fields: ApplicantFields = {}): EnterpriseApplicant | null {
  if (!fields.companyName) return null;
  const formData = flatten(record.formData);
  const companyName = pick(formData, [fields.companyName]);
  if (companyName === null) return null;
  return {
    companyName,
    creditCode: fields.creditCode ? pick(formData, [fields.creditCode]) : null,
    legalRepresentative: fields.legalRepresentative ? pick(formData, [fields.legalRepresentative]) : applicantOf(record, fields).name,
  };
}

/**
 * A listing row: the applicant's name, ID number and phone are masked (the ID number is looked
 * for by field name, else as the first valid ID number among the top-level fields), the item name
 * goes through the log masking too.
 */
export function summarizeIntake(record: IntakeRecord, fields: ApplicantFields = {}): IntakeSummary {
  const { name, idNumber, phone } = applicantOf(record, fields);
  return {
    caseNumber: record.caseNumber,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    receivingDivision: record.receivingDivision,
    handling: record.handling,
    item: { ...record.item, name: maskPersonalData(record.item.name) },
    scenario: record.decision.scenario,
    outcome: record.decision.outcome,
    applicant: {
      name: name === null ? null : maskName(maskPersonalData(name)),
      idNumber: idNumber === null ? null : maskIdNumber(idNumber),
      phone: phone === null ? null : maskPhone(phone),
    },
    attachments: record.attachments.length,
    mismatch: record.browserMismatch !== null,
  };
}
