/**
 * Problems as the author reads them: a count badge for a tab or section, and a list naming each
 * problem's place (tab · section, from the engine's location) beside its message.
 */
import type { Problem, ProblemLocation } from '../../../engine/core/index.js';
import { t } from './ui-text.js';

type Located = Problem & { location?: ProblemLocation };

/** The red count on a tab or section; nothing when there is no problem. */
export function ProblemBadge({ count, label = t('designer.problems.unit') }: { count: number; label?: string }) {
  if (!count) return null;
  return <span className="count" aria-label={`${count} ${label}`} data-problem-count={count}>{count}</span>;
}

/** Problems under `prefix` (a JSON pointer), or all of them. */
export function problemsUnder(problems: readonly Problem[], prefix: string): Problem[] {
  return problems.filter((p) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`));
}

export function ProblemList({ problems, limit = 12, withTab = false }: { problems: readonly Located[]; limit?: number; withTab?: boolean }) {
  if (!problems.length) return null;
  return (
    <ul className="problems">
      {problems.slice(0, limit).map((p, i) => (
        <li key={i} data-pointer={p.pointer} data-code={p.code}>
          {p.location ? <span className="muted">{withTab ? `${p.location.tabLabel} · ` : ''}{t('designer.problems.at', { section: p.location.section })}</span> : null}
          {p.message}
        </li>
      ))}
      {problems.length > limit ? <li>{t('designer.problems.more', { n: problems.length - limit })}</li> : null}
    </ul>
  );
}
