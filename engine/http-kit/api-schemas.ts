/**
 * JSON Schemas of the API's own messages. Request schemas here are the ones the servers validate
 * bodies with (checkRequestBody); response schemas document what handlers return.
 */
import { CHANNELS, DRAFT_STATUSES, LEGAL_CHANGE_KINDS, OUTCOMES } from '../core/vocabulary/index.js';
import type { JsonSchema } from './route-table.js';

const CONFIG_REF = { $ref: 'urn:tongban:schema:item-config' };
const str = { type: 'string' };
const nullableStr = { type: ['string', 'null'] };
const int = { type: 'integer' };

export const error: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { ...str, description: 'validation_failed, malformed_json, forbidden_key, payload_too_large, not_found, conflict, invalid_state, precondition_required, examples_failed, ...' },
        message: str,
        details: { description: 'For validation_failed: { problems: [{ pointer, code, message }] }' },
      },
    },
  },
};

export const problem: JsonSchema = {
  type: 'object',
  required: ['pointer', 'code', 'message'],
  properties: {
    pointer: str,
    code: str,
    message: str,
    // Where the designer shows it: validation problems carry it (tab standard|form|rules|examples).
    location: { type: 'object', properties: { tab: str, tabLabel: str, section: str } },
  },
};

export const draftBody: JsonSchema = {
  type: 'object',
  required: ['code', 'standard', 'form'],
  description: 'An item config. A draft may be incomplete; submit and publish require a valid config with passing examples.',
  properties: { code: str, standard: { type: 'object' }, form: { type: 'object' }, rules: { type: 'array' }, examples: { type: 'array' }, meta: { type: 'object' } },
};

export const draft: JsonSchema = {
  type: 'object',
  required: ['code', 'revision', 'baseVersion', 'status', 'config', 'hash'],
  properties: {
    code: str,
    revision: int,
    baseVersion: { type: ['integer', 'null'] },
    status: { enum: [...DRAFT_STATUSES] },
    config: { type: 'object', description: 'The (possibly incomplete) item config.' },
    hash: str,
    createdAt: str, createdBy: str, updatedAt: str, updatedBy: str,
    editors: { type: 'array', items: str, description: 'Everyone who wrote the content of this draft; none of them may approve it' },
    submittedAt: str, submittedBy: str, reviewedAt: str, reviewedBy: str, reviewComment: str,
  },
};

export const versionMeta: JsonSchema = {
  type: 'object',
  required: ['code', 'version', 'hash', 'publishedAt', 'publishedBy', 'reason', 'legalBasis', 'changeKind'],
  properties: {
    code: str, version: int, hash: { ...str, description: 'SHA-256 of the canonical JSON of the config' },
    baseVersion: { type: ['integer', 'null'] }, publishedAt: str, publishedBy: str, author: str, reviewer: nullableStr,
    reason: str, legalBasis: str, changeKind: { enum: [...LEGAL_CHANGE_KINDS] },
    signature: {
      type: 'object', required: ['keyId', 'signature'],
      description: 'Ed25519 signature of the region key over code, version, hash, publishedAt and reviewer; absent on versions published before signing (never served)',
      properties: { keyId: { ...str, description: 'first 16 hex digits of SHA-256 over the public key' }, signature: { ...str, description: '64 bytes, hex' } },
    },
    imported: { type: 'object', required: ['at', 'by'], description: 'set on a version imported from a bundle', properties: { at: str, by: str } },
  },
};

export const version: JsonSchema = { ...versionMeta, required: [...(versionMeta.required as string[]), 'config'], properties: { ...(versionMeta.properties as object), config: CONFIG_REF } };

export const itemSummary: JsonSchema = {
  type: 'object',
  required: ['code', 'name', 'department', 'latestVersion', 'latestHash', 'withdrawn', 'draft'],
  properties: {
    code: str, name: str, department: str, createdAt: str,
    withdrawn: { type: ['object', 'null'], properties: { at: str, by: str, reason: str } },
    latestVersion: { type: ['integer', 'null'] }, latestHash: nullableStr, latestPublishedAt: nullableStr,
    draft: { type: ['object', 'null'], properties: { revision: int, status: str, updatedAt: str, updatedBy: str } },
  },
};

