import { type Clock, NotFoundError, BadRequestError, maskPersonalData, maskPersonalDataDeep, enumerations, operatorDefinitions, isItemCode, problemIn, type Language, type Problem } from '../../engine/core/index.js';
import { apiSchemas as s, answerLanguage, type ApiRoute, type ApiRequest, type ApiResponse } from '../../engine/http-kit/index.js';
import { type AuditTrailAuditor, type ItemLifecycle, addStation, divisionTreeWithStations } from '../../engine/services/index.js';
import { type ConfigStore } from '../../engine/ports/index.js';
import { actorOf, auditors, authors, everyone, expectedRevisionOf, publicAccess, reviewers } from './actor.js';


function codeOf(req: ApiRequest): string {
  const code = req.params.code ?? '';
  if (!isItemCode(code)) throw new BadRequestError({ key: 'server.designer.params.badCode', values: { code } }, { param: 'code' }, 'bad_code');
  return code;
}

function versionOf(req: ApiRequest): number {
  const raw = req.params.version ?? '';
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new BadRequestError({ key: 'server.designer.params.badVersion', values: { version: raw } }, { param: 'version' }, 'bad_version');
  return Number(raw);
}

/** An integer query parameter of the audit listing: a fraction or text is refused (400), never handed to the store. */
function auditQueryInteger(raw: unknown, param: string, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = typeof raw === 'string' && /^-?\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new BadRequestError({ key: 'server.designer.params.integerRange', values: { param, min, max, value: String(raw) } }, { param }, 'bad_parameter');
  return value;
}

const ERR = { description: 'Error', schema: s.error };
const ifMatch = { name: 'If-Match', description: 'The draft revision the caller last saw (ETag of GET draft), e.g. "3"' };

export interface DesignerDeps {
  store: ConfigStore;
  lifecycle: ItemLifecycle;
  clock: Clock;
  /** Verifies the audit trail against its signed checkpoints, the versions and the store's index. */
  auditor: AuditTrailAuditor;
}

