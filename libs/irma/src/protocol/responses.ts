import { NutshellError, toIrmaError } from '#errors';
import type { ProtocolResponse } from './types.js';

const JSON_TYPE = { 'content-type': 'application/json; charset=UTF-8' };

/** A JSON response as irmago writes them. */
export function jsonResponse(body: unknown, status = 200): ProtocolResponse {
  return { status, headers: JSON_TYPE, body: JSON.stringify(body) };
}

/** An empty response (irmago's DELETE answers 200 with nothing; pairingcompleted 204). */
export function emptyResponse(status: number): ProtocolResponse {
  return { status, headers: {}, body: '' };
}

/** Anything thrown, as an irmago RemoteError. Unknown errors become a bare 500 INTERNAL_ERROR. */
export function errorResponse(error: unknown): ProtocolResponse {
  const remote = toIrmaError(error);
  return jsonResponse(remote, remote.status);
}

/** irmago's answer for unknown routes (and methods) under /irma: no description, no message. */
export function routeNotFound(status: 404 | 405 = 404): ProtocolResponse {
  return jsonResponse({ status, error: 'INVALID_REQUEST' }, status);
}

/** Parses a JSON body; `code` is what irmago answers for unparsable input on this endpoint. */
export function parseJsonBody(body: string | undefined, code: 'IRMA_MALFORMED_INPUT' | 'IRMA_INVALID_REQUEST'): unknown {
  if (body === undefined || body.trim() === '') throw new NutshellError(code, 'empty request body');
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new NutshellError(code, 'request body is not valid JSON');
  }
}

/** Runs a handler body and turns whatever it throws into a RemoteError response. */
export async function guarded(run: () => Promise<ProtocolResponse>): Promise<ProtocolResponse> {
  try {
    return await run();
  } catch (error) {
    return errorResponse(error);
  }
}
