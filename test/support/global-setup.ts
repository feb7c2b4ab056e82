// Vitest global setup: provides `mongoUri` (and `mongoSkipReason`) to all tests.
//
// - MONGODB_URI set: use that server, start nothing.
// - otherwise: build (once, cached) and start FerretDB+SQLite from test/mongo-server.
// - if that fails: under CI (CI=true) the run fails; locally MongoDB tests are told why
//   there is no server via `mongoSkipReason` and a one-line warning is printed.

import type { TestProject } from 'vitest/node';
import { ensureFerretBinary, startMongoServer } from './mongo-server.js';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.MONGODB_URI;
  if (external) {
    project.provide('mongoUri', external);
    project.provide('mongoSkipReason', '');
    return undefined;
  }

  try {
    const binary = await ensureFerretBinary();
    const server = await startMongoServer({ binary });
    project.provide('mongoUri', server.uri);
    project.provide('mongoSkipReason', '');
    return async () => {
      await server.stop();
    };
  } catch (err) {
    if (process.env.CI === 'true') throw err;
    const message = err instanceof Error ? err.message : String(err);
    const firstLine = message.split('\n', 1)[0] ?? message;
    project.provide('mongoUri', '');
    project.provide('mongoSkipReason', message);
    console.warn(`[tongban] MongoDB tests skipped: no FerretDB server (${firstLine}); set MONGODB_URI or install Go.`);
    return undefined;
  }
}
