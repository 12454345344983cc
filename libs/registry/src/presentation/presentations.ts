import * as vc from '@digitalbazaar/vc';
import { NutshellError } from '#errors';
import { didOf, isDid } from '../did/did-syntax.js';
import type { Vdr } from '../did/vdr.js';
import { NUTS_CREDENTIALS_V1_URL, NUTSHELL_MEANS_V1_URL, W3C_CREDENTIALS_V1_URL } from '../jsonld/contexts/index.js';
import { describeJsonLdError } from '../jsonld/describe-error.js';
import type { DocumentLoader } from '../jsonld/document-loader.js';
import type { KeyStore } from '../keys/key-store.js';
import type { VerifiableCredential, VerifiablePresentation } from '../registry-types.js';
import { signingSuite, verifyingSuite } from '../vcr/suite.js';
import { credentialProblem, reasonOf, type VerifierDeps } from '../vcr/verifier.js';

/** A request to sign a presentation with the `authentication` key of a DID managed here. */
export interface SignPresentationRequest {
  /** The signing DID; also written as `holder` unless `presentation.holder` says otherwise. */
  readonly signer: string;
  /** Presentation types besides VerifiablePresentation, e.g. `NutsSelfSignedPresentation`. */
  readonly type?: readonly string[];
  readonly credentials?: readonly VerifiableCredential[];
  /** Proof challenge; for a self-signed contract presentation this is the contract text. */
  readonly challenge: string;
  readonly domain?: string;
  /** Further fields of the unsigned presentation (may hold a means proof, which the LD proof does not cover). */
  readonly presentation?: Readonly<Record<string, unknown>>;
}

/** Outcome of verifying a presentation: nuts v6 `VPVerificationResult`. */
export type PresentationVerification =
  | { readonly validity: true; readonly signer: string; readonly credentials: readonly VerifiableCredential[] }
  | { readonly validity: false; readonly message: string };

/** Options of `verifyPresentation`. */
export interface VerifyPresentationOptions {
  readonly challenge: string;
  readonly domain?: string;
  readonly at?: Date;
  /** Accept credentials of issuers not trusted for their type (their signatures and validity are still checked). */
  readonly allowUntrusted?: boolean;
  /** Require every credential's subject to be the signer (Nuts: "presenter must be the credential subject"). */
  readonly signerMustBeSubject?: boolean;
}

/** What presentations need from the registry. */
export interface PresentationDeps extends VerifierDeps {
  readonly vdr: Vdr;
  readonly keys: KeyStore;
}

/** Signs a VC 1.1 presentation with Ed25519Signature2020 (purpose authentication) and the bundled contexts. */
export async function signPresentation(request: SignPresentationRequest, deps: PresentationDeps): Promise<VerifiablePresentation> {
  const document = await deps.vdr.find(request.signer);
  const kid = document?.authentication[0];
  if (!kid || !(await deps.keys.has(kid))) throw new NutshellError('INVALID_INPUT', 'signer: DID is not managed by this node');
  const base = request.presentation ?? {};
  const extraContexts = Array.isArray(base['@context']) ? (base['@context'] as string[]) : [];
  const presentation: Record<string, unknown> = {
    holder: request.signer,
    ...base,
    '@context': unique([W3C_CREDENTIALS_V1_URL, NUTS_CREDENTIALS_V1_URL, NUTSHELL_MEANS_V1_URL, ...extraContexts]),
    type: unique(['VerifiablePresentation', ...(request.type ?? [])]),
    ...(request.credentials?.length ? { verifiableCredential: [...request.credentials] } : {}),
  };
  const now = deps.now();
  try {
    return (await vc.signPresentation({
      presentation,
      suite: signingSuite(deps.keys, kid, now),
      challenge: request.challenge,
      ...(request.domain !== undefined ? { domain: request.domain } : {}),
      documentLoader: deps.documentLoader,
    })) as unknown as VerifiablePresentation;
  } catch (cause) {
    throw new NutshellError('PRESENTATION_INVALID', `presentation could not be signed: ${describeJsonLdError(cause)}`, { cause });
  }
}

/** Verifies the presentation's Ed25519Signature2020 proof (challenge, domain, signer key) and every credential in it. */
export async function verifyPresentation(input: unknown, options: VerifyPresentationOptions, deps: PresentationDeps): Promise<PresentationVerification> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { validity: false, message: 'presentation must be a JSON object' };
  const presentation = input as VerifiablePresentation;
  const proofs = ([] as unknown[]).concat(presentation.proof ?? []);
  const ldProof = proofs.find((p): p is { verificationMethod: string } => typeof (p as { verificationMethod?: unknown })?.verificationMethod === 'string');
  if (!ldProof) return { validity: false, message: 'presentation has no Linked Data proof' };
  const signer = didOf(ldProof.verificationMethod);
  if (!isDid(signer)) return { validity: false, message: 'proof verificationMethod is not a DID URL' };
  if (presentation.holder !== undefined && presentation.holder !== signer) return { validity: false, message: 'signer is not the holder' };

  const at = options.at ?? deps.now();
  const credentials = ([] as VerifiableCredential[]).concat(presentation.verifiableCredential ?? []);
  for (const credential of credentials) {
    if (options.signerMustBeSubject && credential?.credentialSubject?.id !== signer) return { validity: false, message: 'signer is not the credential subject' };
    const problem = await credentialProblem(credential, { at, allowUntrusted: options.allowUntrusted ?? false }, deps);
    if (problem) return { validity: false, message: problem };
  }
  // vc.verify checks every embedded credential's proof (same suite, loader and time) as well as the presentation's,
  // so the credential proofs are not checked separately above.
  const result = await vc.verify({
    presentation,
    suite: verifyingSuite(),
    challenge: options.challenge,
    ...(options.domain !== undefined ? { domain: options.domain } : {}),
    documentLoader: deps.documentLoader,
    now: at,
    maxClockSkew: deps.clockSkewSeconds,
  });
  if (!result.verified) {
    const failedCredential = result.credentialResults?.find((r) => !r.verified);
    if (failedCredential) return { validity: false, message: `invalid credential: ${reasonOf(failedCredential)}` };
    return { validity: false, message: `invalid presentation: ${reasonOf(result)}` };
  }
  return { validity: true, signer, credentials };
}

function unique(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}
