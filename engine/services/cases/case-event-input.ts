import { maskPersonalData } from '../../core/masking/index.js';
import { ValidationFailedError, type Problem } from '../../core/errors.js';
import {
  CASE_EVENT_TYPES, caseEventTypes, decisionResults, deliveryMethods, isCaseEventType, isDecisionResult, isDeliveryMethod, labelOf, labelTable, type CaseEventType,
} from '../../core/vocabulary/index.js';
import type { CaseTerms } from '../../core/cases/index.js';
import { isIsoDate } from '../../core/codes/index.js';

/** What a window or a department posts to move a case on. */
export interface CaseEventRequest {
  type: CaseEventType;
  comment: string;
  details: Record<string, unknown>;
}

const MAX_TEXT = 500;
const MAX_CODE = 64;
const REQUESTABLE = CASE_EVENT_TYPES.filter((type) => type !== 'open');

/** What a clerk reads under each field: the pointer names the field, the message never does in English. */
const FIELD_NAMES: Record<string, string> = {
  comment: '备注', trackingNumber: '邮寄单号', resultNumber: '证照或文书编号', reason: '理由', recipient: '签收人',
};
const choices = (labels: Record<string, string>) => Object.values(labels).join('、');

/**
 * Checks an event body and reports every problem at once. Free text is masked before it is kept:
 * an ID number or a phone typed into a comment never reaches the timeline unmasked.
 */
export function parseCaseEventRequest(body: unknown, terms: CaseTerms): CaseEventRequest {
  const problems: Problem[] = [];
  const add = (pointer: string, message: string) => problems.push({ pointer, code: 'case.event', message });
  const input = (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  // Codes (tracking and result numbers) are kept as typed; only free text is masked.
  const text = (key: string, max: number, required: string | null, freeText = false): string | null => {
    const value = input[key];
    if (value === undefined || value === null || value === '') {
      if (required) add(`/${key}`, required);
      return null;
    }
    if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
      add(`/${key}`, `${FIELD_NAMES[key] ?? key}应为 1–${max} 个字符的文本`);
      return null;
    }
    return freeText ? maskPersonalData(value.trim()) : value.trim();
  };
  const type = input.type;
  if (!isCaseEventType(type) || type === 'open') {
    add('/type', `办件事件应为 ${REQUESTABLE.map((type) => labelOf(caseEventTypes, type)).join('、')} 之一`);
    throw new ValidationFailedError('办件事件有误', problems);
  }
  const comment = text('comment', MAX_TEXT, null, true) ?? '';
  const details: Record<string, unknown> = {};
  switch (type) {
    case 'dispatch': {
      const needed = terms.keptOriginals.length > 0 ? `本事项须寄递纸质原件（${terms.keptOriginals.join('、')}），请填写邮寄单号` : null;
      const tracking = text('trackingNumber', MAX_CODE, needed);
      if (tracking) details.trackingNumber = tracking;
      if (terms.keptOriginals.length > 0) details.originals = terms.keptOriginals;
      break;
    }
    case 'decide': {
      if (!isDecisionResult(input.result)) add('/result', `请选择审批结果：${choices(labelTable(decisionResults))}`);
      else details.result = input.result;
      details.resultName = terms.resultName;
      const number = text('resultNumber', MAX_CODE, null);
      if (number) details.resultNumber = number;
      const reason = text('reason', MAX_TEXT, input.result === 'refused' ? '不予许可（办理）须说明理由' : null, true);
      if (reason) details.reason = reason;
      break;
    }
    case 'deliver': {
      if (!isDeliveryMethod(input.method)) add('/method', `请选择送达方式：${choices(labelTable(deliveryMethods))}`);
      else details.method = input.method;
      const tracking = text('trackingNumber', MAX_CODE, input.method === 'post' ? '邮寄送达须填写邮寄单号' : null);
      if (tracking) details.trackingNumber = tracking;
      const recipient = text('recipient', MAX_CODE, null, true);
      if (recipient) details.recipient = recipient;
      break;
    }
    case 'commit': {
      const by = input.supplementBy;
      if (typeof by !== 'string' || !isIsoDate(by)) add('/supplementBy', '请填写承诺补齐容缺材料的期限（日期，YYYY-MM-DD）');
      else details.supplementBy = by;
      break;
    }
    case 'fulfil-commitment': {
      const materials = input.materials;
      if (!Array.isArray(materials) || materials.length === 0 || !materials.every((id) => typeof id === 'string' && id !== '' && id.length <= MAX_CODE)) {
        add('/materials', '请勾选补齐的容缺材料');
      } else details.materials = [...new Set(materials as string[])];
      break;
    }
    case 'return':
    case 'void': {
      const reason = text('reason', MAX_TEXT, type === 'return' ? '退回须说明理由' : '作废须说明理由', true);
      if (reason) details.reason = reason;
      break;
    }
    default: break;
  }
  if (problems.length > 0) throw new ValidationFailedError('办件事件有误', problems);
  return { type, comment, details };
}
