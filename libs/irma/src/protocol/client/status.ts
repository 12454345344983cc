import { clientCall, param } from '../call.js';
import { guarded, jsonResponse } from '../responses.js';
import { streamStatus } from '../sse/status-stream.js';
import type { ProtocolHandler, StreamHandler } from '../types.js';

/** `GET /session/{clientToken}/status`: the status as a JSON string, no authorization (§5.8). */
export const getClientStatus: ProtocolHandler = (context, request) =>
  guarded(async () => jsonResponse(await context.engine.clientStatus(param(request, 'clientToken'), clientCall(request))));

/** `GET /session/{clientToken}/statusevents`: status changes as `data: "CONNECTED"` events. */
export const clientStatusEvents: StreamHandler = (context, request, sink) => {
  const clientToken = param(request, 'clientToken');
  return streamStatus(context, sink, {
    authorize: async () => ({ clientToken, status: await context.engine.clientStatus(clientToken, clientCall(request)) }),
    format: (status) => JSON.stringify(status),
  });
};
