/**
 * The load generator: autocannon in its own process (two cores here: the client must not share
 * an event loop with either server), and the CPU a server process spent, from /proc.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export interface LoadResult {
  rps: number;
  requests: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failures: number;
  /** CPU seconds the server process used during the run (user + system, all its threads). */
  serverCpuSeconds: number;
}

export interface LoadOptions {
  /** A window's bearer token: signed-in evaluations are the ones the decision log records. */
  token?: string;
  url: string;
  body: string;
  connections: number;
  seconds: number;
  /** Requests per second for the whole run (paced, autocannon -R); unpaced when absent. */
  rate?: number;
  /** The server's pid, for its CPU time. */
  pid?: number;
}

/** Clock ticks (user + system) a process has used so far; 0 when /proc is not there. */
function cpuTicks(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

const TICKS_PER_SECOND = 100;

export async function autocannon({ url, body, connections, seconds, rate, pid, token }: LoadOptions): Promise<LoadResult> {
  const args = [AUTOCANNON, '-j', '-n', '-c', String(connections), '-d', String(seconds), '-m', 'POST', '-H', 'content-type=application/json',
    // As a browser asks: the servers' compression is negotiated on every request, as in use.
    '-H', 'accept-encoding=gzip, deflate, br', ...(token ? ['-H', `authorization=Bearer ${token}`] : []), '-b', body, ...(rate ? ['-R', String(rate)] : []), url];
  const before = cpuTicks(pid);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const after = cpuTicks(pid);
  if (code !== 0) throw new Error(`autocannon exited with ${code}: ${err}`);
  const result = JSON.parse(out) as { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number; '2xx': number };
  return {
    rps: result.requests.average,
    requests: result['2xx'] + result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    serverCpuSeconds: (after - before) / TICKS_PER_SECOND,
  };
}

/** Resident set size of a process in MiB, from /proc (0 when unavailable). */
export function rssMiB(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
