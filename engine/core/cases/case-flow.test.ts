import { describe, expect, it } from 'vitest';
import { officialWorkingCalendar } from '../calendar/index.js';
import { CASE_STATUSES } from '../vocabulary/index.js';
import {
  allowedCaseEvents, caseDeadlines, caseState, chainCaseEvent, keptPaperOriginals, localDepartmentName, nextDeadline, placeMissing,
  placesAfterSupplement, promisedDueDate, supplementNoticeTiming, verifyCaseEvents, type CaseEvent, type CasePlaces, type CaseTerms, type NewCaseEvent,
} from './index.js';

const CASE = 'TB15010220260930-000001';
const elsewhere: CasePlaces = { receivingDivision: '150102', handlingDivision: '152921', department: '阿拉善左旗人力资源和社会保障局' };
const here: CasePlaces = { receivingDivision: '150102', handlingDivision: '150102', department: '新城区人力资源和社会保障局' };
const terms: CaseTerms = { promisedTimeLimit: { value: 5, unit: { code: 'WD', label: '工作日' } }, keptOriginals: ['授权委托书'], resultName: '登记信息' };
const clerk = { id: 'operator-xincheng', name: '刘敏', role: 'operator' as const };

function chain(steps: [NewCaseEvent['type'], string, Record<string, unknown>?][], samePlace = false): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const [type, at, details = {}] of steps) {
    const event: NewCaseEvent = { type, at, actor: clerk, division: '150102', department: null, comment: '', details: type === 'open' ? { outcome: 'accept', samePlace, ...details } : details };
    events.push(chainCaseEvent(CASE, event, events[events.length - 1] ?? null));
  }
  return events;
}

describe('case state', () => {
  it('follows 受理地 → 办理地 → 审批部门 → 送达, allowing only the next steps', () => {
    const events = chain([
      ['open', '2026-09-30T01:00:00Z'], ['dispatch', '2026-09-30T02:00:00Z', { trackingNumber: 'EMS1' }], ['receive', '2026-10-08T01:00:00Z'],
      ['forward', '2026-10-08T02:00:00Z'], ['decide', '2026-10-09T02:00:00Z', { result: 'approved', resultName: '登记信息', resultNumber: 'DJ-1' }],
      ['deliver', '2026-10-09T03:00:00Z', { method: 'window' }],
    ]);
    const statuses = events.map((_, n) => caseState(events.slice(0, n + 1)).status);
    expect(statuses).toEqual(CASE_STATUSES.slice(0, 4).concat(['decided', 'delivered']));
    expect(allowedCaseEvents(caseState(events.slice(0, 1)), elsewhere)).toEqual(['dispatch', 'void']);
    expect(allowedCaseEvents(caseState(events.slice(0, 1)), here)).toEqual(['forward', 'void']);
    expect(allowedCaseEvents(caseState(events.slice(0, 2)), elsewhere)).toEqual(['receive', 'return']);
    expect(allowedCaseEvents(caseState(events), elsewhere)).toEqual([]);
    expect(caseState(events).decision).toMatchObject({ result: 'approved', resultNumber: 'DJ-1' });
  });

  it('returns a case to the previous holder, who may send it on again', () => {
    const toReceiving = chain([['open', '2026-09-30T01:00:00Z'], ['dispatch', '2026-09-30T02:00:00Z'], ['return', '2026-10-08T01:00:00Z', { reason: '材料不符' }]]);
    expect(caseState(toReceiving)).toMatchObject({ status: 'returned', holder: 'receiving', returnedFrom: 'dispatched' });
    expect(allowedCaseEvents(caseState(toReceiving), elsewhere)).toEqual(['dispatch', 'void']);
    const toHandling = chain([['open', '2026-09-30T01:00:00Z'], ['dispatch', '2026-09-30T02:00:00Z'], ['receive', '2026-10-08T01:00:00Z'], ['forward', '2026-10-08T02:00:00Z'], ['return', '2026-10-09T01:00:00Z', { reason: '请补充核验' }]]);
    expect(caseState(toHandling)).toMatchObject({ status: 'returned', holder: 'handling', returnedFrom: 'with-department' });
    expect(allowedCaseEvents(caseState(toHandling), elsewhere)).toEqual(['forward', 'return']);
  });

  it('starts a 需补正 or 不予受理 application outside the flow', () => {
    const supplement = [chainCaseEvent(CASE, { type: 'open', at: '2026-09-30T01:00:00Z', actor: clerk, division: '150102', department: null, comment: '', details: { outcome: 'supplement' } }, null)];
    expect(caseState(supplement).status).toBe('supplement-requested');
    expect(allowedCaseEvents(caseState(supplement), elsewhere)).toEqual(['supplement']);
    expect(caseDeadlines(supplement, terms, officialWorkingCalendar, '2026-09-30')).toEqual([]);
    // Completed at another banner: accepted there, the flow and its due dates start at the 补正.
    const completed = [...supplement, chainCaseEvent(CASE, {
      type: 'supplement', at: '2026-10-09T01:00:00Z', actor: clerk, division: '152921', department: null, comment: '',
      details: { outcome: 'accept', materials: ['proxy-letter'], receivingDivision: '152921', samePlace: false, terms },
    }, supplement[0]!)];
    expect(caseState(completed).status).toBe('accepted');
    expect(placesAfterSupplement(here, completed)).toEqual({ ...here, receivingDivision: '152921' });
    expect(caseDeadlines(completed, terms, officialWorkingCalendar, '2026-10-09').map((s) => [s.stage, s.opensOn])).toEqual([['dispatch', '2026-10-09'], ['mail-originals', '2026-10-09'], ['decide', '2026-10-09']]);
    expect(supplementNoticeTiming(completed, officialWorkingCalendar, '2026-10-09')).toMatchObject({ noticeDue: '2026-10-13', late: false }) // 10-08, 10-09, the make-up Saturday 10-10, 10-12, 10-13;
  });

  it('names the place that must act: windows by exact division, handlers by department and division', () => {
    const state = caseState(chain([['open', '2026-09-30T01:00:00Z'], ['dispatch', '2026-09-30T02:00:00Z'], ['receive', '2026-10-08T01:00:00Z'], ['forward', '2026-10-08T02:00:00Z']]));
    const handler = { role: 'handler' as const, division: '152921', department: '阿拉善左旗人力资源和社会保障局' };
    expect(placeMissing('decide', state, handler, elsewhere)).toBeNull();
    expect(placeMissing('decide', state, { ...handler, department: '阿拉善左旗民政局' }, elsewhere)).toEqual(['department']);
    expect(placeMissing('decide', state, { role: 'operator', division: '152921', department: null }, elsewhere)).toEqual(['department']);
    expect(placeMissing('return', state, handler, elsewhere)).toBeNull();
    expect(placeMissing('dispatch', state, { role: 'operator', division: '150100', department: null }, elsewhere)).toEqual(['receiving']);
  });
});

