// The import rules of the layers of DESIGN.md §4, checked with dependency-cruiser.
//
// This module is the dependency-cruiser configuration (the rule set below) plus the two checks
// dependency-cruiser cannot express: cycles between engine folders (a folder = engine/<layer>/<module>,
// even when no single module is part of a cycle) and Node globals in core sources.
// `import-rules.test.ts` runs it over the repository and over a planted fixture tree.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';

/** Packages the core may import: all of them run unchanged in a browser. */
const corePackages = ['ajv', 'ajv-formats', 'ajv-i18n', 'json-rules-engine', 're2js', '@noble/[^/]+'];
const drivers = ['better-sqlite3', 'mongodb'];
const webPackages = ['react', 'react-dom', '@rjsf/[^/]+'];

/** Package names as a reader writes them (`@noble/*`). */
function shown(names: string[]): string {
  return names.map((name) => name.replace('[^/]+', '*')).join(', ');
}

/** A resolved path inside node_modules for one of these packages (the fixture tree resolves upwards, hence no ^). */
function packagePath(names: string[]): string {
  return `(^|/)node_modules/(${names.join('|')})/`;
}

/**
 * Packages that dependency-cruiser could not resolve keep their bare name (the @rjsf packages offer
 * only conditional exports), so a web package matches either form.
 */
function packageOrBareName(names: string[]): string {
  return `(${packagePath(names)}|^(${names.join('|')})(/|$))`;
}

const testFile = '\\.test\\.tsx?$';
const webApp = '^(designer|runtime)/web/';
const viteConfig = '^(designer|runtime)/web/vite\\.config\\.ts$';

export const importRules: IForbiddenRuleType[] = [
  {
    name: 'core-imports-node',
    comment: 'engine/core is bundled by both web apps: no Node built-in module',
    severity: 'error',
    from: { path: '^engine/core/', pathNot: [testFile] },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'core-imports-outside-allow-list',
    comment: `engine/core imports only engine/core, standards/**/*.json and ${shown(corePackages)}`,
    severity: 'error',
    from: { path: '^engine/core/', pathNot: [testFile] },
    to: {
      dependencyTypesNot: ['core'],
      pathNot: [`^engine/core/`, `^standards/.+\\.json$`, packagePath(corePackages)],
    },
  },
  {
    name: 'ports-import-upwards',
    comment: 'engine/ports imports only engine/core, engine/ports and Node built-ins',
    severity: 'error',
    from: { path: '^engine/ports/', pathNot: [testFile] },
    to: { dependencyTypesNot: ['core'], pathNot: ['^engine/(core|ports)/'] },
  },
  {
    name: 'services-import-outside-core-ports',
    comment: `engine/services imports only engine/core, engine/ports, engine/services and the core's packages (${shown(corePackages)}): never an adapter, the HTTP kit, express, a driver or a Node built-in`,
    severity: 'error',
    from: { path: '^engine/services/', pathNot: [testFile] },
    to: { pathNot: ['^engine/(core|ports|services)/', packagePath(corePackages)] },
  },
  {
    name: 'adapters-import-outside-core-ports-drivers',
    comment: `engine/adapters imports only engine/core, engine/ports, engine/adapters, ${shown(drivers)} and Node built-ins (never services, the HTTP kit or express)`,
    severity: 'error',
    from: { path: '^engine/adapters/', pathNot: [testFile] },
    to: { dependencyTypesNot: ['core'], pathNot: ['^engine/(core|ports|adapters)/', packagePath([...drivers, 'bson'])] },
  },
  {
    name: 'http-kit-imports-adapters-or-outside',
    comment: 'engine/http-kit imports only engine/core, engine/ports, engine/services, engine/http-kit, express (and ajv for its body schemas; helmet, compression (and negotiator, which it negotiates with) and express-rate-limit for its edge) and Node built-ins (never an adapter)',
    severity: 'error',
    from: { path: '^engine/http-kit/', pathNot: [testFile] },
    to: {
      dependencyTypesNot: ['core'],
      pathNot: ['^engine/(core|ports|services|http-kit)/', packagePath(['express', 'ajv', 'ajv-formats', 'helmet', 'compression', 'negotiator', 'express-rate-limit'])],
    },
  },
  {
    name: 'web-kit-imports-outside-core-entry',
    comment: `engine/web-kit runs in the browser: it imports only engine/core/index.ts, engine/web-kit and ${shown(webPackages)}`,
    severity: 'error',
    from: { path: '^engine/web-kit/', pathNot: [testFile] },
    to: { pathNot: ['^engine/core/index\\.ts$', '^engine/web-kit/', packageOrBareName(webPackages)] },
  },
  {
    name: 'web-app-imports-outside-entries',
    comment: `a web app imports only its own files, engine/core/index.ts, engine/web-kit/index.ts and ${shown(webPackages)}`,
    severity: 'error',
    from: { path: '^(designer|runtime)/web/', pathNot: [viteConfig, testFile] },
    to: {
      pathNot: ['^$1/web/', '^engine/(core|web-kit)/index\\.ts$', packageOrBareName(webPackages)],
    },
  },
  {
    name: 'runtime-imports-designer',
    comment: 'the runtime (league/banner side) never depends on the designer (region side)',
    severity: 'error',
    from: { path: '^runtime/' },
    to: { path: '^designer/' },
  },
  {
    name: 'designer-imports-runtime-internals',
    comment: 'the designer reaches the runtime only through its public factory runtime/server/index.ts',
    severity: 'error',
    from: { path: '^designer/', pathNot: [testFile] },
    to: { path: '^runtime/', pathNot: ['^runtime/server/index\\.ts$'] },
  },
  {
    name: 'engine-internals-from-outside',
    comment: 'code outside engine imports engine only through engine/<layer>/index.ts and engine/adapters/<driver>/index.ts',
    severity: 'error',
    from: { path: '^(designer|runtime|standards)/', pathNot: [testFile] },
    to: { path: '^engine/', pathNot: ['^engine/[^/]+/index\\.ts$', '^engine/adapters/[^/]+/index\\.ts$'] },
  },
  {
    name: 'engine-imports-apps-or-tests',
    comment: 'engine code never imports designer/, runtime/ or test/ (only *.test.ts files may)',
    severity: 'error',
    from: { path: '^engine/', pathNot: [testFile] },
    to: { path: '^(designer|runtime|test)/' },
  },
  {
    name: 'unresolved-relative-import',
    comment: 'every relative import resolves (else the rules above could not see where it points)',
    severity: 'error',
    from: {},
    to: { couldNotResolve: true, path: '^\\.' },
  },
  {
    name: 'module-cycle',
    comment: 'no cycle of runtime imports between engine modules',
    severity: 'error',
    from: { path: '^engine/' },
    to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
  },
];

