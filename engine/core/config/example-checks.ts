import { isKnownLocality } from '../divisions/index.js';
import type { ItemConfig } from './types.js';
import type { ProblemList } from './problem-list.js';

/** Examples must name scenarios and materials that exist, or they test nothing. */
export function checkExamples(config: ItemConfig, problems: ProblemList): void {
  const scenarios = new Set(config.standard.scenarios.map((s) => s.id));
  const materials = new Set(config.standard.materials.map((m) => m.id));
  const names = new Set<string>();
  config.examples.forEach((example, i) => {
    const base = `/examples/${i}`;
    if (names.has(example.name)) problems.add(`${base}/name`, 'example.duplicate-name', `样例名称「${example.name}」重复`);
    names.add(example.name);
    if (!scenarios.has(example.input.scenario)) {
      problems.add(`${base}/input/scenario`, 'example.unknown-scenario', `样例使用了不存在的办理情形「${example.input.scenario}」`);
    }
    example.input.materials.forEach((id, j) => {
      if (!materials.has(id)) problems.add(`${base}/input/materials/${j}`, 'example.unknown-material', `样例提交了不存在的材料「${id}」`);
    });
    (example.expect.missingMaterials ?? []).forEach((id, j) => {
      if (!materials.has(id)) problems.add(`${base}/expect/missingMaterials/${j}`, 'example.unknown-material', `预期缺件中有不存在的材料「${id}」`);
    });
    if (example.input.division !== undefined && !isKnownLocality(example.input.division)) {
      problems.add(`${base}/input/division`, 'example.unknown-division', `「${example.input.division}」不是内蒙古自治区的行政区划代码`);
    }
  });
}
