/**
 * `npm run bench` (`npm run bench -- --quick` for a shorter run): Tongban's costs as ratios
 * against baselines measured in the same run on the same machine.
 *   (a) in-process decisions/s: our evaluator vs a raw ajv + json-rules-engine loop over the same
 *       schema and rules; and the rules alone, compiled vs raw json-rules-engine (µs per decision);
 *   (b) the runtime as shipped (its own process: decision log, request log, rate limiter, stores as
 *       configured — SQLite, or MongoDB when MONGODB_URI is set) vs a bare Express 5 endpoint, both
 *       driven by autocannon in a third process, alternately: requests/s at 20 and 50 connections,
 *       CPU per decision, p99 at a paced 1,000 requests/s;
 *   (c) cold start of a runtime process over 150 items (spawn → a correct decision on every item),
 *       its RSS, and how soon a new publication is served (propagation); in process, where the
 *       first decision per item spends its time;
 *   (d) the differential corpus: compiled rules vs the json-rules-engine reference on 100,000
 *       applications (10,000 with --quick; BENCH_DIFFERENTIAL_CASES=0 skips it);
 *   (e) decision-log bytes per decision.
 *   (f) case supervision: the overdue queue and report of a banner holding 10,000 cases, on SQLite
 *       and MongoDB (BENCH_CASES changes the number).
 *   (g) designer speed in chromium: keystroke to next paint in the property panel and the live
 *       preview of a 100-field draft (test/bench/designer-speed.ts).
 * BENCH_SECTIONS=b,e (any of a–g) runs only those sections.
 */
import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { MongoClient } from 'mongodb';
import { contentHash, formValidatorCompiler, type ItemConfig, compileConfig, evaluateCompiled, addFieldFormats, operatorDefinitions, resolveFactPath, ephemeralProcessSigning, signVersion, type VersionRecord } from '../../engine/core/index.js';
import { openDecisionLogReader, type StoreSettings } from '../../engine/adapters/index.js';
import { openSqliteReader, openSqliteStore } from '../../engine/adapters/sqlite/index.js';
import { PublishedConfigs } from '../../runtime/server/published-configs.js';
import { nativeContentHash, nativeSha256Hex, nativeStatementVerifier } from '../../runtime/server/native-crypto.js';
import { ValidatorCodeFiles } from '../../runtime/server/validator-code-files.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { caseListingBench } from './case-listing.js';
import { differential } from './differential.js';
import { designerSpeedBench } from './designer-speed.js';
import { generatedItem } from './generated-item.js';
import { autocannon, rssMiB, type LoadResult } from './load.js';
import { ruleBenchCases, ruleEvaluatorTable } from './rule-evaluators.js';
import { BENCH_DIVISION, BENCH_OPERATOR_TOKEN, buildBenchProcesses, publishSigned, SHIPPED_NODE_ARGS, seedInstallation, startBare, startRuntime, type ProcessEntry, type RuntimeProcess } from './runtime-process.js';

const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? (QUICK ? 500 : 1500));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 3));
/** The runtime as shipped (the built bundle on plain node), or BENCH_RUNTIME=source for its TypeScript through tsx (to compare). */
const ENTRY: ProcessEntry = process.env.BENCH_RUNTIME === 'source' ? 'source' : 'built';
/** Extra node flags for the runtime process (BENCH_NODE_ARGS="--max-semi-space-size=1"), to measure one. */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
/** (c) restarts over the same data directory; their medians are reported (BENCH_COLD_RESTARTS). */
const COLD_RESTARTS = Math.max(1, Number(process.env.BENCH_COLD_RESTARTS ?? 1));
const CONTEXT = { division: '150102', channel: 'comprehensive-window' as const };

type Case = { name: string; config: ItemConfig; input: { scenario: string; formData: Record<string, unknown>; materials: string[]; date: string } };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function opsPerSecond(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await run();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ROUND_MS) {
    for (let i = 0; i < 50; i++) await run();
    n += 50;
  }
  return (n * 1000) / (performance.now() - start);
}

