import { evaluateCompiled, leanDecision, type CompiledConfig, findDivision, isKnownLocality, BadRequestError, NotFoundError, buildServiceGuide, renderServiceGuideHtml, SERVICE_GUIDE_CSS, isItemCode } from '../../engine/core/index.js';
import { answerJson, apiSchemas as s, type ApiRequest, type ApiResponse, type ApiRoute, type Logger } from '../../engine/http-kit/index.js';
import type { DecisionLogWriter } from '../../engine/ports/index.js';
import { localityName } from '../../engine/services/index.js';
import type { PublishedConfigs } from './published-configs.js';

export const RUNTIME_PREFIX = '/api/runtime/:division';
const ERR = { description: 'Error', schema: s.error };

function divisionOf(req: ApiRequest): string {
  const division = req.params.division ?? '';
  if (!isKnownLocality(division)) throw new NotFoundError({ key: 'core.decision.input.division', values: { division } }, { division });
  return division;
}

function codeOf(req: ApiRequest): string {
  const code = req.params.code ?? '';
  if (!isItemCode(code)) throw new NotFoundError({ key: 'server.runtime.item.unknownCode', values: { code } }, { code });
  return code;
}

/** The evaluate answer by default: the explanation (2 KB and more, what every condition saw) only on request. */
const leanDecisionSchema = { ...s.decision, required: (s.decision.required as string[]).filter((key) => key !== 'explanation') };

/** Every runtime answer names the version and hash it used, in headers as well as in the body. */
function nameVersion(res: ApiResponse, compiled: CompiledConfig): void {
  res.setHeader('X-Tongban-Item', compiled.item.code);
  res.setHeader('X-Tongban-Version', String(compiled.item.version));
  res.setHeader('X-Tongban-Hash', compiled.item.hash);
}

function wantsHtml(req: ApiRequest): boolean {
  const accept = String(req.headers.accept ?? '');
  return /text\/html/.test(accept) && !/application\/json/.test(accept.split(',')[0] ?? '');
}

/**
 * The league/banner runtime: read-only over published configs. There is deliberately no route
 * that writes a config; unknown methods on these paths fall through to 404/405.
 */
export interface RuntimeRouteDeps {
  configs: PublishedConfigs;
  /** Where the runtime records each decision it makes (for replay and impact); optional. */
  decisionLog?: DecisionLogWriter;
  logger?: Logger;
}

export function runtimeRoutes({ configs, decisionLog, logger }: RuntimeRouteDeps): ApiRoute[] {
  return [
    {
      method: 'get', path: `${RUNTIME_PREFIX}/items`, summary: 'Items offered at this locality (claimed here, published, not withdrawn)', tags: ['runtime'], access: { public: true },
      responses: { 200: { description: 'Items', schema: s.runtimeItemList }, 404: ERR },
      handler: async (req, res) => {
        const division = divisionOf(req);
        const offered = await configs.offered(division);
        res.json({
          division: { code: division, name: localityName(division, await configs.stations()) },
          items: await Promise.all(offered.map(async ({ item, version, claim }) => ({
            code: item.code, name: item.name, aliases: await configs.aliasesOf(item.code, version), department: item.department, version,
            hash: version === item.latestVersion ? item.latestHash : null,
            latestVersion: item.latestVersion, follow: claim.follow, publishedAt: item.latestPublishedAt,
          }))),
        });
      },
    },
    {
      method: 'get', path: `${RUNTIME_PREFIX}/items/:code`, summary: 'The effective config at the version in force', tags: ['runtime'], access: { public: true },
      responses: { 200: { description: 'Config', schema: s.runtimeItemDetail }, 404: ERR, 409: ERR },
      handler: async (req, res) => {
        const compiled = await configs.inForce(codeOf(req), divisionOf(req));
        nameVersion(res, compiled);
        res.setHeader('ETag', `"${compiled.item.hash}"`);
        res.json({ item: compiled.item, config: compiled.config, local: compiled.claim.local });
      },
    },
    {
      method: 'get', path: `${RUNTIME_PREFIX}/items/:code/guide`, summary: 'The public service guide: JSON, or HTML with Accept: text/html', tags: ['runtime'], access: { public: true }, rateLimit: 'public',
      inlineBlocks: { styles: [SERVICE_GUIDE_CSS] },
      headers: [{ name: 'Accept', description: 'text/html for a printable page' }],
      responses: { 200: { description: 'Guide', schema: s.guide, alsoAs: { 'text/html': { type: 'string' } } }, 404: ERR, 409: ERR },
      handler: async (req, res) => {
        const compiled = await configs.inForce(codeOf(req), divisionOf(req));
        nameVersion(res, compiled);
        const guide = buildServiceGuide(compiled.config, compiled.item, compiled.claim.local);
        if (wantsHtml(req)) res.type('text/html; charset=utf-8').send(renderServiceGuideHtml(guide));
        else res.json(guide);
      },
    },
    {
      method: 'post', path: `${RUNTIME_PREFIX}/items/:code/evaluate`, summary: 'The acceptance decision for an application at this locality', tags: ['runtime'], access: { public: true }, rateLimit: 'public', direct: true,
      body: { schema: s.evaluationRequest, required: true },
      query: [{ name: 'explain', description: '`full`: include the rule-by-rule explanation (what each condition saw); without it the answer has no `explanation`', schema: { type: 'string', enum: ['full'] } }],
      responses: { 200: { description: 'Decision (with `explanation` only when explain=full)', schema: leanDecisionSchema }, 400: ERR, 404: ERR, 409: ERR, 413: ERR, 422: ERR },
      handler: async (req, res) => {
        const division = divisionOf(req);
        const compiled = await configs.inForce(codeOf(req), division);
        const { channel, ...input } = (req.body ?? {}) as { channel?: string } & Record<string, unknown>;
        if (channel !== undefined && typeof channel !== 'string') throw new BadRequestError({ key: 'server.runtime.evaluate.channel' }, { field: 'channel' });
        const explain = req.query.explain === 'full';
        const decision = await evaluateCompiled(compiled, input, { division, channel: channel ?? 'comprehensive-window' }, { explain });
        nameVersion(res, compiled);
        // The log keeps what the window is answered without explain=full: the same object, serialised once (json-text.ts).
        const lean = leanDecision(decision);
        // Only a signed-in window's decisions are recorded: an anonymous evaluation (the public
        // form, a preview) is answered and forgotten, so nobody can fill the log with personal data.
        if (decisionLog && req.principal) {
          // A decision already made is still the answer if recording it fails; the failure is logged.
          await decisionLog
            .record({
              division, channel: decision.channel, code: compiled.item.code, version: compiled.item.version as number, hash: compiled.item.hash,
              input: { scenario: String(input.scenario), formData: (input.formData ?? {}) as Record<string, unknown>, materials: (input.materials ?? []) as string[], date: decision.date, ...(input.creditBlacklisted === true ? { creditBlacklisted: true } : {}) },
              outcome: decision.outcome, decision: lean, by: { id: req.principal.id, name: req.principal.name },
            })
            .then((record) => res.setHeader('X-Tongban-Decision-Id', record.id))
            .catch((error: unknown) => logger?.error('decision not recorded', { code: compiled.item.code, error: String(error) }));
        }
        answerJson(req, res, explain ? decision : lean);
      },
    },
  ];
}
