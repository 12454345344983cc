import type { ReceivedPresentation } from './presentation.js';
import type { SessionPointer, SigningSessionStatus, StartedSession } from './session.js';
import type { VerificationResult } from './verification.js';

/** Names of the signing means nutshell implements. */
export type MeansName = 'dummy';

/**
 * A signing means: starts sessions in which a person signs a contract text, reports their status, and
 * verifies the presentations it produced. Contract texts given to `startSession` have already been parsed.
 */
export interface Means<S extends SigningSessionStatus = SigningSessionStatus, P extends SessionPointer = SessionPointer> {
  /** Name callers start sessions with (exact case), e.g. `dummy`. */
  readonly name: string;
  /** The custom presentation type this means verifies, e.g. `DummyVerifiablePresentation`. */
  readonly presentationType: string;
  /** Starts a session for `contractText`; `params` are means-specific and may be ignored. */
  startSession(contractText: string, params: unknown): Promise<StartedSession<P>>;
  /** The session's status, or undefined when this means does not know the id (anymore). */
  sessionStatus(sessionId: string): Promise<S | undefined>;
  /**
   * Verifies a presentation of this means at `checkTime`. Throws a NutshellError (4xx) when the presentation
   * cannot be read at all; a readable but wrong or expired one resolves `{ validity: false }`.
   */
  verify(presentation: ReceivedPresentation, checkTime: Date): Promise<VerificationResult>;
}
