import { type CaseTerms, chainCaseEvent, placesFor, principalPlaces, caseState, allowedCaseEvents, verifyCaseEvents, type CaseActor, type CaseEvent, type NewCaseEvent } from '../../core/cases/index.js';
import { systemClock, type Clock } from '../../core/clock/index.js';
import { todayInRegion } from '../../core/codes/index.js';
import type { WorkingCalendar } from '../../core/calendar/index.js';
import type { Principal } from '../../core/access/principal.js';
import { findDivision } from '../../core/divisions/index.js';
import { CaseChangedError, CaseEventNotAllowedError, DriftDetectedError, ForbiddenError, NotFoundError } from '../../core/errors.js';
import { caseEventTypes, caseStatuses, labelOf, type CaseEventType } from '../../core/vocabulary/index.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';
import type { ItemConfig } from '../../core/config/types.js';
import type { CaseOpening, IntakeRecord, IntakeStore } from '../../ports/intake-store/port.js';
import { applicantOf, maskName } from '../intakes/intake-summary.js';
import { maskIdNumber } from '../../core/codes/index.js';
import { applicantKey } from './applicant-key.js';
import { parseCaseEventRequest } from './case-event-input.js';
import { checkCommitmentEvent } from './commitment-checks.js';
import { projectCase, type ApplicantIndex } from './case-projection.js';
import { caseTermsOf, termsOfRecord, type CaseTermsSource } from './case-terms.js';
import { casePlaces, describeCase, type CaseView } from './case-view.js';
import { caseQueryFor, overdueReport, toListEntry, type CaseListEntry, type CaseListRequest } from './case-lists.js';
import { publicProgressOf, secondFactorMatches, unknownCase, type PublicProgress } from './public-progress.js';
import { isCaseNumber } from '../../core/cases/index.js';
import { supplementNoticeTiming, termsAfterSupplement } from '../../core/cases/index.js';
import { isDivisionWithin } from '../../core/codes/index.js';
import type { DecisionLogWriter } from '../../ports/decision-log/port.js';
import { decideSupplement, parseSupplementRequest, recordOnEvents, type SupplementVersions } from './case-supplement.js';
import { supplementSearchQuery } from './case-lists.js';

export interface CaseBookOptions {
  intakes: IntakeStore;
  /** Where a record's exact version is read: its applicant fields and, for old records, its terms. */
  reader: CaseTermsSource;
  /** The effective working-day calendar, asked afresh each time (an admin may load a year). */
  calendar: () => WorkingCalendar | Promise<WorkingCalendar>;
  clock?: Clock;
  /** Key of the applicant index (keyed hash of ID numbers). */
  lookupKey: Uint8Array;
  /** Where a 补正 finds the version it is decided on; without it a 补正 is refused. */
  versions?: SupplementVersions;
  /** Where a 补正's decision is recorded, as the intake's is. */
  decisionLog?: DecisionLogWriter;
}

/** The place names a window reads; an unknown code is shown as itself. */
const nameOf = (division: string): string => findDivision(division)?.name ?? division;

/** The events allowed now, as a clerk reads them after a refusal: label and code, or 无. */
const allowedNow = (allowed: readonly CaseEventType[]): string => (allowed.length
  ? allowed.map((type) => uiText('services.cases.labelWithCode', 'zh-CN', { label: labelOf(caseEventTypes, type), code: type })).join(uiText('server.listSeparator'))
  : uiText('services.claims.noneAllowed'));

export const actorOf = (principal: Pick<Principal, 'id' | 'name' | 'role'>): CaseActor => ({ id: principal.id, name: principal.name, role: principal.role });

/**
 * Cases (办件流转): opened by the intake save, moved on by events from the accepting window, the
 * handling window and the department, each checked against the status and the principal's place.
 */
export class CaseBook {
  readonly #intakes: IntakeStore;
  readonly #reader: CaseTermsSource;
  readonly #calendar: () => WorkingCalendar | Promise<WorkingCalendar>;
  readonly #clock: Clock;
  readonly #lookupKey: Uint8Array;
  readonly #versions: SupplementVersions | undefined;
  readonly #decisionLog: DecisionLogWriter | undefined;

