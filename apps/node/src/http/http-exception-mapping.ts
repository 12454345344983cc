import type { HttpException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type ErrorCode, NutshellError } from '#errors';

/** Fastify's own errors (body parsing, limits) reach Nest as an HttpException whose cause carries the code. */
const fastifyCodes: Record<string, { code: ErrorCode; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', detail: 'request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'MALFORMED_JSON', detail: 'request body is empty but declared as JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', detail: 'request body exceeds the size limit of 1 MiB' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'unsupported content type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'INVALID_INPUT', detail: 'content length does not match the body' },
};

const byStatus: Record<number, ErrorCode> = {
  401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Maps Nest's and Fastify's HTTP exceptions onto nutshell error codes with client-safe details. */
export function fromHttpException(e: HttpException, request: FastifyRequest): NutshellError {
  const cause = e.cause as { code?: unknown } | undefined;
  const known = typeof cause?.code === 'string' ? fastifyCodes[cause.code] : undefined;
  if (known) return new NutshellError(known.code, known.detail);
  const status = e.getStatus();
  if (status >= 500) return new NutshellError('INTERNAL', 'internal server error');
  if (status === 404 && /^Cannot [A-Z]+ /.test(e.message)) {
    return new NutshellError('NOT_FOUND', `no route for ${request.method} ${request.url.split('?')[0]}`);
  }
  const response = e.getResponse();
  const message = typeof response === 'object' && response !== null && 'message' in response ? (response as { message: unknown }).message : e.message;
  return new NutshellError(byStatus[status] ?? 'INVALID_INPUT', Array.isArray(message) ? message.join('; ') : String(message));
}
