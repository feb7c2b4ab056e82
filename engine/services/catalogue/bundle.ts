import { systemClock, type Clock } from '../../core/clock/index.js';
import { Ajv, type ValidateFunction } from 'ajv';
import { canonicalJson } from '../../core/canonical/canonical-json.js';
import { contentHash } from '../../core/canonical/content-hash.js';
import { validateConfig } from '../../core/config/validate-config.js';
import { BadRequestError, ConflictError, NotFoundError, ValidationFailedError, type Problem } from '../../core/errors.js';
import type { ConfigReader, ConfigStore } from '../../ports/config-store/port.js';
import type { VersionRecord, Withdrawal } from '../../core/model/records.js';
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
    throw new BadRequestError('导出指定版本时须同时指定事项编码', { param: 'version' }, 'bad_request');
  }
  const summaries = options.code === undefined ? await store.listItems() : [await store.getItem(options.code)];
  if (options.code !== undefined && !summaries[0]) throw new NotFoundError(`事项 ${options.code} 不存在`, { code: options.code });
  const items: BundleItem[] = [];
  for (const item of summaries) {
    if (!item || item.latestVersion === null) {
      if (options.code !== undefined) throw new NotFoundError(`事项 ${options.code} 尚未发布任何版本，没有可导出的内容`, { code: options.code });
      continue;
    }
    const numbers = options.version !== undefined ? [options.version] : (await store.listVersions(item.code)).map((v) => v.version);
    const versions: VersionRecord[] = [];
    for (const number of numbers) {
      const version = await store.getVersion(item.code, number);
      if (!version) throw new NotFoundError(`事项 ${item.code} 没有第 ${number} 版`, { code: item.code, version: number });
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
              },
            },
          },
        },
      },
    },
  },
} as const;

let bundleValidator: ValidateFunction | undefined;

function validateBundleShape(value: unknown): Problem[] {
  bundleValidator ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(bundleSchema as unknown as Record<string, unknown>);
  if (bundleValidator(value)) return [];
  return (bundleValidator.errors ?? []).map((e) => ({
    pointer: e.keyword === 'required' ? `${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}` : e.instancePath,
    code: `bundle.${e.keyword}`,
    message: e.keyword === 'additionalProperties' ? `不允许的字段「${String((e.params as { additionalProperty: string }).additionalProperty)}」` : e.message ?? 'invalid',
  }));
}

/**
 * Checks a value is a bundle whose every version is intact: the right format, the envelope's
 * shape, version numbers unique and contiguous per item, codes consistent, and every recorded
 * hash equal to the recomputed `contentHash(config)`. Any failure refuses the whole bundle
 * (ValidationFailedError, 422): a bundle that was edited by hand is not trusted in part.
 */
export function parseBundle(value: unknown): CatalogueBundle {
  const shape = validateBundleShape(value);
  if (shape.length > 0) throw new ValidationFailedError('导入包格式不正确（应为 Tongban 导出的 tongban-bundle 第 1 版）', shape);
  const bundle = value as CatalogueBundle;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  bundle.items.forEach((item, i) => {
    if (seen.has(item.code)) problems.push({ pointer: `/items/${i}/code`, code: 'bundle.duplicate-item', message: `事项 ${item.code} 在导入包中出现了不止一次` });
    seen.add(item.code);
    item.versions.forEach((version, j) => {
      const at = `/items/${i}/versions/${j}`;
      if (version.code !== item.code || version.config.code !== item.code) {
        problems.push({ pointer: `${at}/code`, code: 'bundle.code-mismatch', message: `版本的事项编码与所属事项 ${item.code} 不一致` });
      }
      const previous = item.versions[j - 1];
      if (previous && version.version !== previous.version + 1) {
        problems.push({ pointer: `${at}/version`, code: 'bundle.version-sequence', message: `事项 ${item.code} 的版本应连续递增，第 ${previous.version} 版之后是第 ${version.version} 版` });
      }
      let actual: string;
      try {
        actual = contentHash(version.config);
      } catch {
        actual = '';
      }
      if (actual !== version.hash) {
        problems.push({
          pointer: `${at}/hash`,
          code: 'bundle.hash-mismatch',
          message: `事项 ${item.code} 第 ${version.version} 版的内容与其哈希不符（内容在导出后被改动过），拒绝导入`,
        });
      }
    });
  });
  if (problems.length > 0) throw new ValidationFailedError(`导入包未通过完整性校验（${problems.length} 处问题），未导入任何内容`, problems);
  return bundle;
}

