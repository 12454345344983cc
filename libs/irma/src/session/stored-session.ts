import type { IrmaRemoteError } from '#errors';
import type { JsonValue, SessionType } from '../request/index.js';
import type { SessionResultProof } from './proof-verifier.js';

/** Pairing as the frontend chose it (§5.9). */
export type FrontendOptions = { readonly pairingMethod: 'none' } | { readonly pairingMethod: 'pin'; readonly pairingCode: string };

/** A cached answer to a retried app call (§5.7). */
export interface CachedResponse {
  readonly endpoint: 'GET /' | 'POST /proofs';
  /** SHA-256 (hex) of the request body; empty body for GETs. */
  readonly bodyHash: string;
  readonly body: JsonValue;
  readonly sessionStatus: string;
}

/** What every session state carries. Times are epoch milliseconds. */
export interface SessionCommon {
  readonly kind: 'session';
  readonly clientToken: string;
  readonly requestorToken: string;
  readonly type: SessionType;
  /** True when started with a legacy request: results are then legacy-shaped. */
  readonly legacy: boolean;
  /** The extended request in wire form, with the server's nonce, context and devMode filled in. */
  readonly request: { readonly [key: string]: JsonValue };
  readonly frontendAuth: string;
  readonly options: FrontendOptions;
  readonly createdAt: number;
  /** Last app activity; timeouts count from here (§7.3). */
  readonly lastActive: number;
  readonly responseCache?: CachedResponse;
}

/** A session waiting for the app. */
export interface InitializedSession extends SessionCommon {
  readonly status: 'INITIALIZED';
}

/** The app connected and shows a pairing code; the frontend must confirm. */
export interface PairingSession extends SessionCommon {
  readonly status: 'PAIRING';
  readonly protocolVersion: string;
  readonly clientAuth: string;
}

/** The app may fetch the request and post proofs. */
export interface ConnectedSession extends SessionCommon {
  readonly status: 'CONNECTED';
  readonly protocolVersion: string;
  readonly clientAuth: string;
}

/** Proofs were received (valid or not: see `proof.proofStatus`). */
export interface DoneSession extends SessionCommon {
  readonly status: 'DONE';
  readonly protocolVersion: string;
  readonly endedAt: number;
  readonly proof: SessionResultProof;
}

/** Cancelled by a party, or failed. */
export interface CancelledSession extends SessionCommon {
  readonly status: 'CANCELLED';
  readonly endedAt: number;
  readonly error?: IrmaRemoteError;
}

/** Nobody finished the session in time. */
export interface TimedOutSession extends SessionCommon {
  readonly status: 'TIMEOUT';
  readonly endedAt: number;
}

/** A session, discriminated by status. */
export type SessionState = InitializedSession | PairingSession | ConnectedSession | DoneSession | CancelledSession | TimedOutSession;

/** Points a requestor token at the session stored under its client token. */
export interface SessionLink {
  readonly kind: 'link';
  readonly clientToken: string;
}

/** What the engine keeps in its `SessionStore`. */
export type StoredSession = SessionState | SessionLink;

/** Store key of a session, by client token. */
export const sessionKey = (clientToken: string): string => `session:${clientToken}`;
/** Store key of a requestor token's link. */
export const linkKey = (requestorToken: string): string => `token:${requestorToken}`;
