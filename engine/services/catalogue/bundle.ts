import { systemClock, type Clock } from '../../core/clock/index.js';
import { Ajv, type ValidateFunction } from 'ajv';
import { canonicalJson } from '../../core/canonical/canonical-json.js';
import { contentHash } from '../../core/canonical/content-hash.js';
import { validateConfig } from '../../core/config/validate-config.js';
import { BadRequestError, ConflictError, NotFoundError, ValidationFailedError, catalogueProblem, type Problem } from '../../core/errors.js';
import { uiText, type CatalogueKey } from '../../core/i18n/catalogue/catalogue.js';
import type { ConfigReader, ConfigStore } from '../../ports/config-store/port.js';
import type { VersionRecord, Withdrawal } from '../../core/model/records.js';
import { runExamples } from '../../core/examples/run-examples.js';
import { checkVersionSignature, ephemeralProcessSigning, type TrustedKey, type UntrustedReason } from '../../core/signing/index.js';
import { ITEM_CODE_PATTERN, LEGAL_CHANGE_KINDS } from '../../core/vocabulary/index.js';

export const BUNDLE_FORMAT = 'tongban-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

export interface BundleItem {
  code: string;
  name: string;
  department: string;
  withdrawn: Withdrawal | null;
  /** Published versions in ascending order, each exactly as stored (config and content hash). */
  versions: VersionRecord[];
}

/** Items and their published versions, moved between installations. Drafts are never exported. */
export interface CatalogueBundle {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  exportedAt: string;
  items: BundleItem[];
}

export interface ExportOptions {
  /** One item only; without it, every item that has a published version. */
  code?: string;
  /** One version of `code` only. */
  version?: number;
}

/**
 * A bundle of the whole catalogue (every item with at least one published version, all of its
 * versions), of one item, or of one version of one item.
 */
export async function exportBundle({ store, clock = systemClock, ...options }: ExportOptions & { store: ConfigReader; clock?: Clock }): Promise<CatalogueBundle> {
  const now = () => clock().toISOString();
  if (options.version !== undefined && options.code === undefined) {
    throw new BadRequestError({ key: 'services.catalogue.bundle.versionNeedsCode' }, { param: 'version' }, 'bad_request');
  }
  const summaries = options.code === undefined ? await store.listItems() : [await store.getItem(options.code)];
  if (options.code !== undefined && !summaries[0]) throw new NotFoundError({ key: 'services.items.noSuchItem', values: { code: options.code } }, { code: options.code });
  const items: BundleItem[] = [];
  for (const item of summaries) {
    if (!item || item.latestVersion === null) {
      if (options.code !== undefined) throw new NotFoundError({ key: 'services.catalogue.bundle.nothingPublished', values: { code: options.code } }, { code: options.code });
      continue;
    }
    const numbers = options.version !== undefined ? [options.version] : (await store.listVersions(item.code)).map((v) => v.version);
    const versions: VersionRecord[] = [];
    for (const number of numbers) {
      const version = await store.getVersion(item.code, number);
      if (!version) throw new NotFoundError({ key: 'services.items.noSuchVersion', values: { code: item.code, version: number } }, { code: item.code, version: number });
      versions.push(version);
    }
    items.push({ code: item.code, name: item.name, department: item.department, withdrawn: item.withdrawn, versions });
  }
  return { format: BUNDLE_FORMAT, formatVersion: BUNDLE_FORMAT_VERSION, exportedAt: now(), items };
}

// ---------------------------------------------------------------------------------------------
// Import

const str = { type: 'string' };
const nonEmpty = { type: 'string', minLength: 1 };

/** The bundle's JSON Schema. Configs are checked afterwards by validateConfig, item by item. */
export const bundleSchema = {
  type: 'object',
  required: ['format', 'formatVersion', 'exportedAt', 'items'],
  additionalProperties: false,
  properties: {
    format: { const: BUNDLE_FORMAT },
    formatVersion: { const: BUNDLE_FORMAT_VERSION },
    exportedAt: str,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'name', 'department', 'withdrawn', 'versions'],
        additionalProperties: false,
        properties: {
          code: { type: 'string', pattern: ITEM_CODE_PATTERN },
          name: nonEmpty,
          department: str,
          withdrawn: {
            anyOf: [
              { type: 'null' },
              { type: 'object', required: ['at', 'by', 'reason'], additionalProperties: false, properties: { at: str, by: str, reason: str } },
            ],
          },
          versions: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['code', 'version', 'hash', 'baseVersion', 'publishedAt', 'publishedBy', 'author', 'reviewer', 'reason', 'legalBasis', 'changeKind', 'config'],
              // A version is stored as given: nothing the store does not know may ride along.
              additionalProperties: false,
              properties: {
                code: str,
                version: { type: 'integer', minimum: 1 },
                hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
                baseVersion: { type: ['integer', 'null'], minimum: 1 },
                publishedAt: nonEmpty,
                publishedBy: nonEmpty,
                author: str,
                reviewer: { type: ['string', 'null'] },
                reason: str,
                legalBasis: str,
                changeKind: { enum: [...LEGAL_CHANGE_KINDS] },
                config: { type: 'object' },
                signature: { type: 'object', required: ['keyId', 'signature'], additionalProperties: false, properties: { keyId: str, signature: str } },
                imported: { type: 'object', required: ['at', 'by'], additionalProperties: false, properties: { at: str, by: str } },
              },
            },
          },
        },
      },
    },
  },
} as const;

