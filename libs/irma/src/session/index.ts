export type { SessionStatus, FinalStatus } from './status.js';
export { TRANSITIONS, isFinal, canTransition, assertTransition } from './status.js';
export { newSessionToken, newPairingCode, newNonce, looksLikeToken } from './tokens.js';
export {
  type ProtocolVersion,
  type Negotiation,
  SERVER_MIN_VERSION,
  SERVER_MAX_VERSION,
  parseProtocolVersion,
  compareVersions,
  formatVersion,
  negotiateVersion,
} from './protocol-version.js';
export type { ProofVerifier, ProofStatus, DisclosedAttribute, SessionResultProof } from './proof-verifier.js';
export type {
  StoredSession,
  SessionState,
  SessionLink,
  FrontendOptions,
  InitializedSession,
  PairingSession,
  ConnectedSession,
  DoneSession,
  CancelledSession,
  TimedOutSession,
} from './stored-session.js';
export { DEFAULT_LIFETIMES, type SessionLifetimes } from './lifetimes.js';
export { sessionResult, type SessionResult } from './session-result.js';
export {
  IrmaSessionEngine,
  type IrmaSessionEngineOptions,
  type SessionPackage,
  type ClientCall,
  type FirstClientCall,
  type FrontendStatus,
} from './engine.js';
