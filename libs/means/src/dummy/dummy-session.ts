import type { DummySessionState } from '../types/session.js';

/**
 * What the session store keeps per dummy session. After `completed` was reported the record becomes
 * `consumed` (contract dropped) and the next poll deletes it: an update that deletes cannot be told apart
 * from one that found nothing, so the step that hands out the presentation must be a write, not a delete.
 */
export type DummySessionRecord =
  | {
      readonly state: DummySessionState;
      /** The raw contract text, exactly as given at start. */
      readonly contract: string;
      /**
       * The seal of the proof, made at start: the proof is fixed by the contract and the fixed signer, so sealing
       * then keeps the status poll cheap. Absent only in records written by a node before this field existed.
       */
      readonly jws?: string;
    }
  | { readonly state: 'consumed' };

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

/** The stored record after a status poll of `record`; undefined deletes it. */
export function advanceDummySession(record: DummySessionRecord): DummySessionRecord | undefined {
  if (record.state === 'consumed') return undefined;
  const next = nextDummyState(record.state);
  if (next === undefined) return { state: 'consumed' };
  return record.jws === undefined ? { state: next, contract: record.contract } : { state: next, contract: record.contract, jws: record.jws };
}
