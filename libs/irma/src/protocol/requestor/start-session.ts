import { NutshellError } from '#errors';
import { guarded, jsonResponse, parseJsonBody } from '../responses.js';
import type { ProtocolHandler } from '../types.js';
import { assertRequestorAccess } from './access.js';

/** `POST /session`: starts a session from an (extended) JSON session request; 200 with the session package (§3.1). */
export const startSession: ProtocolHandler = (context, request) =>
  guarded(async () => {
    assertRequestorAccess(context, request);
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType === 'text/plain') throw new NutshellError('IRMA_INVALID_REQUEST', 'signed JWT session requests are not supported yet');
    if (contentType !== 'application/json') throw new NutshellError('IRMA_INVALID_REQUEST', `Unsupported Content-Type: ${contentType || '(none)'}`);
    const body = parseJsonBody(request.body, 'IRMA_INVALID_REQUEST');
    return jsonResponse(await context.engine.startSession(body));
  });