let bundleValidator: ValidateFunction | undefined;

/** A sentence of the import report or the audit trail: stored and answered in Chinese (the source). */
const text = (key: CatalogueKey, values?: Record<string, string | number>) => uiText(key, 'zh-CN', values);

/** A signature refusal as an import reports it: the version is not refused for good, it waits for review here. */
function reviewHere(message: string): string {
  const refused = text('services.catalogue.bundle.refusedEnding');
  return message.endsWith(refused) ? `${message.slice(0, -refused.length)}${text('services.catalogue.bundle.reviewHereEnding')}` : message;
}

function validateBundleShape(value: unknown): Problem[] {
  bundleValidator ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(bundleSchema as unknown as Record<string, unknown>);
  if (bundleValidator(value)) return [];
  return (bundleValidator.errors ?? []).map((e) => {
    const pointer = e.keyword === 'required' ? `${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}` : e.instancePath;
    const code = `bundle.${e.keyword}`;
    return e.keyword === 'additionalProperties'
      ? catalogueProblem(pointer, code, { key: 'services.catalogue.bundle.fieldNotAllowed', values: { field: String((e.params as { additionalProperty: string }).additionalProperty) } })
      : { pointer, code, message: e.message ?? 'invalid' };
  });
}

/**
 * Checks a value is a bundle whose every version is intact: the right format, the envelope's
 * shape, version numbers unique and contiguous per item, codes consistent, and every recorded
 * hash equal to the recomputed `contentHash(config)`. Any failure refuses the whole bundle
 * (ValidationFailedError, 422): a bundle that was edited by hand is not trusted in part.
 */
export function parseBundle(value: unknown): CatalogueBundle {
  const shape = validateBundleShape(value);
  if (shape.length > 0) throw new ValidationFailedError({ key: 'services.catalogue.bundle.badFormat', values: { format: BUNDLE_FORMAT, version: BUNDLE_FORMAT_VERSION } }, shape);
  const bundle = value as CatalogueBundle;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  bundle.items.forEach((item, i) => {
    if (seen.has(item.code)) problems.push(catalogueProblem(`/items/${i}/code`, 'bundle.duplicate-item', { key: 'services.catalogue.bundle.duplicateItem', values: { code: item.code } }));
    seen.add(item.code);
    item.versions.forEach((version, j) => {
      const at = `/items/${i}/versions/${j}`;
      if (version.code !== item.code || version.config.code !== item.code) {
        problems.push(catalogueProblem(`${at}/code`, 'bundle.code-mismatch', { key: 'services.catalogue.bundle.codeMismatch', values: { code: item.code } }));
      }
      const previous = item.versions[j - 1];
      if (previous && version.version !== previous.version + 1) {
        problems.push(catalogueProblem(`${at}/version`, 'bundle.version-sequence', { key: 'services.catalogue.bundle.versionSequence', values: { code: item.code, previous: previous.version, version: version.version } }));
      }
      let actual: string;
      try {
        actual = contentHash(version.config);
      } catch {
        actual = '';
      }
      if (actual !== version.hash) {
        problems.push(catalogueProblem(`${at}/hash`, 'bundle.hash-mismatch', { key: 'services.catalogue.bundle.hashMismatch', values: { code: item.code, version: version.version } }));
      }
    });
  });
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.catalogue.bundle.integrityFailed', values: { count: problems.length } }, problems);
  return bundle;
}

export type ItemImportStatus = 'imported' | 'identical' | 'conflict' | 'invalid' | 'failed' | 'draft';

/** Why a bundle version was not published here (it went to a draft awaiting review instead). */
export type RefusalReason = UntrustedReason | 'examples-failed' | 'after-refused';

export interface ImportRefusal {
  version: number;
  reason: RefusalReason;
  message: string;
}

