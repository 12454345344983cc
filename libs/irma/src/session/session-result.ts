import type { IrmaRemoteError } from '#errors';
import type { SessionType } from '../request/index.js';
import type { DisclosedAttribute, ProofStatus } from './proof-verifier.js';
import type { SessionStatus } from './status.js';
import type { SessionState } from './stored-session.js';

/** The SessionResult JSON of §6.1, fields in irmago's order; empty fields are left out. */
export interface SessionResult {
  readonly token: string;
  readonly status: SessionStatus;
  readonly type: SessionType;
  readonly proofStatus?: ProofStatus;
  /** Per disjunction; for legacy sessions a flat list of the first attribute of each satisfied one. */
  readonly disclosed?: (DisclosedAttribute[] | null)[] | DisclosedAttribute[];
  readonly signature?: unknown;
  readonly error?: IrmaRemoteError;
  readonly nextSession?: string;
}

/** Builds the result a requestor sees for a session in any state. */
export function sessionResult(session: SessionState): SessionResult {
  const head = { token: session.requestorToken, status: session.status, type: session.type };
  switch (session.status) {
    case 'DONE': {
      const { proofStatus, disclosed, signature } = session.proof;
      const shaped = session.legacy ? legacyDisclosed(disclosed) : disclosed;
      return {
        ...head,
        proofStatus,
        ...(shaped.length > 0 ? { disclosed: shaped } : {}),
        ...(signature !== undefined && signature !== null ? { signature } : {}),
      };
    }
    case 'CANCELLED':
      // irmago replaces the result on failure: any proof status or disclosure is dropped (§6.1).
      return { ...head, ...(session.error !== undefined ? { error: session.error } : {}) };
    default:
      return head;
  }
}

/** irmago's legacy result: the first attribute of every satisfied disjunction, flattened. */
function legacyDisclosed(disclosed: readonly (DisclosedAttribute[] | null)[]): DisclosedAttribute[] {
  return disclosed.flatMap((con) => (con !== null && con.length > 0 ? [con[0]!] : []));
}
