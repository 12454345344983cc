import * as vc from '@digitalbazaar/vc';
import { isDid } from '../did/did-syntax.js';
import { describeJsonLdError } from '../jsonld/describe-error.js';
import type { DocumentLoader } from '../jsonld/document-loader.js';
import type { CredentialVerification, VerifiableCredential } from '../registry-types.js';
import type { TrustRepository } from '../trust/trust-repository.js';
import { BASE_CREDENTIAL_TYPE } from './credential-types.js';
import { verifyingSuite } from './suite.js';
import { validityProblem } from './validity.js';

/** Options of `verifyCredential`. */
export interface VerifyCredentialOptions {
  /** Moment the credential must be valid at; now when absent. */
  readonly at?: Date;
  /** Skips the trust check (nuts v6 `allowUntrustedIssuer`). */
  readonly allowUntrusted?: boolean;
}

/** What verifying needs from the registry. */
export interface VerifierDeps {
  readonly trust: TrustRepository;
  readonly documentLoader: DocumentLoader;
  readonly now: () => Date;
  readonly clockSkewSeconds: number;
}

/** Checks shape, validity period, trust of the issuer for every non-base type, and the Ed25519Signature2020 proof. */
export async function verifyCredential(input: unknown, options: VerifyCredentialOptions, deps: VerifierDeps): Promise<CredentialVerification> {
  const problem = await credentialProblem(input, options, deps);
  if (problem) return { validity: false, message: problem };
  const credential = input as VerifiableCredential;
  const at = options.at ?? deps.now();
  const result = await vc.verifyCredential({
    credential,
    suite: verifyingSuite(),
    documentLoader: deps.documentLoader,
    now: at,
    maxClockSkew: deps.clockSkewSeconds,
  });
  if (!result.verified) return { validity: false, message: `invalid credential: ${reasonOf(result)}` };
  return { validity: true };
}

/**
 * Everything `verifyCredential` checks except the proof: shape, validity period at `options.at` (default now) and,
 * unless allowed otherwise, trust in the issuer. For callers whose proof check happens elsewhere (a presentation's).
 */
export async function credentialProblem(input: unknown, options: VerifyCredentialOptions, deps: VerifierDeps): Promise<string | undefined> {
  const shape = shapeProblem(input);
  if (shape) return shape;
  const credential = input as VerifiableCredential;
  const period = validityProblem(credential, options.at ?? deps.now(), deps.clockSkewSeconds);
  if (period) return period;
  if (!options.allowUntrusted) {
    for (const type of credential.type.filter((t) => t !== BASE_CREDENTIAL_TYPE)) {
      if (!(await deps.trust.trusted(type)).includes(credential.issuer)) return `issuer is not trusted for credential type ${type}`;
    }
  }
  return undefined;
}

/** Why `input` is not a VC nutshell can verify, or undefined. */
function shapeProblem(input: unknown): string | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return 'credential must be a JSON object';
  const c = input as Record<string, unknown>;
  if (!Array.isArray(c['@context']) || c['@context'].some((u) => typeof u !== 'string')) return '@context must be an array of URLs';
  if (!Array.isArray(c['type']) || !c['type'].includes(BASE_CREDENTIAL_TYPE) || c['type'].some((t) => typeof t !== 'string')) {
    return 'type must be an array including VerifiableCredential';
  }
  if (typeof c['issuer'] !== 'string' || !isDid(c['issuer'])) return 'issuer must be a DID';
  if (typeof c['issuanceDate'] !== 'string') return 'issuanceDate is required';
  if (c['expirationDate'] !== undefined && typeof c['expirationDate'] !== 'string') return 'expirationDate must be a string';
  const subject = c['credentialSubject'];
  if (subject === null || typeof subject !== 'object' || Array.isArray(subject)) return 'credentialSubject must be a single object';
  if (c['credentialStatus'] !== undefined) return 'credentialStatus is not supported';
  const proof = c['proof'];
  if (proof === null || typeof proof !== 'object' || Array.isArray(proof)) return 'credential must carry exactly one proof';
  return undefined;
}

/** The most specific message of a failed @digitalbazaar verification, one line, no stack. */
export function reasonOf(result: vc.VerifyResult): string {
  const candidates = [
    ...(result.results ?? []).map((r) => r.error),
    result.error?.errors?.[0],
    result.error,
    result.presentationResult?.error,
    ...(result.credentialResults ?? []).map((r) => r.error),
  ];
  for (const error of candidates) {
    const nested = (error as { errors?: unknown[] } | undefined)?.errors?.[0];
    const cause = nested ?? error;
    if (cause) return describeJsonLdError(cause);
  }
  return 'verification failed';
}
