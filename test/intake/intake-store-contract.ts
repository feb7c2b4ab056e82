import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseChangedError, GENESIS_HASH, NotFoundError, ValidationFailedError, CASE_NUMBER_PATTERN, verifyCaseEvents, type NewCaseEvent } from '../../engine/core/index.js';
import type { CaseProjection, IntakeRecord, IntakeStore } from '../../engine/ports/index.js';
import { ID_NUMBER, newIntake, PDF, PNG } from './fixtures.js';

export interface IntakeStoreHarness {
  store: IntakeStore;
  close(): Promise<void>;
}

/** The behaviours every intake-store adapter must share, so that SQLite and MongoDB cannot drift. */
export function describeIntakeStoreContract(name: string, open: () => Promise<IntakeStoreHarness>): void {
  describe(`intake store contract: ${name}`, () => {
    let h: IntakeStoreHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      await h.close();
    });

    it('creates a record with a case number per division and day (Asia/Shanghai), and gets it back unchanged', async () => {
      const input = newIntake({ createdAt: '2025-06-01T17:30:00Z' });
      const first = await h.store.create(input);
      expect(first.caseNumber).toBe('TB15010220250602-000001');
      expect(first.caseNumber).toMatch(CASE_NUMBER_PATTERN);
      expect(first).toMatchObject({ createdAt: '2025-06-01T17:30:00.000Z', receivingDivision: '150102', browserMismatch: null, decisionId: null, attachments: [] });
      expect(first.formData).toEqual(input.formData);
      expect(first.decision).toEqual(input.decision);
      expect(await h.store.get(first.caseNumber)).toStrictEqual(first);

      const second = await h.store.create(newIntake({ createdAt: '2025-06-02T01:00:00Z' }));
      expect(second.caseNumber).toBe('TB15010220250602-000002');
      const elsewhere = await h.store.create(newIntake({ division: '152921', createdAt: '2025-06-02T01:00:00Z' }));
      expect(elsewhere.caseNumber).toBe('TB15292120250602-000001');
      const nextDay = await h.store.create(newIntake({ createdAt: '2025-06-02T16:00:00Z' }));
      expect(nextDay.caseNumber).toBe('TB15010220250603-000001');
      const today = await h.store.create(newIntake());
      expect(today.caseNumber).toMatch(/^TB150102\d{8}-000001$/);

      expect(await h.store.get('TB15010220250602-999999')).toBeNull();
      expect(await h.store.get('nonsense')).toBeNull();
    });

    it('numbers 20 concurrent records of one window uniquely and without gaps', async () => {
      const records = await Promise.all(Array.from({ length: 20 }, (_, n) => h.store.create(newIntake({ n, createdAt: '2025-06-02T02:00:00Z' }))));
      const numbers = records.map((r) => r.caseNumber).sort();
      expect(new Set(numbers).size).toBe(20);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `TB15010220250602-${String(i + 1).padStart(6, '0')}`));
    });

    it('lists newest first, by receiving or handling locality and item, and pages', async () => {
      const at = (minute: number) => new Date(Date.UTC(2025, 5, 2, 2, minute)).toISOString();
      const made: IntakeRecord[] = [];
      made.push(await h.store.create(newIntake({ createdAt: at(1) })));
      made.push(await h.store.create(newIntake({ createdAt: at(2), code: 'ITEM-2' })));
      made.push(await h.store.create(newIntake({ createdAt: at(3), division: '152921' })));
      made.push(await h.store.create(newIntake({ createdAt: at(4), division: '152921', handlingDivision: '150102' })));
      made.push(await h.store.create(newIntake({ createdAt: at(5) })));
      const numbers = (list: IntakeRecord[]) => list.map((r) => r.caseNumber);
      const pick = (...i: number[]) => i.map((k) => made[k]?.caseNumber);
      expect(numbers(await h.store.list())).toEqual(pick(4, 3, 2, 1, 0));
      expect(numbers(await h.store.list({ division: '150102' }))).toEqual(pick(4, 3, 1, 0));
      expect(numbers(await h.store.list({ division: '152921' }))).toEqual(pick(3, 2));
      expect(numbers(await h.store.list({ code: 'ITEM-2' }))).toEqual(pick(1));
      const page1 = await h.store.list({ division: '150102', limit: 2 });
      expect(numbers(page1)).toEqual(pick(4, 3));
      const page2 = await h.store.list({ division: '150102', limit: 2, afterCaseNumber: page1[1]?.caseNumber });
      expect(numbers(page2)).toEqual(pick(1, 0));
      expect(await h.store.list({ division: '150102', afterCaseNumber: page2[1]?.caseNumber })).toEqual([]);
      expect(await h.store.list({ division: '150203' })).toEqual([]);
      expect((await h.store.list())[0]).toEqual(made[4]);
    });

    it('keeps attachments with their size and SHA-256, and lists them on the record', async () => {
      const record = await h.store.create(newIntake());
      const pdf = await h.store.addAttachment(record.caseNumber, { name: 'C:\\扫描件\\身份证.pdf', contentType: 'application/pdf', data: new Uint8Array(PDF) });
      expect(pdf).toEqual({ id: pdf.id, name: '身份证.pdf', contentType: 'application/pdf', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });
      expect(pdf.id).toMatch(/^A[0-9A-HJKMNP-TV-Z]{26}$/);
      const png = await h.store.addAttachment(record.caseNumber, { name: '照片.png', contentType: 'image/png', data: PNG });
      const stored = await h.store.getAttachment(record.caseNumber, png.id);
      expect(stored && Buffer.from(stored.data).equals(PNG)).toBe(true);
      expect(stored).toMatchObject(png);
      expect((await h.store.get(record.caseNumber))?.attachments).toEqual([pdf, png]);
      expect((await h.store.list())[0]?.attachments).toEqual([pdf, png]);
      expect(await h.store.getAttachment(record.caseNumber, 'A0000')).toBeNull();
      const other = await h.store.create(newIntake());
      expect(await h.store.getAttachment(other.caseNumber, pdf.id)).toBeNull();
      await expect(h.store.addAttachment('TB15010220990101-000001', { name: 'x.pdf', contentType: 'application/pdf', data: PDF })).rejects.toBeInstanceOf(NotFoundError);
      await expect(h.store.addAttachment(record.caseNumber, { name: 'x.pdf', contentType: 'application/pdf', data: new Uint8Array() })).rejects.toBeInstanceOf(ValidationFailedError);
      await expect(h.store.addAttachment(record.caseNumber, { name: '', contentType: 'application/pdf', data: PDF })).rejects.toBeInstanceOf(ValidationFailedError);
    });

    it('refuses malformed records with a ValidationFailedError and stores nothing', async () => {
      const good = newIntake();
      await expect(h.store.create({ ...good, receivingDivision: '999999' })).rejects.toBeInstanceOf(ValidationFailedError);
      await expect(h.store.create({ ...good, handling: { ...good.handling, division: '110105' } })).rejects.toBeInstanceOf(ValidationFailedError);
      await expect(h.store.create({ ...good, item: { ...good.item, version: 0 } })).rejects.toBeInstanceOf(ValidationFailedError);
      await expect(h.store.create({ ...good, createdBy: '' })).rejects.toBeInstanceOf(ValidationFailedError);
      await expect(h.store.create({ ...good, formData: { x: Number.NaN } })).rejects.toBeInstanceOf(ValidationFailedError);
      await expect(h.store.list({ limit: 'ten' as never })).rejects.toBeInstanceOf(ValidationFailedError);
      expect(await h.store.list()).toEqual([]);
    });

    it('keeps the browser mismatch and the personal data exactly as given, and reports health', async () => {
      const mismatch = { browserOutcome: 'accept', browserHash: 'b'.repeat(64), serverOutcome: 'supplement' as const, serverHash: 'ab'.repeat(32) };
      const record = await h.store.create({ ...newIntake(), browserMismatch: mismatch, decisionId: 'D0000000000000000000000001' });
      const read = await h.store.get(record.caseNumber);
      expect(read?.browserMismatch).toEqual(mismatch);
      expect(read?.decisionId).toBe('D0000000000000000000000001');
      expect(JSON.stringify(read?.formData)).toContain(ID_NUMBER);
      expect(await h.store.health()).toMatchObject({ ok: true, adapter: h.store.adapter, readOnly: false });
    });

    describe('cases', () => {
      const projection = (over: Partial<CaseProjection> = {}): CaseProjection => ({
        status: 'accepted', holderDivision: '150102', dueStage: 'dispatch', dueDate: '2025-06-03', promisedDue: '2025-06-09',
        applicantKey: 'k1', applicantLabel: '王*（1101**********002X）', updatedAt: '2025-06-02T01:00:00.000Z', ...over,
      });
      const event = (type: NewCaseEvent['type'], details: Record<string, unknown> = {}): NewCaseEvent => ({
        type, at: '2025-06-02T01:00:00.000Z', actor: { id: 'operator-xincheng', name: '刘敏', role: 'operator' }, division: '150102', department: null, comment: '', details,
      });

      it('writes the opening event with the record, chains every append, and refuses a stale or unknown case', async () => {
        const record = await h.store.create(newIntake({ handlingDivision: '152921' }), { event: event('open', { outcome: 'accept' }), projection: projection() });
        const [opening] = await h.store.caseEvents(record.caseNumber);
        expect(opening).toMatchObject({ caseNumber: record.caseNumber, seq: 1, type: 'open', prevHash: GENESIS_HASH });
        const second = await h.store.appendCaseEvent(record.caseNumber, 1, event('dispatch'), projection({ status: 'dispatched', holderDivision: '152921', dueStage: 'forward' }));
        expect(second).toMatchObject({ seq: 2, prevHash: opening?.hash });
        await expect(h.store.appendCaseEvent(record.caseNumber, 1, event('receive'), projection())).rejects.toBeInstanceOf(CaseChangedError);
        await expect(h.store.appendCaseEvent('TB15010220990101-000001', 0, event('open'), projection())).rejects.toBeInstanceOf(NotFoundError);
        const events = await h.store.caseEvents(record.caseNumber);
        expect(events.map((e) => e.type)).toEqual(['open', 'dispatch']);
        expect(verifyCaseEvents(record.caseNumber, events).ok).toBe(true);
        const [row] = await h.store.listCases({ caseNumber: record.caseNumber });
        expect(row).toMatchObject({ status: 'dispatched', holderDivision: '152921', dueStage: 'forward', seq: 2, handlingDivision: '152921', department: record.handling.department, itemName: record.item.name });
        expect(await h.store.caseEvents('TB15010220990101-000001')).toEqual([]);
      });

      it('lets exactly one of racing appends win', async () => {
        const record = await h.store.create(newIntake(), { event: event('open', { outcome: 'accept' }), projection: projection() });
        const results = await Promise.allSettled(Array.from({ length: 5 }, () => h.store.appendCaseEvent(record.caseNumber, 1, event('forward'), projection({ status: 'with-department' }))));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof CaseChangedError)).toBe(true);
        expect(await h.store.caseEvents(record.caseNumber)).toHaveLength(2);
      });

      it('opens the case of a record saved without one at sequence 0', async () => {
        const record = await h.store.create(newIntake());
        expect(await h.store.listCases({})).toEqual([]);
        await h.store.appendCaseEvent(record.caseNumber, 0, event('open', { outcome: 'accept' }), projection());
        expect((await h.store.caseEvents(record.caseNumber)).map((e) => e.seq)).toEqual([1]);
        await expect(h.store.appendCaseEvent(record.caseNumber, 0, event('open'), projection())).rejects.toBeInstanceOf(CaseChangedError);
      });

      it('lists cases within a locality, by status, department, holder, applicant and due date, due first and paged', async () => {
        const open = (division: string, handlingDivision: string, over: Partial<CaseProjection>) =>
          h.store.create(newIntake({ division, handlingDivision }), { event: event('open', { outcome: 'accept' }), projection: projection({ holderDivision: division, ...over }) });
        const a = await open('150102', '150102', { dueDate: '2025-06-05' });
        const b = await open('150102', '152921', { dueDate: '2025-06-03', applicantKey: 'k2' });
        const c = await open('152921', '152921', { dueDate: null, dueStage: null, status: 'delivered', holderDivision: null });
        const d = await open('150105', '150105', { dueDate: '2025-06-04' });
        const numbers = async (query: Parameters<IntakeStore['listCases']>[0]) => (await h.store.listCases(query)).map((row) => row.caseNumber);
        expect(await numbers({})).toEqual([b.caseNumber, d.caseNumber, a.caseNumber, c.caseNumber]);
        expect(await numbers({ within: '150100' })).toEqual([b.caseNumber, d.caseNumber, a.caseNumber]);
        expect(await numbers({ within: '150102' })).toEqual([b.caseNumber, a.caseNumber]);
        expect(await numbers({ within: '152921' })).toEqual([b.caseNumber, c.caseNumber]);
        expect(await numbers({ within: '150000', statuses: ['delivered'] })).toEqual([c.caseNumber]);
        expect(await numbers({ dueBefore: '2025-06-05' })).toEqual([b.caseNumber, d.caseNumber]);
        expect(await numbers({ dueOnOrBefore: '2025-06-05' })).toEqual([b.caseNumber, d.caseNumber, a.caseNumber]);
        expect(await numbers({ applicantKey: 'k2' })).toEqual([b.caseNumber]);
        expect(await numbers({ holderDivision: '150105' })).toEqual([d.caseNumber]);
        expect(await numbers({ limit: 2 })).toEqual([b.caseNumber, d.caseNumber]);
        expect(await numbers({ limit: 2, afterCaseNumber: d.caseNumber })).toEqual([a.caseNumber, c.caseNumber]);
        await expect(h.store.listCases({ within: 'somewhere' })).rejects.toBeInstanceOf(ValidationFailedError);
        await expect(h.store.listCases({ statuses: ['lost' as never] })).rejects.toBeInstanceOf(ValidationFailedError);
      });
    });
  });
}