/** The raw tools with nothing of ours around them: ajv validate + json-rules-engine run. */
function rawLoop(config: ItemConfig, input: Case['input']): () => Promise<unknown> {
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  addFieldFormats(ajv);
  const validate = ajv.compile(config.form.schema);
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolveFactPath });
  for (const op of operatorDefinitions) engine.addOperator(op.name, (a: unknown, b: unknown) => op.evaluate(a, b));
  engine.addFact('$ageThreshold', async (params, almanac) => ({ years: params.years, on: await almanac.factValue('today') }));
  for (const rule of config.rules) {
    engine.addRule({ name: rule.name, priority: rule.priority ?? 1, conditions: JSON.parse(JSON.stringify(rule.conditions, (k, v) => (k === 'optional' ? undefined : v)).replace(/"operator":"(ageAtLeast|ageBelow)","value":(\d+)/g, '"operator":"$1","value":{"fact":"$ageThreshold","params":{"years":$2}}')), event: rule.event });
  }
  const facts = { ...input.formData, today: input.date, division: CONTEXT.division, scenario: input.scenario, materials: input.materials };
  return async () => {
    validate(input.formData);
    return engine.run(facts);
  };
}

async function inProcess(cases: Case[]): Promise<string[]> {
  const lines = ['| item | rules | ours (decisions/s) | raw ajv + json-rules-engine (/s) | ours / raw |', '|---|---:|---:|---:|---:|'];
  for (const c of cases) {
    const compiled = compileConfig(c.config, { version: 1 });
    const ours = () => evaluateCompiled(compiled, c.input, CONTEXT);
    const raw = rawLoop(c.config, c.input);
    const oursRuns: number[] = [];
    const rawRuns: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      rawRuns.push(await opsPerSecond(raw));
      oursRuns.push(await opsPerSecond(ours));
    }
    const o = median(oursRuns);
    const w = median(rawRuns);
    lines.push(`| ${c.name} | ${c.config.rules.length} | ${o.toFixed(0)} | ${w.toFixed(0)} | ${(o / w).toFixed(2)} |`);
  }
  return lines;
}

const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? (QUICK ? 3 : 5));
/**
 * Load before the measured rounds, on each side and at each concurrency. A freshly started runtime keeps
 * getting faster for several seconds (its rules, validators and log are compiled and optimised as they
 * run; the bare endpoint has almost nothing to warm): after 1 s the first measured row read 0.73–0.84×
 * where a probe warmed for 3 s read 0.93–0.99×.
 */
const HTTP_WARMUP_SECONDS = Number(process.env.BENCH_HTTP_WARMUP_SECONDS ?? (QUICK ? 1 : 3));
const HTTP_ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? (QUICK ? 1 : 3));
const PACED_RATE = 1000;

/** Where this run's stores live: MongoDB when MONGODB_URI is set (a database of its own), else SQLite files in a temp dir. */
function benchSettings(label: string): StoreSettings {
  const dataDir = mkdtempSync(join(tmpdir(), `tongban-bench-${label}-`));
  const uri = process.env.MONGODB_URI;
  return { dataDir, mongodbDatabase: `tongban_bench_${label}_${Date.now()}`, ...(uri ? { mongodbUri: uri } : {}) };
}

const pickMedian = (runs: LoadResult[]): LoadResult => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)] as LoadResult;
const ms = (value: number) => value.toFixed(1);
/** Paced runs: the median p50 and p99 of the rounds, and the range of their p99. */
function pacedSummary(runs: LoadResult[]): { p50: number; p99: number; low: number; high: number } {
  const p99s = runs.map((run) => run.p99);
  return { p50: median(runs.map((run) => run.p50)), p99: median(p99s), low: Math.min(...p99s), high: Math.max(...p99s) };
}

interface HttpFindings {
  lines: string[];
  runtimePid: number | undefined;
}

/**
 * (b) The runtime as shipped vs a bare Express endpoint, both in their own processes, driven by
 * autocannon in a third, alternately (bare, runtime, bare, runtime …) in the same run.
 */
