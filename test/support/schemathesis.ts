// Runs schemathesis (from PyPI, installed by .ci/run into a cached virtual environment) against a
// server's OpenAPI document. Node built-ins only.

import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The version .ci/run installs; the checks below are this version's names. */
export const SCHEMATHESIS_VERSION = '4.32.5';

/** The checks every run makes: no 5xx, every status, media type and body as the document declares. */
export const SCHEMATHESIS_CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'] as const;

const MAX_OUTPUT_CHARS = 256 * 1024;

/** The virtual environment .ci/run creates (TONGBAN_SCHEMATHESIS_VENV overrides). */
export function schemathesisVenv(): string {
  const override = process.env.TONGBAN_SCHEMATHESIS_VENV;
  if (override) return path.resolve(override);
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'tongban', 'schemathesis-venv');
}

/** The schemathesis executable, or the reason there is none (as for FerretDB without Go). */
export async function findSchemathesis(): Promise<{ binary: string } | { missing: string }> {
  const binary = path.join(schemathesisVenv(), 'bin', 'schemathesis');
  try {
    await access(binary, fsConstants.X_OK);
    return { binary };
  } catch {
    return { missing: `schemathesis is not installed at ${binary}; run the "schemathesis" step of .ci/run (python3.11 -m venv + pip install schemathesis==${SCHEMATHESIS_VERSION})` };
  }
}

/** schemathesis.toml (read from the working directory): a dictionary per path parameter, bound with probability 0.5. */
function configToml(pathValues: Record<string, readonly string[]>): string {
  const names = Object.keys(pathValues);
  if (names.length === 0) return '';
  return [
    ...names.flatMap((name) => [`[dictionaries.${name}]`, `values = ${JSON.stringify(pathValues[name])}`, '']),
    '[parameters]',
    ...names.map((name) => `"path.${name}" = { dictionary = "${name}", probability = 0.5 }`),
    '',
  ].join('\n');
}

export interface SchemathesisRun {
  exitCode: number | null;
  output: string;
  /** Operations tested and cases generated, from the closing summary (to prove the run did something). */
  generated: number;
}

/**
 * `schemathesis run` against `schemaUrl` with every request carrying `headers`; bounded by
 * `maxExamples` per operation. Runs in a temporary directory so its example database
 * (.hypothesis) never lands in the work tree.
 */
export async function runSchemathesis(binary: string, schemaUrl: string, { headers, maxExamples, seed, workers = 2, pathValues = {} }: {
  headers: Record<string, string>;
  maxExamples: number;
  seed: number;
  workers?: number;
  /** Real values for path parameters (item codes, divisions), used for half the generated cases so they reach past the 404. */
  pathValues?: Record<string, readonly string[]>;
}): Promise<SchemathesisRun> {
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'tongban-schemathesis-'));
  await writeFile(path.join(cwd, 'schemathesis.toml'), configToml(pathValues));
  const args = [
    'run', schemaUrl,
    '--checks', SCHEMATHESIS_CHECKS.join(','),
    '--max-examples', String(maxExamples),
    '--seed', String(seed),
    '--workers', String(workers),
    '--no-shrink',
    '--request-timeout', '60',
    '--suppress-health-check', 'all',
    ...Object.entries(headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
  ];
  try {
    return await new Promise<SchemathesisRun>((resolve, reject) => {
      // NO_COLOR keeps the output readable in an assertion message.
      const child = spawn(binary, args, { cwd, env: { ...process.env, NO_COLOR: '1', PYTHONIOENCODING: 'utf-8' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      const append = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.length > MAX_OUTPUT_CHARS) output = output.slice(output.length - MAX_OUTPUT_CHARS);
      };
      child.stdout.on('data', append);
      child.stderr.on('data', append);
      child.on('error', reject);
      child.on('close', (exitCode) => {
        const generated = Number(/(\d+) generated/.exec(output)?.[1] ?? 0);
        resolve({ exitCode, output, generated });
      });
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