/** The draft an import left for review here, holding the newest refused version's content. */
export interface ImportDraft {
  fromVersion: number;
  /** submitted: awaiting review (examples pass) · editing: examples fail, an author must fix them first. */
  status: 'submitted' | 'editing';
  baseVersion: number | null;
}

export interface ImportConflict {
  version: number;
  reason: 'hash-differs' | 'version-gap' | 'base-unverified' | 'concurrent-write' | 'draft-exists';
  message: string;
  bundleHash: string;
  targetHash: string | null;
}

export interface ItemImportReport {
  code: string;
  name: string;
  /**
   * imported: new versions written (any others already identical) · identical: every version
   * already present with the same hash, nothing written · conflict / invalid: nothing written ·
   * failed: a concurrent writer got in between the check and the write (see `imported`) ·
   * draft: a version lacked a trusted signature or failed its examples — the versions before it
   * were published (`imported`), the newest content waits here as a draft for review (`draft`).
   */
  status: ItemImportStatus;
  /** Versions written (or, on a dry run, that would be written). */
  imported: number[];
  /** Versions the target already holds with the same hash. */
  identical: number[];
  conflicts: ImportConflict[];
  /** validateConfig problems, pointers prefixed with /versions/<index>/config. */
  problems: Problem[];
  /** Versions not published here, each with why. */
  refused: ImportRefusal[];
  draft: ImportDraft | null;
  /** Failed examples of the refused versions, by version. */
  failedExamples: { version: number; name: string; differences: string[] }[];
}

export interface ImportReport {
  /** True when every item is now published here as in the bundle: none conflicted, was invalid, failed or went to review. */
  ok: boolean;
  dryRun: boolean;
  counts: Record<ItemImportStatus, number>;
  items: ItemImportReport[];
}

export interface ImportProgress {
  index: number;
  total: number;
  code: string;
  status: ItemImportStatus;
}

export interface ImportOptions {
  /** Who imports: recorded in each `item.imported` audit event. */
  actor: string;
  /** Check only: the report says what would happen, nothing is written. */
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * The public keys whose signatures publish an imported version here (TONGBAN_TRUSTED_KEYS);
   * default: this process's ephemeral key only.
   */
  trustedKeys?: readonly TrustedKey[];
}

interface Plan {
  report: ItemImportReport;
  item: BundleItem;
  toInsert: VersionRecord[];
  /** The draft to create for review, when a version was refused. */
  draft: (ImportDraft & { version: VersionRecord }) | null;
}

async function planItem(store: ConfigReader, item: BundleItem, trustedKeys: readonly TrustedKey[]): Promise<Plan> {
  const report: ItemImportReport = {
    code: item.code, name: item.name, status: 'identical', imported: [], identical: [], conflicts: [], problems: [], refused: [], draft: null, failedExamples: [],
  };
  const existing = new Map((await store.listVersions(item.code)).map((v) => [v.version, v.hash]));
  const targetLatest = Math.max(0, ...existing.keys());
  const toInsert: VersionRecord[] = [];
  item.versions.forEach((version, index) => {
    const targetHash = existing.get(version.version);
    if (targetHash === version.hash) {
      report.identical.push(version.version);
      return;
    }
    for (const p of validateConfig(version.config)) {
      report.problems.push({ ...p, pointer: `/versions/${index}/config${p.pointer}`, message: text('services.catalogue.bundle.versionProblem', { version: version.version, message: p.message }) });
    }
    if (targetHash !== undefined) {
      report.conflicts.push({
        version: version.version,
        reason: 'hash-differs',
        message: text('services.catalogue.bundle.hashDiffers', { version: version.version }),
        bundleHash: version.hash,
        targetHash,
      });
    } else toInsert.push(version);
  });
  const first = toInsert[0];
  if (first && report.conflicts.length === 0) {
    if (first.version !== targetLatest + 1) {
      report.conflicts.push({
        version: first.version,
        reason: 'version-gap',
        message: targetLatest === 0
          ? text('services.catalogue.bundle.startsLate', { version: first.version })
          : text('services.catalogue.bundle.versionGap', { latest: targetLatest, version: first.version }),
        bundleHash: first.hash,
        targetHash: null,
      });
    } else if (targetLatest > 0 && !report.identical.includes(targetLatest)) {
      // The bundle must share the target's newest version, or we cannot tell the histories agree.
      report.conflicts.push({
        version: first.version,
        reason: 'base-unverified',
        message: text('services.catalogue.bundle.baseUnverified', { latest: targetLatest }),
        bundleHash: first.hash,
        targetHash: null,
      });
    }
  }
  let draft: Plan['draft'] = null;
  if (report.problems.length === 0 && report.conflicts.length === 0 && toInsert.length > 0) {
    const publishable = await trustedPrefix(toInsert, trustedKeys, report);
    const newest = toInsert.at(-1) as VersionRecord;
    if (publishable.length < toInsert.length) {
      if (await store.getDraft(item.code)) {
        report.conflicts.push({
          version: (toInsert[publishable.length] as VersionRecord).version,
          reason: 'draft-exists',
          message: text('services.catalogue.bundle.draftExists', { version: (toInsert[publishable.length] as VersionRecord).version }),
          bundleHash: newest.hash,
          targetHash: null,
        });
      } else {
        const examplesPass = !report.failedExamples.some((e) => e.version === newest.version) && (await examplesPassed(newest));
        const baseVersion = publishable.at(-1)?.version ?? (targetLatest || null);
        draft = { fromVersion: newest.version, status: examplesPass ? 'submitted' : 'editing', baseVersion, version: newest };
        report.draft = { fromVersion: draft.fromVersion, status: draft.status, baseVersion };
      }
    }
    toInsert.splice(publishable.length);
  }
  if (report.problems.length > 0) report.status = 'invalid';
  else if (report.conflicts.length > 0) report.status = 'conflict';
  else if (draft) report.status = 'draft';
  else if (toInsert.length > 0) report.status = 'imported';
  const writes = report.status === 'imported' || report.status === 'draft';
  return { report, item, toInsert: writes ? toInsert : [], draft: writes ? draft : null };
}

