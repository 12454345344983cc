import { clientCall, firstClientCall, param } from '../call.js';
import { guarded, jsonResponse } from '../responses.js';
import type { ProtocolHandler } from '../types.js';

/** `GET /session/{clientToken}/`: the app's first message, with version negotiation (§5.3). */
export const getSessionRequest: ProtocolHandler = (context, request) =>
  guarded(async () => jsonResponse(await context.engine.getClientRequest(param(request, 'clientToken'), firstClientCall(request))));

/** `GET /session/{clientToken}/request`: the request after pairing (§5.4). */
export const getPairedRequest: ProtocolHandler = (context, request) =>
  guarded(async () => jsonResponse(await context.engine.getPairedRequest(param(request, 'clientToken'), clientCall(request))));
