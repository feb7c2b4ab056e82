/**
 * `npm run bench`: Tongban's costs as ratios against baselines measured in the same run on the
 * same machine (never as absolute pass/fail thresholds).
 *   (a) in-process decisions/s: our evaluator vs a raw ajv + json-rules-engine loop over the same
 *       schema and rules, on the seeded items and on a generated 30-field / 20-rule item;
 *   (b) HTTP evaluate requests/s and p50/p99 latency vs a bare Express endpoint that parses the
 *       same JSON body and returns a constant, same client and concurrency;
 *   (c) cold start: time to the first decision for each of 150 generated items;
 *   (d) the differential corpus: compiled rules vs the json-rules-engine reference on ≥ 100,000
 *       applications (BENCH_DIFFERENTIAL_CASES=0 skips it).
 * Section (a) also prints the rules alone: compiled vs raw json-rules-engine, µs per decision.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { contentHash, type ItemConfig, compileConfig, evaluateCompiled, addFieldFormats, operatorDefinitions, resolveFactPath } from '../../engine/core/index.js';
import { openSqliteReader, openSqliteStore } from '../../engine/adapters/sqlite/index.js';
import { PublishedConfigs } from '../../runtime/server/published-configs.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { differential } from './differential.js';
import { generatedItem } from './generated-item.js';
import { ruleBenchCases, ruleEvaluatorTable } from './rule-evaluators.js';

const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
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

function startServer(mode: 'bare' | 'runtime'): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./http-server.ts', import.meta.url).pathname, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /LISTENING (\d+)/.exec(chunk.toString());
      if (match) resolve({ port: Number(match[1]), stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`bench server ${mode} exited with ${code}`)));
  });
}

async function load(url: string, body: string, concurrency: number, ms: number): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await res.arrayBuffer();
      if (res.status !== 200) errors++;
      latencies.push(performance.now() - t0);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - start;
  const sorted = latencies.sort((a, b) => a - b);
  return { rps: (latencies.length * 1000) / elapsed, p50: sorted[Math.floor(sorted.length * 0.5)] ?? 0, p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0, errors };
}

async function http(cases: Case[]): Promise<string[]> {
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
  const ms = Number(process.env.BENCH_HTTP_MS ?? 4000);
  const bare = await startServer('bare');
  const runtime = await startServer('runtime');
  const lines = [`Concurrency ${concurrency}, ${ms} ms per round, ${ROUNDS} interleaved rounds (median), one keep-alive fetch client in this process.`, '', '| item | ours req/s | bare req/s | ours / bare | ours p50 / p99 (ms) | bare p50 / p99 (ms) |', '|---|---:|---:|---:|---:|---:|'];
  try {
    for (const c of cases) {
      const body = JSON.stringify(c.input);
      const path = `/api/runtime/150102/items/${c.config.code}/evaluate`;
      const ours: Awaited<ReturnType<typeof load>>[] = [];
      const base: Awaited<ReturnType<typeof load>>[] = [];
      await load(`http://127.0.0.1:${runtime.port}${path}`, body, concurrency, 500);
      await load(`http://127.0.0.1:${bare.port}${path}`, body, concurrency, 500);
      for (let r = 0; r < ROUNDS; r++) {
        base.push(await load(`http://127.0.0.1:${bare.port}${path}`, body, concurrency, ms));
        ours.push(await load(`http://127.0.0.1:${runtime.port}${path}`, body, concurrency, ms));
      }
      const pick = (runs: typeof ours) => runs.sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)] as (typeof ours)[number];
      const o = pick(ours);
      const b = pick(base);
      if (o.errors > 0) throw new Error(`${o.errors} failed requests on ${c.name}`);
      lines.push(`| ${c.name} | ${o.rps.toFixed(0)} | ${b.rps.toFixed(0)} | ${(o.rps / b.rps).toFixed(2)} | ${o.p50.toFixed(1)} / ${o.p99.toFixed(1)} | ${b.p50.toFixed(1)} / ${b.p99.toFixed(1)} |`);
    }
  } finally {
    bare.stop();
    runtime.stop();
  }
  return lines;
}

async function coldStart(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-cold-'));
  const file = join(dir, 'tongban.db');
  const store = openSqliteStore({ file });
  const items = Array.from({ length: 150 }, (_, i) => generatedItem(`COLD-${String(i).padStart(3, '0')}`));
  for (const { config } of items) {
    await store.upsertItem({ code: config.code, name: config.standard.name, department: 'bench', createdAt: new Date().toISOString() });
    await store.putClaim({ division: '150102', code: config.code, follow: 'latest', local: {}, claimedAt: 'bench', claimedBy: 'bench', updatedAt: 'bench', updatedBy: 'bench' });
    await store.insertVersion({ code: config.code, version: 1, hash: contentHash(config), baseVersion: null, publishedAt: new Date().toISOString(), publishedBy: 'bench', author: 'bench', reviewer: null, reason: 'bench', legalBasis: 'bench', changeKind: 'establish', config });
  }
  const reader = openSqliteReader({ file });
  const configs = new PublishedConfigs(reader);
  const first: number[] = [];
  const warm: number[] = [];
  const startAll = performance.now();
  for (const { config, input } of items) {
    const t0 = performance.now();
    await evaluateCompiled(await configs.inForce(config.code, '150102'), input, CONTEXT);
    first.push(performance.now() - t0);
  }
  const total = performance.now() - startAll;
  for (const { config, input } of items) {
    const t0 = performance.now();
    await evaluateCompiled(await configs.inForce(config.code, '150102'), input, CONTEXT);
    warm.push(performance.now() - t0);
  }
  await reader.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const p = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)] ?? 0;
  return [
    '| 150 items (30 fields, 20 rules each) | p50 (ms) | p99 (ms) | total (ms) |',
    '|---|---:|---:|---:|',
    `| first decision per item (store read + hash check + compile + evaluate) | ${p(first, 0.5).toFixed(2)} | ${p(first, 0.99).toFixed(2)} | ${total.toFixed(0)} |`,
    `| second decision per item (compiled, cached) | ${p(warm, 0.5).toFixed(2)} | ${p(warm, 0.99).toFixed(2)} | ${warm.reduce((a, b) => a + b, 0).toFixed(0)} |`,
    `| first / second (p50) | ${(p(first, 0.5) / p(warm, 0.5)).toFixed(1)}× | | |`,
    `Compilations: ${configs.compilations} for 300 decisions (one per version).`,
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
console.log('## (a) In-process decisions\n');
console.log((await inProcess(cases)).join('\n'));
console.log(`\n${(await ruleEvaluatorTable(ruleBenchCases())).join('\n')}`);
console.log('\n## (b) HTTP evaluate vs bare Express\n');
console.log((await http([cases[0] as Case, cases[cases.length - 1] as Case])).join('\n'));
console.log('\n## (c) Cold start\n');
console.log((await coldStart()).join('\n'));
const differentialCases = Number(process.env.BENCH_DIFFERENTIAL_CASES ?? 100_000);
if (differentialCases > 0) {
  console.log('\n## (d) Compiled rules vs the json-rules-engine reference (differential)\n');
  const { lines, counts } = await differential(differentialCases);
  console.log(lines.join('\n'));
  if (counts.mismatchCount > 0) process.exitCode = 1;
}