export interface ImportViolation {
  rule: string;
  from: string;
  to: string;
  /** For a cycle: the imports that make it. */
  via?: string;
}

/** The folder a module belongs to for the cycle check: engine/<layer>/<module>; top-level files stand alone. */
export function engineFolder(path: string): string | undefined {
  const match = /^engine\/[^/]+\/[^/]+/.exec(path);
  return match?.[0];
}

/** Runs dependency-cruiser over the layered folders of `root` (a repository or a fixture tree). */
export async function cruiseLayers(root: string): Promise<ICruiseResult> {
  const present = ['engine', 'designer', 'runtime', 'standards'].filter((folder) =>
    readdirSync(root).includes(folder),
  );
  const reported = await cruise(
    present,
    {
      baseDir: root,
      validate: true,
      ruleSet: { forbidden: importRules },
      // Type-only imports are kept (and marked) so that every arrow of the layers is visible.
      tsPreCompilationDeps: true,
      exclude: { path: ['^(designer|runtime)/web/dist/'] },
      doNotFollow: { path: ['(^|/)node_modules/'] },
      // dependency-cruiser resolves NodeNext's './x.js' to './x.ts' itself.
      enhancedResolveOptions: { conditionNames: ['import', 'require', 'node', 'default'] },
    },
  );
  if (typeof reported.output === 'string') throw new Error('dependency-cruiser returned a report, not a result');
  return reported.output;
}

/** Every rule violation of the dependency-cruiser rule set. */
export function ruleViolations(result: ICruiseResult): ImportViolation[] {
  return result.summary.violations.map((violation) =>
    violation.cycle
      ? { rule: violation.rule.name, from: violation.from, to: violation.cycle.map((step) => step.name).join(' → ') }
      : { rule: violation.rule.name, from: violation.from, to: violation.to },
  );
}

/**
 * Cycles between engine folders, each reported once with one import per arrow, e.g.
 * `engine/core/access → engine/core/audit → engine/core/access`. Like the module-cycle rule it follows
 * runtime imports: a type-only import (rules naming the config types they compile) loads nothing.
 */
