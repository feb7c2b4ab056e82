import { isKnownLocality } from '../divisions/index.js';
import type { ItemConfig } from './types.js';
import { asList, asRecord } from './lenient-config.js';
import type { ProblemList } from './problem-list.js';

/** Examples must name scenarios and materials that exist, or they test nothing. Read leniently (see lenientConfig). */
export function checkExamples(config: ItemConfig, problems: ProblemList): void {
  const standard = asRecord(config.standard);
  const ids = (list: unknown) => new Set(asList(list).map((entry) => asRecord(entry).id).filter((id): id is string => typeof id === 'string'));
  const scenarios = ids(standard.scenarios);
  const materials = ids(standard.materials);
  const rules = new Set(asList(config.rules).map((rule) => asRecord(rule).name).filter((name): name is string => typeof name === 'string'));
  const names = new Set<string>();
  asList(config.examples).forEach((raw, i) => {
    const base = `/examples/${i}`;
    const example = asRecord(raw);
    const input = asRecord(example.input);
    const expected = asRecord(example.expect);
    if (typeof example.name === 'string') {
      if (names.has(example.name)) problems.add(`${base}/name`, 'example.duplicate-name', { key: 'core.config.examples.duplicateName', values: { name: example.name } });
      names.add(example.name);
    }
    if (typeof input.scenario === 'string' && !scenarios.has(input.scenario)) {
      problems.add(`${base}/input/scenario`, 'example.unknown-scenario', { key: 'core.config.examples.unknownScenario', values: { scenario: input.scenario } });
    }
    asList(input.materials).forEach((id, j) => {
      if (typeof id === 'string' && !materials.has(id)) problems.add(`${base}/input/materials/${j}`, 'example.unknown-material', { key: 'core.config.examples.unknownMaterial', values: { id } });
    });
    asList(expected.missingMaterials).forEach((id, j) => {
      if (typeof id === 'string' && !materials.has(id)) problems.add(`${base}/expect/missingMaterials/${j}`, 'example.unknown-material', { key: 'core.config.examples.unknownMissingMaterial', values: { id } });
    });
    asList(expected.firedRules).forEach((name, j) => {
      if (typeof name === 'string' && !rules.has(name)) problems.add(`${base}/expect/firedRules/${j}`, 'example.unknown-rule', { key: 'core.config.examples.unknownRule', values: { name } });
    });
    if (typeof input.division === 'string' && !isKnownLocality(input.division)) {
      problems.add(`${base}/input/division`, 'example.unknown-division', { key: 'core.decision.input.division', values: { division: input.division } });
    }
  });
}
