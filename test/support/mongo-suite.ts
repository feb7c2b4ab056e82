import { expect, inject, it } from 'vitest';

/**
 * Registers a MongoDB suite against the server of the global setup. Without a server nothing is
 * skipped: one test says why, and fails under CI where a server is required.
 */
export function onMongo(name: string, register: (uri: string) => void): void {
  const uri = inject('mongoUri') ?? '';
  const skipReason = inject('mongoSkipReason') ?? 'global setup did not provide mongoUri';
  if (uri) {
    register(uri);
    return;
  }
  it(`${name}: needs a MongoDB server`, () => {
    console.warn(`[${name}] no MongoDB server: ${skipReason}`);
    expect(process.env.CI, `a MongoDB server is required under CI: ${skipReason}`).not.toBe('true');
  });
}
