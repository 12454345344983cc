import { clientCall, param } from '../call.js';
import { guarded, jsonResponse, parseJsonBody } from '../responses.js';
import type { ProtocolHandler } from '../types.js';

/** `POST /session/{clientToken}/frontend/options`: pairing method; answers the options with the code (§5.9). */
export const postFrontendOptions: ProtocolHandler = (context, request) =>
  guarded(async () => {
    const clientToken = param(request, 'clientToken');
    // Authorization and state are checked before the body, as in irmago's middleware.
    await context.engine.frontendStatus(clientToken, clientCall(request));
    const body = parseJsonBody(request.body, 'IRMA_MALFORMED_INPUT');
    return jsonResponse(await context.engine.setFrontendOptions(clientToken, clientCall(request), body));
  });
