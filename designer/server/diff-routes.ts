import { describeConfig, diffConfigs, renderConfigDescription, renderDiffText, BadRequestError, NotFoundError, CHANGE_KINDS, type ItemConfig, isItemCode, uiText } from '../../engine/core/index.js';
import { apiSchemas as s, type ApiRequest, type ApiRoute, type JsonSchema } from '../../engine/http-kit/index.js';
import type { ConfigStore } from '../../engine/ports/index.js';
import { everyone } from './actor.js';

/** Same rule as the other designer routes (the item-standard schema's code pattern). */
const VERSION = /^[1-9]\d{0,8}$/;

const ERR = { description: 'Error', schema: s.error };
const int = { type: 'integer' };
const str = { type: 'string' };

type SideRef = { ref: 'version'; version: number } | { ref: 'draft' };

interface LoadedSide {
  /** What the response says about this side. */
  json: { ref: 'version'; version: number; hash: string } | { ref: 'draft'; revision: number; baseVersion: number | null; hash: string };
  /** How the text report names it. */
  label: string;
  config: ItemConfig;
}

const side: JsonSchema = {
  type: 'object',
  required: ['ref', 'hash'],
  properties: { ref: { enum: ['version', 'draft'] }, version: int, revision: int, baseVersion: { type: ['integer', 'null'] }, hash: str },
};
// `renamed` came later than the other kinds: readers that know only four still find theirs.
const kindCounts: JsonSchema = { type: 'object', required: ['added', 'removed', 'changed', 'moved'], properties: Object.fromEntries(CHANGE_KINDS.map((k) => [k, int])) };
const aspect: JsonSchema = {
  type: 'object', required: ['key', 'label'],
  properties: {
    key: str, label: str, pointer: str,
    subject: { ...str, description: 'for a condition on the same fact on both sides: the fact\'s title; the texts are then the predicates (age: at least 60 → at least 63)' },
    before: {}, after: {}, beforeText: str, afterText: str,
  },
};
const sections = ['standard', 'materials', 'scenarios', 'form', 'rules', 'examples'];

export const diffResponse: JsonSchema = {
  type: 'object',
  required: ['code', 'from', 'to', 'changes', 'summary'],
  properties: {
    code: str,
    from: side,
    to: side,
    changes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['section', 'kind', 'pointer', 'label', 'affectsDecision'],
        properties: {
          section: { enum: sections },
          kind: { enum: [...CHANGE_KINDS], description: 'renamed: the same field, material or rule under a new name or key' },
          pointer: { ...str, description: 'JSON pointer into `to` (into `from` for removed things)' },
          fromPointer: { ...str, description: 'where the same thing sits in `from`, when that differs' },
          label: { ...str, description: 'Chinese label, e.g. the promised time limit, or the application material named resident identity card' },
          before: {}, after: {}, beforeText: str, afterText: str,
          aspects: { type: 'array', items: aspect },
          affectsDecision: { type: 'boolean' },
        },
      },
    },
    summary: {
      type: 'object',
      required: ['total', 'kinds', 'sections', 'canAlterDecision'],
      properties: {
        total: int,
        kinds: kindCounts,
        sections: { type: 'object', properties: Object.fromEntries(sections.map((name) => [name, kindCounts])) },
        canAlterDecision: { type: 'boolean', description: 'some change touches form validation, rules, scenarios, materials or the channel' },
      },
    },
  },
};

function codeOf(req: ApiRequest): string {
  const code = req.params.code ?? '';
  if (!isItemCode(code)) throw new BadRequestError({ key: 'server.designer.params.badCode', values: { code } }, { param: 'code' }, 'bad_code');
  return code;
}

/** `?from=3`, `?to=draft`; absent means the default. A repeated parameter arrives as an array and is refused too. */
function sideOf(req: ApiRequest, param: 'from' | 'to' | 'of'): SideRef | undefined {
  const raw = req.query[param];
  if (raw === undefined) return undefined;
  if (raw === 'draft') return { ref: 'draft' };
  if (typeof raw === 'string' && VERSION.test(raw)) return { ref: 'version', version: Number(raw) };
  throw new BadRequestError({ key: 'server.designer.diff.badSide', values: { param, value: String(raw) } }, { param }, 'bad_version');
}

/**
 * Whether the client prefers the plain-text report: text/plain must rank above application/json
 * by q-value, or tie with a more specific or earlier media range. `*∕*` alone, or no Accept, gives JSON.
 */
export function prefersText(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = accept.split(',').map((part, index) => {
    const [type = '', ...params] = part.trim().toLowerCase().split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { type, q: Number.isFinite(quality) ? quality : 0, index };
  });
  const best = (mediaType: string) => {
    const [main] = mediaType.split('/');
    const matches = ranges
      .map((r) => ({ ...r, specificity: r.type === mediaType ? 2 : r.type === `${main}/*` ? 1 : r.type === '*/*' ? 0 : -1 }))
      .filter((r) => r.specificity >= 0)
      .sort((a, b) => b.specificity - a.specificity);
    return matches[0] ?? { q: 0, specificity: -1, index: Number.MAX_SAFE_INTEGER };
  };
  const text = best('text/plain');
  const json = best('application/json');
  if (text.q <= 0) return false;
  if (text.q !== json.q) return text.q > json.q;
  if (text.specificity !== json.specificity) return text.specificity > json.specificity;
  return text.index < json.index;
}

