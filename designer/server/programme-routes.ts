import { type Clock, BadRequestError, dataListKinds, isDataListKind, isReportPeriod, labelValue, NotFoundError, reportPeriods, type DataListKind, type ReportPeriod } from '../../engine/core/index.js';
import { apiSchemas as s, type ApiRequest, type ApiRoute } from '../../engine/http-kit/index.js';
import { dataListCsv, deleteDataListEntry, periodReport, periodReportCsv, putDataListEntry, takeReportSnapshot } from '../../engine/services/index.js';
import type { ConfigStore, IntakeStore } from '../../engine/ports/index.js';
import { auditors, everyone } from './actor.js';
import { UnauthorizedError } from '../../engine/core/index.js';

const ERR = { description: 'Error', schema: s.error };
const str = { type: 'string' };
const entry = { type: 'object', required: ['kind', 'id', 'department', 'dataItem', 'updatedAt', 'updatedBy'], properties: { kind: { enum: ['responsibility', 'negative'] }, id: str, department: str, dataItem: str, interfaceName: str, sharingMethod: str, dueDate: str, status: str, basis: str, note: str, updatedAt: str, updatedBy: str } };
const entryBody = { type: 'object', description: 'responsibility list: department, dataItem, interfaceName, sharingMethod, dueDate (YYYY-MM-DD), status, note; negative list: department, dataItem, basis, note. Every problem is reported at once.' };
const report = { type: 'object', required: ['snapshot', 'previousKey', 'localities', 'departments'], properties: { snapshot: { type: 'object' }, previousKey: { type: ['string', 'null'] }, localities: { type: 'array', items: { type: 'object' } }, departments: { type: 'array', items: { type: 'object' } } } };
const csvHeader = [{ name: 'Accept', description: 'text/csv for a spreadsheet (UTF-8 with BOM), otherwise JSON' }];

function kindOf(req: ApiRequest): DataListKind {
  const kind = req.params.kind ?? '';
  if (!isDataListKind(kind)) {
    const labels = { responsibility: labelValue(dataListKinds, 'responsibility'), negative: labelValue(dataListKinds, 'negative') };
    throw new NotFoundError({ key: 'server.designer.lists.noSuchList', values: { kind, ...labels } }, { param: 'kind' });
  }
  return kind;
}

function periodOfRequest(req: ApiRequest): ReportPeriod {
  const period = req.params.period ?? '';
  if (!isReportPeriod(period)) {
    const labels = { week: labelValue(reportPeriods, 'week'), month: labelValue(reportPeriods, 'month') };
    throw new NotFoundError({ key: 'server.designer.reports.noSuchPeriod', values: { period, ...labels } }, { param: 'period' });
  }
  return period;
}

function principalOf(req: ApiRequest) {
  if (!req.principal) throw new UnauthorizedError({ key: 'server.designer.auth.signInFirst' }, { scheme: 'Bearer' });
  return req.principal;
}

const wantsCsv = (req: ApiRequest): boolean => /\btext\/csv\b/i.test(String(req.headers.accept ?? ''));

/**
 * The programme office's 三清单 beside the derived 需求清单 (责任清单 and 负面清单, edited by the
 * providing department's authors and the region's administrators) and its 周调度 / 月通报 kept as
 * snapshots, each compared with the period before.
 */
