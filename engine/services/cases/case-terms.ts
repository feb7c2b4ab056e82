import { keptPaperOriginals, type CaseTerms } from '../../core/cases/index.js';
import type { ItemConfig } from '../../core/config/types.js';
import type { ConfigReader } from '../../ports/config-store/port.js';
import type { IntakeRecord } from '../../ports/intake-store/port.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';

/** What the standard says about a case's time, fixed when it is opened. */
export function caseTermsOf(config: ItemConfig, materials: readonly string[]): CaseTerms {
  const deferred = config.standard.deferredAcceptance;
  return {
    promisedTimeLimit: config.standard.promisedTimeLimit, keptOriginals: keptPaperOriginals(config.standard, materials), resultName: config.standard.resultName,
    ...(deferred?.allowed ? { deferredAcceptance: deferred } : {}),
  };
}

export type CaseTermsSource = Pick<ConfigReader, 'getVersion'>;

/** The terms a record was opened with; records saved before case flow read them from their exact version. */
export async function termsOfRecord(record: IntakeRecord, reader: CaseTermsSource): Promise<CaseTerms> {
  if (record.caseTerms) return record.caseTerms;
  const version = await reader.getVersion(record.item.code, record.item.version);
  if (!version) return { promisedTimeLimit: { value: 0, unit: { code: 'WD', label: uiText('services.cases.terms.workingDay') } }, keptOriginals: [], resultName: record.item.name };
  return caseTermsOf(version.config, record.materials);
}
