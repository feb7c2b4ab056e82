import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['engine/**/*.test.ts', 'designer/**/*.test.ts', 'runtime/**/*.test.ts', 'standards/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: [fileURLToPath(new URL('./support/global-setup.ts', import.meta.url))],
    // Two cores: keep file-level parallelism modest so FerretDB and SQLite suites do not starve each other.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
