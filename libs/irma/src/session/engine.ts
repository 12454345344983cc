import { createHash } from 'node:crypto';
import { NutshellError, isNutshellError, toIrmaError, type IrmaRemoteError } from '#errors';
import type { SessionStore } from '#store';
import {
  LD_CONTEXT,
  pairingHint,
  parseExtendedSessionRequest,
  serializeExtendedSessionRequest,
  serializeSessionRequest,
  type RequestScheme,
  type ExtendedSessionRequest,
  type JsonValue,
  type SessionRequest,
  type SessionType,
} from '../request/index.js';
import { asObject } from '../request/json-fields.js';
import { clientSessionRequest, optionsJson } from './client-messages.js';
import { DEFAULT_LIFETIMES, forgottenAt, storeTtl, timeoutAt, type SessionLifetimes } from './lifetimes.js';
import { formatVersion, negotiateVersion } from './protocol-version.js';
import type { ProofVerifier, SessionResultProof } from './proof-verifier.js';
import { sessionResult, type SessionResult } from './session-result.js';
import { assertTransition, isFinal, type SessionStatus } from './status.js';
import {
  linkKey,
  sessionKey,
  type CachedResponse,
  type CancelledSession,
  type ConnectedSession,
  type FrontendOptions,
  type SessionState,
  type StoredSession,
} from './stored-session.js';
import { looksLikeToken, newNonce, newPairingCode, newSessionToken } from './tokens.js';

/** What `startSession` hands the requestor (§3.1). */
export interface SessionPackage {
  readonly sessionPtr: { readonly u: string; readonly irmaqr: SessionType };
  readonly token: string;
  readonly frontendRequest: {
    readonly authorization: string;
    readonly pairingHint?: true;
    readonly minProtocolVersion: '1.0';
    readonly maxProtocolVersion: '1.1';
  };
}

/** Request facts of an app or frontend call that the engine checks. */
export interface ClientCall {
  /** The `Authorization` header: client authorization for app calls, frontend authorization for /frontend. */
  readonly authorization?: string;
  /** The `Host` header, checked when the session request pinned a host. */
  readonly host?: string;
}

/** The app's first GET also carries its version range. */
export interface FirstClientCall extends ClientCall {
  readonly minProtocolVersion?: string;
  readonly maxProtocolVersion?: string;
}

/** What `/frontend/status` answers. */
export interface FrontendStatus {
  readonly status: SessionStatus;
}

/** Construction options of `IrmaSessionEngine`. */
export interface IrmaSessionEngineOptions {
  readonly store: SessionStore<StoredSession>;
  readonly verifier: ProofVerifier;
  /** Public URL of the client endpoints, e.g. `http://localhost:1323/irma`; pointers are `<urlPrefix>/session/<clientToken>`. */
  readonly urlPrefix: string;
  /** Epoch milliseconds; injectable for tests. */
  readonly clock?: () => number;
  readonly lifetimes?: Partial<SessionLifetimes>;
  /** Production mode tells the app `devMode: false`; otherwise only developer-mode apps accept sessions. */
  readonly production?: boolean;
  /** Scheme checks for requests: known attribute and credential ids, and (optionally) singleton credential types. */
  readonly scheme?: RequestScheme;
  /** Allow `augmentReturnUrl` (irmago `augment_client_return_url`). */
  readonly augmentClientReturnUrl?: boolean;
  /** How often sessions started here are checked for timeouts; 0 disables the timer. Default 10 s. */
  readonly sweepIntervalMs?: number;
}

/** Thrown inside a store mutation to leave the session untouched (no write, no notification). */
const NO_CHANGE = Symbol('no change');

/** What one transaction step decides: a new state to write and/or a value to return or an error to throw. */
type Step<R> =
  | { readonly next?: SessionState; readonly value: R }
  | { readonly next?: SessionState; readonly error: NutshellError };

/** How long a replayed app call may be answered from the cache (§5.7). */
const RETRY_WINDOW_MS = 10_000;

/**
 * The IRMA session engine: starts sessions, runs the app and frontend protocol against a
 * `SessionStore`, and reports results. Framework-free; all state lives in the store, so several
 * engines on one Redis act as one server.
 */