async function examplesPassed(version: VersionRecord): Promise<boolean> {
  const examples = await runExamples(version.config);
  return examples.results.length > 0 && examples.failed === 0;
}

/**
 * The leading versions that may be published here: each signed by a trusted key valid at its
 * publication time, and each passing its own examples (run here, with this installation's
 * engine). The first that does not is refused, and every later one with it (a version is only
 * published on top of its predecessor).
 */
async function trustedPrefix(versions: readonly VersionRecord[], trustedKeys: readonly TrustedKey[], report: ItemImportReport): Promise<VersionRecord[]> {
  const publishable: VersionRecord[] = [];
  for (const version of versions) {
    if (report.refused.length > 0) {
      report.refused.push({ version: version.version, reason: 'after-refused', message: text('services.catalogue.bundle.afterRefused', { version: version.version }) });
      continue;
    }
    const check = checkVersionSignature(version, trustedKeys);
    if (!check.trusted) {
      report.refused.push({ version: version.version, reason: check.reason, message: reviewHere(check.message) });
      continue;
    }
    const examples = await runExamples(version.config);
    if (examples.results.length === 0 || examples.failed > 0) {
      report.refused.push({
        version: version.version,
        reason: 'examples-failed',
        message: examples.results.length === 0
          ? text('services.catalogue.bundle.noExamples', { version: version.version })
          : text('services.catalogue.bundle.examplesFailed', { version: version.version, count: examples.failed }),
      });
      for (const r of examples.results.filter((e) => !e.passed)) report.failedExamples.push({ version: version.version, name: r.name, differences: r.differences });
      continue;
    }
    publishable.push(version);
  }
  return publishable;
}

/**
 * Imports a bundle into this installation. It never overwrites a published version, and it never
 * leaves an item half-imported:
 *
 * 1. The whole bundle is parsed and every hash recomputed first (parseBundle); a tampered bundle
 *    is refused before anything is read from the store.
 * 2. Every item is planned against the store without writing: versions the target already has
 *    with the same hash are `identical`; a different hash is a `conflict`; new versions must
 *    continue the target's history directly (the target's versions a prefix of the bundle's) and
 *    pass validateConfig. An item with any conflict or invalid version is not imported at all.
 * 3. Only then are the planned items written, each item's new versions in ascending order, each
 *    through the store's atomic `insertVersion` (unique on code + version), each followed by its
 *    `item.imported` audit event. A new item's record is written after its versions, so it only
 *    appears in listings once its history is complete.
 *
 * The store port has no transactions, so step 3 can still meet a writer that published the same
 * version number after step 2: insertVersion then refuses (ConflictError) and that item is
 * reported `failed` with the versions written so far — always a gapless prefix of the bundle's,
 * each identical to the bundle's, so re-running the import completes or reports it.
 */
