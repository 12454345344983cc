import type { RecordedRequest } from './fetch-recorder.js';

/** The CORS preflight a browser sends before a request, by the Fetch standard's "CORS-unsafe" rules. */
export interface Preflight {
  readonly method: string;
  /** Lower-cased, sorted, as browsers list them in Access-Control-Request-Headers. */
  readonly headers: readonly string[];
}

const SIMPLE_METHODS = new Set(['GET', 'HEAD', 'POST']);
const SAFELISTED_HEADERS = new Set(['accept', 'accept-language', 'content-language', 'content-type']);
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** The preflight a browser page on another origin would need for `request`, or undefined for a simple request. */
export function preflightFor(request: RecordedRequest): Preflight | undefined {
  const unsafe = Object.entries(request.headers)
    .filter(([name, value]) => {
      if (!SAFELISTED_HEADERS.has(name)) return true;
      return name === 'content-type' && !SIMPLE_CONTENT_TYPES.has(value.split(';')[0]!.trim().toLowerCase());
    })
    .map(([name]) => name)
    .sort();
  if (SIMPLE_METHODS.has(request.method) && unsafe.length === 0) return undefined;
  return { method: request.method, headers: unsafe };
}

/** Whether a preflight answer lets the browser go on (status ok, origin, method and every header allowed). */
export function preflightAllows(preflight: Preflight, status: number, headers: Headers, origin: string): boolean {
  const list = (name: string): string[] =>
    (headers.get(name) ?? '')
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter((item) => item !== '');
  const allowOrigin = headers.get('access-control-allow-origin');
  const methods = list('access-control-allow-methods');
  const allowed = list('access-control-allow-headers');
  return (
    status >= 200 &&
    status < 300 &&
    (allowOrigin === '*' || allowOrigin === origin) &&
    (SIMPLE_METHODS.has(preflight.method) || methods.includes(preflight.method.toLowerCase()) || methods.includes('*')) &&
    // `*` does not cover Authorization (Fetch standard), so it must be named.
    preflight.headers.every((name) => allowed.includes(name) || (allowed.includes('*') && name !== 'authorization'))
  );
}
