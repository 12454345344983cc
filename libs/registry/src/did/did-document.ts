import type { JsonWebKey } from 'node:crypto';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { DID_V1_URL, ED25519_2020_V1_URL } from '../jsonld/contexts/index.js';
import type { DidDocument, VerificationMethod } from '../registry-types.js';

/** The Ed25519VerificationKey2020 form (multibase `z6Mk…`) of an Ed25519 public JWK. */
export async function verificationMethodOf(id: string, controller: string, publicJwk: JsonWebKey): Promise<VerificationMethod> {
  const key = await Ed25519VerificationKey2020.fromJsonWebKey({ id, controller, type: 'JsonWebKey', publicKeyJwk: publicJwk });
  return { id, type: 'Ed25519VerificationKey2020', controller, publicKeyMultibase: key.publicKeyMultibase };
}

/**
 * A DID document with one key used for everything a Nuts organization signs: credentials (assertionMethod),
 * presentations and access (authentication), and managing itself (capabilityInvocation/Delegation).
 * The DID context comes first, so proof purposes can read it without JSON-LD framing.
 */
export function didDocumentWith(did: string, method: VerificationMethod): DidDocument {
  return {
    '@context': [DID_V1_URL, ED25519_2020_V1_URL],
    id: did,
    verificationMethod: [method],
    assertionMethod: [method.id],
    authentication: [method.id],
    capabilityInvocation: [method.id],
    capabilityDelegation: [method.id],
  };
}
