import { evaluateCompiled, isKnownLocality, ValidationFailedError, type CompiledConfig, type Decision } from '../../core/index.js';
import type { BrowserMismatch, DecisionLogWriter, IntakeRecord, IntakeStore } from '../../ports/index.js';

export interface IntakeApplication {
  scenario: string;
  formData?: Record<string, unknown>;
  materials?: string[];
  date?: string;
  /** 办理地 (收受分离); default the receiving division. */
  handlingDivision?: string;
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
  division,
  actor,
  application,
}: {
  intakes: IntakeStore;
  decisionLog?: DecisionLogWriter | undefined;
  /** The version in force at `division`, compiled. */
  compiled: CompiledConfig;
  division: string;
  actor: string;
  application: IntakeApplication;
}): Promise<AcceptedIntake> {
  const handlingDivision = application.handlingDivision ?? division;
  if (!isKnownLocality(handlingDivision)) {
    throw new ValidationFailedError('办理地有误', [{ pointer: '/handlingDivision', code: 'intake.handling-division', message: `「${handlingDivision}」不是内蒙古自治区的行政区划代码` }]);
  }
  const input = { scenario: application.scenario, formData: application.formData ?? {}, materials: application.materials ?? [], ...(application.date ? { date: application.date } : {}) };
  const decision = await evaluateCompiled(compiled, input, { division, channel: 'comprehensive-window' });
  if (decision.outcome === 'redirect') {
    const message = `「${compiled.config.standard.name}」不在综合窗口受理，请引导申请人到${decision.redirect?.where ?? '相应渠道'}办理；本窗口不登记办件`;
    throw new ValidationFailedError(message, [{ pointer: '/code', code: 'intake.redirect', message }]);
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
        input: { scenario: input.scenario, formData: input.formData, materials: input.materials, date: decision.date }, outcome: decision.outcome, decision,
      })).id;
    } catch (error) {
      unrecorded = error;
    }
  }
  const record = await intakes.create({
    createdBy: actor,
    receivingDivision: division,
    handling: { department: compiled.config.standard.department.name, division: handlingDivision },
    item: { code: compiled.item.code, version: compiled.item.version as number, hash: compiled.item.hash, name: compiled.config.standard.name },
    scenario: input.scenario, formData: input.formData, materials: input.materials, decision,
    browserMismatch: mismatch, decisionId,
  });
  return { record, decision, mismatch, unrecorded };
}
