import { NutshellError } from '#errors';
import type { ProtocolContext, ProtocolRequest } from '../types.js';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * The requestor endpoints have no authentication yet (that is the next issue), so by default
 * only loopback peers may start sessions or read results.
 */
export function assertRequestorAccess(context: ProtocolContext, request: ProtocolRequest): void {
  if (context.requestorAccess === 'any') return;
  if (request.remoteAddress === undefined || !LOOPBACK.test(request.remoteAddress)) {
    throw new NutshellError('FORBIDDEN', 'requestor endpoints only accept loopback connections until requestor authentication exists');
  }
}
