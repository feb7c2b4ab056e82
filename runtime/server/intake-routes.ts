import { type Principal, ValidationFailedError, isDivisionWithin, isKnownLocality, BadRequestError, DriftDetectedError, ForbiddenError, NotFoundError, isCaseNumber, operatesFor, isItemCode, catalogueProblem, listValue, textValue, uiText, type Language } from '../../engine/core/index.js';
import type { DecisionLogWriter, IntakeRecord, IntakeStore, ConfigReader } from '../../engine/ports/index.js';
import { apiSchemas as s, PayloadTooLargeError, UnsupportedMediaTypeError, type ApiRequest, type ApiResponse, type ApiRoute, type Logger, type RawBodyRoute } from '../../engine/http-kit/index.js';
import { acceptIntake, actorOf, summarizeIntake, type CaseBook, type ApplicantFields, type IntakeApplication } from '../../engine/services/index.js';
import type { Clock, WorkingCalendar } from '../../engine/core/index.js';
import { DOCUMENT_KINDS, isDocumentKind, NOTICE_INLINE_BLOCKS, renderNoticeDocument, type NoticeContext } from './notice-documents.js';
import { isCommitmentDocumentKind, renderCommitmentDocument } from './commitment-documents.js';
import type { PublishedConfigs } from './published-configs.js';
import { RUNTIME_PREFIX } from './runtime-routes.js';

/** TONGBAN_UPLOAD_LIMIT's default: 5 MiB per attachment. */
export const DEFAULT_UPLOAD_LIMIT = 5 * 1024 * 1024;

