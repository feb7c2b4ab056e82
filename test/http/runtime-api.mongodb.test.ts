import { expect, inject, it } from 'vitest';
import { mongoInstallation } from '../support/installation.js';
import { describeRuntimeApi } from './runtime-api.js';

const uri = inject('mongoUri') ?? '';
const skipReason = inject('mongoSkipReason') ?? 'global setup did not provide mongoUri';

if (!uri) {
  it('runtime API on mongodb: needs a MongoDB server', () => {
    console.warn(`[runtime-api.mongodb] no MongoDB server: ${skipReason}`);
    expect(process.env.CI, `a MongoDB server is required under CI: ${skipReason}`).not.toBe('true');
  });
} else {
  describeRuntimeApi('mongodb', mongoInstallation(uri));
}
