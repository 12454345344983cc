import { clientCall, param } from '../call.js';
import { emptyResponse, guarded } from '../responses.js';
import type { ProtocolHandler } from '../types.js';

/** `DELETE /session/{clientToken}`: app or frontend cancels; 200 with an empty body, also when already finished (§5.6). */
export const deleteSession: ProtocolHandler = (context, request) =>
  guarded(async () => {
    await context.engine.cancelByClientToken(param(request, 'clientToken'), clientCall(request));
    return emptyResponse(200);
  });
