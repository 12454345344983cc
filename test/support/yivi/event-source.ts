/** The part of the WHATWG EventSource that yivi-client uses. */
export interface MinimalEventSource {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { data?: string }) => void): void;
  close(): void;
}

/** Constructor shape yivi-client calls: `new EventSource(url, {headers})`. */
export type EventSourceConstructor = new (url: string, init?: { headers?: Record<string, string> }) => MinimalEventSource;

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

/**
 * An EventSource over fetch for Node 20 (which has none). `sendHeaders` picks the behaviour:
 * true is the polyfill bundled in yivi-frontend (passes the Authorization header), false is a
 * browser's native EventSource (ignores the second argument). It never reconnects: when the
 * stream ends it reports `error` once, which is what a browser's reconnect attempt on a finished
 * session leads to anyway (the node refuses subscriptions to finished sessions).
 */
export function fetchEventSource(sendHeaders: boolean): EventSourceConstructor {
  return class FetchEventSource implements MinimalEventSource {
    readyState = CONNECTING;
    private readonly listeners = new Map<string, ((event: { data?: string }) => void)[]>();
    private readonly abort = new AbortController();

    constructor(url: string, init?: { headers?: Record<string, string> }) {
      const headers = { Accept: 'text/event-stream', ...(sendHeaders ? init?.headers : {}) };
      // Looked up at call time, so a recording fetch sees the subscription.
      void globalThis
        .fetch(url, { headers, signal: this.abort.signal })
        .then((response) => this.consume(response))
        .catch(() => this.fail());
    }

    addEventListener(type: string, listener: (event: { data?: string }) => void): void {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }

    close(): void {
      this.readyState = CLOSED;
      this.abort.abort();
    }

    private emit(type: string, event: { data?: string }): void {
      for (const listener of this.listeners.get(type) ?? []) listener(event);
    }

    private fail(): void {
      if (this.readyState === CLOSED) return;
      this.readyState = CLOSED;
      this.emit('error', {});
    }

    private async consume(response: Response): Promise<void> {
      if (response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream') || response.body === null) {
        await response.body?.cancel();
        this.fail();
        return;
      }
      this.readyState = OPEN;
      this.emit('open', {});
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true }).replace(/\r\n?/g, '\n');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
      this.fail();
    }

    /** One event block: `event:` names the type, `data:` lines join with newlines, no data means no event. */
    private dispatch(block: string): void {
      let type = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') type = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0 && this.readyState === OPEN) this.emit(type, { data: data.join('\n') });
    }
  };
}

/** Makes `EventSource` global (as in a browser) until the returned function is called. */
export function installEventSource(constructor: EventSourceConstructor): () => void {
  const scope = globalThis as { EventSource?: unknown };
  const previous = scope.EventSource;
  scope.EventSource = constructor;
  return () => {
    if (previous === undefined) delete scope.EventSource;
    else scope.EventSource = previous;
  };
}