export class IrmaSessionEngine {
  private readonly store: SessionStore<StoredSession>;
  private readonly verifier: ProofVerifier;
  private readonly urlPrefix: string;
  private readonly clock: () => number;
  private readonly lifetimes: SessionLifetimes;
  /** Store TTL of every write (see `storeTtl`). */
  private readonly ttl: number;
  private readonly production: boolean;
  private readonly scheme: RequestScheme | undefined;
  private readonly augmentClientReturnUrl: boolean;
  /** Sessions this engine started and has not seen finish; what `sweep` looks at. */
  private readonly tracked = new Set<string>();
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(options: IrmaSessionEngineOptions) {
    this.store = options.store;
    this.verifier = options.verifier;
    this.urlPrefix = options.urlPrefix.replace(/\/+$/, '');
    this.clock = options.clock ?? Date.now;
    this.lifetimes = { ...DEFAULT_LIFETIMES, ...options.lifetimes };
    this.ttl = storeTtl(this.lifetimes);
    this.production = options.production ?? false;
    this.scheme = options.scheme;
    this.augmentClientReturnUrl = options.augmentClientReturnUrl ?? false;
    const interval = options.sweepIntervalMs ?? 10_000;
    if (interval > 0) {
      this.timer = setInterval(() => void this.sweep().catch(() => undefined), interval);
      this.timer.unref();
    }
  }

  // ---------------------------------------------------------------- requestor side

  /**
   * Starts a session from a request in any accepted form (JSON text, parsed JSON, or an already
   * parsed request). Issuance is refused for now, as are callbacks and chaining (no JWT key yet).
   */
  async startSession(input: unknown): Promise<SessionPackage> {
    const extended = this.toExtended(input);
    const type = extended.request.type;
    if (type === 'issuing') throw new NutshellError('IRMA_ISSUING_DISABLED', 'this server only runs disclosure and signature sessions');
    if (extended.callbackUrl !== undefined) {
      throw new NutshellError('IRMA_UNSUPPORTED', 'callbackUrl provided but no JWT private key is installed');
    }
    if (extended.nextSession !== undefined) {
      throw new NutshellError('IRMA_UNSUPPORTED', 'nextSession provided but no JWT private key is installed');
    }
    if (extended.request.revocation !== undefined) {
      throw new NutshellError('IRMA_UNSUPPORTED', 'non-revocation proofs are not supported by this server');
    }
    if (extended.request.augmentReturnUrl === true && !this.augmentClientReturnUrl) {
      throw new NutshellError('IRMA_UNSUPPORTED', 'augmentReturnUrl is not enabled on this server');
    }

    const now = this.clock();
    const requestorToken = newSessionToken();
    const frontendAuth = newSessionToken();
    const request: SessionRequest = {
      ...extended.request,
      context: 1n,
      nonce: newNonce(),
      devMode: !this.production,
      ...(extended.request.augmentReturnUrl === true && extended.request.clientReturnUrl !== undefined
        ? { clientReturnUrl: augment(extended.request.clientReturnUrl, requestorToken) }
        : {}),
    };
    // A timeout beyond the session lifetime is clamped, so the store TTL bound always holds.
    const timeout = extended.timeout === undefined ? undefined : Math.min(extended.timeout, this.lifetimes.maxSessionLifetime);
    const stored = serializeExtendedSessionRequest({ ...extended, request, ...(timeout !== undefined ? { timeout } : {}) });

    let clientToken = newSessionToken();
    const make = (ct: string): SessionState => ({
      kind: 'session',
      status: 'INITIALIZED',
      clientToken: ct,
      requestorToken,
      type,
      legacy: extended.legacy,
      request: stored,
      frontendAuth,
      options: { pairingMethod: 'none' },
      createdAt: now,
      lastActive: now,
    });
    // 119 bits of token: a collision is practically impossible, but create-if-absent makes it harmless.
    while (!(await this.store.create(sessionKey(clientToken), make(clientToken), this.ttl))) clientToken = newSessionToken();
    await this.store.put(linkKey(requestorToken), { kind: 'link', clientToken }, this.ttl);
    this.tracked.add(clientToken);

    return {
      sessionPtr: { u: this.pointerUrl(clientToken, request.host), irmaqr: type },
      token: requestorToken,
      frontendRequest: {
        authorization: frontendAuth,
        ...(pairingHint(extended) ? { pairingHint: true as const } : {}),
        minProtocolVersion: '1.0',
        maxProtocolVersion: '1.1',
      },
    };
  }

