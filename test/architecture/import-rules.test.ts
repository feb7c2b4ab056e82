import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeViolations, findImportViolations, type ImportViolation } from './import-rules.js';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const plantedTree = fileURLToPath(new URL('./fixtures/planted', import.meta.url));

const withoutVia = ({ rule, from, to }: ImportViolation) => ({ rule, from, to });

describe('import rules of the layers (DESIGN.md §4)', () => {
  it('hold for engine/, designer/, runtime/ and standards/', async () => {
    const violations = await findImportViolations(repository);
    expect(violations, `import rules broken:\n${describeViolations(violations)}`).toEqual([]);
  });

  it('catch one planted violation of each rule, and nothing that is allowed', async () => {
    const violations = await findImportViolations(plantedTree);
    expect(violations.map(withoutVia)).toEqual([
      { rule: 'adapters-import-outside-core-ports-drivers', from: 'engine/adapters/sqlite/index.ts', to: 'engine/http-kit/index.ts' },
      { rule: 'core-imports-node', from: 'engine/core/decision/reads-file.ts', to: 'fs' },
      { rule: 'core-imports-outside-allow-list', from: 'engine/core/form/serves.ts', to: '../../../../node_modules/express/index.js' },
      { rule: 'core-imports-outside-allow-list', from: 'engine/core/rules/uses-test-helper.ts', to: 'test/helper.ts' },
      { rule: 'core-uses-node-global', from: 'engine/core/decision/reads-env.ts:2', to: 'process.' },
      { rule: 'designer-imports-runtime-internals', from: 'designer/server/index.ts', to: 'runtime/server/routes.ts' },
      { rule: 'engine-folder-cycle', from: 'engine/core/access', to: 'engine/core/audit → engine/core/access' },
      { rule: 'engine-imports-apps-or-tests', from: 'engine/core/rules/uses-test-helper.ts', to: 'test/helper.ts' },
      { rule: 'engine-internals-from-outside', from: 'designer/server/index.ts', to: 'engine/core/decision/reads-file.ts' },
      { rule: 'http-kit-imports-adapters-or-outside', from: 'engine/http-kit/index.ts', to: 'engine/adapters/mongodb/index.ts' },
      { rule: 'module-cycle', from: 'engine/core/codes/left.ts', to: 'engine/core/codes/right.ts → engine/core/codes/left.ts' },
      { rule: 'ports-import-upwards', from: 'engine/ports/store/index.ts', to: 'engine/services/items/index.ts' },
      { rule: 'runtime-imports-designer', from: 'runtime/server/index.ts', to: 'designer/server/index.ts' },
      { rule: 'services-import-outside-core-ports', from: 'engine/services/items/index.ts', to: 'engine/adapters/sqlite/index.ts' },
      { rule: 'web-app-imports-outside-entries', from: 'runtime/web/src/App.tsx', to: 'engine/services/index.ts' },
      { rule: 'web-kit-imports-outside-core-entry', from: 'engine/web-kit/index.ts', to: 'engine/core/decision/reads-env.ts' },
    ]);
  });

  it('say which rule is broken, why, and by which import', async () => {
    const message = describeViolations(await findImportViolations(plantedTree));
    expect(message).toContain(
      'services-import-outside-core-ports: engine/services imports only engine/core, engine/ports, engine/services',
    );
    expect(message).toContain('  engine/services/items/index.ts → engine/adapters/sqlite/index.ts');
    expect(message).toContain(
      '  engine/core/access → engine/core/audit → engine/core/access (via engine/core/access/role.ts → engine/core/audit/event.ts; engine/core/audit/log.ts → engine/core/access/check.ts)',
    );
  });
});
