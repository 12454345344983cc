import { isFinal } from './status.js';
import type { SessionState } from './stored-session.js';

/** How long sessions live (§7.3), in seconds. */
export interface SessionLifetimes {
  /** Time to connect, and again to finish once connected (irmago `max_session_lifetime`, 15 min). */
  readonly maxSessionLifetime: number;
  /** How long a finished session's result stays available (irmago `session_result_lifetime`, 5 min). */
  readonly resultLifetime: number;
}

/** irmago's defaults. */
export const DEFAULT_LIFETIMES: SessionLifetimes = { maxSessionLifetime: 15 * 60, resultLifetime: 5 * 60 };

/**
 * When an unfinished session times out (epoch ms), counted from the last app activity: the
 * request's own `timeout` while waiting for the app, else the maximum session lifetime.
 */
export function timeoutAt(session: SessionState, requestTimeout: number | undefined, lifetimes: SessionLifetimes): number | undefined {
  if (isFinal(session.status)) return undefined;
  const seconds = session.status === 'INITIALIZED' && requestTimeout !== undefined && requestTimeout > 0 ? requestTimeout : lifetimes.maxSessionLifetime;
  return session.lastActive + seconds * 1000;
}

/**
 * When a finished session is forgotten (epoch ms). Follows irmago's documentation, not its code:
 * results stay for the result lifetime after the session ended (§7.3).
 */
export function forgottenAt(session: SessionState, lifetimes: SessionLifetimes): number | undefined {
  return 'endedAt' in session ? session.endedAt + lifetimes.resultLifetime * 1000 : undefined;
}

/**
 * Store TTL in seconds for any write: an upper bound on how long the session can still matter,
 * since every write happens at or after the last activity (request timeouts are clamped to the
 * session lifetime at start). Exact expiry is checked on read (`timeoutAt`, `forgottenAt`); the
 * store TTL only collects garbage.
 */
export function storeTtl(lifetimes: SessionLifetimes): number {
  return lifetimes.maxSessionLifetime + lifetimes.resultLifetime;
}
