import { LD_CONTEXT, type JsonValue } from '../request/index.js';
import type { FrontendOptions } from './stored-session.js';

/** The options object of §5.3/§5.9 as irmago marshals it (`pairingCode` only with pin). */
export function optionsJson(options: FrontendOptions): { [key: string]: JsonValue } {
  return options.pairingMethod === 'pin'
    ? { '@context': LD_CONTEXT.options, pairingMethod: 'pin', pairingCode: options.pairingCode }
    : { '@context': LD_CONTEXT.options, pairingMethod: 'none' };
}

/**
 * The app's first message for protocol ≥ 2.8 (`ClientSessionRequest`). With pairing the request
 * is held back until the frontend confirms the code.
 */
export function clientSessionRequest(
  protocolVersion: string,
  options: FrontendOptions,
  request: { [key: string]: JsonValue } | undefined,
): { [key: string]: JsonValue } {
  return {
    '@context': LD_CONTEXT.clientRequest,
    protocolVersion,
    options: optionsJson(options),
    ...(request !== undefined ? { request } : {}),
  };
}
