import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chainAuditEvent, checkpointPolicy, contentHash, ephemeralProcessSigning, signVersion, systemClock, type AuditEvent, type NewAuditEvent, type VersionRecord,
} from '../../engine/core/index.js';
import { CheckpointWatch } from '../../runtime/server/checkpoint-watch.js';
import { itemConfig } from '../fixtures/item-config.js';
import { publishThroughApi } from '../http/designer-api.js';
import { openClaimedRuntime } from '../http/runtime-api.js';
import type { InstallationFactory, TestInstallation } from '../support/installation.js';

/** What someone with write access to the store's files or database can do behind the servers' backs. */
export interface AuditTampering {
  /** Removes every audit event after `seq`. */
  deleteAuditAfter(t: TestInstallation, seq: number): Promise<void>;
  /** Overwrites stored events (content, hash and index) with these, by sequence number. */
  replaceAuditEvents(t: TestInstallation, events: readonly AuditEvent[]): Promise<void>;
  /** Changes the stored actor that `GET /api/audit?actor=` filters on, and nothing else. */
  setIndexedActor(t: TestInstallation, seq: number, actor: string): Promise<void>;
  /** How verification names an edited actor: SQLite indexes a column beside the event; MongoDB's field is the event itself. */
  indexedActorDetectedAs: 'index-mismatch' | 'broken-link';
  insertRawVersion(t: TestInstallation, version: VersionRecord): Promise<void>;
  deleteVersion(t: TestInstallation, code: string, version: number): Promise<void>;
  /** Takes a copy of the config store; the function it returns puts that copy back. */
  snapshotConfigStore(t: TestInstallation): Promise<() => Promise<void>>;
  deleteCaseEvent(t: TestInstallation, caseNumber: string, seq: number): Promise<void>;
  setCaseStatus(t: TestInstallation, caseNumber: string, status: string): Promise<void>;
}

interface VerifyReport {
  ok: boolean;
  firstBroken: { seq: number } | null;
  events: number;
  checkpoints: { stored: number; trusted: number; latest: { count: number } | null };
  problems: { kind: string; seq?: number; fromSeq?: number; toSeq?: number; code?: string; version?: number; field?: string; caseNumber?: string; message: string }[];
}

/** Edits event `seq` and recomputes every later link, as an attacker without the signing key can. */
function rechainedFrom(events: readonly AuditEvent[], seq: number, edit: (event: AuditEvent) => AuditEvent): AuditEvent[] {
  let previous: AuditEvent | null = events[seq - 2] ?? null;
  return events.slice(seq - 1).map((stored) => {
    const { seq: _seq, prevHash: _prev, hash: _hash, ...content } = stored.seq === seq ? edit(stored) : stored;
    const chained = chainAuditEvent(content as NewAuditEvent, previous);
    previous = chained;
    return chained;
  });
}

