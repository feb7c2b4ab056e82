/**
 * A structural diff as a legality reviewer reads it: a count by kind, whether the change can alter
 * decisions, then each section's changes in the reviewer's words (field titles, Chinese rule names,
 * conditions as sentences, renames). The review tab (latest version → draft) and the version
 * history (one version → the next) show the same view.
 */
import { CHANGE_KINDS, CHANGE_VERBS, DIFF_SECTIONS, SECTION_LABELS, UNNAMED_RULE_MARK, aspectText, changeHeadline, type ConfigDiff, type DiffChange } from '../../../engine/core/index.js';
import { t } from './ui-text.js';

function ChangeItem({ change }: { change: DiffChange }) {
  return (
    <li className={`change ${change.kind}`} data-kind={change.kind}>
      <span>{changeHeadline(change)}</span>
      {change.affectsDecision ? <span className="badge decides" title={t('designer.diff.affectsDecisionHint')}>{t('designer.diff.affectsDecision')}</span> : null}
      {change.aspects?.length ? <ul>{change.aspects.map((a, i) => <li key={i}>{aspectText(a)}</li>)}</ul> : null}
    </li>
  );
}

/** A diff with at least one change, grouped by section; `label` names the region for assistive technology. */
export function DiffChanges({ diff, label }: { diff: ConfigDiff; label: string }) {
  const { kinds, total, canAlterDecision } = diff.summary;
  const unnamed = diff.changes.some((c) => c.section === 'rules' && c.label.includes(UNNAMED_RULE_MARK));
  const counts = CHANGE_KINDS.filter((k) => kinds[k] > 0).map((k) => t('designer.diff.kindCount', { verb: CHANGE_VERBS[k], n: kinds[k] }));
  return (
    <div className="diff" aria-label={label} tabIndex={0}>
      <p>
        {t('designer.diff.summary', { total, kinds: counts.join(t('designer.diff.kindSeparator')) })}
        {canAlterDecision ? <strong> {t('designer.diff.mayAlter')}</strong> : ` ${t('designer.diff.mayNotAlter')}`}
      </p>
      {unnamed ? <div className="notice warn">{t('designer.diff.unnamedRules')}</div> : null}
      {DIFF_SECTIONS.map((section) => {
        const changes = diff.changes.filter((c) => c.section === section);
        if (changes.length === 0) return null;
        return (
          <section key={section} className="diff-section" aria-label={SECTION_LABELS[section]}>
            <h3>{t('designer.diff.section', { section: SECTION_LABELS[section], n: changes.length })}</h3>
            <ul>{changes.map((c, i) => <ChangeItem key={i} change={c} />)}</ul>
          </section>
        );
      })}
    </div>
  );
}
