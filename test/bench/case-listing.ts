/**
 * Case supervision at scale (issue 13, deliverable 8): a banner holding 10,000 cases received over
 * the last 8 days, many of them past a stage's due date. Measures, over real HTTP on the runtime as shipped (its request
 * log, its intake store: SQLite, and MongoDB when MONGODB_URI is set or FerretDB can be started):
 *   - the overdue work queue of the banner: GET /api/cases?overdue=true&division=…&limit=50
 *   - the banner's whole overdue report: GET /api/cases/overdue-report?division=…
 * against a bare Express 5 endpoint answering the same 50-row page, in the same run. Sequential
 * requests from this process: the server, not the client, is what is measured.
 * Run alone: `tsx test/bench/case-listing.ts [--quick]`.
 */
import express from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixedClock, type ItemConfig } from '../../engine/core/index.js';
import { openConfigReader, openConfigStore, openIntakeStore, type StoreSettings } from '../../engine/adapters/index.js';
import { createLogger } from '../../engine/http-kit/index.js';
import type { IntakeStore } from '../../engine/ports/index.js';
import { CaseBook, createPrincipal } from '../../engine/services/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { itemConfig } from '../fixtures/item-config.js';
import { startMongoServer, type MongoServer } from '../support/mongo-server.js';

const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const REQUESTS = QUICK ? 30 : 100;
const BANNER = '150102';
const ELSEWHERE = ['152921', '150203', '152502'];
const NOW = '2026-12-02T03:00:00Z';
/** BENCH_CASE_STORES=sqlite or mongodb measures only that store. */
const STORES = new Set((process.env.BENCH_CASE_STORES ?? 'sqlite,mongodb').split(',').map((store) => store.trim()));
const DAY = 86_400_000;

interface Timing { median: number; p95: number }

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

async function listen(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}