  constructor({ intakes, reader, calendar, clock = systemClock, lookupKey, versions, decisionLog }: CaseBookOptions) {
    this.#versions = versions;
    this.#decisionLog = decisionLog;
    this.#intakes = intakes;
    this.#reader = reader;
    this.#calendar = calendar;
    this.#clock = clock;
    this.#lookupKey = lookupKey;
  }

  today(): string {
    return todayInRegion(this.#clock());
  }

  /** What the store writes with a new record: the opening event and the case's first projection. */
  async opening({ record, config, actor, at }: {
    record: Pick<IntakeRecord, 'receivingDivision' | 'handling' | 'decision' | 'materials' | 'formData'>;
    config: ItemConfig;
    actor: CaseActor;
    at: string;
  }): Promise<{ opening: CaseOpening; terms: CaseTerms }> {
    const terms = caseTermsOf(config, record.materials);
    const samePlace = record.receivingDivision === record.handling.division;
    const event: NewCaseEvent = {
      type: 'open', at, actor, division: record.receivingDivision, department: null, comment: '',
      details: {
        outcome: record.decision.outcome, samePlace, receivingDivision: record.receivingDivision, handlingDivision: record.handling.division,
        department: record.handling.department, keptOriginals: terms.keptOriginals,
        // 容缺受理: the materials that may follow, kept on the hash-chained opening itself.
        ...(record.decision.outcome === 'accept-on-commitment' ? { deferredMaterials: record.decision.deferredAcceptance?.materials ?? [] } : {}),
      },
    };
    const provisional = chainCaseEvent('', event, null);
    const projection = projectCase(record, [provisional], terms, (await this.#calendar()), this.today(), this.#applicantIndex(record, config.form.applicant));
    if (projection.promisedDue) event.details.promisedDue = projection.promisedDue;
    return { opening: { event, projection }, terms };
  }

  #applicantIndex(record: Pick<IntakeRecord, 'formData'>, fields: ItemConfig['form']['applicant']): ApplicantIndex {
    const applicant = applicantOf(record, fields ?? {});
    const label = [applicant.name ? maskName(applicant.name) : null, applicant.idNumber ? uiText('server.notice.parenthesised', 'zh-CN', { text: maskIdNumber(applicant.idNumber) }) : null].filter(Boolean).join('');
    return { applicantKey: applicantKey(this.#lookupKey, applicant.idNumber), applicantLabel: label === '' ? null : label };
  }

  /** The keyed hash a list filters on, for an ID number typed at the window. */
  applicantKeyOf(idNumber: string): string | null {
    return applicantKey(this.#lookupKey, idNumber);
  }

  async #record(caseNumber: string): Promise<IntakeRecord> {
    const record = await this.#intakes.get(caseNumber);
    if (!record) throw new NotFoundError({ key: 'services.cases.book.noSuchCase', values: { caseNumber } }, { caseNumber });
    return record;
  }

  /** A record saved before case flow gets its opening event now, dated when it was saved. */
  async #events(record: IntakeRecord): Promise<CaseEvent[]> {
    const events = await this.#intakes.caseEvents(record.caseNumber);
    if (events.length > 0) return events;
    const version = await this.#reader.getVersion(record.item.code, record.item.version);
    const terms = await termsOfRecord(record, this.#reader);
    const event: NewCaseEvent = {
      type: 'open', at: record.createdAt, actor: { id: record.createdBy, name: record.createdBy, role: 'operator' }, division: record.receivingDivision, department: null,
      comment: '', details: { outcome: record.decision.outcome, samePlace: record.receivingDivision === record.handling.division, department: record.handling.department, keptOriginals: terms.keptOriginals },
    };
    const projection = projectCase(record, [chainCaseEvent(record.caseNumber, event, null)], terms, (await this.#calendar()), this.today(), this.#applicantIndex(record, version?.config.form.applicant));
    try {
      await this.#intakes.appendCaseEvent(record.caseNumber, 0, event, projection);
    } catch (error) {
      // Another request opened it first: read what it wrote.
      if (!(error instanceof CaseChangedError)) throw error;
    }
    return this.#intakes.caseEvents(record.caseNumber);
  }

  async view(caseNumber: string, principal?: Principal): Promise<CaseView> {
    const record = await this.#record(caseNumber);
    const events = await this.#events(record);
    return describeCase({ record, events, terms: await termsOfRecord(record, this.#reader), calendar: (await this.#calendar()), today: this.today(), principal });
  }

  /** Whether a principal may see a case: a party to it, or a supervisor above either place. */
  static maySee(principal: Principal, record: Pick<IntakeRecord, 'receivingDivision' | 'handling'>, within: (division: string, ancestor: string) => boolean): boolean {
    if (principal.role === 'admin' || principal.role === 'auditor' || principal.role === 'reviewer') return true;
    if (principal.role === 'handler') return principalPlaces(principal, casePlaces(record)).length > 0;
    if (principal.role === 'operator' && principal.division) return within(record.receivingDivision, principal.division) || within(record.handling.division, principal.division);
    return false;
  }

  async record(caseNumber: string): Promise<IntakeRecord> {
    return this.#record(caseNumber);
  }

  /**
   * Records one event: 403 when the principal is not the place that acts, 409 when the status does
   * not allow it (naming the status and the events allowed now) or another event came first.
   */
  async recordEvent({ caseNumber, principal, body }: { caseNumber: string; principal: Principal; body: unknown }): Promise<{ event: CaseEvent; case: CaseView }> {
    const record = await this.#record(caseNumber);
    const events = await this.#events(record);
    const integrity = verifyCaseEvents(caseNumber, events);
    if (!integrity.ok) {
      throw new DriftDetectedError({
        key: 'services.cases.book.chainBroken', values: { caseNumber, seq: String(integrity.firstBroken?.seq), problem: String(integrity.firstBroken?.problem) },
      }, { caseNumber, integrity });
    }
    if (body !== null && typeof body === 'object' && (body as { type?: unknown }).type === 'supplement') return this.#supplement(record, events, principal, body);
    const terms = termsAfterSupplement(await termsOfRecord(record, this.#reader), events);
    const request = parseCaseEventRequest(body, terms);
    const places = casePlaces(record, events);
    const state = caseState(events);
    const allowed = allowedCaseEvents(state, places);
    const needed = placesFor(request.type, state);
    const mine = principalPlaces(principal, places);
    const placeNames = {
      receiving: uiText('services.cases.book.receivingWindow', 'zh-CN', { place: nameOf(places.receivingDivision) }),
      handling: uiText('services.cases.book.handlingWindow', 'zh-CN', { place: nameOf(places.handlingDivision) }),
      department: uiText('services.cases.book.departmentAt', 'zh-CN', { department: String(places.department), place: nameOf(places.handlingDivision) }),
      'any-window': uiText('services.cases.book.anyWindow'),
    };
    if (!needed.some((place) => mine.includes(place))) {
      throw new ForbiddenError({
        key: 'services.cases.book.wrongPlace',
        values: { event: labelOf(caseEventTypes, request.type), places: needed.map((place) => placeNames[place]).join(uiText('core.orSeparator')), name: principal.name },
      }, {
        caseNumber, type: request.type, needed, principal: { id: principal.id, role: principal.role, division: principal.division, department: principal.department },
      });
    }
    if (!allowed.includes(request.type)) {
      throw new CaseEventNotAllowedError({
        key: 'services.cases.book.eventNotAllowed',
        values: { caseNumber, status: labelOf(caseStatuses, state.status), event: labelOf(caseEventTypes, request.type), allowed: allowedNow(allowed) },
      }, {
        caseNumber, status: state.status, type: request.type, allowed,
      });
    }
    checkCommitmentEvent({ caseNumber, request, state, events, terms, calendar: await this.#calendar(), today: this.today() });
    const acting = needed.find((place) => mine.includes(place)) ?? 'receiving';
    const division = acting === 'receiving' ? places.receivingDivision : places.handlingDivision;
    if (request.type === 'return') request.details.to = state.status === 'with-department' ? 'handling' : 'receiving';
    const event: NewCaseEvent = {
      type: request.type, at: this.#clock().toISOString(), actor: actorOf(principal), division,
      department: acting === 'department' ? places.department : null, comment: request.comment, details: request.details,
    };
    const last = events[events.length - 1] ?? null;
    const version = await this.#reader.getVersion(record.item.code, record.item.version);
    const projection = projectCase(record, [...events, chainCaseEvent(caseNumber, event, last)], terms, (await this.#calendar()), this.today(), this.#applicantIndex(record, version?.config.form.applicant));
    const chained = await this.#intakes.appendCaseEvent(caseNumber, events.length, event, projection);
    const view = describeCase({ record, events: [...events, chained], terms, calendar: (await this.#calendar()), today: this.today(), principal });
    return { event: chained, case: view };
  }

  /**
   * 补正 at any window of the region: the materials handed in are added to the same case, the
   * decision is re-run (on the version the case was opened with, or the one in force here if the
   * clerk chooses it) and recorded, and the case moves on: 予以受理 starts the flow with this window
   * as the 受理地 of record, 需补正 waits again with the new list, 不予受理 ends it.
   */
  async #supplement(record: IntakeRecord, events: CaseEvent[], principal: Principal, body: unknown): Promise<{ event: CaseEvent; case: CaseView }> {
    const caseNumber = record.caseNumber;
    if (principal.role !== 'operator' || !principal.division) {
      throw new ForbiddenError({
        key: 'services.cases.book.wrongPlace',
        values: { event: labelOf(caseEventTypes, 'supplement'), places: uiText('services.cases.book.anyWindow'), name: principal.name },
      }, { caseNumber, type: 'supplement', needed: ['any-window'] });
    }
    const state = caseState(events);
    const allowed = allowedCaseEvents(state, casePlaces(record, events));
    if (!allowed.includes('supplement')) {
      throw new CaseEventNotAllowedError({
        key: 'services.cases.book.eventNotAllowed',
        values: { caseNumber, status: labelOf(caseStatuses, state.status), event: labelOf(caseEventTypes, 'supplement'), allowed: allowedNow(allowed) },
      }, {
        caseNumber, status: state.status, type: 'supplement', allowed,
      });
    }
    const request = parseSupplementRequest(body);
    if (!this.#versions) throw new CaseEventNotAllowedError({ key: 'services.cases.book.noVersions' }, { caseNumber, type: 'supplement' });
    const compiled = request.version === 'opened'
      ? await this.#versions.exact(record.item.code, record.item.version, record.item.hash)
      : await this.#versions.inForce(record.item.code, principal.division);
    const calendar = await this.#calendar();
    const { details } = await decideSupplement({
      record, events, request, compiled, division: principal.division, decisionLog: this.#decisionLog, timing: supplementNoticeTiming(events, calendar, this.today()), today: this.today(),
    });
    return this.#append(record, events, principal, {
      type: 'supplement', at: this.#clock().toISOString(), actor: actorOf(principal), division: principal.division, department: null,
      comment: request.comment, details: details as unknown as Record<string, unknown>,
    });
  }

  async #append(record: IntakeRecord, events: CaseEvent[], principal: Principal, event: NewCaseEvent): Promise<{ event: CaseEvent; case: CaseView }> {
    const terms = await termsOfRecord(record, this.#reader);
    const version = await this.#reader.getVersion(record.item.code, record.item.version);
    const calendar = await this.#calendar();
    const last = events[events.length - 1] ?? null;
    const projection = projectCase(record, [...events, chainCaseEvent(record.caseNumber, event, last)], terms, calendar, this.today(), this.#applicantIndex(record, version?.config.form.applicant));
    const chained = await this.#intakes.appendCaseEvent(record.caseNumber, events.length, event, projection);
    return { event: chained, case: describeCase({ record, events: [...events, chained], terms, calendar, today: this.today(), principal }) };
  }

  /**
   * The first print of a 补正材料通知书 issues it (行政许可法第三十二条's 5 days end there): recorded
   * once per 补正 round, dated by the server's clock. Nothing is recorded for a case not waiting for 补正.
   */
  async noticeIssued(caseNumber: string, principal: Principal, division: string): Promise<void> {
    const record = await this.#record(caseNumber);
    const events = await this.#events(record);
    if (caseState(events).status !== 'supplement-requested') return;
    const round = events.findLastIndex((event) => event.type === 'open' || event.type === 'supplement');
    if (events.slice(round + 1).some((event) => event.type === 'supplement-notice')) return;
    const missing = recordOnEvents(record, events).decision.missingMaterials.map((material) => material.id);
    try {
      await this.#append(record, events, principal, {
        type: 'supplement-notice', at: this.#clock().toISOString(), actor: actorOf(principal), division, department: null, comment: '', details: { missingMaterials: missing },
      });
    } catch (error) {
      // Printed twice at once: the other print recorded it.
      if (!(error instanceof CaseChangedError)) throw error;
    }
  }

  /** The record as its events left it (materials, form data, decision, version and 受理地 of record after any 补正). */
  async onRecord(record: IntakeRecord): Promise<IntakeRecord> {
    return recordOnEvents(record, await this.#events(record));
  }

  /**
   * Whether a principal may see a case: a party to it (where it was received, accepted or handled),
   * a supervisor, or — while it waits for 补正 — any window of the region (全区通办).
   */
  async visibleTo(principal: Principal, record: IntakeRecord): Promise<boolean> {
    if (CaseBook.maySee(principal, record, isDivisionWithin)) return true;
    const events = await this.#events(record);
    const places = casePlaces(record, events);
    if (CaseBook.maySee(principal, { receivingDivision: places.receivingDivision, handling: record.handling }, isDivisionWithin)) return true;
    return principal.role === 'operator' && Boolean(principal.division) && caseState(events).status === 'supplement-requested';
  }

  /**
   * Whether a window at `division` reaches a case beyond where it was received and handled: as the
   * 受理地 of record after a 补正, or — `waitingForSupplement` — any window while the case waits for 补正.
   */
  async reachableAt(record: IntakeRecord, division: string, waitingForSupplement: boolean): Promise<boolean> {
    const events = await this.#events(record);
    if (isDivisionWithin(casePlaces(record, events).receivingDivision, division)) return true;
    return waitingForSupplement && caseState(events).status === 'supplement-requested';
  }

  /** A page of cases for a work queue or a supervisor, due first. */
  async list(principal: Principal, request: CaseListRequest & { applicant?: string }): Promise<{ cases: CaseListEntry[]; next: string | null; today: string }> {
    const today = this.today();
    const { applicant, ...rest } = request;
    const key = applicant ? this.applicantKeyOf(applicant) : null;
    const query = caseQueryFor(principal, { ...rest, ...(key ? { applicantKey: key } : {}) }, today, (await this.#calendar()));
    const rows = await this.#intakes.listCases(query);
    const limit = query.limit ?? 50;
    const next = rows.length === limit ? (rows[rows.length - 1]?.caseNumber ?? null) : null;
    // 全区通办: a case waiting for 补正 is found by number or ID number at any window of the region.
    const search = supplementSearchQuery(principal, { ...rest, ...(key ? { applicantKey: key } : {}) });
    if (search && !rest.after) {
      const seen = new Set(rows.map((row) => row.caseNumber));
      rows.push(...(await this.#intakes.listCases(search)).filter((row) => !seen.has(row.caseNumber)));
      rows.sort((a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.caseNumber.localeCompare(b.caseNumber));
    }
    return { cases: rows.map((row) => toListEntry(row, today)), next, today };
  }

  async overdueReport(within: string): Promise<Awaited<ReturnType<typeof overdueReport>>> {
    return overdueReport({ intakes: this.#intakes, within, today: this.today() });
  }

  /** The applicant's lookup: a wrong second factor answers exactly as an unknown case does. */
  async publicProgress(caseNumber: string, factor: string): Promise<PublicProgress> {
    if (!isCaseNumber(caseNumber)) throw unknownCase(caseNumber);
    const record = await this.#intakes.get(caseNumber);
    if (!record) throw unknownCase(caseNumber);
    const version = await this.#reader.getVersion(record.item.code, record.item.version);
    if (!secondFactorMatches(record, version?.config.form.applicant ?? {}, factor)) throw unknownCase(caseNumber);
    const events = await this.#events(record);
    return publicProgressOf({ record, events, terms: await termsOfRecord(record, this.#reader), calendar: (await this.#calendar()), today: this.today() });
  }
}
