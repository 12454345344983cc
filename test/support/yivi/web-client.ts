import { YiviCore, type FrontendRequest, type StateChangeEvent, type YiviStateOptions } from '@privacybydesign/yivi-core';
import { YiviClient } from '@privacybydesign/yivi-client';
import { createPairingPlugin, type CodeSource, type PairingPlugin } from './pairing-plugin.js';

/** How `start()` ended: the result JSON, or the state name yivi-core rejects with (`Aborted`, `Error`, …). */
export type ClientOutcome = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly reason: unknown };

/** A running yivi-core + yivi-client flow with the headless pairing plugin. */
export interface WebClient {
  readonly core: YiviCore;
  readonly plugin: PairingPlugin;
  /** Settles when `start()` settles; never rejects, so an aborted flow is no unhandled rejection. */
  readonly outcome: Promise<ClientOutcome>;
}

/** Options of `startWebClient`. */
export interface WebClientOptions {
  /** The requestor base: the client POSTs `{url}/session` and GETs `{url}/session/{token}/result`. */
  readonly url: string;
  /** The session request the page's backend would send. */
  readonly request: unknown;
  /** What the user types when asked for the pairing code; defaults to never typing. */
  readonly enterCode?: CodeSource;
  /** Extra yivi-client state options (pairing, polling …), merged over the client's defaults. */
  readonly state?: YiviStateOptions;
  /** Overrides how the client reads `frontendRequest` from the start response (legacy path, tampered token). */
  readonly mapping?: { frontendRequest?: (response: unknown) => FrontendRequest | undefined };
}

/** The QR payload of a `ShowingQRCode` event, decoded: the session pointer the app scans. */
export function sessionPointerOf(event: StateChangeEvent): { u: string; irmaqr: string; continueOnSecondDevice: boolean } {
  const { qr } = event.payload as { qr: string };
  const prefix = 'https://open.yivi.app/-/session#';
  if (!qr.startsWith(prefix)) throw new Error(`unexpected QR payload ${qr}`);
  return JSON.parse(decodeURIComponent(qr.slice(prefix.length))) as { u: string; irmaqr: string; continueOnSecondDevice: boolean };
}

/**
 * Starts the real Yivi web client headless (global fetch, no EventSource, so it polls) with
 * `start` as a POST of `request`, the way a page's own backend route would be configured.
 */
export function startWebClient(options: WebClientOptions): WebClient {
  const core = new YiviCore({
    session: {
      url: options.url,
      start: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(options.request) },
      ...(options.mapping !== undefined ? { mapping: options.mapping } : {}),
    },
    ...(options.state !== undefined ? { state: options.state } : {}),
  });
  core.use(YiviClient);
  const plugin = createPairingPlugin(options.enterCode ?? (() => new Promise<string>(() => undefined)));
  core.use(plugin.plugin);
  const outcome = core.start().then(
    (result): ClientOutcome => ({ ok: true, result }),
    (reason: unknown): ClientOutcome => ({ ok: false, reason }),
  );
  return { core, plugin, outcome };
}