export function programmeRoutes({ store, intakeStore, clock }: { store: ConfigStore; intakeStore?: IntakeStore; clock: Clock }): ApiRoute[] {
  const cases = intakeStore ? { intakeStore } : {};
  return [
    {
      method: 'get', path: '/api/lists/:kind', summary: 'The responsibility list (responsibility) or the negative list (negative): JSON, or CSV with Accept: text/csv', tags: ['lists'], access: everyone, headers: csvHeader,
      responses: { 200: { description: 'The entries', schema: { type: 'object', required: ['kind', 'entries'], properties: { kind: str, entries: { type: 'array', items: entry } } } }, 404: ERR },
      handler: async (req, res) => {
        const kind = kindOf(req);
        const entries = await store.listDataListEntries(kind);
        if (wantsCsv(req)) {
          const names = new Map((await store.listPrincipals()).map((p) => [p.id, p.name]));
          res.setHeader('Content-Disposition', `attachment; filename="tongban-${kind}-list.csv"`);
          res.type('text/csv; charset=utf-8').send(dataListCsv(kind, entries, (id) => names.get(id) ?? id));
          return;
        }
        res.json({ kind, entries });
      },
    },
    {
      method: 'put', path: '/api/lists/:kind/:id', summary: 'Create or replace an entry of the responsibility or negative list (authors of the providing department, administrators)', tags: ['lists'], access: { roles: ['admin', 'author'] },
      body: { schema: entryBody, required: true },
      responses: { 200: { description: 'Replaced', schema: entry }, 201: { description: 'Created', schema: entry }, 400: ERR, 403: ERR, 404: ERR, 422: ERR },
      handler: async (req, res) => {
        const { entry: stored, created } = await putDataListEntry({ store, clock, kind: kindOf(req), id: req.params.id ?? '', principal: principalOf(req), body: req.body });
        res.status(created ? 201 : 200).json(stored);
      },
    },
    {
      method: 'delete', path: '/api/lists/:kind/:id', summary: 'Remove an entry of the responsibility or negative list (authors of its department, administrators)', tags: ['lists'], access: { roles: ['admin', 'author'] },
      responses: { 204: { description: 'Removed' }, 403: ERR, 404: ERR },
      handler: async (req, res) => {
        await deleteDataListEntry({ store, kind: kindOf(req), id: req.params.id ?? '', principal: principalOf(req) });
        res.status(204).end();
      },
    },
    {
      method: 'get', path: '/api/reports/periods/:period', summary: 'Weekly dispatch (week) / monthly bulletin (month): a period’s snapshot with the change since the period before; the current period is taken on first request (server clock); CSV with Accept: text/csv', tags: ['reports'], access: auditors, headers: csvHeader,
      query: [{ name: 'key', description: 'the period, e.g. 2026-W49 or 2026-12 (default: the current one)', schema: str }],
      responses: { 200: { description: 'The report', schema: report }, 400: ERR, 404: ERR },
      handler: async (req, res) => {
        const period = periodOfRequest(req);
        const key = req.query.key;
        if (key !== undefined && typeof key !== 'string') throw new BadRequestError({ key: 'server.designer.reports.badKey' }, { param: 'key' }, 'bad_parameter');
        const found = await periodReport({ store, ...cases, clock, period, ...(key !== undefined ? { key } : {}) });
        if (!found) throw new NotFoundError({ key: 'server.designer.reports.noSnapshot', values: { key: String(key) } }, { period, key });
        if (wantsCsv(req)) {
          res.setHeader('Content-Disposition', `attachment; filename="tongban-${period}-${found.snapshot.key}.csv"`);
          res.type('text/csv; charset=utf-8').send(periodReportCsv(found));
          return;
        }
        res.json(found);
      },
    },
    {
      method: 'get', path: '/api/reports/periods/:period/snapshots', summary: 'The kept snapshots of the weekly dispatch / monthly bulletin (history), oldest first, without their figures', tags: ['reports'], access: auditors,
      responses: { 200: { description: 'Snapshots', schema: { type: 'object', required: ['snapshots'], properties: { snapshots: { type: 'array', items: { type: 'object' } } } } }, 404: ERR },
      handler: async (req, res) => {
        const snapshots = await store.listReportSnapshots(periodOfRequest(req));
        res.json({ snapshots: snapshots.map(({ localities: _l, departments: _d, ...head }) => head) });
      },
    },
    {
      method: 'post', path: '/api/reports/periods/:period/snapshots', summary: 'Take the snapshot of the current week or month now (administrators; dates from the server clock); 409 when it was already taken', tags: ['reports'], access: { roles: ['admin'] },
      responses: { 201: { description: 'Taken', schema: { type: 'object' } }, 404: ERR, 409: ERR },
      handler: async (req, res) => {
        const snapshot = await takeReportSnapshot({ store, ...cases, clock, period: periodOfRequest(req), actor: principalOf(req).id });
        const { localities: _l, departments: _d, ...head } = snapshot;
        res.status(201).json(head);
      },
    },
  ];
}
