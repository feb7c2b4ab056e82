import { contentHash } from '../../core/canonical/content-hash.js';
import type { ItemConfig } from '../../core/config/types.js';
import { validateConfig } from '../../core/config/validate-config.js';
import { catalogueProblem, type Problem } from '../../core/errors.js';
import { runExamples } from '../../core/examples/run-examples.js';
import type { ConfigReader } from '../../ports/config-store/port.js';

export interface CatalogueCheckRow {
  code: string;
  name: string;
  /** What was checked: the latest published version or the working draft. */
  subject: { kind: 'version'; version: number } | { kind: 'draft'; revision: number; status: string };
  versions: number;
  examples: { passed: number; failed: number };
  problems: Problem[];
  failedExamples: { name: string; differences: string[] }[];
  ok: boolean;
}

export interface CatalogueCheck {
  ok: boolean;
  rows: CatalogueCheckRow[];
  totals: { items: number; versionsChecked: number; draftsChecked: number; examplesPassed: number; examplesFailed: number; problems: number; failedRows: number };
}

async function checkConfig(config: ItemConfig, recordedHash: string | null): Promise<Pick<CatalogueCheckRow, 'examples' | 'problems' | 'failedExamples'>> {
  const problems: Problem[] = [];
  if (recordedHash !== null) {
    let actual = '';
    try {
      actual = contentHash(config);
    } catch {
      // reported below as a mismatch
    }
    if (actual !== recordedHash) problems.push(catalogueProblem('', 'version.hash-mismatch', { key: 'services.catalogue.check.hashMismatch', values: { hash: recordedHash.slice(0, 12) } }));
  }
  problems.push(...validateConfig(config));
  if (problems.length > 0) return { examples: { passed: 0, failed: 0 }, problems, failedExamples: [] };
  const report = await runExamples(config);
  return {
    examples: { passed: report.passed, failed: report.failed },
    problems,
    failedExamples: report.results.filter((r) => !r.passed).map((r) => ({ name: r.name, differences: r.differences })),
  };
}

/**
 * Validates every item's latest published version (and that it still matches its hash) and every
 * draft, and runs their examples. A row is ok when it has no problem and no failing example.
 */
export async function checkCatalogue({ store }: { store: ConfigReader }): Promise<CatalogueCheck> {
  const rows: CatalogueCheckRow[] = [];
  for (const item of await store.listItems()) {
    const versions = (await store.listVersions(item.code)).length;
    if (item.latestVersion !== null) {
      const version = await store.getVersion(item.code, item.latestVersion);
      const result = version
        ? await checkConfig(version.config, version.hash)
        : { examples: { passed: 0, failed: 0 }, problems: [catalogueProblem('', 'version.missing', { key: 'services.catalogue.check.versionUnreadable', values: { version: item.latestVersion } })], failedExamples: [] };
      rows.push({ code: item.code, name: item.name, subject: { kind: 'version', version: item.latestVersion }, versions, ...result, ok: result.problems.length === 0 && result.examples.failed === 0 });
    }
    if (item.draft) {
      const draft = await store.getDraft(item.code);
      if (draft) {
        const result = await checkConfig(draft.config, null);
        rows.push({ code: item.code, name: item.name, subject: { kind: 'draft', revision: draft.revision, status: draft.status }, versions, ...result, ok: result.problems.length === 0 && result.examples.failed === 0 });
      }
    }
  }
  const totals = {
    items: new Set(rows.map((r) => r.code)).size,
    versionsChecked: rows.filter((r) => r.subject.kind === 'version').length,
    draftsChecked: rows.filter((r) => r.subject.kind === 'draft').length,
    examplesPassed: rows.reduce((n, r) => n + r.examples.passed, 0),
    examplesFailed: rows.reduce((n, r) => n + r.examples.failed, 0),
    problems: rows.reduce((n, r) => n + r.problems.length, 0),
    failedRows: rows.filter((r) => !r.ok).length,
  };
  return { ok: totals.failedRows === 0, rows, totals };
}
