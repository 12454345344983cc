import { errorSpec } from './catalog.js';
import { isNutshellError } from './nutshell-error.js';

/** RFC 7807 problem details as nutshell sends them. */
export interface ProblemDetails {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly [extra: string]: unknown;
}

/** irmago's `RemoteError` body. */
export interface IrmaRemoteError {
  readonly status: number;
  readonly error: string;
  readonly description: string;
  readonly message?: string;
}

/** OAuth 2 error response body (RFC 6749 §5.2). */
export interface OAuthErrorBody {
  readonly error: string;
  readonly error_description: string;
}

/**
 * Turns anything thrown into a problem document. Unknown errors become a bare 500 whose
 * detail says nothing of the cause, so stack traces and secrets never reach a client.
 */
export function toProblem(error: unknown, title?: string): ProblemDetails {
  if (isNutshellError(error)) {
    return {
      title: title ?? error.title,
      status: error.status,
      detail: error.detail,
      code: error.code,
      ...(error.extra ?? {}),
    };
  }
  const spec = errorSpec('INTERNAL');
  return { title: title ?? spec.title, status: spec.status, detail: 'internal server error', code: 'INTERNAL' };
}

/** Turns anything thrown into an irmago-style RemoteError body. */
export function toIrmaError(error: unknown): IrmaRemoteError {
  if (isNutshellError(error)) {
    const spec = errorSpec(error.code);
    const irma = spec.irma ?? (spec.status >= 500 ? 'EXCEPTION' : 'INVALID_REQUEST');
    const described = error.code.startsWith('IRMA_') ? spec.title : error.title;
    return { status: spec.status, error: irma, description: described, message: error.detail };
  }
  return { status: 500, error: 'INTERNAL_ERROR', description: 'Internal server error' };
}

/** Turns anything thrown into an OAuth error body. */
export function toOAuthError(error: unknown): { status: number; body: OAuthErrorBody } {
  if (isNutshellError(error)) {
    const spec = errorSpec(error.code);
    return { status: spec.status, body: { error: spec.oauth ?? 'invalid_request', error_description: error.detail } };
  }
  return { status: 500, body: { error: 'server_error', error_description: 'internal server error' } };
}