async function loadSide(store: ConfigStore, code: string, ref: SideRef): Promise<LoadedSide> {
  if (ref.ref === 'draft') {
    const draft = await store.getDraft(code);
    if (!draft) throw new NotFoundError({ key: 'services.items.noDraft', values: { code } }, { code, draft: true });
    return {
      json: { ref: 'draft', revision: draft.revision, baseVersion: draft.baseVersion, hash: draft.hash },
      label: uiText('server.designer.diff.draftLabel', 'zh-CN', { code, revision: draft.revision }),
      config: draft.config,
    };
  }
  const version = await store.getVersion(code, ref.version);
  if (!version) throw new NotFoundError({ key: 'services.items.noSuchVersion', values: { code, version: ref.version } }, { code, version: ref.version });
  return { json: { ref: 'version', version: version.version, hash: version.hash }, label: uiText('server.designer.diff.versionLabel', 'zh-CN', { code, version: version.version }), config: version.config };
}

const descriptionResponse: JsonSchema = {
  type: 'object',
  required: ['code', 'of', 'heading', 'sections'],
  properties: {
    code: str,
    of: side,
    heading: str,
    sections: {
      type: 'array',
      items: {
        type: 'object', required: ['section', 'title', 'entries'],
        properties: { section: { enum: sections }, title: str, entries: { type: 'array', items: { type: 'object', required: ['label', 'text'], properties: { label: str, text: str } } } },
      },
    },
  },
};

export interface DiffRouteDeps {
  store: ConfigStore;
}

/** The structural diff of two versions of an item (or a version and the draft), for reviewers and auditors. */
export function diffRoutes({ store }: DiffRouteDeps): ApiRoute[] {
  return [
    {
      method: 'get', path: '/api/items/:code/diff', access: everyone,
      summary: 'Structural diff between two versions or a version and the draft: JSON, or a Chinese text report with Accept: text/plain',
      tags: ['versions'],
      headers: [{ name: 'Accept', description: 'text/plain for the Chinese plain-text report (text/plain; charset=utf-8)' }],
      query: [
        { name: 'from', description: 'a version number or "draft"; default: the latest published version', schema: { type: 'string', pattern: '^(draft|[1-9][0-9]{0,8})$' } },
        { name: 'to', description: 'a version number or "draft"; default: the draft', schema: { type: 'string', pattern: '^(draft|[1-9][0-9]{0,8})$' } },
      ],
      responses: { 200: { description: 'The diff (JSON by default; text/plain on request)', schema: diffResponse }, 400: ERR, 404: ERR },
      handler: async (req, res) => {
        const code = codeOf(req);
        // Parameters first: a malformed request is a 400 whether or not the item exists.
        const fromRef = sideOf(req, 'from');
        const toRef = sideOf(req, 'to') ?? { ref: 'draft' };
        const item = await store.getItem(code);
        if (!item) throw new NotFoundError({ key: 'services.items.noSuchItem', values: { code } }, { code });
        let from: SideRef;
        if (fromRef) from = fromRef;
        else if (item.latestVersion !== null) from = { ref: 'version', version: item.latestVersion };
        else throw new NotFoundError({ key: 'server.designer.diff.nothingPublished', values: { code } }, { code, param: 'from' });
        const [a, b] = await Promise.all([loadSide(store, code, from), loadSide(store, code, toRef)]);
        const diff = diffConfigs(a.config, b.config);
        res.setHeader('Vary', 'Accept');
        if (prefersText(req.headers.accept)) {
          res.type('text/plain; charset=utf-8').send(renderDiffText(diff, { fromLabel: a.label, toLabel: b.label }));
          return;
        }
        res.json({ code, from: a.json, to: b.json, ...diff });
      },
    },
    {
      method: 'get', path: '/api/items/:code/description', access: everyone,
      summary: 'The whole of a draft or version in Chinese prose (standard, materials, scenarios, form, rules, examples): what a reviewer reads of a new item, which has nothing to be compared with',
      tags: ['versions'],
      headers: [{ name: 'Accept', description: 'text/plain for the plain-text account (text/plain; charset=utf-8)' }],
      query: [{ name: 'of', description: 'a version number or "draft" (default)', schema: { type: 'string', pattern: '^(draft|[1-9][0-9]{0,8})$' } }],
      responses: { 200: { description: 'The account (JSON by default; text/plain on request)', schema: descriptionResponse }, 400: ERR, 404: ERR },
      handler: async (req, res) => {
        const code = codeOf(req);
        const ref = sideOf(req, 'of') ?? { ref: 'draft' };
        const item = await store.getItem(code);
        if (!item) throw new NotFoundError({ key: 'services.items.noSuchItem', values: { code } }, { code });
        const loaded = await loadSide(store, code, ref);
        const description = describeConfig(loaded.config);
        res.setHeader('Vary', 'Accept');
        if (prefersText(req.headers.accept)) {
          res.type('text/plain; charset=utf-8').send(renderConfigDescription(description));
          return;
        }
        res.json({ code, of: loaded.json, ...description });
      },
    },
  ];
}
