import { labelTable, outcomes, type Outcome } from '../../../engine/core/index.js';
import { t } from './ui-text.js';

/** An example's outcome as shown: the vocabulary's label, or 评估出错 when the run itself failed. */
export const OUTCOME_LABEL: Record<Outcome | 'error', string> = { ...labelTable(outcomes), error: t('designer.outcome.error') };
