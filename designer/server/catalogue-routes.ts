import { type Clock, BadRequestError, isItemCode, ITEM_CODE_PATTERN, type TrustedKey } from '../../engine/core/index.js';
import { apiSchemas as s, type ApiRequest, type ApiRoute, type JsonSchema } from '../../engine/http-kit/index.js';
import { type ItemLifecycle, ITEM_LIST_COLUMNS, bundleSchema, dataNeedsCatalogue, dataNeedsCsv, exportBundle, importBundle, importItemList } from '../../engine/services/index.js';
import type { ConfigStore } from '../../engine/ports/index.js';
import { actorOf, everyone } from './actor.js';

const ERR = { description: 'Error', schema: s.error };
const str = { type: 'string' };
const int = { type: 'integer' };

function queryText(req: ApiRequest, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadRequestError({ key: 'server.designer.params.repeated', values: { param: name } }, { param: name });
  return value;
}

/** A boolean query flag: absent → false; `?flag`, `true`, `1` → true; `false`, `0` → false. */
function flag(req: ApiRequest, name: string): boolean {
  const value = queryText(req, name);
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === '' || value === 'true' || value === '1') return true;
  throw new BadRequestError({ key: 'server.designer.params.notBoolean', values: { param: name } }, { param: name });
}

/** The import route checks only the envelope here; importBundle checks every version and hash itself. */
const bundleBodySchema: JsonSchema = { type: 'object', required: ['format', 'formatVersion', 'items'], properties: { format: str, formatVersion: int, items: { type: 'array' } } };

const conflictSchema = { type: 'object', properties: { version: int, reason: { enum: ['hash-differs', 'version-gap', 'base-unverified', 'concurrent-write', 'draft-exists'] }, message: str, bundleHash: str, targetHash: { type: ['string', 'null'] } } };
const refusalSchema = { type: 'object', required: ['version', 'reason', 'message'], properties: { version: int, reason: { enum: ['unsigned', 'unknown-key', 'key-not-valid', 'bad-signature', 'examples-failed', 'after-refused'] }, message: str } };
const importDraftSchema = { type: ['object', 'null'], properties: { fromVersion: int, status: { enum: ['submitted', 'editing'] }, baseVersion: { type: ['integer', 'null'] } } };

const importReportSchema: JsonSchema = {
  type: 'object',
  required: ['ok', 'dryRun', 'counts', 'items'],
  properties: {
    ok: { type: 'boolean', description: 'false when any item conflicted, was invalid or failed' },
    dryRun: { type: 'boolean' },
    counts: { type: 'object', properties: { imported: int, identical: int, conflict: int, invalid: int, failed: int, draft: int } },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'status', 'imported', 'identical', 'conflicts', 'problems'],
        properties: {
          code: str, name: str,
          status: { enum: ['imported', 'identical', 'conflict', 'invalid', 'failed', 'draft'] },
          imported: { type: 'array', items: int },
          identical: { type: 'array', items: int },
          conflicts: { type: 'array', items: conflictSchema },
          problems: { type: 'array', items: s.problem },
          refused: { type: 'array', items: refusalSchema },
          draft: importDraftSchema,
          failedExamples: { type: 'array', items: { type: 'object', properties: { version: int, name: str, differences: { type: 'array', items: str } } } },
        },
      },
    },
  },
};

const csvImportBody: JsonSchema = {
  type: 'object',
  required: ['csv'],
  additionalProperties: false,
  properties: {
    csv: { type: 'string', minLength: 1, description: `The item list as CSV text (a UTF-8 BOM is fine). Headers: ${ITEM_LIST_COLUMNS.map((column) => column.headers[0]).join(', ')}` },
    departments: { type: 'array', maxItems: 1000, items: { type: 'string', minLength: 1, maxLength: 200 }, description: 'Departments accepted besides those of existing items' },
    dryRun: { type: 'boolean', description: 'Check only, create nothing' },
  },
};

const csvImportReport: JsonSchema = {
  type: 'object',
  required: ['ok', 'created', 'rejected', 'rows'],
  properties: {
    ok: { type: 'boolean' }, dryRun: { type: 'boolean' }, created: int, rejected: int,
    columns: { type: 'object', properties: { recognised: { type: 'object' }, missing: { type: 'array', items: str }, ignored: { type: 'array', items: str } } },
    rows: {
      type: 'array',
      items: { type: 'object', required: ['row', 'status', 'reasons'], properties: { row: int, status: { enum: ['created', 'rejected'] }, code: str, name: str, reasons: { type: 'array', items: str } } },
    },
  },
};

const coded = { type: 'object', properties: { code: str, label: str } };
const dataNeedsSchema: JsonSchema = {
  type: 'object',
  required: ['generatedAt', 'itemCount', 'totals', 'departments'],
  properties: {
    generatedAt: str,
    itemCount: int,
    totals: { type: 'object', properties: { departments: int, dataItems: int, needs: int } },
    departments: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          owningDepartment: str,
          dataItems: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                dataItem: str,
                sourceSystems: { type: 'array', items: str },
                sharingMethods: { type: 'array', items: coded },
                frequencies: { type: 'array', items: coded },
                items: { type: 'array', items: { type: 'object', properties: { code: str, name: str, department: str, version: int, sourceSystem: str, sharingMethod: coded, frequency: coded, materialId: str, purpose: str } } },
              },
            },
          },
        },
      },
    },
  },
};