export function folderCycles(result: ICruiseResult): ImportViolation[] {
  const edges = new Map<string, Map<string, string>>(); // folder → (folder → one example import)
  for (const module of result.modules) {
    const from = engineFolder(module.source);
    if (!from || /\.test\.tsx?$/.test(module.source)) continue;
    for (const dependency of module.dependencies) {
      if (dependency.dependencyTypes.includes('type-only')) continue;
      const to = engineFolder(dependency.resolved);
      if (!to || to === from) continue;
      const targets = edges.get(from) ?? new Map<string, string>();
      if (!targets.has(to)) targets.set(to, `${module.source} → ${dependency.resolved}`);
      edges.set(from, targets);
    }
  }

  // Tarjan's strongly connected components; each component with more than one folder is a cycle.
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (folder: string) => {
    index.set(folder, index.size);
    lowLink.set(folder, index.get(folder)!);
    stack.push(folder);
    onStack.add(folder);
    for (const next of edges.get(folder)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(folder, Math.min(lowLink.get(folder)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(folder, Math.min(lowLink.get(folder)!, index.get(next)!));
      }
    }
    if (lowLink.get(folder) === index.get(folder)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== folder);
      if (component.length > 1) components.push(component);
    }
  };
  for (const folder of [...edges.keys()].sort()) if (!index.has(folder)) visit(folder);

  return components.map((component) => {
    const members = new Set(component);
    const path = shortestCycle(component.sort()[0]!, members, edges);
    const imports = path.slice(0, -1).map((folder, i) => edges.get(folder)!.get(path[i + 1]!)!);
    return {
      rule: 'engine-folder-cycle',
      from: path[0]!,
      to: path.slice(1).join(' → '),
      via: imports.join('; '),
    };
  });
}

/** The shortest cycle through `start` inside one strongly connected component (breadth-first). */
function shortestCycle(start: string, members: Set<string>, edges: Map<string, Map<string, string>>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const folder = queue.shift()!;
    for (const next of edges.get(folder)?.keys() ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let step: string | undefined = folder; step !== undefined && step !== start; step = previous.get(step)) {
          path.splice(1, 0, step);
        }
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, folder);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** Node globals that would type-check under the root tsconfig but break in the browser. */
const nodeGlobal = /(?<![\w.$])(process\.|Buffer\b|require\(|__dirname|__filename)/;

/** Core sources (not tests) that mention a Node global outside comments. */
export function coreNodeGlobals(root: string): ImportViolation[] {
  const violations: ImportViolation[] = [];
  const coreDir = join(root, 'engine', 'core');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        // Comments may name Node globals; blank them out but keep the line numbers.
        const source = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
        source.split('\n').forEach((line, i) => {
          const code = line.replace(/(^|[^:])\/\/.*$/, '$1');
          const found = nodeGlobal.exec(code);
          if (found) {
            violations.push({ rule: 'core-uses-node-global', from: `${relative(root, path)}:${i + 1}`, to: found[1]! });
          }
        });
      }
    }
  };
  try {
    walk(coreDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return violations;
}

/** All import-rule violations under `root`, sorted. */
export async function findImportViolations(root: string): Promise<ImportViolation[]> {
  const result = await cruiseLayers(root);
  return [...ruleViolations(result), ...folderCycles(result), ...coreNodeGlobals(root)].sort((a, b) =>
    `${a.rule} ${a.from} ${a.to}`.localeCompare(`${b.rule} ${b.from} ${b.to}`),
  );
}

const explanations = new Map(importRules.map((rule) => [rule.name, rule.comment]));
explanations.set('engine-folder-cycle', 'no cycle between engine folders (engine/<layer>/<module>)');
explanations.set('core-uses-node-global', 'engine/core runs in the browser: no process, Buffer, require or __dirname');

/** One line per violation, grouped by rule with the rule's reason, for a failing test's message. */
export function describeViolations(violations: ImportViolation[]): string {
  const byRule = new Map<string, ImportViolation[]>();
  for (const violation of violations) byRule.set(violation.rule, [...(byRule.get(violation.rule) ?? []), violation]);
  return [...byRule]
    .map(([rule, list]) =>
      [
        `${rule}: ${explanations.get(rule) ?? ''}`,
        ...list.map((v) => `  ${v.from} → ${v.to}${v.via ? ` (via ${v.via})` : ''}`),
      ].join('\n'),
    )
    .join('\n');
}
