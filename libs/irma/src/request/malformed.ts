import { NutshellError, type ErrorCode } from '#errors';
import type { SessionType } from './types.js';

const CODES: Record<SessionType, ErrorCode> = {
  disclosing: 'IRMA_MALFORMED_VERIFIER_REQUEST',
  signing: 'IRMA_MALFORMED_SIGNATURE_REQUEST',
  issuing: 'IRMA_MALFORMED_ISSUER_REQUEST',
};

/** The irmago error for a malformed request of the given type. */
export function malformed(type: SessionType, detail: string): NutshellError {
  return new NutshellError(CODES[type], detail);
}
