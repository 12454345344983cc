/** The W3C credentials context every presentation names first. */
export const CREDENTIALS_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';

/** The base presentation type that the custom type of each means is listed next to. */
export const BASE_PRESENTATION_TYPE = 'VerifiablePresentation';

/** Custom presentation type of the dummy means (as Nuts). */
export const DUMMY_PRESENTATION_TYPE = 'DummyVerifiablePresentation';

/**
 * The dummy proof. Keys are capitalised because the Nuts Go struct has no JSON tags; `jws` is nutshell's
 * addition: a detached EdDSA JWS of the node over the other fields, so an altered proof no longer verifies.
 */
export interface DummyProof {
  readonly Contract: string;
  readonly Email: string;
  readonly FamilyName: string;
  readonly Initials: string;
  readonly Prefix: string;
  readonly Type: 'NoSignature';
  readonly jws: string;
}

/** The presentation the dummy means hands out when its session completes. */
export interface DummyVerifiablePresentation {
  readonly '@context': readonly [typeof CREDENTIALS_V1_CONTEXT];
  readonly proof: DummyProof;
  readonly type: readonly [typeof BASE_PRESENTATION_TYPE, typeof DUMMY_PRESENTATION_TYPE];
}

/** A presentation of any means this node produces (one member per means). */
export type VerifiablePresentation = DummyVerifiablePresentation;

/**
 * A received presentation after the generic normalisation of go-did: `type` and `proof` pluralised.
 * Its proofs are untrusted JSON until the means that owns `customType` reads them.
 */
export interface ReceivedPresentation {
  /** The single type next to `VerifiablePresentation`, which selects the verifier. */
  readonly customType: string;
  readonly proofs: readonly unknown[];
  /** The presentation as received. */
  readonly raw: Readonly<Record<string, unknown>>;
}
