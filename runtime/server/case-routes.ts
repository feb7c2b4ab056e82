import { BadRequestError, isCaseNumber, isDivisionWithin, NotFoundError, CASE_EVENT_TYPES, CASE_STATUSES, uiText, type Principal } from '../../engine/core/index.js';
import { apiSchemas as s, type ApiRequest, type ApiRoute } from '../../engine/http-kit/index.js';
import { CaseBook, listingScope, overdueReportCsv, type CaseVerifier } from '../../engine/services/index.js';

const ERR = { description: 'Error', schema: s.error };
const str = { type: 'string' };
const dateOrNull = { type: ['string', 'null'] };

/** Everyone who takes part in or watches over cases. */
const CASE_READERS = ['admin', 'auditor', 'reviewer', 'operator', 'handler'] as const;
const CASE_ACTORS = ['operator', 'handler'] as const;

const stage = { type: 'object', properties: { stage: str, label: str, opensOn: str, due: str, doneAt: dateOrNull, cancelled: { type: 'boolean' }, overdue: { type: 'boolean' } } };
const place = { type: 'object', properties: { division: str, name: str } };
const caseView = {
  type: 'object',
  required: ['caseNumber', 'status', 'statusLabel', 'receiving', 'handling', 'stages', 'timeline', 'allowedEvents', 'integrity'],
  properties: {
    caseNumber: str, status: { enum: [...CASE_STATUSES] }, statusLabel: str, item: { type: 'object' }, acceptance: { type: 'object' },
    receiving: place, handling: { ...place, properties: { ...place.properties, department: str } }, holder: { type: ['object', 'null'] },
    departmentDecision: { type: ['object', 'null'] }, delivery: { type: ['object', 'null'] }, promisedDue: dateOrNull, keptOriginals: { type: 'array', items: str },
    stages: { type: 'array', items: stage }, nextDue: { oneOf: [{ type: 'null' }, stage] }, overdue: { type: 'boolean' },
    allowedEvents: { type: 'array', items: str }, yourEvents: { type: 'array', items: str },
    timeline: { type: 'array', items: { type: 'object', properties: { seq: { type: 'integer' }, type: str, typeLabel: str, at: str, actor: { type: 'object' }, division: str, divisionName: str, comment: str, details: { type: 'object' }, hash: str } } },
    integrity: { type: 'object', properties: { ok: { type: 'boolean' }, checked: { type: 'integer' }, firstBroken: { type: ['object', 'null'] } } },
    calendarMissing: { type: 'array', items: { type: 'integer' } },
  },
};
const caseEntry = {
  type: 'object',
  properties: {
    caseNumber: str, createdAt: str, receivingDivision: str, receivingName: str, handlingDivision: str, handlingName: str, department: str, code: str, itemName: str,
    status: str, statusLabel: str, holderDivision: dateOrNull, dueStage: dateOrNull, dueStageLabel: dateOrNull, dueDate: dateOrNull, promisedDue: dateOrNull,
    overdue: { type: 'boolean' }, applicantLabel: { type: ['string', 'null'], description: 'masked' }, updatedAt: str, seq: { type: 'integer' },
  },
};
const eventBody = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: CASE_EVENT_TYPES.filter((type) => type !== 'open' && type !== 'supplement-notice') },
    comment: { ...str, maxLength: 500 },
    trackingNumber: { ...str, maxLength: 64, description: 'dispatch: the tracking number of the paper originals sent by post (required when the item keeps paper originals); deliver by post: the tracking number' },
    result: { enum: ['approved', 'refused'], description: 'decide: approved / refused' },
    resultNumber: { ...str, maxLength: 64, description: 'decide: the number of the licence or document issued' },
    reason: { ...str, maxLength: 500, description: 'decide (refused), return, void: the reason' },
    method: { enum: ['post', 'window'], description: 'deliver: by post / collected at the window' },
    recipient: { ...str, maxLength: 64, description: 'deliver: who signed for it' },
    materials: { type: 'array', items: { ...str, maxLength: 64 }, maxItems: 500, description: 'supplement: the material ids handed in (merged with those on record); fulfil-commitment: the deferred materials handed in (all of them)' },
    formData: { type: 'object', description: 'supplement: corrected form fields (merged over those on record)' },
    version: { enum: ['opened', 'current'], description: 'supplement: decide on the version the case was opened with (default) or on the one in force at this window; recorded on the event' },
    supplementBy: { ...str, format: 'date', description: 'commit (acceptance with materials deferred): the last day to hand in the deferred materials; not before today, not after the item allows (422)' },
  },
};

