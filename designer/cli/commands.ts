import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCatalogue, exportBundle, importBundle, importItemList, type CatalogueCheck, type ImportReport, type ItemListImportReport, ItemLifecycle } from '../../engine/services/index.js';
import { draftStatuses, isDraftStatus, labelOf, PROBLEM_TAB_LABELS, TongbanError, uiTexts, ValidationFailedError } from '../../engine/core/index.js';
import { parseJsonText } from '../../engine/http-kit/index.js';
import { openConfigStore, sqliteFile, storeSettingsFromEnv } from '../../engine/adapters/index.js';
import type { ConfigStore } from '../../engine/ports/index.js';
import { principalCommand, PRINCIPAL_USAGE, tokenCommand } from './principal-command.js';
import { KeyFileError, loadTrustedKeys } from '../../engine/adapters/key-files/index.js';
import { KEY_USAGE, keyCommand, verifyCommand } from './key-commands.js';
import { calendarCommand, CALENDAR_USAGE } from './calendar-command.js';
import { reportCommand, REPORT_USAGE } from './report-command.js';
import { renderTable } from './table.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Exit codes: 0 all well · 1 something failed (check, conflicts, rejected rows, refused input) · 2 usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const USAGE = `Usage: npm run tongban -- <command> [options]

Commands:
  export [--code C] [--version N] [--out FILE]
      Export the catalogue (every published item, all versions), one item, or one version
      of it, as a tongban-bundle JSON file (stdout unless --out).
  import FILE [--actor NAME] [--dry-run] [--json]
      FILE.json: import a bundle; published versions are never overwritten, an item with any
      conflict or invalid version is skipped as a whole. A version is published here only when
      signed by a trusted key (TONGBAN_TRUSTED_KEYS) and its examples pass; otherwise the item's
      newest content lands as a draft awaiting review here.
      FILE.csv: import an item list (序号, 编码, 事项名称, 实施部门, 事项类型, 办件类型, 通办范围, …)
      as draft skeletons. Known departments are those of the existing items plus
      --department NAME (repeatable) and --departments-file FILE (one name per line).
  check
      Validate every item's latest version and every draft, run all examples, print a table;
      exit 1 when anything fails.
${PRINCIPAL_USAGE}${CALENDAR_USAGE}${REPORT_USAGE}${KEY_USAGE}
The store is chosen as by \`npm start\`: TONGBAN_DATA_DIR (SQLite, default ./data) or MONGODB_URI.
`;

class UsageError extends Error {}

