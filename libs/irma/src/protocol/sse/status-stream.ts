import { NutshellError } from '#errors';
import { isFinal, type SessionStatus } from '../../session/index.js';
import { errorResponse } from '../responses.js';
import type { EventSink, ProtocolContext, ProtocolResponse } from '../types.js';

/** go-sse's response headers, which irmago sends on every stream (§5.8). */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-allow-headers': 'Keep-Alive,X-Requested-With,Cache-Control,Content-Type,Last-Event-ID',
};

/** irmago sends an data-less `open` event this long after subscribing, as an "SSE works" signal. */
const OPEN_EVENT_DELAY_MS = 200;

/** What differs between the client, frontend and requestor streams. */
export interface StatusStreamOptions {
  /** Checks access and returns the session's client token and current status; throws a NutshellError to refuse. */
  readonly authorize: () => Promise<{ readonly clientToken: string; readonly status: SessionStatus }>;
  /** The `data:` payload for a status. */
  readonly format: (status: SessionStatus) => string;
}

/**
 * Streams status changes of one session as server-sent events until it finishes (§5.8). Changes
 * come from the store's subscription, so a change made on another node reaches this stream too;
 * a timer prompts the lazy TIMEOUT transition when nobody else touches the session.
 */
export async function streamStatus(context: ProtocolContext, sink: EventSink, options: StatusStreamOptions): Promise<ProtocolResponse | undefined> {
  if (!context.sse) return errorResponse(new NutshellError('IRMA_SSE_DISABLED', 'server-sent events are disabled'));
  const { engine } = context;
  let last: SessionStatus;
  let clientToken: string;
  try {
    ({ clientToken, status: last } = await options.authorize());
  } catch (error) {
    return errorResponse(error);
  }
  if (isFinal(last)) {
    return errorResponse(new NutshellError('IRMA_UNEXPECTED_REQUEST', "Can't subscribe to server sent events of finished session"));
  }

  // Re-reads go through the same access check as the first read (host pin, frontend authorization).
  const reread = async (): Promise<SessionStatus> => (await options.authorize()).status;
  let finished = false;
  let unsubscribe: (() => Promise<void>) | undefined;
  let timeoutTimer: NodeJS.Timeout | undefined;
  const openTimer = setTimeout(() => !finished && sink.write('event: open\n\n'), OPEN_EVENT_DELAY_MS);

  const finish = (): void => {
    if (finished) return;
    finished = true;
    clearTimeout(openTimer);
    if (timeoutTimer !== undefined) clearTimeout(timeoutTimer);
    void unsubscribe?.().catch(() => undefined);
    sink.end();
  };
  const deliver = (status: SessionStatus): void => {
    if (finished || status === last) return;
    last = status;
    sink.write(`data: ${options.format(status)}\n\n`);
    if (isFinal(status)) finish();
    else void scheduleTimeout();
  };
  const scheduleTimeout = async (): Promise<void> => {
    if (timeoutTimer !== undefined) clearTimeout(timeoutTimer);
    const at = await engine.timeoutAt(clientToken).catch(() => undefined);
    if (at === undefined || finished) return;
    // Reading the status after the deadline persists the TIMEOUT, which every watcher then sees.
    timeoutTimer = setTimeout(() => {
      void reread().then(deliver, () => finish());
    }, Math.max(0, at - Date.now()) + 50);
    timeoutTimer.unref();
  };

  sink.open(SSE_HEADERS);
  sink.onClose(finish);
  try {
    unsubscribe = await engine.watch(clientToken, deliver);
    // A change between the first read and the subscription would otherwise be lost.
    deliver(await reread());
    await scheduleTimeout();
  } catch {
    finish();
  }
  return undefined;
}