async function http(settings: StoreSettings, runtime: RuntimeProcess, bare: RuntimeProcess, httpCases: Case[]): Promise<HttpFindings> {
  const lines = [
    `autocannon in its own process, ${HTTP_SECONDS} s per run after ${HTTP_WARMUP_SECONDS} s of warm-up on each side, ${HTTP_ROUNDS} alternated round(s) (median by requests/s). Runtime: decision log, request log at info (to a file), rate limiter, stores ${settings.mongodbUri ? 'MongoDB' : 'SQLite'}${[...SHIPPED_NODE_ARGS, ...NODE_ARGS].length ? `; node ${[...SHIPPED_NODE_ARGS, ...NODE_ARGS].join(' ')}` : ''}.`,
    '',
    '| item | connections | runtime req/s | bare req/s | runtime ÷ bare | runtime p50 / p99 (ms) | bare p50 / p99 (ms) | runtime CPU per decision (µs) | bare CPU per request (µs) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const c of httpCases) {
    const body = JSON.stringify(c.input);
    const path = `/api/runtime/${BENCH_DIVISION}/items/${c.config.code}/evaluate`;
    const check = await fetch(`${runtime.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_OPERATOR_TOKEN}` }, body });
    if (check.status !== 200) throw new Error(`the runtime answers ${check.status} on ${c.name}: ${await check.text()}`);
    await check.arrayBuffer().catch(() => undefined);
    for (const connections of [20, 50]) {
      await autocannon({ url: `${bare.url}${path}`, body, connections, seconds: HTTP_WARMUP_SECONDS });
      await autocannon({ url: `${runtime.url}${path}`, body, connections, seconds: HTTP_WARMUP_SECONDS, token: BENCH_OPERATOR_TOKEN });
      const ours: LoadResult[] = [];
      const base: LoadResult[] = [];
      for (let r = 0; r < HTTP_ROUNDS; r++) {
        base.push(await autocannon({ url: `${bare.url}${path}`, body, connections, seconds: HTTP_SECONDS, pid: bare.child.pid }));
        ours.push(await autocannon({ url: `${runtime.url}${path}`, body, connections, seconds: HTTP_SECONDS, pid: runtime.child.pid, token: BENCH_OPERATOR_TOKEN }));
      }
      const o = pickMedian(ours);
      const b = pickMedian(base);
      if (o.failures > 0) throw new Error(`${o.failures} failed requests on ${c.name}`);
      lines.push(`| ${c.name} | ${connections} | ${o.rps.toFixed(0)} | ${b.rps.toFixed(0)} | **${(o.rps / b.rps).toFixed(2)}×** | ${ms(o.p50)} / ${ms(o.p99)} | ${ms(b.p50)} / ${ms(b.p99)} | ${((o.serverCpuSeconds * 1e6) / o.requests).toFixed(0)} | ${((b.serverCpuSeconds * 1e6) / b.requests).toFixed(0)} |`);
    }
  }
  // One paced run's p99 is its 50 slowest answers of 5,000: a single stall of the box (seen on either
  // side, with neither server's event loop held up) decides it, so rounds alternate and the median is kept.
  lines.push('', `Paced at ${PACED_RATE} requests/s (autocannon -R, 50 connections), ${HTTP_SECONDS} s a run, ${HTTP_ROUNDS} alternated round(s): median p99 (range):`, '', '| item | runtime p50 / p99 (ms) | bare p50 / p99 (ms) | runtime p99 ÷ bare p99 |', '|---|---:|---:|---:|');
  for (const c of httpCases) {
    const body = JSON.stringify(c.input);
    const path = `/api/runtime/${BENCH_DIVISION}/items/${c.config.code}/evaluate`;
    const ours: LoadResult[] = [];
    const base: LoadResult[] = [];
    for (let r = 0; r < HTTP_ROUNDS; r++) {
      base.push(await autocannon({ url: `${bare.url}${path}`, body, connections: 50, seconds: HTTP_SECONDS, rate: PACED_RATE }));
      ours.push(await autocannon({ url: `${runtime.url}${path}`, body, connections: 50, seconds: HTTP_SECONDS, rate: PACED_RATE, token: BENCH_OPERATOR_TOKEN }));
    }
    const failures = ours.reduce((sum, run) => sum + run.failures, 0);
    if (failures > 0) throw new Error(`${failures} failed paced requests on ${c.name}`);
    const o = pacedSummary(ours);
    const b = pacedSummary(base);
    lines.push(`| ${c.name} | ${ms(o.p50)} / ${ms(o.p99)} (${ms(o.low)}–${ms(o.high)}) | ${ms(b.p50)} / ${ms(b.p99)} (${ms(b.low)}–${ms(b.high)}) | ${(o.p99 / Math.max(b.p99, 0.1)).toFixed(1)}× |`);
  }
  lines.push('', `Runtime RSS after the load: ${rssMiB(runtime.child.pid).toFixed(0)} MiB.`);
  return { lines, runtimePid: runtime.child.pid };
}

