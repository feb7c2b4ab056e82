import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sessions, SESSION_PURGE_INTERVAL_MS } from '../../engine/services/index.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';

/** The server's clock, moved by the test: sessions end, and are purged, by it. */
function movableClock(start: string) {
  let now = new Date(start).getTime();
  return { clock: () => new Date(now), advanceHours: (hours: number) => { now += hours * 3_600_000; } };
}

const tokenOf = (t: TestInstallation, name: keyof TestInstallation['as']) => t.as[name].Authorization.replace(/^Bearer /, '');
const sessionCount = (t: TestInstallation) =>
  ((t.store as unknown as { db: { prepare(sql: string): { get(): { n: number } } } }).db.prepare('SELECT COUNT(*) AS n FROM sessions').get()).n;

describe('ended sessions are purged when someone signs in, at most once an hour by the server clock', () => {
  let t: TestInstallation;
  beforeEach(async () => {
    t = await sqliteInstallation();
  });
  afterEach(async () => t?.close());

  it('deletes expired and signed-out sessions off the request path, keeps live ones, and waits an hour between purges', async () => {
    const time = movableClock('2026-03-02T00:30:00.000Z');
    const sessions = new Sessions({ keeper: t.store, principals: t.store, clock: time.clock, hours: 10 });
    const morning = await sessions.open(tokenOf(t, 'operator'));
    expect(await sessions.settled()).toBe(0);
    const signedOut = await sessions.open(tokenOf(t, 'handler'));
    await sessions.close(signedOut.id);
    expect(sessionCount(t)).toBe(2);

    // Half an hour later: too soon for another purge, the signed-out session is still stored.
    time.advanceHours(0.5);
    await sessions.open(tokenOf(t, 'reviewer'));
    expect(await sessions.settled()).toBe(0);
    expect(sessionCount(t)).toBe(3);

    // An hour after the first purge: the signed-out session goes, the live ones stay.
    time.advanceHours(SESSION_PURGE_INTERVAL_MS / 3_600_000 - 0.5);
    const later = await sessions.open(tokenOf(t, 'auditor'));
    expect(await sessions.settled()).toBe(1);
    expect(sessionCount(t)).toBe(3);
    expect((await sessions.resolve(morning.id)).principal.id).toBe(morning.principal.id);

    // 11:15, past the 00:30 and 01:00 sessions' expiry: they go, the 01:30 one (until 11:30) stays.
    time.advanceHours(9.75);
    await sessions.open(tokenOf(t, 'admin'));
    expect(await sessions.settled()).toBe(2);
    expect(sessionCount(t)).toBe(2);
    expect((await sessions.resolve(later.id)).principal.id).toBe(later.principal.id);
  });
});