async function measure(url: string, headers: Record<string, string>, requests = REQUESTS): Promise<{ timing: Timing; bytes: number; count: number }> {
  const samples: number[] = [];
  let bytes = 0;
  let count = 0;
  for (let i = 0; i < requests + 2; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    const text = await res.text();
    const elapsed = performance.now() - started;
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${text.slice(0, 200)}`);
    if (i >= 2) samples.push(elapsed);
    bytes = text.length;
    count = (JSON.parse(text) as { cases?: unknown[]; total?: number }).cases?.length ?? (JSON.parse(text) as { total?: number }).total ?? 0;
  }
  return { timing: timing(samples), bytes, count };
}

/** 10,000 cases received at the banner over the last 8 days, a third of them handled elsewhere. */
async function seed(intakes: IntakeStore, config: ItemConfig, lookupKey: Uint8Array): Promise<void> {
  const now = Date.parse(NOW);
  // FerretDB's SQLite backend answers SQLITE_BUSY beyond a few concurrent writers.
  const batch = 8;
  for (let start = 0; start < CASES; start += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, CASES - start) }, async (_, k) => {
      const n = start + k;
      const at = new Date(now - ((n * 3_456_789) % (8 * DAY))).toISOString();
      const handling = n % 3 === 0 ? (ELSEWHERE[n % ELSEWHERE.length] as string) : BANNER;
      const book = new CaseBook({ intakes, reader: { getVersion: async () => null }, calendar: () => import('../../engine/core/index.js').then((core) => core.officialWorkingCalendar), clock: fixedClock(at), lookupKey });
      const actor = { id: 'operator-bench', name: '压测窗口', role: 'operator' as const };
      const idNumber = `15010219${String(70 + (n % 30)).padStart(2, '0')}0101${String(n % 1000).padStart(3, '0')}X`;
      const fields = {
        createdAt: at, createdBy: actor.id, receivingDivision: BANNER, handling: { department: handling === BANNER ? '新城区人力资源和社会保障局' : '阿拉善左旗人力资源和社会保障局', division: handling },
        item: { code: 'RT-1', version: 1, hash: 'bench', name: config.standard.name }, scenario: 'self',
        formData: { name: '王五', idNumber, phone: '13912345678', employmentType: '个体经营' }, materials: ['id-card'],
        decision: { outcome: 'accept' } as never, browserMismatch: null, decisionId: null,
      };
      const opened = await book.opening({ record: fields, config, actor, at });
      await intakes.create({ ...fields, caseTerms: opened.terms }, opened.opening);
    }));
  }
}

async function benchStore(label: string, settings: StoreSettings, config: ItemConfig): Promise<string[]> {
  const store = await openConfigStore(settings);
  const { token } = await createPrincipal({ store, input: { id: 'operator-bench', name: '压测窗口', role: 'operator', division: BANNER }, actor: 'bench' });
  const reader = await openConfigReader(settings);
  const intakes = await openIntakeStore(settings);
  const lookupKey = new Uint8Array(32);
  const seeded = performance.now();
  await seed(intakes, config, lookupKey);
  const seedSeconds = (performance.now() - seeded) / 1000;
  process.stderr.write(`  seeded ${CASES} cases on ${label} in ${seedSeconds.toFixed(1)} s\n`);
  const app = createRuntimeApp({ reader, intakeStore: intakes, logger: createLogger(() => undefined), windowApp: false, clock: fixedClock(NOW), lookupKey });
  const product = await listen(app);
  const headers = { Authorization: `Bearer ${token}` };
  // A MongoDB-protocol server without index pushdown (FerretDB) scans: fewer samples keep the run short.
  const requests = settings.mongodbUri ? Math.ceil(REQUESTS / 5) : REQUESTS;
  const queue = await measure(`${product.url}/api/cases?overdue=true&division=${BANNER}&limit=50`, headers, requests);
  const report = await measure(`${product.url}/api/cases/overdue-report?division=${BANNER}`, headers, requests);
  const page = await (await fetch(`${product.url}/api/cases?overdue=true&division=${BANNER}&limit=50`, { headers })).json();
  const bare = express();
  bare.get('/page', (_req, res) => res.json(page));
  const baseline = await listen(bare);
  const bareTiming = await measure(`${baseline.url}/page`, {});
  await baseline.close();
  await product.close();
  await intakes.close();
  await reader.close();
  await store.close();
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    `case listing on ${label}: ${CASES} cases at ${BANNER} (seeded in ${seedSeconds.toFixed(1)} s)`,
    `  overdue queue (50 of them, due first): median ${ms(queue.timing.median)}, p95 ${ms(queue.timing.p95)} — goal < 100 ms; ${(queue.timing.median / bareTiming.timing.median).toFixed(1)}× a bare Express endpoint serving the same page (${ms(bareTiming.timing.median)})`,
    `  overdue report of the banner (${report.count} overdue cases grouped): median ${ms(report.timing.median)}, p95 ${ms(report.timing.p95)}`,
  ];
}

export async function caseListingBench(print: (line: string) => void = () => undefined): Promise<string[]> {
  const config = itemConfig('RT-1');
  const lines: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-cases-'));
  if (STORES.has('sqlite')) try {
    for (const line of await benchStore('SQLite', { dataDir, mongodbDatabase: 'unused' }, config)) { lines.push(line); print(line); }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!STORES.has('mongodb')) return lines;
  let server: MongoServer | null = null;
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    try {
      server = await startMongoServer();
      uri = server.uri;
    } catch (error) {
      const line = `case listing on MongoDB: not measured (${(error as Error).message.split('\n')[0]})`;
      lines.push(line);
      print(line);
    }
  }
  if (uri) {
    const mongoDir = mkdtempSync(join(tmpdir(), 'tongban-bench-cases-'));
    try {
      for (const line of await benchStore(server ? 'MongoDB protocol (FerretDB 1.24, SQLite backend)' : 'MongoDB', { dataDir: mongoDir, mongodbUri: uri, mongodbDatabase: `tongban_bench_cases_${Date.now()}` }, config)) { lines.push(line); print(line); }
    } finally {
      rmSync(mongoDir, { recursive: true, force: true });
      await server?.stop();
    }
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await caseListingBench((line) => console.log(line));
}