/** (e) What one recorded decision costs on disk, read after the runtime closed its log (SQLite: WAL checkpointed). */
async function decisionLogBytes(settings: StoreSettings): Promise<string[]> {
  const reader = await openDecisionLogReader(settings);
  const count = await reader.count();
  await reader.close();
  if (count === 0) return ['No decisions recorded.'];
  if (settings.mongodbUri) {
    const client = await MongoClient.connect(settings.mongodbUri);
    try {
      const stats = (await client.db(settings.mongodbDatabase).command({ collStats: 'decisions' })) as { size?: number; storageSize?: number; totalIndexSize?: number };
      const data = stats.size ?? stats.storageSize ?? 0;
      return [`${count} decisions in MongoDB: ${((data + (stats.totalIndexSize ?? 0)) / count).toFixed(0)} bytes per decision (documents ${(data / count).toFixed(0)}, indexes ${((stats.totalIndexSize ?? 0) / count).toFixed(0)}).`];
    } finally {
      await client.close();
    }
  }
  const file = join(settings.dataDir, 'decisions.db');
  const size = (name: string) => (existsSync(name) ? statSync(name).size : 0);
  const total = size(file) + size(`${file}-wal`);
  const db = new Database(file, { readonly: true });
  const { body } = db.prepare('SELECT AVG(LENGTH(CAST(record_json AS BLOB))) AS body FROM decisions').get() as { body: number };
  db.close();
  return [`${count} decisions in decisions.db: **${(total / count).toFixed(0)} bytes per decision** on disk (file + WAL, indexes included); the body (sealed whole: key id, IV, ciphertext, tag) is ${body.toFixed(0)} bytes of it.`];
}

/**
 * (c) Cold start as shipped: a runtime process over a store with the sample catalogue and 150
 * generated items, from spawn to a correct decision on every item; its RSS then; the bare
 * endpoint's spawn-to-first-answer as the baseline. (f) Propagation on the same process.
 */
/** 150 items as different as real ones: each form has its own titles, so no two share a compiled validator. */
function coldItems(): ReturnType<typeof generatedItem>[] {
  return Array.from({ length: 150 }, (_, i) => {
    const item = generatedItem(`COLD-${String(i).padStart(3, '0')}`);
    const properties = item.config.form.schema.properties as Record<string, { title?: string }>;
    for (const field of Object.values(properties)) field.title = `${field.title ?? ''}（${item.config.code}）`;
    return item;
  });
}

interface ColdRun { listening: number; first: number; all: number; rss: number }

