import { clientCall, param } from '../call.js';
import { guarded, jsonResponse } from '../responses.js';
import { streamStatus } from '../sse/status-stream.js';
import type { ProtocolHandler, StreamHandler } from '../types.js';

/** `GET /session/{clientToken}/frontend/status`: `{"status":…}` under frontend authorization (§5.8). */
export const getFrontendStatus: ProtocolHandler = (context, request) =>
  guarded(async () => jsonResponse(await context.engine.frontendStatus(param(request, 'clientToken'), clientCall(request))));

/** `GET /session/{clientToken}/frontend/statusevents`: status changes as `data: {"status":…}` events. */
export const frontendStatusEvents: StreamHandler = (context, request, sink) => {
  const clientToken = param(request, 'clientToken');
  return streamStatus(context, sink, {
    authorize: async () => ({ clientToken, ...(await context.engine.frontendStatus(clientToken, clientCall(request))) }),
    format: (status) => JSON.stringify({ status }),
  });
};
