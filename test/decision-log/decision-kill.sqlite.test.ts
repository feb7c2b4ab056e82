import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { expectAnsweredDecisionsSurviveKills } from './decision-kill.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tongban-decision-kill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('SQLite: after kill -9 under load, every decision the runtime answered with is in the log', async () => {
  const checked = await expectAnsweredDecisionsSurviveKills({ dataDir, mongodbDatabase: 'unused' }, 3);
  expect(checked).toBeGreaterThanOrEqual(600);
}, 300_000);