export const itemList: JsonSchema = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: itemSummary } } };

export const itemDetail: JsonSchema = {
  type: 'object',
  required: ['item', 'versions'],
  properties: { item: itemSummary, versions: { type: 'array', items: versionMeta }, latest: { oneOf: [version, { type: 'null' }] } },
};

export const draftCheck: JsonSchema = {
  type: 'object',
  required: ['valid', 'problems', 'examples'],
  properties: {
    valid: { type: 'boolean' },
    revision: int,
    problems: { type: 'array', items: problem },
    examples: {
      type: ['object', 'null'],
      properties: { passed: int, failed: int, results: { type: 'array', items: { type: 'object', properties: { name: str, passed: { type: 'boolean' }, differences: { type: 'array', items: str }, trace: { type: 'array', description: 'Every active rule with each condition’s result (true, false, "unknown") and the fact values it was decided on', items: { type: 'object' } } } } } },
    },
    coverage: { type: 'array', description: 'The rule coverage gate: one problem per enabled rule no example fires (submitting is refused while any is left)', items: problem },
  },
};

export const publishRequest: JsonSchema = {
  type: 'object',
  required: ['reason', 'legalBasis'],
  additionalProperties: false,
  properties: {
    reason: { type: 'string', minLength: 1, maxLength: 2000, description: 'Why the version changes (shown in the audit trail and the version dossier)' },
    legalBasis: { type: 'string', minLength: 1, maxLength: 2000, description: 'The legal basis of the change: the law or rule enacted, amended, repealed or interpreted' },
    changeKind: { enum: [...LEGAL_CHANGE_KINDS], description: 'Kind of the legal change: establish / amend / repeal / interpret (or other)' },
  },
};

export const reviewRequest: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { comment: { type: 'string', maxLength: 4000, description: 'Review comment; required when the draft is returned' } },
};

export const withdrawRequest: JsonSchema = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } },
};

export const auditEvent: JsonSchema = {
  type: 'object',
  required: ['seq', 'at', 'actor', 'action', 'prevHash', 'hash'],
  properties: { seq: int, at: str, actor: str, action: str, code: nullableStr, version: { type: ['integer', 'null'] }, reason: nullableStr, details: {}, prevHash: str, hash: str },
};

export const auditPage: JsonSchema = { type: 'object', required: ['events'], properties: { events: { type: 'array', items: auditEvent }, nextAfterSeq: { type: ['integer', 'null'] } } };

export const auditVerification: JsonSchema = {
  type: 'object',
  required: ['ok', 'checked', 'firstBroken', 'events', 'checkpoints', 'problems'],
  properties: {
    ok: { type: 'boolean' }, checked: int, firstBroken: { type: ['object', 'null'], properties: { seq: int, problem: str } },
    events: int,
    checkpoints: { type: 'object', properties: { stored: int, trusted: int, latest: { type: ['object', 'null'], properties: { count: int, headHash: str, at: str, trigger: str, keyId: str, signature: str } } } },
    problems: {
      type: 'array',
      items: {
        type: 'object', required: ['kind', 'message'],
        properties: {
          kind: { enum: ['broken-link', 'missing-tail', 'rewritten', 'untrusted-checkpoint', 'version-without-event', 'event-without-version', 'version-hash-mismatch', 'index-mismatch'] },
          message: str, seq: int, fromSeq: int, toSeq: int, checkpointCount: int, code: str, version: int, field: str,
        },
      },
    },
  },
};

export const health: JsonSchema = {
  type: 'object',
  required: ['status', 'store'],
  properties: { status: { enum: ['ok', 'degraded'] }, store: { type: 'object', properties: { ok: { type: 'boolean' }, adapter: str, readOnly: { type: 'boolean' } } } },
};

