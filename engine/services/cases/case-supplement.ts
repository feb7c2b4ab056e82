import {
  decisionOnRecord, formDataOnRecord, materialsOnRecord, placesAfterSupplement, startsFlow, type CaseEvent, type SupplementDecision, type SupplementDetails,
  type SupplementNoticeTiming,
} from '../../core/cases/index.js';
import { evaluateCompiled, type CompiledConfig } from '../../core/decision/index.js';
import type { Decision } from '../../core/decision/types.js';
import { catalogueProblem, ValidationFailedError, type CatalogueMessage, type Problem } from '../../core/errors.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';
import { maskPersonalData } from '../../core/masking/index.js';
import { isSupplementVersion, SUPPLEMENT_VERSIONS, supplementVersions, labelOf, type SupplementVersion } from '../../core/vocabulary/index.js';
import type { DecisionLogWriter, IntakeRecord } from '../../ports/index.js';
import { caseTermsOf } from './case-terms.js';

/** Where a 补正 finds the version it is decided on (the runtime's published configs, signature-checked). */
export interface SupplementVersions {
  /** The exact version the case was opened with, even where it is no longer in force. */
  exact(code: string, version: number, hash: string): Promise<CompiledConfig>;
  /** The version in force at the supplementing window. */
  inForce(code: string, division: string): Promise<CompiledConfig>;
}

/** What a window posts to add the materials handed in later (补正). */
export interface SupplementRequest {
  version: SupplementVersion;
  materials: string[];
  formData: Record<string, unknown> | null;
  comment: string;
}

const MAX_MATERIALS = 500;
const MAX_COMMENT = 500;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Checks a 补正 body (every problem at once); material ids are checked against the version that decides. */
export function parseSupplementRequest(body: unknown): SupplementRequest {
  const problems: Problem[] = [];
  const add = (pointer: string, message: CatalogueMessage) => problems.push(catalogueProblem(pointer, 'case.supplement', message));
  const input = isObject(body) ? body : {};
  const version = input.version ?? 'opened';
  if (!isSupplementVersion(version)) {
    const choices = SUPPLEMENT_VERSIONS.map((v) => uiText('services.cases.labelWithCode', 'zh-CN', { label: labelOf(supplementVersions, v), code: v })).join(uiText('server.listSeparator'));
    add('/version', { key: 'services.cases.supplement.versionChoice', values: { choices } });
  }
  const materials = input.materials;
  if (!Array.isArray(materials) || materials.length > MAX_MATERIALS || materials.some((id) => typeof id !== 'string' || id === '')) {
    add('/materials', { key: 'services.cases.supplement.materialsList' });
  }
  if (input.formData !== undefined && !isObject(input.formData)) add('/formData', { key: 'services.cases.supplement.formData' });
  const comment = input.comment;
  if (comment !== undefined && (typeof comment !== 'string' || comment.length > MAX_COMMENT)) add('/comment', { key: 'services.cases.supplement.commentLength', values: { max: MAX_COMMENT } });
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.cases.supplement.invalid' }, problems);
  const formData = isObject(input.formData) && Object.keys(input.formData).length > 0 ? input.formData : null;
  if ((materials as string[]).length === 0 && formData === null) {
    throw new ValidationFailedError({ key: 'services.cases.supplement.invalid' }, [catalogueProblem('/materials', 'case.supplement', { key: 'services.cases.supplement.nothingHandedIn' })]);
  }
  return { version: version as SupplementVersion, materials: [...new Set(materials as string[])], formData, comment: typeof comment === 'string' ? maskPersonalData(comment.trim()) : '' };
}

