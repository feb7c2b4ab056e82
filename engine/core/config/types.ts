import type { Channel, DeliveryMethod, Outcome, RuleEventType } from '../vocabulary/index.js';

/** A value of a coded enumeration, stored with its label because platforms number them differently. */
export interface Coded {
  code: string;
  label: string;
}

export interface TimeLimit {
  value: number;
  unit: Coded;
  note?: string;
}

export interface StatutoryTimeLimit {
  value: number | null;
  unit: Coded;
  note?: string;
}

export interface Material {
  id: string;
  name: string;
  required: boolean;
  necessity: Coded;
  type: Coded;
  form: Coded;
  source: Coded;
  [key: string]: unknown;
}

export interface Scenario {
  id: string;
  name: string;
  description?: string;
  materialIds: string[];
}

export type { Channel };

/**
 * 容缺受理: the item is on the region's 容缺受理事项清单. When every missing material is 容缺后补 and
 * everything else is in order, the window accepts on the applicant's written commitment.
 */
export interface DeferredAcceptance {
  allowed: boolean;
  /** Where the 清单 or rule comes from, printed on the 容缺受理通知书. */
  basis?: string;
  /** What happens when the deadline is missed, e.g. 终止办理; printed on the 承诺书 and the notice. */
  consequence: string;
  /**
   * 容缺材料补齐时限 as the 清单 states it. The clerk's deadline may not exceed it, nor the 承诺办理时限
   * (except for an 即办件, whose 承诺办理时限 is for complete materials: this limit alone applies).
   */
  supplementLimit?: TimeLimit;
}

/** A material template uploaded as a file: stored by the SHA-256 of its content, so the version's hash covers the file. */
export interface TemplateFileRef {
  hash: string;
  name: string;
}

export interface ItemStandard {
  name: string;
  code: string;
  itemType: Coded;
  caseType: Coded;
  serviceObjects: Coded[];
  scope: Coded;
  legalBasis: { powerSource: Coded; provisions: { law: string; article?: string; text?: string }[] };
  resultType: Coded;
  resultName: string;
  resultSample: { description: string; file?: string };
  exerciseLevels: Coded[];
  statutoryTimeLimit: StatutoryTimeLimit;
  promisedTimeLimit: TimeLimit;
  /**
   * 补正期限: how long the applicant has to supplement after the 补正 notice, as the standard states it.
   * Absent: the notice states no deadline (the 5 days of 行政许可法第三十二条 bind the agency, not the applicant).
   */
  supplementPeriod?: TimeLimit;
  acceptanceConditions: string[];
  process: { name: string; description?: string; actor?: string }[];
  materials: Material[];
  scenarios: Scenario[];
  reviewPoints: { materialId?: string; point: string }[];
  stageTimeLimits: { stage: string; value: number; unit: Coded; note?: string }[];
  materialTemplates: { materialId: string; name: string; blankForm?: string; sample?: string; instructions?: string; file?: TemplateFileRef }[];
  department: { name: string; code?: string };
  channel: Channel;
  channelNote?: string;
  /** Where the applicant may seek review or sue (the 不予受理决定书); a locality's claim may name its own. */
  remedy?: { reviewAuthority?: string; court?: string };
  /** 收费: whether the item is charged for; a charged item names its 收费标准 and 收费依据 (the schema requires both). */
  fee?: { charged: boolean; standard?: string; basis?: string };
  /** 送达方式: how the result may reach the applicant (codes of the vocabulary's delivery methods). */
  deliveryMethods?: DeliveryMethod[];
  /** 容缺受理: whether the region's 容缺受理事项清单 lists this item, and on what terms. */
  deferredAcceptance?: DeferredAcceptance;
  /** 汉蒙双语: every applicant-facing text needs its traditional Mongolian (see engine/core/i18n). */
  bilingual?: boolean;
  localFields: string[];
  /** 别名: what people call the item (低保 for 最低生活保障), for search only. */
  aliases?: string[];
  dataNeeds: {
    dataItem: string;
    owningDepartment: string;
    sourceSystem: string;
    sharingMethod: Coded;
    frequency: Coded;
    materialId?: string;
    purpose?: string;
  }[];
}

export interface LeafCondition {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  /** The author says a missing fact simply makes this condition false (instead of undecidable). */
  optional?: boolean;
  params?: Record<string, unknown>;
}

export type ConditionNode =
  | { all: ConditionNode[] }
  | { any: ConditionNode[] }
  | { not: ConditionNode }
  | LeafCondition;

/** The parameters of each of the vocabulary's rule event types (a new type needs its entry here). */
export interface RuleEventParams {
  reject: { message: string; basis?: string };
  requireMaterial: { materialId: string; message?: string };
  supplement: { message: string };
}

export type RuleEvent = { [T in RuleEventType]: { type: T; params: RuleEventParams[T] } }[RuleEventType];

export interface Rule {
  /** Internal identifier: what decisions cite in firedRules and examples in expect.firedRules. */
  name: string;
  /** The rule's Chinese name (规则名称), as reviewers, clerks and the diff read it. */
  title?: string;
  description?: string;
  priority?: number;
  enabled?: boolean;
  conditions: ConditionNode;
  event: RuleEvent;
}

export type { Outcome };

export interface EvaluationInput {
  scenario: string;
  formData: Record<string, unknown>;
  materials: string[];
  /** Evaluation date (YYYY-MM-DD); defaults to today in the region's time zone. */
  date?: string;
  /**
   * The window found the applicant on a 失信 (dishonest-conduct) list at intake: not eligible for
   * 容缺受理 until credit repair. Absent means not listed.
   */
  creditBlacklisted?: boolean;
}

export interface Example {
  name: string;
  input: EvaluationInput & { division?: string; channel?: Channel };
  expect: { outcome: Outcome; missingMaterials?: string[]; fieldErrors?: string[]; firedRules?: string[] };
}

export interface FormDefinition {
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  /** Which top-level fields name the applicant on notices and in case lists. */
  applicant?: {
    name?: string;
    idNumber?: string;
    phone?: string;
    /** An enterprise applicant: its name and 统一社会信用代码; the legal representative defaults to the name field. */
    companyName?: string;
    creditCode?: string;
    legalRepresentative?: string;
  };
}

export interface ItemConfig {
  code: string;
  standard: ItemStandard;
  form: FormDefinition;
  rules: Rule[];
  examples: Example[];
  /**
   * Translations of the applicant-facing texts, keyed by stable paths (engine/core/i18n's
   * applicantStrings lists them); `review` says whether the translation office signed them off.
   */
  translations?: ItemTranslations;
  meta?: { sample?: boolean; note?: string };
}

export interface ItemTranslations {
  'mn-Mong'?: Record<string, string>;
  review?: { 'mn-Mong'?: { status: 'draft' | 'reviewed'; note?: string } };
}