/** From spawn to a correct decision on every item, ten windows opening at once (every item asked for, ten at a time). */
async function decideEveryItem(runtime: RuntimeProcess, items: ReturnType<typeof coldItems>, expectedOutcomes: { outcome: string }[]): Promise<ColdRun> {
  const listening = performance.now() - runtime.spawnedAt;
  let first = 0;
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const n = next++;
      const { config, input } = items[n] as (typeof items)[number];
      const res = await fetch(`${runtime.url}/api/runtime/${BENCH_DIVISION}/items/${config.code}/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      const decision = (await res.json()) as { outcome?: string };
      if (res.status !== 200 || decision.outcome !== expectedOutcomes[n]?.outcome) throw new Error(`cold start: ${config.code} answered ${res.status} ${JSON.stringify(decision).slice(0, 200)}`);
      if (first === 0) first = performance.now() - runtime.spawnedAt;
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  return { listening, first, all: performance.now() - runtime.spawnedAt, rss: rssMiB(runtime.child.pid) };
}

async function coldStartShipped(): Promise<string[]> {
  const settings = benchSettings('cold');
  const items = coldItems();
  await seedInstallation(settings, items.map((i) => i.config));
  const expected = items.map(({ config, input }) => evaluateCompiled(compileConfig(config, { version: 1 }), input, CONTEXT));
  const bareStart = performance.now();
  const bare = await startBare(ENTRY);
  const bareFirst = await fetch(`${bare.url}/api/runtime/${BENCH_DIVISION}/items/X/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  await bareFirst.arrayBuffer();
  const bareMs = performance.now() - bareStart;
  await bare.stop();

  const expectedOutcomes = await Promise.all(expected);
  // The first start of an installation compiles every form (and keeps the generated code); a restart loads it.
  const logFile = join(settings.dataDir, 'runtime.log');
  const firstStart = await startRuntime(settings, logFile, {}, NODE_ARGS, ENTRY);
  const fresh = await decideEveryItem(firstStart, items, expectedOutcomes);
  await firstStart.stop();
  const restarts: ColdRun[] = [];
  for (let n = 1; n < COLD_RESTARTS; n++) {
    const earlier = await startRuntime(settings, logFile, {}, NODE_ARGS, ENTRY);
    restarts.push(await decideEveryItem(earlier, items, expectedOutcomes));
    await earlier.stop();
  }
  const runtime = await startRuntime(settings, logFile, {}, NODE_ARGS, ENTRY);
  restarts.push(await decideEveryItem(runtime, items, expectedOutcomes));
  const of = (key: keyof ColdRun) => median(restarts.map((r) => r[key]));
  const spread = (key: keyof ColdRun) => (restarts.length > 1 ? ` (${Math.min(...restarts.map((r) => r[key])).toFixed(0)}–${Math.max(...restarts.map((r) => r[key])).toFixed(0)})` : '');
  const [listening, firstMs, allMs, rss] = [of('listening'), of('first'), of('all'), of('rss')];

  // Propagation: a window keeps asking (every 5 ms, so the runtime's pointer is warm), a new
  // version is published in the store, and we time until the window gets it.
  const propagation: number[] = [];
  for (let n = 0; n < 5; n++) {
    const { config, input } = items[n] as (typeof items)[number];
    const url = `${runtime.url}/api/runtime/${BENCH_DIVISION}/items/${config.code}/evaluate`;
    let published = 0;
    let servedAfter = 0;
    const poller = (async () => {
      const start = performance.now();
      while (servedAfter === 0 && performance.now() - start < 10_000) {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
        await res.arrayBuffer();
        if (published > 0 && res.headers.get('x-tongban-version') === '2') servedAfter = performance.now() - published;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 300));
    const v2 = { ...config, standard: { ...config.standard, name: `${config.standard.name}（第二版）` } };
    await publishSigned(settings, v2, 2);
    published = performance.now();
    await poller;
    if (servedAfter === 0) throw new Error(`${config.code} v2 not served within 10 s`);
    propagation.push(servedAfter);
  }
  await runtime.stop();
  rmSync(settings.dataDir, { recursive: true, force: true });
  const sorted = [...propagation].sort((a, b) => a - b);
  return [
    `Runtime process: ${ENTRY === 'built' ? 'dist/server/runtime.mjs on node, as shipped' : 'runtime-child.ts through tsx (BENCH_RUNTIME=source)'}${[...SHIPPED_NODE_ARGS, ...NODE_ARGS].length ? `, node ${[...SHIPPED_NODE_ARGS, ...NODE_ARGS].join(' ')}` : ''}; ${restarts.length} restart(s), median (range).`,
    '',
    '| 150 generated items (30 fields, 20 rules, no two forms alike) + the sample catalogue, one runtime process | restart (ms from spawn) | first start of the installation (ms from spawn) |',
    '|---|---:|---:|',
    `| listening (health answers) | ${listening.toFixed(0)}${spread('listening')} | ${fresh.listening.toFixed(0)} |`,
    `| first correct decision | ${firstMs.toFixed(0)}${spread('first')} | ${fresh.first.toFixed(0)} |`,
    `| a correct decision on every one of the 150 items (10 at a time) | **${allMs.toFixed(0)}**${spread('all')} | ${fresh.all.toFixed(0)} |`,
    `| the same, after listening | **${median(restarts.map((r) => r.all - r.listening)).toFixed(0)}** | ${(fresh.all - fresh.listening).toFixed(0)} |`,
    `| bare Express process: first answer | ${bareMs.toFixed(0)} | |`,
    '',
    `RSS with 150 items compiled and decided: **${rss.toFixed(0)} MiB**${spread('rss')} after a restart, ${fresh.rss.toFixed(0)} MiB after the first start.`,
    '',
    `Propagation (new version published in the store → served to a window asking every 5 ms), 5 items: median ${(sorted[2] ?? 0).toFixed(0)} ms, max ${(sorted[4] ?? 0).toFixed(0)} ms.`,
  ];
}

/** In process: where a runtime's first decision on an item spends its time (store read, hash and signature check, compile). */
async function coldStart(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-cold-'));
  const file = join(dir, 'tongban.db');
  const store = openSqliteStore({ file });
  const items = coldItems();
  for (const { config } of items) {
    await store.upsertItem({ code: config.code, name: config.standard.name, department: 'bench', createdAt: new Date().toISOString() });
    await store.putClaim({ division: '150102', code: config.code, follow: 'latest', local: {}, claimedAt: 'bench', claimedBy: 'bench', updatedAt: 'bench', updatedBy: 'bench' });
    const version: VersionRecord = { code: config.code, version: 1, hash: contentHash(config), baseVersion: null, publishedAt: new Date().toISOString(), publishedBy: 'bench', author: 'bench', reviewer: null, reason: 'bench', legalBasis: 'bench', changeKind: 'establish', config };
    await store.insertVersion({ ...version, signature: signVersion(version, ephemeralProcessSigning().signer) });
  }
  const reader = openSqliteReader({ file });
  const p = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)] ?? 0;
  /** First and second decision on every item through one PublishedConfigs. */
  const measure = async (configs: PublishedConfigs) => {
    const first: number[] = [];
    const warm: number[] = [];
    for (const { config, input } of items) {
      const t0 = performance.now();
      await evaluateCompiled(await configs.inForce(config.code, '150102'), input, CONTEXT);
      first.push(performance.now() - t0);
    }
    for (const { config, input } of items) {
      const t0 = performance.now();
      await evaluateCompiled(await configs.inForce(config.code, '150102'), input, CONTEXT);
      warm.push(performance.now() - t0);
    }
    return { first, warm };
  };
  const trustedKeys = ephemeralProcessSigning().trustedKeys;
  const core = await measure(new PublishedConfigs(reader, { trustedKeys }));
  // As a runtime process runs it: node:crypto checks and validator code generated by an earlier start.
  const codeDir = join(dir, 'validator-code');
  const native = { verifyStatement: nativeStatementVerifier, hashConfig: nativeContentHash };
  const firstStartFiles = new ValidatorCodeFiles(codeDir);
  const firstStart = formValidatorCompiler({ hash: nativeSha256Hex, store: firstStartFiles });
  const generating = await measure(new PublishedConfigs(reader, { trustedKeys, ...native, compileForm: firstStart }));
  // What the first start leaves (the code and V8's compiled code of it), read from another directory:
  // under the same file names V8 would reuse this process's own compilation instead of the files.
  firstStartFiles.flushCodeCaches();
  const restartDir = join(dir, 'validator-code-restart');
  cpSync(codeDir, restartDir, { recursive: true });
  const restart = formValidatorCompiler({ hash: nativeSha256Hex, store: new ValidatorCodeFiles(restartDir) });
  const runtime = new PublishedConfigs(reader, { trustedKeys, ...native, compileForm: restart });
  const loading = await measure(runtime);
  await reader.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const row = (label: string, values: number[]) => `| ${label} | ${p(values, 0.5).toFixed(2)} | ${p(values, 0.99).toFixed(2)} | ${sum(values).toFixed(0)} |`;
  return [
    '| 150 items (30 fields, 20 rules each, no two forms alike) | p50 (ms) | p99 (ms) | total (ms) |',
    '|---|---:|---:|---:|',
    row('first decision per item, core defaults (store read + pure-JS hash and signature check + ajv compile + evaluate)', core.first),
    row('first decision per item, as a runtime\'s first start (node:crypto checks, ajv compile, code written)', generating.first),
    row('first decision per item, as a runtime\'s restart (node:crypto checks, validator code loaded)', loading.first),
    row('second decision per item (compiled, cached)', loading.warm),
    `| first / second (p50), restart | ${(p(loading.first, 0.5) / p(loading.warm, 0.5)).toFixed(1)}× | | |`,
    `Compilations: ${runtime.compilations} for 300 decisions (one per version); form validators on restart: ${restart.counts.loaded} loaded, ${restart.counts.compiled} compiled.`,
  ];
}

