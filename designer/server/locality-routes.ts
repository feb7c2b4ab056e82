import { type CatalogueMessage, type Clock, type Principal, BadRequestError, ForbiddenError, ValidationFailedError, catalogueProblem, isIsoDate, operatesFor, type TrustedKey } from '../../engine/core/index.js';
import { apiSchemas as s, type ApiRequest, type ApiRoute } from '../../engine/http-kit/index.js';
import { adoptionReport, progressCsv, progressReport, putClaim, removeClaim, setClaimBatches } from '../../engine/services/index.js';
import type { ConfigStore } from '../../engine/ports/index.js';
import { actorOf, auditors, everyone } from './actor.js';

const ERR = { description: 'Error', schema: s.error };
const claim = {
  type: 'object',
  properties: {
    division: { type: 'string' }, code: { type: 'string' }, follow: { oneOf: [{ const: 'latest' }, { type: 'integer' }] },
    local: { type: 'object', additionalProperties: { type: 'string' } },
    claimedAt: { type: 'string' }, claimedBy: { type: 'string' }, updatedAt: { type: 'string' }, updatedBy: { type: 'string' },
  },
};
const claimBody = {
  type: 'object',
  description: 'follow: "latest" or a published version number; local: only the fields the item’s standard.localFields allows',
  properties: { follow: { oneOf: [{ const: 'latest' }, { type: 'integer', minimum: 1 }] }, local: { type: 'object' } },
};

/** An operator manages the claims of their own locality and the stations below it. */
function ownLocality(req: ApiRequest, principal: Principal): void {
  if (principal.role !== 'operator') return;
  const division = req.params.division ?? '';
  if (!operatesFor(principal.division, division)) {
    const message: CatalogueMessage = principal.division === null
      ? { key: 'server.designer.claims.ownLocalityUnbound', values: { name: principal.name } }
      : { key: 'server.designer.claims.ownLocality', values: { name: principal.name, division: principal.division } };
    throw new ForbiddenError(message, { division, own: principal.division });
  }
}

export function localityRoutes({ store, clock, trustedKeys }: { store: ConfigStore; clock: Clock; trustedKeys?: readonly TrustedKey[] }): ApiRoute[] {
  const now = () => clock().toISOString();
  const operators = { roles: ['admin', 'operator'] as const, scope: ownLocality };
  return [
    {
      method: 'get', path: '/api/localities/:division/claims', summary: 'Claims of a locality (which items it serves, at which version, with its local fields)', tags: ['claims'], access: everyone,
      responses: { 200: { description: 'Claims', schema: { type: 'object', properties: { claims: { type: 'array', items: claim } } } } },
      handler: async (req, res) => res.json({ claims: await store.listClaims({ division: req.params.division ?? '' }) }),
    },
    {
      method: 'put', path: '/api/localities/:division/claims/:code', summary: 'Claim an item (follow latest or pin a version) with its local fields', tags: ['claims'], access: operators,
      body: { schema: claimBody, required: true },
      responses: { 200: { description: 'Claimed', schema: claim }, 403: ERR, 404: ERR, 422: ERR },
      handler: async (req, res) => res.json(await putClaim({ store, clock, division: req.params.division ?? '', code: req.params.code ?? '', body: req.body, actor: actorOf(req) })),
    },
    {
      method: 'delete', path: '/api/localities/:division/claims/:code', summary: 'Withdraw a claim: the locality stops serving the item', tags: ['claims'], access: operators,
      responses: { 204: { description: 'Removed' }, 403: ERR, 404: ERR },
      handler: async (req, res) => {
        await removeClaim({ store, clock, division: req.params.division ?? '', code: req.params.code ?? '', actor: actorOf(req) });
        res.status(204).end();
      },
    },
    {
      method: 'get', path: '/api/campaign', summary: 'The claim campaign and its deadline', tags: ['claims'], access: everyone,
      responses: { 200: { description: 'Campaign', schema: { type: 'object' } } },
      handler: async (_req, res) => res.json({ campaign: await store.getCampaign() }),
    },
    {
      method: 'put', path: '/api/campaign', summary: 'Set the claim campaign’s name and deadline (the date by which every locality claims its items)', tags: ['claims'], access: { roles: ['admin'] },
      body: { schema: { type: 'object', required: ['name', 'deadline'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1 }, deadline: { type: 'string', format: 'date' } } }, required: true },
      responses: { 200: { description: 'Campaign', schema: { type: 'object' } }, 422: ERR },
      handler: async (req, res) => {
        const { name, deadline } = req.body as { name: string; deadline: string };
        if (!isIsoDate(deadline)) throw new ValidationFailedError({ key: 'server.designer.campaign.badDeadline' }, [catalogueProblem('/deadline', 'campaign.deadline', { key: 'server.designer.campaign.deadlineFormat' })]);
        // The batches stay: they are set on their own route.
        const batches = (await store.getCampaign())?.batches;
        const campaign = { name, deadline, ...(batches ? { batches } : {}), updatedAt: now(), updatedBy: actorOf(req) };
        await store.setCampaign(campaign);
        await store.appendAudit({ at: campaign.updatedAt, actor: campaign.updatedBy, action: 'campaign.changed', code: null, version: null, reason: null, details: { name, deadline } });
        res.json({ campaign });
      },
    },
    {
      method: 'put', path: '/api/campaign/batches', summary: 'Set the claim batches (claiming in batches): each a name, its item codes and its own claim deadline; items in no batch keep the campaign’s deadline', tags: ['claims'], access: { roles: ['admin'] },
      body: {
        schema: {
          type: 'object', required: ['batches'], properties: {
            batches: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, codes: { type: 'array', items: { type: 'string' } }, deadline: { type: 'string' } } } },
          },
        },
        required: true,
      },
      responses: { 200: { description: 'Campaign with its batches', schema: { type: 'object' } }, 422: ERR },
      handler: async (req, res) => res.json({ campaign: await setClaimBatches({ store, clock, body: req.body, actor: actorOf(req) }) }),
    },
    {
      method: 'get', path: '/api/reports/adoption', summary: 'Adoption and drift: which localities serve which version, who lags since when, drifted versions', tags: ['reports'], access: auditors,
      responses: { 200: { description: 'Report', schema: { type: 'object', required: ['items', 'drift', 'untrusted'], properties: { items: { type: 'array' }, drift: { type: 'array' }, untrusted: { type: 'array', description: 'served versions without a signature of a trusted key (runtimes refuse them)' } } } } },
      handler: async (_req, res) => res.json(await adoptionReport({ store, clock, ...(trustedKeys ? { trustedKeys } : {}) })),
    },
    {
      method: 'get', path: '/api/reports/progress', summary: 'Progress (for the weekly dispatch and monthly bulletin): claims per league/banner, overdue, department progress; CSV with Accept: text/csv', tags: ['reports'], access: auditors,
      responses: { 200: { description: 'Report', schema: { type: 'object' } } },
      handler: async (req, res) => {
        const report = await progressReport({ store, clock });
        const accept = String(req.headers.accept ?? '');
        if (/text\/csv/.test(accept)) res.type('text/csv; charset=utf-8').send(progressCsv(report));
        else if (accept && !/json|\*\/\*/.test(accept)) throw new BadRequestError({ key: 'server.designer.reports.jsonOrCsv' }, { accept });
        else res.json(report);
      },
    },
  ];
}
