import { parseArgs } from 'node:util';
import { isReportPeriod, type ReportPeriod } from '../../engine/core/index.js';
import { openIntakeStore, storeSettingsFromEnv } from '../../engine/adapters/index.js';
import { periodReport, periodReportCsv, takeReportSnapshot } from '../../engine/services/index.js';
import type { ConfigStore, IntakeStore } from '../../engine/ports/index.js';

export const REPORT_USAGE = `  report snapshot week|month
      Take the snapshot of the current week (周调度) or month (月通报) by this machine's clock:
      claims, local fields and cases per league, banner and department; exit 1 if it was taken.
  report show week|month [--key 2026-W49|2026-12] [--csv]
      A period's snapshot with the change since the period before (the current one is taken
      when first shown); --csv prints it as CSV.
`;

export interface ReportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  actor: string;
  withStore: <T>(work: (store: ConfigStore) => Promise<T>) => Promise<T>;
  usage: (message: string) => Error;
}

/** The cases come from the intake store beside the config store (the same data directory or MongoDB server). */
async function withIntakes<T>(io: ReportIo, work: (intakes: IntakeStore) => Promise<T>): Promise<T> {
  const intakes = await openIntakeStore(storeSettingsFromEnv(io.env));
  try {
    return await work(intakes);
  } finally {
    await intakes.close();
  }
}

/** `report snapshot|show`: the programme office's 周调度 / 月通报 from a terminal (or a cron job). */
export async function reportCommand(args: string[], io: ReportIo): Promise<number> {
  const { positionals, values } = parseArgs({ args, options: { key: { type: 'string' }, csv: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const [sub, period] = positionals;
  if ((sub !== 'snapshot' && sub !== 'show') || positionals.length !== 2 || !isReportPeriod(period)) throw io.usage('report takes: snapshot week|month, or show week|month [--key K] [--csv]');
  const chosen: ReportPeriod = period;
  return io.withStore((store) => withIntakes(io, async (intakeStore) => {
    if (sub === 'snapshot') {
      try {
        const snapshot = await takeReportSnapshot({ store, intakeStore, period: chosen, actor: io.actor });
        io.stdout(`snapshot ${snapshot.key} (${snapshot.start} – ${snapshot.end}) taken at ${snapshot.takenAt}\n`);
        return 0;
      } catch (error) {
        if ((error as { status?: number }).status === 409) {
          io.stderr(`${(error as Error).message}\n`);
          return 1;
        }
        throw error;
      }
    }
    const report = await periodReport({ store, intakeStore, period: chosen, ...(values.key !== undefined ? { key: values.key } : {}) });
    if (!report) {
      io.stderr(`no snapshot of ${values.key ?? 'this period'}\n`);
      return 1;
    }
    io.stdout(values.csv ? periodReportCsv(report) : `${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }));
}
