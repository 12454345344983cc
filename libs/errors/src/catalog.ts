/**
 * The one place where nutshell's stable error codes meet the names other protocols use.
 * Callers throw `NutshellError(code, detail)`; transports (problem+json, OAuth, IRMA RemoteError)
 * read status, title and protocol names from here, never from message text.
 */
export interface ErrorSpec {
  /** HTTP status the error maps to. */
  readonly status: number;
  /** Short, fixed English title (problem+json `title` unless the operation overrides it). */
  readonly title: string;
  /** RFC 6749 / RFC 7662 error name, where the error can surface on an OAuth endpoint. */
  readonly oauth?: string;
  /** irmago `RemoteError.error` name, where the error can surface on an IRMA endpoint. */
  readonly irma?: string;
}

export const errorCatalog = {
  // generic input and lookup
  INVALID_INPUT: { status: 400, title: 'Invalid input', oauth: 'invalid_request', irma: 'MALFORMED_INPUT' },
  MALFORMED_JSON: { status: 400, title: 'Malformed JSON', oauth: 'invalid_request', irma: 'MALFORMED_INPUT' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type', oauth: 'invalid_request', irma: 'INVALID_REQUEST' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large', oauth: 'invalid_request', irma: 'INVALID_REQUEST' },
  NOT_FOUND: { status: 404, title: 'Not found', irma: 'INVALID_REQUEST' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed', irma: 'INVALID_REQUEST' },
  CONFLICT: { status: 409, title: 'Conflict' },
  FORBIDDEN: { status: 403, title: 'Forbidden', oauth: 'access_denied', irma: 'UNAUTHORIZED' },
  UNAUTHORIZED: { status: 401, title: 'Unauthorized', oauth: 'invalid_client', irma: 'UNAUTHORIZED' },
  INTERNAL: { status: 500, title: 'Internal server error', oauth: 'server_error', irma: 'INTERNAL_ERROR' },
  UNAVAILABLE: { status: 503, title: 'Service unavailable', oauth: 'temporarily_unavailable', irma: 'EXCEPTION' },

  // configuration (never reaches a client: the node refuses to start)
  CONFIG_INVALID: { status: 500, title: 'Invalid configuration' },

  // contracts
  CONTRACT_UNKNOWN_TEMPLATE: { status: 400, title: 'Unknown contract template', oauth: 'invalid_request' },
  CONTRACT_INVALID_TEXT: { status: 400, title: 'Invalid contract text', oauth: 'invalid_request' },
  CONTRACT_NOT_YET_VALID: { status: 400, title: 'Contract not yet valid', oauth: 'invalid_grant' },
  CONTRACT_EXPIRED: { status: 400, title: 'Contract expired', oauth: 'invalid_grant' },
  CONTRACT_LEGAL_ENTITY_MISMATCH: { status: 400, title: 'Legal entity mismatch', oauth: 'invalid_grant' },
  CONTRACT_INVALID_PERIOD: { status: 400, title: 'Invalid validity period', oauth: 'invalid_request' },

  // signing means and sessions
  MEANS_UNKNOWN: { status: 400, title: 'Unknown signing means', oauth: 'invalid_request' },
  MEANS_DISABLED: { status: 400, title: 'Signing means not allowed', oauth: 'invalid_request' },
  SESSION_NOT_FOUND: { status: 404, title: 'Session not found', irma: 'SESSION_UNKNOWN' },
  PRESENTATION_UNKNOWN_TYPE: { status: 400, title: 'Unknown presentation type', oauth: 'invalid_request' },
  PRESENTATION_INVALID: { status: 400, title: 'Invalid presentation', oauth: 'invalid_grant' },

  // registry (DIDs, credentials, trust)
  DID_INVALID: { status: 400, title: 'Invalid DID', oauth: 'invalid_request' },
  DID_NOT_FOUND: { status: 404, title: 'DID not found' },
  KEY_NOT_FOUND: { status: 404, title: 'Key not found' },
  CREDENTIAL_INVALID: { status: 400, title: 'Invalid credential', oauth: 'invalid_request' },
  CREDENTIAL_NOT_FOUND: { status: 404, title: 'Credential not found' },
  ISSUER_NOT_TRUSTED: { status: 400, title: 'Issuer not trusted', oauth: 'invalid_grant' },
  ORGANIZATION_NOT_FOUND: { status: 404, title: 'Organization not found' },
  ORGANIZATION_NOT_MANAGED: { status: 400, title: 'Organization not managed by this node', oauth: 'invalid_request' },
  ORGANIZATION_AMBIGUOUS: { status: 400, title: 'Multiple non-matching organization credentials', oauth: 'invalid_request' },

  // storage
  STORE_UNAVAILABLE: { status: 503, title: 'Store unavailable', oauth: 'temporarily_unavailable', irma: 'EXCEPTION' },
  STORE_CONFLICT: { status: 409, title: 'Concurrent update', irma: 'EXCEPTION' },

  // IRMA (names and statuses as irmago's server/errors.go)
  IRMA_INVALID_TIMESTAMP: { status: 400, title: 'Timestamp was not an epoch boundary', irma: 'INVALID_TIMESTAMP' },
  IRMA_ISSUING_DISABLED: { status: 403, title: 'This server does not support issuing', irma: 'ISSUING_DISABLED' },
  IRMA_MALFORMED_VERIFIER_REQUEST: { status: 400, title: 'Malformed verification request', irma: 'MALFORMED_VERIFIER_REQUEST' },
  IRMA_MALFORMED_SIGNATURE_REQUEST: { status: 400, title: 'Malformed signature request', irma: 'MALFORMED_SIGNATURE_REQUEST' },
  IRMA_MALFORMED_ISSUER_REQUEST: { status: 400, title: 'Malformed issuer request', irma: 'MALFORMED_ISSUER_REQUEST' },
  IRMA_UNAUTHORIZED: { status: 403, title: 'You are not authorized to issue or verify this attribute', irma: 'UNAUTHORIZED' },
  IRMA_SESSION_UNAUTHORIZED: { status: 403, title: 'You are not authorized to access the session', irma: 'UNAUTHORIZED' },
  IRMA_ATTRIBUTES_WRONG: { status: 400, title: 'Specified attribute(s) do not belong to this credential type or missing attributes', irma: 'ATTRIBUTES_WRONG' },
  IRMA_CANNOT_ISSUE: { status: 500, title: 'Cannot issue this credential', irma: 'CANNOT_ISSUE' },
  IRMA_PAIRING_REQUIRED: { status: 403, title: 'Pairing is required first', irma: 'PAIRING_REQUIRED' },
  IRMA_ISSUANCE_FAILED: { status: 500, title: 'Failed to create credential(s)', irma: 'ISSUANCE_FAILED' },
  IRMA_INVALID_PROOFS: { status: 400, title: 'Invalid secret key commitments and/or disclosure proofs', irma: 'INVALID_PROOFS' },
  IRMA_ATTRIBUTES_MISSING: { status: 400, title: 'Not all requested-for attributes were present', irma: 'ATTRIBUTES_MISSING' },
  IRMA_ATTRIBUTES_EXPIRED: { status: 400, title: 'Disclosed attributes were expired', irma: 'ATTRIBUTES_EXPIRED' },
  IRMA_UNEXPECTED_REQUEST: { status: 403, title: 'Unexpected request in this state', irma: 'UNEXPECTED_REQUEST' },
  IRMA_UNKNOWN_PUBLIC_KEY: { status: 403, title: 'Attributes were not valid against a known public key', irma: 'UNKNOWN_PUBLIC_KEY' },
  IRMA_KEYSHARE_PROOF_MISSING: { status: 403, title: 'ProofP object from a keyshare server missing', irma: 'KEYSHARE_PROOF_MISSING' },
  IRMA_SESSION_UNKNOWN: { status: 400, title: 'Unknown or expired session', irma: 'SESSION_UNKNOWN' },
  IRMA_MALFORMED_INPUT: { status: 400, title: 'Input could not be parsed', irma: 'MALFORMED_INPUT' },
  IRMA_EXCEPTION: { status: 500, title: 'Encountered unexpected problem', irma: 'EXCEPTION' },
  IRMA_NEXT_SESSION: { status: 500, title: 'Error starting next session', irma: 'NEXT_SESSION' },
  IRMA_REVOCATION: { status: 500, title: 'Revocation error', irma: 'REVOCATION' },
  IRMA_UNSUPPORTED: { status: 501, title: 'Unsupported by this server', irma: 'UNSUPPORTED' },
  IRMA_INVALID_REQUEST: { status: 400, title: 'Invalid HTTP request', irma: 'INVALID_REQUEST' },
  IRMA_PROTOCOL_VERSION: { status: 400, title: 'Protocol version negotiation failed', irma: 'PROTOCOL_VERSION' },
  IRMA_INVALID_TOKEN: { status: 403, title: 'Provided token is unknown or invalid', irma: 'INVALID_TOKEN' },
  IRMA_SSE_DISABLED: { status: 500, title: 'Server sent events disabled', irma: 'SSE_DISABLED' },

  // IRMA schemes
  SCHEME_INVALID: { status: 500, title: 'Invalid IRMA scheme', irma: 'EXCEPTION' },
  SCHEME_SIGNATURE_INVALID: { status: 500, title: 'IRMA scheme signature invalid', irma: 'EXCEPTION' },
  SCHEME_UNKNOWN: { status: 400, title: 'Unknown IRMA scheme', irma: 'UNKNOWN_PUBLIC_KEY' },
  SCHEME_DOWNLOAD_FAILED: { status: 503, title: 'IRMA scheme download failed', irma: 'EXCEPTION' },

  // auth: drawing up a contract answers 400 when the organization cannot be resolved (as Nuts), unlike the registry's 404
  CONTRACT_ORGANIZATION_NOT_FOUND: { status: 400, title: 'No organization credential for the legal entity', oauth: 'invalid_request' },
} as const satisfies Record<string, ErrorSpec>;

/** A stable machine code; see `errorCatalog` for what it maps to. */
export type ErrorCode = keyof typeof errorCatalog;

/** Looks up the mapping of an error code. */
export function errorSpec(code: ErrorCode): ErrorSpec {
  return errorCatalog[code];
}
