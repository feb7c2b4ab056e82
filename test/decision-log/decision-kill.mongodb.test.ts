import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { expectAnsweredDecisionsSurviveKills } from './decision-kill.js';

const uri = inject('mongoUri') ?? '';
const skipReason = inject('mongoSkipReason') ?? 'global setup did not provide mongoUri';
const dataDir = mkdtempSync(join(tmpdir(), 'tongban-decision-kill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

if (!uri) {
  it('MongoDB decision kill test: needs a MongoDB server', () => {
    console.warn(`[decision-kill.mongodb.test] no MongoDB server: ${skipReason}`);
    expect(process.env.CI, `a MongoDB server is required under CI: ${skipReason}`).not.toBe('true');
  });
} else {
  it('MongoDB: after kill -9 under load, every decision the runtime answered with is in the log', async () => {
    const database = `tongban_decision_kill_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const checked = await expectAnsweredDecisionsSurviveKills({ dataDir, mongodbUri: uri, mongodbDatabase: database }, 2);
    expect(checked).toBeGreaterThanOrEqual(400);
  }, 300_000);
}
