import { maskPersonalData } from '../../core/masking/index.js';
import { catalogueProblem, ValidationFailedError, type CatalogueMessage, type Problem } from '../../core/errors.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';
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

type TextField = 'comment' | 'trackingNumber' | 'resultNumber' | 'reason' | 'recipient';
/** What a clerk reads under each field: the pointer names the field, the message never does in English. */
const TOO_LONG = {
  comment: 'services.cases.event.textLength.comment', trackingNumber: 'services.cases.event.textLength.trackingNumber',
  resultNumber: 'services.cases.event.textLength.resultNumber', reason: 'services.cases.event.textLength.reason',
  recipient: 'services.cases.event.textLength.recipient',
} as const satisfies Record<TextField, CatalogueMessage['key']>;
const choices = (labels: Record<string, string>) => Object.values(labels).join(uiText('server.listSeparator'));

/**
 * Checks an event body and reports every problem at once. Free text is masked before it is kept:
 * an ID number or a phone typed into a comment never reaches the timeline unmasked.
 */
export function parseCaseEventRequest(body: unknown, terms: CaseTerms): CaseEventRequest {
  const problems: Problem[] = [];
  const add = (pointer: string, message: CatalogueMessage) => problems.push(catalogueProblem(pointer, 'case.event', message));
  const input = (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  // Codes (tracking and result numbers) are kept as typed; only free text is masked.
  const text = (key: TextField, max: number, required: CatalogueMessage | null, freeText = false): string | null => {
    const value = input[key];
    if (value === undefined || value === null || value === '') {
      if (required) add(`/${key}`, required);
      return null;
    }
    if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
      add(`/${key}`, { key: TOO_LONG[key], values: { max } });
      return null;
    }
    return freeText ? maskPersonalData(value.trim()) : value.trim();
  };
  const type = input.type;
  if (!isCaseEventType(type) || type === 'open') {
    add('/type', { key: 'services.cases.event.typeChoice', values: { choices: REQUESTABLE.map((type) => labelOf(caseEventTypes, type)).join(uiText('server.listSeparator')) } });
    throw new ValidationFailedError({ key: 'services.cases.event.invalid' }, problems);
  }
  const comment = text('comment', MAX_TEXT, null, true) ?? '';
  const details: Record<string, unknown> = {};
  switch (type) {
    case 'dispatch': {
      const needed = terms.keptOriginals.length > 0
        ? { key: 'services.cases.event.originalsTracking', values: { originals: terms.keptOriginals.join(uiText('server.listSeparator')) } } as const
        : null;
      const tracking = text('trackingNumber', MAX_CODE, needed);
      if (tracking) details.trackingNumber = tracking;
      if (terms.keptOriginals.length > 0) details.originals = terms.keptOriginals;
      break;
    }
    case 'decide': {
      if (!isDecisionResult(input.result)) add('/result', { key: 'services.cases.event.decisionResult', values: { choices: choices(labelTable(decisionResults)) } });
      else details.result = input.result;
      details.resultName = terms.resultName;
      const number = text('resultNumber', MAX_CODE, null);
      if (number) details.resultNumber = number;
      const reason = text('reason', MAX_TEXT, input.result === 'refused' ? { key: 'services.cases.event.refusalReason' } : null, true);
      if (reason) details.reason = reason;
      break;
    }
    case 'deliver': {
      if (!isDeliveryMethod(input.method)) add('/method', { key: 'services.cases.event.deliveryMethod', values: { choices: choices(labelTable(deliveryMethods)) } });
      else details.method = input.method;
      const tracking = text('trackingNumber', MAX_CODE, input.method === 'post' ? { key: 'services.cases.event.postTracking' } : null);
      if (tracking) details.trackingNumber = tracking;
      const recipient = text('recipient', MAX_CODE, null, true);
      if (recipient) details.recipient = recipient;
      break;
    }
    case 'commit': {
      const by = input.supplementBy;
      if (typeof by !== 'string' || !isIsoDate(by)) add('/supplementBy', { key: 'services.cases.event.supplementBy' });
      else details.supplementBy = by;
      break;
    }
    case 'fulfil-commitment': {
      const materials = input.materials;
      if (!Array.isArray(materials) || materials.length === 0 || !materials.every((id) => typeof id === 'string' && id !== '' && id.length <= MAX_CODE)) {
        add('/materials', { key: 'services.cases.event.materials' });
      } else details.materials = [...new Set(materials as string[])];
      break;
    }
    case 'return':
    case 'void': {
      const reason = text('reason', MAX_TEXT, { key: type === 'return' ? 'services.cases.event.returnReason' : 'services.cases.event.voidReason' }, true);
      if (reason) details.reason = reason;
      break;
    }
    default: break;
  }
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.cases.event.invalid' }, problems);
  return { type, comment, details };
}
