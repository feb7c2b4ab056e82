import { catalogueProblem, ValidationFailedError, type CatalogueMessage, type Problem } from '../../core/errors.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';
import { leanDecision } from '../../core/decision/lean-decision.js';
import { jsonTextOnce } from '../../core/canonical/json-text.js';
import { OUTCOMES, isOutcome, type Outcome } from '../../core/vocabulary/index.js';
import type { LeanDecision } from '../../core/decision/types.js';
import type { DecisionQuery, DecisionRecord, NewDecisionRecord } from './port.js';

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

const outcomeChoices = (): CatalogueMessage => ({ key: 'services.decisionLog.oneOf', values: { field: 'outcome', choices: OUTCOMES.join(uiText('server.listSeparator')) } });

/** An ISO date or date-time, normalised to `Date#toISOString()` so stored times compare as strings. */
function isoInstant(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

class NotJsonError extends Error {}

/**
 * A copy of a JSON value as JSON.stringify + JSON.parse would give it (keys holding undefined
 * dropped, undefined array slots as null), refusing what JSON cannot represent (non-finite
 * numbers, functions, bigints, class instances). One walk instead of a serialise-and-parse
 * round trip: the adapters serialise the result once, for storage.
 */
function jsonCopy(value: unknown, pointer: string | null): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new NotJsonError(`Non-finite number at "${pointer}" has no JSON form`);
      return value;
    case 'object': {
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) out[i] = value[i] === undefined ? null : jsonCopy(value[i], pointer === null ? null : `${pointer}/${i}`);
        return out;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) throw new NotJsonError(`Object at "${pointer}" is not a plain object`);
      const out: Record<string, unknown> = {};
      for (const key in value as Record<string, unknown>) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== undefined) out[key] = jsonCopy(item, pointer === null ? null : `${pointer}/${key}`);
      }
      return out;
    }
    default:
      throw new NotJsonError(`Value of type ${typeof value} at "${pointer}" has no JSON form`);
  }
}

/**
 * Checks that a value is plain JSON, without copying it; false when it holds something JSON
 * drops or rewrites (a key whose value is undefined, an undefined array slot) and so needs
 * `jsonCopy` to equal what a later read returns. Throws NotJsonError like jsonCopy.
 */
function isPlainJson(value: unknown, pointer: string | null): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      if (!Number.isFinite(value)) throw new NotJsonError(`Non-finite number at "${pointer}" has no JSON form`);
      return true;
    case 'object': {
      let plain = true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (value[i] === undefined) plain = false;
          else if (!isPlainJson(value[i], pointer === null ? null : `${pointer}/${i}`)) plain = false;
        }
        return plain;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) throw new NotJsonError(`Object at "${pointer}" is not a plain object`);
      for (const key in value as Record<string, unknown>) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) plain = false;
        else if (!isPlainJson(item, pointer === null ? null : `${pointer}/${key}`)) plain = false;
      }
      return plain;
    }
    default:
      throw new NotJsonError(`Value of type ${typeof value} at "${pointer}" has no JSON form`);
  }
}

/**
 * The value itself when it is plain JSON (the common case: no allocation), else its JSON-equivalent copy.
 * The walk builds no pointers (a string per node, on every decision); only a refusal walks again to name where.
 */
function asJson(value: unknown, pointer: string): unknown {
  try {
    return isPlainJson(value, null) ? value : jsonCopy(value, null);
  } catch (error) {
    if (!(error instanceof NotJsonError)) throw error;
    isPlainJson(value, pointer);
    throw error;
  }
}

/**
 * Checks a new record and gives it its id and time. The result is what the adapters store and
 * what `record` returns: the input without the decision's explanation, JSON-equivalent (keys whose
 * value is undefined dropped, nothing else), so a later `get` returns a deep-equal record from
 * either adapter. Form data and decision are shared with the caller's objects when they are
 * already plain JSON (they are not copied): the caller must not change them afterwards.
 */
