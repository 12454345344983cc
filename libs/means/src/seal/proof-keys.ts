/**
 * The part of the node's key store (`KeyStore` of `#registry`) a means needs to seal its proofs. Declared here
 * so the means lib does not depend on the registry; the node binds the real key store.
 */
export interface ProofKeys {
  has(kid: string): Promise<boolean>;
  create(kid: string, type: 'Ed25519'): Promise<object>;
  publicJwk(kid: string): Promise<object | undefined>;
  /** Raw Ed25519 signature (64 bytes) over `data`. */
  sign(kid: string, data: Uint8Array): Promise<Uint8Array>;
}
