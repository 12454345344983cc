type FetchInput = Parameters<typeof fetch>[0];

/** One HTTP request as the Yivi client sent it, with the node's answer once it arrives. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  /** Header names lower-cased, as `Headers` normalises them. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** The fetch `cache` mode the caller asked for. */
  readonly cache: string | undefined;
  /** undefined while the answer is outstanding; 0 when the request failed before a response arrived. */
  readonly status: number | undefined;
  readonly responseContentType: string | null;
  /** Response header names lower-cased; empty while outstanding. */
  readonly responseHeaders: Readonly<Record<string, string>>;
  /** The response text; '' for event streams. */
  readonly responseBody: string;
}

type Recording = { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] };

/** A global fetch replacement that records every call; `restore()` puts the original back. */
export interface FetchRecorder {
  /** In the order the requests were sent (not answered), which is the order the client emits them. */
  readonly requests: readonly RecordedRequest[];
  /** The unwrapped fetch, for the test's own calls (the app, the requestor) that must not be recorded. */
  readonly originalFetch: typeof fetch;
  restore(): void;
}

function methodOf(input: FetchInput, init: RequestInit | undefined): string {
  if (init?.method !== undefined) return init.method.toUpperCase();
  return input instanceof Request ? input.method : 'GET';
}

function urlOf(input: FetchInput): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/**
 * Replaces `globalThis.fetch`, which yivi-client calls directly (it has no injectable transport),
 * so the test sees exactly the requests the client emits.
 */
export function installFetchRecorder(): FetchRecorder {
  const originalFetch = globalThis.fetch;
  const requests: Recording[] = [];
  const recording: typeof fetch = async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).forEach((value, name) => {
      headers[name] = value;
    });
    const entry: Recording = {
      method: methodOf(input, init),
      url: urlOf(input),
      headers,
      body: typeof init?.body === 'string' ? init.body : undefined,
      cache: (init as { cache?: string } | undefined)?.cache,
      status: undefined,
      responseContentType: null,
      responseHeaders: {},
      responseBody: '',
    };
    requests.push(entry);
    try {
      const response = await originalFetch(input, init);
      const responseContentType = response.headers.get('content-type');
      // A clone, so the caller still reads the original body; an event stream is left alone, as it only ends with the session.
      entry.responseBody = responseContentType?.startsWith('text/event-stream') ? '' : await response.clone().text();
      entry.responseContentType = responseContentType;
      entry.responseHeaders = Object.fromEntries(response.headers);
      entry.status = response.status;
      return response;
    } catch (error) {
      // A network failure stays in the sequence, so a refused connection is visible.
      entry.status = 0;
      throw error;
    }
  };
  globalThis.fetch = recording;
  return {
    requests,
    originalFetch,
    restore: () => {
      globalThis.fetch = originalFetch;
    },
  };
}
