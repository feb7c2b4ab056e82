import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { expectPublicationsSurviveKills } from './publish-kill.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tongban-kill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('SQLite: kill -9 during publications never leaves a version without its audit event or the reverse', async () => {
  const versions = await expectPublicationsSurviveKills({ dataDir, mongodbDatabase: 'unused' }, 5);
  expect(versions).toBeGreaterThan(1);
}, 60_000);
