export type { ProtocolRequest, ProtocolResponse, EventSink, ProtocolContext, ProtocolHandler, StreamHandler, ProtocolRoute } from './types.js';
export { jsonResponse, emptyResponse, errorResponse, routeNotFound, parseJsonBody } from './responses.js';
export { SSE_HEADERS, streamStatus } from './sse/status-stream.js';
export { CLIENT_ROUTES, REQUESTOR_ROUTES } from './routes.js';
