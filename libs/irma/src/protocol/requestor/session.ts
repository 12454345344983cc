import { param } from '../call.js';
import { emptyResponse, guarded, jsonResponse } from '../responses.js';
import { streamStatus } from '../sse/status-stream.js';
import type { ProtocolHandler, StreamHandler } from '../types.js';
import { assertRequestorAccess } from './access.js';

/** `GET /session/{token}/status`: the status as a JSON string (§3.4). */
export const getRequestorStatus: ProtocolHandler = (context, request) =>
  guarded(async () => {
    assertRequestorAccess(context, request);
    return jsonResponse(await context.engine.status(param(request, 'token')));
  });

/** `GET /session/{token}/result`: the SessionResult JSON, in every state (§6.1). */
export const getRequestorResult: ProtocolHandler = (context, request) =>
  guarded(async () => {
    assertRequestorAccess(context, request);
    return jsonResponse(await context.engine.result(param(request, 'token')));
  });

/** `DELETE /session/{token}`: cancels; 200 with an empty body, also when already finished. */
export const deleteRequestorSession: ProtocolHandler = (context, request) =>
  guarded(async () => {
    assertRequestorAccess(context, request);
    await context.engine.cancel(param(request, 'token'));
    return emptyResponse(200);
  });

/** `GET /session/{token}/statusevents`: status changes as `data: "CONNECTED"` events. */
export const requestorStatusEvents: StreamHandler = (context, request, sink) =>
  streamStatus(context, sink, {
    authorize: async () => {
      assertRequestorAccess(context, request);
      const token = param(request, 'token');
      return { clientToken: await context.engine.clientTokenOf(token), status: await context.engine.status(token) };
    },
    format: (status) => JSON.stringify(status),
  });
