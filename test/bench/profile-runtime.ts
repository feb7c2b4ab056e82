/**
 * `tsx test/bench/profile-runtime.ts [seconds] [connections]`: the runtime as the bench starts it,
 * under autocannon on the generated item's evaluate route, with `node --cpu-prof`; prints the
 * heaviest functions by self time and by package/file, so an optimisation is aimed, not guessed.
 * The runtime is the shipped bundle (PROFILE_ENTRY=source: through tsx). PROFILE_HEAP=1 also writes a heap profile (--heap-prof) next to it.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autocannon } from './load.js';
import { generatedItem } from './generated-item.js';
import { BENCH_DIVISION, BENCH_OPERATOR_TOKEN, buildBenchProcesses, seedInstallation, startRuntime } from './runtime-process.js';

const seconds = Number(process.argv[2] ?? 8);
const connections = Number(process.argv[3] ?? 50);
const dataDir = mkdtempSync(join(tmpdir(), 'tongban-profile-'));
const profDir = join(dataDir, 'prof');
const item = generatedItem();
await buildBenchProcesses();
const settings = { dataDir, mongodbDatabase: `tongban_profile_${Date.now()}` };
await seedInstallation(settings, [item.config]);
const runtime = await startRuntime(settings, join(dataDir, 'runtime.log'), {}, ['--cpu-prof', '--cpu-prof-dir', profDir, ...(process.env.PROFILE_HEAP ? ['--heap-prof', '--heap-prof-dir', profDir] : [])], process.env.PROFILE_ENTRY === 'source' ? 'source' : 'built');
const url = `${runtime.url}/api/runtime/${BENCH_DIVISION}/items/${item.config.code}/evaluate`;
const body = JSON.stringify(item.input);
await autocannon({ url, body, connections, seconds: 1, token: BENCH_OPERATOR_TOKEN });
const result = await autocannon({ url, body, connections, seconds, token: BENCH_OPERATOR_TOKEN, pid: runtime.child.pid });
console.log(`${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, CPU ${((result.serverCpuSeconds * 1e6) / result.requests).toFixed(0)} µs per decision, failures ${result.failures}`);
await runtime.stop();

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
  const t = self.get(node.id) ?? 0;
  const where = node.callFrame.url.replace(/^file:\/\/\/work\/main\//, '').replace(/.*node_modules\//, 'nm:');
  const fn = `${node.callFrame.functionName || '(anon)'} ${where}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + t);
  const pkg = where.startsWith('nm:') ? where.split('/').slice(0, where.startsWith('nm:@') ? 2 : 1).join('/') : where || node.callFrame.functionName;
  byFile.set(pkg, (byFile.get(pkg) ?? 0) + t);
}
// Inclusive time (self + callees) of every function, each sample counted once per function on its stack.
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const inclusive = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)!.callFrame;
    const name = `${frame.functionName || '(anon)'} ${frame.url.replace(/^file:\/\/\/work\/main\//, '').replace(/.*node_modules\//, 'nm:')}:${frame.lineNumber + 1}`;
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
});
const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`).join('\n');
const wanted = (process.env.PROFILE_INCLUSIVE ?? 'record,authenticate,findPrincipalByTokenHash,tokenHash,handler,evaluateCompiled,decide,json,send,compression,parseJsonText,checkRequestBody,inForce,requestLog,finished,secureHeaders,rateLimiter,sealedBodyJson,seal,prepareDecisionRecord,decisionBodyJson,parserOnIncoming,writeHead,end,_flush,emit').split(',');
const inclusiveLines = [...inclusive].filter(([name]) => wanted.includes(name.split(' ')[0] as string)).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`\nInclusive (self + callees) of the functions asked for:\n${inclusiveLines}`);
console.log(`\nBy file/package (self time):\n${top(byFile, 30)}\n\nBy function (self time):\n${top(byFunction, 45)}\n\nProfile: ${join(profDir, file)}`);
