import { isOutcome, labelOf, outcomes } from '../../../../engine/core/index.js';
import { t } from '../ui-text.js';

/** An outcome by its Chinese name (评估出错 for a replay or impact that failed to evaluate). */
export function outcomeName(outcome: string): string {
  return isOutcome(outcome) ? labelOf(outcomes, outcome) : outcome === 'error' ? t('designer.auditor.evaluationError') : outcome;
}