export interface CatalogueDeps {
  store: ConfigStore;
  lifecycle: ItemLifecycle;
  clock: Clock;
  /** Largest bundle accepted by POST /api/catalogue/import, in bytes. */
  bundleLimit?: number;
  /** Keys whose signatures publish an imported version here; other versions land as drafts for review. */
  trustedKeys?: readonly TrustedKey[];
}

/**
 * Moving the catalogue between installations, loading item lists, and the data-sharing catalogue.
 *
 * POST /api/catalogue/import answers 200 with a per-item report whenever the bundle itself is
 * sound — also when some or all items conflicted: a bundle is many independent items, and the
 * report (`ok`, `counts`, each item's `status`) is the answer. A bundle that is malformed or
 * tampered with (a config that no longer matches its hash) is refused as a whole: 422, nothing
 * written.
 */
/** A whole catalogue of 150 items is about 1.5 MiB; this leaves room for a region's full list. */
export const DEFAULT_BUNDLE_LIMIT = 32 * 1024 * 1024;

export function catalogueRoutes({ store, lifecycle, clock, bundleLimit = DEFAULT_BUNDLE_LIMIT, trustedKeys }: CatalogueDeps): ApiRoute[] {
  return [
    {
      method: 'get', path: '/api/catalogue/export', access: everyone, summary: 'Export the catalogue, one item or one version as a tongban-bundle', tags: ['catalogue'],
      query: [
        { name: 'code', description: 'only this item', schema: { ...str, pattern: ITEM_CODE_PATTERN } },
        { name: 'version', description: 'only this version of the item (requires code)', schema: { ...int, minimum: 1, maximum: 999_999_999 } },
      ],
      responses: { 200: { description: 'Bundle', schema: bundleSchema as JsonSchema }, 400: ERR, 404: ERR },
      handler: async (req, res) => {
        const code = queryText(req, 'code');
        const version = queryText(req, 'version');
        if (code !== undefined && !isItemCode(code)) throw new BadRequestError({ key: 'server.designer.params.badCode', values: { code } }, { param: 'code' }, 'bad_code');
        if (version !== undefined && !/^[1-9]\d{0,8}$/.test(version)) throw new BadRequestError({ key: 'server.designer.params.badVersion', values: { version } }, { param: 'version' }, 'bad_version');
        const bundle = await exportBundle({ store, clock, ...(code !== undefined ? { code } : {}), ...(version !== undefined ? { version: Number(version) } : {}) });
        const name = ['tongban', code ?? 'catalogue', ...(version ? [`v${version}`] : []), bundle.exportedAt.slice(0, 10)].join('-');
        res.setHeader('Content-Disposition', `attachment; filename="${name}.json"`);
        res.json(bundle);
      },
    },
    {
      method: 'post', path: '/api/catalogue/import', access: { roles: ['admin'] }, summary: 'Import a tongban-bundle: 200 with a per-item report (imported / identical / conflict / invalid); 422 if the bundle is malformed or tampered with', tags: ['catalogue'],
      query: [{ name: 'dryRun', description: 'true: check and report only, write nothing', schema: { type: 'boolean' } }],
      body: { schema: bundleBodySchema, required: true, description: 'A bundle from GET /api/catalogue/export (up to TONGBAN_BUNDLE_LIMIT, default 32 MiB)', limit: bundleLimit },
      responses: { 200: { description: 'Per-item report', schema: importReportSchema }, 400: ERR, 413: ERR, 415: ERR, 422: ERR },
      handler: async (req, res) => {
        res.json(await importBundle({ store, clock, bundle: req.body, actor: actorOf(req), dryRun: flag(req, 'dryRun'), ...(trustedKeys ? { trustedKeys } : {}) }));
      },
    },
    {
      method: 'post', path: '/api/catalogue/import-csv', access: { roles: ['admin'] }, summary: 'Import an item list (CSV in JSON) as draft skeletons; per-row report', tags: ['catalogue'],
      body: { schema: csvImportBody, required: true },
      responses: { 200: { description: 'Per-row report', schema: csvImportReport }, 400: ERR, 413: ERR, 422: ERR },
      handler: async (req, res) => {
        const body = req.body as { csv: string; departments?: string[]; dryRun?: boolean };
        res.json(await importItemList({ csv: body.csv, store, lifecycle, clock, actor: actorOf(req), ...(body.departments ? { departments: body.departments } : {}), dryRun: body.dryRun ?? false }));
      },
    },
    {
      method: 'get', path: '/api/catalogue/data-needs', access: everyone, summary: 'Data-sharing catalogue (the three lists) of the published items: JSON, or CSV with Accept: text/csv', tags: ['catalogue'],
      headers: [{ name: 'Accept', description: 'text/csv for a spreadsheet (UTF-8 with BOM), otherwise JSON' }],
      query: [{ name: 'includeWithdrawn', description: 'also withdrawn items (default false)', schema: { type: 'boolean' } }],
      responses: { 200: { description: 'Catalogue', schema: dataNeedsSchema }, 400: ERR },
      handler: async (req, res) => {
        const catalogue = await dataNeedsCatalogue({ store, clock, includeWithdrawn: flag(req, 'includeWithdrawn') });
        const accept = String(req.headers.accept ?? '');
        if (/\btext\/csv\b/i.test(accept)) {
          res.setHeader('Content-Type', 'text/csv; charset=utf-8');
          res.setHeader('Content-Disposition', `attachment; filename="tongban-data-needs-${catalogue.generatedAt.slice(0, 10)}.csv"`);
          res.status(200).send(dataNeedsCsv(catalogue));
          return;
        }
        res.json(catalogue);
      },
    },
  ];
}