export type ItemImportStatus = 'imported' | 'identical' | 'conflict' | 'invalid' | 'failed';

export interface ImportConflict {
  version: number;
  reason: 'hash-differs' | 'version-gap' | 'base-unverified' | 'concurrent-write';
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
   * failed: a concurrent writer got in between the check and the write (see `imported`).
   */
  status: ItemImportStatus;
  /** Versions written (or, on a dry run, that would be written). */
  imported: number[];
  /** Versions the target already holds with the same hash. */
  identical: number[];
  conflicts: ImportConflict[];
  /** validateConfig problems, pointers prefixed with /versions/<index>/config. */
  problems: Problem[];
}

export interface ImportReport {
  /** True when no item conflicted, was invalid or failed. */
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
}

interface Plan {
  report: ItemImportReport;
  item: BundleItem;
  toInsert: VersionRecord[];
}

async function planItem(store: ConfigReader, item: BundleItem): Promise<Plan> {
  const report: ItemImportReport = { code: item.code, name: item.name, status: 'identical', imported: [], identical: [], conflicts: [], problems: [] };
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
      report.problems.push({ ...p, pointer: `/versions/${index}/config${p.pointer}`, message: `第 ${version.version} 版：${p.message}` });
    }
    if (targetHash !== undefined) {
      report.conflicts.push({
        version: version.version,
        reason: 'hash-differs',
        message: `本库已发布的第 ${version.version} 版内容与导入包不同；已发布版本不可覆盖`,
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
          ? `本库没有该事项，导入包却从第 ${first.version} 版开始；请导出完整的版本历史`
          : `本库最新为第 ${targetLatest} 版，导入包的新版本从第 ${first.version} 版开始，版本号将不连续`,
        bundleHash: first.hash,
        targetHash: null,
      });
    } else if (targetLatest > 0 && !report.identical.includes(targetLatest)) {
      // The bundle must share the target's newest version, or we cannot tell the histories agree.
      report.conflicts.push({
        version: first.version,
        reason: 'base-unverified',
        message: `导入包不含本库最新的第 ${targetLatest} 版，无法确认两边历史一致；请导出包含第 ${targetLatest} 版在内的版本`,
        bundleHash: first.hash,
        targetHash: null,
      });
    }
  }
  if (report.problems.length > 0) report.status = 'invalid';
  else if (report.conflicts.length > 0) report.status = 'conflict';
  else if (toInsert.length > 0) report.status = 'imported';
  return { report, item, toInsert: report.status === 'imported' ? toInsert : [] };
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
export async function importBundle({ store, clock = systemClock, bundle: value, ...options }: ImportOptions & { store: ConfigStore; clock?: Clock; bundle: unknown }): Promise<ImportReport> {
  const now = () => clock().toISOString();
  const dryRun = options.dryRun ?? false;
  const bundle = parseBundle(value);
  const plans: Plan[] = [];
  for (const item of bundle.items) plans.push(await planItem(store, item));

  const total = plans.length;
  for (const [index, plan] of plans.entries()) {
    if (!dryRun && plan.report.status === 'imported') await writeItem(store, plan, bundle, options.actor, now);
    else if (dryRun && plan.report.status === 'imported') plan.report.imported = plan.toInsert.map((v) => v.version);
    options.onProgress?.({ index: index + 1, total, code: plan.item.code, status: plan.report.status });
  }

  const items = plans.map((p) => p.report);
  const counts: Record<ItemImportStatus, number> = { imported: 0, identical: 0, conflict: 0, invalid: 0, failed: 0 };
  for (const item of items) counts[item.status] += 1;
  return { ok: counts.conflict + counts.invalid + counts.failed === 0, dryRun, counts, items };
}

async function writeItem(store: ConfigStore, plan: Plan, bundle: CatalogueBundle, actor: string, now: () => string): Promise<void> {
  const { item, report } = plan;
  for (const version of plan.toInsert) {
    try {
      await store.insertVersion(version);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = await store.getVersion(item.code, version.version);
      report.status = 'failed';
      report.conflicts.push({
        version: version.version,
        reason: 'concurrent-write',
        message: `导入过程中第 ${version.version} 版已由他人发布，该事项只导入了第 ${report.imported.join('、') || '（无）'} 版`,
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
      reason: `导入：${version.reason}`,
      details: { hash: version.hash, publishedAt: version.publishedAt, publishedBy: version.publishedBy, bundleExportedAt: bundle.exportedAt },
    });
  }
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