export function designerRoutes({ store, lifecycle, clock, auditor }: DesignerDeps): ApiRoute[] {
  const byAuthors = authors(store);
  return [
    {
      method: 'get', path: '/api/items', access: everyone, summary: 'List items with their latest version and draft state', tags: ['items'],
      responses: { 200: { description: 'Items', schema: s.itemList } },
      handler: async (_req, res) => res.json({ items: await store.listItems() }),
    },
    {
      method: 'get', path: '/api/items/:code', access: everyone, summary: 'One item: summary, version history and the latest version', tags: ['items'],
      responses: { 200: { description: 'Item', schema: s.itemDetail }, 404: ERR },
      handler: async (req, res) => {
        const code = codeOf(req);
        const item = await store.getItem(code);
        if (!item) throw new NotFoundError({ key: 'services.items.noSuchItem', values: { code } }, { code });
        const versions = await store.listVersions(code);
        const latest = item.latestVersion === null ? null : await store.getVersion(code, item.latestVersion);
        res.json({ item, versions, latest });
      },
    },
    {
      method: 'get', path: '/api/items/:code/draft', access: everyone, summary: 'The working draft (ETag = revision)', tags: ['drafts'],
      responses: { 200: { description: 'Draft', schema: s.draft }, 404: ERR },
      handler: async (req, res) => {
        const code = codeOf(req);
        const draft = await store.getDraft(code);
        if (!draft) throw new NotFoundError({ key: 'services.items.noDraft', values: { code } }, { code });
        res.setHeader('ETag', `"${draft.revision}"`);
        res.json(draft);
      },
    },
    {
      method: 'put', path: '/api/items/:code/draft', access: byAuthors, summary: 'Create the draft, or replace it (If-Match: revision)', tags: ['drafts'],
      headers: [ifMatch],
      body: { schema: s.draftBody, required: true, description: 'The item config being drafted' },
      responses: { 200: { description: 'Replaced', schema: s.draft }, 201: { description: 'Created', schema: s.draft }, 400: ERR, 409: ERR, 413: ERR, 422: ERR, 428: ERR },
      handler: async (req, res) => {
        const code = codeOf(req);
        const { draft, created } = await lifecycle.saveDraft(code, req.body, actorOf(req), expectedRevisionOf(req));
        res.setHeader('ETag', `"${draft.revision}"`);
        res.status(created ? 201 : 200).json(draft);
      },
    },
    {
      method: 'delete', path: '/api/items/:code/draft', access: byAuthors, summary: 'Discard the draft (If-Match: revision)', tags: ['drafts'],
      headers: [ifMatch],
      responses: { 204: { description: 'Discarded' }, 404: ERR, 409: ERR, 428: ERR },
      handler: async (req, res) => {
        await lifecycle.discardDraft(codeOf(req), actorOf(req), expectedRevisionOf(req));
        res.status(204).end();
      },
    },
    {
      method: 'post', path: '/api/items/:code/draft/validate', access: everyone, summary: 'Validate the draft (every problem at once, each with its tab and section), run its examples (with each condition’s trace) and report the rules no example fires', tags: ['drafts'],
      responses: { 200: { description: 'Validation and example results', schema: s.draftCheck }, 404: ERR },
      handler: async (req, res) => answerCheck(req, res, await lifecycle.validateDraft(codeOf(req))),
    },
    {
      method: 'post', path: '/api/items/:code/draft/submit', access: byAuthors, summary: 'Submit the draft for legality review; refused (422) while it has a problem, a failing example, or an enabled rule no example fires (named by its Chinese name)', tags: ['review'],
      headers: [ifMatch],
      responses: { 200: { description: 'Submitted', schema: s.draft }, 404: ERR, 409: ERR, 422: ERR },
      handler: async (req, res) => res.json(await lifecycle.submit(codeOf(req), actorOf(req), expectedRevisionOf(req))),
    },
    {
      method: 'post', path: '/api/items/:code/draft/approve', access: reviewers, summary: 'Approve the submitted draft (legality review)', tags: ['review'],
      headers: [ifMatch],
      body: { schema: s.reviewRequest, required: false },
      responses: { 200: { description: 'Approved', schema: s.draft }, 404: ERR, 409: ERR, 422: ERR },
      handler: async (req, res) => {
        const comment = (req.body as { comment?: string } | undefined)?.comment;
        res.json(await lifecycle.approve(codeOf(req), actorOf(req), comment, expectedRevisionOf(req)));
      },
    },
    {
      method: 'post', path: '/api/items/:code/draft/return', access: reviewers, summary: 'Return the submitted draft to its author with comments', tags: ['review'],
      headers: [ifMatch],
      body: { schema: { ...s.reviewRequest, required: ['comment'] }, required: true },
      responses: { 200: { description: 'Returned', schema: s.draft }, 404: ERR, 409: ERR, 422: ERR },
      handler: async (req, res) => {
        const comment = (req.body as { comment: string }).comment;
        res.json(await lifecycle.returnDraft(codeOf(req), actorOf(req), comment, expectedRevisionOf(req)));
      },
    },
    {
      method: 'post', path: '/api/items/:code/publish', access: byAuthors, summary: 'Publish the approved draft as the next immutable version', tags: ['versions'],
      headers: [ifMatch],
      body: { schema: s.publishRequest, required: true },
      responses: { 201: { description: 'Published', schema: s.version }, 404: ERR, 409: ERR, 422: ERR },
      handler: async (req, res) => {
        const version = await lifecycle.publish(codeOf(req), actorOf(req), req.body, expectedRevisionOf(req));
        res.status(201).json(version);
      },
    },
    {
      method: 'post', path: '/api/items/:code/withdraw', access: byAuthors, summary: 'Withdraw a published item (it stops being offered; versions stay)', tags: ['versions'],
            body: { schema: s.withdrawRequest, required: true },
      responses: { 200: { description: 'Withdrawn', schema: s.itemSummary }, 404: ERR, 409: ERR, 422: ERR },
      handler: async (req, res) => {
        const code = codeOf(req);
        await lifecycle.withdraw(code, actorOf(req), (req.body as { reason: string }).reason);
        res.json(await store.getItem(code));
      },
    },
    {
      method: 'get', path: '/api/items/:code/versions', access: everyone, summary: 'Version history', tags: ['versions'],
      responses: { 200: { description: 'Versions', schema: { type: 'object', properties: { versions: { type: 'array', items: s.versionMeta } } } }, 404: ERR },
      handler: async (req, res) => {
        const code = codeOf(req);
        if (!(await store.getItem(code))) throw new NotFoundError({ key: 'services.items.noSuchItem', values: { code } }, { code });
        res.json({ versions: await store.listVersions(code) });
      },
    },
    {
      method: 'get', path: '/api/items/:code/versions/:version', access: everyone, summary: 'One published version with its config and hash', tags: ['versions'],
      responses: { 200: { description: 'Version', schema: s.version }, 400: ERR, 404: ERR },
      handler: async (req, res) => {
        const code = codeOf(req);
        const number = versionOf(req);
        const version = await store.getVersion(code, number);
        if (!version) throw new NotFoundError({ key: 'services.items.noSuchVersion', values: { code, version: number } }, { code, version: number });
        res.setHeader('ETag', `"${version.hash}"`);
        res.json(version);
      },
    },
    {
      method: 'post', path: '/api/validate', access: everyone, summary: 'Validate any item config and run its examples, without saving', tags: ['drafts'],
      body: { schema: s.anyObject, required: true },
      responses: { 200: { description: 'Validation and example results', schema: s.draftCheck } },
      handler: async (req, res) => answerCheck(req, res, await lifecycle.check(req.body)),
    },
    {
      method: 'get', path: '/api/audit', access: auditors, summary: 'Audit trail (filter by item, actor, time; paged by afterSeq)', tags: ['audit'],
      query: [
        { name: 'code', description: 'item code', schema: { type: 'string' } },
        { name: 'actor', description: 'actor', schema: { type: 'string' } },
        { name: 'from', description: 'ISO time, inclusive', schema: { type: 'string' } },
        { name: 'to', description: 'ISO time, inclusive', schema: { type: 'string' } },
        { name: 'afterSeq', description: 'return events after this sequence number', schema: { type: 'integer', minimum: 0 } },
        { name: 'limit', description: '1–1000, default 100', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
      ],
      responses: { 200: { description: 'Events', schema: s.auditPage } },
      handler: async (req, res) => {
        const q = req.query as Record<string, string | undefined>;
        const limit = auditQueryInteger(q.limit, 'limit', 100, 1, 1000);
        const events = await store.listAudit({
          ...(q.code ? { code: q.code } : {}),
          ...(q.actor ? { actor: q.actor } : {}),
          ...(q.from ? { from: q.from } : {}),
          ...(q.to ? { to: q.to } : {}),
          afterSeq: auditQueryInteger(q.afterSeq, 'afterSeq', 0, 0, Number.MAX_SAFE_INTEGER),
          limit,
        });
        // Listings never show personal data; /api/audit/verify checks the chain on the stored events.
        const masked = events.map((e) => ({ ...e, reason: e.reason === null ? null : maskPersonalData(e.reason), details: e.details === null ? null : (maskPersonalDataDeep(e.details) as typeof e.details) }));
        res.json({ events: masked, nextAfterSeq: events.length === limit ? events[events.length - 1]?.seq ?? null : null });
      },
    },
    {
      method: 'get', path: '/api/audit/verify', access: auditors, tags: ['audit'],
      summary: 'Verify the audit trail: the hash chain, its signed checkpoints (missing tail, rewritten chain), versions and their events, and the store index',
      responses: { 200: { description: 'Verification; `ok` is false with every problem listed by sequence number, item code or version', schema: s.auditVerification } },
      handler: async (_req, res) => res.json(await auditor.verify()),
    },
    {
      method: 'get', path: '/api/divisions', access: publicAccess, summary: 'The region, its leagues/cities, banners/counties (GB/T 2260) and registered service stations, as a tree', tags: ['standards'],
      responses: { 200: { description: 'Division tree', schema: s.divisionTree } },
      handler: async (_req, res) => res.json(await divisionTreeWithStations({ store })),
    },
    {
      method: 'post', path: '/api/divisions/stations', summary: 'Add a township/village service station under its banner', tags: ['standards'], access: { roles: ['admin'] },
      body: { schema: { type: 'object', required: ['code', 'name'], additionalProperties: false, properties: { code: { type: 'string' }, name: { type: 'string' } } }, required: true },
      responses: { 201: { description: 'Added', schema: s.anyObject }, 409: ERR, 422: ERR },
      handler: async (req, res) => res.status(201).json(await addStation({ store, clock, body: req.body, actor: actorOf(req) })),
    },
    {
      method: 'get', path: '/api/enumerations', access: publicAccess, summary: 'Coded enumerations of the item standard ({ code, label })', tags: ['standards'],
      responses: { 200: { description: 'Enumerations', schema: s.anyObject } },
      handler: (_req, res) => res.json({ enumerations: enumerations() }),
    },
    {
      method: 'get', path: '/api/operators', access: publicAccess, summary: 'Rule operators, with their Chinese names', tags: ['standards'],
      responses: { 200: { description: 'Operators', schema: s.anyObject } },
      handler: (_req, res) => res.json({ operators: operatorDefinitions.map(({ evaluate: _e, ...op }) => op) }),
    },
  ];
}

/**
 * A draft check answered in the caller's language: each problem whose message comes from the catalogue is
 * rendered in the language Accept-Language prefers (pointers, codes and locations unchanged), as error answers are.
 */
function answerCheck<C extends { problems: Problem[]; coverage: Problem[] }>(req: ApiRequest, res: ApiResponse, check: C): void {
  const language: Language = answerLanguage(req, res);
  const inLanguage = <P extends Problem>(problems: P[]): P[] => problems.map((p) => ({ ...p, message: problemIn(p, language).message }));
  res.json(language === 'zh-CN' ? check : { ...check, problems: inLanguage(check.problems), coverage: inLanguage(check.coverage) });
}
