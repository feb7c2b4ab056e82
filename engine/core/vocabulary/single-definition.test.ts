/**
 * The vocabulary is the only place that lists these codes: a copy elsewhere in the source of the
 * engine, the designer or the runtime fails this test (import the vocabulary instead).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASE_EVENT_TYPES, CASE_STATUSES, CHANNELS, CONTEXT_FACTS, DOCUMENT_KINDS, DRAFT_STATUSES, ITEM_CODE_PATTERN, LEGAL_CHANGE_KINDS, OUTCOMES, ROLES, RULE_EVENT_TYPES } from './index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const here = relative(root, fileURLToPath(new URL('.', import.meta.url))).split(sep).join('/');
const SKIPPED = new Set(['node_modules', 'dist', '.git']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** A list literal of these codes, in order, with either quote and any spacing: `'a', 'b'` or `"a","b"`. */
function listLiteral(codes: readonly string[]): RegExp {
  const escape = (code: string) => code.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(codes.map((code) => `['"]${escape(code)}['"]`).join('\\s*,\\s*'));
}

const COPIES: { what: string; finds: (text: string) => boolean }[] = [
  { what: 'the outcome list', finds: (t) => listLiteral(OUTCOMES).test(t) },
  { what: 'the rule event types', finds: (t) => listLiteral(RULE_EVENT_TYPES).test(t) },
  { what: 'the role list', finds: (t) => listLiteral(ROLES).test(t) },
  { what: 'the draft statuses', finds: (t) => listLiteral(DRAFT_STATUSES).test(t) },
  { what: 'the legal change kinds', finds: (t) => listLiteral(LEGAL_CHANGE_KINDS).test(t) },
  { what: 'the document kinds', finds: (t) => listLiteral(DOCUMENT_KINDS).test(t) },
  { what: 'the channel list', finds: (t) => listLiteral(CHANNELS).test(t) },
  { what: 'the context facts', finds: (t) => listLiteral(CONTEXT_FACTS).test(t) },
  { what: 'the case statuses', finds: (t) => listLiteral(CASE_STATUSES.slice(0, 4)).test(t) },
  { what: 'the case event types', finds: (t) => listLiteral(CASE_EVENT_TYPES.slice(0, 4)).test(t) },
  // The character classes of the pattern, however the copy is written (RegExp literal or string).
  { what: 'the item-code pattern', finds: (t) => t.includes(ITEM_CODE_PATTERN.slice(1, -1)) || t.includes(ITEM_CODE_PATTERN.slice(1, -1).replace(/\\/g, '\\\\')) },
  // The four wordings "redirect" had before the vocabulary unified them.
  { what: 'a retired redirect wording', finds: (t) => /转至其他(受理)?(渠道|窗口)|引导至其他渠道/.test(t) },
];

const files = ['engine', 'designer', 'runtime']
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .map((path) => relative(root, path).split(sep).join('/'))
  .filter((path) => !path.startsWith(`${here}/`));

describe('no second copy of the vocabulary', () => {
  it('scans the source of the engine, the designer and the runtime', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('runtime/server/notice-documents.ts');
    expect(files).toContain('designer/web/src/ExamplesTab.tsx');
  });

  for (const copy of COPIES) {
    it(`finds ${copy.what} only in ${here}/`, () => {
      const offenders = files.filter((path) => copy.finds(readFileSync(join(root, path), 'utf8')));
      expect(offenders).toEqual([]);
    });
  }

  it('would find a planted copy', () => {
    expect(COPIES.every((copy) => !copy.finds('const fine = 1;'))).toBe(true);
    expect(COPIES.find((c) => c.what === 'the outcome list')!.finds(`type O = ["accept", 'accept-on-commitment',"supplement", "reject",\n 'redirect'];`)).toBe(true);
    expect(COPIES.find((c) => c.what === 'the item-code pattern')!.finds('const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;')).toBe(true);
    expect(COPIES.find((c) => c.what === 'the item-code pattern')!.finds(`pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$'`)).toBe(true);
  });
});