const samples: Case[] = loadSampleCatalogue()
  .filter((config) => config.standard.channel === 'comprehensive-window')
  .map((config) => {
    const example = config.examples.find((e) => e.expect.outcome === 'accept') ?? config.examples[0];
    const { division: _d, channel: _c, ...input } = example?.input ?? { scenario: '', formData: {}, materials: [] };
    return { name: config.code, config, input: { ...input, date: input.date ?? '2025-06-01' } as Case['input'] };
  });
const generated = generatedItem();
const cases: Case[] = [...samples, { name: 'generated 30 fields / 20 rules', config: generated.config, input: generated.input }];

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`# Tongban benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpu}\n`);
console.log(`${QUICK ? 'Quick mode (--quick): shorter runs, one round, a reduced differential corpus.' : 'Full run (npm run bench -- --quick for a shorter one).'}\n`);
const sections = new Set((process.env.BENCH_SECTIONS ?? 'a,b,c,d,e,f,g').split(',').map((s) => s.trim()));
if (ENTRY === 'built' && ['b', 'c', 'e'].some((s) => sections.has(s))) await buildBenchProcesses();
if (sections.has('a')) {
  console.log('## (a) In-process decisions\n');
  console.log((await inProcess(cases)).join('\n'));
  console.log(`\n${(await ruleEvaluatorTable(ruleBenchCases())).join('\n')}`);
}