function text(req: ApiRequest, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function integer(req: ApiRequest, name: string): number | undefined {
  const value = text(req, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new BadRequestError({ key: 'server.runtime.query.nonNegativeInteger', values: { name } }, { [name]: value });
  return Number(value);
}

function flag(req: ApiRequest, name: string): boolean | undefined {
  const value = text(req, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw new BadRequestError({ key: 'server.runtime.query.boolean', values: { name } }, { [name]: value });
  return value === 'true';
}

function caseNumberOf(req: ApiRequest): string {
  const caseNumber = req.params.caseNumber ?? '';
  if (!isCaseNumber(caseNumber)) throw new NotFoundError({ key: 'services.cases.book.noSuchCase', values: { caseNumber } }, { caseNumber });
  return caseNumber;
}

/** A case a principal may not see answers as an unknown one: no probing of other centres' numbers. */
async function visibleCase(cases: CaseBook, req: ApiRequest): Promise<string> {
  const caseNumber = caseNumberOf(req);
  const record = await cases.record(caseNumber);
  if (!(await cases.visibleTo(req.principal as Principal, record))) throw new NotFoundError({ key: 'services.cases.book.noSuchCase', values: { caseNumber } }, { caseNumber });
  return caseNumber;
}

const caseProblem = {
  type: 'object', required: ['kind', 'message'],
  properties: {
    kind: { enum: ['broken-link', 'missing-tail', 'projection-ahead-of-events', 'projection-behind-events', 'projection-mismatch', 'store-went-back'] },
    caseNumber: str, seq: { type: 'integer' }, fromSeq: { type: 'integer' }, toSeq: { type: 'integer' }, projectionSeq: { type: 'integer' }, field: str, message: str,
  },
};

/** For auditors: every case's chain, and its list row against its events. */
function caseVerificationRoute(verifier: CaseVerifier): ApiRoute {
  return {
    method: 'get', path: '/api/cases/verify', tags: ['cases'], access: { roles: ['admin', 'auditor'] },
    summary: 'Verify every case: its event hash chain, a deleted tail (the list row counts more events), list rows that disagree with the events, and a store gone back since the last report',
    responses: {
      200: {
        description: 'Verification; `ok` is false with every problem named by case number and step',
        schema: { type: 'object', required: ['ok', 'cases', 'events', 'headsDigest', 'problems'], properties: { ok: { type: 'boolean' }, cases: { type: 'integer' }, events: { type: 'integer' }, headsDigest: str, problems: { type: 'array', items: caseProblem } } },
      },
      403: ERR,
    },
    handler: async (_req, res) => {
      res.setHeader('Cache-Control', 'private, no-store');
      res.json(await verifier.verify());
    },
  };
}

/** Case flow (办件流转): the case, its events, work queues, supervision and the applicant's lookup. */
export function caseRoutes({ cases, verifier }: { cases: CaseBook; verifier?: CaseVerifier }): ApiRoute[] {
  return [
    ...(verifier ? [caseVerificationRoute(verifier)] : []),
    {
      method: 'get', path: '/api/cases', tags: ['cases'], access: { roles: CASE_READERS },
      summary: 'Cases, due first: a window its locality and below (a league its banners’), a handler its department, supervisors all; applicants masked',
      query: [
        { name: 'division', description: 'locality (default: the principal’s own; the region for supervisors)', schema: str },
        { name: 'status', description: `comma-separated: ${CASE_STATUSES.join(', ')}`, schema: str },
        { name: 'item', description: 'item code', schema: str },
        { name: 'department', description: 'approving department', schema: str },
        { name: 'overdue', description: 'true: only cases past a stage’s due date', schema: { type: 'boolean' } },
        { name: 'dueWithin', description: 'only cases due within N working days', schema: { type: 'integer', minimum: 0, maximum: 365 } },
        { name: 'mine', description: 'true: only cases the principal’s division must act on now', schema: { type: 'boolean' } },
        { name: 'applicant', description: 'the applicant’s ID number (matched by keyed hash, never stored in an index)', schema: str },
        { name: 'q', description: 'a case number', schema: str },
        { name: 'after', description: 'paging: the last case number of the previous page', schema: str },
        { name: 'limit', description: 'page size (default 50, at most 1000)', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
      ],
      responses: { 200: { description: 'A page of cases', schema: { type: 'object', required: ['cases'], properties: { cases: { type: 'array', items: caseEntry }, next: { type: ['string', 'null'] }, today: str } } }, 400: ERR, 403: ERR, 422: ERR },
      handler: async (req, res) => {
        const principal = req.principal as Principal;
        res.setHeader('Cache-Control', 'private, no-store');
        const q = text(req, 'q')?.trim();
        if (q !== undefined && !isCaseNumber(q)) {
          res.json({ cases: [], next: null, today: cases.today() });
          return;
        }
        const division = text(req, 'division');
        const status = text(req, 'status');
        const item = text(req, 'item');
        const department = text(req, 'department');
        const overdue = flag(req, 'overdue');
        const dueWithin = integer(req, 'dueWithin');
        const mine = flag(req, 'mine');
        const applicant = text(req, 'applicant');
        const after = text(req, 'after');
        const limit = integer(req, 'limit');
        res.json(await cases.list(principal, {
          ...(division ? { division } : {}), ...(status ? { status } : {}), ...(item ? { item } : {}), ...(department ? { department } : {}),
          ...(overdue ? { overdue } : {}), ...(dueWithin !== undefined ? { dueWithin } : {}), ...(mine ? { mine } : {}), ...(applicant ? { applicant } : {}),
          ...(after ? { after } : {}), ...(limit !== undefined ? { limit } : {}), ...(q ? { caseNumber: q } : {}),
        }));
      },
    },
    {
      method: 'get', path: '/api/cases/overdue-report', tags: ['cases'], access: { roles: ['admin', 'auditor', 'reviewer', 'operator'] },
      summary: 'Overdue cases per division, department and late stage (JSON, or CSV with format=csv)',
      query: [
        { name: 'division', description: 'locality (default: the principal’s own; the region for supervisors)', schema: str },
        { name: 'format', description: 'json (default) or csv', schema: { enum: ['json', 'csv'] } },
      ],
      responses: {
        200: { description: 'The report', schema: { type: 'object', properties: { today: str, within: str, total: { type: 'integer' }, groups: { type: 'array', items: { type: 'object' } } } }, alsoAs: { 'text/csv': { type: 'string' } } },
        400: ERR, 403: ERR,
      },
      handler: async (req, res) => {
        const scope = listingScope(req.principal as Principal, text(req, 'division'));
        const report = await cases.overdueReport(scope.within);
        res.setHeader('Cache-Control', 'private, no-store');
        const format = text(req, 'format') ?? 'json';
        if (format === 'csv') {
          res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(uiText('server.runtime.cases.overdueFileName', 'zh-CN', { division: scope.within, today: report.today }))}`);
          res.type('text/csv; charset=utf-8').send(overdueReportCsv(report));
          return;
        }
        if (format !== 'json') throw new BadRequestError({ key: 'server.runtime.cases.format' }, { format });
        res.json(report);
      },
    },
    {
      method: 'get', path: '/api/cases/:caseNumber', tags: ['cases'], access: { roles: CASE_READERS },
      summary: 'A case: status, receiving and handling divisions, the timeline, each stage’s due date with its overdue flag, and the events allowed now',
      responses: { 200: { description: 'The case', schema: caseView }, 404: ERR, 409: ERR },
      handler: async (req, res) => {
        const caseNumber = await visibleCase(cases, req);
        res.setHeader('Cache-Control', 'private, no-store');
        res.json(await cases.view(caseNumber, req.principal as Principal));
      },
    },
    {
      method: 'post', path: '/api/cases/:caseNumber/events', tags: ['cases'], access: { roles: CASE_ACTORS },
      summary: 'Move a case on: dispatch | receive | forward | decide | deliver | return | void (403 for the wrong place or role, 409 when the status does not allow it or another event came first)',
      body: { schema: eventBody, required: true },
      responses: {
        201: { description: 'Recorded: { event, case }', schema: { type: 'object', required: ['event', 'case'], properties: { event: { type: 'object' }, case: caseView } } },
        403: ERR, 404: ERR, 409: ERR, 422: ERR,
      },
      handler: async (req, res) => {
        // Staff acting on a case of another place learn why they may not (403), not just "not found".
        const caseNumber = caseNumberOf(req);
        const result = await cases.recordEvent({ caseNumber, principal: req.principal as Principal, body: req.body });
        res.setHeader('Location', `/api/cases/${caseNumber}`);
        res.status(201).json(result);
      },
    },
    {
      method: 'get', path: '/api/public/cases/:caseNumber', tags: ['cases'], access: { public: true }, rateLimit: 'public',
      summary: 'The applicant’s progress lookup: status, stage and due date, nothing personal; needs the last 4 characters of the applicant’s ID number (a wrong one answers as an unknown case)',
      query: [{ name: 'idTail', description: 'the last 4 characters of the applicant’s ID number (or of the phone number when the form has none)', schema: { ...str, minLength: 4, maxLength: 4 } }],
      responses: {
        200: { description: 'Progress', schema: { type: 'object', properties: { caseNumber: str, itemName: str, status: str, statusLabel: str, stage: dateOrNull, stageDue: dateOrNull, promisedDue: dateOrNull, handlingPlace: str, department: str, updatedAt: str } } },
        404: ERR, 429: ERR,
      },
      handler: async (req, res) => {
        res.setHeader('Cache-Control', 'no-store');
        res.json(await cases.publicProgress(req.params.caseNumber ?? '', text(req, 'idTail') ?? ''));
      },
    },
  ];
}
