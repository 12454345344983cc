import { parseSessionRequest, type DisclosureRequest, type SignatureRequest } from '#irma';
import { createDisclosure, createSignedMessage, type Credential } from '../../../libs/irma/src/testing/prover.js';

/** The app's first message from a 2.8 server (irma-server.md §5.3). */
export interface ClientSessionRequest {
  readonly '@context': string;
  readonly protocolVersion: string;
  readonly options: { readonly '@context': string; readonly pairingMethod: 'none' | 'pin'; readonly pairingCode?: string };
  readonly request?: Record<string, unknown>;
}

/** A raw HTTP exchange of the app, kept for assertions and for the report when something is refused. */
export interface AppExchange {
  readonly status: number;
  readonly body: string;
}

/** The version headers the current Yivi app sends, plus its session-binding token (protocol 2.8). */
export const APP_HEADERS: Readonly<Record<string, string>> = {
  'X-IRMA-MinProtocolVersion': '2.4',
  'X-IRMA-MaxProtocolVersion': '2.9',
  Authorization: 'YiviAppBinding012345',
};

const POLL_MS = 50;

/**
 * Plays the Yivi app over HTTP with the test prover's wallet: the GET with version headers and
 * Authorization, waiting for pairing, fetching the request, posting proofs, or declining.
 * It uses the fetch it is given, so the app's calls stay out of the web client's recording.
 */
export class TestYiviApp {
  constructor(
    private readonly wallet: readonly Credential[],
    private readonly http: typeof fetch,
  ) {}

  /** `GET {u}/`: the first message; throws with the node's answer when it is not 200. */
  async connect(u: string): Promise<ClientSessionRequest> {
    return JSON.parse(await this.expectOk('GET', `${u}/`)) as ClientSessionRequest;
  }

  /** Polls the unauthenticated `GET {u}/status` (as the app does without SSE) until it reads `status`. */
  async waitForStatus(u: string, status: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = JSON.parse(await this.expectOk('GET', `${u}/status`)) as string;
      if (last === status) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`session status stayed ${last}, expected ${status}`);
  }

  /** `GET {u}/request`: the request once pairing is completed. */
  async pairedRequest(u: string): Promise<Record<string, unknown>> {
    return JSON.parse(await this.expectOk('GET', `${u}/request`)) as Record<string, unknown>;
  }

  /** Builds real proofs for the wire request (disclosure or signature) and posts them to `{u}/proofs`. */
  async respond(u: string, wire: Record<string, unknown>): Promise<AppExchange> {
    const request = parseSessionRequest(wire);
    const body =
      request.type === 'disclosing'
        ? createDisclosure(this.wallet, request as DisclosureRequest)
        : request.type === 'signing'
          ? createSignedMessage(this.wallet, request as SignatureRequest)
          : undefined;
    if (body === undefined) throw new Error('the test app answers disclosure and signature sessions only');
    return this.send('POST', `${u}/proofs`, JSON.stringify(body));
  }

  /** `DELETE {u}`: the user declines in the app. */
  async decline(u: string): Promise<AppExchange> {
    return this.send('DELETE', u);
  }

  private async expectOk(method: string, url: string): Promise<string> {
    const exchange = await this.send(method, url);
    if (exchange.status !== 200) throw new Error(`${method} ${url} answered ${exchange.status}: ${exchange.body}`);
    return exchange.body;
  }

  private async send(method: string, url: string, body?: string): Promise<AppExchange> {
    const response = await this.http(url, {
      method,
      headers: { ...APP_HEADERS, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body,
    });
    return { status: response.status, body: await response.text() };
  }
}
