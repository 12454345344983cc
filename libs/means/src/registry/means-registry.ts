import { extractParams, templateOfText } from '#contract';
import { isNutshellError, NutshellError } from '#errors';
import { readPresentation, unknownPresentationType, VERIFY_ERROR_PREFIX } from '../presentation/read-presentation.js';
import type { Means } from '../types/means.js';
import type { SessionPointer, SigningSessionStatus } from '../types/session.js';
import type { VerificationResult } from '../types/verification.js';

/** Prefix Nuts puts before every error of starting a session. */
export const START_ERROR_PREFIX = 'unable to create sign challenge: ';

/** A session just started, in the shape of the Nuts `SignSessionResponse`. */
export interface CreatedSignSession {
  /** Echo of the requested means. */
  readonly means: string;
  readonly sessionID: string;
  readonly sessionPtr: SessionPointer;
}

// Session ids are echoed in the 404 detail (as Nuts) only when they look like ids, never arbitrary input.
const SESSION_ID = /^[A-Za-z0-9_-]{1,128}$/;

function prefixed(prefix: string, error: unknown): unknown {
  if (!isNutshellError(error) || error.status >= 500) return error;
  return new NutshellError(error.code, prefix + error.detail, { cause: error, extra: error.extra });
}

/**
 * The signing means this node offers (the Nuts notary): starts sessions by means name, finds sessions across all
 * means, and dispatches presentations to the means that owns their custom type.
 */
export class MeansRegistry {
  private readonly byName = new Map<string, Means>();
  private readonly byPresentationType = new Map<string, Means>();

  constructor(
    means: readonly Means[],
    /** Means that exist but are refused here (dummy in strict mode): asking for them says "unknown", as Nuts. */
    private readonly disabled: ReadonlySet<string> = new Set(),
  ) {
    for (const m of means) {
      if (this.byName.has(m.name)) throw new NutshellError('CONFIG_INVALID', `signing means ${m.name} registered twice`);
      this.byName.set(m.name, m);
      this.byPresentationType.set(m.presentationType, m);
    }
  }

  /** Names of the registered means. */
  get names(): readonly string[] {
    return [...this.byName.keys()];
  }

  /** The means registered under `name` (exact case); MEANS_DISABLED or MEANS_UNKNOWN (`unknown signing means`) otherwise. */
  get(name: string): Means {
    const means = this.byName.get(name);
    if (means !== undefined) return means;
    throw new NutshellError(this.disabled.has(name) ? 'MEANS_DISABLED' : 'MEANS_UNKNOWN', 'unknown signing means');
  }

  /**
   * Starts a signing session for a contract text (Nuts `createSignSession`): non-empty payload, registered means,
   * parseable contract; every failure is a 400 with detail `unable to create sign challenge: <reason>`.
   */
  async startSession(meansName: string, payload: string, params: unknown): Promise<CreatedSignSession> {
    try {
      if (payload === '') throw new NutshellError('INVALID_INPUT', 'can not sign an empty message');
      const means = this.get(meansName);
      // Template and regex only, as Nuts: the period is not checked at start, so its dates need no parsing here.
      extractParams(templateOfText(payload), payload);
      const started = await means.startSession(payload, params);
      return { means: meansName, sessionID: started.sessionId, sessionPtr: started.sessionPtr };
    } catch (error) {
      throw prefixed(START_ERROR_PREFIX, error);
    }
  }

  /** The status of a session of any means; SESSION_NOT_FOUND (404, Nuts text) when no means knows it. */
  async sessionStatus(sessionId: string): Promise<SigningSessionStatus> {
    for (const means of this.byName.values()) {
      const status = await means.sessionStatus(sessionId);
      if (status !== undefined) return status;
    }
    const shown = SESSION_ID.test(sessionId) ? sessionId : '<invalid id>';
    throw new NutshellError('SESSION_NOT_FOUND', `failed to get session status for ${shown}, reason: session not found`);
  }

  /**
   * Verifies a presentation at `checkTime` with the means of its one custom type. Unreadable presentations and
   * unknown types throw (400, Nuts texts prefixed `unable to verify the verifiable presentation: `).
   */
  async verify(presentation: unknown, checkTime: Date): Promise<VerificationResult> {
    const received = readPresentation(presentation);
    const means = this.byPresentationType.get(received.customType);
    if (means === undefined) throw unknownPresentationType(received.customType);
    try {
      return await means.verify(received, checkTime);
    } catch (error) {
      throw prefixed(VERIFY_ERROR_PREFIX, error);
    }
  }
}