  /** Status by requestor token; applies the timeout lazily. */
  async status(token: string): Promise<SessionStatus> {
    return (await this.read(await this.clientTokenOf(token))).status;
  }

  /** The SessionResult JSON (§6.1) by requestor token; works in every state. */
  async result(token: string): Promise<SessionResult> {
    return sessionResult(await this.read(await this.clientTokenOf(token)));
  }

  /** Cancels by requestor token; a no-op for finished sessions. */
  async cancel(token: string): Promise<void> {
    await this.cancelByClientToken(await this.clientTokenOf(token), {});
  }

  /** The client token behind a requestor token (for status subscriptions of the requestor). */
  async clientTokenOf(token: string): Promise<string> {
    assertToken(token);
    const link = await this.store.get(linkKey(token));
    if (link === undefined || link.kind !== 'link') throw unknownSession();
    return link.clientToken;
  }

  // ---------------------------------------------------------------- app side

  /** Status by client token (`GET …/status`); no authorization needed. */
  async clientStatus(clientToken: string, call: ClientCall = {}): Promise<SessionStatus> {
    const session = await this.read(clientToken);
    checkHost(session, call);
    return session.status;
  }

  /**
   * The app's first GET (§5.3): negotiates the protocol version, binds the client authorization,
   * moves to PAIRING or CONNECTED and returns the ClientSessionRequest. Negotiation accepts 2.8 only
   * (`SERVER_MIN_VERSION`), so the pre-2.8 shapes (bare request, no authorization) never occur.
   */
  async getClientRequest(clientToken: string, call: FirstClientCall): Promise<JsonValue> {
    const cached = await this.cached(clientToken, 'GET /', '');
    if (cached !== undefined) return cached;
    return this.transact(clientToken, (session, now): Step<JsonValue> => {
      checkHost(session, call);
      if (session.status !== 'INITIALIZED') return { error: new NutshellError('IRMA_UNEXPECTED_REQUEST', 'Session already started') };
      const active = { ...session, lastActive: now };
      const negotiation = negotiateVersion(call.minProtocolVersion, call.maxProtocolVersion);
      if (!negotiation.ok) return this.fail(active, now, new NutshellError('IRMA_PROTOCOL_VERSION', negotiation.reason));
      const version = formatVersion(negotiation.version);
      if (!nonEmpty(call.authorization)) return this.fail(active, now, new NutshellError('IRMA_SESSION_UNAUTHORIZED', 'No authorization header provided'));
      const pairing = session.options.pairingMethod !== 'none';
      const status = pairing ? 'PAIRING' : 'CONNECTED';
      assertTransition(session.status, status);
      const body: JsonValue = clientSessionRequest(version, session.options, pairing ? undefined : this.wireRequest(session, version));
      const next: SessionState = {
        ...active,
        status,
        protocolVersion: version,
        clientAuth: call.authorization ?? '',
        responseCache: { endpoint: 'GET /', bodyHash: '', body, sessionStatus: status },
      };
      return { next, value: body };
    });
  }

  /** `GET …/request` after pairing (§5.4): the bare session request. */
  async getPairedRequest(clientToken: string, call: ClientCall): Promise<JsonValue> {
    const session = await this.read(clientToken);
    checkHost(session, call);
    const connected = assertConnected(session, call);
    return this.wireRequest(connected, connected.protocolVersion);
  }

  /**
   * `POST …/proofs` (§5.5): verifies the disclosure or signature and ends the session in DONE,
   * whatever the proof status. Unparsable bodies leave the session as it was; verifier failures cancel it.
   */
  async postProofs(clientToken: string, call: ClientCall, body: unknown): Promise<JsonValue> {
    const bodyHash = createHash('sha256').update(JSON.stringify(body) ?? '').digest('hex');
    const cached = await this.cached(clientToken, 'POST /proofs', bodyHash);
    if (cached !== undefined) return cached;

    const session = await this.read(clientToken);
    checkHost(session, call);
    const connected = assertConnected(session, call);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new NutshellError('IRMA_MALFORMED_INPUT', 'the proofs must be a JSON object');
    }
    const request = parseExtendedSessionRequest(connected.request).request;

