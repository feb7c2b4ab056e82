import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Suites that talk to a MongoDB server: only their project starts FerretDB (global setup).
const mongoSuites = [
  'test/**/*.mongodb.test.ts',
  'test/store-contract/mongodb*.test.ts',
  'test/decision-log/mongodb.test.ts',
  'test/mongo-server.test.ts',
];
const browserSuites = ['test/browser/**/*.test.ts'];
// Pure suites under test/: no store file, no server, no child process.
const unitSuitesUnderTest = [
  'test/architecture/**/*.test.ts',
  'test/catalogue/csv.test.ts',
  'test/decision-log/ids.test.ts',
];

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    // Two cores: keep file-level parallelism modest so FerretDB and SQLite suites do not starve each other.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'engine/**/*.test.ts',
            'standards/**/*.test.ts',
            'runtime/web/src/**/*.test.ts',
            'designer/web/src/**/*.test.ts',
            ...unitSuitesUnderTest,
          ],
        },
      },
      {
        // Stores on SQLite files, HTTP through supertest, the CLI and `npm start` as child processes.
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts', 'designer/server/**/*.test.ts', 'runtime/server/**/*.test.ts'],
          exclude: [...mongoSuites, ...browserSuites, ...unitSuitesUnderTest],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-mongodb',
          include: mongoSuites,
          globalSetup: [fileURLToPath(new URL('./support/global-setup.ts', import.meta.url))],
        },
      },
      {
        // Debian chromium against the built web apps.
        extends: true,
        test: { name: 'browser', include: browserSuites },
      },
    ],
  },
});
