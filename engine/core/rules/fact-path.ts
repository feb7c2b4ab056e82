/**
 * A deliberately small path language for nested fact values: `$.a.b`, `$.list[0].name`.
 * json-rules-engine's default JSONPath is three times slower and can return arrays of matches,
 * which makes "is this value missing?" ambiguous.
 */
export type PathStep = string | number;

const STEP = /\.([A-Za-z_$\u4e00-\u9fff][\w$\u4e00-\u9fff-]*)|\[(\d+)\]/y;
const parsed = new Map<string, PathStep[] | null>();

export function parseFactPath(path: string): PathStep[] | null {
  const cached = parsed.get(path);
  if (cached !== undefined) return cached;
  let steps: PathStep[] | null = null;
  if (path.startsWith('$')) {
    steps = [];
    STEP.lastIndex = 1;
    while (STEP.lastIndex < path.length) {
      const start = STEP.lastIndex;
      const match = STEP.exec(path);
      if (!match || match.index !== start) {
        steps = null;
        break;
      }
      steps.push(match[1] !== undefined ? match[1] : Number(match[2]));
    }
  }
  parsed.set(path, steps);
  return steps;
}

export function resolveFactPath(value: unknown, path: string): unknown {
  const steps = parseFactPath(path);
  if (!steps) return undefined;
  let current: unknown = value;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[step];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, step)) return undefined;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}
