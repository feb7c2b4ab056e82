import type { ErrorObject } from 'ajv';

/**
 * ajv reports conditional forms from the inside out: a failed `if` adds "must match then" at the
 * parent, and a `oneOf` (RJSF's dependencies pattern) reports every branch that did not match.
 * A clerk needs only the errors of the branch the applicant is actually in.
 */
export function relevantErrors<E extends Pick<ErrorObject, 'keyword' | 'schemaPath'>>(errors: readonly E[]): E[] {
  let kept = errors.filter((e) => e.keyword !== 'if');
  const oneOfFailures = kept.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  for (const failure of oneOfFailures) {
    const prefix = `${failure.schemaPath}/`;
    const inside = kept.filter((e) => e.schemaPath.startsWith(prefix));
    const byBranch = new Map<string, E[]>();
    for (const error of inside) {
      const branch = error.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), error]);
    }
    // The applicant's branch is the one whose discriminating const/enum matched.
    const chosen = [...byBranch.entries()].filter(([, errs]) => !errs.some((e) => e.keyword === 'const' || e.keyword === 'enum'));
    if (chosen.length === 1) {
      const keep = new Set(chosen[0]?.[1]);
      kept = kept.filter((e) => e === failure ? false : !inside.includes(e) || keep.has(e));
    } else if (inside.length > 0) {
      kept = kept.filter((e) => !inside.includes(e));
    }
  }
  return kept;
}
