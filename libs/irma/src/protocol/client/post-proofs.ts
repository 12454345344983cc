import { NutshellError } from '#errors';
import { clientCall, param } from '../call.js';
import { guarded, jsonResponse, parseJsonBody } from '../responses.js';
import type { ProtocolHandler } from '../types.js';

/** `POST /session/{clientToken}/proofs`: disclosure or signature (§5.5). */
export const postProofs: ProtocolHandler = (context, request) =>
  guarded(async () => {
    const clientToken = param(request, 'clientToken');
    let body: unknown;
    try {
      body = parseJsonBody(request.body, 'IRMA_MALFORMED_INPUT');
    } catch (error) {
      // Token and session errors come first, as irmago's middleware runs before the handler.
      await context.engine.clientStatus(clientToken, clientCall(request));
      throw error;
    }
    return jsonResponse(await context.engine.postProofs(clientToken, clientCall(request), body));
  });

/** `POST /session/{clientToken}/commitments`: issuance, which this server does not run. */
export const postCommitments: ProtocolHandler = (context, request) =>
  guarded(async () => {
    await context.engine.clientStatus(param(request, 'clientToken'), clientCall(request));
    throw new NutshellError('IRMA_UNEXPECTED_REQUEST', 'this session does not issue credentials');
  });
