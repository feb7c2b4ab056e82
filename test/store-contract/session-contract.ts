import { expect, it } from 'vitest';
import { ConflictError, type PrincipalRecord, type SessionRecord } from '../../engine/core/index.js';
import type { StoreHarness } from './store-contract.js';

const principal: PrincipalRecord = {
  id: 'operator-s1', name: '刘受理', role: 'operator', department: null, division: '150102',
  createdAt: '2026-03-02T00:00:00.000Z', createdBy: 'admin', revokedAt: null, revokedBy: null, tokenHash: 'd'.repeat(64),
};

function session(idHash: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return { idHash, principalId: principal.id, createdAt: '2026-03-02T00:30:00.000Z', expiresAt: '2026-03-02T10:30:00.000Z', revokedAt: null, ...overrides };
}

/** People's sessions: both adapters keep them by id hash with their principal, refuse duplicates and revoke once. */
export function sessionContract(harness: () => StoreHarness): void {
  it('keeps sessions by id hash with their principal, refuses a duplicate and revokes once', async () => {
    const h = harness();
    await h.store.createPrincipal(principal);
    const first = session('1'.repeat(64));
    await h.store.createSession(first);
    await h.store.createSession(session('2'.repeat(64), { expiresAt: '2026-03-03T10:30:00.000Z' }));
    await expect(h.store.createSession({ ...first, principalId: 'someone-else' })).rejects.toBeInstanceOf(ConflictError);
    expect(await h.store.findSession(first.idHash)).toEqual({ session: first, principal });
    expect(await h.store.findSession('9'.repeat(64))).toBeNull();

    expect(await h.store.revokeSession(first.idHash, '2026-03-02T05:00:00.000Z')).toBe(true);
    expect(await h.store.revokeSession(first.idHash, '2026-03-02T06:00:00.000Z')).toBe(true);
    expect((await h.store.findSession(first.idHash))?.session.revokedAt).toBe('2026-03-02T05:00:00.000Z');
    // Revoking one session leaves the person's other browser signed in.
    expect((await h.store.findSession('2'.repeat(64)))?.session.revokedAt).toBeNull();
    expect(await h.store.revokeSession('9'.repeat(64), '2026-03-02T06:00:00.000Z')).toBe(false);

    // The principal comes with the session as it is now: a revoked principal shows as revoked.
    await h.store.revokePrincipal(principal.id, '2026-03-02T07:00:00.000Z', 'admin');
    expect((await h.store.findSession('2'.repeat(64)))?.principal.revokedAt).toBe('2026-03-02T07:00:00.000Z');
  });

  it('purges the sessions that ended (expired or revoked) before a moment and keeps the live ones', async () => {
    const h = harness();
    await h.store.createPrincipal(principal);
    const expired = session('1'.repeat(64), { expiresAt: '2026-03-02T10:30:00.000Z' });
    const expiresExactly = session('2'.repeat(64), { expiresAt: '2026-03-02T12:00:00.000Z' });
    const revoked = session('3'.repeat(64), { expiresAt: '2026-03-02T20:00:00.000Z' });
    const revokedLater = session('4'.repeat(64), { expiresAt: '2026-03-02T20:00:00.000Z' });
    const live = session('5'.repeat(64), { expiresAt: '2026-03-02T20:00:00.000Z' });
    for (const s of [expired, expiresExactly, revoked, revokedLater, live]) await h.store.createSession(s);
    await h.store.revokeSession(revoked.idHash, '2026-03-02T11:00:00.000Z');
    await h.store.revokeSession(revokedLater.idHash, '2026-03-02T13:00:00.000Z');

    expect(await h.store.purgeSessions('2026-03-02T12:00:00.000Z')).toBe(3);
    expect(await h.store.findSession(expired.idHash)).toBeNull();
    expect(await h.store.findSession(expiresExactly.idHash)).toBeNull();
    expect(await h.store.findSession(revoked.idHash)).toBeNull();
    // Revoked after the moment, or still valid: kept.
    expect((await h.store.findSession(revokedLater.idHash))?.session.revokedAt).toBe('2026-03-02T13:00:00.000Z');
    expect((await h.store.findSession(live.idHash))?.session).toEqual(live);
    expect(await h.store.purgeSessions('2026-03-02T12:00:00.000Z')).toBe(0);
  });

  it('gives runtimes no access to sessions through the read-only store', async () => {
    const reader = await harness().openReader();
    try {
      for (const method of ['createSession', 'findSession', 'revokeSession', 'purgeSessions']) expect(method in reader, method).toBe(false);
    } finally {
      await reader.close();
    }
  });
}
