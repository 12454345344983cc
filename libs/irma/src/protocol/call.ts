import type { ClientCall, FirstClientCall } from '../session/index.js';
import type { ProtocolRequest } from './types.js';

/** The header facts the engine checks on app and frontend calls. */
export function clientCall(request: ProtocolRequest): ClientCall {
  return {
    ...(request.headers.authorization !== undefined ? { authorization: request.headers.authorization } : {}),
    ...(request.headers.host !== undefined ? { host: request.headers.host } : {}),
  };
}

/** Adds the app's protocol version headers for the first GET. */
export function firstClientCall(request: ProtocolRequest): FirstClientCall {
  return {
    ...clientCall(request),
    minProtocolVersion: request.headers['x-irma-minprotocolversion'],
    maxProtocolVersion: request.headers['x-irma-maxprotocolversion'],
  };
}

/** The path parameter, or '' (which the engine rejects as a malformed token). */
export function param(request: ProtocolRequest, name: string): string {
  return request.params[name] ?? '';
}