/** Every attack of issue 19 on the audit trail and on case events, each against a fresh installation. */
export function describeAuditTampering(name: string, open: InstallationFactory, tamper: AuditTampering): void {
  describe(`audit and case tampering on ${name}`, () => {
    let t: TestInstallation | undefined;
    afterEach(async () => {
      await t?.close();
      t = undefined;
    });

    const verify = async (installation: TestInstallation): Promise<VerifyReport> => {
      const res = await request(installation.app).get('/api/audit/verify').set(installation.as.auditor);
      expect(res.status).toBe(200);
      return res.body as VerifyReport;
    };
    const allEvents = async (installation: TestInstallation) => installation.store.listAudit({ limit: 10_000 });
    /** An installation with two publications and a checkpoint every 5 events (besides one per publication). */
    const installed = async (): Promise<TestInstallation> => {
      const installation = await open();
      installation.store.useCheckpoints(checkpointPolicy({ signer: ephemeralProcessSigning().signer, clock: systemClock, every: 5 }));
      await publishThroughApi(installation, itemConfig('TAMPER-1'));
      await publishThroughApi(installation, itemConfig('TAMPER-2'));
      // Five more events, so that an interval checkpoint falls between publications.
      for (let i = 1; i <= 5; i++) {
        await installation.store.appendAudit({ at: new Date().toISOString(), actor: 'admin-test', action: 'station.added', code: null, version: null, reason: null, details: { station: `T${i}` } });
      }
      return installation;
    };

    it('verifies an untouched trail: signed checkpoints at each publication and every N events, nothing reported', async () => {
      t = await installed();
      const events = await allEvents(t);
      const checkpoints = await t.store.listCheckpoints();
      const published = events.filter((e) => e.action === 'version.published').map((e) => e.seq);
      expect(published).toHaveLength(2);
      for (const seq of published) expect(checkpoints.find((c) => c.count === seq), `checkpoint at publication ${seq}`).toMatchObject({ trigger: 'publication', headHash: events[seq - 1]?.hash });
      expect(checkpoints.filter((c) => c.trigger === 'interval').map((c) => c.count).every((count) => count % 5 === 0)).toBe(true);
      expect(checkpoints.some((c) => c.trigger === 'interval')).toBe(true);
      const report = await verify(t);
      expect(report).toMatchObject({ ok: true, firstBroken: null, events: events.length, problems: [] });
      expect(report.checkpoints).toMatchObject({ stored: checkpoints.length, trusted: checkpoints.length, latest: { count: Math.max(...checkpoints.map((c) => c.count)) } });
      const health = await request(t.app).get('/api/health');
      expect(health.body.stores.auditCheckpoints).toMatchObject({ ok: true, details: { remembered: { count: report.checkpoints.latest?.count } } });
    });

    it('reports a missing tail when the last events are deleted, and the version left without its event', async () => {
      t = await installed();
      const events = await allEvents(t);
      const last = events.filter((e) => e.action === 'version.published').at(-1) as AuditEvent;
      const newest = (await t.store.latestCheckpoint())?.count ?? 0;
      expect(newest).toBeGreaterThan(last.seq);
      await tamper.deleteAuditAfter(t, last.seq - 2);
      const report = await verify(t);
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'missing-tail', fromSeq: last.seq - 1, toSeq: newest }));
      expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'version-without-event', code: 'TAMPER-2', version: 1 }));
      expect(report.problems.find((p) => p.kind === 'missing-tail')?.message).toContain(`缺少第 ${last.seq - 1}–${newest} 条`);
    });

    it('reports a rewritten chain when one event is edited and every later link recomputed', async () => {
      t = await installed();
      const events = await allEvents(t);
      const target = events.find((e) => e.action === 'draft.approved' && e.code === 'TAMPER-1') as AuditEvent;
      const rewritten = rechainedFrom(events, target.seq, (e) => ({ ...e, actor: 'reviewer-fabricated' }));
      await tamper.replaceAuditEvents(t, rewritten);
      const report = await verify(t);
      // The chain is self-consistent again, so only the signed checkpoints can tell.
      expect(report.firstBroken).toBeNull();
      expect(report.ok).toBe(false);
      const problem = report.problems.find((p) => p.kind === 'rewritten');
      expect(problem).toBeDefined();
      expect(problem?.fromSeq).toBeLessThanOrEqual(target.seq);
      expect(problem?.toSeq).toBeGreaterThanOrEqual(target.seq);
    });

    it('reports an indexed actor that disagrees with its event', async () => {
      t = await installed();
      const events = await allEvents(t);
      const target = events.find((e) => e.action === 'version.published') as AuditEvent;
      await tamper.setIndexedActor(t, target.seq, 'nobody-fabricated');
      const report = await verify(t);
      expect(report.ok).toBe(false);
      const expected = tamper.indexedActorDetectedAs === 'index-mismatch'
        ? { kind: 'index-mismatch', seq: target.seq, field: 'actor' }
        : { kind: 'broken-link', seq: target.seq };
      expect(report.problems).toContainEqual(expect.objectContaining(expected));
    });

    it('reports a version inserted straight into the store without its event, and an event whose version was removed', async () => {
      t = await installed();
      const config = itemConfig('TAMPER-RAW');
      const unsigned: VersionRecord = {
        code: 'TAMPER-RAW', version: 1, hash: contentHash(config), baseVersion: null, publishedAt: new Date().toISOString(), publishedBy: 'author-zhang',
        author: 'author-zhang', reviewer: 'reviewer-li', reason: '绕过审核', legalBasis: '无', changeKind: 'establish', config,
      };
      // Even signed with the region's key: without its publication event it is reported.
      await tamper.insertRawVersion(t, { ...unsigned, signature: signVersion(unsigned, ephemeralProcessSigning().signer) });
      await tamper.deleteVersion(t, 'TAMPER-1', 1);
      const report = await verify(t);
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'version-without-event', code: 'TAMPER-RAW', version: 1 }));
      const published = (await allEvents(t)).find((e) => e.action === 'version.published' && e.code === 'TAMPER-1') as AuditEvent;
      expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'event-without-version', seq: published.seq, code: 'TAMPER-1', version: 1 }));
    });

    it('alarms in the runtime health when the store is rolled back to an older copy, also after a restart and after new events', async () => {
      t = await installed();
      const dir = mkdtempSync(join(tmpdir(), 'tongban-watch-'));
      try {
        const file = join(dir, 'audit-checkpoint-seen.json');
        const trustedKeys = ephemeralProcessSigning().trustedKeys;
        expect((await request(t.app).get('/api/health')).body.stores.auditCheckpoints.ok).toBe(true);
        const restore = await tamper.snapshotConfigStore(t);
        await publishThroughApi(t, itemConfig('TAMPER-3'));
        const newest = await t.store.latestCheckpoint();
        const seen = await request(t.app).get('/api/health');
        expect(seen.body.stores.auditCheckpoints).toMatchObject({ ok: true, details: { remembered: { count: newest?.count } } });
        expect(await new CheckpointWatch({ reader: t.reader, trustedKeys, file }).observe()).toBeNull();
        expect((await verify(t)).ok).toBe(true);

        await restore();
        const health = await request(t.app).get('/api/health');
        expect(health.status).toBe(503);
        expect(health.body.status).toBe('degraded');
        expect(health.body.stores.auditCheckpoints).toMatchObject({ ok: false, details: { alarm: { kind: 'count-went-down', remembered: { count: newest?.count } } } });
        expect(health.body.stores.auditCheckpoints.details.alarm.message).toContain('倒退');
        // A runtime restarted on the same data directory remembers it too.
        expect(await new CheckpointWatch({ reader: t.reader, trustedKeys, file }).observe()).toMatchObject({ kind: 'count-went-down' });
        // The designer's own verification remembered the newer checkpoint as well.
        expect((await verify(t)).problems).toContainEqual(expect.objectContaining({ kind: 'missing-tail', toSeq: newest?.count }));

        // New writes on the restored copy pass the old count again, but not with the same events.
        await publishThroughApi(t, itemConfig('TAMPER-4'));
        await publishThroughApi(t, itemConfig('TAMPER-5'));
        expect(((await t.store.latestCheckpoint())?.count ?? 0)).toBeGreaterThan(newest?.count ?? 0);
        const after = await request(t.app).get('/api/health');
        expect(after.status).toBe(503);
        expect(after.body.stores.auditCheckpoints.details.alarm.kind).toBe('head-changed');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    describe('case events', () => {
      const openCase = async (installation: TestInstallation): Promise<string> => {
        const saved = await request(installation.app).post('/api/runtime/150102/intakes').set(installation.as.operator)
          .send({ code: 'RT-1', scenario: 'self', formData: { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employmentType: '个体经营' }, materials: ['id-card'], handlingDivision: '152921' });
        expect(saved.status, JSON.stringify(saved.body)).toBe(201);
        const caseNumber = saved.body.intake.caseNumber as string;
        expect((await request(installation.app).post(`/api/cases/${caseNumber}/events`).set(installation.as.operator).send({ type: 'dispatch', comment: '正常推送' })).status).toBe(201);
        return caseNumber;
      };
      const verifyCases = async (installation: TestInstallation) => {
        const res = await request(installation.app).get('/api/cases/verify').set(installation.as.auditor);
        expect(res.status).toBe(200);
        return res.body as VerifyReport & { cases: number; headsDigest: string };
      };

      it('verifies untouched cases, and reports a case whose last event was deleted', async () => {
        t = await openClaimedRuntime(open);
        const caseNumber = await openCase(t);
        const untouched = await verifyCases(t);
        expect(untouched).toMatchObject({ ok: true, cases: 1, events: 2, problems: [] });
        expect(untouched.headsDigest).toMatch(/^[0-9a-f]{64}$/);
        await tamper.deleteCaseEvent(t, caseNumber, 2);
        const report = await verifyCases(t);
        expect(report.ok).toBe(false);
        expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'missing-tail', caseNumber, fromSeq: 2, toSeq: 2 }));
        expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'store-went-back' }));
        expect(report.headsDigest).not.toBe(untouched.headsDigest);
      });

      it('reports a case projection edited behind the events', async () => {
        t = await openClaimedRuntime(open);
        const caseNumber = await openCase(t);
        await tamper.setCaseStatus(t, caseNumber, 'delivered');
        const report = await verifyCases(t);
        expect(report.ok).toBe(false);
        expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'projection-mismatch', caseNumber, field: 'status' }));
        expect(report.problems.find((p) => p.kind === 'projection-mismatch')?.message).toContain('dispatched');
        // Only auditors and admins may run it.
        expect((await request(t.app).get('/api/cases/verify').set(t.as.operator)).status).toBe(403);
      });
    });
  });
}