function defaultActor(env: NodeJS.ProcessEnv): string {
  if (env.TONGBAN_ACTOR) return env.TONGBAN_ACTOR;
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

async function withStore<T>(io: CliIo, work: (store: ConfigStore) => Promise<T>): Promise<T> {
  const settings = storeSettingsFromEnv(io.env);
  const store = await openConfigStore(settings);
  io.stderr(`store: ${store.adapter === 'sqlite' ? `SQLite ${sqliteFile(settings)}` : `MongoDB database ${settings.mongodbDatabase}`}\n`);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function positiveInt(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new UsageError(`--${name} must be a positive integer, got "${raw}"`);
  return Number(raw);
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { code: { type: 'string' }, version: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new UsageError(`export takes no arguments besides options, got "${positionals.join(' ')}"`);
  const version = positiveInt(values.version, 'version');
  if (version !== undefined && values.code === undefined) throw new UsageError('--version needs --code');
  const bundle = await withStore(io, (store) => exportBundle({ store, ...(values.code ? { code: values.code } : {}), ...(version !== undefined ? { version } : {}) }));
  const text = JSON.stringify(bundle, null, 2) + '\n';
  const versions = bundle.items.reduce((n, i) => n + i.versions.length, 0);
  if (values.out) {
    const file = resolve(io.cwd, values.out);
    writeFileSync(file, text);
    io.stderr(`exported ${bundle.items.length} items, ${versions} versions to ${file}\n`);
  } else {
    io.stdout(text);
    io.stderr(`exported ${bundle.items.length} items, ${versions} versions\n`);
  }
  return EXIT.ok;
}

function printBundleReport(report: ImportReport, io: CliIo): void {
  for (const item of report.items) {
    if (item.status === 'imported' || item.status === 'identical') continue;
    io.stdout(`${item.code} ${item.status}:\n`);
    for (const c of item.conflicts) io.stdout(`  - v${c.version} ${c.reason}: ${c.message}\n`);
    for (const p of item.problems.slice(0, 20)) io.stdout(`  - ${p.pointer} ${p.code}: ${p.message}\n`);
    for (const r of item.refused) io.stdout(`  - v${r.version} not published here (${r.reason}): ${r.message}\n`);
    for (const e of item.failedExamples) io.stdout(`  - v${e.version} example "${e.name}": ${e.differences.join('; ')}\n`);
    if (item.draft) io.stdout(`  → v${item.draft.fromVersion} is now a draft (${item.draft.status === 'submitted' ? 'awaiting review' : 'examples fail: to be fixed'}) on top of v${item.draft.baseVersion ?? 0}\n`);
    if (item.problems.length > 20) io.stdout(`  … ${item.problems.length - 20} more problems\n`);
  }
  const c = report.counts;
  io.stdout(`${report.dryRun ? '[dry run] ' : ''}${report.items.length} items: ${c.imported} imported, ${c.identical} identical, ${c.conflict} conflict, ${c.invalid} invalid, ${c.failed} failed, ${c.draft} to review\n`);
}

function printListReport(report: ItemListImportReport, io: CliIo): void {
  if (report.columns.missing.length > 0) io.stdout(`missing required columns: ${report.columns.missing.join(', ')}\n`);
  if (report.columns.ignored.length > 0) io.stdout(`ignored columns: ${report.columns.ignored.join(', ')}\n`);
  for (const row of report.rows) {
    if (row.status === 'created') continue;
    io.stdout(`row ${row.row}${row.code ? ` ${row.code}` : ''} rejected:\n`);
    for (const reason of row.reasons) io.stdout(`  - ${reason}\n`);
  }
  io.stdout(`${report.dryRun ? '[dry run] ' : ''}${report.rows.length} rows: ${report.created} created, ${report.rejected} rejected\n`);
}

function readDepartments(file: string, io: CliIo): string[] {
  return readFileSync(resolve(io.cwd, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean);
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      actor: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      department: { type: 'string', multiple: true },
      'departments-file': { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('import takes exactly one FILE');
  const file = resolve(io.cwd, positionals[0] as string);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr(`cannot read ${file}: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
  const actor = values.actor ?? defaultActor(io.env);
  const dryRun = values['dry-run'] ?? false;
  if (extname(file).toLowerCase() === '.csv') {
    const departments = [...(values.department ?? []), ...(values['departments-file'] ? readDepartments(values['departments-file'], io) : [])];
    const report = await withStore(io, (store) =>
      importItemList({ csv: text, store, lifecycle: new ItemLifecycle({ store }), actor, dryRun, departments, onProgress: (p) => io.stderr(`[${p.index}/${p.total}] row ${p.row} ${p.code ?? '-'} ${p.status}\n`) }),
    );
    if (values.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
    else printListReport(report, io);
    return report.ok ? EXIT.ok : EXIT.failed;
  }
  const bundle = parseJsonText(text);
  const { trustedKeys, file: keysFile } = loadTrustedKeys({ env: io.env, dataDir: storeSettingsFromEnv(io.env).dataDir });
  io.stderr(`trusted keys: ${trustedKeys.map((k) => k.keyId).join(', ') || '(none: every version lands as a draft for review)'}${keysFile ? ` from ${keysFile}` : ''}\n`);
  const report = await withStore(io, (store) =>
    importBundle({ store, bundle, actor, dryRun, trustedKeys, onProgress: (p) => io.stderr(`[${p.index}/${p.total}] ${p.code} ${p.status}\n`) }),
  );
  if (values.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
  else printBundleReport(report, io);
  return report.ok ? EXIT.ok : EXIT.failed;
}

/** The CLI's strings: the region's administrators read the check, so it speaks Chinese (the core's catalogue). */
const cliText = uiTexts('zh-CN');

function checkedSubject(subject: CatalogueCheck['rows'][number]['subject']): string {
  if (subject.kind === 'version') return cliText('cli.check.version', { version: subject.version });
  return cliText('cli.check.draft', { revision: subject.revision, status: isDraftStatus(subject.status) ? labelOf(draftStatuses, subject.status) : subject.status });
}

/** The check as a table and the failures under it, in Chinese; the exit code says the same thing. */
export function renderCheck(check: CatalogueCheck): string {
  const verdict = (ok: boolean) => cliText(ok ? 'cli.check.ok' : 'cli.check.failed');
  const rows = check.rows.map((r) => [
    r.code,
    checkedSubject(r.subject),
    String(r.versions),
    String(r.examples.passed),
    String(r.examples.failed),
    String(r.problems.length),
    verdict(r.ok),
  ]);
  const header = (['item', 'subject', 'versions', 'passed', 'failed', 'problems', 'result'] as const).map((column) => cliText(`cli.check.col.${column}`));
  const lines = [renderTable(header, rows), ''];
  for (const r of check.rows.filter((row) => !row.ok)) {
    lines.push(cliText('cli.check.rowHeading', { code: r.code, subject: checkedSubject(r.subject), name: r.name }));
    for (const p of r.problems.slice(0, 10)) lines.push(`  - ${cliText('cli.check.problem', { message: p.message, pointer: p.pointer || '/' })}`);
    if (r.problems.length > 10) lines.push(`  ${cliText('cli.check.moreProblems', { n: r.problems.length - 10 })}`);
    for (const e of r.failedExamples) lines.push(`  - ${cliText('cli.check.example', { what: PROBLEM_TAB_LABELS.examples, name: e.name, differences: e.differences.join(cliText('cli.check.differenceSeparator')) })}`);
  }
  const t = check.totals;
  lines.push(
    cliText('cli.check.totals', {
      items: t.items, versions: t.versionsChecked, drafts: t.draftsChecked, passed: t.examplesPassed, failed: t.examplesFailed, problems: t.problems,
      result: check.ok ? cliText('cli.check.allPassed') : cliText('cli.check.rowsFailed', { n: t.failedRows }),
    }),
  );
  return lines.join('\n') + '\n';
}

async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new UsageError('check takes no arguments');
  const check = await withStore(io, (store) => checkCatalogue({ store }));
  io.stdout(renderCheck(check));
  return check.ok ? EXIT.ok : EXIT.failed;
}

/** Runs one CLI command; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'export':
        return await exportCommand(args, io);
      case 'import':
        return await importCommand(args, io);
      case 'check':
        return await checkCommand(args, io);
      case 'principal':
        return await principalCommand(args, {
          stdout: io.stdout,
          actor: defaultActor(io.env),
          withStore: (work) => withStore(io, work),
          usage: (message) => new UsageError(message),
        });
      case 'token':
        return tokenCommand(io);
      case 'key':
        return await keyCommand(args, { ...io, usage: (message) => new UsageError(message) });
      case 'verify':
        return verifyCommand(args, { ...io, usage: (message) => new UsageError(message) });
      case 'calendar':
        return await calendarCommand(args, {
          stdout: io.stdout,
          cwd: io.cwd,
          actor: defaultActor(io.env),
          withStore: (work) => withStore(io, work),
          usage: (message) => new UsageError(message),
        });
      case 'report':
        return await reportCommand(args, { stdout: io.stdout, stderr: io.stderr, env: io.env, actor: defaultActor(io.env), withStore: (work) => withStore(io, work), usage: (message) => new UsageError(message) });
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return EXIT.ok;
      default:
        io.stderr(`${command === undefined ? 'no command given' : `unknown command "${command}"`}\n\n${USAGE}`);
        return EXIT.usage;
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${(error as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof KeyFileError) {
      io.stderr(`${error.message}\n`);
      return EXIT.failed;
    }
    if (error instanceof TongbanError) {
      io.stderr(`${error.message}\n`);
      if (error instanceof ValidationFailedError) {
        for (const p of error.problems.slice(0, 50)) io.stderr(`  - ${p.pointer || '/'} ${p.code}: ${p.message}\n`);
        if (error.problems.length > 50) io.stderr(`  … ${error.problems.length - 50} more\n`);
      }
      return EXIT.failed;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.stderr(`${(error as Error).message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
}