const itemRef = { type: 'object', required: ['code', 'version', 'hash'], properties: { code: str, version: { type: ['integer', 'null'] }, hash: str } };

export const evaluationRequest: JsonSchema = {
  type: 'object',
  required: ['scenario'],
  additionalProperties: false,
  properties: {
    scenario: { ...str, description: 'Id of the handling scenario' },
    formData: { type: 'object' },
    materials: { type: 'array', items: str, maxItems: 500, description: 'ids of the materials handed in' },
    date: { ...str, format: 'date', description: 'evaluation date; default today (Asia/Shanghai)' },
    channel: { enum: [...CHANNELS], description: 'the kind of window asking; default comprehensive-window' },
    creditBlacklisted: { type: 'boolean', description: 'Whether the applicant is on the credit blacklist (checked at the window): no acceptance on commitment; default false' },
  },
};

export const decision: JsonSchema = {
  type: 'object',
  required: ['outcome', 'item', 'date', 'division', 'fieldErrors', 'requiredMaterials', 'missingMaterials', 'reasons', 'timeLimits', 'explanation'],
  properties: {
    outcome: { enum: [...OUTCOMES] },
    item: itemRef,
    date: str,
    division: str,
    channel: str,
    scenario: { type: ['object', 'null'], properties: { id: str, name: str } },
    redirect: { type: 'object', properties: { channel: str, where: str } },
    fieldErrors: { type: 'array', items: { type: 'object', properties: { path: str, keyword: str, message: str } } },
    requiredMaterials: { type: 'array', items: { type: 'object', properties: { id: str, name: str, because: { type: 'object' } } } },
    missingMaterials: { type: 'array', description: 'The one-time notice: every missing material at once', items: { type: 'object', properties: { id: str, name: str, deferrable: { type: 'boolean' } } } },
    deferredAcceptance: {
      type: 'object', description: 'Acceptance on commitment: present when the item allows it and a material that may follow later is missing; granted → outcome accept-on-commitment',
      properties: { granted: { type: 'boolean' }, refusal: { enum: ['credit', 'not-deferrable', 'other-problems'] }, message: str, materials: { type: 'array', items: { type: 'object', properties: { id: str, name: str } } }, consequence: str, basis: str },
    },
    reasons: { type: 'array', items: { type: 'object', properties: { rule: str, type: str, message: str, basis: str } } },
    timeLimits: { type: 'object' },
    explanation: { type: 'array', items: { type: 'object', properties: { rule: str, fired: { type: 'boolean' }, undecidable: { type: 'boolean' }, conditions: { type: 'array' } } } },
  },
};

export const runtimeItem: JsonSchema = {
  type: 'object',
  required: ['code', 'name', 'department', 'version', 'hash'],
  properties: { code: str, name: str, aliases: { type: 'array', items: str, description: 'Aliases from the standard, for search' }, department: str, channel: str, version: int, hash: str, publishedAt: str },
};

export const runtimeItemList: JsonSchema = {
  type: 'object',
  required: ['division', 'items'],
  properties: { division: { type: 'object', properties: { code: str, name: str } }, items: { type: 'array', items: runtimeItem } },
};

export const runtimeItemDetail: JsonSchema = {
  type: 'object',
  required: ['item', 'config'],
  properties: { item: itemRef, config: CONFIG_REF },
};

export const guide: JsonSchema = {
  type: 'object',
  required: ['item', 'title', 'sections'],
  properties: {
    item: itemRef,
    title: str,
    sections: { type: 'array', items: { type: 'object', required: ['key', 'title'], properties: { key: str, title: str, text: str, items: { type: 'array' } } } },
  },
};

export const divisionTree: JsonSchema = { type: 'object', required: ['code', 'name', 'children'], properties: { code: str, name: str, level: str, kind: str, children: { type: 'array' } } };
export const anyObject: JsonSchema = { type: 'object' };
export const configRef: JsonSchema = CONFIG_REF;
