/**
 * The web apps' user-visible strings live in the UI catalogues (engine/core/i18n/catalogue), read
 * through `t()` (designer/web/src/ui-text.ts, runtime/web/src/ui-text.ts). This scan finds Chinese
 * text in string literals, template literals and JSX text of each app's source and the shared web kit
 * (comments are not scanned: they are not shown).
 *
 * Files not yet migrated are allowed the count they had when listed, no more: the list only shrinks.
 * A file that gets more Chinese fails; a file migrated to none must leave the list, and is then held
 * to none like every migrated file.
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, catalogueAwaitingReview } from '../../engine/core/index.js';
import { chineseLiterals, sourceFiles } from './chinese-literals.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface ScannedSource {
  /** Folder scanned, from the project's root. */
  src: string;
  /** Files (or folders, ending in '/') that hold data rather than UI text (a character table), exempt by design. */
  data: string[];
  /** Chinese literals each not-yet-migrated file may still hold (its count when listed). */
  notYetMigrated: Record<string, number>;
}

const SOURCES: ScannedSource[] = [
  {
    src: 'designer/web/src',
    data: [],
    notYetMigrated: {
    },
  },
  {
    src: 'runtime/web/src',
    // The pinyin initials of GB2312's characters: a lookup table, not text anyone reads.
    data: ['pinyin-initials.ts'],
    notYetMigrated: {
    },
  },
  {
    src: 'engine/web-kit',
    data: [],
    notYetMigrated: {
    },
  },
  {
    // The servers' messages (errors, refusals, printed notices) come from the catalogue's server.* keys.
    src: 'engine/http-kit',
    data: [],
    notYetMigrated: {},
  },
  {
    src: 'runtime/server',
    data: [],
    notYetMigrated: {},
  },
  {
    src: 'designer/server',
    data: [],
    notYetMigrated: {
    },
  },
  {
    // The core's messages (checks of a config, the decision's reasons, the diff's sentences): what authors,
    // clerks, auditors and applicants read through the servers and the web apps. The catalogue itself and the
    // vocabulary's label tables (each code with its Chinese and Mongolian label) hold text by design; the
    // local department's naming rule strips 内蒙古自治区 and turns 厅 into 局 (data, not text anyone reads), and
    // the config mutator is the diff's property tests' source of random edits.
    src: 'engine/core',
    data: ['i18n/catalogue/', 'vocabulary/', 'cases/local-department.ts', 'diff/config-mutator.ts'],
    notYetMigrated: {
    },
  },
  {
    // Spellings matched against what people type or name: the form-field names an applicant's name, ID number
    // and phone are found under, and the CSV item list's other header, yes/no and 即办 spellings.
    src: 'engine/services',
    data: ['intakes/intake-summary.ts', 'catalogue/item-list.ts'],
    notYetMigrated: {
    },
  },
  {
    // The SQLite schema's migrations are stored text (a Chinese term in an SQL comment), never shown.
    src: 'engine/adapters',
    data: ['sqlite/config-schema.ts'],
    notYetMigrated: {
    },
  },
  {
    src: 'engine/ports',
    data: [],
    notYetMigrated: {
    },
  },
];

function literalsOf({ src, data }: ScannedSource): Record<string, { line: number; text: string }[]> {
  const root = join(ROOT, src);
  return Object.fromEntries(sourceFiles(root)
    .map((path) => relative(root, path).split('\\').join('/'))
    // A data entry ending in '/' exempts a whole folder.
    .filter((file) => !data.some((entry) => file === entry || (entry.endsWith('/') && file.startsWith(entry))))
    .map((file) => [file, chineseLiterals(join(root, file))]));
}

it('finds Chinese in a literal, a template and JSX text, not in a comment', () => {
  const fixture = join(ROOT, 'test/architecture/fixtures/chinese-literals.tsx');
  expect(chineseLiterals(fixture).map((f) => f.text)).toEqual(['标题', '共', '项', '保存']);
});

for (const source of SOURCES) {
  describe(`UI strings of ${source.src}`, () => {
    const counts = literalsOf(source);

    it('has no Chinese literal outside the catalogue in a migrated file', () => {
      const offending = Object.entries(counts).filter(([file, found]) => !(file in source.notYetMigrated) && found.length > 0)
        .map(([file, found]) => `${file}: ${found.map((f) => `${f.line}「${f.text}」`).join(' ')}`);
      expect(offending).toEqual([]);
    });

    it('allows a not-yet-migrated file no more than its count when it was listed; a file migrated to none leaves the list', () => {
      // "No more than" rather than "exactly": other people migrate files while this list is unchanged, and
      // lowering an allowance is then their commit's business. A file at zero must leave the list, so it
      // is held to none from then on.
      const over = Object.entries(source.notYetMigrated).filter(([file, allowed]) => (counts[file]?.length ?? 0) > allowed)
        .map(([file, allowed]) => `${file}: allowed ${allowed}, found ${counts[file]?.length ?? 0}: ${counts[file]?.slice(0, 5).map((f) => `${f.line}「${f.text}」`).join(' ')}`);
      expect(over).toEqual([]);
      expect(Object.keys(source.notYetMigrated).filter((file) => (counts[file]?.length ?? 0) === 0)).toEqual([]);
    });
  });
}

describe('the catalogues', () => {
  it('give every app and server string a draft in Mongolian script, listed as awaiting the translation office', () => {
    const keys = Object.keys(CATALOGUES['zh-CN']).filter((key) => /^(designer|runtime|webkit|server)\./.test(key));
    expect(keys.length).toBeGreaterThan(100);
    // A text of Chinese words has Mongolian words in its draft (it may still quote a Chinese tab name); a
    // pattern of placeholders, punctuation or a lone counter word (个, 处) may have none.
    const text = (language: 'zh-CN' | 'mn-Mong', key: string) => (CATALOGUES[language] as Record<string, string>)[key] ?? '';
    const words = (zh: string) => zh.replace(/\{\w+\}/g, '').match(/[\u3400-\u9fff]/g)?.length ?? 0;
    const notMongolian = keys.filter((key) => words(text('zh-CN', key)) > 1 && !/[\u1820-\u18AA]/.test(text('mn-Mong', key)));
    expect(notMongolian).toEqual([]);
    expect(Object.values(CATALOGUES['mn-Mong']).filter((text) => text.includes('\ufffd'))).toEqual([]);
    const awaiting = new Set(catalogueAwaitingReview().map((e) => e.key));
    expect(keys.filter((key) => !awaiting.has(key as never))).toEqual([]);
  });
});
