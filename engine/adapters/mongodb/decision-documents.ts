import { createMissingIndexes } from './missing-indexes.js';
import type { Collection, Db, Filter } from 'mongodb';
import type { DecisionRecord } from '../../ports/decision-log/port.js';
import type { NormalizedQuery } from '../../ports/decision-log/records.js';
import { jsonTextOnce } from '../../core/canonical/json-text.js';

export const DECISIONS_COLLECTION = 'decisions';

/*
 * Form data keys are whatever the item's form names them, and a decision echoes them (field
 * errors, rule traces): MongoDB field names cannot hold them reliably (FerretDB refuses any key
 * starting with `$`). So `input` and `decision` travel as JSON strings (serialised once, by
 * JSON.stringify), which also round-trip exactly; everything a query filters on stays a plain,
 * indexed field.
 */
export type DecisionDocument = Omit<DecisionRecord, 'input' | 'decision'> & { inputJson: string; decisionJson: string };

export function decisionsOf(db: Db): Collection<DecisionDocument> {
  return db.collection<DecisionDocument>(DECISIONS_COLLECTION);
}

export function toDecisionDocument(record: DecisionRecord): DecisionDocument {
  const { input, decision, ...fields } = record;
  // The decision's text is shared with the answer that returns the same object (json-text.ts).
  return { ...fields, inputJson: JSON.stringify(input), decisionJson: jsonTextOnce(decision) };
}

export function fromDecisionDocument(document: DecisionDocument & { _id?: unknown }): DecisionRecord {
  const { _id, inputJson, decisionJson, ...fields } = document;
  return { ...fields, input: JSON.parse(inputJson) as DecisionRecord['input'], decision: JSON.parse(decisionJson) as DecisionRecord['decision'] };
}

export function decisionFilter(query: NormalizedQuery): Filter<DecisionDocument> {
  const filter: Filter<DecisionDocument> = {};
  if (query.afterId !== undefined) filter.id = { $gt: query.afterId };
  if (query.code !== undefined) filter.code = query.code;
  if (query.version !== undefined) filter.version = query.version;
  if (query.division !== undefined) filter.division = query.division;
  if (query.outcome !== undefined) filter.outcome = query.outcome;
  if (query.from !== undefined || query.to !== undefined) {
    filter.at = { ...(query.from !== undefined ? { $gte: query.from } : {}), ...(query.to !== undefined ? { $lte: query.to } : {}) };
  }
  return filter;
}

/**
 * The unique id index turns a (vanishingly unlikely) id collision into a retry instead of a twin;
 * the others serve the reviewer's "all decisions of code+version", the per-locality view and time
 * ranges, each in id order.
 */
export async function ensureDecisionIndexes(decisions: Collection<DecisionDocument>): Promise<void> {
  await createMissingIndexes(decisions, [
    { key: { id: 1 }, name: 'decisions_id_unique', unique: true },
    { key: { code: 1, version: 1, id: 1 }, name: 'decisions_code_version_id' },
    { key: { division: 1, id: 1 }, name: 'decisions_division_id' },
    { key: { at: 1 }, name: 'decisions_at' },
  ]);
}
