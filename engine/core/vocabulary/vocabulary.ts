/**
 * A controlled list of codes with their labels. Labels are columns: Chinese is always present,
 * traditional Mongolian is filled in later as data — adding a language never adds a second list
 * of codes. No English column: nothing a clerk, author or applicant sees is in English.
 */
export interface Labels {
  'zh-CN': string;
  /**
   * Traditional Mongolian script. Every code of every vocabulary has one (mongolian-labels.test.ts), but they
   * are DRAFTS written for Tongban, awaiting review by the region's translation office (自治区翻译机构) like the
   * catalogue's Mongolian; `catalogueAwaitingReview()` lists only catalogue keys, not these labels.
   */
  'mn-Mong'?: string;
}

/** A label column; Chinese is the fallback for every other one. */
export type Language = keyof Labels;

export interface Vocabulary<Code extends string> {
  /** What the codes are (used in messages and tests). */
  readonly name: string;
  /** Every code, in display order. */
  readonly codes: readonly Code[];
  readonly labels: Readonly<Record<Code, Readonly<Labels>>>;
}

export function defineVocabulary<const Code extends string>(name: string, codes: readonly Code[], labels: Record<Code, Labels>): Vocabulary<Code> {
  return Object.freeze({ name, codes: Object.freeze([...codes]), labels: Object.freeze(labels) });
}

/** The label of `code` in `language`, falling back to Chinese when that column is still empty. */
export function labelOf<Code extends string>(vocabulary: Vocabulary<Code>, code: Code, language: Language = 'zh-CN'): string {
  const labels = vocabulary.labels[code];
  return labels[language] ?? labels['zh-CN'];
}

/** Code → label for one language: the shape a `<select>` or a lookup table wants. */
export function labelTable<Code extends string>(vocabulary: Vocabulary<Code>, language: Language = 'zh-CN'): Record<Code, string> {
  return Object.fromEntries(vocabulary.codes.map((code) => [code, labelOf(vocabulary, code, language)])) as Record<Code, string>;
}

export function isCodeOf<Code extends string>(vocabulary: Vocabulary<Code>, value: unknown): value is Code {
  return typeof value === 'string' && (vocabulary.codes as readonly string[]).includes(value);
}