export async function importBundle({ store, clock = systemClock, bundle: value, trustedKeys = ephemeralProcessSigning().trustedKeys, ...options }: ImportOptions & { store: ConfigStore; clock?: Clock; bundle: unknown }): Promise<ImportReport> {
  const now = () => clock().toISOString();
  const dryRun = options.dryRun ?? false;
  const bundle = parseBundle(value);
  const plans: Plan[] = [];
  for (const item of bundle.items) plans.push(await planItem(store, item, trustedKeys));

  const total = plans.length;
  for (const [index, plan] of plans.entries()) {
    const writes = plan.report.status === 'imported' || plan.report.status === 'draft';
    if (!dryRun && writes) await writeItem(store, plan, bundle, options.actor, now);
    else if (dryRun && writes) plan.report.imported = plan.toInsert.map((v) => v.version);
    options.onProgress?.({ index: index + 1, total, code: plan.item.code, status: plan.report.status });
  }

  const items = plans.map((p) => p.report);
  const counts: Record<ItemImportStatus, number> = { imported: 0, identical: 0, conflict: 0, invalid: 0, failed: 0, draft: 0 };
  for (const item of items) counts[item.status] += 1;
  return { ok: counts.conflict + counts.invalid + counts.failed + counts.draft === 0, dryRun, counts, items };
}

async function writeItem(store: ConfigStore, plan: Plan, bundle: CatalogueBundle, actor: string, now: () => string): Promise<void> {
  const { item, report } = plan;
  for (const version of plan.toInsert) {
    try {
      // Provenance: the original publisher, reviewer and signature are kept; `imported` says who brought it here.
      await store.insertVersion({ ...version, imported: { at: now(), by: actor } });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = await store.getVersion(item.code, version.version);
      report.status = 'failed';
      report.conflicts.push({
        version: version.version,
        reason: 'concurrent-write',
        message: text('services.catalogue.bundle.concurrentWrite', { version: version.version, imported: report.imported.join(text('server.listSeparator')) || text('services.catalogue.bundle.noneImported') }),
        bundleHash: version.hash,
        targetHash: current?.hash ?? null,
      });
      break;
    }
    report.imported.push(version.version);
    await store.appendAudit({
      at: now(),
      actor,
      action: 'item.imported',
      code: item.code,
      version: version.version,
      reason: text('services.catalogue.bundle.importedReason', { reason: version.reason }),
      details: {
        hash: version.hash, publishedAt: version.publishedAt, publishedBy: version.publishedBy, reviewer: version.reviewer,
        keyId: version.signature?.keyId ?? null, bundleExportedAt: bundle.exportedAt,
      },
    });
  }
  if (report.status === 'draft') await writeReviewDraft(store, plan, actor, now);
  if (report.imported.length === 0) return;
  // Like publishing, a new latest version refreshes the item's name and department.
  await store.upsertItem({ code: item.code, name: item.name, department: item.department, createdAt: now() });
  if (report.status !== 'imported') return;
  const target = await store.getItem(item.code);
  const same = canonicalJson(target?.withdrawn ?? null) === canonicalJson(item.withdrawn);
  if (!same) {
    await store.setWithdrawn(item.code, item.withdrawn);
    if (item.withdrawn) {
      await store.appendAudit({
        at: now(), actor, action: 'item.withdrawn', code: item.code, version: report.imported.at(-1) ?? null,
        reason: item.withdrawn.reason, details: { imported: true, withdrawnAt: item.withdrawn.at, withdrawnBy: item.withdrawn.by },
      });
    }
  }
}

/** The newest refused version's content as a draft of this installation, for its own review. */
async function writeReviewDraft(store: ConfigStore, plan: Plan, actor: string, now: () => string): Promise<void> {
  const { item, report, draft } = plan;
  if (!draft) return;
  const at = now();
  if (!(await store.getItem(item.code))) await store.upsertItem({ code: item.code, name: item.name, department: item.department, createdAt: at });
  const source = draft.version;
  const created = await store.createDraft({
    code: item.code,
    baseVersion: draft.baseVersion,
    status: draft.status,
    config: source.config,
    hash: source.hash,
    createdAt: at,
    createdBy: actor,
    updatedAt: at,
    updatedBy: actor,
    editors: [actor],
    // Submitted by the importer, so the importer can never be the one who approves it.
    ...(draft.status === 'submitted' ? { submittedAt: at, submittedBy: actor } : {}),
  });
  await store.appendAudit({
    at, actor, action: 'draft.created', code: item.code, version: draft.baseVersion,
    reason: text('services.catalogue.bundle.reviewDraftReason', { version: source.version }),
    details: {
      revision: created.revision, hash: source.hash, status: draft.status, imported: true,
      fromVersion: source.version, publishedBy: source.publishedBy, reviewer: source.reviewer, keyId: source.signature?.keyId ?? null,
      refused: report.refused.map((r) => ({ version: r.version, reason: r.reason })),
    },
  });
}
