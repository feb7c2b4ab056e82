import { validateConfig, BadRequestError, NotFoundError, ValidationFailedError, OUTCOMES, isOutcome, listValue, type Outcome } from '../../engine/core/index.js';
import { maskDecisionRecord, decisionImpact, replayDecision } from '../../engine/services/index.js';
import type { DecisionLogReader, ConfigStore } from '../../engine/ports/index.js';
import { apiSchemas as s, type ApiRequest, type ApiRoute } from '../../engine/http-kit/index.js';
import { auditors } from './actor.js';

const ERR = { description: 'Error', schema: s.error };

function query(req: ApiRequest) {
  const q = req.query as Record<string, string | undefined>;
  const version = q.version === undefined ? undefined : Number(q.version);
  if (version !== undefined && !(Number.isInteger(version) && version > 0)) throw new BadRequestError({ key: 'server.designer.decisions.badVersion' }, { param: 'version' });
  if (q.outcome !== undefined && !isOutcome(q.outcome)) {
    throw new BadRequestError({ key: 'server.designer.decisions.badOutcome', values: { outcomes: listValue(OUTCOMES) } }, { param: 'outcome' });
  }
  return {
    ...(q.code ? { code: q.code } : {}),
    ...(version ? { version } : {}),
    ...(q.division ? { division: q.division } : {}),
    ...(q.outcome ? { outcome: q.outcome as Outcome } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.afterId ? { afterId: q.afterId } : {}),
    limit: Math.min(Math.max(Number(q.limit ?? 100) || 100, 1), 1000),
  };
}

/** The auditor's decision log: recorded decisions (masked), replay, and a draft's impact. */
export function decisionRoutes({ store, decisions }: { store: ConfigStore; decisions: DecisionLogReader }): ApiRoute[] {
  return [
    {
      method: 'get', path: '/api/decisions', summary: 'Decisions the runtimes recorded (personal data masked); filter by code, version, division, outcome, time; paged by afterId', tags: ['audit'], access: auditors,
      responses: { 200: { description: 'Decisions', schema: { type: 'object', properties: { decisions: { type: 'array' }, nextAfterId: { type: ['string', 'null'] } } } }, 400: ERR },
      handler: async (req, res) => {
        const q = query(req);
        const records = await decisions.list(q);
        res.json({ decisions: records.map(maskDecisionRecord), nextAfterId: records.length === q.limit ? records[records.length - 1]?.id ?? null : null });
      },
    },
    {
      method: 'post', path: '/api/audit/replay', summary: 'Re-evaluate a recorded decision against its exact version and say whether the result is identical', tags: ['audit'], access: auditors,
      body: { schema: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', minLength: 1 } } }, required: true },
      responses: { 200: { description: 'Replay', schema: { type: 'object', required: ['identical'], properties: { identical: { type: 'boolean' }, differences: { type: 'array' } } } }, 404: ERR, 409: ERR },
      handler: async (req, res) => res.json(await replayDecision({ configs: store, log: decisions, id: (req.body as { id: string }).id })),
    },
    {
      method: 'post', path: '/api/items/:code/impact', summary: 'Run the recorded decisions of the latest version against the draft; list those whose outcome would change, each with its causes (the rule whose firing changed, the field that now fails, the material now missing)', tags: ['review'], access: auditors,
      responses: { 200: { description: 'Impact', schema: { type: 'object', properties: { examined: { type: 'integer' }, changed: { type: 'array', items: { type: 'object', properties: { causes: { type: 'array' } } } }, transitions: { type: 'array' } } } }, 404: ERR, 422: ERR },
      handler: async (req, res) => {
        const code = req.params.code ?? '';
        const [item, draft] = await Promise.all([store.getItem(code), store.getDraft(code)]);
        if (!item || item.latestVersion === null) throw new NotFoundError({ key: 'server.designer.impact.nothingPublished', values: { code } }, { code });
        if (!draft) throw new NotFoundError({ key: 'services.items.noDraft', values: { code } }, { code });
        const problems = validateConfig(draft.config);
        if (problems.length > 0) throw new ValidationFailedError({ key: 'server.designer.impact.draftInvalid' }, problems);
        // The published version names the rules and fields the draft dropped.
        const current = await store.getVersion(code, item.latestVersion);
        res.json(await decisionImpact({ log: decisions, code, version: item.latestVersion, draft: draft.config, ...(current ? { current: current.config } : {}) }));
      },
    },
  ];
}
