import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationFailedError, maskIdNumber, maskPhone } from '../../engine/core/index.js';
import { DECISION_LOG_WRITE_METHODS, isDecisionId, type DecisionLogReader, type DecisionLogWriter, type DecisionRecord } from '../../engine/ports/index.js';
import { maskDecisionRecord } from '../../engine/services/index.js';
import { at, ID_NUMBER, MOBILE, newDecision } from './fixtures.js';

export interface DecisionLogHarness {
  log: DecisionLogWriter;
  /** The read-only log an auditor or reviewer would get over the same data. */
  openReader(): Promise<DecisionLogReader>;
  close(): Promise<void>;
}

/** The behaviours every decision-log adapter must share, so that SQLite and MongoDB cannot drift. */
export function describeDecisionLogContract(name: string, open: () => Promise<DecisionLogHarness>): void {
  describe(`decision log contract: ${name}`, () => {
    let h: DecisionLogHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      await h.close();
    });

    it('records a decision and gets back exactly the same record', async () => {
      const input = newDecision({ outcome: 'redirect', at: '2025-03-01T08:30:00+08:00' });
      const recorded = await h.log.record(input);
      const { at: _given, ...rest } = input;
      // The explanation is a function of the version and the input: replay recomputes it, the log does not keep it.
      const { explanation: _explanation, ...kept } = input.decision;
      expect(recorded).toEqual({ ...rest, decision: kept, id: recorded.id, at: '2025-03-01T00:30:00.000Z' });
      expect('explanation' in recorded.decision).toBe(false);
      expect(isDecisionId(recorded.id)).toBe(true);
      const read = await h.log.get(recorded.id);
      expect(read).toStrictEqual(recorded);
      expect(read?.input.formData).toEqual(input.input.formData);
      expect(read?.decision).toEqual(kept);
      expect(await h.log.get('D00000000000000000000000000')).toBeNull();

      const before = Date.now();
      const stamped = await h.log.record(newDecision());
      expect(Date.parse(stamped.at)).toBeGreaterThanOrEqual(before - 1);
      expect(Date.parse(stamped.at)).toBeLessThanOrEqual(Date.now());
      expect(stamped.id > recorded.id).toBe(true);
    });

    it('names the person who made a decision, and refuses a malformed one', async () => {
      const made = await h.log.record({ ...newDecision(), by: { id: 'operator-xincheng', name: '新城区窗口' } });
      expect(made.by).toEqual({ id: 'operator-xincheng', name: '新城区窗口' });
      expect((await h.log.get(made.id))?.by).toEqual({ id: 'operator-xincheng', name: '新城区窗口' });
      expect((await h.log.list({ limit: 10 })).find((r) => r.id === made.id)?.by).toEqual({ id: 'operator-xincheng', name: '新城区窗口' });
      // A record made without a signed-in person has no `by` at all (older records read as they were).
      const anonymous = await h.log.record(newDecision());
      expect('by' in ((await h.log.get(anonymous.id)) ?? {})).toBe(false);
      await expect(h.log.record({ ...newDecision(), by: { id: '', name: '新城区窗口' } })).rejects.toBeInstanceOf(ValidationFailedError);
    });

    it('gives 50 concurrent records unique, increasing ids', async () => {
      const records = await Promise.all(Array.from({ length: 50 }, (_, n) => h.log.record(newDecision({ n }))));
      const ids = records.map((r) => r.id);
      expect(new Set(ids).size).toBe(50);
      expect([...ids].sort()).toEqual(ids);
      const listed = await h.log.list({ limit: 1000 });
      expect(listed.map((r) => r.id)).toEqual(ids);
      expect(listed.map((r) => r.input.formData.n)).toEqual(Array.from({ length: 50 }, (_, n) => n));
      expect(await h.log.count()).toBe(50);
    });

    it('filters by code, version, division, outcome and time, and pages by id', async () => {
      const specs = [
        { code: 'A', version: 1, division: '150102', outcome: 'accept' },
        { code: 'A', version: 1, division: '150102', outcome: 'supplement' },
        { code: 'A', version: 2, division: '152921', outcome: 'accept' },
        { code: 'B', version: 1, division: '150102', outcome: 'reject' },
        { code: 'A', version: 2, division: '150102', outcome: 'accept' },
        { code: 'B', version: 1, division: '152921', outcome: 'redirect' },
        { code: 'A', version: 1, division: '152921', outcome: 'accept' },
      ] as const;
      const recorded: DecisionRecord[] = [];
      for (const [n, spec] of specs.entries()) recorded.push(await h.log.record(newDecision({ ...spec, n, at: at(n + 1) })));
      const ids = (list: { id: string }[]) => list.map((r) => r.id);
      const pick = (...indexes: number[]) => indexes.map((i) => recorded[i]?.id);

      expect(ids(await h.log.list())).toEqual(pick(0, 1, 2, 3, 4, 5, 6));
      expect(ids(await h.log.list({ code: 'A' }))).toEqual(pick(0, 1, 2, 4, 6));
      expect(ids(await h.log.list({ code: 'A', version: 2 }))).toEqual(pick(2, 4));
      expect(ids(await h.log.list({ division: '152921' }))).toEqual(pick(2, 5, 6));
      expect(ids(await h.log.list({ outcome: 'accept' }))).toEqual(pick(0, 2, 4, 6));
      expect(ids(await h.log.list({ code: 'A', version: 1, outcome: 'accept', division: '150102' }))).toEqual(pick(0));
      expect(ids(await h.log.list({ from: at(3), to: at(5) }))).toEqual(pick(2, 3, 4));
      expect(ids(await h.log.list({ from: at(6) }))).toEqual(pick(5, 6));
      expect(ids(await h.log.list({ to: '2025-01-01T08:00:02+08:00' }))).toEqual(pick(0, 1));
      expect(ids(await h.log.list({ from: '2025-01-01', to: '2025-01-01' }))).toHaveLength(7);
      expect(await h.log.list({ to: '2024-12-31' })).toEqual([]);
      expect(await h.log.list({ code: 'NONE' })).toEqual([]);

      const first = await h.log.list({ code: 'A', limit: 2 });
      expect(ids(first)).toEqual(pick(0, 1));
      const second = await h.log.list({ code: 'A', limit: 2, afterId: first[1]?.id });
      expect(ids(second)).toEqual(pick(2, 4));
      const third = await h.log.list({ code: 'A', limit: 2, afterId: second[1]?.id });
      expect(ids(third)).toEqual(pick(6));
      expect(await h.log.list({ code: 'A', limit: 2, afterId: third[0]?.id })).toEqual([]);

      expect(await h.log.count()).toBe(7);
      expect(await h.log.count({ code: 'A' })).toBe(5);
      expect(await h.log.count({ code: 'A', version: 1 })).toBe(3);
      expect(await h.log.count({ code: 'B', outcome: 'redirect' })).toBe(1);
      expect(await h.log.count({ from: at(3), to: at(5) })).toBe(3);
      expect(await h.log.count({ code: 'A', afterId: recorded[2]?.id, limit: 1 })).toBe(2);
    });

    it('refuses malformed records and queries with a ValidationFailedError', async () => {
      const good = newDecision();
      await expect(h.log.record({ ...good, outcome: 'accept' })).rejects.toBeInstanceOf(ValidationFailedError);
      await expect(h.log.record({ ...good, version: 0 })).rejects.toBeInstanceOf(ValidationFailedError);
      await expect(h.log.record({ ...good, code: '' })).rejects.toBeInstanceOf(ValidationFailedError);
      await expect(h.log.record({ ...good, at: 'yesterday' })).rejects.toBeInstanceOf(ValidationFailedError);
      await expect(h.log.record({ ...good, input: { ...good.input, formData: { x: Number.NaN } } })).rejects.toBeInstanceOf(ValidationFailedError);
      await expect(h.log.list({ from: 'last week' })).rejects.toBeInstanceOf(ValidationFailedError);
      await expect(h.log.count({ outcome: 'maybe' as never })).rejects.toBeInstanceOf(ValidationFailedError);
      expect(await h.log.count()).toBe(0);
    });

    it('gives auditors a reader with no write methods that sees the records', async () => {
      const recorded = await h.log.record(newDecision());
      const reader = await h.openReader();
      try {
        for (const method of DECISION_LOG_WRITE_METHODS) expect(method in reader, `${method} on the reader`).toBe(false);
        expect(await reader.get(recorded.id)).toEqual(recorded);
        expect(await reader.list({ code: recorded.code })).toEqual([recorded]);
        expect(await reader.count()).toBe(1);
        expect(await reader.health()).toMatchObject({ ok: true, adapter: h.log.adapter, readOnly: true });
      } finally {
        await reader.close();
      }
      expect(await h.log.health()).toMatchObject({ ok: true, adapter: h.log.adapter, readOnly: false });
    });

    it('masks ID and mobile numbers for listings and leaves the stored record unchanged', async () => {
      const recorded = await h.log.record(newDecision());
      const snapshot = structuredClone(recorded);
      const masked = maskDecisionRecord(recorded);
      expect(recorded).toEqual(snapshot);

      const maskedText = JSON.stringify([masked.input.formData, masked.decision]);
      expect(maskedText).not.toContain(ID_NUMBER);
      expect(maskedText).not.toContain(MOBILE);
      const formData = masked.input.formData as { applicant: Record<string, unknown>; note: string };
      expect(formData.applicant.idNumber).toBe(maskIdNumber(ID_NUMBER));
      expect(formData.applicant.mobile).toBe(maskPhone(MOBILE));
      expect(formData.note).toBe(`联系电话${maskPhone(MOBILE)}，身份证号${maskIdNumber(ID_NUMBER)}`);
      expect(masked.decision.fieldErrors[0]?.message).toBe(`手机号码「${maskPhone(MOBILE)}」格式不正确`);
      expect(masked.decision.missingMaterials).toEqual(recorded.decision.missingMaterials);

      // Nothing but the personal data changes.
      const unmask = (text: string) => text.replaceAll(maskIdNumber(ID_NUMBER), ID_NUMBER).replaceAll(maskPhone(MOBILE), MOBILE);
      expect(JSON.parse(unmask(JSON.stringify(masked)))).toEqual(recorded);

      const stored = await h.log.get(recorded.id);
      expect(stored).toEqual(snapshot);
      expect(JSON.stringify(stored)).toContain(ID_NUMBER);
      expect((stored?.input.formData as { applicant: Record<string, unknown> }).applicant.mobile).toBe(MOBILE);
    });
  });
}
