import { deleteSession } from './client/delete-session.js';
import { getPairedRequest, getSessionRequest } from './client/get-session-request.js';
import { postCommitments, postProofs } from './client/post-proofs.js';
import { clientStatusEvents, getClientStatus } from './client/status.js';
import { postFrontendOptions } from './frontend/options.js';
import { postPairingCompleted } from './frontend/pairing-completed.js';
import { frontendStatusEvents, getFrontendStatus } from './frontend/status.js';
import { startSession } from './requestor/start-session.js';
import { deleteRequestorSession, getRequestorResult, getRequestorStatus, requestorStatusEvents } from './requestor/session.js';
import type { ProtocolRoute } from './types.js';

/** The app and frontend endpoints, relative to the client prefix (default `/irma`). */
export const CLIENT_ROUTES: readonly ProtocolRoute[] = [
  { method: 'GET', path: '/session/:clientToken', kind: 'plain', handle: getSessionRequest },
  { method: 'DELETE', path: '/session/:clientToken', kind: 'plain', handle: deleteSession },
  { method: 'GET', path: '/session/:clientToken/request', kind: 'plain', handle: getPairedRequest },
  { method: 'POST', path: '/session/:clientToken/proofs', kind: 'plain', handle: postProofs },
  { method: 'POST', path: '/session/:clientToken/commitments', kind: 'plain', handle: postCommitments },
  { method: 'GET', path: '/session/:clientToken/status', kind: 'plain', handle: getClientStatus },
  { method: 'GET', path: '/session/:clientToken/statusevents', kind: 'stream', handle: clientStatusEvents },
  { method: 'POST', path: '/session/:clientToken/frontend/options', kind: 'plain', handle: postFrontendOptions },
  { method: 'POST', path: '/session/:clientToken/frontend/pairingcompleted', kind: 'plain', handle: postPairingCompleted },
  { method: 'GET', path: '/session/:clientToken/frontend/status', kind: 'plain', handle: getFrontendStatus },
  { method: 'GET', path: '/session/:clientToken/frontend/statusevents', kind: 'stream', handle: frontendStatusEvents },
];

/** The requestor endpoints a Yivi web client needs, relative to the requestor prefix (default `/`). */
export const REQUESTOR_ROUTES: readonly ProtocolRoute[] = [
  { method: 'POST', path: '/session', kind: 'plain', handle: startSession },
  { method: 'GET', path: '/session/:token/status', kind: 'plain', handle: getRequestorStatus },
  { method: 'GET', path: '/session/:token/statusevents', kind: 'stream', handle: requestorStatusEvents },
  { method: 'GET', path: '/session/:token/result', kind: 'plain', handle: getRequestorResult },
  { method: 'DELETE', path: '/session/:token', kind: 'plain', handle: deleteRequestorSession },
];
