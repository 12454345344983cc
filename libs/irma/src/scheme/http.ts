import { NutshellError } from '#errors';

/** Upper bound on any one scheme file; the largest real file (a logo) is well below 1 MiB. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Joins a scheme base URL and a forward-slash relative path, percent-encoding each segment. */
export function schemeFileUrl(baseUrl: string, path: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** Result of fetching a scheme file: its bytes, or that the server has no such file (404). */
export type FetchedFile = { found: true; bytes: Buffer } | { found: false; status: number };

/**
 * GETs one file of a remote scheme with a timeout. Network errors, timeouts, oversize bodies and HTTP errors other
 * than 404 become SCHEME_DOWNLOAD_FAILED; 404 is returned so callers can treat optional files as absent.
 */
export async function fetchSchemeFileOptional(baseUrl: string, path: string, timeoutMs: number): Promise<FetchedFile> {
  const url = schemeFileUrl(baseUrl, path);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (cause) {
    const reason = cause instanceof Error && cause.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw new NutshellError('SCHEME_DOWNLOAD_FAILED', `${url} ${reason}`, { cause });
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return { found: false, status: 404 };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new NutshellError('SCHEME_DOWNLOAD_FAILED', `${url} answered HTTP ${response.status}`, { extra: { status: response.status } });
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_FILE_BYTES) {
    await response.body?.cancel();
    throw new NutshellError('SCHEME_DOWNLOAD_FAILED', `${url} is larger than ${MAX_FILE_BYTES} bytes`);
  }
  let body: ArrayBuffer;
  try {
    body = await response.arrayBuffer();
  } catch (cause) {
    throw new NutshellError('SCHEME_DOWNLOAD_FAILED', `${url}: body could not be read`, { cause });
  }
  if (body.byteLength > MAX_FILE_BYTES) throw new NutshellError('SCHEME_DOWNLOAD_FAILED', `${url} is larger than ${MAX_FILE_BYTES} bytes`);
  return { found: true, bytes: Buffer.from(body) };
}

/** GETs one required file of a remote scheme; 404 is SCHEME_DOWNLOAD_FAILED too. */
export async function fetchSchemeFile(baseUrl: string, path: string, timeoutMs: number): Promise<Buffer> {
  const result = await fetchSchemeFileOptional(baseUrl, path, timeoutMs);
  if (!result.found) {
    throw new NutshellError('SCHEME_DOWNLOAD_FAILED', `${schemeFileUrl(baseUrl, path)} answered HTTP 404`, { extra: { status: 404 } });
  }
  return result.bytes;
}