describe('case deadlines on the official calendar', () => {
  it('counts 1 working day to dispatch across 国庆节 and 2 to mail the originals', () => {
    const stages = caseDeadlines(chain([['open', '2026-09-30T01:00:00Z']]), terms, officialWorkingCalendar, '2026-09-30');
    expect(stages.map((s) => [s.stage, s.due])).toEqual([['dispatch', '2026-10-08'], ['mail-originals', '2026-10-09'], ['decide', '2026-10-15']]); // 2 working days of transit, then 5; 10-10 is a make-up working Saturday
    expect(nextDeadline(stages)?.stage).toBe('dispatch');
  });

  it('flags a stage overdue only after its last day, and keeps a late stage flagged once done', () => {
    const opened = chain([['open', '2026-09-30T01:00:00Z']]);
    expect(caseDeadlines(opened, terms, officialWorkingCalendar, '2026-10-08').find((s) => s.stage === 'dispatch')?.overdue).toBe(false);
    expect(caseDeadlines(opened, terms, officialWorkingCalendar, '2026-10-09').find((s) => s.stage === 'dispatch')?.overdue).toBe(true);
    const late = chain([['open', '2026-09-30T01:00:00Z'], ['dispatch', '2026-10-09T02:00:00Z', { trackingNumber: 'EMS1' }]]);
    const stages = caseDeadlines(late, terms, officialWorkingCalendar, '2026-10-09');
    expect(stages.find((s) => s.stage === 'dispatch')).toMatchObject({ overdue: true, doneAt: '2026-10-09T02:00:00Z' });
    expect(stages.find((s) => s.stage === 'mail-originals')).toMatchObject({ overdue: false });
    expect(stages.find((s) => s.stage === 'forward')).toMatchObject({ opensOn: '2026-10-09', due: '2026-10-10' });
  });

  it('voiding cancels every open stage', () => {
    const stages = caseDeadlines(chain([['open', '2026-09-30T01:00:00Z'], ['void', '2026-10-20T01:00:00Z', { reason: '申请人撤回' }]]), terms, officialWorkingCalendar, '2026-10-20');
    expect(stages.every((s) => s.cancelled && !s.overdue)).toBe(true);
    expect(nextDeadline(stages)).toBeNull();
  });

  it('counts 承诺办理时限 in working days, natural days, months and hours; 0 is the acceptance day', () => {
    const at = '2026-09-30T01:00:00Z';
    expect(promisedDueDate(at, { value: 0, unit: { code: 'WD', label: '工作日' } }, officialWorkingCalendar).date).toBe('2026-09-30');
    expect(promisedDueDate(at, { value: 20, unit: { code: 'WD', label: '工作日' } }, officialWorkingCalendar).date).toBe('2026-11-03');
    // 30 natural days end on 2026-10-30 (a Friday, a working day).
    expect(promisedDueDate(at, { value: 30, unit: { code: 'CD', label: '自然日' } }, officialWorkingCalendar).date).toBe('2026-10-30');
    // 2 natural days end on 2026-10-02 (国庆节): moved to the next working day.
    expect(promisedDueDate(at, { value: 2, unit: { code: 'CD', label: '自然日' } }, officialWorkingCalendar).date).toBe('2026-10-08');
    expect(promisedDueDate(at, { value: 1, unit: { code: 'M', label: '月' } }, officialWorkingCalendar).date).toBe('2026-10-30');
    expect(promisedDueDate('2026-09-30T15:00:00Z', { value: 2, unit: { code: 'H', label: '小时' } }, officialWorkingCalendar).date).toBe('2026-10-01');
    // Handled elsewhere: 即办 is due once the flow's 2 working days have passed.
    expect(promisedDueDate(at, { value: 0, unit: { code: 'WD', label: '工作日' } }, officialWorkingCalendar, 2).date).toBe('2026-10-09');
  });

  it('says when a due date falls in a year without calendar data', () => {
    const stages = caseDeadlines(chain([['open', '2026-12-30T01:00:00Z']]), terms, officialWorkingCalendar, '2026-12-30');
    expect(stages.find((s) => s.stage === 'decide')?.calendarMissing).toEqual([2027]);
  });
});