    let proof: SessionResultProof;
    try {
      if (request.type === 'disclosing') proof = await this.verifier.verifyDisclosure(request, body);
      else if (request.type === 'signing') {
        // irmago keeps the SignedMessage exactly as the app posted it.
        const verified = await this.verifier.verifySignature(request, body);
        proof = { ...verified, signature: verified.signature ?? body };
      }
      else throw new NutshellError('IRMA_ISSUING_DISABLED', 'issuance sessions are not supported');
    } catch (error) {
      if (isNutshellError(error) && error.code === 'IRMA_MALFORMED_INPUT') throw error;
      const failure =
        isNutshellError(error) && error.code === 'IRMA_UNKNOWN_PUBLIC_KEY'
          ? error
          : new NutshellError('IRMA_EXCEPTION', 'the proofs could not be verified', { cause: error });
      await this.transact(clientToken, (current, now): Step<never> =>
        current.status === 'CONNECTED' && current.clientAuth === connected.clientAuth
          ? this.fail({ ...current, lastActive: now }, now, failure)
          : { error: failure },
      );
      throw failure;
    }

    const response: JsonValue = { proofStatus: proof.proofStatus };
    return this.transact(clientToken, (current, now): Step<JsonValue> => {
      // A retry that raced the original past the cache check gets the original's answer.
      const cache = current.responseCache;
      if (current.status === 'DONE' && cache?.endpoint === 'POST /proofs' && cache.bodyHash === bodyHash) return { value: cache.body };
      if (current.status !== 'CONNECTED' || current.clientAuth !== connected.clientAuth) {
        return { error: new NutshellError('IRMA_UNEXPECTED_REQUEST', 'Session not yet started or already finished') };
      }
      const next: SessionState = {
        ...current,
        status: 'DONE',
        lastActive: now,
        endedAt: now,
        proof: toJsonSafe(proof),
        responseCache: { endpoint: 'POST /proofs', bodyHash, body: response, sessionStatus: 'DONE' },
      };
      return { next, value: response };
    });
  }

  /** `DELETE …` by app or frontend (§5.6): cancels unless already finished. */
  async cancelByClientToken(clientToken: string, call: ClientCall): Promise<void> {
    await this.transact(clientToken, (session, now): Step<undefined> => {
      checkHost(session, call);
      if (isFinal(session.status)) return { value: undefined };
      return { next: cancelled({ ...session, lastActive: now }, now, undefined), value: undefined };
    });
  }

  // ---------------------------------------------------------------- frontend side

  /** `GET …/frontend/status`. */
  async frontendStatus(clientToken: string, call: ClientCall): Promise<FrontendStatus> {
    const session = await this.read(clientToken);
    checkHost(session, call);
    checkFrontend(session, call);
    return { status: session.status };
  }

  /** `POST …/frontend/options` (§5.9). */
  async setFrontendOptions(clientToken: string, call: ClientCall, body: unknown): Promise<JsonValue> {
    const object = asObject(body);
    return this.transact(clientToken, (session): Step<JsonValue> => {
      checkHost(session, call);
      checkFrontend(session, call);
      if (object === undefined || object['@context'] !== LD_CONTEXT.frontendOptions) {
        return { error: new NutshellError('IRMA_MALFORMED_INPUT', 'frontend options need the frontendoptions/v1 @context') };
      }
      if (session.status !== 'INITIALIZED') {
        return { error: new NutshellError('IRMA_UNEXPECTED_REQUEST', 'Frontend options can only be updated when session is in initialized state') };
      }
      const method = object.pairingMethod;
      let options: FrontendOptions;
      if (method === undefined || method === '') return { value: optionsJson(session.options) };
      else if (method === 'none') options = { pairingMethod: 'none' };
      else if (method === 'pin') options = { pairingMethod: 'pin', pairingCode: newPairingCode() };
      else return { error: new NutshellError('IRMA_UNEXPECTED_REQUEST', 'Pairing method unknown') };
      return { next: { ...session, options }, value: optionsJson(options) };
    });
  }

  /** `POST …/frontend/pairingcompleted`: PAIRING → CONNECTED. */
  async pairingCompleted(clientToken: string, call: ClientCall): Promise<void> {
    await this.transact(clientToken, (session): Step<undefined> => {
      checkHost(session, call);
      checkFrontend(session, call);
      if (session.status !== 'PAIRING') return { error: new NutshellError('IRMA_UNEXPECTED_REQUEST', 'Pairing was not enabled') };
      const next: ConnectedSession = { ...session, status: 'CONNECTED' };
      return { next, value: undefined };
    });
  }

  // ---------------------------------------------------------------- watching

  /**
   * Calls `listener` with every new status of a session, from whichever node changes it.
   * Resolves to an unsubscribe function.
   */
  async watch(clientToken: string, listener: (status: SessionStatus) => void): Promise<() => Promise<void>> {
    assertToken(clientToken);
    return this.store.subscribe(sessionKey(clientToken), (value) => {
      if (value !== undefined && value.kind === 'session') listener(value.status);
    });
  }

  /** When an unfinished session will time out (epoch ms), so watchers can prompt the transition. */
  async timeoutAt(clientToken: string): Promise<number | undefined> {
    const session = await this.read(clientToken);
    return timeoutAt(session, requestTimeout(session), this.lifetimes);
  }

  /**
   * Moves overdue sessions started by this engine to TIMEOUT (other nodes' sessions time out
   * lazily when touched) and stops tracking finished ones. Resolves to how many of those ended in TIMEOUT.
   */
  async sweep(): Promise<number> {
    let timedOut = 0;
    for (const clientToken of [...this.tracked]) {
      try {
        const session = await this.read(clientToken);
        if (isFinal(session.status)) {
          this.tracked.delete(clientToken);
          if (session.status === 'TIMEOUT') timedOut++;
        }
      } catch (error) {
        if (isNutshellError(error) && error.code === 'IRMA_SESSION_UNKNOWN') this.tracked.delete(clientToken);
      }
    }
    return timedOut;
  }

  /** Stops the sweep timer. The store belongs to the caller and stays open. */
  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
  }

  // ---------------------------------------------------------------- internals

  private toExtended(input: unknown): ExtendedSessionRequest {
    if (isParsedRequest(input)) return { validity: 120, request: input, legacy: false };
    if (typeof input === 'object' && input !== null && 'request' in input && isParsedRequest((input as { request: unknown }).request)) {
      return { validity: 120, legacy: false, ...(input as Partial<ExtendedSessionRequest>) } as ExtendedSessionRequest;
    }
    return parseExtendedSessionRequest(input, this.scheme);
  }

  private pointerUrl(clientToken: string, host: string | undefined): string {
    const u = `${this.urlPrefix}/session/${clientToken}`;
    if (host === undefined) return u;
    const url = new URL(u);
    // Go replaces host and port together; the Host header check compares both.
    url.port = '';
    url.host = host;
    return url.toString();
  }

  private wireRequest(session: SessionState, protocolVersion: string): { [key: string]: JsonValue } {
    return serializeSessionRequest(parseExtendedSessionRequest(session.request).request, { protocolVersion });
  }

  /** The session as it is now: forgotten results are unknown, overdue sessions are timed out (and that is persisted). */
  private async read(clientToken: string): Promise<SessionState> {
    assertToken(clientToken);
    const stored = await this.store.get(sessionKey(clientToken));
    if (stored === undefined || stored.kind !== 'session') throw unknownSession();
    const now = this.clock();
    const forgotten = forgottenAt(stored, this.lifetimes);
    if (forgotten !== undefined && forgotten <= now) throw unknownSession();
    if (this.timedOut(stored, now) === undefined) return stored;
    return this.transact(clientToken, (session) => ({ value: session }));
  }

  /** The TIMEOUT state if `session` is overdue at `now`. */
  private timedOut(session: SessionState, now: number): SessionState | undefined {
    const deadline = timeoutAt(session, requestTimeout(session), this.lifetimes);
    if (deadline === undefined || deadline > now) return undefined;
    const { responseCache: _dropped, ...rest } = session;
    return { ...rest, status: 'TIMEOUT', endedAt: now };
  }

  /**
   * Runs `step` on the current session inside an atomic store update (retried on races, so
   * `step` must be pure). Overdue sessions are timed out first, and that is always persisted.
   */
  private async transact<R>(clientToken: string, step: (session: SessionState, now: number) => Step<R>): Promise<R> {
    assertToken(clientToken);
    const now = this.clock();
    let outcome: Step<R> | undefined;
    let written: SessionState | undefined;
    try {
      const updated = await this.store.update(
        sessionKey(clientToken),
        (current) => {
          if (current.kind !== 'session') throw unknownSession();
          const forgotten = forgottenAt(current, this.lifetimes);
          if (forgotten !== undefined && forgotten <= now) throw unknownSession();
          const live = this.timedOut(current, now) ?? current;
          outcome = step(live, now);
          const next = outcome.next ?? (live !== current ? live : undefined);
          if (next === undefined) throw NO_CHANGE;
          if (next.status !== current.status) assertTransition(current.status, next.status);
          // Any other call invalidates the retry cache (§5.7); calls that cache set it again.
          const keepCache = outcome.next !== undefined && outcome.next.responseCache !== current.responseCache;
          if (!keepCache && next.responseCache !== undefined) {
            const { responseCache: _dropped, ...rest } = next;
            return rest as SessionState;
          }
          return next;
        },
        this.ttl,
      );
      if (updated === undefined || updated.kind !== 'session') throw unknownSession();
      written = updated;
    } catch (error) {
      if (error !== NO_CHANGE) throw error;
    }
    if (outcome === undefined) throw unknownSession();
    if (written !== undefined) {
      // Keep the requestor token alive as long as the session it points to.
      await this.store.put(linkKey(written.requestorToken), { kind: 'link', clientToken }, this.ttl);
      if (isFinal(written.status)) this.tracked.delete(clientToken);
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  /** Cancels with an error recorded in the result and hands the error back to the caller. */
  private fail<R>(session: SessionState, now: number, error: NutshellError): Step<R> {
    return { next: cancelled(session, now, toIrmaError(error)), error };
  }

  /** A cached answer for a retried app call, if §5.7's conditions hold. */
  private async cached(clientToken: string, endpoint: CachedResponse['endpoint'], bodyHash: string): Promise<JsonValue | undefined> {
    assertToken(clientToken);
    const stored = await this.store.get(sessionKey(clientToken));
    if (stored === undefined || stored.kind !== 'session' || stored.responseCache === undefined) return undefined;
    const cache = stored.responseCache;
    const fresh = this.clock() - stored.lastActive < RETRY_WINDOW_MS;
    if (cache.endpoint === endpoint && cache.bodyHash === bodyHash && cache.sessionStatus === stored.status && fresh) return cache.body;
    return undefined;
  }
}

function cancelled(session: SessionState, now: number, error: IrmaRemoteError | undefined): CancelledSession {
  const { responseCache: _dropped, ...rest } = session;
  return { ...rest, status: 'CANCELLED', endedAt: now, ...(error !== undefined ? { error } : {}) };
}

function requestTimeout(session: SessionState): number | undefined {
  const timeout = session.request.timeout;
  return typeof timeout === 'number' ? timeout : undefined;
}

function assertToken(token: string): void {
  if (!looksLikeToken(token)) throw new NutshellError('IRMA_INVALID_REQUEST', 'malformed session token');
}

function unknownSession(): NutshellError {
  return new NutshellError('IRMA_SESSION_UNKNOWN', 'unknown or expired session');
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function checkHost(session: SessionState, call: ClientCall): void {
  const host = asObject(session.request.request)?.host;
  if (typeof host === 'string' && host !== call.host) throw new NutshellError('IRMA_SESSION_UNAUTHORIZED', 'Host mismatch');
}

function checkFrontend(session: SessionState, call: ClientCall): void {
  if (call.authorization !== session.frontendAuth) {
    throw new NutshellError('IRMA_SESSION_UNAUTHORIZED', 'frontend authorization missing or wrong');
  }
}

/** The checks irmago runs before GET /request and POST /proofs (§5.1). */
function assertConnected(session: SessionState, call: ClientCall): ConnectedSession {
  if (session.status === 'PAIRING') throw new NutshellError('IRMA_PAIRING_REQUIRED', 'the frontend has not confirmed the pairing code');
  if (session.status !== 'CONNECTED') throw new NutshellError('IRMA_UNEXPECTED_REQUEST', 'Session not yet started or already finished');
  if (call.authorization !== session.clientAuth) throw new NutshellError('IRMA_SESSION_UNAUTHORIZED', 'client authorization missing or wrong');
  return session;
}

function augment(url: string, token: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}token=${token}`;
}

function isParsedRequest(value: unknown): value is SessionRequest {
  return typeof value === 'object' && value !== null && 'type' in value && 'nonce' in value && typeof (value as { nonce: unknown }).nonce === 'bigint';
}

/** Proof results go into the JSON store; make sure nothing unserialisable (bigints) slipped in. */
function toJsonSafe(proof: SessionResultProof): SessionResultProof {
  return JSON.parse(JSON.stringify(proof, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))) as SessionResultProof;
}
