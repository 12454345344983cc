/** A verification method as listed in our DID documents (Ed25519Signature2020 verifies these offline). */
export interface VerificationMethod {
  readonly id: string;
  readonly type: 'Ed25519VerificationKey2020';
  readonly controller: string;
  readonly publicKeyMultibase: string;
}

/** A did:web DID document managed by this node. */
export interface DidDocument {
  readonly '@context': readonly string[];
  readonly id: string;
  readonly controller?: string;
  /** Empty once the DID is deactivated. */
  readonly verificationMethod: readonly VerificationMethod[];
  readonly assertionMethod: readonly string[];
  readonly authentication: readonly string[];
  readonly capabilityInvocation?: readonly string[];
  readonly capabilityDelegation?: readonly string[];
}

/** Metadata kept next to a DID document (nuts v6 `DIDDocumentMetadata` subset). */
export interface DidDocumentMetadata {
  readonly created: string;
  readonly updated?: string;
  readonly deactivated: boolean;
}

/** A JSON-LD proof as Ed25519Signature2020 writes it. */
export interface LinkedDataProof {
  readonly type: string;
  readonly created: string;
  readonly verificationMethod: string;
  readonly proofPurpose: string;
  readonly proofValue: string;
  readonly challenge?: string;
  readonly domain?: string;
}

/** A W3C VC data model 1.1 credential (the shape nutshell issues and stores). */
export interface VerifiableCredential {
  readonly '@context': readonly string[];
  readonly id: string;
  readonly type: readonly string[];
  readonly issuer: string;
  readonly issuanceDate: string;
  readonly expirationDate?: string;
  readonly credentialSubject: { readonly id: string; readonly [term: string]: unknown };
  readonly proof: LinkedDataProof;
  readonly [term: string]: unknown;
}

/** A W3C VP data model 1.1 presentation, signed with an authentication key of `holder`. */
export interface VerifiablePresentation {
  readonly '@context': readonly string[];
  readonly type: readonly string[];
  readonly id?: string;
  readonly holder?: string;
  readonly verifiableCredential?: readonly VerifiableCredential[];
  /** One Linked Data proof, or several when a means proof (IRMA, UZI, dummy) travels next to it. */
  readonly proof: LinkedDataProof | ReadonlyArray<LinkedDataProof | Readonly<Record<string, unknown>>>;
  readonly [term: string]: unknown;
}

/** Name and city of an organization, as a contract needs them. */
export interface Organization {
  readonly name: string;
  readonly city: string;
}

/** Outcome of verifying a credential: nuts v6 `VCVerificationResult`. */
export type CredentialVerification = { readonly validity: true } | { readonly validity: false; readonly message: string };
