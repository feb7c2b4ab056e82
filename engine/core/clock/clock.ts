/**
 * Where services get the time from. Dates that matter legally (publication, acceptance, every
 * case event) come from the server's clock, never from a request; tests inject a fixed one.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that always answers `at` (an ISO instant): for tests and replays. */
export function fixedClock(at: string): Clock {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an ISO instant: ${at}`);
  return () => new Date(instant);
}

/** The instant as the stores record it. */
export function isoNow(clock: Clock): string {
  return clock().toISOString();
}