/** The record as its events left it: the materials, form data, decision and version now on record, and the 受理地 of record. */
export function recordOnEvents(record: IntakeRecord, events: readonly CaseEvent[]): IntakeRecord {
  if (!events.some((event) => event.type === 'supplement')) return record;
  const decision = decisionOnRecord(record.decision, events) as Decision;
  const places = placesAfterSupplement({ receivingDivision: record.receivingDivision, handlingDivision: record.handling.division, department: record.handling.department }, events);
  return {
    ...record,
    receivingDivision: places.receivingDivision,
    item: { ...record.item, version: decision.item.version ?? record.item.version, hash: decision.item.hash },
    materials: materialsOnRecord(record.materials, events),
    formData: formDataOnRecord(record.formData, events),
    decision: { ...decision, explanation: decision.explanation ?? [] },
  };
}

const withoutTrace = ({ explanation: _trace, ...decision }: Decision): SupplementDecision => decision;

/**
 * Re-runs the decision on the materials now on record, with the version the clerk chose, at the
 * supplementing window; records it in the decision log; returns what the `supplement` event carries.
 */
export async function decideSupplement({ record, events, request, compiled, division, decisionLog, timing, today }: {
  record: IntakeRecord;
  events: readonly CaseEvent[];
  request: SupplementRequest;
  compiled: CompiledConfig;
  division: string;
  decisionLog?: DecisionLogWriter | undefined;
  timing: SupplementNoticeTiming | null;
  /** The server's day (Asia/Shanghai): the 补正 is decided, and a case accepted, as of it. */
  today: string;
}): Promise<{ details: SupplementDetails; decision: Decision; unrecorded: unknown }> {
  const known = new Set(compiled.config.standard.materials.map((material) => material.id));
  const unknown = request.materials.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ValidationFailedError({ key: 'services.cases.supplement.materialsInvalid' }, unknown.map((id) => catalogueProblem('/materials', 'case.supplement', {
      key: 'services.cases.supplement.unknownMaterial', values: { id, version: String(compiled.item.version) },
    })));
  }
  const current = recordOnEvents(record, events);
  const materials = [...new Set([...current.materials, ...request.materials])];
  const formData = { ...current.formData, ...(request.formData ?? {}) };
  // The 失信 mark made at intake still holds: no 容缺受理 on a 补正 either.
  const credit = record.creditBlacklisted === true ? { creditBlacklisted: true } : {};
  const decision = await evaluateCompiled(compiled, { scenario: record.scenario, formData, materials, date: today, ...credit }, { division, channel: 'comprehensive-window' });
  if (decision.outcome === 'redirect') {
    const message: CatalogueMessage = {
      key: 'services.cases.supplement.redirect',
      values: { name: compiled.config.standard.name, where: decision.redirect?.where ?? uiText('services.cases.redirect.anyChannel') },
    };
    throw new ValidationFailedError(message, [catalogueProblem('/version', 'case.supplement', message)]);
  }
  let decisionId: string | null = null;
  let unrecorded: unknown = null;
  if (decisionLog) {
    try {
      decisionId = (await decisionLog.record({
        division, channel: decision.channel, code: compiled.item.code, version: compiled.item.version as number, hash: compiled.item.hash,
        input: { scenario: record.scenario, formData, materials, date: decision.date, ...credit }, outcome: decision.outcome, decision,
      })).id;
    } catch (error) {
      unrecorded = error;
    }
  }
  const handedIn = new Set(request.materials);
  const attachments = record.attachments.filter((a) => a.materialId !== undefined && handedIn.has(a.materialId)).map((a) => ({ id: a.id, materialId: a.materialId as string }));
  const details: SupplementDetails = {
    version: request.version, materials: request.materials, materialsOnRecord: materials,
    ...(request.formData ? { formData: request.formData } : {}),
    outcome: decision.outcome, decision: withoutTrace(decision), decisionId,
    ...(attachments.length > 0 ? { attachments } : {}),
  };
  if (startsFlow(decision.outcome)) {
    Object.assign(details, {
      receivingDivision: division, samePlace: division === record.handling.division, terms: caseTermsOf(compiled.config, materials),
      ...(timing?.deemedAcceptedFrom ? { deemedAcceptedFrom: timing.deemedAcceptedFrom } : {}),
    });
  }
  return { details, decision, unrecorded };
}