if (sections.has('b') || sections.has('e')) {
  console.log('\n## (b) HTTP: the runtime as shipped vs bare Express\n');
  const httpSettings = benchSettings('http');
  await seedInstallation(httpSettings, [generated.config]);
  const runtime = await startRuntime(httpSettings, join(httpSettings.dataDir, 'runtime.log'), {}, NODE_ARGS, ENTRY);
  const bare = await startBare(ENTRY);
  try {
    console.log((await http(httpSettings, runtime, bare, [cases[0] as Case, cases[cases.length - 1] as Case])).lines.join('\n'));
  } finally {
    await bare.stop();
    await runtime.stop();
  }
  console.log('\n## (e) Decision log\n');
  console.log((await decisionLogBytes(httpSettings)).join('\n'));
  rmSync(httpSettings.dataDir, { recursive: true, force: true });
}

if (sections.has('c')) {
  console.log('\n## (c) Cold start, memory and propagation\n');
  console.log((await coldStartShipped()).join('\n'));
  console.log('\nIn process, the first decision per item vs the second:\n');
  console.log((await coldStart()).join('\n'));
}

const differentialCases = Number(process.env.BENCH_DIFFERENTIAL_CASES ?? (QUICK ? 10_000 : 100_000));
if (sections.has('d') && differentialCases > 0) {
  console.log('\n## (d) Compiled rules vs the json-rules-engine reference (differential)\n');
  const { lines, counts } = await differential(differentialCases);
  console.log(lines.join('\n'));
  if (counts.mismatchCount > 0) process.exitCode = 1;
}

if (sections.has('f')) {
  console.log('\n## (f) Case supervision at scale\n');
  await caseListingBench((line) => console.log(line));
}

if (sections.has('g')) {
  console.log('\n## (g) Designer speed: keystroke to next paint (chromium)\n');
  console.log((await designerSpeedBench({ quick: QUICK })).join('\n'));
}
