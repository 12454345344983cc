import type { DummyVerifiablePresentation } from './presentation.js';

/** Where a signing session can be found by the signer's app; the shape is means-specific, as in Nuts. */
export interface DummySessionPointer {
  readonly sessionID: string;
}

/** Any means' session pointer (one member per means). */
export type SessionPointer = DummySessionPointer;

/** What starting a signing session gives back. */
export interface StartedSession<P extends SessionPointer = SessionPointer> {
  /** Id the caller polls the status with. */
  readonly sessionId: string;
  /** Means-specific pointer for the signer's app (Nuts `sessionPtr`). */
  readonly sessionPtr: P;
}

/** Lifecycle of a dummy session; each status poll returns the current state, then advances it. */
export type DummySessionState = 'created' | 'in-progress' | 'completed';

/** Status of a dummy signing session; only `completed` carries the presentation. */
export type DummySigningSessionStatus =
  | { readonly means: 'dummy'; readonly status: 'created' }
  | { readonly means: 'dummy'; readonly status: 'in-progress' }
  | { readonly means: 'dummy'; readonly status: 'completed'; readonly verifiablePresentation: DummyVerifiablePresentation };

/** Status of a signing session of any means (one member per means, discriminated by `means`). */
export type SigningSessionStatus = DummySigningSessionStatus;