describe('case event chain', () => {
  const events = chain([['open', '2026-09-30T01:00:00Z'], ['dispatch', '2026-09-30T02:00:00Z'], ['receive', '2026-10-08T01:00:00Z']]);

  it('verifies an untouched chain', () => {
    expect(verifyCaseEvents(CASE, events)).toEqual({ ok: true, checked: 3, firstBroken: null });
  });

  it('detects an edited, removed, reordered or foreign event', () => {
    const edited = events.map((e, n) => (n === 1 ? { ...e, at: '2026-09-30T00:30:00Z' } : e));
    expect(verifyCaseEvents(CASE, edited).firstBroken).toEqual({ seq: 2, problem: 'event content does not match its hash' });
    expect(verifyCaseEvents(CASE, [events[0]!, events[2]!]).ok).toBe(false);
    expect(verifyCaseEvents(CASE, [events[1]!, events[0]!, events[2]!]).ok).toBe(false);
    expect(verifyCaseEvents('TB15010220260930-000002', events).firstBroken?.problem).toMatch(/belongs to case/);
    expect(verifyCaseEvents(CASE, []).ok).toBe(false);
  });
});

describe('what the standard implies', () => {
  it('keeps the signed paper forms of which an original is asked, not the certificates checked and handed back', () => {
    const material = (id: string, type: string, form: string, originals?: number) => ({
      id, name: id, required: true, necessity: { code: '1', label: '必要' }, type: { code: type, label: '' }, form: { code: form, label: '' }, source: { code: '10', label: '' },
      ...(originals === undefined ? {} : { originals }),
    });
    const standard = { materials: [material('form', '2', '3', 1), material('id-card', '1', '1', 1), material('letter', '2', '2', 1), material('copy', '2', '1')] };
    expect(keptPaperOriginals(standard, ['form', 'id-card', 'letter', 'copy'])).toEqual(['form']);
    expect(keptPaperOriginals(standard, ['id-card'])).toEqual([]);
  });

  it('names the approving department at a locality after the regional one', () => {
    expect(localDepartmentName('内蒙古自治区人力资源和社会保障厅', { code: '150102', name: '新城区' })).toBe('新城区人力资源和社会保障局');
    expect(localDepartmentName('内蒙古自治区市场监督管理局', { code: '152921', name: '阿拉善左旗' })).toBe('阿拉善左旗市场监督管理局');
    expect(localDepartmentName('内蒙古自治区民政厅', { code: '150000', name: '内蒙古自治区' })).toBe('内蒙古自治区民政厅');
  });
});
