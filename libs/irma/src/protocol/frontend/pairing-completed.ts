import { clientCall, param } from '../call.js';
import { emptyResponse, guarded } from '../responses.js';
import type { ProtocolHandler } from '../types.js';

/** `POST /session/{clientToken}/frontend/pairingcompleted`: PAIRING → CONNECTED, 204 (§5.9). */
export const postPairingCompleted: ProtocolHandler = (context, request) =>
  guarded(async () => {
    await context.engine.pairingCompleted(param(request, 'clientToken'), clientCall(request));
    return emptyResponse(204);
  });