export function prepareDecisionRecord(input: NewDecisionRecord, id: string, now: () => Date = () => new Date()): DecisionRecord {
  const problems: Problem[] = [];
  const add = (pointer: string, message: CatalogueMessage) => problems.push(catalogueProblem(pointer, 'decision-log.invalid', message));
  if (!isRecord(input)) throw new ValidationFailedError({ key: 'services.decisionLog.notObject' }, [catalogueProblem('', 'decision-log.invalid', { key: 'services.decisionLog.notObject' })]);
  for (const key of ['division', 'channel', 'code', 'hash'] as const) if (!isText(input[key])) add(`/${key}`, { key: 'services.cases.records.nonEmptyString', values: { field: key } });
  if (!Number.isSafeInteger(input.version) || input.version < 1) add('/version', { key: 'services.cases.records.positiveInteger', values: { field: 'version' } });
  const evaluated = input.input as unknown;
  if (!isRecord(evaluated)) add('/input', { key: 'services.cases.records.object', values: { field: 'input' } });
  else {
    if (typeof evaluated.scenario !== 'string') add('/input/scenario', { key: 'services.cases.records.string', values: { field: 'input.scenario' } });
    if (!isRecord(evaluated.formData)) add('/input/formData', { key: 'services.cases.records.object', values: { field: 'input.formData' } });
    if (!Array.isArray(evaluated.materials) || !evaluated.materials.every((m) => typeof m === 'string')) add('/input/materials', { key: 'services.cases.records.stringArray', values: { field: 'input.materials' } });
    if (typeof evaluated.date !== 'string') add('/input/date', { key: 'services.cases.records.string', values: { field: 'input.date' } });
  }
  if (!isOutcome(input.outcome)) add('/outcome', outcomeChoices());
  if (!isRecord(input.decision)) add('/decision', { key: 'services.cases.records.object', values: { field: 'decision' } });
  else if (input.decision.outcome !== input.outcome) add('/outcome', { key: 'services.decisionLog.outcomeMismatch' });
  let at: string | null = now().toISOString();
  if (input.at !== undefined) {
    at = typeof input.at === 'string' ? isoInstant(input.at) : null;
    if (at === null) add('/at', { key: 'services.decisionLog.notIsoTime', values: { field: 'at', value: String(input.at) } });
  }
  const by = input.by as unknown;
  if (by !== undefined && !(isRecord(by) && isText(by.id) && isText(by.name))) add('/by', { key: 'services.decisionLog.by' });
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.decisionLog.invalid' }, problems);
  const { scenario, formData, materials, date, creditBlacklisted } = input.input;
  try {
    const jsonFormData = asJson(formData, '/input/formData') as Record<string, unknown>;
    // The 失信 flag is kept only when set, so a record of an ordinary intake is what it always was.
    // (Literals spelled out for each case rather than spreads of optional parts: this runs on every decision.)
    const recorded: DecisionRecord['input'] = creditBlacklisted === true
      ? { scenario, formData: jsonFormData, materials: [...materials], date, creditBlacklisted: true }
      : { scenario, formData: jsonFormData, materials: [...materials], date };
    const decision = asJson(leanDecision(input.decision), '/decision') as LeanDecision;
    const { division, channel, code, version, hash, outcome } = input;
    return input.by
      ? { id, at: at as string, division, channel, code, version, hash, input: recorded, outcome, decision, by: { id: input.by.id, name: input.by.name } }
      : { id, at: at as string, division, channel, code, version, hash, input: recorded, outcome, decision };
  } catch (error) {
    if (!(error instanceof NotJsonError)) throw error;
    throw new ValidationFailedError({ key: 'services.decisionLog.notJson' }, [{ pointer: '', code: 'decision-log.not-json', message: error.message }]);
  }
}

/**
 * What a stored record keeps beside its indexed columns: one JSON text, serialised once. The
 * columns (id, at, division, code, version, outcome) are not repeated in it.
 */
export interface DecisionBody {
  channel: string;
  hash: string;
  input: DecisionRecord['input'];
  decision: LeanDecision;
  by?: DecisionRecord['by'];
}

/**
 * The body's JSON text: JSON.stringify of a DecisionBody, with the decision's text made once and
 * shared with the answer that returns the same decision (json-text.ts).
 */
export function decisionBodyJson(record: DecisionRecord): string {
  const by = record.by ? `,"by":${JSON.stringify(record.by)}` : '';
  return `{"channel":${JSON.stringify(record.channel)},"hash":${JSON.stringify(record.hash)},"input":${JSON.stringify(record.input)},"decision":${jsonTextOnce(record.decision)}${by}}`;
}

/** Rebuilds a record from its columns and body (a body written before bodies were compact holds the whole record: the columns win). */
export function recordFromBody(columns: Pick<DecisionRecord, 'id' | 'at' | 'division' | 'code' | 'version' | 'outcome'>, bodyJson: string): DecisionRecord {
  const body = JSON.parse(bodyJson) as DecisionBody;
  return {
    id: columns.id, at: columns.at, division: columns.division, channel: body.channel, code: columns.code, version: columns.version,
    hash: body.hash, input: body.input, outcome: columns.outcome, decision: body.decision, ...(body.by ? { by: body.by } : {}),
  };
}

export interface NormalizedQuery {
  code?: string;
  version?: number;
  division?: string;
  outcome?: Outcome;
  from?: string;
  to?: string;
  afterId?: string;
  limit: number;
}

/** Validates a query; time bounds are normalised like stored times. Empty strings mean "no filter". */
export function normalizeDecisionQuery(query: DecisionQuery = {}): NormalizedQuery {
  const problems: Problem[] = [];
  const add = (pointer: string, message: CatalogueMessage) => problems.push(catalogueProblem(pointer, 'decision-log.query', message));
  const out: NormalizedQuery = { limit: DEFAULT_PAGE };
  for (const key of ['code', 'division', 'afterId'] as const) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') add(`/${key}`, { key: 'services.cases.records.string', values: { field: key } });
    else out[key] = value;
  }
  if (query.version !== undefined) {
    if (!Number.isSafeInteger(query.version)) add('/version', { key: 'server.runtime.query.integer', values: { name: 'version' } });
    else out.version = query.version;
  }
  if (query.outcome !== undefined) {
    if (!isOutcome(query.outcome)) add('/outcome', outcomeChoices());
    else out.outcome = query.outcome;
  }
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    let instant = typeof value === 'string' ? isoInstant(value) : null;
    // A date alone covers its whole (UTC) day, so from = to = '2025-01-01' lists that day.
    if (instant !== null && key === 'to' && /^\d{4}-\d{2}-\d{2}$/.test(value)) instant = instant.replace('T00:00:00.000Z', 'T23:59:59.999Z');
    if (instant === null) add(`/${key}`, { key: 'services.decisionLog.notIsoDateTime', values: { field: key, value: String(value) } });
    else out[key] = instant;
  }
  if (query.limit !== undefined) {
    if (typeof query.limit !== 'number' || Number.isNaN(query.limit)) add('/limit', { key: 'services.cases.records.number', values: { field: 'limit' } });
    else out.limit = Math.trunc(Math.min(Math.max(query.limit, 1), MAX_PAGE));
  }
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.decisionLog.queryInvalid' }, problems);
  return out;
}