export const ATTACHMENT_TYPES: Readonly<Record<string, { label: string; ext: string; magic: (data: Buffer) => boolean }>> = {
  'application/pdf': { label: 'PDF', ext: '.pdf', magic: (d) => d.subarray(0, 5).toString('latin1') === '%PDF-' },
  'image/jpeg': { label: 'JPEG', ext: '.jpg', magic: (d) => d.length >= 3 && d[0] === 0xff && d[1] === 0xd8 && d[2] === 0xff },
  'image/png': { label: 'PNG', ext: '.png', magic: (d) => d.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
};
const ALLOWED_TEXT = textValue('server.runtime.intake.allowedTypes');

const INTAKES = `${RUNTIME_PREFIX}/intakes`;
const INTAKE = `${INTAKES}/:caseNumber`;
const ATTACHMENTS = `${INTAKE}/attachments`;
const ERR = { description: 'Error', schema: s.error };

/** 5242880 → "5 MB", 1536 → "1.5 KB", 512 → "512 字节" (the unit of bytes in `language`) */
export function formatBytes(bytes: number, language: Language = 'zh-CN'): string {
  const units: [number, string][] = [[1024 * 1024, 'MB'], [1024, 'KB']];
  for (const [size, unit] of units) if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  return uiText('server.runtime.intake.bytes', language, { bytes });
}

/** The raw-body reader of the upload route, mounted by createApiApp before (and instead of) the JSON parser. */
export function intakeUploads(limit: number = DEFAULT_UPLOAD_LIMIT): RawBodyRoute {
  return {
    path: ATTACHMENTS,
    limit,
    tooLarge: (size) => {
      const limitText = (language: Language) => formatBytes(limit, language);
      return new PayloadTooLargeError(
        size === null
          ? { key: 'server.runtime.intake.overLimit', values: { limit: limitText } }
          : { key: 'server.runtime.intake.tooLarge', values: { size: (language) => formatBytes(size, language), limit: limitText } },
        { limit, ...(size === null ? {} : { size }) },
      );
    },
  };
}

/** Operators act for their own locality and the ones below it; administrators anywhere. */
function ownWindow(req: ApiRequest, principal: Principal): void {
  if (principal.role !== 'operator') return;
  const division = req.params.division ?? '';
  if (!operatesFor(principal.division, division)) {
    throw new ForbiddenError(
      { key: 'server.runtime.intake.operatorScope', values: { name: principal.name, division: principal.division ?? textValue('server.runtime.intake.unbound') } },
      { division, own: principal.division },
    );
  }
}

const windowAccess = { roles: ['admin', 'operator'] as const, scope: ownWindow };

function divisionOf(req: ApiRequest): string {
  const division = req.params.division ?? '';
  if (!isKnownLocality(division)) throw new NotFoundError({ key: 'core.decision.input.division', values: { division } }, { division });
  return division;
}

function nameVersion(res: ApiResponse, item: { code: string; version: number | null; hash: string }): void {
  res.setHeader('X-Tongban-Item', item.code);
  res.setHeader('X-Tongban-Version', String(item.version));
  res.setHeader('X-Tongban-Hash', item.hash);
}

const str = { type: 'string' };
const attachmentMeta = { type: 'object', required: ['id', 'name', 'contentType', 'size', 'sha256'], properties: { id: str, name: str, contentType: str, size: { type: 'integer' }, sha256: str, materialId: str } };
const mismatch = { type: 'object', properties: { browserOutcome: str, browserHash: str, serverOutcome: str, serverHash: str } };
const intake = {
  type: 'object',
  required: ['caseNumber', 'createdAt', 'createdBy', 'receivingDivision', 'handling', 'item', 'scenario', 'formData', 'materials', 'decision', 'browserMismatch', 'attachments'],
  properties: {
    caseNumber: { ...str, description: "'TB' + the receiving division's code + YYYYMMDD + '-' + 6-digit sequence" }, createdAt: str, createdBy: str, receivingDivision: str,
    handling: { type: 'object', properties: { department: str, division: str } },
    item: { type: 'object', properties: { code: str, version: { type: 'integer' }, hash: str, name: str } },
    scenario: str, formData: { type: 'object' }, materials: { type: 'array', items: str }, decision: s.decision,
    browserMismatch: { oneOf: [{ type: 'null' }, mismatch] }, decisionId: { type: ['string', 'null'] }, attachments: { type: 'array', items: attachmentMeta },
  },
};
const summary = {
  type: 'object',
  properties: {
    caseNumber: str, createdAt: str, createdBy: str, receivingDivision: str, handling: { type: 'object' }, item: { type: 'object' },
    scenario: { type: ['object', 'null'] }, outcome: str, attachments: { type: 'integer' }, mismatch: { type: 'boolean' },
    applicant: { type: 'object', description: 'masked', properties: { name: { type: ['string', 'null'] }, idNumber: { type: ['string', 'null'] }, phone: { type: ['string', 'null'] } } },
  },
};
const createBody = {
  type: 'object',
  required: ['code', 'scenario'],
  additionalProperties: false,
  properties: {
    code: { ...str, description: 'item code' },
    scenario: { ...str, description: 'scenario id' },
    formData: { type: 'object' },
    materials: { type: 'array', items: str, maxItems: 500 },
    date: { description: 'refused (422): the acceptance date and time are the server’s (Asia/Shanghai); only the evaluate route takes a date, for previews' },
    handlingDivision: { ...str, description: 'handling division (received here, handled there); default the receiving division' },
    handlingDepartment: { ...str, maxLength: 100, description: 'the approving department there; default the standard’s department named for that locality' },
    creditBlacklisted: { type: 'boolean', description: 'the applicant is on the list of untrustworthy parties (checked by the clerk): not eligible for acceptance with materials deferred; default false' },
    browserDecision: {
      type: 'object', required: ['outcome', 'hash'], additionalProperties: false,
      description: 'what the window showed; a difference from the server is recorded and logged',
      properties: { outcome: str, hash: str },
    },
  },
};

type CreateBody = IntakeApplication & { code: string };

export interface IntakeRouteDeps {
  configs: PublishedConfigs;
  /** Where the documents find the standard of the exact version a record names. */
  reader: Pick<ConfigReader, 'getVersion' | 'listClaims'>;
  intakes: IntakeStore;
  decisionLog?: DecisionLogWriter;
  logger?: Logger;
  /** The effective working-day calendar the notices count deadlines on (default: the files of standards/calendar). */
  calendar?: { calendar(): Promise<WorkingCalendar> };
  /** Opens the case each saved intake starts (办件流转). */
  cases?: CaseBook;
  /** The server's clock: the acceptance date and time of every intake (never the request's). */
  clock?: Clock;
}

/** Intake records (办件) at a window: save with the server's decision, list, attach, print notices. */
export function intakeRoutes({ configs, reader, intakes, decisionLog, logger, calendar, cases, clock }: IntakeRouteDeps): ApiRoute[] {
  /**
   * A record seen from a locality: received, accepted (after a 补正) or handled there (or below it);
   * with `forSupplement`, also at any window while the case waits for 补正 (files and notices, not the
   * form data). Anything else is "not found".
   */
  async function recordAt(req: ApiRequest, forSupplement = false): Promise<IntakeRecord> {
    const division = divisionOf(req);
    const caseNumber = req.params.caseNumber ?? '';
    const record = isCaseNumber(caseNumber) ? await intakes.get(caseNumber) : null;
    const party = record && (isDivisionWithin(record.receivingDivision, division) || isDivisionWithin(record.handling.division, division));
    if (!record || !(party || (cases && await cases.reachableAt(record, division, forSupplement)))) {
      throw new NotFoundError({ key: 'services.cases.book.noSuchCase', values: { caseNumber } }, { caseNumber, division });
    }
    return record;
  }

  /** The material an attachment is (X-Material-Id or ?material=): one of the item's, in the version on record or the one in force here. */
  async function materialOf(req: ApiRequest, record: IntakeRecord): Promise<string | undefined> {
    const header = req.headers['x-material-id'];
    const query = req.query.material;
    const id = typeof header === 'string' && header.trim() !== '' ? header.trim() : typeof query === 'string' && query !== '' ? query : undefined;
    if (id === undefined) return undefined;
    const onRecord = cases ? await cases.onRecord(record) : record;
    const known = new Set((await reader.getVersion(onRecord.item.code, onRecord.item.version))?.config.standard.materials.map((m) => m.id) ?? []);
    if (!known.has(id)) {
      const inForce = await configs.inForce(record.item.code, divisionOf(req)).catch(() => null);
      for (const material of inForce?.config.standard.materials ?? []) known.add(material.id);
    }
    if (!known.has(id)) {
      const message = { key: 'server.runtime.intake.notAMaterial', values: { id, code: record.item.code } } as const;
      throw new ValidationFailedError(message, [catalogueProblem('/materialId', 'attachment.material', message)]);
    }
    return id;
  }

  return [
    {
      method: 'post', path: INTAKES, summary: 'Save an intake record (a case) with the server’s decision', tags: ['intake'], access: windowAccess,
      body: { schema: createBody, required: true },
      responses: {
        201: { description: 'Saved: { intake, decision, mismatch? }', schema: { type: 'object', required: ['intake', 'decision'], properties: { intake, decision: s.decision, mismatch } } },
        400: ERR, 404: ERR, 413: ERR, 422: ERR,
      },
      handler: async (req, res) => {
        const division = divisionOf(req);
        const { code, ...application } = req.body as CreateBody;
        if (!isItemCode(code)) throw new NotFoundError({ key: 'server.runtime.item.unknownCode', values: { code } }, { code });
        const compiled = await configs.inForce(code, division);
        nameVersion(res, compiled.item);
        const { record, decision, mismatch: mismatchFound, unrecorded } = await acceptIntake({
          intakes, decisionLog, cases, compiled, division, application, ...(clock ? { clock } : {}),
          actor: req.principal ? actorOf(req.principal) : { id: 'unknown', name: uiText('server.runtime.intake.unknownClerk'), role: 'operator' },
        });
        if (unrecorded) logger?.error('decision not recorded', { code: compiled.item.code, error: String(unrecorded) });
        if (mismatchFound) {
          // The window and the server run the same engine on the same version: a difference is a defect.
          logger?.error('browser and server decisions differ', { caseNumber: record.caseNumber, code: record.item.code, version: record.item.version, division, ...mismatchFound });
        }
        res.setHeader('Location', `/api/runtime/${division}/intakes/${record.caseNumber}`);
        const opened = cases ? await cases.view(record.caseNumber, req.principal ?? undefined) : null;
        res.status(201).json({ intake: record, decision, ...(mismatchFound ? { mismatch: mismatchFound } : {}), ...(opened ? { case: opened } : {}) });
      },
    },
    {
      method: 'get', path: INTAKES, summary: 'Intake records received or handled at this locality, newest first (applicant masked)', tags: ['intake'], access: windowAccess,
      query: [
        { name: 'code', description: 'only this item', schema: str },
        { name: 'after', description: 'paging: the last case number of the previous page', schema: str },
        { name: 'limit', description: 'page size (default 50, at most 1000)', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
      ],
      responses: { 200: { description: 'Intakes', schema: { type: 'object', required: ['intakes'], properties: { intakes: { type: 'array', items: summary } } } }, 400: ERR, 404: ERR },
      handler: async (req, res) => {
        const division = divisionOf(req);
        const text = (name: string): string | undefined => (typeof req.query[name] === 'string' && req.query[name] !== '' ? (req.query[name] as string) : undefined);
        const limitText = text('limit');
        const limit = limitText === undefined ? undefined : Number(limitText);
        if (limit !== undefined && !Number.isInteger(limit)) throw new BadRequestError({ key: 'server.runtime.query.integer', values: { name: 'limit' } }, { limit: limitText });
        const code = text('code');
        const after = text('after');
        const records = await intakes.list({ division, ...(code ? { code } : {}), ...(after ? { afterCaseNumber: after } : {}), ...(limit ? { limit } : {}) });
        res.setHeader('Cache-Control', 'private, no-store');
        // Each item version names its own applicant fields; a page holds few distinct versions.
        const applicantFields = new Map<string, ApplicantFields>();
        for (const record of records) {
          const key = `${record.item.code}@${record.item.version}`;
          if (!applicantFields.has(key)) applicantFields.set(key, (await reader.getVersion(record.item.code, record.item.version))?.config.form.applicant ?? {});
        }
        res.json({ intakes: records.map((record) => summarizeIntake(record, applicantFields.get(`${record.item.code}@${record.item.version}`))) });
      },
    },
    {
      method: 'get', path: INTAKE, summary: 'One intake record in full (form data unmasked, for the window that holds it)', tags: ['intake'], access: windowAccess,
      responses: { 200: { description: 'Intake', schema: intake }, 404: ERR },
      handler: async (req, res) => {
        const record = await recordAt(req);
        nameVersion(res, record.item);
        res.setHeader('Cache-Control', 'private, no-store');
        res.json(record);
      },
    },
    {
      method: 'post', path: ATTACHMENTS, tags: ['intake'], access: windowAccess,
      summary: 'Attach a file: the raw bytes as the body (application/pdf, image/jpeg or image/png; at most TONGBAN_UPLOAD_LIMIT, default 5 MB), the name URI-encoded in X-Filename',
      headers: [
        { name: 'X-Filename', description: 'the file name, URI-encoded (encodeURIComponent)' }, { name: 'Content-Type', description: 'application/pdf, image/jpeg or image/png', required: true },
        { name: 'X-Material-Id', description: 'the material id of the item this file is (also ?material=); kept in the attachment metadata' },
      ],
      responses: { 201: { description: 'Attachment metadata', schema: attachmentMeta }, 400: ERR, 404: ERR, 413: ERR, 415: ERR, 422: ERR },
      handler: async (req, res) => {
        const record = await recordAt(req, true);
        const materialId = await materialOf(req, record);
        const contentType = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const type = ATTACHMENT_TYPES[contentType];
        if (!type) {
          throw new UnsupportedMediaTypeError(
            { key: 'server.runtime.intake.unsupportedType', values: { contentType: contentType || textValue('server.runtime.intake.undeclared'), allowed: ALLOWED_TEXT } },
            { contentType: contentType || null, allowed: Object.keys(ATTACHMENT_TYPES) },
          );
        }
        const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        if (data.length === 0) throw new BadRequestError({ key: 'server.runtime.intake.emptyAttachment' }, { caseNumber: record.caseNumber }, 'empty_attachment');
        if (!type.magic(data)) {
          throw new UnsupportedMediaTypeError(
            { key: 'server.runtime.intake.contentMismatch', values: { label: type.label, contentType, allowed: ALLOWED_TEXT } },
            { contentType, allowed: Object.keys(ATTACHMENT_TYPES) },
          );
        }
        const header = req.headers['x-filename'];
        let name = uiText('server.runtime.intake.defaultFileName', 'zh-CN', { ext: type.ext });
        if (typeof header === 'string' && header.trim() !== '') {
          try {
            name = decodeURIComponent(header.trim());
          } catch {
            throw new BadRequestError({ key: 'server.runtime.intake.badFilename' }, { header }, 'bad_filename');
          }
        }
        const meta = await intakes.addAttachment(record.caseNumber, { name, contentType, data, ...(materialId ? { materialId } : {}) });
        res.setHeader('Location', `/api/runtime/${req.params.division}/intakes/${record.caseNumber}/attachments/${meta.id}`);
        res.status(201).json(meta);
      },
    },
    {
      method: 'get', path: `${ATTACHMENTS}/:id`, summary: 'An attachment’s bytes, with its content type', tags: ['intake'], access: windowAccess,
      responses: { 200: { description: 'The file', contentType: 'application/octet-stream', schema: { type: 'string', format: 'binary' } }, 404: ERR },
      handler: async (req, res) => {
        const record = await recordAt(req);
        const attachment = await intakes.getAttachment(record.caseNumber, req.params.id ?? '');
        if (!attachment) throw new NotFoundError({ key: 'server.runtime.intake.noSuchAttachment', values: { caseNumber: record.caseNumber, id: req.params.id ?? '' } }, { caseNumber: record.caseNumber, id: req.params.id });
        res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(attachment.name)}`);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Cache-Control', 'private, no-store');
        res.type(attachment.contentType).send(Buffer.from(attachment.data));
      },
    },
    {
      method: 'get', path: `${INTAKE}/documents/:kind`, tags: ['intake'], access: windowAccess, inlineBlocks: NOTICE_INLINE_BLOCKS,
      summary: `A print-ready notice (A4 HTML), one of the document kinds: ${DOCUMENT_KINDS.join(' | ')}`,
      responses: { 200: { description: 'HTML page', contentType: 'text/html', schema: { type: 'string' } }, 404: ERR, 409: ERR },
      handler: async (req, res) => {
        // After a 补正, a notice speaks of the decision, materials and 受理地 now on record.
        const found = await recordAt(req, true);
        const record = cases ? await cases.onRecord(found) : found;
        const kind = req.params.kind ?? '';
        if (!isDocumentKind(kind)) {
          throw new NotFoundError({ key: 'server.runtime.intake.noSuchDocument', values: { kind, kinds: listValue(DOCUMENT_KINDS) } }, { kind, kinds: DOCUMENT_KINDS });
        }
        const version = await reader.getVersion(record.item.code, record.item.version);
        if (!version) throw new NotFoundError({ key: 'server.runtime.item.noSuchVersion', values: { code: record.item.code, version: record.item.version } }, { code: record.item.code, version: record.item.version });
        if (version.hash !== record.item.hash) {
          throw new DriftDetectedError({ key: 'server.runtime.intake.hashMismatch', values: { code: record.item.code, version: record.item.version } }, { code: record.item.code, version: record.item.version, recordedHash: record.item.hash, actualHash: version.hash });
        }
        const caseView = cases ? await cases.view(record.caseNumber) : null;
        // The claims name the window, its address and phone (receiving) and the competent department and remedies (handling).
        const claimAt = async (division: string) => (await reader.listClaims({ division, code: record.item.code }))[0]?.local;
        const receivingLocal = await claimAt(record.receivingDivision);
        const handlingLocal = record.handling.division === record.receivingDivision ? receivingLocal : await claimAt(record.handling.division);
        const clerk = caseView?.timeline[0]?.actor.name;
        const noticeContext: NoticeContext = {
          record, config: version.config, ...(calendar ? { calendar: await calendar.calendar() } : {}),
          ...(caseView ? { due: { promisedDue: caseView.promisedDue, ...(caseView.calendarMissing ? { calendarMissing: caseView.calendarMissing } : {}) } } : {}),
          local: { ...(receivingLocal ? { receiving: receivingLocal } : {}), ...(handlingLocal ? { handling: handlingLocal } : {}) },
          ...(clerk ? { clerk } : {}),
          stations: new Map((await configs.stations()).map((station) => [station.code, station.name])),
        };
        // 容缺受理's printables read the commitment recorded on the case.
        const html = isCommitmentDocumentKind(kind) ? renderCommitmentDocument(kind, noticeContext, caseView) : renderNoticeDocument(kind, noticeContext);
        // Its first print issues the 补正 notice: the agency's 5 days (行政许可法第三十二条) end then.
        if (kind === 'supplement-notice' && cases && req.principal) await cases.noticeIssued(record.caseNumber, req.principal, divisionOf(req));
        nameVersion(res, record.item);
        res.setHeader('Cache-Control', 'private, no-store');
        res.type('text/html; charset=utf-8').send(html);
      },
    },
  ];
}
