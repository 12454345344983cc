import type { DummySessionState } from '../types/session.js';

/** What the session store keeps per dummy session. */
export interface DummySessionRecord {
  readonly state: DummySessionState;
  /** The raw contract text, exactly as given at start (it goes into the proof unchanged). */
  readonly contract: string;
}

/** Session ids are 16 random bytes in lower-case hex, as Nuts. */
export const DUMMY_SESSION_ID = /^[0-9a-f]{32}$/;

/** The state after a status poll: created → in-progress → completed → gone (undefined). */
export function nextDummyState(state: DummySessionState): DummySessionState | undefined {
  switch (state) {
    case 'created':
      return 'in-progress';
    case 'in-progress':
      return 'completed';
    case 'completed':
      return undefined;
  }
}
