import type { FieldError } from '../form/field-messages.js';
import type { RuleTrace } from '../rules/rule-run-result.js';
import type { Channel, Outcome, StatutoryTimeLimit, TimeLimit } from '../config/types.js';
import type { RuleEventType } from '../vocabulary/index.js';

export interface EvaluationContext {
  /** GB/T 2260 code of the locality whose window (or portal) asks. */
  division: string;
  /** The kind of window asking; the online portal counts as a comprehensive window. */
  channel: Channel;
}

export interface ItemRef {
  code: string;
  version: number | null;
  hash: string;
}

export interface MaterialRef {
  id: string;
  name: string;
}

export interface RequiredMaterial extends MaterialRef {
  /** Why it is required: the scenario, or the rule whose `requireMaterial` event added it. */
  because: { scenario: string } | { rule: string };
}

export interface MissingMaterial extends MaterialRef {
  /** 容缺后补: the material may follow after acceptance under a written commitment. */
  deferrable: boolean;
}

/**
 * 容缺受理 as the decision weighed it: present only when the item's standard allows it and a
 * 容缺后补 material is missing from an application that is not refused.
 */
export interface DeferralDecision {
  granted: boolean;
  /** Why not: the applicant is on a 失信 list, a missing material may not follow, or something else needs correcting. */
  refusal?: 'credit' | 'not-deferrable' | 'other-problems';
  message: string;
  /** The 容缺后补 materials that are missing (handed in later when granted). */
  materials: MaterialRef[];
  /** What happens when the deadline is missed (the standard's words). */
  consequence: string;
  basis?: string;
}

export interface Reason {
  rule: string;
  /** A fired rule's event type, or why no rule decided (undecided) or another channel does (redirect). */
  type: RuleEventType | 'undecided' | 'redirect';
  message: string;
  basis?: string;
}

export interface Decision {
  outcome: Outcome;
  item: ItemRef;
  date: string;
  division: string;
  channel: Channel;
  scenario: { id: string; name: string } | null;
  redirect?: { channel: Channel; where: string };
  fieldErrors: FieldError[];
  requiredMaterials: RequiredMaterial[];
  /** The one-time notice (一次性告知): every missing material at once. */
  missingMaterials: MissingMaterial[];
  /** 容缺受理: granted (outcome accept-on-commitment) or why not. */
  deferredAcceptance?: DeferralDecision;
  reasons: Reason[];
  timeLimits: { promised: TimeLimit; statutory: StatutoryTimeLimit };
  explanation: RuleTrace[];
}

/**
 * A decision without its rule-by-rule explanation: what a window is answered unless it asks for the
 * explanation, and what the decision log keeps (replay recomputes the explanation from the version and input).
 */
export type LeanDecision = Omit<Decision, 'explanation'>;
