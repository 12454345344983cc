import { NutshellError } from '#errors';

/** Where a session is in its life (§5.11). */
export type SessionStatus = 'INITIALIZED' | 'PAIRING' | 'CONNECTED' | 'CANCELLED' | 'DONE' | 'TIMEOUT';

/** The statuses a session never leaves. */
export type FinalStatus = Extract<SessionStatus, 'CANCELLED' | 'DONE' | 'TIMEOUT'>;

/** The one table of allowed transitions; anything else is a bug or an out-of-order client. */
export const TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  INITIALIZED: ['PAIRING', 'CONNECTED', 'CANCELLED', 'TIMEOUT'],
  PAIRING: ['CONNECTED', 'CANCELLED', 'TIMEOUT'],
  CONNECTED: ['DONE', 'CANCELLED', 'TIMEOUT'],
  CANCELLED: [],
  DONE: [],
  TIMEOUT: [],
};

/** True for DONE, CANCELLED and TIMEOUT. */
export function isFinal(status: SessionStatus): status is FinalStatus {
  return TRANSITIONS[status].length === 0;
}

/** Whether the table allows `from → to`. */
export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws UNEXPECTED_REQUEST unless the table allows `from → to`. */
export function assertTransition(from: SessionStatus, to: SessionStatus): void {
  if (!canTransition(from, to)) throw new NutshellError('IRMA_UNEXPECTED_REQUEST', `session cannot go from ${from} to ${to}`);
}
