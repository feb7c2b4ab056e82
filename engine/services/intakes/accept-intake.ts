import { catalogueProblem, evaluateCompiled, isKnownLocality, uiText, ValidationFailedError, type CatalogueMessage, type CompiledConfig, type Decision } from '../../core/index.js';
import type { BrowserMismatch, DecisionLogWriter, IntakeRecord, IntakeStore } from '../../ports/index.js';
import { localDepartmentName, type CaseActor, type CaseTerms } from '../../core/cases/index.js';
import { systemClock, type Clock } from '../../core/clock/index.js';
import { todayInRegion } from '../../core/codes/index.js';
import { findDivision } from '../../core/divisions/index.js';
import type { ItemConfig } from '../../core/config/types.js';
import type { CaseOpening } from '../../ports/index.js';

/** What opens the case a saved record starts (the case book of services/cases). */
export interface CaseOpener {
  opening(args: { record: Pick<IntakeRecord, 'receivingDivision' | 'handling' | 'decision' | 'materials' | 'formData'>; config: ItemConfig; actor: CaseActor; at: string }): Promise<{ opening: CaseOpening; terms: CaseTerms }>;
}

export interface IntakeApplication {
  scenario: string;
  formData?: Record<string, unknown>;
  materials?: string[];
  /** 办理地 (收受分离); default the receiving division. */
  handlingDivision?: string;
  /** The approving department there; default the standard's department named for that locality. */
  handlingDepartment?: string;
  /** The clerk found the applicant on a 失信 list (信用中国 etc.): not eligible for 容缺受理. */
  creditBlacklisted?: boolean;
  /** What the window showed: a difference from the server's decision is recorded. */
  browserDecision?: { outcome: string; hash: string };
}

export interface AcceptedIntake {
  record: IntakeRecord;
  decision: Decision;
  mismatch: BrowserMismatch | null;
  /** Why the decision log refused the decision; the intake is saved all the same. */
  unrecorded: unknown;
}

/**
 * A window accepts an application (办件): the server decides with the version in force at the
 * receiving division, records the decision, and saves the intake with it. Items the comprehensive
 * window does not accept are refused before anything is written.
 */
export async function acceptIntake({
  intakes,
  decisionLog,
  compiled,
  cases,
  clock = systemClock,
  division,
  actor,
  application,
}: {
  intakes: IntakeStore;
  /** Opens the case the record starts; without it the record is saved alone (tests of the record itself). */
  cases?: CaseOpener | undefined;
  clock?: Clock;
  decisionLog?: DecisionLogWriter | undefined;
  /** The version in force at `division`, compiled. */
  compiled: CompiledConfig;
  division: string;
  /** The clerk: kept on the record and, by name, on the case's first event (经办人). */
  actor: CaseActor;
  application: IntakeApplication;
}): Promise<AcceptedIntake> {
  // The acceptance date and time are the server's (Asia/Shanghai): a request never dates its own case.
  if ((application as { date?: unknown }).date !== undefined) {
    const message: CatalogueMessage = { key: 'services.cases.intake.serverDate' };
    throw new ValidationFailedError(message, [catalogueProblem('/date', 'intake.date', message)]);
  }
  const handlingDivision = application.handlingDivision ?? division;
  if (!isKnownLocality(handlingDivision)) {
    throw new ValidationFailedError({ key: 'services.cases.intake.handlingDivisionInvalid' }, [
      catalogueProblem('/handlingDivision', 'intake.handling-division', { key: 'core.decision.input.division', values: { division: handlingDivision } }),
    ]);
  }
  const now = clock();
  const input = {
    // Decided as of the server's day of acceptance (Asia/Shanghai), the day the case number carries.
    scenario: application.scenario, formData: application.formData ?? {}, materials: application.materials ?? [], date: todayInRegion(now),
    ...(application.creditBlacklisted === true ? { creditBlacklisted: true } : {}),
  };
  const decision = await evaluateCompiled(compiled, input, { division, channel: 'comprehensive-window' });
  if (decision.outcome === 'redirect') {
    const message: CatalogueMessage = {
      key: 'services.cases.intake.redirect',
      values: { name: compiled.config.standard.name, where: decision.redirect?.where ?? uiText('services.cases.redirect.anyChannel') },
    };
    throw new ValidationFailedError(message, [catalogueProblem('/code', 'intake.redirect', message)]);
  }
  const browser = application.browserDecision;
  const mismatch: BrowserMismatch | null = browser && (browser.outcome !== decision.outcome || browser.hash !== decision.item.hash)
    ? { browserOutcome: browser.outcome, browserHash: browser.hash, serverOutcome: decision.outcome, serverHash: decision.item.hash }
    : null;
  let decisionId: string | null = null;
  let unrecorded: unknown = null;
  if (decisionLog) {
    try {
      decisionId = (await decisionLog.record({
        division, channel: decision.channel, code: compiled.item.code, version: compiled.item.version as number, hash: compiled.item.hash,
        input: { scenario: input.scenario, formData: input.formData, materials: input.materials, date: decision.date, ...(input.creditBlacklisted ? { creditBlacklisted: true } : {}) }, outcome: decision.outcome, decision,
        // The clerk who accepted it, by name: the record names the person, not only the window.
        by: { id: actor.id, name: actor.name },
      })).id;
    } catch (error) {
      unrecorded = error;
    }
  }
  const department = application.handlingDepartment?.trim()
    || localDepartmentName(compiled.config.standard.department.name, { code: handlingDivision, name: findDivision(handlingDivision)?.name ?? handlingDivision });
  const at = now.toISOString();
  const fields = {
    createdAt: at,
    createdBy: actor.id,
    receivingDivision: division,
    handling: { department, division: handlingDivision },
    item: { code: compiled.item.code, version: compiled.item.version as number, hash: compiled.item.hash, name: compiled.config.standard.name },
    scenario: input.scenario, formData: input.formData, materials: input.materials, decision, ...(input.creditBlacklisted ? { creditBlacklisted: true as const } : {}),
    browserMismatch: mismatch, decisionId,
  };
  const opened = await cases?.opening({ record: fields, config: compiled.config, actor, at });
  const record = await intakes.create({ ...fields, ...(opened ? { caseTerms: opened.terms } : {}) }, opened?.opening);
  return { record, decision, mismatch, unrecorded };
}
